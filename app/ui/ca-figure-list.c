/* ca-figure-list.c: rows of a CaFigureTable as a GListModel (ca-figure-list.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ca-figure-item.h"
#include "ca-figure-list.h"

struct _CaFigureList
{
  GObject        parent_instance;

  CaFigureTable *table;
  GArray        *rows;
};

static GType
ca_figure_list_get_item_type (GListModel *model)
{
  return CA_TYPE_FIGURE_ITEM;
}

static guint
ca_figure_list_get_n_items (GListModel *model)
{
  CaFigureList *self = CA_FIGURE_LIST (model);

  return self->rows != NULL ? self->rows->len : 0;
}

static gpointer
ca_figure_list_get_item (GListModel *model,
                         guint       position)
{
  CaFigureList *self = CA_FIGURE_LIST (model);
  guint row;

  if (self->rows == NULL || position >= self->rows->len)
    return NULL;
  row = g_array_index (self->rows, guint, position);
  return ca_figure_item_new (ca_figure_table_get_node (self->table, row),
                             ca_figure_table_get_figure (self->table, row));
}

static void
ca_figure_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ca_figure_list_get_item_type;
  iface->get_n_items = ca_figure_list_get_n_items;
  iface->get_item = ca_figure_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CaFigureList, ca_figure_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ca_figure_list_model_init))

static void
ca_figure_list_finalize (GObject *object)
{
  CaFigureList *self = CA_FIGURE_LIST (object);

  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (ca_figure_list_parent_class)->finalize (object);
}

static void
ca_figure_list_class_init (CaFigureListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ca_figure_list_finalize;
}

static void
ca_figure_list_init (CaFigureList *self)
{
}

CaFigureList *
ca_figure_list_new (void)
{
  return g_object_new (CA_TYPE_FIGURE_LIST, NULL);
}

void
ca_figure_list_set_rows (CaFigureList  *self,
                         CaFigureTable *table,
                         GArray        *rows)
{
  guint removed;

  g_return_if_fail (CA_IS_FIGURE_LIST (self));
  g_return_if_fail ((table == NULL) == (rows == NULL));

  /* Removed, then added, in two signals: told of both at once, GTK 4.8's
   * list views and GtkSingleSelection look for their items among the rows
   * added, asking for every one of them, which makes an item for each of
   * 200,000 rows; told of the additions alone, they ask for the rows shown. */
  removed = self->rows != NULL ? self->rows->len : 0;
  g_clear_pointer (&self->rows, g_array_unref);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  self->table = table;
  self->rows = rows;
  if (rows != NULL && rows->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, rows->len);
}

CaFigureTable *
ca_figure_list_get_table (CaFigureList *self)
{
  g_return_val_if_fail (CA_IS_FIGURE_LIST (self), NULL);

  return self->table;
}

GArray *
ca_figure_list_get_rows (CaFigureList *self)
{
  g_return_val_if_fail (CA_IS_FIGURE_LIST (self), NULL);

  return self->rows;
}

guint
ca_figure_list_get_row (CaFigureList *self,
                        guint         position)
{
  g_return_val_if_fail (CA_IS_FIGURE_LIST (self), 0);
  g_return_val_if_fail (self->rows != NULL && position < self->rows->len, 0);

  return g_array_index (self->rows, guint, position);
}
