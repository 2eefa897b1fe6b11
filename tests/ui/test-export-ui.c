/* test-export-ui.c: the Export Chart dialog, Copy Chart, Print and the
 * window's chart actions, under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ca-application.h"
#include "ca-bundle.h"
#include "ca-chart-actions.h"
#include "ca-export-dialog.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-window-private.h"
#include "chart-test-common.h"

static CaApplication *app;

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
spin_until (gboolean *done)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!*done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (*done);
}

static void
count_cb (CaExportDialog *dialog,
          int            *count)
{
  (*count)++;
}

static guint
selected_preset (CaExportDialog *dialog)
{
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (dialog), CA_TYPE_EXPORT_DIALOG,
                                                "preset_row");

  return adw_combo_row_get_selected (ADW_COMBO_ROW (row));
}

static gboolean
scale_visible (CaExportDialog *dialog)
{
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (dialog), CA_TYPE_EXPORT_DIALOG,
                                                "scale_row");

  return gtk_widget_get_visible (GTK_WIDGET (row));
}

/* The choices start from the settings, follow the presets, and are saved
 * when the user presses Export. */
static void
test_dialog (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CaExportDialog *dialog;
  CaExportOptions options;
  int exports = 0;

  g_settings_reset (settings, "export-format");
  g_settings_reset (settings, "export-width");
  g_settings_reset (settings, "export-height");
  g_settings_reset (settings, "export-scale");

  dialog = ca_export_dialog_new (NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  ca_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, CA_EXPORT_PNG);
  g_assert_cmpint (options.width, ==, 1200);
  g_assert_cmpint (options.height, ==, 800);
  g_assert_cmpint (options.scale, ==, 1);
  g_assert_cmpstr (options.language, ==, "en");
  g_assert_cmpuint (selected_preset (dialog), ==, 0);
  g_assert_true (scale_visible (dialog));

  ca_export_dialog_set_format (dialog, CA_EXPORT_SVG);
  g_assert_false (scale_visible (dialog));
  ca_export_dialog_set_size (dialog, 842, 595);
  g_assert_cmpuint (selected_preset (dialog), ==, 3);   /* A4 landscape */
  ca_export_dialog_set_size (dialog, 1000, 700);
  g_assert_cmpuint (selected_preset (dialog), ==, 4);   /* Custom */
  ca_export_dialog_set_size (dialog, 1920, 1080);
  g_assert_cmpuint (selected_preset (dialog), ==, 2);
  ca_export_dialog_set_scale (dialog, 2);
  ca_export_dialog_set_language (dialog, "zh_CN");

  g_signal_connect (dialog, "export", G_CALLBACK (count_cb), &exports);
  ca_export_dialog_export (dialog);
  spin ();
  g_assert_cmpint (exports, ==, 1);
  g_assert_cmpint (g_settings_get_enum (settings, "export-format"), ==, CA_EXPORT_SVG);
  g_assert_cmpint (g_settings_get_int (settings, "export-width"), ==, 1920);
  g_assert_cmpint (g_settings_get_int (settings, "export-height"), ==, 1080);
  g_assert_cmpint (g_settings_get_int (settings, "export-scale"), ==, 2);

  /* The next dialog remembers; the language starts from the interface again. */
  dialog = ca_export_dialog_new (NULL);
  ca_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, CA_EXPORT_SVG);
  g_assert_cmpint (options.width, ==, 1920);
  g_assert_cmpint (options.scale, ==, 2);
  g_assert_cmpstr (options.language, ==, "en");
  ca_export_dialog_set_language (dialog, "zh_CN");
  ca_export_dialog_get_options (dialog, &options);
  g_assert_cmpstr (options.language, ==, "zh_CN");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static void
wait_frames (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 4;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
template_child (CaExportDialog *dialog,
                const char     *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), CA_TYPE_EXPORT_DIALOG,
                                                    name));
}

/* The label below @widget that shows @text, mapped, or NULL. */
static GtkWidget *
find_text (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The bottom of @widget is inside @dialog. */
static gboolean
inside (GtkWidget      *widget,
        CaExportDialog *dialog)
{
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, GTK_WIDGET (dialog), &bounds) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (dialog));
}

