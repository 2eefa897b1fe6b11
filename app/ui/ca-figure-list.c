/* ca-figure-list.c: rows of a CaFigureTable as a GListModel (ca-figure-list.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ca-figure-list.h"

struct _CaFigureList
{
  GObject        parent_instance;

  CaFigureTable *table;
  GArray        *rows;
};

enum {
  ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* An item is a position in the list, and holds nothing: what the row at a
 * position shows is read with ca_figure_list_get_row (), as rows change in
 * place (ca_figure_list_set_rows ()). */
static GType
ca_figure_list_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
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

  if (self->rows == NULL || position >= self->rows->len)
    return NULL;
  return g_object_new (G_TYPE_OBJECT, NULL);
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

  /* The rows at positions both the old and the new rows have now hold
   * other figures: their cells are to be filled again. */
  signals[ROWS_CHANGED] =
    g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
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
  guint before, after;

  g_return_if_fail (CA_IS_FIGURE_LIST (self));
  g_return_if_fail ((table == NULL) == (rows == NULL));

  before = self->rows != NULL ? self->rows->len : 0;
  after = rows != NULL ? rows->len : 0;
  g_clear_pointer (&self->rows, g_array_unref);
  self->table = table;
  self->rows = rows;
  /* The rows both lists have change in place, and ::rows-changed says so:
   * told of them in items-changed, GTK 4.8's list views destroy every row's
   * widgets and make them again (370 ms for a facet chosen on 200,000
   * figures, bench-figures-window), and look for their items among all the
   * rows added, asking for every one; only the rows one list has more than
   * the other are added or removed. */
  if (before > after)
    g_list_model_items_changed (G_LIST_MODEL (self), after, before - after, 0);
  else if (after > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, after - before);
  if (MIN (before, after) > 0)
    g_signal_emit (self, signals[ROWS_CHANGED], 0);
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
