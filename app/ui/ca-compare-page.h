/* ca-compare-page.h: the Compare page, the comparison set and its chart
 *
 * The comparison set is 2 to CA_CHART_COMPARE_MAX nodes chosen from the
 * tree's rows, the details pane (win.compare-add) or the Figures page,
 * kept in the settings key "compare-nodes" across restarts.  The ids the
 * open dataset does not hold are kept there, unshown, for the dataset that
 * does.  "set-changed" says when the nodes of the set change.  The page shows the set as chips with a remove button, an empty
 * state that says how to add nodes, and the Compare chart with its export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ca-chart-view.h"
#include "ca-dataset.h"

G_BEGIN_DECLS

#define CA_COMPARE_ERROR (ca_compare_error_quark ())

typedef enum {
  CA_COMPARE_ERROR_FULL,   /* the set holds CA_CHART_COMPARE_MAX nodes */
} CaCompareError;

GQuark ca_compare_error_quark (void);

#define CA_TYPE_COMPARE_PAGE (ca_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (CaComparePage, ca_compare_page, CA, COMPARE_PAGE, GtkWidget)

/* Whether @node is in the set stored in @settings, as a page on them
 * showing @dataset holds it; for a window whose page is not yet built. */
gboolean      ca_compare_set_contains     (GSettings     *settings,
                                           CaDataset     *dataset,
                                           const CaNode  *node);

/* A page on @settings (of the application's schema), which it keeps. */
GtkWidget    *ca_compare_page_new         (GSettings     *settings);
/* The dataset whose nodes the set shows; NULL for none.  Kept. */
void          ca_compare_page_set_dataset (CaComparePage *self,
                                           CaDataset     *dataset);
/* Adds @node at the end of the set.  TRUE when it is in the set after,
 * also when it was already; FALSE with CA_COMPARE_ERROR_FULL, a sentence
 * for the user, when the set is full. */
gboolean      ca_compare_page_add         (CaComparePage *self,
                                           const CaNode  *node,
                                           GError       **error);
void          ca_compare_page_remove      (CaComparePage *self,
                                           const CaNode  *node);
gboolean      ca_compare_page_contains    (CaComparePage *self,
                                           const CaNode  *node);
/* The nodes of the set that the dataset holds, in the order added. */
guint         ca_compare_page_get_n_nodes (CaComparePage *self);
const CaNode *ca_compare_page_get_node    (CaComparePage *self,
                                           guint          index);

/* Asks for the format, size and language, then the file, of the chart of
 * the set; nothing with fewer than 2 nodes. */
void          ca_compare_page_export      (CaComparePage *self);
/* Copies the chart of the set, and its citation, as Copy Chart does a
 * node's; nothing with fewer than 2 nodes. */
void          ca_compare_page_copy        (CaComparePage *self);
/* Prints the chart of the set; nothing with fewer than 2 nodes. */
void          ca_compare_page_print       (CaComparePage *self);
/* Whether the set has a chart: 2 nodes or more. */
gboolean      ca_compare_page_has_chart   (CaComparePage *self);

/* For tests: the chart, and the chips' remove buttons in the set's order. */
CaChartView  *ca_compare_page_get_chart_view   (CaComparePage *self);
GtkWidget    *ca_compare_page_get_remove_button (CaComparePage *self,
                                                 guint          index);

G_END_DECLS