/* The dialog grows when PNG brings the Scale row and shrinks when it goes,
 * Height always in view; a preset's name shows whole. */
static void
test_dialog_layout (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CaExportDialog *dialog;
  GtkWidget *height_spin, *preset;
  int svg_height, png_height;

  g_settings_set_enum (settings, "export-format", CA_EXPORT_SVG);
  dialog = ca_export_dialog_new (NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_frames ();
  height_spin = template_child (dialog, "height_spin");
  svg_height = gtk_widget_get_height (GTK_WIDGET (dialog));
  g_assert_true (inside (height_spin, dialog));

  ca_export_dialog_set_format (dialog, CA_EXPORT_PNG);
  wait_frames ();
  png_height = gtk_widget_get_height (GTK_WIDGET (dialog));
  g_test_message ("SVG %d px, PNG %d px", svg_height, png_height);
  g_assert_cmpint (png_height, >=, svg_height + gtk_widget_get_height (template_child (dialog,
                                                                                 "scale_row")));
  g_assert_true (inside (height_spin, dialog));

  ca_export_dialog_set_format (dialog, CA_EXPORT_SVG);
  wait_frames ();
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), ==, svg_height);

  ca_export_dialog_set_size (dialog, 842, 595);
  wait_frames ();
  preset = find_text (GTK_WIDGET (dialog), "A4 landscape (842 × 595)");
  g_assert_nonnull (preset);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (preset))));
  g_settings_reset (settings, "export-format");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

/* The proposed name is the node's, in the export's language, safe for
 * every file system; the id when nothing of the name is left. */
static void
test_file_name (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  g_autoptr(CaDataset) bidi = chart_test_load_fixture ("export-names.xml");
  const CaNode *pilot = ca_dataset_lookup_node (dataset, "js-innovation-consortium-pilot");
  g_autofree char *zh = NULL;
  const struct {
    const char *id;
    const char *name;
  } unsafe[] = {
    { "unsafe", "a-b c d e f g h i j.png" },
    { "only-unsafe", "only-unsafe.png" },
    { "hidden", "hidden x.png" },
  };

  {
    g_autofree char *en = ca_chart_actions_file_name (pilot, CA_CHART_TREND, FALSE, "png", "en");
    g_autofree char *csv = ca_chart_actions_file_name (pilot, CA_CHART_GOALS, TRUE, "csv", "en");

    g_assert_cmpstr (en, ==, "Jiangsu innovation consortium construction pilot - Trend.png");
    g_assert_cmpstr (csv, ==, "Jiangsu innovation consortium construction pilot - figures.csv");
  }
  zh = ca_chart_actions_file_name (pilot, CA_CHART_TREND, FALSE, "svg", "zh_CN");
  g_assert_true (g_str_has_prefix (zh, "江苏省创新联合体建设试点 - "));
  g_assert_true (g_str_has_suffix (zh, ".svg"));
  for (guint i = 0; i < G_N_ELEMENTS (unsafe); i++)
    {
      g_autofree char *name = ca_chart_actions_file_name (
          ca_dataset_lookup_node (bidi, unsafe[i].id), CA_CHART_GOALS, FALSE, "png", "en");
      g_autofree char *expected = NULL;

      g_assert_true (g_str_has_suffix (name, ".png"));
      name[strlen (name) - strlen (" - Goals.png")] = '\0';
      expected = g_strdup (unsafe[i].name);
      expected[strlen (expected) - strlen (".png")] = '\0';
      g_assert_cmpstr (name, ==, expected);
    }
  /* A long name is cut to what every file system takes. */
  {
    g_autofree char *name = ca_chart_actions_file_name (ca_dataset_lookup_node (bidi, "long"),
                                                        CA_CHART_GOALS, FALSE, "png", "en");

    g_assert_cmpuint (strlen (name), <=, 200);
    g_assert_true (g_utf8_validate (name, -1, NULL));
  }
}

