/* test-language.c: the language switch reaches GTK's and libadwaita's own
 * strings, and an export in another language leaves the interface alone
 *
 * The machine has no Chinese locale: the process runs in C.UTF-8 and the
 * switch goes through LANGUAGE, as a user's would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ca-application.h"
#include "chart-test-common.h"
#include "ca-dataset.h"
#include "ca-export-dialog.h"
#include "ca-export.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-window.h"
#include "ca-window-private.h"
#include "ui-test-common.h"

static CaApplication *app;

static void
spin (void)
{
  for (int i = 0; i < 3; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static void
switch_language (const char *lang)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string (lang));
  spin ();
}

static GtkWindow *
find_toplevel (GType type)
{
  GtkWindow *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  return found;
}

static GtkWindow *
main_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; l = l->next)
    if (CA_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Every text a person can read in @widget's tree: labels, the titles of
 * rows and of stack pages, and accessible labels are not needed. */
static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (out, "%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    g_string_append_printf (out, "%s\n", gtk_window_get_title (GTK_WINDOW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static char *
texts_of (GtkWindow *window)
{
  GString *out = g_string_new (NULL);

  collect_texts (GTK_WIDGET (window), out);
  return g_string_free (out, FALSE);
}

static char *
about_texts (void)
{
  GtkWindow *about;
  char *texts;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  spin ();
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  texts = texts_of (about);
  gtk_window_destroy (about);
  spin ();
  return texts;
}

static char *
shortcuts_texts (void)
{
  GtkWindow *shortcuts;
  char *texts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()),
                                             "win.show-help-overlay", NULL));
  spin ();
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  texts = texts_of (shortcuts);
  gtk_window_close (shortcuts);
  spin ();
  return texts;
}

/* In English first, so that the test shows the switch, not a start in
 * Chinese; then through the menu's action, as a person switches. */
static void
test_switch_reaches_gtk (void)
{
  g_autofree char *about = NULL;
  g_autofree char *shortcuts = NULL;

  switch_language ("en");
  about = about_texts ();
  g_assert_nonnull (strstr (about, "Credits"));
  shortcuts = shortcuts_texts ();
  g_assert_nonnull (strstr (shortcuts, "Shortcuts"));
  g_clear_pointer (&about, g_free);
  g_clear_pointer (&shortcuts, g_free);

  switch_language ("zh_CN");
  g_assert_cmpstr (ca_i18n_get_language (), ==, "zh_CN");
  about = about_texts ();
  g_test_message ("About: %s", about);
  /* libadwaita's own words: the rows "Details" and "Credits", "Legal". */
  g_assert_nonnull (strstr (about, "鸣谢"));
  g_assert_nonnull (strstr (about, "法律信息"));
  g_assert_null (strstr (about, "Credits"));
  shortcuts = shortcuts_texts ();
  g_test_message ("Shortcuts: %s", shortcuts);
  /* GTK's own: the window's title and the names of the Back and Forward keys. */
  g_assert_nonnull (strstr (shortcuts, "快捷操作"));
  g_assert_nonnull (strstr (shortcuts, "后退"));
  g_assert_nonnull (strstr (shortcuts, "前进"));
  g_assert_null (strstr (shortcuts, "Shortcuts"));
  /* And back. */
  switch_language ("en");
  g_clear_pointer (&about, g_free);
  about = about_texts ();
  g_assert_nonnull (strstr (about, "Credits"));
}

/* Whether a widget in @widget's tree has a tooltip holding @text. */
static gboolean
has_tooltip_with (GtkWidget  *widget,
                  const char *text)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip != NULL && strstr (tooltip, text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_tooltip_with (child, text))
      return TRUE;
  return FALSE;
}

/* Traditional Chinese: in the Language menu under its own name, and chosen
 * there it writes the interface in Taiwan's words and the data names in
 * Traditional characters, a converted name saying so in its tooltip. */
