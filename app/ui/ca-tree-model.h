/* ca-tree-model.h: the tree of a dataset as a GtkTreeListModel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ca-dataset.h"
#include "ca-node.h"

G_BEGIN_DECLS

/* The children of @parent (the roots when NULL) as CaNodeItems, made only
 * when a row asks for them, so memory follows the rows shown. */
#define CA_TYPE_TREE_CHILDREN (ca_tree_children_get_type ())
G_DECLARE_FINAL_TYPE (CaTreeChildren, ca_tree_children, CA, TREE_CHILDREN, GObject)

CaTreeChildren   *ca_tree_children_new        (CaDataset        *dataset,
                                               const CaNode     *parent);

/* A tree list model over the whole dataset, autoexpand off. */
GtkTreeListModel *ca_tree_model_new           (CaDataset        *dataset);
/* The tree with only the nodes in @keep (a set of const CaNode *, which
 * must hold every ancestor of a node it holds); the whole tree for NULL. */
GtkTreeListModel *ca_tree_model_new_filtered  (CaDataset        *dataset,
                                               GHashTable       *keep);
/* Expands the ancestors of @node and returns its row (full), or NULL. */
GtkTreeListRow   *ca_tree_model_reveal        (GtkTreeListModel *model,
                                               const CaNode     *node);
/* The ids of the expanded rows, parents before children. */
GStrv             ca_tree_model_get_expanded  (GtkTreeListModel *model);
/* Expands the rows of the nodes named by @ids that exist in the dataset. */
void              ca_tree_model_set_expanded  (GtkTreeListModel *model,
                                               CaDataset        *dataset,
                                               const char * const *ids);

G_END_DECLS
