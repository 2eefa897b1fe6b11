/* ca-dataset-private.h: the structures behind the model, shared by the
 * loader, the dataset and the node accessors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ca-dataset.h"
#include "ca-node.h"

G_BEGIN_DECLS

/* Public CaMetric plus its position in the declaration order, which sums use. */
typedef struct {
  CaMetric metric;
  guint    index;
} CaMetricPriv;

struct _CaNode {
  CaNodeType     type;
  CaStatus       status;
  const char    *id;
  const char    *kind;          /* NULL for programs */
  CaText         names;
  CaText         summaries;
  int            start_year;
  int            end_year;
  guint          depth;
  guint          index;
  guint          n_tags;
  guint          n_children;
  guint          n_figures;
  guint          n_figures_below;
  const char   **tags;
  CaNode        *parent;
  CaNode       **children;
  CaFigure      *figures;
};

/* Everything a dataset owns; the loader fills it and hands it over whole. */
typedef struct {
  GStringChunk *strings;
  GPtrArray    *nodes;      /* every CaNode, pre-order; owns them */
  GPtrArray    *roots;      /* CaNode, borrowed */
  GPtrArray    *metrics;    /* CaMetricPriv, owned */
  GPtrArray    *sources;    /* CaSource, owned */
  GHashTable   *node_ids;   /* id -> CaNode */
  GHashTable   *metric_ids; /* id -> CaMetric */
  GHashTable   *source_ids; /* id -> CaSource */
  CaText        titles;
  guint         n_figures;
} CaDatasetContents;

CaDatasetContents *ca_dataset_contents_new  (void);
void               ca_dataset_contents_free (CaDatasetContents *contents);
void               ca_node_free_arrays      (CaNode            *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaDatasetContents, ca_dataset_contents_free)

CaDataset *ca_dataset_new_from_contents (CaDatasetContents *contents,
                                         const char        *path);

/* The streaming loader (ca-loader.c).  Reads from a file descriptor-like
 * source through @read_func until it returns 0; returns NULL and fills
 * @problems when the input is refused. */
typedef gssize (*CaLoaderReadFunc) (gpointer  source,
                                    char     *buffer,
                                    gsize     size,
                                    GError  **error);

CaDatasetContents *ca_loader_run (const char       *display_name,
                                  CaLoaderReadFunc  read_func,
                                  gpointer          source,
                                  goffset           total_size,
                                  GCancellable     *cancellable,
                                  CaLoadProgressFunc progress,
                                  gpointer          progress_data,
                                  GPtrArray        *problems,
                                  GError          **error);

/* Bounds on input, shared with tests and documentation. */
#define CA_LOADER_MAX_FILE_SIZE  (256 * 1024 * 1024)
#define CA_LOADER_MAX_DEPTH      64
#define CA_LOADER_MAX_TEXT       (1024 * 1024)
#define CA_LOADER_MAX_ID         256
#define CA_LOADER_MAX_ATTRIBUTES 32
#define CA_LOADER_MAX_TAG_BYTES  (64 * 1024)
#define CA_LOADER_MAX_PROBLEMS   100

G_END_DECLS
