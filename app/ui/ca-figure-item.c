/* ca-figure-item.c: a figure of a dataset as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ca-figure-item.h"

struct _CaFigureItem
{
  GObject         parent_instance;
  const CaNode   *node;
  const CaFigure *figure;
};

G_DEFINE_FINAL_TYPE (CaFigureItem, ca_figure_item, G_TYPE_OBJECT)

static void
ca_figure_item_class_init (CaFigureItemClass *klass)
{
}

static void
ca_figure_item_init (CaFigureItem *self)
{
}

CaFigureItem *
ca_figure_item_new (const CaNode   *node,
                    const CaFigure *figure)
{
  CaFigureItem *self;

  g_return_val_if_fail (node != NULL && figure != NULL, NULL);

  self = g_object_new (CA_TYPE_FIGURE_ITEM, NULL);
  self->node = node;
  self->figure = figure;
  return self;
}

const CaNode *
ca_figure_item_get_node (CaFigureItem *self)
{
  g_return_val_if_fail (CA_IS_FIGURE_ITEM (self), NULL);

  return self->node;
}

const CaFigure *
ca_figure_item_get_figure (CaFigureItem *self)
{
  g_return_val_if_fail (CA_IS_FIGURE_ITEM (self), NULL);

  return self->figure;
}
