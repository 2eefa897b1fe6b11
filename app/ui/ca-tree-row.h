/* ca-tree-row.h: one row of the tree or of the search results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ca-node.h"

G_BEGIN_DECLS

#define CA_TYPE_TREE_ROW (ca_tree_row_get_type ())
G_DECLARE_FINAL_TYPE (CaTreeRow, ca_tree_row, CA, TREE_ROW, GtkWidget)

typedef enum {
  CA_TREE_ROW_TREE,     /* second line: the name in the other language */
  CA_TREE_ROW_RESULT,   /* second line: the path of ancestors */
} CaTreeRowMode;

GtkWidget    *ca_tree_row_new        (CaTreeRowMode  mode);
/* Shows @node in the current data language; NULL clears the row. */
void          ca_tree_row_set_node   (CaTreeRow     *self,
                                      const CaNode  *node);
/* Among the results: the query, so that the row says why it matched
 * (ca_search_explain ()); set before ca_tree_row_set_node (). */
void          ca_tree_row_set_query  (CaTreeRow     *self,
                                      const char    *query);
const CaNode *ca_tree_row_get_node   (CaTreeRow     *self);
GtkLabel     *ca_tree_row_get_label  (CaTreeRow     *self);
/* The menu of what can be done with @node, through the window's actions
 * (Add to Comparison), over @parent at (@x, @y) in its coordinates.  The
 * popover is made in *@popover the first time, as a child of @parent,
 * which unparents it when it goes. */
/* Whether @node is in the comparison of the window @parent is in: the
 * menu then offers to take it out.  Set once, by the window. */
typedef gboolean (*CaTreeRowInComparison) (GtkWidget    *parent,
                                           const CaNode *node);
void          ca_tree_row_set_comparison_query (CaTreeRowInComparison query);
void          ca_tree_row_popup_node_menu (GtkWidget    *parent,
                                           GtkWidget   **popover,
                                           const CaNode *node,
                                           double        x,
                                           double        y);
/* The icon of a node type for a screen of @scale (owned by the row code). */
GdkPaintable *ca_tree_row_get_icon   (CaNodeType     type,
                                      int            scale);

G_END_DECLS
