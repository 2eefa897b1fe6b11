/* ca-loader-queue.c: blocks of parser events, from libxml2's thread to
 * the builder's (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ca-loader-queue.h"

/* Half a chunk's events of a typical file; four go round, 128 KiB in all. */
#define BLOCK_SIZE (32 * 1024)
#define N_BLOCKS 4

static CaLoaderBlock *
block_new (gsize    size,
           gboolean own)
{
  CaLoaderBlock *block = g_new0 (CaLoaderBlock, 1);

  block->size = size;
  block->own = own;
  block->data = g_malloc (size);
  return block;
}

static void
block_free (CaLoaderBlock *block)
{
  g_free (block->data);
  g_free (block);
}

CaLoaderQueue *
ca_loader_queue_new (gboolean            threaded,
                     CaLoaderConsumeFunc consume,
                     gpointer            user_data)
{
  CaLoaderQueue *self = g_new0 (CaLoaderQueue, 1);

  self->threaded = threaded;
  self->consume = consume;
  self->user_data = user_data;
  self->full = g_async_queue_new ();
  self->free = g_async_queue_new ();
  return self;
}

void
ca_loader_queue_free (CaLoaderQueue *self)
{
  CaLoaderBlock *block;

  while ((block = g_async_queue_try_pop (self->full)) != NULL)
    block_free (block);
  while ((block = g_async_queue_try_pop (self->free)) != NULL)
    block_free (block);
  g_clear_pointer (&self->current, block_free);
  g_async_queue_unref (self->full);
  g_async_queue_unref (self->free);
  g_free (self);
}

gboolean
ca_loader_queue_is_threaded (CaLoaderQueue *self)
{
  return self->threaded;
}

/* A block to fill: a free one, a new one while fewer than N_BLOCKS exist,
 * or the next one the consumer gives back. */
static CaLoaderBlock *
take_free (CaLoaderQueue *self)
{
  CaLoaderBlock *block = g_async_queue_try_pop (self->free);

  if (block == NULL && self->n_made < N_BLOCKS)
    {
      self->n_made++;
      return block_new (BLOCK_SIZE, FALSE);
    }
  if (block == NULL)
    block = g_async_queue_pop (self->free);
  block->used = 0;
  block->last = FALSE;
  return block;
}

static void
hand_over (CaLoaderQueue *self,
           guint64        read,
           gboolean       last)
{
  CaLoaderBlock *block = g_steal_pointer (&self->current);

  block->read = read;
  block->last = last;
  if (self->threaded)
    g_async_queue_push (self->full, block);
  else
    self->consume (block, self->user_data);
}

/* ca_loader_queue_reserve () when the current block is full or there is
 * none: hands it over, and takes the next. */
gpointer
ca_loader_queue_reserve_new (CaLoaderQueue *self,
                             gsize          size,
                             guint64        read)
{
  gpointer room;

  g_assert (size % 8 == 0);
  if (self->current != NULL && self->current->used + size > self->current->size)
    hand_over (self, read, FALSE);
  if (self->current == NULL)
    self->current = size > BLOCK_SIZE ? block_new (size, TRUE) : take_free (self);
  room = self->current->data + self->current->used;
  self->current->used += size;
  return room;
}

void
ca_loader_queue_flush (CaLoaderQueue *self,
                       guint64        read,
                       gboolean       last)
{
  if (self->current == NULL && last)
    self->current = take_free (self);
  if (self->current != NULL && (self->current->used > 0 || last))
    hand_over (self, read, last);
}

CaLoaderBlock *
ca_loader_queue_pop (CaLoaderQueue *self)
{
  g_assert (self->threaded);
  return g_async_queue_pop (self->full);
}

void
ca_loader_queue_release (CaLoaderQueue *self,
                         CaLoaderBlock *block)
{
  if (block->own)
    block_free (block);
  else
    g_async_queue_push (self->free, block);
}
