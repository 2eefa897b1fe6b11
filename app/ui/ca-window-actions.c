/* ca-window-actions.c: every action of the window, in one place, as in
 * GNOME Text Editor: installed and bound to their keys in
 * ca_window_class_init_actions (), enabled in ca_window_update_actions ().
 * The menus are in ca-window.ui; only the recent files and the languages
 * found installed are filled in here, as they are known only at run time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-chart-actions.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-print-operation.h"
#include "ca-window-private.h"

/* Files listed under Open Recent. */
#define MAX_RECENT 8
#define DATASET_MIME_TYPE "application/xml"
#define HELP_OVERLAY_RESOURCE "/org/clusteratlas/ClusterAtlas/ca-help-overlay.ui"

/* Every enabled state of the window's actions, from the window's state. */
void
ca_window_update_actions (CaWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_node = self->dataset != NULL && ca_window_get_selected_node (self) != NULL;
  gboolean has_chart = has_node;
  gboolean on_figures = self->dataset != NULL &&
                        g_strcmp0 (ca_window_get_view (self), "figures") == 0;

  /* Offered when it is there (CLUSTER_ATLAS_DATADIR may point elsewhere). */
  if (self->dataset == NULL)
    {
      g_autofree char *bundled = ca_dataset_get_bundled_path ();

      gtk_widget_action_set_enabled (widget, "win.open-bundled",
                                     g_file_test (bundled, G_FILE_TEST_IS_REGULAR));
    }
  /* Nothing to search before a dataset is open. */
  gtk_widget_action_set_enabled (widget, "win.search", self->dataset != NULL);
  gtk_widget_action_set_enabled (widget, "win.go-back", self->back_stack->len > 0);
  gtk_widget_action_set_enabled (widget, "win.go-forward", self->forward_stack->len > 0);
  /* On the Compare page, its chart's; elsewhere the node's. */
  if (ca_window_compare_chart_action (self, NULL))
    has_chart = self->dataset != NULL && self->compare_page != NULL
                && ca_compare_page_has_chart (CA_COMPARE_PAGE (self->compare_page));
  gtk_widget_action_set_enabled (widget, "win.export-chart", has_chart);
  gtk_widget_action_set_enabled (widget, "win.copy-chart", has_chart);
  gtk_widget_action_set_enabled (widget, "win.print", has_chart);
  /* On the Figures page, the figures it lists; elsewhere, the node's. */
  gtk_widget_action_set_enabled (widget, "win.export-csv",
                                 on_figures ? self->figures_page != NULL &&
                                              ca_figures_page_get_n_rows (self->figures_page) > 0
                                            : has_node);
  gtk_widget_action_set_enabled (widget, "win.show-tag", self->dataset != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-bundle", has_node);
  /* The "No Recent Files" item stands for nothing to open. */
  gtk_widget_action_set_enabled (widget, "win.no-recent", FALSE);
}

static void
push_id (GPtrArray  *stack,
         const char *id)
{
  if (stack->len >= CA_HISTORY_MAX)
    g_ptr_array_remove_index (stack, 0);
  g_ptr_array_add (stack, g_strdup (id));
}

/* Called when the user selects @node: what was shown goes on the back stack
 * and the forward stack is forgotten, as in a browser. */
void
ca_window_history_push (CaWindow     *self,
                        const CaNode *node)
{
  const char *id = ca_node_get_id (node);

  if (g_strcmp0 (self->current_id, id) == 0)
    return;

  if (self->current_id != NULL)
    push_id (self->back_stack, self->current_id);
  g_ptr_array_set_size (self->forward_stack, 0);
  g_free (self->current_id);
  self->current_id = g_strdup (id);
  ca_window_update_actions (self);
}

/* Moves one step from @from to @to, skipping ids the dataset lacks. */
static void
step_history (CaWindow  *self,
              GPtrArray *from,
              GPtrArray *to)
{
  while (from->len > 0 && self->dataset != NULL)
    {
      g_autofree char *id = g_ptr_array_steal_index (from, from->len - 1);
      const CaNode *node = ca_dataset_lookup_node (self->dataset, id);

      if (node == NULL)
        continue;

      if (self->current_id != NULL)
        push_id (to, self->current_id);
      self->navigating = TRUE;
      ca_window_select_node (self, node);
      self->navigating = FALSE;
      break;
    }

  ca_window_update_actions (self);
}

static void
go_back_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  step_history (self, self->back_stack, self->forward_stack);
}

static void
go_forward_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  step_history (self, self->forward_stack, self->back_stack);
}

static void
open_recent_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  ca_window_open_file (CA_WINDOW (widget), file);
}

/* What a tag's chip does: the figures with that tag, on the Figures page. */
static void
show_tag_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  ca_figures_page_show_tag (ca_window_get_figures_page (self),
                            g_variant_get_string (parameter, NULL));
  ca_window_show_view (self, "figures");
}

/* "explorer", "figures" or "compare": the view switcher's pages, also on
 * Alt+1, Alt+2, Alt+3. */
