/* ca-window-actions.c: the window's actions: history, search, recent
 * files and the menus made in code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-window-private.h"

/* Files listed under Open Recent. */
#define MAX_RECENT 8
#define DATASET_MIME_TYPE "application/xml"
#define HELP_OVERLAY_RESOURCE "/org/clusteratlas/ClusterAtlas/ca-help-overlay.ui"

void
ca_window_update_history (CaWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", self->back_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward",
                                 self->forward_stack->len > 0);
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
  ca_window_update_history (self);
}

/* Moves one step from @from to @to, skipping ids the dataset lacks. */
static void
go (CaWindow  *self,
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

  ca_window_update_history (self);
}

static void
go_back_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  go (self, self->back_stack, self->forward_stack);
}

static void
go_forward_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  go (self, self->forward_stack, self->back_stack);
}

static void
open_recent_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  ca_window_open_file (CA_WINDOW (widget), file);
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

  g_return_if_fail (CA_IS_WINDOW (self));

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (self->file_chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Open a Dataset"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Atlas datasets (XML)"));
  gtk_file_filter_add_mime_type (filter, DATASET_MIME_TYPE);
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
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

      if (!gtk_recent_info_has_application (info, PACKAGE_NAME) ||
          !gtk_recent_info_exists (info))
        continue;

      /* The list is shared with other programs, which may have stored any
       * bytes as the name. */
      label = ca_escape_line (gtk_recent_info_get_display_name (info));
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

void
ca_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_cb);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_cb);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_cb);
  gtk_widget_class_install_property_action (widget_class, "win.search", "search-mode");
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
  /* A menu item without an action is insensitive, which is what
   * "No Recent Files" should be. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward", FALSE);
  build_language_menu (self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_main_menu_cb, self, NULL);
}
