/* ca-details-pane-private.h: the details pane's parts, read-only, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ca-details-pane.h"

G_BEGIN_DECLS

const char      *ca_details_pane_get_visible_page    (CaDetailsPane *self);
GtkLabel        *ca_details_pane_get_title_label     (CaDetailsPane *self);
GtkLabel        *ca_details_pane_get_summary_label   (CaDetailsPane *self);
guint            ca_details_pane_get_n_path_buttons  (CaDetailsPane *self);
GtkButton       *ca_details_pane_get_path_button     (CaDetailsPane *self,
                                                      guint          index);
guint            ca_details_pane_get_n_tags          (CaDetailsPane *self);
guint            ca_details_pane_get_n_figure_rows   (CaDetailsPane *self);
GtkColumnView   *ca_details_pane_get_figures_view    (CaDetailsPane *self);
/* NULL while the table shows figures; else the empty-state label. */
GtkLabel        *ca_details_pane_get_figures_empty   (CaDetailsPane *self);
GtkToggleButton *ca_details_pane_get_kind_button     (CaDetailsPane *self,
                                                      CaChartKind    kind);
GtkWidget       *ca_details_pane_get_chart_view      (CaDetailsPane *self);

G_END_DECLS
