/* ca-node-item.h: a node of a dataset as an item of a list model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ca-dataset.h"
#include "ca-node.h"

G_BEGIN_DECLS

#define CA_TYPE_NODE_ITEM (ca_node_item_get_type ())
G_DECLARE_FINAL_TYPE (CaNodeItem, ca_node_item, CA, NODE_ITEM, GObject)

/* Keeps a reference to @dataset, which owns @node. */
CaNodeItem   *ca_node_item_new         (CaDataset    *dataset,
                                        const CaNode *node);
CaDataset    *ca_node_item_get_dataset (CaNodeItem   *self);
const CaNode *ca_node_item_get_node    (CaNodeItem   *self);

G_END_DECLS
