/* ca-hash.h: string hashes that a file cannot make collide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For GHashTables keyed by text from a file (ids, tags, languages, kinds).
 * g_str_hash () is the same function in every process, so a file can hold
 * thousands of ids that land in one bucket and make each lookup walk them
 * all: 3 MB of such ids took 21 s to check.  These are keyed by a secret
 * drawn once per process. */
guint    ca_str_hash            (gconstpointer key);
/* The same, blind to ASCII case (for xml:lang, compared so). */
guint    ca_str_hash_ascii_fold (gconstpointer key);

G_END_DECLS