/* A comparison's proposed name stays under the file-name limit, however
 * long its places' names and in either language, and is cut only between
 * characters: as many names as fit, then how many more. */
static void
test_compare_file_name (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("compare-names.xml");
  g_autoptr(CaDataset) short_names = chart_test_load_fixture ("chart-compare.xml");
  const char * const languages[] = { "en", "zh_CN" };
  const CaNode *nodes[CA_CHART_COMPARE_MAX];
  const CaNode *few[3];

  for (guint i = 0; i < CA_CHART_COMPARE_MAX; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i + 1);

      nodes[i] = ca_dataset_lookup_node (dataset, id);
      g_assert_nonnull (nodes[i]);
    }
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint n = 1; n <= CA_CHART_COMPARE_MAX; n++)
      {
        g_autofree char *name = ca_chart_actions_compare_file_name (nodes, n, CA_COMPARE_COUNTS,
                                                                    "png", languages[l]);

        g_assert_true (g_utf8_validate (name, -1, NULL));
        g_assert_cmpuint (strlen (name), <=, 200);
        g_assert_cmpuint (strlen (name), >, 60);
        g_assert_true (g_str_has_suffix (name, ".png"));
      }
  {
    g_autofree char *name = ca_chart_actions_compare_file_name (nodes, 8, CA_COMPARE_ALL,
                                                                "png", "en");

    g_assert_true (g_str_has_prefix (name, "Zhangjiang Science City"));
    g_assert_true (g_str_has_suffix (name, " and 7 more - Comparison.png"));
  }
  few[0] = ca_dataset_lookup_node (short_names, "north");
  few[1] = ca_dataset_lookup_node (short_names, "east");
  few[2] = ca_dataset_lookup_node (short_names, "empty");
  {
    g_autofree char *name = ca_chart_actions_compare_file_name (few, 3, CA_COMPARE_ALL,
                                                                "svg", "en");

    g_assert_cmpstr (name, ==, "North District, East District, Empty District - Comparison.svg");
  }
}

/* The mapped toplevel of @type, or NULL. */
static GtkWidget *
shown_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (window))
        found = window;
    }
  return found;
}

static GtkWidget *
wait_toplevel (GType type)
{
  GtkWidget *found = NULL;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((found = shown_toplevel (type)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
wait_chooser (void)
{
  return wait_toplevel (GTK_TYPE_FILE_CHOOSER);
}

/* The folder @chooser shows, once it has one (within five seconds). */
static GFile *
chooser_folder (GtkWidget *chooser)
{
  GFile *folder = NULL;

  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       folder == NULL && g_get_monotonic_time () < end;
       g_main_context_iteration (NULL, FALSE))
    folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  return folder;
}

/* The CSV chooser opens in the folder last exported to, and an export
 * remembers its folder for the next. */
static void
test_last_folder (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  g_autofree char *first = g_dir_make_tmp ("ca-folder-XXXXXX", NULL);
  g_autofree char *second = g_dir_make_tmp ("ca-folder-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (second, "figures.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GFile) folder = NULL;
  GtkWidget *chooser;

  g_settings_set_string (settings, "export-folder", first);
  ca_chart_actions_export_csv (NULL, NULL, dataset, ca_dataset_lookup_node (dataset, "r"), "en");
  chooser = wait_chooser ();
  folder = chooser_folder (chooser);
  g_assert_nonnull (folder);
  {
    g_autofree char *path = g_file_get_path (folder);

    g_assert_cmpstr (path, ==, first);
  }
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  wait_frames ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       g_get_monotonic_time () < end;
       g_main_context_iteration (NULL, FALSE))
    {
      g_autofree char *last = g_settings_get_string (settings, "export-folder");

      if (g_strcmp0 (last, second) == 0)
        break;
    }
  {
    g_autofree char *last = g_settings_get_string (settings, "export-folder");
    g_autoptr(GDir) dir = g_dir_open (second, 0, NULL);
    const char *name;

    g_assert_cmpstr (last, ==, second);
    /* The figures were written there, under the name the chooser kept. */
    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *written = g_build_filename (second, name, NULL);

        g_assert_true (g_str_has_suffix (name, ".csv"));
        g_assert_cmpint (g_unlink (written), ==, 0);
      }
  }
  g_assert_cmpint (g_rmdir (second), ==, 0);
  g_assert_cmpint (g_rmdir (first), ==, 0);

  /* The folder gone, Documents then, or the home folder, not the folder
   * the program started in. */
  {
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    const char *expected = documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                           ? documents : g_get_home_dir ();
    g_autofree char *path = NULL;

    g_clear_object (&folder);
    chooser = NULL;
    ca_chart_actions_export_csv (NULL, NULL, dataset, ca_dataset_lookup_node (dataset, "r"), "en");
    chooser = wait_chooser ();
    folder = chooser_folder (chooser);
    g_assert_nonnull (folder);
    path = g_file_get_path (folder);
    g_assert_cmpstr (path, ==, expected);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    wait_frames ();
  }
  g_settings_reset (settings, "export-folder");
}

