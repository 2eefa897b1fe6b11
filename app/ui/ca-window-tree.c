/* ca-window-tree.c: the tree of regions, parks and programs in the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ca-node-item.h"
#include "ca-tree-model.h"
#include "ca-tree-row.h"
#include "ca-window-private.h"

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), ca_tree_row_new (CA_TREE_ROW_TREE));
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *child = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autoptr(CaNodeItem) item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  ca_tree_row_set_node (CA_TREE_ROW (child), ca_node_item_get_node (item));
}

/* The expander keeps its row until the next bind replaces it: clearing it
 * here would destroy its indent and arrow widgets, which that bind would
 * build again, and GTK 4.8 unbinds every row widget it reuses (scrolling,
 * expanding a node).  A widget is only ever unbound to be bound again or
 * destroyed, so the row it keeps is let go soon. */
static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *child = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));

  ca_tree_row_set_node (CA_TREE_ROW (child), NULL);
}

static void
selected_item_changed_cb (CaWindow *self)
{
  const CaNode *node = ca_window_get_selected_node (self);

  if (node == NULL || self->dataset == NULL)
    return;

  if (!self->navigating)
    ca_window_history_push (self, node);
  else
    {
      g_free (self->current_id);
      self->current_id = g_strdup (ca_node_get_id (node));
      ca_window_update_history (self);
    }

  ca_details_pane_set_node (self->details, self->dataset, node);
  ca_window_update_compare_button (self);
}

/* The tree row that has the keyboard focus, found from the focus widget:
 * a list row, whose child is our expander. */
static GtkTreeListRow *
get_focus_row (CaWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (; focus != NULL && focus != GTK_WIDGET (self->tree_view);
       focus = gtk_widget_get_parent (focus))
    {
      GtkWidget *child = gtk_widget_get_first_child (focus);

      if (GTK_IS_TREE_EXPANDER (child))
        return gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (child));
      if (GTK_IS_TREE_EXPANDER (focus))
        return gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (focus));
    }

  return NULL;
}

/* Gives the keyboard focus to the row widget at @position, if the list has
 * built it; returns whether it had. */
static gboolean
focus_row_at (CaWindow *self,
              guint     position)
{
  /* The list view follows the focus into whichever row widget takes it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->tree_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      GtkTreeListRow *shown;

      if (!GTK_IS_TREE_EXPANDER (expander))
        continue;
      shown = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
      if (shown != NULL && gtk_tree_list_row_get_position (shown) == position)
        return gtk_widget_grab_focus (child);
    }
  return FALSE;
}

/* Moves the keyboard focus and the selection to the parent of @row, as
 * Left does in every tree. */
static void
focus_parent (CaWindow       *self,
              GtkTreeListRow *row)
{
  g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);
  guint position;

  if (parent == NULL)
    return;

  position = gtk_tree_list_row_get_position (parent);
  gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.select-item", "(ubb)",
                              position, FALSE, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u", position);
  focus_row_at (self, position);
}

/* The tree is one stop of the Tab chain, as a tree is in GTK 3 and in
 * every file manager: GTK 4.8's list view makes each row one.  Tab leaves
 * it for the next widget, the list not taking part in the search for that
 * widget; entering it again focuses the row it had. */
static gboolean
leave_tree (CaWindow         *self,
            GtkDirectionType  direction)
{
  GtkWidget *tree = GTK_WIDGET (self->tree_view);
  gboolean moved;

  gtk_widget_set_can_focus (tree, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (self), direction);
  gtk_widget_set_can_focus (tree, TRUE);
  return moved;
}

static gboolean
is_tab (guint keyval)
{
  return keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab;
}

/* Right expands the focused row or, when it is open, goes to its first
 * child; Left collapses it or, when it is already collapsed, goes to its
 * parent, as in every tree; Tab leaves the tree. */
static gboolean
tree_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  CaWindow *self = user_data;
  GtkTreeListRow *row;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  gboolean expand;

  if (is_tab (keyval) && (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

      leave_tree (self, back ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
      return TRUE;
    }
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (keyval != GDK_KEY_Left && keyval != GDK_KEY_Right &&
      keyval != GDK_KEY_KP_Left && keyval != GDK_KEY_KP_Right)
    return FALSE;

  row = get_focus_row (self);
  if (row == NULL)
    return FALSE;

  expand = (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right) != rtl;
  /* On a row already open, Right goes to its first child, as in every tree. */
  if (expand && gtk_tree_list_row_get_expanded (row) && gtk_tree_list_row_is_expandable (row))
    {
      guint child = gtk_tree_list_row_get_position (row) + 1;

      gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.select-item", "(ubb)",
                                  child, FALSE, FALSE);
      gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u",
                                  child);
      focus_row_at (self, child);
      return TRUE;
    }
  if (expand || gtk_tree_list_row_get_expanded (row))
    {
      gtk_tree_list_row_set_expanded (row, expand);
      return TRUE;
    }

  focus_parent (self, row);
  return TRUE;
}

