/* ca-arena.c: one allocation per many small, long-lived objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ca-arena.h"

#define BLOCK_SIZE (64 * 1024)
#define ALIGNMENT  8

gpointer
ca_arena_alloc (CaArena *arena,
                gsize    size)
{
  gpointer result;

  size = (size + ALIGNMENT - 1) & ~(gsize) (ALIGNMENT - 1);
  if (size == 0)
    return NULL;
  if (size > BLOCK_SIZE / 4)
    {
      /* A big array gets a block of its own, kept behind the current one. */
      result = g_malloc0 (size);
      if (arena->blocks == NULL)
        arena->blocks = g_slist_prepend (NULL, result);
      else
        arena->blocks->next = g_slist_prepend (arena->blocks->next, result);
      return result;
    }
  if (size > arena->left)
    {
      arena->pos = g_malloc0 (BLOCK_SIZE);
      arena->left = BLOCK_SIZE;
      arena->blocks = g_slist_prepend (arena->blocks, arena->pos);
    }
  result = arena->pos;
  arena->pos += size;
  arena->left -= size;
  return result;
}

gpointer
ca_arena_dup (CaArena       *arena,
              gconstpointer  data,
              gsize          size)
{
  gpointer copy = ca_arena_alloc (arena, size);

  if (size > 0)
    memcpy (copy, data, size);
  return copy;
}

void
ca_arena_clear (CaArena *arena)
{
  g_slist_free_full (g_steal_pointer (&arena->blocks), g_free);
  arena->pos = NULL;
  arena->left = 0;
}
