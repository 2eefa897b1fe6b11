/* ca-window-compare.c: the window's Compare page and the actions that
 * fill it
 *
 * win.compare-add (s: a node id) adds the node to the comparison, from a
 * tree row's menu, the details pane or a Figures row's menu (the tree
 * row's, ca_tree_row_popup_node_menu ()), and says so in a
 * toast with a button to the page, or why it could not; win.compare-remove
 * takes it out, offered instead where the node is in the set; win.show-compare
 * shows the page, the view switcher's third, after the explorer and the
 * Figures page (Alt+3).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-compare-page.h"
#include "ca-figures-page.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-tree-row.h"
#include "ca-window-private.h"

static void
show_compare (CaWindow *self,
              gboolean  shown)
{
  if (self->dataset != NULL)
    ca_window_show_view (self, shown ? "compare" : "explorer");
}

/* One notice of the comparison at a time: a new one replaces the text of
 * the last in place while it is still up, instead of waiting behind it, so
 * that what it says is what the set now is.  It is never dismissed to make
 * room: libadwaita 1.2 frees a toast dismissed during its show animation
 * while that animation still runs, and crashes when the animation ends
 * (three notices within half a second did it).  Added again, the toast
 * shown restarts its timeout, and one still waiting comes first. */
static void
compare_toast_dismissed_cb (AdwToast *toast,
                            CaWindow *self)
{
  if (self->compare_toast == toast)
    g_clear_weak_pointer (&self->compare_toast);
}

static void
show_compare_toast (CaWindow   *self,
                    const char *title,
                    gboolean    offer_show,
                    guint       timeout)
{
  AdwToast *toast = self->compare_toast;

  if (toast == NULL)
    {
      toast = adw_toast_new (title);
      g_set_weak_pointer (&self->compare_toast, toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (compare_toast_dismissed_cb),
                               self, 0);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  else
    {
      adw_toast_set_title (toast, title);
      g_object_ref (toast);   /* add_toast () takes a reference */
    }
  /* Translators: a button in the notice of a place added to the comparison */
  adw_toast_set_button_label (toast, offer_show ? _("Show") : NULL);
  adw_toast_set_action_name (toast, offer_show ? "win.show-compare" : NULL);
  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A notice is one line: a long name is cut, so that what happened to the
 * place stays in sight ("“Baoshan High-tech…” added to the comparison"). */
static char *
toast_name (const CaNode *node)
{
  return ca_quote_line (ca_node_get_name (node, ca_i18n_get_data_language ()), 24);
}

static void
compare_add_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);
  CaComparePage *page = CA_COMPARE_PAGE (ca_window_get_compare_page (self));
  const CaNode *node = self->dataset != NULL
    ? ca_dataset_lookup_node (self->dataset, g_variant_get_string (parameter, NULL)) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *shown_name = NULL;

  if (node == NULL)
    return;
  shown_name = toast_name (node);
  if (ca_compare_page_contains (page, node))
    /* Translators: a notice; %s is the name of a place */
    message = g_strdup_printf (_("“%s” is already in the comparison"),
                               shown_name);
  else if (ca_compare_page_add (page, node, &error))
    /* Translators: a notice; %s is the name of a place */
    message = g_strdup_printf (_("“%s” added to the comparison"),
                               shown_name);
  show_compare_toast (self, error != NULL ? error->message : message, error == NULL,
                      error != NULL ? 6 : 4);
}

static void
compare_remove_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);
  const CaNode *node = self->dataset != NULL
    ? ca_dataset_lookup_node (self->dataset, g_variant_get_string (parameter, NULL)) : NULL;
  g_autofree char *message = NULL;
  g_autofree char *shown_name = NULL;

  if (node == NULL)
    return;
  shown_name = toast_name (node);
  ca_compare_page_remove (CA_COMPARE_PAGE (ca_window_get_compare_page (self)), node);
  /* Translators: a notice; %s is the name of a place */
  message = g_strdup_printf (_("“%s” removed from the comparison"),
                             shown_name);
  show_compare_toast (self, message, FALSE, 5);
}

/* The page's set, or before the page is built, the one it would show. */
static gboolean
in_comparison (CaWindow     *self,
               const CaNode *node)
{
  if (self->compare_page == NULL)
    return ca_compare_set_contains (self->settings, self->dataset, node);
  return ca_compare_page_contains (CA_COMPARE_PAGE (self->compare_page), node);
}

/* The details pane's button says whether its node is in the set. */
void
ca_window_update_compare_button (CaWindow *self)
{
  const CaNode *node = ca_details_pane_get_node (self->details);

  ca_details_pane_set_in_comparison (self->details, node != NULL && in_comparison (self, node));
}

static gboolean
row_in_comparison (GtkWidget    *parent,
                   const CaNode *node)
{
  GtkWidget *window = gtk_widget_get_ancestor (parent, CA_TYPE_WINDOW);

  return window != NULL && in_comparison (CA_WINDOW (window), node);
}

/* A change made elsewhere (another window) while this one has no page:
 * the page, once built, says so with "set-changed". */