static void
show_view_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  if (self->dataset != NULL)
    ca_window_show_view (self, g_variant_get_string (parameter, NULL));
}

static void
open_bundled_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ca_window_open_bundled (CA_WINDOW (widget));
}

/* The shortcuts window is built when first asked for rather than with every
 * window, as GtkApplication would: it is a big tree of widgets that most
 * windows never show, and this way it is always in the current language. */
static void
show_help_overlay_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource (HELP_OVERLAY_RESOURCE);
      self->help_overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
      /* This also lets the shortcuts find their accelerators in the application. */
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                               GTK_SHORTCUTS_WINDOW (self->help_overlay));
      g_object_add_weak_pointer (G_OBJECT (self->help_overlay), (gpointer *) &self->help_overlay);
    }

  gtk_window_present (GTK_WINDOW (self->help_overlay));
}

static void
file_chooser_response_cb (CaWindow             *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        ca_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->file_chooser == GTK_NATIVE_DIALOG (chooser))
    g_clear_object (&self->file_chooser);
}

void
ca_window_show_open_dialog (CaWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (CA_IS_WINDOW (self));

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (self->file_chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Open a Dataset"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  /* By the name only: SVG files are XML by their type, and charts exported
   * as SVG were listed as datasets.  All Files opens one named otherwise. */
  gtk_file_filter_set_name (filter, _("Atlas datasets (XML)"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

void
ca_window_add_recent (CaWindow *self,
                      GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *bundled = ca_dataset_get_bundled_path ();
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display_name = ca_dataset_display_basename (basename != NULL ? basename : "");
  GtkRecentData data = {
    .display_name = display_name,
    .mime_type = (char *) DATASET_MIME_TYPE,
    .app_name = (char *) PACKAGE_NAME,
    .app_exec = (char *) "cluster-atlas %f",
  };

  /* The bundled dataset opens by itself; it is not a recent file. */
  if (bundled != NULL && g_strcmp0 (g_file_peek_path (file), bundled) == 0)
    return;

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Files the program opened, not the charts and tables it saved, which GTK's
 * save dialog records under the program's name too, nor ones gone since. */
static gboolean
is_recent_dataset (GtkRecentInfo *info)
{
  const char *mime_type = gtk_recent_info_get_mime_type (info);

  return gtk_recent_info_has_application (info, PACKAGE_NAME)
         && mime_type != NULL && g_content_type_is_a (mime_type, DATASET_MIME_TYPE)
         && gtk_recent_info_exists (info);
}

/* Menus do not ellipsize: a long name is cut here, so that the main menu
 * keeps its width.  The list is shared with other programs, which may have
 * stored any bytes as the name. */
#define MAX_RECENT_LABEL_CHARS 40

static char *
recent_label (GtkRecentInfo *info)
{
  return ca_quote_line (gtk_recent_info_get_display_name (info), MAX_RECENT_LABEL_CHARS);
}

void
ca_window_rebuild_recent_menu (CaWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n_added = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && n_added < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (!is_recent_dataset (info))
        continue;

      label = recent_label (info);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      n_added++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (n_added == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Files"), "win.no-recent");

      g_menu_append_item (self->recent_menu, item);
    }
}

static void
build_language_menu (CaWindow *self)
{
  const char * const *available = ca_i18n_get_available ();
  g_autoptr(GMenuItem) system = g_menu_item_new (_("System Default"), NULL);

  g_menu_item_set_action_and_target (system, "app.language", "s", "");
  g_menu_append_item (self->language_menu, system);

  /* Each language in its own name, so that anyone can find theirs. */
  for (guint i = 0; available[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (ca_i18n_get_native_name (available[i]), NULL);

      g_menu_item_set_action_and_target (item, "app.language", "s", available[i]);
      g_menu_append_item (self->language_menu, item);
    }
}

/* The chart actions ********************************************/

static void
export_chart_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  /* On the Compare page, its chart. */
  if (ca_window_compare_chart_action (self, ca_compare_page_export))
    return;
  ca_chart_actions_export_chart (GTK_WINDOW (self), self->toast_overlay, self->dataset,
                                 ca_window_get_selected_node (self),
                                 ca_details_pane_get_shown_kind (self->details));
}

/* At the size last chosen for exports, sharp on this screen, in the
 * language the window shows. */
static void
copy_chart_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  if (ca_window_compare_chart_action (self, ca_compare_page_copy))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Chart copied")));
      return;
    }
  ca_chart_actions_copy (gtk_widget_get_clipboard (widget), self->dataset,
                         ca_window_get_selected_node (self),
                         ca_details_pane_get_shown_kind (self->details),
                         ca_i18n_get_language (),
                         g_settings_get_int (self->settings, "export-width"),
                         g_settings_get_int (self->settings, "export-height"),
                         gtk_widget_get_scale_factor (widget));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Chart copied")));
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);
  g_autoptr(CaPrintOperation) operation = NULL;

  if (ca_window_compare_chart_action (self, ca_compare_page_print))
    return;
  operation = ca_print_operation_new (self->dataset, ca_window_get_selected_node (self),
                                      ca_details_pane_get_shown_kind (self->details),
                                      ca_i18n_get_language ());
  ca_print_operation_run (operation, GTK_WINDOW (self));
}

/* The figures' names in the language the window shows them in: on the
 * Figures page, the rows it lists, in its order; elsewhere the selected
 * node's and those below it. */
static void
export_csv_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  if (g_strcmp0 (ca_window_get_view (self), "figures") == 0)
    {
      ca_chart_actions_export_figures_csv (GTK_WINDOW (self), self->toast_overlay, self->dataset,
                                           ca_figures_page_get_figure_refs (
                                             ca_window_get_figures_page (self)),
                                           ca_i18n_get_language ());
      return;
    }
  ca_chart_actions_export_csv (GTK_WINDOW (self), self->toast_overlay, self->dataset,
                               ca_window_get_selected_node (self), ca_i18n_get_language ());
}

/* The chart as shown, at the size and scale last chosen for exports, in
 * the language the window shows. */
static void
export_bundle_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);
  CaExportOptions options = {
    .kind = ca_details_pane_get_shown_kind (self->details),
    .width = g_settings_get_int (self->settings, "export-width"),
    .height = g_settings_get_int (self->settings, "export-height"),
    .scale = g_settings_get_int (self->settings, "export-scale"),
    .language = ca_i18n_get_language (),
  };

  ca_chart_actions_export_bundle (GTK_WINDOW (self), self->toast_overlay, self->dataset,
                                  ca_window_get_selected_node (self), &options);
}

