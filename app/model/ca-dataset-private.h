/* ca-dataset-private.h: the structures behind the model, shared by the
 * loader, the dataset and the node accessors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ca-arena.h"
#include "ca-dataset.h"
#include "ca-node.h"

G_BEGIN_DECLS

/* Public CaMetric and CaSource plus what the loader and the sums need. */
typedef struct {
  CaMetric metric;
  guint    index;   /* in declaration order, which sums follow */
  guint    line;    /* where it is defined, for messages */
} CaMetricPriv;

typedef struct {
  CaSource source;
  guint    line;
} CaSourcePriv;

/* Packed into 96 bytes: a dataset of 100,000 nodes holds 100,000 of these,
 * and a loaded file must stay smaller than the file. */
struct _CaNode {
  const char    *id;
  union {
    const char  *kind;          /* regions and parks */
    struct {
      gint16     start_year;    /* programs; 0 when absent */
      gint16     end_year;
      guint8     status;
    } program;
  } u;
  CaText         names;
  const CaText  *summaries;     /* NULL when it has none */
  const char   **tags;
  CaNode        *parent;
  CaNode       **children;
  CaFigure      *figures;
  guint          line;          /* where it is defined, for messages */
  guint          index;
  guint          n_children;
  guint          n_figures;
  guint          n_figures_below;
  guint16        n_tags;
  guint8         type;
  guint8         depth;
};

#define CA_NODE_MAX_TAGS G_MAXUINT16

/* Everything a dataset owns; the loader fills it and hands it over whole. */
typedef struct {
  CaArena       arena;      /* nodes, figures, text entries and arrays */
  GStringChunk *strings;
  GPtrArray    *roots;      /* CaNode, in the arena */
  GPtrArray    *metrics;    /* CaMetricPriv, in the arena */
  GPtrArray    *sources;    /* CaSourcePriv, in the arena */
  GHashTable   *node_ids;   /* a set of CaNode, hashed by id */
  GHashTable   *metric_ids; /* id -> CaMetricPriv */
  GHashTable   *source_ids; /* id -> CaSourcePriv */
  CaText        titles;
  guint         n_nodes;
  guint         n_nodes_by_type[3];
  guint         n_figures;
} CaDatasetContents;

CaDatasetContents *ca_dataset_contents_new   (void);
void               ca_dataset_contents_free  (CaDatasetContents *contents);
CaNode            *ca_dataset_contents_find  (CaDatasetContents *contents,
                                              const char        *id);

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
