/* test-compare-page.c: the comparison set and its persistence
 *
 * The set lives in the settings key "compare-nodes": adding and removing
 * write it, a ninth node is refused with a sentence and changes nothing,
 * ids the open dataset lacks are ignored but kept, and a set written to a
 * keyfile is there again for a new page on a new backend (a restart).  The
 * page shows chips, the empty state or the chart from the set, and is
 * finalized with its window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <adwaita.h>
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "ca-compare-page.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-resources.h"
#include "chart-test-common.h"

static GSettings *
memory_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  return g_settings_new_with_backend (APPLICATION_ID, backend);
}

static char *
stored (GSettings *settings)
{
  g_auto(GStrv) ids = g_settings_get_strv (settings, "compare-nodes");

  return g_strjoinv (",", ids);
}

#define assert_stored(settings, expected) G_STMT_START { \
    g_autofree char *ids_ = stored (settings); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

static const CaNode *
node (CaDataset  *dataset,
      const char *id)
{
  const CaNode *found = ca_dataset_lookup_node (dataset, id);

  g_assert_nonnull (found);
  return found;
}

/* A page in a window, so that it is laid out and finalized as in the app. */
static GtkWidget *
page_in_window (GSettings  *settings,
                GtkWidget **window)
{
  GtkWidget *page = ca_compare_page_new (settings);

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (*window), page);
  return page;
}

