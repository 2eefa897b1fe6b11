/* ca-arena.h: one allocation per many small, long-lived objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The nodes, figures and arrays of a dataset live exactly as long as the
 * dataset, so they come from a few large blocks freed together: no per-object
 * malloc header or rounding, which keeps a loaded file smaller than itself. */
typedef struct {
  GSList *blocks;
  guchar *pos;
  gsize   left;
} CaArena;

/* Zeroed, aligned for any field of the model. */
gpointer ca_arena_alloc (CaArena       *arena,
                         gsize          size);
gpointer ca_arena_dup   (CaArena       *arena,
                         gconstpointer  data,
                         gsize          size);
void     ca_arena_clear (CaArena       *arena);

G_END_DECLS