/* Export Figures as CSV on the Figures page writes the rows it lists: as
 * filtered (the bundled data's counts only) and sorted (by value, largest
 * first), one row each, in that order. */
static void
test_figures_csv (void)
{
  g_autofree char *bundled = ca_dataset_get_bundled_path ();
  g_autoptr(CaDataset) dataset = ca_dataset_load_file (bundled, NULL, NULL, NULL, NULL, NULL);
  CaWindow *window = ca_window_new (app);
  CaFiguresPage *page = ca_window_get_figures_page (window);
  GtkColumnView *view = ca_figures_page_get_column_view (page);
  g_autoptr(GtkColumnViewColumn) value = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ca-figures-csv-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GArray) refs = NULL;
  g_autofree char *written = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *chooser;

  gtk_window_present (GTK_WINDOW (window));
  ca_window_set_dataset (window, dataset);
  ca_window_show_view (window, "figures");
  spin ();
  ca_figures_page_set_value (page, CA_FACET_KIND, "count", TRUE);
  value = g_object_ref (ca_figures_page_get_column (page, CA_FIGURE_COLUMN_VALUE));
  gtk_column_view_sort_by_column (view, value, GTK_SORT_DESCENDING);
  wait_frames ();
  refs = ca_figures_page_get_figure_refs (page);
  g_assert_cmpuint (refs->len, >=, 2);

  /* The chooser opens in the last export folder, under the name it proposes. */
  g_settings_set_string (settings, "export-folder", dir);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-csv", NULL));
  chooser = wait_chooser ();
  folder = chooser_folder (chooser);
  g_assert_nonnull (folder);
  wait_frames ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  /* Written under the name the chooser kept, in the folder chosen. */
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       written == NULL && g_get_monotonic_time () < end;
       g_main_context_iteration (NULL, FALSE))
    {
      g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
      const char *name = folder != NULL ? g_dir_read_name (folder) : NULL;

      if (name != NULL && g_str_has_suffix (name, ".csv") && name[0] != '.')
        written = g_build_filename (dir, name, NULL);
    }
  g_assert_nonnull (written);
  g_assert_true (g_file_get_contents (written, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  /* The header, a line a row, and "" after the last line end. */
  g_assert_cmpuint (g_strv_length (lines), ==, refs->len + 2);
  for (guint i = 0; i < refs->len; i++)
    {
      const CaFigureRef *ref = &g_array_index (refs, CaFigureRef, i);
      g_autofree char *start = g_strconcat (ca_node_get_id (ref->node), ",", NULL);

      /* Its node's id first (names may hold commas: the id is enough). */
      g_assert_true (g_str_has_prefix (lines[i + 1], start));
      g_assert_nonnull (strstr (lines[i + 1], ",count,"));
      if (i > 0)
        g_assert_cmpfloat (ref->figure->value, <=,
                           g_array_index (refs, CaFigureRef, i - 1).figure->value);
    }
  g_assert_true (g_str_has_suffix (written, "Figures.csv"));
  g_assert_cmpint (g_unlink (written), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_settings_reset (settings, "export-folder");
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

typedef struct {
  gboolean    done;
  GdkTexture *texture;
  char       *text;
} ClipboardRead;

static void
texture_read_cb (GObject      *clipboard,
                 GAsyncResult *result,
                 gpointer      data)
{
  ClipboardRead *read = data;

  read->texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  read->done = TRUE;
}

static void
text_read_cb (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      data)
{
  ClipboardRead *read = data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  read->done = TRUE;
}

/* The clipboard holds the picture at the export size and the citation. */
static void
test_copy (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *window = gtk_window_new ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (window);
  GdkContentFormats *formats;
  ClipboardRead read = { FALSE, NULL, NULL };

  g_settings_set_int (settings, "export-width", 640);
  g_settings_set_int (settings, "export-height", 480);
  gtk_window_present (GTK_WINDOW (window));
  ca_chart_actions_copy_chart (window, NULL, dataset, ca_dataset_lookup_node (dataset, "r"),
                               CA_CHART_COUNTS);
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
  g_assert_true (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING));

  gdk_clipboard_read_texture_async (clipboard, NULL, texture_read_cb, &read);
  spin_until (&read.done);
  g_assert_nonnull (read.texture);
  g_assert_cmpint (gdk_texture_get_width (read.texture),
                   ==, 640 * gtk_widget_get_scale_factor (window));
  g_assert_cmpint (gdk_texture_get_height (read.texture),
                   ==, 480 * gtk_widget_get_scale_factor (window));
  g_clear_object (&read.texture);

  read.done = FALSE;
  gdk_clipboard_read_text_async (clipboard, NULL, text_read_cb, &read);
  spin_until (&read.done);
  g_assert_true (g_str_has_prefix (read.text, "Testville — Counts\n"));
  g_assert_nonnull (strstr (read.text, "Baoshan District Government"));
  g_free (read.text);

  g_settings_reset (settings, "export-width");
  g_settings_reset (settings, "export-height");
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* Print draws the same chart on the page: run it into a PDF. */
static void
test_print (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *folder = g_dir_make_tmp ("ca-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "print.pdf", NULL);
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  operation = ca_chart_actions_new_print_operation (dataset, ca_dataset_lookup_node (dataset, "r"),
                                                    CA_CHART_TIMELINE);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, NULL,
                               &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Testville"));
  g_assert_nonnull (strstr (text, "Timeline"));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, tool[3] == 't' ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, NULL,
                               &error));
  g_assert_no_error (error);
  return out;
}

/* Long lines of text side by side on the page (the panels' titles) keep
 * at least 24 points apart: pdftotext gives each line's box. */
static void
assert_titles_apart (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox-layout", path, "-", NULL };
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double) * 3);
  guint pairs = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &xml, NULL, NULL,
                               &error));
  g_assert_no_error (error);
  for (const char *p = xml; (p = strstr (p, "<line xMin=\"")) != NULL; p++)
    {
      double box[3];

      g_assert_cmpint (sscanf (p, "<line xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\"",
                               &box[0], &box[1], &box[2]), ==, 3);
      if (box[2] - box[0] > 100)
        g_array_append_vals (boxes, box, 1);
    }
  for (guint i = 0; i < boxes->len; i++)
    for (guint j = 0; j < boxes->len; j++)
      {
        double *a = &g_array_index (boxes, double, 3 * i);
        double *b = &g_array_index (boxes, double, 3 * j);

        if (i == j || fabs (a[1] - b[1]) > 2 || b[0] < a[0])
          continue;
        pairs++;
        g_test_message ("titles at y %.0f: %.1f apart", a[1], b[0] - a[2]);
        g_assert_cmpfloat (b[0] - a[2], >=, 24);
      }
  g_assert_cmpuint (pairs, >, 0);
}

