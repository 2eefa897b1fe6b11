/* ca-dataset.h: a loaded atlas file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ca-model-types.h"

G_BEGIN_DECLS

#define CA_DATASET_ERROR (ca_dataset_error_quark ())

typedef enum {
  CA_DATASET_ERROR_IO,        /* the file could not be read */
  CA_DATASET_ERROR_INVALID,   /* the file was refused; see the problems */
  CA_DATASET_ERROR_CANCELLED,
} CaDatasetError;

GQuark ca_dataset_error_quark (void);

#define CA_TYPE_DATASET (ca_dataset_get_type ())
G_DECLARE_FINAL_TYPE (CaDataset, ca_dataset, CA, DATASET, GObject)

/* Called from the loading thread with the fraction of the file read. */
typedef void (*CaLoadProgressFunc) (double fraction, gpointer user_data);

/* Loads a dataset file, whole or not at all.  When the file is refused,
 * returns NULL, sets @error (CA_DATASET_ERROR_INVALID) and, when @problems
 * is given, fills it with every CaProblem found (element free func set).
 * Anything but a regular file is refused at once, before any read: a
 * folder with CA_DATASET_ERROR_IO, a FIFO, a socket or a device with
 * CA_DATASET_ERROR_INVALID (and no problems).
 * Safe to call from a worker thread. */
CaDataset      *ca_dataset_load_file        (const char          *path,
                                             GCancellable        *cancellable,
                                             CaLoadProgressFunc   progress,
                                             gpointer             progress_data,
                                             GPtrArray          **problems,
                                             GError             **error);
/* The same from memory; @display_name is used as FILE in problems. */
CaDataset      *ca_dataset_load_data        (const char          *data,
                                             gsize                length,
                                             const char          *display_name,
                                             GPtrArray          **problems,
                                             GError             **error);
/* The path of the bundled data/atlas.xml, installed or in the source tree. */
char           *ca_dataset_get_bundled_path (void);
/* @path as shown to a person, whole or only its last part: in UTF-8
 * (g_filename_display_name ()), its control characters escaped as by
 * ca_escape_line (), so that it fits in a label, a title or one line. */
char           *ca_dataset_display_name     (const char          *path);
char           *ca_dataset_display_basename (const char          *path);

const char     *ca_dataset_get_path         (CaDataset           *self);
const char     *ca_dataset_get_title        (CaDataset           *self,
                                             const char          *lang);

guint           ca_dataset_get_n_roots      (CaDataset           *self);
const CaNode   *ca_dataset_get_root         (CaDataset           *self,
                                             guint                index);
const CaNode   *ca_dataset_lookup_node      (CaDataset           *self,
                                             const char          *id);
/* Up to @max ids of nodes nearest to @id by edit distance, for messages. */
GPtrArray      *ca_dataset_suggest_ids      (CaDataset           *self,
                                             const char          *id,
                                             guint                max);

guint           ca_dataset_get_n_metrics    (CaDataset           *self);
const CaMetric *ca_dataset_lookup_metric    (CaDataset           *self,
                                             const char          *id);
guint           ca_dataset_get_n_sources    (CaDataset           *self);
const CaSource *ca_dataset_lookup_source    (CaDataset           *self,
                                             const char          *id);

guint           ca_dataset_count_nodes      (CaDataset           *self,
                                             CaNodeType           type);
guint           ca_dataset_get_n_nodes      (CaDataset           *self);
guint           ca_dataset_get_n_figures    (CaDataset           *self);

G_END_DECLS
