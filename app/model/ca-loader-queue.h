/* ca-loader-queue.h: blocks of parser events, from libxml2's thread to
 * the builder's
 *
 * The loader parses on one thread and builds the model on another
 * (ca-loader.c says why).  The parser writes what each callback receives
 * into a block, and hands full blocks over; the builder reads them in order
 * and gives them back.  A few blocks go round, so the memory in flight is
 * bounded whatever the file.  Without a thread (a file of one chunk), a
 * full block is handed straight to the consumer on the same thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gsize    used;
  gsize    size;
  guint64  read;        /* bytes of the file read when the block was handed over */
  gboolean last;        /* the parser is done: nothing comes after this block */
  gboolean own;         /* made for one large event, freed after use */
  guchar  *data;
} CaLoaderBlock;

/* Called, without a thread, for each block the producer hands over. */
typedef void (*CaLoaderConsumeFunc) (CaLoaderBlock *block,
                                     gpointer       user_data);

typedef struct _CaLoaderQueue CaLoaderQueue;

/* Seen by ca_loader_queue_reserve () below, which is inline: it runs for
 * every event.  Otherwise the fields belong to ca-loader-queue.c. */
struct _CaLoaderQueue {
  gboolean            threaded;
  CaLoaderConsumeFunc consume;
  gpointer            user_data;
  GAsyncQueue        *full;       /* producer to consumer */
  GAsyncQueue        *free;       /* consumer back to producer */
  guint               n_made;     /* blocks of the usual size */
  CaLoaderBlock      *current;    /* the producer's */
};

CaLoaderQueue *ca_loader_queue_new     (gboolean             threaded,
                                        CaLoaderConsumeFunc  consume,
                                        gpointer             user_data);
void           ca_loader_queue_free    (CaLoaderQueue       *self);
gboolean       ca_loader_queue_is_threaded (CaLoaderQueue *self);

gpointer       ca_loader_queue_reserve_new (CaLoaderQueue   *self,
                                            gsize            size,
                                            guint64          read);

/* Producer: room for an event of @size bytes (a multiple of 8), which stays
 * where it is until the block is handed over; @read goes with the block
 * handed over to make room, if one is. */
static inline gpointer
ca_loader_queue_reserve (CaLoaderQueue *self,
                         gsize          size,
                         guint64        read)
{
  CaLoaderBlock *block = self->current;
  gpointer room;

  if (G_UNLIKELY (block == NULL || block->used + size > block->size))
    return ca_loader_queue_reserve_new (self, size, read);
  room = block->data + block->used;
  block->used += size;
  return room;
}
/* Producer: hands the current block over unless it is empty; with @last,
 * always, and for the last time. */
void           ca_loader_queue_flush   (CaLoaderQueue       *self,
                                        guint64              read,
                                        gboolean             last);

/* Consumer, with a thread: the next block, waiting for it. */
CaLoaderBlock *ca_loader_queue_pop     (CaLoaderQueue       *self);
/* Consumer: the block is read. */
void           ca_loader_queue_release (CaLoaderQueue       *self,
                                        CaLoaderBlock       *block);

G_END_DECLS
