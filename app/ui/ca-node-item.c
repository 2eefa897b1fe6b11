/* ca-node-item.c: a node of a dataset as an item of a list model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ca-node-item.h"

struct _CaNodeItem
{
  GObject       parent_instance;

  CaDataset    *dataset;
  const CaNode *node;
};

G_DEFINE_FINAL_TYPE (CaNodeItem, ca_node_item, G_TYPE_OBJECT)

CaNodeItem *
ca_node_item_new (CaDataset    *dataset,
                  const CaNode *node)
{
  CaNodeItem *self;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  self = g_object_new (CA_TYPE_NODE_ITEM, NULL);
  self->dataset = g_object_ref (dataset);
  self->node = node;

  return self;
}

CaDataset *
ca_node_item_get_dataset (CaNodeItem *self)
{
  g_return_val_if_fail (CA_IS_NODE_ITEM (self), NULL);

  return self->dataset;
}

const CaNode *
ca_node_item_get_node (CaNodeItem *self)
{
  g_return_val_if_fail (CA_IS_NODE_ITEM (self), NULL);

  return self->node;
}

static void
ca_node_item_finalize (GObject *object)
{
  CaNodeItem *self = CA_NODE_ITEM (object);

  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (ca_node_item_parent_class)->finalize (object);
}

static void
ca_node_item_class_init (CaNodeItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ca_node_item_finalize;
}

static void
ca_node_item_init (CaNodeItem *self)
{
}
