#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @length bytes of @data to @path whole or not at all: the bytes go
 * to a temporary file in the same folder, which is flushed to disk and then
 * renamed over @path.  On any failure the temporary file is removed, an
 * existing @path is left as it was, and @error (G_FILE_ERROR) says
 * "Could not write “PATH”: REASON".  An existing @path that is not a
 * regular file (a folder, a device, a pipe) is never replaced. */
gboolean ca_atomic_write (const char  *path,
                          const void  *data,
                          gsize        length,
                          GError     **error);

G_END_DECLS
