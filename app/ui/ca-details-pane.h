/* ca-details-pane.h: the details of the selected node, beside the tree
 *
 * The right side of the window: path bar, names, kind, period, status, tags,
 * summary, the chart with its view switcher and the table of figures.
 * Emits "node-activated" (const CaNode *) when the user picks another node
 * (a path bar button or a chart mark).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ca-chart.h"
#include "ca-dataset.h"

G_BEGIN_DECLS

#define CA_TYPE_DETAILS_PANE (ca_details_pane_get_type ())
G_DECLARE_FINAL_TYPE (CaDetailsPane, ca_details_pane, CA, DETAILS_PANE, GtkWidget)

GtkWidget    *ca_details_pane_new            (void);
/* Keeps a reference to @dataset; @node NULL shows the "nothing selected" state. */
void          ca_details_pane_set_node       (CaDetailsPane *self,
                                              CaDataset     *dataset,
                                              const CaNode  *node);
const CaNode *ca_details_pane_get_node       (CaDetailsPane *self);
/* Whether the node is in the comparison: its button then takes it out. */
void          ca_details_pane_set_in_comparison (CaDetailsPane *self,
                                                 gboolean       in_comparison);
/* The view the user chose, the "chart-kind" property (int), bound to the
 * chart-view setting.  It is shown while it has something to show for
 * the node; otherwise the first of Goals, Trend, Counts, Timeline that
 * has (ca_chart_kind_for_node ()), and the choice stays for the next node.
 * A click on the switcher chooses and shows that view, even empty. */
CaChartKind   ca_details_pane_get_chart_kind (CaDetailsPane *self);
void          ca_details_pane_set_chart_kind (CaDetailsPane *self,
                                              CaChartKind    kind);
/* The view shown now, which the switcher shows, and which is exported,
 * copied and printed. */
CaChartKind   ca_details_pane_get_shown_kind (CaDetailsPane *self);
/* Whether the figures list shows those of the whole branch, as the tree's
 * badge counts them ("include-below", TRUE by default), or the node's own. */
gboolean      ca_details_pane_get_include_below (CaDetailsPane *self);
void          ca_details_pane_set_include_below (CaDetailsPane *self,
                                                 gboolean       include_below);

/* How far the pane is scrolled down, in pixels; setting it (as after a
 * change of language) waits for the content to be tall enough. */
double        ca_details_pane_get_scroll        (CaDetailsPane *self);
void          ca_details_pane_set_scroll        (CaDetailsPane *self,
                                                 double         value);

G_END_DECLS