/* Never enabled: it stands behind "No Recent Files". */
static void
no_recent_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
}

/* The notice above a narrowed tree: the whole tree again, as unticking
 * "Narrow the tree" on the Figures page does. */
static void
show_all_places_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  if (self->figures_page != NULL)
    ca_figures_page_set_narrow_tree (self->figures_page, FALSE);
}

/* Ctrl+F finds in the page shown: the Figures page's text filter there,
 * the tree's search elsewhere (win.search, the header's button). */
static gboolean
find_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  CaWindow *self = CA_WINDOW (widget);

  if (g_strcmp0 (ca_window_get_view (self), "figures") == 0 && self->figures_page != NULL)
    ca_figures_page_focus_text (self->figures_page);
  else
    gtk_widget_activate_action (widget, "win.search", NULL);
  return TRUE;
}

/* Keys are bound on the window class, as Text Editor binds its window's:
 * they sit beside the actions they run, and a window that is not yet
 * added to the application has them too.  The shortcuts window lists
 * them in gtk/help-overlay.ui. */
static void
add_bindings (GtkWidgetClass *widget_class)
{
  static const struct {
    guint            key;
    GdkModifierType  mods;
    const char      *action;
  } bindings[] = {
    { GDK_KEY_Left, GDK_ALT_MASK, "win.go-back" },
    { GDK_KEY_Back, 0, "win.go-back" },
    { GDK_KEY_Right, GDK_ALT_MASK, "win.go-forward" },
    { GDK_KEY_Forward, 0, "win.go-forward" },
    { GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay" },
    { GDK_KEY_w, GDK_CONTROL_MASK, "window.close" },
    { GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart" },
    { GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-chart" },
    { GDK_KEY_p, GDK_CONTROL_MASK, "win.print" },
  };

  static const char * const views[] = { "explorer", "figures", "compare" };

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, bindings[i].mods,
                                         bindings[i].action, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, find_key_cb, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", views[i]);
}

void
ca_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_cb);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_cb);
  gtk_widget_class_install_property_action (widget_class, "win.search", "search-mode");
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_cb);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_cb);
  gtk_widget_class_install_action (widget_class, "win.show-tag", "s", show_tag_cb);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_cb);
  gtk_widget_class_install_action (widget_class, "win.show-all-places", NULL,
                                   show_all_places_cb);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, no_recent_cb);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_cb);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_cb);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_chart_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_cb);
  gtk_widget_class_install_action (widget_class, "win.export-bundle", NULL, export_bundle_cb);
  add_bindings (widget_class);
}

/* The main menu's popover, and the recent files it lists, are made when
 * the menu is first opened: reading the recent files and building some
 * eighty menu widgets would otherwise delay the window's first frame. */
static void
create_main_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  CaWindow *self = CA_WINDOW (user_data);
  GtkRecentManager *recent;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  recent = gtk_recent_manager_get_default ();
  ca_window_rebuild_recent_menu (self);
  self->recent_changed_id = g_signal_connect_swapped (recent, "changed",
                                                      G_CALLBACK (ca_window_rebuild_recent_menu),
                                                      self);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (self->main_menu));
}

void
ca_window_init_actions (CaWindow *self)
{
  build_language_menu (self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_main_menu_cb, self, NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (ca_window_update_actions), self, G_CONNECT_SWAPPED);
  ca_window_update_actions (self);
}