static void
compare_nodes_changed_cb (CaWindow *self)
{
  if (self->compare_page != NULL)
    return;
  ca_window_update_compare_button (self);
  ca_window_update_actions (self);
}

static void
show_compare_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  show_compare (CA_WINDOW (widget), TRUE);
}

/* A mark of the comparison stands for its node: shown in the explorer. */
static void
compare_node_activated_cb (CaWindow     *self,
                           const CaNode *node)
{
  show_compare (self, FALSE);
  if (ca_window_select_node (self, node) && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* Menu and Shift+F10 in the tree open the selected row's menu. */
static gboolean
row_menu_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  CaWindow *self = CA_WINDOW (user_data);
  const CaNode *node = ca_window_get_selected_node (self);
  GtkLabel *label = node != NULL ? ca_window_find_row_label (self, ca_node_get_id (node)) : NULL;
  GtkWidget *row = label != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (label),
                                                            CA_TYPE_TREE_ROW) : NULL;

  return row != NULL && gtk_widget_activate_action (row, "row.menu", NULL);
}

static void
add_row_menu_keys (CaWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  const struct {
    guint           key;
    GdkModifierType mods;
  } triggers[] = { { GDK_KEY_Menu, 0 }, { GDK_KEY_F10, GDK_SHIFT_MASK } };

  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (keys),
        gtk_shortcut_new (gtk_keyval_trigger_new (triggers[i].key, triggers[i].mods),
                          gtk_callback_action_new (row_menu_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), keys);
}

/* The Figures page's rows have the tree rows' menu: its cells know their
 * row's node. */
static void
figures_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    CaWindow        *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *page = GTK_WIDGET (self->figures_page);
  const CaNode *node = NULL;
  graphene_point_t at;

  for (GtkWidget *w = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT); w != NULL && w != view;
       w = gtk_widget_get_parent (w))
    if ((node = g_object_get_data (G_OBJECT (w), "ca-node")) != NULL)
      break;
  if (node == NULL ||
      !gtk_widget_compute_point (view, page, &GRAPHENE_POINT_INIT (x, y), &at))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  ca_tree_row_popup_node_menu (page, &self->figures_menu, node, at.x, at.y);
}

/* The menu is the page's child: it goes before the page does. */
static void
figures_page_destroy_cb (CaWindow *self)
{
  if (self->figures_menu != NULL)
    gtk_widget_unparent (self->figures_menu);
  self->figures_menu = NULL;
}

/* Called when the page is built (ca_window_get_figures_page ()). */
void
ca_window_init_figures_menu (CaWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  /* Before the rows' own gestures, which would take the press. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (figures_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (ca_figures_page_get_column_view (self->figures_page)),
                             GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (self->figures_page, "destroy", G_CALLBACK (figures_page_destroy_cb),
                           self, G_CONNECT_SWAPPED);
}

void
ca_window_class_init_compare (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare-add", "s", compare_add_cb);
  gtk_widget_class_install_action (widget_class, "win.compare-remove", "s", compare_remove_cb);
  ca_tree_row_set_comparison_query (row_in_comparison);
  gtk_widget_class_install_action (widget_class, "win.show-compare", NULL, show_compare_cb);
}

void
ca_window_init_compare (CaWindow *self)
{
  g_signal_connect_object (self->settings, "changed::compare-nodes",
                           G_CALLBACK (compare_nodes_changed_cb), self, G_CONNECT_SWAPPED);
  add_row_menu_keys (self);
}

/* The page is built when first shown or asked for, not with the window:
 * only the explorer shows in the first frame (12 M instructions of it,
 * callgrind, bench/first-frame-app). */
static void
init_compare_page (CaWindow *self)
{
  self->compare_page = ca_compare_page_new (self->settings);
  adw_bin_set_child (self->compare_bin, self->compare_page);
  g_signal_connect_object (self->compare_page, "node-activated",
                           G_CALLBACK (compare_node_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_page, "set-changed",
                           G_CALLBACK (ca_window_update_compare_button), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_page, "set-changed",
                           G_CALLBACK (ca_window_update_actions), self, G_CONNECT_SWAPPED);
  ca_compare_page_set_dataset (CA_COMPARE_PAGE (self->compare_page), self->dataset);
}

void
ca_window_set_compare_dataset (CaWindow  *self,
                               CaDataset *dataset)
{
  if (self->compare_page != NULL)
    ca_compare_page_set_dataset (CA_COMPARE_PAGE (self->compare_page), dataset);
  else
    ca_window_update_compare_button (self);
}

/* On the Compare page, the chart actions (Export, Copy, Print) act on its
 * chart: whether it is shown, and if so, does @action to it. */
gboolean
ca_window_compare_chart_action (CaWindow *self,
                                void    (*action) (CaComparePage *page))
{
  if (g_strcmp0 (ca_window_get_view (self), "compare") != 0)
    return FALSE;
  if (action != NULL)
    action (CA_COMPARE_PAGE (ca_window_get_compare_page (self)));
  return TRUE;
}

GtkWidget *
ca_window_get_compare_page (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);

  if (self->compare_page == NULL)
    init_compare_page (self);
  return self->compare_page;
}