/* A printout carries its title: the job's name, and the PDF's Title when
 * it is printed to a file. */
static void
test_print_title (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *folder = g_dir_make_tmp ("ca-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "print.pdf", NULL);
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;
  const char *title = "Jiangsu innovation consortium construction pilot — Trend";

  operation = ca_chart_actions_new_print_operation (
      dataset, ca_dataset_lookup_node (dataset, "js-innovation-consortium-pilot"), CA_CHART_TREND);
  g_object_get (operation, "job-name", &info, NULL);
  g_assert_cmpstr (info, ==, title);
  g_clear_pointer (&info, g_free);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                            &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  info = run_tool ("pdfinfo", path);
  g_test_message ("%s", info);
  g_assert_nonnull (strstr (info, title));
  assert_titles_apart (path);
  if (g_getenv ("CA_KEEP_PRINT") == NULL)
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpint (g_rmdir (folder), ==, 0);
    }
  else
    g_test_message ("kept %s", path);
}

/* Python's zipfile reads the bundle: the members a bundle holds, in order,
 * a PNG by its magic, the sources as JSON; prints the README. */
static const char bundle_reader[] =
  "import json, sys, zipfile\n"
  "z = zipfile.ZipFile(sys.argv[1])\n"
  "assert z.testzip() is None\n"
  "assert z.namelist() == sys.argv[2].split(','), z.namelist()\n"
  "assert z.read('chart.png')[:8] == b'\\x89PNG\\r\\n\\x1a\\n'\n"
  "assert z.read('chart.pdf')[:5] == b'%PDF-'\n"
  "assert isinstance(json.loads(z.read('sources.json')), list)\n"
  "sys.stdout.write(z.read('README.txt').decode('utf-8'))\n";