static void
test_traditional (void)
{
  CaWindow *window = CA_WINDOW (main_window ());
  GMenuModel *menu = G_MENU_MODEL (window->language_menu);
  gboolean listed = FALSE;
  g_autofree char *about = NULL;
  g_autofree char *texts = NULL;

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL, *target = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &target);
      listed |= g_strcmp0 (label, "繁體中文") == 0 && g_strcmp0 (target, "zh_TW") == 0;
    }
  g_assert_true (listed);

  switch_language ("zh_TW");
  g_assert_cmpstr (ca_i18n_get_language (), ==, "zh_TW");
  about = about_texts ();
  g_test_message ("About: %s", about);
  g_assert_nonnull (strstr (about, "聚落圖譜"));
  g_assert_null (strstr (about, "集群图谱"));
  /* The bundled dataset gives 中国 only in Simplified characters.  (The
   * switch may have made the window anew.) */
  window = CA_WINDOW (main_window ());
  ca_window_open_bundled (window);
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       (window->dataset == NULL || ca_window_is_loading (window))
       && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (window->dataset);
  g_assert_true (ca_window_select_node (window, ca_dataset_lookup_node (window->dataset, "cn")));
  spin ();
  texts = texts_of (GTK_WINDOW (window));
  g_assert_nonnull (strstr (texts, "中國"));
  g_assert_true (has_tooltip_with (GTK_WIDGET (window), "名稱由簡體中文「中国」轉換而來"));
  /* In English the same name is shown as written, and says nothing. */
  switch_language ("en");
  window = CA_WINDOW (main_window ());
  g_assert_nonnull (window->dataset);
  g_assert_true (ca_window_select_node (window, ca_dataset_lookup_node (window->dataset, "cn")));
  spin ();
  g_assert_false (has_tooltip_with (GTK_WIDGET (window), "轉換而來"));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The window's export path: the dialog's options, with its language row on
 * Chinese, written as the window writes them; the interface stays English. */
static void
test_export_in_chinese (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  const CaNode *node = ca_dataset_get_root (dataset, 0);
  g_autofree char *dir = g_dir_make_tmp ("ca-test-language-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  CaExportDialog *dialog;
  CaExportOptions options = { 0 };

  switch_language ("en");
  dialog = ca_export_dialog_new (main_window ());
  ca_export_dialog_set_format (dialog, CA_EXPORT_SVG);
  ca_export_dialog_set_language (dialog, "zh_CN");
  ca_export_dialog_get_options (dialog, &options);
  /* The view comes from the window, as in ca_chart_actions_export_chart (). */
  options.kind = CA_CHART_GOALS;
  g_assert_cmpstr (options.language, ==, "zh_CN");
  g_assert_true (ca_export_write (node, &options, path, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  svg = read_file (path);
  /* The title is "<name> — 目标": Chinese words, Chinese names. */
  title = g_strdup_printf ("<title>%s — %s</title>",
                           ca_node_get_name (node, "zh-CN"),
                           ca_i18n_gettext ("zh_CN", "Goals"));
  g_assert_cmpstr (ca_i18n_gettext ("zh_CN", "Goals"), !=, "Goals");
  g_assert_nonnull (strstr (svg, title));
  /* The interface did not move: neither our language nor gettext's. */
  g_assert_cmpstr (ca_i18n_get_language (), ==, "en");
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
  g_assert_cmpstr (_("Goals"), ==, "Goals");
  g_assert_cmpstr (g_dgettext ("gtk40", "Shortcuts"), ==, "Shortcuts");
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* As the program: our locale and text domain first, then GTK. */
  app = ui_test_start (&argc, &argv, "language");
  g_application_activate (G_APPLICATION (app));
  spin ();
  g_assert_nonnull (main_window ());

  g_test_add_func ("/language/switch-reaches-gtk", test_switch_reaches_gtk);
  g_test_add_func ("/language/export-in-chinese", test_export_in_chinese);
  g_test_add_func ("/language/traditional", test_traditional);
  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ui_test_finish ();
  return status;
}
