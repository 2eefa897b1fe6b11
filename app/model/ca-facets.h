/* ca-facets.h: the figures of a dataset as one table, filtered by facets
 *
 * The Figures page lists every figure of a dataset, or of a branch, and
 * narrows them by facets: tag, metric, kind, status, year, source and
 * top-level branch.  A CaFigureTable holds the rows of one scope with each
 * row's value in every facet worked out once; a CaFacetFilter says which
 * values are chosen (by their keys, so that it outlives a table), and
 * ca_figure_table_apply () gives the matching rows and every facet's counts
 * in one pass.
 *
 * The rules:
 *  - values chosen in one facet combine with OR, facets with AND;
 *  - a text filter matches a figure's node as the window's search does
 *    (ca-match.h), and combines with the facets with AND;
 *  - a facet's counts apply every filter but its own: each value's count
 *    is how many figures the list would show with that value chosen alone
 *    in its facet, the other facets and the text as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ca-dataset.h"
#include "ca-node.h"
#include "ca-progress.h"

G_BEGIN_DECLS

typedef enum {
  CA_FACET_TAG,      /* the tags of the figure's node; keys are the tags */
  CA_FACET_METRIC,   /* keys are metric ids */
  CA_FACET_KIND,     /* "goal" or "count" */
  CA_FACET_STATUS,   /* a goal's progress token ("behind"); counts have none */
  CA_FACET_YEAR,     /* the year a goal is due or a count reported: "2030" */
  CA_FACET_SOURCE,   /* source ids */
  CA_FACET_BRANCH,   /* the id of the node's ancestor just below the roots
                      * (a root's own figures: the root) */
  CA_N_FACETS
} CaFacet;

/* The columns of the list, each of which it sorts by. */
typedef enum {
  CA_FIGURE_COLUMN_NODE,
  CA_FIGURE_COLUMN_PATH,
  CA_FIGURE_COLUMN_METRIC,
  CA_FIGURE_COLUMN_KIND,
  CA_FIGURE_COLUMN_VALUE,
  CA_FIGURE_COLUMN_DATE,
  CA_FIGURE_COLUMN_STATUS,
  CA_FIGURE_COLUMN_SOURCE,
  CA_N_FIGURE_COLUMNS
} CaFigureColumn;

/* "tag", "metric", ...: how a facet is named in settings and tests. */
const char    *ca_facet_to_token            (CaFacet              facet);
gboolean       ca_facet_from_token          (const char          *token,
                                             CaFacet             *facet);

/* Which values are chosen in each facet, and the text. */
typedef struct _CaFacetFilter CaFacetFilter;

CaFacetFilter *ca_facet_filter_new          (void);
CaFacetFilter *ca_facet_filter_copy         (const CaFacetFilter *self);
void           ca_facet_filter_free         (CaFacetFilter       *self);
/* Chooses (or drops) the value @key of @facet; TRUE when that changed
 * the filter.  Keys keep the order they were chosen in. */
gboolean       ca_facet_filter_set          (CaFacetFilter       *self,
                                             CaFacet              facet,
                                             const char          *key,
                                             gboolean             chosen);
gboolean       ca_facet_filter_has          (const CaFacetFilter *self,
                                             CaFacet              facet,
                                             const char          *key);
guint          ca_facet_filter_get_n_keys   (const CaFacetFilter *self,
                                             CaFacet              facet);
const char    *ca_facet_filter_get_key      (const CaFacetFilter *self,
                                             CaFacet              facet,
                                             guint                index);
/* The text the nodes must match; NULL or blank for none. */
gboolean       ca_facet_filter_set_text     (CaFacetFilter       *self,
                                             const char          *text);
const char    *ca_facet_filter_get_text     (const CaFacetFilter *self);
gboolean       ca_facet_filter_is_empty     (const CaFacetFilter *self);
/* TRUE when there was something to clear. */
gboolean       ca_facet_filter_clear        (CaFacetFilter       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaFacetFilter, ca_facet_filter_free)

typedef struct _CaFigureTable CaFigureTable;

/* The figures of @scope and everything below it, or of the whole dataset
 * when @scope is NULL, in pre-order; names in @lang (a gettext code, NULL
 * for the interface language), statuses as of @today.  Keeps a reference
 * on @dataset. */
CaFigureTable  *ca_figure_table_new          (CaDataset           *dataset,
                                              const CaNode        *scope,
                                              const char          *lang,
                                              const CaDate        *today);
void            ca_figure_table_free         (CaFigureTable       *self);
CaDataset      *ca_figure_table_get_dataset  (CaFigureTable       *self);
const CaNode   *ca_figure_table_get_scope    (CaFigureTable       *self);
guint           ca_figure_table_get_n_rows   (CaFigureTable       *self);
const CaNode   *ca_figure_table_get_node     (CaFigureTable       *self,
                                              guint                row);
const CaFigure *ca_figure_table_get_figure   (CaFigureTable       *self,
                                              guint                row);
/* A goal's progress status; FALSE for a count. */
gboolean        ca_figure_table_get_status   (CaFigureTable       *self,
                                              guint                row,
                                              CaProgressStatus    *status);

/* The values a facet takes in the table, in no particular order. */
guint           ca_figure_table_get_n_values (CaFigureTable       *self,
                                              CaFacet              facet);
const char     *ca_figure_table_get_value_key (CaFigureTable      *self,
                                               CaFacet             facet,
                                               guint               value);
/* What a value stands for: the CaMetric, CaSource or branch CaNode of those
 * facets; NULL for the others. */
gconstpointer   ca_figure_table_get_value_data (CaFigureTable     *self,
                                                CaFacet            facet,
                                                guint              value);
gboolean        ca_figure_table_lookup_value (CaFigureTable       *self,
                                              CaFacet              facet,
                                              const char          *key,
                                              guint               *value);

typedef struct {
  GArray *rows;                 /* guint: the matching rows, in table order */
  GArray *counts[CA_N_FACETS];  /* guint per value of the facet (see above) */
} CaFacetResult;

CaFacetResult  *ca_figure_table_apply        (CaFigureTable       *self,
                                              const CaFacetFilter *filter);
void            ca_facet_result_free         (CaFacetResult       *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaFacetResult, ca_facet_result_free)

/* Sorts @rows (guint, rows of the table) by @column, names by
 * ca_collate_key () in the table's language (Chinese by pinyin), values
 * as numbers, dates by day, statuses in
 * ca-progress.h's order; rows without a value in the column (a count's
 * status) come last either way, and ties keep the table's order. */
void            ca_figure_table_sort         (CaFigureTable       *self,
                                              GArray              *rows,
                                              CaFigureColumn       column,
                                              gboolean             descending);

/* The nodes that hold one of @rows, and their ancestors: the tree narrowed
 * to a filter.  A set of const CaNode *. */
GHashTable     *ca_figure_table_collect_nodes (CaFigureTable      *self,
                                               const GArray       *rows);

G_END_DECLS