/* The first file in @folder, whole path; NULL when it is empty. */
static char *
first_file (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name = dir != NULL ? g_dir_read_name (dir) : NULL;

  return name != NULL ? g_build_filename (folder, name, NULL) : NULL;
}

/* Accepts @chooser and waits for the file written in @folder, its path. */
static char *
accept_chooser (GtkWidget  *chooser,
                const char *folder)
{
  char *target = NULL;

  wait_frames ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       (target = first_file (folder)) == NULL && g_get_monotonic_time () < end;
       g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_nonnull (target);
  return target;
}

/* Export Bundle… from the window's action: the chooser proposes
 * “NAME - citation.zip”, and the zip written holds the chart as shown, in
 * the window's language, with the sources. */
static void
test_export_bundle (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  g_autofree char *folder = g_dir_make_tmp ("ca-bundle-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GFile) shown = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GString) members = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *readme = NULL;
  CaWindow *window = ca_window_new (app);
  GtkWidget *chooser;
  int status = -1;

  g_settings_set_string (settings, "export-folder", folder);
  gtk_window_present (GTK_WINDOW (window));
  ca_window_set_dataset (window, dataset);
  g_assert_true (ca_window_select_node (window, ca_dataset_lookup_node (dataset, "r")));
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-bundle", NULL));
  chooser = wait_chooser ();
  shown = chooser_folder (chooser);
  g_assert_nonnull (shown);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "Testville - citation.zip");
  /* Under the name proposed, in the folder last exported to. */
  target = accept_chooser (chooser, folder);
  g_assert_true (g_str_has_suffix (target, "/Testville - citation.zip"));

  for (guint i = 0; i < CA_BUNDLE_N_MEMBERS; i++)
    g_string_append_printf (members, "%s%s", i > 0 ? "," : "", ca_bundle_members[i]);
  {
    const char *argv[] = { "python3", "-c", bundle_reader, target, members->str, NULL };
    g_autoptr(GError) error = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &readme, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  /* The view the window shows, named in its language. */
  g_assert_true (g_str_has_prefix (readme, "Testville — "));
  g_assert_nonnull (strstr (readme, "Baoshan District Government"));
  g_assert_cmpint (g_unlink (target), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_settings_reset (settings, "export-folder");
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* How many buttons under @widget show the icon @icon, mapped. */
static guint
count_mapped_icons (GtkWidget  *widget,
                    const char *icon)
{
  guint n = GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
            g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_mapped_icons (child, icon);
  return n;
}

/* Export Chart on the Compare page exports the comparison: the chooser
 * proposes the places' names and the view, and the PDF written draws the
 * comparison (read back with pdftotext). */
static void
test_export_compare (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autofree char *folder = g_dir_make_tmp ("ca-compare-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  const char *ids[] = { "north", "east", NULL };
  g_autofree char *target = NULL, *name = NULL, *text = NULL;
  CaWindow *window = ca_window_new (app);
  GtkWidget *dialog, *chooser;
  int status = -1;

  g_settings_set_string (settings, "export-folder", folder);
  g_settings_set_strv (settings, "compare-nodes", ids);
  gtk_window_present (GTK_WINDOW (window));
  ca_window_set_dataset (window, dataset);
  ca_window_show_view (window, "compare");
  spin ();
  /* One export button on the page, not one in the header bar as well. */
  g_assert_cmpuint (count_mapped_icons (GTK_WIDGET (window), "document-save-symbolic"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-chart", NULL));
  dialog = wait_toplevel (CA_TYPE_EXPORT_DIALOG);
  ca_export_dialog_set_format (CA_EXPORT_DIALOG (dialog), CA_EXPORT_PDF);
  ca_export_dialog_set_language (CA_EXPORT_DIALOG (dialog), "en");
  ca_export_dialog_export (CA_EXPORT_DIALOG (dialog));
  chooser = wait_chooser ();
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "North District, East District - Comparison.pdf");
  target = accept_chooser (chooser, folder);
  {
    const char *argv[] = { "pdftotext", target, "-", NULL };
    g_autoptr(GError) error = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &text, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (text, "North District, East District — Comparison"));
  g_assert_nonnull (strstr (text, "Floor area"));
  g_assert_cmpint (g_unlink (target), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_settings_reset (settings, "export-folder");
  g_settings_reset (settings, "compare-nodes");
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* The chart's menu items show the keys the window binds, and Copy Chart
 * from its action puts a picture on the clipboard.  Which actions are
 * enabled when is tested with the whole menu in test-window. */
static void
test_window_actions (void)
{
  static const struct {
    const char *action;
    const char *accel;
  } items[] = {
    { "win.export-chart", "<Control>e" },
    { "win.copy-chart", "<Shift><Control>c" },
    { "win.print", "<Control>p" },
    { "win.export-csv", NULL },
    { "win.export-bundle", NULL },
  };
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  CaWindow *window = ca_window_new (app);
  GMenu *menu = ca_window_get_export_menu (window);

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (menu)), ==, G_N_ELEMENTS (items));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *accel = NULL;

      g_assert_true (g_menu_model_get_item_attribute (G_MENU_MODEL (menu), (int) i, "action",
                                                      "s", &action));
      g_assert_cmpstr (action, ==, items[i].action);
      g_menu_model_get_item_attribute (G_MENU_MODEL (menu), (int) i, "accel", "s", &accel);
      g_assert_cmpstr (accel, ==, items[i].accel);
    }

  ca_window_set_dataset (window, dataset);
  g_assert_true (ca_window_select_node (window, ca_dataset_lookup_node (dataset, "p1")));
  spin ();
  /* Copy through the action, as Ctrl+Shift+C does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-chart", NULL));
  spin ();
  g_assert_true (gdk_content_formats_contain_gtype (
      gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (window))),
      GDK_TYPE_TEXTURE));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  ca_i18n_init ();
  ca_i18n_set_language ("en");
  gtk_test_init (&argc, &argv, NULL);

  app = ca_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/export-ui/dialog", test_dialog);
  g_test_add_func ("/export-ui/dialog-layout", test_dialog_layout);
  g_test_add_func ("/export-ui/file-name", test_file_name);
  g_test_add_func ("/export-ui/compare-file-name", test_compare_file_name);
  g_test_add_func ("/export-ui/last-folder", test_last_folder);
  g_test_add_func ("/export-ui/copy", test_copy);
  g_test_add_func ("/export-ui/print", test_print);
  g_test_add_func ("/export-ui/print-title", test_print_title);
  g_test_add_func ("/export-ui/window-actions", test_window_actions);
  g_test_add_func ("/export-ui/bundle", test_export_bundle);
  g_test_add_func ("/export-ui/compare", test_export_compare);
  g_test_add_func ("/export-ui/figures-csv", test_figures_csv);
  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
