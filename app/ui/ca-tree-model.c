/* ca-tree-model.c: the tree of a dataset as a GtkTreeListModel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ca-node-item.h"
#include "ca-tree-model.h"

struct _CaTreeChildren
{
  GObject       parent_instance;

  CaDataset    *dataset;
  const CaNode *parent;
};

static GType
ca_tree_children_get_item_type (GListModel *model)
{
  return CA_TYPE_NODE_ITEM;
}

static guint
ca_tree_children_get_n_items (GListModel *model)
{
  CaTreeChildren *self = CA_TREE_CHILDREN (model);

  if (self->parent == NULL)
    return ca_dataset_get_n_roots (self->dataset);

  return ca_node_get_n_children (self->parent);
}

static gpointer
ca_tree_children_get_item (GListModel *model,
                           guint       position)
{
  CaTreeChildren *self = CA_TREE_CHILDREN (model);
  const CaNode *node;

  if (position >= ca_tree_children_get_n_items (model))
    return NULL;

  if (self->parent == NULL)
    node = ca_dataset_get_root (self->dataset, position);
  else
    node = ca_node_get_child (self->parent, position);

  return ca_node_item_new (self->dataset, node);
}

static void
ca_tree_children_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ca_tree_children_get_item_type;
  iface->get_n_items = ca_tree_children_get_n_items;
  iface->get_item = ca_tree_children_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CaTreeChildren, ca_tree_children, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ca_tree_children_list_model_init))

static void
ca_tree_children_finalize (GObject *object)
{
  CaTreeChildren *self = CA_TREE_CHILDREN (object);

  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (ca_tree_children_parent_class)->finalize (object);
}

static void
ca_tree_children_class_init (CaTreeChildrenClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ca_tree_children_finalize;
}

static void
ca_tree_children_init (CaTreeChildren *self)
{
}

CaTreeChildren *
ca_tree_children_new (CaDataset    *dataset,
                      const CaNode *parent)
{
  CaTreeChildren *self;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  self = g_object_new (CA_TYPE_TREE_CHILDREN, NULL);
  self->dataset = g_object_ref (dataset);
  self->parent = parent;

  return self;
}

static gboolean
keep_node_cb (gpointer item,
              gpointer user_data)
{
  return g_hash_table_contains (user_data, ca_node_item_get_node (item));
}

/* @children with only the nodes in @keep, or as it is without @keep. */
static GListModel *
filter_children (CaTreeChildren *children,
                 GHashTable     *keep)
{
  GtkCustomFilter *filter;

  if (keep == NULL)
    return G_LIST_MODEL (children);
  filter = gtk_custom_filter_new (keep_node_cb, g_hash_table_ref (keep),
                                  (GDestroyNotify) g_hash_table_unref);
  return G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (children),
                                                  GTK_FILTER (filter)));
}

static gboolean
keeps_a_child (const CaNode *node,
               GHashTable   *keep)
{
  for (guint i = 0; i < ca_node_get_n_children (node); i++)
    if (g_hash_table_contains (keep, ca_node_get_child (node, i)))
      return TRUE;
  return FALSE;
}

/* GtkTreeListRow asks this also to learn whether a row can expand, so it
 * must stay cheap: the children model makes no items up front. */
static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  CaNodeItem *node_item = item;
  const CaNode *node = ca_node_item_get_node (node_item);
  GHashTable *keep = user_data;

  if (ca_node_get_n_children (node) == 0 || (keep != NULL && !keeps_a_child (node, keep)))
    return NULL;

  return filter_children (ca_tree_children_new (ca_node_item_get_dataset (node_item), node),
                          keep);
}

GtkTreeListModel *
ca_tree_model_new (CaDataset *dataset)
{
  return ca_tree_model_new_filtered (dataset, NULL);
}

GtkTreeListModel *
ca_tree_model_new_filtered (CaDataset  *dataset,
                            GHashTable *keep)
{
  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  return gtk_tree_list_model_new (filter_children (ca_tree_children_new (dataset, NULL), keep),
                                  FALSE, FALSE, create_children_cb,
                                  keep != NULL ? g_hash_table_ref (keep) : NULL,
                                  keep != NULL ? (GDestroyNotify) g_hash_table_unref : NULL);
}

/* Where @node is in @children: its index, or where a filter left it. */
static gboolean
find_child (GListModel   *children,
            const CaNode *node,
            guint        *position)
{
  guint n_items;

  if (!GTK_IS_FILTER_LIST_MODEL (children))
    {
      *position = ca_node_get_index (node);
      return TRUE;
    }
  n_items = g_list_model_get_n_items (children);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CaNodeItem) item = g_list_model_get_item (children, i);

      if (ca_node_item_get_node (item) == node)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

GtkTreeListRow *
ca_tree_model_reveal (GtkTreeListModel *model,
                      const CaNode     *node)
{
  g_autoptr(GPtrArray) path = NULL;
  GtkTreeListRow *row = NULL;
  guint position;

  g_return_val_if_fail (GTK_IS_TREE_LIST_MODEL (model), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  path = ca_node_get_path (node);
  if (find_child (gtk_tree_list_model_get_model (model), path->pdata[0], &position))
    row = gtk_tree_list_model_get_child_row (model, position);

  for (guint i = 1; row != NULL && i < path->len; i++)
    {
      GtkTreeListRow *parent = row;
      GListModel *children;

      gtk_tree_list_row_set_expanded (parent, TRUE);
      children = gtk_tree_list_row_get_children (parent);
      row = children != NULL && find_child (children, path->pdata[i], &position)
            ? gtk_tree_list_row_get_child_row (parent, position) : NULL;
      g_object_unref (parent);
    }

  return row;
}

GStrv
ca_tree_model_get_expanded (GtkTreeListModel *model)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (model, i);

      if (gtk_tree_list_row_get_expanded (row))
        {
          g_autoptr(CaNodeItem) item = gtk_tree_list_row_get_item (row);

          g_strv_builder_add (builder, ca_node_get_id (ca_node_item_get_node (item)));
        }
    }

  return g_strv_builder_end (builder);
}

void
ca_tree_model_set_expanded (GtkTreeListModel   *model,
                            CaDataset          *dataset,
                            const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const CaNode *node = ca_dataset_lookup_node (dataset, ids[i]);
      g_autoptr(GtkTreeListRow) row = NULL;

      if (node == NULL || ca_node_get_n_children (node) == 0)
        continue;

      row = ca_tree_model_reveal (model, node);
      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}