static void
tree_activate_cb (CaWindow *self,
                  guint     position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* In the folded layout only one page shows, and a click or a tap on a row
 * is how a person opens it, as in every phone's list; a double click is
 * not.  The arrow of a row only expands it, as in the wide layout. */
static void
tree_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  gpointer         user_data)
{
  CaWindow *self = user_data;
  GtkWidget *picked, *expander;
  GtkTreeListRow *row;

  if (!adw_leaflet_get_folded (self->leaflet) || n_press != 1)
    return;
  picked = gtk_widget_pick (GTK_WIDGET (self->tree_view), x, y, GTK_PICK_DEFAULT);
  expander = picked != NULL ? gtk_widget_get_ancestor (picked, GTK_TYPE_TREE_EXPANDER) : NULL;
  if (expander == NULL)
    return;
  for (GtkWidget *widget = picked; widget != expander; widget = gtk_widget_get_parent (widget))
    if (g_strcmp0 (gtk_widget_get_css_name (widget), "expander") == 0)
      return;
  row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
  if (row != NULL)
    tree_activate_cb (self, gtk_tree_list_row_get_position (row));
}

static gboolean
focus_selected_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  CaWindow *self = CA_WINDOW (gtk_widget_get_root (widget));

  self->focus_tree_tick = 0;
  ca_window_focus_tree (self);
  return G_SOURCE_REMOVE;
}

void
ca_window_focus_tree (CaWindow *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  /* A tree just shown again (after a search) scrolls only once laid out. */
  gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u", position);
  if (focus_row_at (self, position))
    return;
  /* The list builds its rows when it is next laid out. */
  if (self->focus_tree_tick == 0)
    self->focus_tree_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->tree_view),
                                                          focus_selected_tick_cb, NULL, NULL);
}

void
ca_window_init_tree (CaWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;
  GtkGesture *click;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->tree_view, factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->tree_view, "activate", G_CALLBACK (tree_activate_cb),
                           self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (tree_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), keys);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "released", G_CALLBACK (tree_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), GTK_EVENT_CONTROLLER (click));
}

void
ca_window_set_tree_dataset (CaWindow  *self,
                            CaDataset *dataset)
{
  g_clear_object (&self->tree_model);
  if (dataset != NULL)
    self->tree_model = ca_tree_model_new (dataset);

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree_model));
}

void
ca_window_set_tree_filter (CaWindow   *self,
                           GHashTable *keep)
{
  const CaNode *selected = ca_window_get_selected_node (self);
  g_auto(GStrv) expanded = NULL;

  if (self->dataset == NULL)
    return;
  /* The rows open stay open, in the narrowed tree and after it. */
  if (self->tree_model != NULL)
    expanded = ca_tree_model_get_expanded (self->tree_model);
  g_clear_object (&self->tree_model);
  self->tree_model = ca_tree_model_new_filtered (self->dataset, keep);
  gtk_widget_set_visible (GTK_WIDGET (self->narrowed_revealer), keep != NULL);
  gtk_revealer_set_reveal_child (self->narrowed_revealer, keep != NULL);
  self->navigating = TRUE;
  ca_tree_model_set_expanded (self->tree_model, self->dataset, (const char * const *) expanded);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree_model));
  if (selected != NULL && (keep == NULL || g_hash_table_contains (keep, selected)))
    ca_window_select_node (self, selected);
  self->navigating = FALSE;
}

GtkLabel *
ca_window_find_row_label (CaWindow   *self,
                          const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->tree_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      GtkWidget *row;
      const CaNode *node;

      if (!GTK_IS_TREE_EXPANDER (expander))
        continue;

      row = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
      node = ca_tree_row_get_node (CA_TREE_ROW (row));
      if (node != NULL && g_strcmp0 (ca_node_get_id (node), id) == 0)
        return ca_tree_row_get_label (CA_TREE_ROW (row));
    }

  return NULL;
}
