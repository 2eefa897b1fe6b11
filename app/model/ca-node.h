/* ca-node.h: regions, parks and programs of a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ca-model-types.h"

G_BEGIN_DECLS

/* @text made safe to print on one line: bytes that are not UTF-8 become
 * U+FFFD, and control characters and line separators are written as
 * escapes (\n, \r, \t, \x1B, \u2028), so that a file name with a newline
 * cannot forge a line of its own. */
char           *ca_escape_line              (const char   *text);
/* @text escaped as ca_escape_line () does and cut to @max characters in
 * all, the "…" that marks a cut included: how a message quotes a value a
 * file or a user gave. */
char           *ca_quote_line               (const char   *text,
                                             guint         max);
/* ca_problem_format () with FILE cut to its base name, for a dialog that
 * names the file already; escaped the same way. */
char           *ca_problem_format_short     (const CaProblem *problem);

/* Nodes belong to their CaDataset; never free them. */

CaNodeType      ca_node_get_node_type       (const CaNode *self);
const char     *ca_node_get_id              (const CaNode *self);
/* The region or park kind token ("municipality", "chemical-park"); NULL for programs. */
const char     *ca_node_get_kind            (const CaNode *self);
/* The name in @lang by the fallback rule: @lang, then "en", then the first. */
const char     *ca_node_get_name            (const CaNode *self,
                                             const char   *lang);
CaText          ca_node_get_names           (const CaNode *self);
/* NULL when the node has no summary. */
const char     *ca_node_get_summary         (const CaNode *self,
                                             const char   *lang);

/* Programs only; 0 when absent. */
int             ca_node_get_start_year      (const CaNode *self);
int             ca_node_get_end_year        (const CaNode *self);
CaStatus        ca_node_get_status          (const CaNode *self);

guint           ca_node_get_n_tags          (const CaNode *self);
const char     *ca_node_get_tag             (const CaNode *self,
                                             guint         index);

const CaNode   *ca_node_get_parent          (const CaNode *self);
guint           ca_node_get_depth           (const CaNode *self);  /* 0 for a root */
guint           ca_node_get_n_children      (const CaNode *self);
const CaNode   *ca_node_get_child           (const CaNode *self,
                                             guint         index);
/* Its position among its parent's children (or among the roots). */
guint           ca_node_get_index           (const CaNode *self);

guint           ca_node_get_n_figures       (const CaNode *self);
const CaFigure *ca_node_get_figure          (const CaNode *self,
                                             guint         index);
/* Figures of the node and of all its descendants. */
guint           ca_node_get_n_figures_below (const CaNode *self);

/* What a figure of this node rests on (format version 2).  @figure is one
 * of ca_node_get_figure ()'s.  Its quotes are its own source's words that
 * state it, verbatim, by language; its notes the editor's, by language;
 * both are empty (n_entries 0) when it has none.  Its sources are the one
 * it names first (index 0: figure->source, with those quotes), then each
 * further source that states it (<cite>), with their own quotes. */
CaText          ca_node_get_figure_quotes   (const CaNode   *self,
                                             const CaFigure *figure);
CaText          ca_node_get_figure_notes    (const CaNode   *self,
                                             const CaFigure *figure);
guint           ca_node_get_figure_n_sources (const CaNode   *self,
                                              const CaFigure *figure);
CaFigureSource  ca_node_get_figure_source   (const CaNode   *self,
                                             const CaFigure *figure,
                                             guint           index);

/* The publisher's name in @lang where the source gives it in that
 * language, else the name as the source writes it (source->publisher);
 * *lang_out (may be NULL) is its language, NULL for the latter. */
const char     *ca_source_get_publisher     (const CaSource *source,
                                             const char     *lang,
                                             const char    **lang_out);
/* The title in @lang by the fallback rule (@lang, "en", the first), and
 * its language in *lang_out (may be NULL); NULL when it has none. */
const char     *ca_source_get_title         (const CaSource *source,
                                             const char     *lang,
                                             const char    **lang_out);

/* The ancestors from the root down to @self included. */
GPtrArray      *ca_node_get_path            (const CaNode *self);
gboolean        ca_node_is_ancestor_of      (const CaNode *self,
                                             const CaNode *descendant);
/* Pre-order walk of the subtree of @root: start with @current = NULL;
 * returns NULL when the walk is done. */
const CaNode   *ca_node_next_in_subtree     (const CaNode *root,
                                             const CaNode *current);

/* A per-metric total over the figures of one type in the subtree of a node.
 * Figures are only ever added to figures of the same metric, so units never mix. */
typedef struct {
  const CaMetric *metric;
  double          total;
  guint           n_figures;
  CaQualifier     qualifier;  /* EXACT only when every part is exact */
} CaMetricSum;

/* Returns a GArray of CaMetricSum, in the order the dataset declares metrics. */
GArray         *ca_node_sum_by_metric       (const CaNode *self,
                                             CaFigureType  type);

/* A qualifier as the dataset format writes it ("exact", "about", ...), read
 * by the loader and written back by the CSV export; FALSE for no such word. */
const char     *ca_qualifier_to_token       (CaQualifier   qualifier);
/* The qualifier of the sum of a figure qualified @a and one qualified @b. */
CaQualifier     ca_qualifier_join           (CaQualifier   a,
                                             CaQualifier   b);
gboolean        ca_qualifier_from_token     (const char   *token,
                                             CaQualifier  *qualifier);

G_END_DECLS
