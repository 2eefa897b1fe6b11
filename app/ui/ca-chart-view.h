/* ca-chart-view.h: the chart widget
 *
 * The chart of one node, drawn by the renderer in app/chart.  Marks can be
 * hovered (tooltip), clicked and focused with the keyboard; activating a mark
 * that stands for a node emits "node-activated" with that const CaNode *.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ca-chart.h"
#include "ca-dataset.h"

G_BEGIN_DECLS

#define CA_TYPE_CHART_VIEW (ca_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CaChartView, ca_chart_view, CA, CHART_VIEW, GtkWidget)

GtkWidget    *ca_chart_view_new      (void);
/* Keeps a reference to @dataset, which owns @node; NULL for neither. */
void          ca_chart_view_set_node (CaChartView  *self,
                                      CaDataset    *dataset,
                                      const CaNode *node);
const CaNode *ca_chart_view_get_node (CaChartView  *self);
/* Shows the Compare chart of @n_nodes nodes of @dataset (0 for none),
 * copied; the view's kind is then CA_CHART_COMPARE until set_kind. */
void          ca_chart_view_set_compare (CaChartView          *self,
                                         CaDataset            *dataset,
                                         const CaNode * const *nodes,
                                         guint                 n_nodes,
                                         CaCompareFigures      figures);
/* Also the "kind" property, a CaChartKind as int, for binding to settings. */
void          ca_chart_view_set_kind (CaChartView  *self,
                                      CaChartKind   kind);
CaChartKind   ca_chart_view_get_kind (CaChartView  *self);

/* The layout drawn (NULL before the widget has a size or a node): where
 * its marks are, for the tests that click them.  A click on a mark, the
 * arrow keys, Home, End, Enter and space focus and activate marks (the
 * actions "chart.move", int: -1, 1, -2 first, 2 last, and "chart.activate");
 * the accessible description says which mark has the focus. */
CaChartLayout *ca_chart_view_get_layout       (CaChartView *self);

G_END_DECLS
