/* ca-window-search.c: searching the tree from the sidebar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-format.h"
#include "ca-node-item.h"
#include "ca-stack-page.h"
#include "ca-tree-row.h"
#include "ca-window-private.h"

/* More matches than this are counted but not listed. */
#define MAX_RESULTS 500

static void
setup_result_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, ca_tree_row_new (CA_TREE_ROW_RESULT));
}

static void
bind_result_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  CaWindow *self = user_data;
  CaNodeItem *item = gtk_list_item_get_item (list_item);
  CaTreeRow *row = CA_TREE_ROW (gtk_list_item_get_child (list_item));

  /* The query the results are of, which the entry may have left already. */
  ca_tree_row_set_query (row, self->results_query);
  ca_tree_row_set_node (row, ca_node_item_get_node (item));
}

static void
show_count (CaWindow *self,
            guint     n_matches)
{
  /* Grouped, as every count the window shows ("100,000", as the badges). */
  g_autofree char *count = ca_format_number (n_matches);
  g_autofree char *listed = ca_format_number (MAX_RESULTS);
  g_autofree char *text = NULL;

  if (n_matches > MAX_RESULTS)
    /* Translators: the number of matches (at least 500), then how many are
     * listed; both are written with their thousands grouped. */
    text = g_strdup_printf (ngettext ("%s match; the first %s are listed",
                                      "%s matches; the first %s are listed", n_matches),
                            count, listed);
  else
    /* Translators: the number of matches, its thousands grouped */
    text = g_strdup_printf (ngettext ("%s match", "%s matches", n_matches), count);

  gtk_label_set_text (self->results_label, text);
}

void
ca_window_run_search (CaWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (query));
  g_autoptr(GListModel) matches = NULL;
  guint n_matches = 0;

  if (self->dataset == NULL || trimmed[0] == '\0')
    {
      gtk_single_selection_set_model (self->results, NULL);
      ca_stack_show_page (self->sidebar_stack, "tree");
      return;
    }

  /* Built on the first search, so that opening a file costs nothing extra. */
  if (self->search_index == NULL)
    self->search_index = ca_search_index_new (self->dataset);

  g_free (self->results_query);
  self->results_query = g_strdup (query);
  matches = ca_search_index_find (self->search_index, query, MAX_RESULTS, &n_matches);
  gtk_single_selection_set_model (self->results, matches);
  show_count (self, n_matches);
  ca_stack_show_page (self->sidebar_stack, n_matches > 0 ? "results" : "no-results");
  if (n_matches > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u", 0);
}

void
ca_window_activate_result (CaWindow *self,
                           guint     position)
{
  GListModel *model = gtk_single_selection_get_model (self->results);
  g_autoptr(CaNodeItem) item = NULL;

  if (model == NULL)
    return;

  item = g_list_model_get_item (model, position);
  if (item == NULL)
    return;

  g_object_set (self, "search-mode", FALSE, NULL);
  ca_window_select_node (self, ca_node_item_get_node (item));
  /* On the row found, scrolled to, not on the tree's first row. */
  ca_window_focus_tree (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
search_changed_cb (CaWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    ca_window_run_search (self);
}

static void
search_activate_cb (CaWindow *self)
{
  guint selected = gtk_single_selection_get_selected (self->results);

  ca_window_activate_result (self, selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
}

/* Up and Down in the entry move through the results, so Enter can take any. */
static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      gpointer               user_data)
{
  CaWindow *self = user_data;
  GListModel *model = gtk_single_selection_get_model (self->results);
  guint selected = gtk_single_selection_get_selected (self->results);
  guint n_items = model != NULL ? g_list_model_get_n_items (model) : 0;

  if (n_items == 0 || (keyval != GDK_KEY_Down && keyval != GDK_KEY_Up))
    return FALSE;

  if (keyval == GDK_KEY_Down && selected + 1 < n_items)
    selected++;
  else if (keyval == GDK_KEY_Up && selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    selected--;

  gtk_single_selection_set_selected (self->results, selected);
  gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u",
                              selected);
  return TRUE;
}

static void
result_activate_cb (CaWindow *self,
                    guint     position)
{
  ca_window_activate_result (self, position);
}

static void
search_stop_cb (CaWindow *self)
{
  g_object_set (self, "search-mode", FALSE, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
}

void
ca_window_init_search (CaWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_result_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_result_cb), self);
  gtk_list_view_set_factory (self->results_view, factory);
  self->results = gtk_single_selection_new (NULL);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->results));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing anywhere in the window starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (search_stop_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results_view, "activate",
                           G_CALLBACK (result_activate_cb), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}
