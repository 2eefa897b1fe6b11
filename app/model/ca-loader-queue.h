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

CaLoaderQueue *ca_loader_queue_new     (gboolean             threaded,
                                        CaLoaderConsumeFunc  consume,
                                        gpointer             user_data);
void           ca_loader_queue_free    (CaLoaderQueue       *self);
gboolean       ca_loader_queue_is_threaded (CaLoaderQueue *self);

/* Producer: room for an event of @size bytes (a multiple of 8), which stays
 * where it is until the block is handed over. */
gpointer       ca_loader_queue_reserve (CaLoaderQueue       *self,
                                        gsize                size,
                                        guint64              read);
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
