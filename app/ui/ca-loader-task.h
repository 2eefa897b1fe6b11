/* ca-loader-task.h: loading a dataset file in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ca-dataset.h"

G_BEGIN_DECLS

/* Called on the caller's main context with the fraction read so far. */
typedef void (*CaLoaderProgressFunc) (double   fraction,
                                      gpointer user_data);

void       ca_loader_load_async  (GFile                *file,
                                  GCancellable         *cancellable,
                                  CaLoaderProgressFunc  progress,
                                  gpointer              progress_data,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
/* On failure returns NULL and, for a refused file, the problems found
 * (CaProblem, owned by the caller) in @problems. */
CaDataset *ca_loader_load_finish (GAsyncResult         *result,
                                  GPtrArray           **problems,
                                  GError              **error);

G_END_DECLS
