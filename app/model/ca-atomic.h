/* ca-atomic.h: write a file whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <signal.h>

G_BEGIN_DECLS

/* Writes @length bytes of @data to @path whole or not at all: the bytes go
 * to a temporary file in the same folder, which is flushed to disk and then
 * renamed over @path.  On any failure the temporary file is removed, an
 * existing @path is left as it was, and @error (G_FILE_ERROR) says
 * "Could not write “PATH”: REASON".  An existing @path that is not a
 * regular file (a folder, a device, a pipe) is never replaced.
 *
 * As cp does: a @path that is a symbolic link keeps being one, and the file
 * it points to is replaced (the temporary file goes in that file's folder);
 * a link to nothing is refused.  An existing file the user may not write
 * (access (W_OK)) is refused, though the rename would be allowed; a folder
 * that cannot be written is named in the message. */
gboolean ca_atomic_write (const char  *path,
                          const void  *data,
                          gsize        length,
                          GError     **error);

/* For a program that must not leave the temporary file behind when one of
 * @signals ends it (cluster-atlas-cli): while @signals is set (NULL stops),
 * ca_atomic_write () records its temporary file with those signals blocked,
 * and ca_atomic_remove_temp (), which is async-signal-safe, removes it.
 * Only one thread may write while signals are tracked. */
void     ca_atomic_track_signals (const sigset_t *signals);
void     ca_atomic_remove_temp   (void);

/* Which of @extensions ("png", without the dot) @path's name ends in after
 * its last dot, in any case; -1 for none.  How every export reads the
 * format it is asked for from OUT. */
int      ca_path_extension_index (const char         *path,
                                  const char * const *extensions,
                                  guint               n_extensions);

G_END_DECLS
