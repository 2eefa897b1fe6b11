/* ca-figure-item.h: a figure of a dataset as an item of a list model
 *
 * A GObject holding one const CaFigure * and its node, so figures can sit in a GListStore
 * behind the details pane's GtkColumnView.  The figure belongs to its
 * dataset; the item does not keep the dataset alive, the pane does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ca-model-types.h"

G_BEGIN_DECLS

#define CA_TYPE_FIGURE_ITEM (ca_figure_item_get_type ())
G_DECLARE_FINAL_TYPE (CaFigureItem, ca_figure_item, CA, FIGURE_ITEM, GObject)

CaFigureItem   *ca_figure_item_new        (const CaNode   *node,
                                           const CaFigure *figure);
const CaNode   *ca_figure_item_get_node   (CaFigureItem   *self);
const CaFigure *ca_figure_item_get_figure (CaFigureItem   *self);

G_END_DECLS