static void
destroy_window (GtkWidget *window,
                GtkWidget *page)
{
  g_object_ref (page);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static void
test_add_remove (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  GtkWidget *window, *page = page_in_window (settings, &window);
  CaComparePage *self = CA_COMPARE_PAGE (page);
  g_autoptr(GError) error = NULL;

  ca_compare_page_set_dataset (self, dataset);
  g_assert_cmpuint (ca_compare_page_get_n_nodes (self), ==, 0);
  g_assert_null (ca_chart_view_get_node (ca_compare_page_get_chart_view (self)));
  g_assert_true (ca_compare_page_add (self, node (dataset, "south"), &error));
  g_assert_no_error (error);
  /* One node compares nothing: no chart yet. */
  g_assert_null (ca_chart_view_get_node (ca_compare_page_get_chart_view (self)));
  g_assert_true (ca_compare_page_add (self, node (dataset, "north"), &error));
  g_assert_no_error (error);
  /* Adding it again changes nothing. */
  g_assert_true (ca_compare_page_add (self, node (dataset, "south"), &error));
  assert_stored (settings, "south,north");
  g_assert_cmpuint (ca_compare_page_get_n_nodes (self), ==, 2);
  g_assert_true (ca_compare_page_get_node (self, 0) == node (dataset, "south"));
  g_assert_true (ca_compare_page_contains (self, node (dataset, "north")));
  g_assert_false (ca_compare_page_contains (self, node (dataset, "east")));
  g_assert_true (ca_chart_view_get_node (ca_compare_page_get_chart_view (self)) ==
                 node (dataset, "south"));
  g_assert_cmpint (ca_chart_view_get_kind (ca_compare_page_get_chart_view (self)), ==,
                   CA_CHART_COMPARE);
  ca_compare_page_remove (self, node (dataset, "south"));
  assert_stored (settings, "north");
  g_assert_cmpuint (ca_compare_page_get_n_nodes (self), ==, 1);
  g_assert_null (ca_chart_view_get_node (ca_compare_page_get_chart_view (self)));
  destroy_window (window, page);
}

/* A change of the key from elsewhere (another window) shows at once. */
static void
test_follows_settings (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  GtkWidget *window, *page = page_in_window (settings, &window);
  const char *ids[] = { "east", "north", "south", NULL };

  ca_compare_page_set_dataset (CA_COMPARE_PAGE (page), dataset);
  g_settings_set_strv (settings, "compare-nodes", ids);
  g_assert_cmpuint (ca_compare_page_get_n_nodes (CA_COMPARE_PAGE (page)), ==, 3);
  g_assert_true (ca_compare_page_get_node (CA_COMPARE_PAGE (page), 0) ==
                 node (dataset, "east"));
  g_assert_nonnull (ca_compare_page_get_remove_button (CA_COMPARE_PAGE (page), 2));
  /* The dataset's figures are the chart's, in the window's style too. */
  g_settings_set_string (settings, "compare-figures", "counts");
  g_assert_cmpuint (ca_compare_page_get_n_nodes (CA_COMPARE_PAGE (page)), ==, 3);
  destroy_window (window, page);
}

static void
test_ninth (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(CaDataset) dataset = chart_test_load_many (9);
  GtkWidget *window, *page = page_in_window (settings, &window);
  CaComparePage *self = CA_COMPARE_PAGE (page);
  g_autoptr(GError) error = NULL;

  ca_compare_page_set_dataset (self, dataset);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);

      g_assert_true (ca_compare_page_add (self, node (dataset, id), &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (ca_compare_page_get_n_nodes (self), ==, 8);
  g_assert_false (ca_compare_page_add (self, node (dataset, "p8"), &error));
  g_assert_error (error, CA_COMPARE_ERROR, CA_COMPARE_ERROR_FULL);
  g_assert_cmpstr (error->message, ==, "“Park number 8” cannot be added: a comparison holds "
                   "8 places at most. Remove one first.");
  assert_stored (settings, "p0,p1,p2,p3,p4,p5,p6,p7");
  g_assert_false (ca_compare_page_contains (self, node (dataset, "p8")));
  /* Once one is out, it goes in. */
  g_clear_error (&error);
  ca_compare_page_remove (self, node (dataset, "p3"));
  g_assert_true (ca_compare_page_add (self, node (dataset, "p8"), &error));
  assert_stored (settings, "p0,p1,p2,p4,p5,p6,p7,p8");
  destroy_window (window, page);
}

/* Ids of another dataset are ignored, not lost: they stay where they were
 * in the key, and do not count against the eight. */
static void
test_missing_ids (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autoptr(CaDataset) other = chart_test_load_many (2);
  GtkWidget *window, *page = page_in_window (settings, &window);
  CaComparePage *self = CA_COMPARE_PAGE (page);
  const char *ids[] = { "gone", "north", "p0", "east", NULL };

  g_settings_set_strv (settings, "compare-nodes", ids);
  g_assert_cmpuint (ca_compare_page_get_n_nodes (self), ==, 0);
  ca_compare_page_set_dataset (self, dataset);
  g_assert_cmpuint (ca_compare_page_get_n_nodes (self), ==, 2);
  g_assert_true (ca_compare_page_get_node (self, 1) == node (dataset, "east"));
  ca_compare_page_remove (self, node (dataset, "north"));
  g_assert_true (ca_compare_page_add (self, node (dataset, "south"), NULL));
  assert_stored (settings, "gone,p0,east,south");
  /* The other dataset finds its own. */
  ca_compare_page_set_dataset (self, other);
  g_assert_cmpuint (ca_compare_page_get_n_nodes (self), ==, 1);
  g_assert_true (ca_compare_page_get_node (self, 0) == node (other, "p0"));
  ca_compare_page_set_dataset (self, NULL);
  g_assert_cmpuint (ca_compare_page_get_n_nodes (self), ==, 0);
  assert_stored (settings, "gone,p0,east,south");
  destroy_window (window, page);
}

/* The button under @widget whose label is @label, or NULL. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0
                                 || g_strcmp0 (gtk_widget_get_tooltip_text (widget), label) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
spin (void)
{
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Remove All takes out this dataset's places, not the ids of others, and
 * its toast's Undo puts them back in their order, with what was added
 * since after them. */
static void
test_remove_all_undo (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  GtkWidget *window, *page = ca_compare_page_new (settings);
  GtkWidget *overlay = adw_toast_overlay_new ();
  CaComparePage *self = CA_COMPARE_PAGE (page);
  const char *ids[] = { "north", "gone", "south", "east", NULL };
  GtkWidget *clear, *undo;

  window = gtk_window_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  g_settings_set_strv (settings, "compare-nodes", ids);
  ca_compare_page_set_dataset (self, dataset);
  clear = find_button (page, "Remove All");
  g_assert_nonnull (clear);
  g_assert_null (find_button (overlay, "_Undo"));
  g_signal_emit_by_name (clear, "clicked");
  spin ();
  g_assert_cmpuint (ca_compare_page_get_n_nodes (self), ==, 0);
  assert_stored (settings, "gone");
  g_assert_true (ca_compare_page_add (self, node (dataset, "west"), NULL));
  undo = find_button (overlay, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  spin ();
  assert_stored (settings, "north,gone,south,east,west");
  g_assert_cmpuint (ca_compare_page_get_n_nodes (self), ==, 4);
  /* The chart's accessible description lists its figures. */
  {
    CaChartView *view = ca_compare_page_get_chart_view (self);
    CaChartLayout *layout = NULL;

    for (guint i = 0; i < 100 && (layout = ca_chart_view_get_layout (view)) == NULL; i++)
      {
        g_usleep (10000);
        spin ();
      }
    g_assert_nonnull (layout);
    g_assert_nonnull (strstr (ca_chart_layout_get_description (layout), "Floor area: "));
    g_assert_null (gtk_test_accessible_check_property (
        GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
        ca_chart_layout_get_description (layout)));
  }
  destroy_window (window, page);
}

/* At 360 px eight chips of long names scroll sideways in a strip one chip
 * high; wide, the strip is no taller than its chips; Remove All, an icon,
 * is named. */
static void
test_narrow (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("compare-names.xml");
  GtkWidget *window, *page = page_in_window (settings, &window);
  CaComparePage *self = CA_COMPARE_PAGE (page);
  const char *ids[] = { "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", NULL };
  GtkWidget *strip, *clear;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  g_settings_set_strv (settings, "compare-nodes", ids);
  ca_compare_page_set_dataset (self, dataset);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 50 && gtk_widget_get_width (page) == 0; i++)
    {
      g_usleep (10000);
      spin ();
    }
  spin ();
  strip = gtk_widget_get_ancestor (ca_compare_page_get_remove_button (self, 7),
                                   GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (strip);
  g_assert_cmpint (gtk_widget_get_width (page), <=, 360);
  g_assert_cmpint (gtk_widget_get_height (strip), >, 20);
  g_assert_cmpint (gtk_widget_get_height (strip), <=, 50);
  /* Each chip, its remove button with it, fits the window. */
  for (guint i = 0; i < 8; i++)
    g_assert_cmpint (gtk_widget_get_width (gtk_widget_get_parent (
        ca_compare_page_get_remove_button (self, i))), <, 330);
  /* Wide, five chips on one line: the strip is as tall as that line. */
  {
    g_autoptr(CaDataset) few = chart_test_load_fixture ("chart-compare.xml");
    const char *five[] = { "north", "south", "east", "west", "empty", NULL };
    GtkWidget *chip;

    gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
    g_settings_set_strv (settings, "compare-nodes", five);
    ca_compare_page_set_dataset (self, few);
    for (guint i = 0; i < 30; i++)
      {
        g_usleep (10000);
        spin ();
      }
    g_assert_cmpint (gtk_widget_get_width (page), >=, 1000);
    chip = gtk_widget_get_parent (ca_compare_page_get_remove_button (self, 4));
    strip = gtk_widget_get_ancestor (chip, GTK_TYPE_SCROLLED_WINDOW);
    g_assert_cmpint (gtk_widget_get_height (strip), ==, gtk_widget_get_height (chip));
  }
  clear = find_button (page, "Remove All");
  /* An icon, named for a screen reader. */
  g_assert_null (gtk_button_get_label (GTK_BUTTON (clear)));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (clear),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     "Remove All"));
  destroy_window (window, page);
}

/* A restart: the set written through one keyfile backend is read by a new
 * page on a new backend of the same file. */
static void
test_restart (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autofree char *dir = g_dir_make_tmp ("ca-compare-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "keyfile", NULL);
  g_autofree char *text = NULL;

  g_assert_nonnull (dir);
  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);
      g_autoptr(GSettings) settings = g_settings_new_with_backend (APPLICATION_ID, backend);
      GtkWidget *window, *page = page_in_window (settings, &window);
      CaComparePage *self = CA_COMPARE_PAGE (page);

      ca_compare_page_set_dataset (self, dataset);
      if (run == 0)
        {
          g_assert_cmpuint (ca_compare_page_get_n_nodes (self), ==, 0);
          g_assert_true (ca_compare_page_add (self, node (dataset, "east"), NULL));
          g_assert_true (ca_compare_page_add (self, node (dataset, "north"), NULL));
          g_settings_sync ();
        }
      else
        {
          g_assert_cmpuint (ca_compare_page_get_n_nodes (self), ==, 2);
          g_assert_true (ca_compare_page_get_node (self, 0) == node (dataset, "east"));
          g_assert_true (ca_compare_page_get_node (self, 1) == node (dataset, "north"));
        }
      destroy_window (window, page);
    }
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "compare-nodes=['east', 'north']"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Pulls the resources out of the static library, which registers them. */
  g_assert_nonnull (ca_get_resource ());
  ca_i18n_init ();
  ca_i18n_set_language ("en");
  g_test_add_func ("/compare-page/add-remove", test_add_remove);
  g_test_add_func ("/compare-page/follows-settings", test_follows_settings);
  g_test_add_func ("/compare-page/ninth", test_ninth);
  g_test_add_func ("/compare-page/missing-ids", test_missing_ids);
  g_test_add_func ("/compare-page/restart", test_restart);
  g_test_add_func ("/compare-page/remove-all-undo", test_remove_all_undo);
  g_test_add_func ("/compare-page/narrow", test_narrow);
  return g_test_run ();
}
