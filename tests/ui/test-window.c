/* test-window.c: the real main window under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ca-application.h"
#include "ca-details-pane.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-print-operation.h"
#include "ca-tree-row.h"
#include "ca-window-private.h"
#include "ui-test-common.h"

static CaApplication *app;

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("CA_FIXTURES"), name, NULL);
}

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done says so or five seconds pass; the limit is
 * only there so that a broken window fails instead of hanging.  The timer
 * wakes the loop when nothing else would, as when a load never ends. */
static void
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (100, wake_cb, NULL);

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

static gboolean
loaded (gpointer data)
{
  return !ca_window_is_loading (data);
}

static char *scratch_dir;

/* Each test starts from no remembered selection or expanded rows, unless
 * @keep_state asks for what the last window left. */
static CaWindow *
open_window_full (const char *fixture_name,
                  gboolean    keep_state)
{
  CaWindow *window;

  if (!keep_state)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

      g_settings_reset (settings, "last-node");
      g_settings_reset (settings, "expanded-nodes");
    }

  window = ca_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  if (fixture_name != NULL)
    {
      g_autofree char *path = fixture (fixture_name);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      ca_window_open_file (window, file);
      spin_until (loaded, window);
      g_assert_nonnull (ca_window_get_dataset (window));
    }
  spin ();
  return window;
}

static CaWindow *
open_window (const char *fixture_name)
{
  return open_window_full (fixture_name, FALSE);
}

static void
close_window (CaWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  spin ();
}

static const CaNode *
lookup (CaWindow   *window,
        const char *id)
{
  const CaNode *node = ca_dataset_lookup_node (ca_window_get_dataset (window), id);

  g_assert_nonnull (node);
  return node;
}

static const char *
selected_id (CaWindow *window)
{
  const CaNode *node = ca_window_get_selected_node (window);

  return node != NULL ? ca_node_get_id (node) : NULL;
}

static void
test_window_shown (void)
{
  CaWindow *window = open_window (NULL);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Cluster Atlas"));
  g_assert_cmpstr (ca_window_get_visible_page (window), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->empty_page)));
  g_assert_true (gtk_widget_get_visible (ca_window_get_back_button (window)));
  g_assert_false (gtk_widget_is_sensitive (ca_window_get_back_button (window)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  spin ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static void
test_window_title (void)
{
  CaWindow *window = open_window ("ui-good.xml");

  g_assert_cmpstr (ca_window_get_visible_page (window), ==, "explorer");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Window test atlas — Cluster Atlas");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ca_window_get_title_widget (window)), ==,
                   "ui-good.xml");
  close_window (window);
}

static void
test_window_size_saved (void)
{
  CaWindow *window = open_window (NULL);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 733, 511);
  spin ();
  close_window (window);

  window = open_window (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 733);
  g_assert_cmpint (height, ==, 511);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));
  close_window (window);
}

static void
test_window_select_details (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  CaDetailsPane *details = ca_window_get_details_pane (window);
  const CaNode *park = lookup (window, "bs-hitech");
  GtkSingleSelection *selection = ca_window_get_selection (window);

  /* At first the first root is selected and shown. */
  g_assert_cmpstr (selected_id (window), ==, "cn");
  g_assert_true (ca_details_pane_get_node (details) == lookup (window, "cn"));

  g_assert_true (ca_window_select_node (window, park));
  spin ();
  g_assert_cmpstr (selected_id (window), ==, "bs-hitech");
  g_assert_true (ca_details_pane_get_node (details) == park);

  /* Selecting a row the way a click does also shows its details. */
  gtk_single_selection_set_selected (selection, 1);
  spin ();
  g_assert_cmpstr (selected_id (window), ==, "sh");
  g_assert_true (ca_details_pane_get_node (details) == lookup (window, "sh"));

  /* A node picked in the pane (path bar, chart mark) is selected in the tree. */
  g_signal_emit_by_name (details, "node-activated", lookup (window, "bs-poc"));
  spin ();
  g_assert_cmpstr (selected_id (window), ==, "bs-poc");
  g_assert_true (ca_details_pane_get_node (details) == lookup (window, "bs-poc"));
  gtk_single_selection_set_selected (selection, 1);
  spin ();

  /* The name label of a shown row carries the node's name. */
  g_assert_nonnull (ca_window_find_row_label (window, "sh"));
  g_assert_cmpstr (gtk_label_get_text (ca_window_find_row_label (window, "sh")), ==, "Shanghai");
  close_window (window);
}

static void
test_window_state_saved (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  GtkTreeListModel *tree;
  g_autoptr(GtkTreeListRow) row = NULL;

  ca_window_select_node (window, lookup (window, "bs-poc"));
  spin ();
  close_window (window);

  window = open_window_full ("ui-good.xml", TRUE);
  g_assert_cmpstr (selected_id (window), ==, "bs-poc");
  /* China, Shanghai and Baoshan were expanded to show it, and still are. */
  tree = ca_window_get_tree_model (window);
  row = ca_tree_model_reveal (tree, lookup (window, "baoshan"));
  g_assert_true (gtk_tree_list_row_get_expanded (row));
  g_assert_nonnull (ca_window_find_row_label (window, "bs-hitech"));
  close_window (window);
}

static void
go (CaWindow   *window,
    const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  spin ();

}

static void
test_window_history (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  GtkWidget *back = ca_window_get_back_button (window);

  g_assert_false (gtk_widget_is_sensitive (back));
  ca_window_select_node (window, lookup (window, "sh"));
  ca_window_select_node (window, lookup (window, "bs-poc"));
  ca_window_select_node (window, lookup (window, "js"));
  spin ();
  g_assert_true (gtk_widget_is_sensitive (back));

  go (window, "win.go-back");
  g_assert_cmpstr (selected_id (window), ==, "bs-poc");
  go (window, "win.go-back");
  g_assert_cmpstr (selected_id (window), ==, "sh");
  go (window, "win.go-forward");
  g_assert_cmpstr (selected_id (window), ==, "bs-poc");
  g_assert_true (ca_details_pane_get_node (ca_window_get_details_pane (window)) ==
                 lookup (window, "bs-poc"));

  /* A new selection forgets the way forward. */
  ca_window_select_node (window, lookup (window, "fengxian"));
  spin ();
  go (window, "win.go-forward");
  g_assert_cmpstr (selected_id (window), ==, "fengxian");
  go (window, "win.go-back");
  go (window, "win.go-back");
  go (window, "win.go-back");
  go (window, "win.go-back");
  g_assert_cmpstr (selected_id (window), ==, "cn");
  g_assert_false (gtk_widget_is_sensitive (back));
  close_window (window);
}

typedef struct {
  CaWindow *window;
  guint     n_expected;
} SearchWait;

/* The entry reports changes after a short pause, so wait for the list. */
static gboolean
has_results (gpointer data)
{
  SearchWait *wait = data;
  GListModel *results = ca_window_get_search_results (wait->window);

  return g_strcmp0 (ca_window_get_sidebar_page (wait->window), "results") == 0 &&
         results != NULL && g_list_model_get_n_items (results) == wait->n_expected;
}

static gboolean
row_shown (gpointer data)
{
  return ca_window_find_row_label (data, "bs-hitech") != NULL;
}

static void
search (CaWindow   *window,
        const char *query,
        guint       n_expected)
{
  GtkSearchEntry *entry = ca_window_get_search_entry (window);
  SearchWait wait = { window, n_expected };

  if (g_strcmp0 (ca_window_get_sidebar_page (window), "tree") == 0)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  spin_until (has_results, &wait);
  g_assert_cmpstr (ca_window_get_sidebar_page (window), ==, "results");
  g_assert_cmpuint (g_list_model_get_n_items (ca_window_get_search_results (window)), ==,
                    n_expected);
}

/* The first result row's labels, in order: its name, then its second line. */
static void
first_result_texts (CaWindow    *window,
                    const char **name,
                    const char **sub)
{
  GtkWidget *row = NULL;

  spin ();
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (window->results_view));
       item != NULL && row == NULL; item = gtk_widget_get_next_sibling (item))
    if (CA_IS_TREE_ROW (gtk_widget_get_first_child (item)))
      row = gtk_widget_get_first_child (item);
  g_assert_nonnull (row);
  *name = gtk_label_get_text (ca_tree_row_get_label (CA_TREE_ROW (row)));
  *sub = NULL;
  for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL; w = gtk_widget_get_next_sibling (w))
    for (GtkWidget *l = gtk_widget_get_first_child (w); l != NULL; l = gtk_widget_get_next_sibling (l))
      if (GTK_IS_LABEL (l) && l != GTK_WIDGET (ca_tree_row_get_label (CA_TREE_ROW (row))))
        *sub = gtk_label_get_text (GTK_LABEL (l));
  g_assert_nonnull (*sub);
}

/* A result says why it matched: the name in the language that was typed,
 * the tag or the id that holds the query; a long name starts near the
 * words that matched instead of hiding them behind its ellipsis. */
static void
test_window_search_reasons (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  const char *name, *sub;
  g_autofree char *path = g_build_filename (scratch_dir, "long.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const char doc[] =
    "<atlas xmlns='urn:cluster-atlas:1' version='1'><region id='r' kind='x'>"
    "<name xml:lang='en'>R</name><program id='p'><name xml:lang='en'>Municipal programme "
    "for the development of advanced manufacturing industries in Baoshan District</name>"
    "</program></region></atlas>";

  search (window, "宝山区", 1);
  first_result_texts (window, &name, &sub);
  g_assert_cmpstr (name, ==, "宝山区");
  g_assert_cmpstr (sub, ==, "China › Shanghai");
  search (window, "robotics", 1);
  first_result_texts (window, &name, &sub);
  g_assert_cmpstr (name, ==, "Baoshan High-tech Park");
  g_assert_cmpstr (sub, ==, "tag “robotics” · China › Shanghai › Baoshan");
  search (window, "bs-poc", 1);
  first_result_texts (window, &name, &sub);
  g_assert_cmpstr (sub, ==, "id “bs-poc” · China › Shanghai › Baoshan");

  g_assert_true (g_file_set_contents (path, doc, -1, NULL));
  ca_window_open_file (window, file);
  spin_until (loaded, window);
  search (window, "baoshan", 1);
  first_result_texts (window, &name, &sub);
  g_assert_cmpstr (name, ==, "…manufacturing industries in Baoshan District");
  close_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
}

/* The window's search reads Chinese as ca-match.h does: pinyin with tones,
 * first letters, Traditional characters; and lists the best matches first. */
static void
test_window_search_chinese (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  const char *name, *sub;

  /* The result shows the name whose characters the pinyin spells. */
  search (window, "bǎoshān gāoxīn", 1);
  first_result_texts (window, &name, &sub);
  g_assert_cmpstr (name, ==, "宝山高新区");
  search (window, "寶山", 2);
  search (window, "gnyzzx", 1);
  first_result_texts (window, &name, &sub);
  g_assert_cmpstr (name, ==, "概念验证中心");
  /* The ids that start with "bs" before 宝山区, read by its first letters. */
  search (window, "bs", 3);
  first_result_texts (window, &name, &sub);
  g_assert_cmpstr (name, ==, "Baoshan High-tech Park");
  close_window (window);
}

/* The count above the results groups its thousands, as the tree's badges
 * do: "1,200 matches", not "1200 matches". */
static void
test_window_search_count (void)
{
  CaWindow *window = open_window (NULL);
  g_autoptr(GString) doc = g_string_new ("<atlas xmlns='urn:cluster-atlas:1' version='1'>"
                                         "<region id='r' kind='x'><name xml:lang='en'>R</name>");
  g_autofree char *path = g_build_filename (scratch_dir, "many.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (doc, "<program id='p%u'><name xml:lang='en'>Pilot %u</name>"
                            "</program>", i, i);
  g_string_append (doc, "</region></atlas>");
  g_assert_true (g_file_set_contents (path, doc->str, (gssize) doc->len, NULL));
  ca_window_open_file (window, file);
  spin_until (loaded, window);
  g_assert_nonnull (ca_window_get_dataset (window));

  search (window, "pilot", 500);
  g_assert_cmpstr (gtk_label_get_text (window->results_label), ==,
                   "1,200 matches; the first 500 are listed");
  search (window, "pilot 1199", 1);
  g_assert_cmpstr (gtk_label_get_text (window->results_label), ==, "1 match");
  close_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static gboolean
shows_no_results (gpointer data)
{
  return g_strcmp0 (ca_window_get_sidebar_page (data), "no-results") == 0;
}

static void
test_window_search (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  GtkSearchEntry *entry = ca_window_get_search_entry (window);
  GtkTreeListModel *tree = ca_window_get_tree_model (window);
  g_autoptr(GtkTreeListRow) row = NULL;

  /* Full-width letters and another case match the English name. */
  search (window, "ＢＡＯＳＨＡＮ　ｈｉｇｈ", 1);
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_assert_cmpstr (selected_id (window), ==, "bs-hitech");
  g_assert_cmpstr (ca_window_get_sidebar_page (window), ==, "tree");
  g_assert_true (ca_details_pane_get_node (ca_window_get_details_pane (window)) ==
                 lookup (window, "bs-hitech"));
  /* Its ancestors were expanded to reach it, and its row is on screen. */
  row = gtk_tree_list_model_get_row (tree, 0);
  g_assert_true (gtk_tree_list_row_get_expanded (row));
  spin_until (row_shown, window);
  g_assert_nonnull (ca_window_find_row_label (window, "bs-hitech"));

  /* Names in Chinese, tags and ids are searched too. */
  search (window, "宝山", 2);
  search (window, "robotics", 1);
  search (window, "bs-poc", 1);
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_assert_cmpstr (selected_id (window), ==, "bs-poc");

  /* No match: the status page, shown only now. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->no_results_page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzz-no-such-name");
  spin_until (shows_no_results, window);
  g_assert_cmpstr (ca_window_get_sidebar_page (window), ==, "no-results");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->no_results_page)));
  g_assert_false (gtk_widget_get_visible (gtk_stack_get_child_by_name (window->sidebar_stack,
                                                                       "tree")));
  close_window (window);
}

static gboolean
dialog_shown (gpointer data)
{
  return !ca_window_is_loading (data) && ca_window_get_problems_dialog (data) != NULL;
}

/* The label of the problem lines, below @widget. */
static GtkLabel *
find_problems_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "ca-problems"))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_problems_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
problems_label_text (GtkWidget *dialog)
{
  GtkLabel *label = find_problems_label (adw_message_dialog_get_extra_child (
                                           ADW_MESSAGE_DIALOG (dialog)));

  g_assert_nonnull (label);
  return gtk_label_get_text (label);
}

/* After a refused file the window shows what it showed before, the tree
 * rows, the selection and the details pane (its title) included. */
static void
assert_old_dataset_shown (CaWindow  *window,
                          CaDataset *good)
{
  CaDetailsPane *details = ca_window_get_details_pane (window);
  const CaNode *poc = ca_dataset_lookup_node (good, "bs-poc");
  GtkLabel *row;

  spin ();
  g_assert_true (ca_window_get_dataset (window) == good);
  g_assert_cmpstr (ca_window_get_visible_page (window), ==, "explorer");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Window test atlas — Cluster Atlas");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ca_window_get_title_widget (window)), ==,
                   "ui-good.xml");
  g_assert_cmpstr (selected_id (window), ==, "bs-poc");
  g_assert_true (gtk_tree_list_model_get_model (ca_window_get_tree_model (window)) != NULL);
  row = ca_window_find_row_label (window, "bs-poc");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  g_assert_cmpstr (gtk_label_get_text (row), ==, "Proof-of-concept centres");
  g_assert_nonnull (ca_window_find_row_label (window, "cn"));
  g_assert_true (ca_details_pane_get_node (details) == poc);
  g_assert_cmpstr (ui_test_find_title (GTK_WIDGET (details)), ==, "Proof-of-concept centres");
}

static void
test_window_open_bad (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  CaDataset *good = ca_window_get_dataset (window);
  g_autofree char *path = fixture ("ui-bad.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog;
  const char *problems_text;
  g_auto(GStrv) lines = NULL;

  ca_window_select_node (window, lookup (window, "bs-poc"));
  ca_window_open_file (window, file);
  spin_until (dialog_shown, window);

  dialog = ca_window_get_problems_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                            "ui-bad.xml"));
  problems_text = problems_label_text (dialog);
  /* All twelve problems as FILE:LINE:COLUMN: message, in file order. */
  g_assert_true (g_str_has_prefix (problems_text, "ui-bad.xml:18:"));
  g_assert_nonnull (strstr (problems_text, "src-missing-0"));
  g_assert_true (strstr (problems_text, "src-missing-0") < strstr (problems_text, "src-missing-1"));
  g_assert_nonnull (strstr (problems_text, "ui-bad.xml:29:"));
  g_assert_nonnull (strstr (problems_text, "src-missing-11"));
  lines = g_strsplit (problems_text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 12);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "the dataset that was open stays open"));

  assert_old_dataset_shown (window, good);

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_null (ca_window_get_problems_dialog (window));
  close_window (window);
}

/* Scratch files and folders whose names are not UTF-8, as they come from
 * Windows zips and USB sticks. */
#define LATIN1_NAME "caf\xe9.xml"                 /* café.xml in ISO 8859-1 */
#define LATIN1_SHOWN "caf\xef\xbf\xbd.xml"        /* as shown: U+FFFD for the é */
#define GBK_NAME "\xd6\xd0\xce\xc4.xml"           /* 中文.xml in GBK */
#define GBK_SHOWN "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd.xml"
/* In problem lines, the bytes that are not UTF-8 are written out. */
#define LATIN1_ESCAPED "caf\\xE9.xml"
#define GBK_ESCAPED "\\xD6\\xD0\\xCE\\xC4.xml"


static char *
scratch_copy (const char *fixture_name,
              const char *name)
{
  g_autofree char *source = fixture (fixture_name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (scratch_dir, name, NULL);
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* As `cluster-atlas FILE` does: the argument's bytes, through the
 * application's "open" (open_cli_files () in ca-application.c). */
static void
open_as_command_line (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  g_application_open (G_APPLICATION (app), &file, 1, "");
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* The label on screen whose text is @text, checked as a screen reader
 * reads it: its accessible label is the same UTF-8 text. */
static GtkLabel *
find_shown_label (GtkWidget  *root,
                  const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      g_assert_true (g_utf8_validate (gtk_label_get_text (label), -1, NULL));
      if (g_strcmp0 (gtk_label_get_text (label), text) == 0 &&
          gtk_widget_get_mapped (GTK_WIDGET (label)))
        {
          gtk_test_accessible_assert_property (label, GTK_ACCESSIBLE_PROPERTY_LABEL, text);
          return label;
        }
    }
  return NULL;
}

static GtkWidget *
wait_for_problems_dialog (CaWindow *window)
{
  GtkWidget *dialog;

  spin_until (dialog_shown, window);
  dialog = ca_window_get_problems_dialog (window);
  g_assert_nonnull (dialog);
  spin ();
  g_assert_true (gtk_widget_get_mapped (dialog));
  return dialog;
}

/* Opening a refused file named in Latin-1 or GBK shows its problems under
 * the name as GTK can show it, with no critical (fatal in tests). */
static void
check_non_utf8_bad_file (CaWindow   *window,
                         CaDataset  *good,
                         const char *name,
                         const char *shown,
                         const char *escaped)
{
  g_autofree char *path = scratch_copy ("ui-bad.xml", name);
  g_autofree char *heading = g_strdup_printf ("Could Not Open “%s”", shown);
  g_autofree char *first = g_strdup_printf ("%s:18:", escaped);
  GtkWidget *dialog;
  const char *text;

  open_as_command_line (path);
  dialog = wait_for_problems_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  g_assert_nonnull (find_shown_label (dialog, heading));
  text = problems_label_text (dialog);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, first));
  g_assert_nonnull (find_shown_label (dialog, text));
  assert_old_dataset_shown (window, good);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_unlink (path);
}

static void
test_window_open_non_utf8 (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  CaDataset *good = ca_window_get_dataset (window);

  ca_window_select_node (window, lookup (window, "bs-poc"));
  check_non_utf8_bad_file (window, good, LATIN1_NAME, LATIN1_SHOWN, LATIN1_ESCAPED);
  check_non_utf8_bad_file (window, good, GBK_NAME, GBK_SHOWN, GBK_ESCAPED);
  close_window (window);
}

/* A folder, and a file in a folder, named in Latin-1. */
static void
test_window_open_non_utf8_folder (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  CaDataset *good = ca_window_get_dataset (window);
  g_autofree char *folder = g_build_filename (scratch_dir, "d\xe9p\xf4t", NULL);
  g_autofree char *inside = g_build_filename (folder, "ui-bad.xml", NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  ca_window_select_node (window, lookup (window, "bs-poc"));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  open_as_command_line (folder);
  dialog = wait_for_problems_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Open “d\xef\xbf\xbdp\xef\xbf\xbdt”");
  /* Why, and that the dataset that was open is still there. */
  body = g_strdup_printf ("“%s/d\xef\xbf\xbdp\xef\xbf\xbdt” is not a regular file\n\n"
                          "The dataset that was open stays open.", scratch_dir);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, body);
  g_assert_nonnull (find_shown_label (dialog, body));
  assert_old_dataset_shown (window, good);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();

  g_file_set_contents (inside, "<atlas", -1, NULL);
  open_as_command_line (inside);
  dialog = wait_for_problems_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Open “ui-bad.xml”");
  g_assert_true (g_str_has_prefix (problems_label_text (dialog), "ui-bad.xml:"));
  assert_old_dataset_shown (window, good);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  close_window (window);
  g_unlink (inside);
  g_rmdir (folder);
}

static gboolean
recent_listed (gpointer data)
{
  CaWindow *window = data;
  GMenuModel *menu = G_MENU_MODEL (window->recent_menu);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          g_str_equal (label, LATIN1_SHOWN))
        return TRUE;
    }
  return FALSE;
}

/* A good file named in Latin-1 opens, and its name shows in the subtitle,
 * the tooltip and the recent files. */
static void
test_window_open_non_utf8_good (void)
{
  CaWindow *window = open_window (NULL);
  g_autofree char *path = scratch_copy ("ui-good.xml", LATIN1_NAME);
  const char *tooltip;
  AdwViewSwitcherTitle *title = ca_window_get_title_widget (window);

  open_as_command_line (path);
  spin_until (loaded, window);
  spin ();
  g_assert_nonnull (ca_window_get_dataset (window));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, LATIN1_SHOWN);
  g_assert_nonnull (find_shown_label (GTK_WIDGET (title), LATIN1_SHOWN));
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (title));
  g_assert_true (g_utf8_validate (tooltip, -1, NULL));
  g_assert_true (g_str_has_suffix (tooltip, "/" LATIN1_SHOWN));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Window test atlas — Cluster Atlas");

  gtk_menu_button_popup (window->menu_button);
  spin_until (recent_listed, window);
  g_assert_true (recent_listed (window));
  gtk_menu_button_popdown (window->menu_button);
  close_window (window);
  g_unlink (path);
}

typedef struct {
  CaWindow   *window;
  const char *prefix;
} RecentLabel;

static gboolean
recent_label_listed (gpointer data)
{
  RecentLabel *want = data;
  GMenuModel *menu = G_MENU_MODEL (want->window->recent_menu);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          g_str_has_prefix (label, want->prefix))
        return TRUE;
    }
  return FALSE;
}

/* Open Recent lists the datasets the program opened, not the charts and
 * tables it saved, which GTK's save dialog records under its name too;
 * a long name is cut, so that the main menu keeps its width. */
static void
test_window_recent_datasets_only (void)
{
  CaWindow *window = open_window (NULL);
  const char *long_name = "a-dataset-with-a-name-far-too-long-for-any-menu-to-show.xml";
  g_autofree char *dataset = scratch_copy ("ui-good.xml", long_name);
  g_autofree char *chart = scratch_copy ("ui-good.xml", "saved-chart.png");
  g_autofree char *chart_uri = g_filename_to_uri (chart, NULL, NULL);
  GtkRecentData saved = {
    .display_name = (char *) "saved-chart.png",
    .mime_type = (char *) "image/png",
    .app_name = (char *) PACKAGE_NAME,
    .app_exec = (char *) "cluster-atlas %f",
  };
  RecentLabel cut = { window, "a-dataset-with-a-name-far-too-long-for" };
  RecentLabel png = { window, "saved-chart" };
  GMenuModel *menu = G_MENU_MODEL (window->recent_menu);

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), chart_uri, &saved);
  open_as_command_line (dataset);
  spin_until (loaded, window);
  spin ();
  g_assert_nonnull (ca_window_get_dataset (window));

  gtk_menu_button_popup (window->menu_button);
  spin_until (recent_label_listed, &cut);
  g_assert_true (recent_label_listed (&cut));
  g_assert_false (recent_label_listed (&png));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s",
                                                      &label));
      g_assert_cmpint (g_utf8_strlen (label, -1), <=, 40);
      if (g_str_has_prefix (label, cut.prefix))
        g_assert_true (g_str_has_suffix (label, "…"));
    }
  gtk_menu_button_popdown (window->menu_button);
  close_window (window);
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), chart_uri, NULL);
  g_unlink (dataset);
  g_unlink (chart);
}

/* The real program given the file on its command line, with every
 * critical fatal: before, it died in g_variant_new_take_string (); now it
 * shows the problems dialog, which CA_BENCH_EXIT_ON_FIRST_FRAME=loaded
 * turns into exit status 1 (bench_after_paint_cb () in ca-window.c). */
static void
test_window_program_non_utf8 (void)
{
  const char *program = g_getenv ("CA_PROGRAM");
  g_autofree char *path = scratch_copy ("ui-bad.xml", LATIN1_NAME);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *line;

  if (program == NULL || !g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("cluster-atlas is not built");
      return;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-criticals", TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, program, path, NULL);
  g_assert_no_error (error);
  /* The program logs what it refused, then waits with its dialog open. */
  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (child));
  while ((line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, &error)) != NULL)
    {
      g_string_append_printf (all, "%s\n", line);
      g_free (line);
      if (strstr (all->str, "Refused") != NULL)
        break;
    }
  g_assert_no_error (error);
  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, NULL);
  g_test_message ("stderr: %s", all->str);
  g_assert_nonnull (strstr (all->str, "Refused"));
  g_assert_null (strstr (all->str, "CRITICAL"));
  g_unlink (path);
}

static gboolean
refused (gpointer data)
{
  return ca_window_get_problems_dialog (data) != NULL;
}

/* A FIFO, a device and a socket are refused at once: the load neither
 * blocks in open () nor reads for ever. */
static void
check_not_regular (CaWindow   *window,
                   CaDataset  *good,
                   const char *path)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *body = g_strdup_printf ("“%s” is not a regular file\n\n"
                                           "The dataset that was open stays open.", name);
  gint64 start = g_get_monotonic_time ();
  GtkWidget *dialog;

  open_as_command_line (path);
  spin_until (refused, window);
  /* A blocked load would give up only after spin_until ()'s five seconds;
   * the margin is for valgrind. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  dialog = wait_for_problems_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, body);
  g_assert_false (ca_window_is_loading (window));
  assert_old_dataset_shown (window, good);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static void
test_window_open_not_regular (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  CaDataset *good = ca_window_get_dataset (window);
  g_autofree char *fifo = g_build_filename (scratch_dir, "fifo.xml", NULL);

  ca_window_select_node (window, lookup (window, "bs-poc"));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  check_not_regular (window, good, fifo);
  check_not_regular (window, good, "/dev/zero");
  close_window (window);
  g_unlink (fifo);
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find_button_by_tooltip (GtkWidget  *widget,
                        const char *tooltip)
{
  return ui_test_find_widget (widget, is_button_with_tooltip, tooltip);
}

static void
test_window_about (void)
{
  CaWindow *window = open_window (NULL);
  GtkWindow *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  spin ();
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;

  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
                   "Cluster Atlas");
  g_assert_cmpstr (adw_about_window_get_license (ADW_ABOUT_WINDOW (about)), ==, "");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about);
  close_window (window);
}

/* A file of @n_children regions under one root, big enough to take a while. */
static char *
write_big_file (guint n_children)
{
  g_autoptr(GString) xml = g_string_new ("<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">"
                                         "<title xml:lang=\"en\">Big</title>"
                                         "<region id=\"root\" kind=\"country\">"
                                         "<name xml:lang=\"en\">Root</name>\n");
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("ca-test-window-XXXXXX.xml", &path, &error);

  g_assert_no_error (error);
  close (fd);
  for (guint i = 0; i < n_children; i++)
    g_string_append_printf (xml, "<region id=\"r%u\" kind=\"district\">"
                            "<name xml:lang=\"en\">Region %u</name></region>\n", i, i);
  g_string_append (xml, "</region></atlas>\n");
  g_file_set_contents (path, xml->str, xml->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_window_cancel_load (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  CaDataset *good = ca_window_get_dataset (window);
  g_autofree char *path = write_big_file (50000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *stop;

  ca_window_open_file (window, file);
  g_assert_true (ca_window_is_loading (window));
  stop = find_button_by_tooltip (GTK_WIDGET (window), "Stop Loading");
  g_assert_nonnull (stop);
  /* Stop lets go of the load at once, without waiting for the worker,
   * which may be stuck in a read.  (A click emits "clicked"; activating
   * the button would emit it only after its pressed-look timeout.) */
  g_assert_true (gtk_widget_is_sensitive (stop));
  g_signal_emit_by_name (stop, "clicked");
  g_assert_false (ca_window_is_loading (window));
  g_assert_false (gtk_revealer_get_reveal_child (window->progress_revealer));
  g_assert_cmpstr (ca_window_get_visible_page (window), ==, "explorer");
  spin_until (loaded, window);
  g_usleep (G_USEC_PER_SEC / 10);
  spin ();

  g_assert_true (ca_window_get_dataset (window) == good);
  g_assert_null (ca_window_get_problems_dialog (window));
  g_assert_cmpstr (ca_window_get_visible_page (window), ==, "explorer");
  close_window (window);
  g_unlink (path);
}

static void
test_window_drop (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  g_autofree char *path = write_big_file (10);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList files = { file, NULL };
  gboolean accepted = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, &files);
  g_signal_emit_by_name (ca_window_get_drop_target (window), "drop", &value, 10.0, 10.0,
                         &accepted);
  g_assert_true (accepted);
  spin_until (loaded, window);
  g_assert_cmpstr (ca_dataset_get_path (ca_window_get_dataset (window)), ==, path);
  g_assert_cmpstr (selected_id (window), ==, "root");
  close_window (window);
  g_unlink (path);
}

static void
test_window_shortcuts (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  GtkWidget *overlay;

  g_assert_null (ca_window_get_help_overlay (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  spin ();
  overlay = ca_window_get_help_overlay (window);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_widget_get_visible (overlay));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  /* Closing hides it for the next time; closing the window destroys it. */
  gtk_window_close (GTK_WINDOW (overlay));
  spin ();
  g_assert_true (ca_window_get_help_overlay (window) == overlay);
  g_assert_false (gtk_widget_get_visible (overlay));
  g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *) &overlay);
  close_window (window);
  g_assert_null (overlay);
}

/* What the window showed when its first frame was painted. */
typedef struct {
  CaWindow *window;
  char     *page;
  gboolean  was_loading;
} FirstFrame;

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        FirstFrame    *first)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, first);
  first->page = g_strdup (ca_window_get_visible_page (first->window));
  first->was_loading = ca_window_is_loading (first->window);
}

static void
watch_first_frame_cb (GtkWidget  *widget,
                      FirstFrame *first)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (first_frame_painted_cb), first);
}

static gboolean
first_frame_painted (gpointer data)
{
  return ((FirstFrame *) data)->page != NULL;
}

/* A new window that opens a file shows once the file is read: its first
 * frame shows the data, not the loading page.  A file that takes longer
 * than a moment still gets its window at once, on the loading page; one
 * that is refused gets it before the dialog that says why. */
static void
test_window_present_when_ready (void)
{
  g_autofree char *good_path = fixture ("ui-good.xml");
  g_autofree char *bad_path = fixture ("ui-bad.xml");
  g_autofree char *big_path = write_big_file (400000);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  FirstFrame first = { NULL, NULL, FALSE };
  CaWindow *window;
  gint64 start;

  /* A file read in a moment: the window waits for it. */
  window = ca_window_new (app);
  first.window = window;
  g_signal_connect (window, "realize", G_CALLBACK (watch_first_frame_cb), &first);
  ca_window_open_file (window, good);
  ca_window_present_when_ready (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  spin_until (first_frame_painted, &first);
  g_assert_cmpstr (first.page, ==, "explorer");
  g_assert_false (first.was_loading);
  g_assert_nonnull (ca_window_get_dataset (window));
  g_clear_pointer (&first.page, g_free);
  close_window (window);

  /* A file that takes a while: the window shows without waiting for it. */
  window = ca_window_new (app);
  first.window = window;
  g_signal_connect (window, "realize", G_CALLBACK (watch_first_frame_cb), &first);
  ca_window_open_file (window, big);
  start = g_get_monotonic_time ();
  ca_window_present_when_ready (window);
  spin_until (first_frame_painted, &first);
  g_test_message ("first frame after %" G_GINT64_FORMAT " ms, loading: %d",
                  (g_get_monotonic_time () - start) / 1000, first.was_loading);
  g_assert_true (first.was_loading);
  g_assert_cmpstr (first.page, ==, "loading");
  g_clear_pointer (&first.page, g_free);
  ca_window_cancel_load (window);
  close_window (window);

  /* A file refused: the window is there for the dialog. */
  window = ca_window_new (app);
  ca_window_open_file (window, bad);
  ca_window_present_when_ready (window);
  spin_until (dialog_shown, window);
  g_assert_nonnull (ca_window_get_problems_dialog (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (ca_window_get_problems_dialog (window)))
                 == GTK_WINDOW (window));
  close_window (window);

  /* Shown already: presented at once, whatever it loads. */
  window = open_window ("ui-good.xml");
  ca_window_open_file (window, big);
  ca_window_present_when_ready (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  ca_window_cancel_load (window);
  close_window (window);
  g_unlink (big_path);
}

static void
collect_facet_values (GtkWidget *widget,
                      GPtrArray *labels)
{
  if (gtk_widget_has_css_class (widget, "ca-facet-value") &&
      gtk_widget_get_tooltip_text (widget) != NULL)
    g_ptr_array_add (labels, g_strdup (gtk_widget_get_tooltip_text (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_facet_values (child, labels);
}

/* A window on the Figures page of a dataset written from @xml. */
static CaWindow *
open_figures_of (const GString *xml,
                 const char    *name)
{
  g_autofree char *path = g_build_filename (scratch_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CaWindow *window;

  g_file_set_contents (path, xml->str, xml->len, &error);
  g_assert_no_error (error);
  window = open_window (NULL);
  ca_window_open_file (window, file);
  spin_until (loaded, window);
  g_assert_nonnull (ca_window_get_dataset (window));
  ca_window_show_view (window, "figures");
  spin ();
  g_unlink (path);
  return window;
}

/* Values that as many figures have are listed by name in the reader's
 * order: in Chinese by pinyin (产值 chǎnzhí, 举办届数 jǔbàn, 主导产业
 * zhǔdǎo), not by code point (主 U+4E3B, 举 U+4E3E, 产 U+4EA7), even with
 * no Chinese locale on the machine. */
static void
test_window_facets_collated (void)
{
  static const char *const names[] = { "主导产业", "举办届数", "产值" };
  g_autoptr(GString) xml = g_string_new ("<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">"
                                         "<title xml:lang=\"en\">Order</title><metrics>");
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  CaWindow *window;
  int at[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_string_append_printf (xml, "<metric id=\"m%u\" kind=\"count\"><name xml:lang=\"en\">M%u</name>"
                            "<name xml:lang=\"zh-CN\">%s</name></metric>", i, i, names[i]);
  g_string_append (xml, "</metrics><sources><source id=\"s\" published=\"2024-01-01\" "
                        "publisher=\"P\"><title xml:lang=\"en\">T</title></source></sources>"
                        "<region id=\"r\" kind=\"city\"><name xml:lang=\"en\">R</name>");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_string_append_printf (xml, "<count metric=\"m%u\" value=\"1\" date=\"2024-01-01\" "
                            "source=\"s\"/>", i);
  g_string_append (xml, "</region></atlas>");

  ca_i18n_set_language ("zh_CN");
  window = open_figures_of (xml, "facets-collated.xml");
  collect_facet_values (GTK_WIDGET (ca_window_get_figures_page (window)), labels);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      guint index;

      g_assert_true (g_ptr_array_find_with_equal_func (labels, names[i], g_str_equal, &index));
      at[i] = (int) index;
    }
  g_assert_cmpint (at[2], <, at[1]);
  g_assert_cmpint (at[1], <, at[0]);
  close_window (window);
  ca_i18n_set_language ("en");
}

/* A value chosen in a folded facet stays in sight, even when it has fewer
 * figures than the first eight: none is hidden behind Show All. */
static void
test_window_facets_chosen_shown (void)
{
  g_autoptr(GString) xml = g_string_new ("<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">"
                                         "<title xml:lang=\"en\">Tags</title><metrics>"
                                         "<metric id=\"m\" kind=\"count\"><name xml:lang=\"en\">M"
                                         "</name></metric></metrics><sources><source id=\"s\" "
                                         "published=\"2024-01-01\" publisher=\"P\"><title "
                                         "xml:lang=\"en\">T</title></source></sources>"
                                         "<region id=\"r\" kind=\"city\"><name xml:lang=\"en\">R"
                                         "</name>");
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  CaFiguresPage *page;
  CaWindow *window;

  /* Node k has the tags t0 to t(11 - k): t0 has 12 figures, t11 one. */
  for (guint k = 0; k < 12; k++)
    {
      g_string_append_printf (xml, "<program id=\"p%u\"><name xml:lang=\"en\">P%u</name>"
                              "<count metric=\"m\" value=\"1\" date=\"2024-01-01\" source=\"s\"/>",
                              k, k);
      for (guint t = 0; t + k < 12; t++)
        g_string_append_printf (xml, "<tag>t%u</tag>", t);
      g_string_append (xml, "</program>");
    }
  g_string_append (xml, "</region></atlas>");

  window = open_figures_of (xml, "facets-chosen.xml");
  page = ca_window_get_figures_page (window);
  collect_facet_values (GTK_WIDGET (page), labels);
  g_assert_false (g_ptr_array_find_with_equal_func (labels, "t11", g_str_equal, NULL));
  ca_figures_page_set_value (page, CA_FACET_TAG, "t11", TRUE);
  spin ();
  g_ptr_array_set_size (labels, 0);
  collect_facet_values (GTK_WIDGET (page), labels);
  g_assert_true (g_ptr_array_find_with_equal_func (labels, "t11", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (labels, "t0", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (labels, "t10", g_str_equal, NULL));
  close_window (window);
}

/* As at launch: a file given before the window shows.  The pages that show
 * only when something is missing stay hidden, so GTK neither styles them
 * nor loads their icons before the first frame. */
static void
test_window_hidden_pages (void)
{
  g_autofree char *path = fixture ("ui-good.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CaWindow *window = ca_window_new (app);

  ca_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (loaded, window);
  spin ();
  g_assert_cmpstr (ca_window_get_visible_page (window), ==, "explorer");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->empty_page)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->no_results_page)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->progress_revealer)));
  g_assert_false (gtk_widget_get_visible (gtk_stack_get_child_by_name (window->main_stack,
                                                                       "loading")));
  close_window (window);
}

/* The tree's kind icons are pre-rendered symbolic PNGs from the resources,
 * 16 px and, for scale 2, 32 px: drawing them needs neither the SVG library
 * nor the resources in the icon theme.  Drawn in a colour, they take it. */
static void
test_window_kind_icons_prerendered (void)
{
  const CaNodeType types[] = { CA_NODE_REGION, CA_NODE_PARK, CA_NODE_PROGRAM };
  const GdkRGBA colors[4] = { { 1, 0, 0, 1 }, { 1, 0, 0, 1 }, { 1, 0, 0, 1 }, { 1, 0, 0, 1 } };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    for (int scale = 1; scale <= 2; scale++)
      {
        GdkPaintable *icon = ca_tree_row_get_icon (types[i], scale);
        g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
        g_autoptr(GskRenderNode) node = NULL;
        cairo_surface_t *surface;
        cairo_t *cr;
        const guint8 *data;
        int stride, red = 0, other = 0;

        g_assert_true (GTK_IS_SYMBOLIC_PAINTABLE (icon));
        g_assert_true (ca_tree_row_get_icon (types[i], scale) == icon);
        g_assert_cmpint (gdk_paintable_get_intrinsic_width (icon), ==, 16);

        gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                                  16 * scale, 16 * scale, colors, 4);
        node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 16 * scale, 16 * scale);
        cr = cairo_create (surface);
        gsk_render_node_draw (node, cr);
        cairo_surface_flush (surface);
        data = cairo_image_surface_get_data (surface);
        stride = cairo_image_surface_get_stride (surface);
        for (int y = 0; y < 16 * scale; y++)
          for (int x = 0; x < 16 * scale; x++)
            {
              const guint8 *p = data + y * stride + 4 * x;   /* B G R A */

              if (p[3] > 200 && p[2] > 200 && p[1] < 40 && p[0] < 40)
                red++;
              else if (p[3] > 200)
                other++;
            }
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
        /* The shape is drawn, all of it in the colour given. */
        g_assert_cmpint (red, >, 12 * scale * scale);
        g_assert_cmpint (other, ==, 0);
      }
}

/* The main menu is made when first opened, and lists the recent files. */
static void
test_window_main_menu (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  GtkPopover *popover;

  g_assert_null (gtk_menu_button_get_popover (window->menu_button));
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->recent_menu)), ==, 0);

  gtk_menu_button_popup (window->menu_button);
  spin ();
  popover = gtk_menu_button_get_popover (window->menu_button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) ==
                 G_MENU_MODEL (window->main_menu));
  /* Either the recent files or the insensitive "No Recent Files". */
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->recent_menu)), >=, 1);

  /* Opened again, the same popover shows. */
  gtk_menu_button_popdown (window->menu_button);
  spin ();
  gtk_menu_button_popup (window->menu_button);
  spin ();
  g_assert_true (gtk_menu_button_get_popover (window->menu_button) == popover);
  gtk_menu_button_popdown (window->menu_button);
  close_window (window);
}

static gboolean
filter_matches (GtkFilter  *filter,
                const char *name,
                const char *content_type)
{
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  g_file_info_set_content_type (info, content_type);
  return gtk_filter_match (filter, info);
}

/* The Open dialog's dataset filter lists XML files but not the charts
 * exported as SVG (XML by their type); All Files is there too. */
static void
test_window_open_filter (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  GtkFileChooser *chooser;
  g_autoptr(GListModel) filters = NULL;
  GtkFilter *filter;

  gtk_widget_activate_action (GTK_WIDGET (window), "app.open", NULL);
  spin ();
  g_assert_nonnull (window->file_chooser);
  chooser = GTK_FILE_CHOOSER (window->file_chooser);
  filter = GTK_FILTER (gtk_file_chooser_get_filter (chooser));
  g_assert_nonnull (filter);
  g_assert_true (filter_matches (filter, "atlas.xml", "application/xml"));
  g_assert_true (filter_matches (filter, "ATLAS.XML", "text/xml"));
  g_assert_false (filter_matches (filter, "chart.svg", "image/svg+xml"));
  g_assert_false (filter_matches (filter, "figures.csv", "text/csv"));
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  gtk_native_dialog_hide (window->file_chooser);
  close_window (window);
}

static CaWindow *
only_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  g_assert_null (windows->next);
  g_assert_true (CA_IS_WINDOW (windows->data));
  return windows->data;
}

static void
switch_language (const char *lang)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string (lang));
  spin ();
}

/* A dialog opened after the switch speaks the new language too. */
static void
check_problems_dialog_in_chinese (CaWindow *window)
{
  g_autofree char *path = fixture ("ui-bad.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog;

  ca_window_open_file (window, file);
  spin_until (dialog_shown, window);
  dialog = ca_window_get_problems_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "无法打开“ui-bad.xml”");
  g_assert_true (g_str_has_suffix (problems_label_text (dialog),
                                   "来源“src-missing-11”未在 <sources> 中声明"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static void
test_window_language (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  GtkLabel *label;
  GtkTreeListRow *row;
  g_autoptr(GVariant) state = NULL;

  ca_window_select_node (window, lookup (window, "bs-poc"));
  spin ();
  g_assert_cmpstr (gtk_label_get_text (ca_window_find_row_label (window, "cn")), ==, "China");

  switch_language ("zh_CN");
  window = only_window ();
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "language");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "zh_CN");
  g_assert_cmpstr (ca_i18n_get_data_language (), ==, "zh-CN");
  label = ca_window_find_row_label (window, "cn");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "中国");
  /* A CJK font is installed and used: no glyph is drawn as a box. */
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (gtk_label_get_layout (label)), ==, 0);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "窗口测试图谱"));
  g_assert_cmpstr (adw_view_switcher_title_get_title (ca_window_get_title_widget (window)), ==,
                   "窗口测试图谱");
  /* The header's own strings come from the new catalogue. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (ca_window_get_back_button (window)), ==, "后退");
  /* The selection and the expanded rows came along. */
  g_assert_cmpstr (selected_id (window), ==, "bs-poc");
  g_assert_nonnull (ca_window_find_row_label (window, "bs-hitech"));
  check_problems_dialog_in_chinese (window);

  /* A collapsed first root stays collapsed. */
  row = gtk_tree_list_model_get_child_row (ca_window_get_tree_model (window), 0);
  gtk_tree_list_row_set_expanded (row, FALSE);
  g_clear_object (&row);
  ca_window_select_node (window, lookup (window, "js"));
  spin ();

  switch_language ("en");
  window = only_window ();
  row = gtk_tree_list_model_get_child_row (ca_window_get_tree_model (window), 0);
  g_assert_false (gtk_tree_list_row_get_expanded (row));
  g_assert_cmpstr (selected_id (window), ==, "js");
  g_clear_object (&row);
  g_assert_cmpstr (gtk_label_get_text (ca_window_find_row_label (window, "cn")), ==, "China");

  /* System Default is what the menu marks once chosen, not the language
   * it comes to (English here, with no Chinese in the environment). */
  switch_language ("");
  window = only_window ();
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "language");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "");
  g_assert_cmpstr (gtk_label_get_text (ca_window_find_row_label (window, "cn")), ==, "China");
  close_window (window);
}

static gboolean
is_search_entry (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static gboolean
text_applied (gpointer page)
{
  return ca_facet_filter_get_text (ca_figures_page_get_filter (page)) != NULL;
}

/* The figures listed, as (node, figure) pairs in the order shown. */
static GArray *
figures_shown (CaWindow *window)
{
  CaFiguresPage *page = ca_window_get_figures_page (window);

  for (guint i = 0; i < 50 && ca_figures_page_get_n_rows (page) == 0; i++)
    {
      g_usleep (10000);
      spin ();
    }
  spin ();
  return ca_figures_page_get_figure_refs (page);
}

/* A language switch on the Figures page stays there with what it was
 * asked: the facet chosen, the text, the scope, the sort, the narrowed
 * tree. */
static void
test_window_language_keeps_figures (void)
{
  g_autofree char *path = ca_dataset_get_bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CaWindow *window = open_window (NULL);
  CaFiguresPage *page;
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) value = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  GtkSearchEntry *entry;

  ca_window_open_file (window, file);
  spin_until (loaded, window);
  ca_window_show_view (window, "figures");
  spin ();
  page = ca_window_get_figures_page (window);
  ca_figures_page_set_value (page, CA_FACET_KIND, "count", TRUE);
  entry = GTK_SEARCH_ENTRY (ui_test_find_widget (GTK_WIDGET (page), is_search_entry, NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), "baoshan");
  spin_until (text_applied, page);
  view = ca_figures_page_get_column_view (page);
  value = g_object_ref (ca_figures_page_get_column (page, CA_FIGURE_COLUMN_VALUE));
  gtk_column_view_sort_by_column (view, value, GTK_SORT_DESCENDING);
  before = figures_shown (window);
  g_assert_cmpuint (before->len, >=, 2);
  /* Sorted by value, largest first: not the table's own order. */
  g_assert_cmpfloat (g_array_index (before, CaFigureRef, 0).figure->value, >,
                     g_array_index (before, CaFigureRef, before->len - 1).figure->value);

  switch_language ("zh_CN");
  window = only_window ();
  g_assert_cmpstr (ca_window_get_view (window), ==, "figures");
  page = ca_window_get_figures_page (window);
  g_assert_true (ca_facet_filter_has (ca_figures_page_get_filter (page), CA_FACET_KIND, "count"));
  g_assert_cmpstr (ca_facet_filter_get_text (ca_figures_page_get_filter (page)), ==, "baoshan");
  entry = GTK_SEARCH_ENTRY (ui_test_find_widget (GTK_WIDGET (page), is_search_entry, NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "baoshan");
  after = figures_shown (window);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      g_assert_true (g_array_index (after, CaFigureRef, i).node
                     == g_array_index (before, CaFigureRef, i).node);
      g_assert_true (g_array_index (after, CaFigureRef, i).figure
                     == g_array_index (before, CaFigureRef, i).figure);
    }
  switch_language ("");
  close_window (only_window ());
}

/* A notice of the comparison cuts a long name: what happened to the place
 * stays in sight on its one line. */
static void
test_window_compare_toast_name (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CaWindow *window;
  const char *title;

  g_settings_reset (settings, "compare-nodes");
  window = open_window ("compare-names.xml");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-add", "s", "p1");
  spin ();
  g_assert_nonnull (window->compare_toast);
  title = adw_toast_get_title (window->compare_toast);
  g_assert_cmpstr (title, ==, "“Zhangjiang Science City…” added to the comparison");
  close_window (window);
  g_settings_reset (settings, "compare-nodes");
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget);
}

static void
collect_source_labels (GtkWidget *widget,
                       GPtrArray *labels)
{
  if (gtk_widget_has_css_class (widget, "ca-facet-value") &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ca-facet")) == CA_FACET_SOURCE)
    {
      GtkWidget *label = ui_test_find_widget (widget, is_label, NULL);

      g_ptr_array_add (labels, g_strdup (gtk_label_get_text (GTK_LABEL (label))));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_source_labels (child, labels);
}

/* The Source facet names each source by its publisher and the day it
 * published: the bundled data's two ECHEMI articles of 2022 read apart. */
static void
test_window_facets_sources_apart (void)
{
  g_autofree char *path = ca_dataset_get_bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  CaWindow *window = open_window (NULL);

  ca_window_open_file (window, file);
  spin_until (loaded, window);
  ca_window_show_view (window, "figures");
  spin ();
  collect_source_labels (GTK_WIDGET (ca_window_get_figures_page (window)), labels);
  g_assert_cmpuint (labels->len, >, 0);
  for (guint i = 0; i < labels->len; i++)
    for (guint j = i + 1; j < labels->len; j++)
      g_assert_cmpstr (labels->pdata[i], !=, labels->pdata[j]);
  g_assert_true (g_ptr_array_find_with_equal_func (labels, "ECHEMI, 26 November 2022",
                                                   g_str_equal, NULL));
  close_window (window);
}

/* The narrowest width the window asks for, without its shadow: the content's. */
static int
content_min_width (CaWindow *window)
{
  int min = 0;


  gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

/* A phone's 360 px hold the window on every page, with every node of the
 * bundled dataset shown, in English and in Chinese: nothing inside it
 * (the chart kinds, the figures' scope, a long name) asks for more.  The
 * header bar has GNOME's window buttons (close only); GTK's own default
 * adds minimize and maximize, which take 28 px more. */
static void
check_narrow (CaWindow *window)
{
  CaDataset *dataset = ca_window_get_dataset (window);
  guint n = 0;

  for (guint r = 0; r < ca_dataset_get_n_roots (dataset); r++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, r);

      for (const CaNode *node = root; node != NULL; node = ca_node_next_in_subtree (root, node))
        {
          g_assert_true (ca_window_select_node (window, node));
          spin ();
          if (content_min_width (window) > 360)
            g_error ("%s: the window needs %d px", ca_node_get_id (node), content_min_width (window));
          if (n++ < 3)
            gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-add", "s",
                                        ca_node_get_id (node));
        }
    }
  g_assert_cmpuint (n, >, 10);
  ca_window_show_view (window, "figures");
  spin ();
  g_assert_cmpint (content_min_width (window), <=, 360);
  ca_window_show_view (window, "compare");
  spin ();
  g_assert_cmpstr (ca_window_get_view (window), ==, "compare");
  g_assert_cmpint (ca_compare_page_get_n_nodes (CA_COMPARE_PAGE (ca_window_get_compare_page (window))), ==, 3);
  g_assert_cmpint (content_min_width (window), <=, 360);
  ca_window_show_view (window, "explorer");
  spin ();
}

static void
test_window_narrow (void)
{
  g_autofree char *path = ca_dataset_get_bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *layout = NULL;
  CaWindow *window;

  g_object_get (settings, "gtk-decoration-layout", &layout, NULL);
  g_object_set (settings, "gtk-decoration-layout", ":close", NULL);
  window = open_window (NULL);
  ca_window_open_file (window, file);
  spin_until (loaded, window);
  g_assert_nonnull (ca_window_get_dataset (window));
  check_narrow (window);
  switch_language ("zh_CN");
  check_narrow (only_window ());
  switch_language ("zh_TW");
  check_narrow (only_window ());
  switch_language ("");
  close_window (only_window ());
  g_object_set (settings, "gtk-decoration-layout", layout, NULL);
}

/* The menu's items as the user gets them: a button for each (action,
 * target) of the main menu, in the window, is sensitive exactly when its
 * action exists and is enabled. */
static void
collect_menu_items (GMenuModel *model,
                    GPtrArray  *buttons)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;
      GMenuModel *link;

      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          collect_menu_items (link, buttons);
          g_object_unref (link);
        }
      if (!g_menu_model_get_item_attribute (model, i, "action", "s", &action))
        continue;
      target = g_menu_model_get_item_attribute_value (model, i, "target", NULL);
      g_ptr_array_add (buttons, g_object_new (GTK_TYPE_BUTTON, "action-name", action,
                                              "action-target", target, NULL));
    }
}

static void
assert_menu_sensitivity (CaWindow *window,
                         gboolean  with_node)
{
  static const struct {
    const char *action;
    gboolean    without_node;
    gboolean    with_node;
  } expected[] = {
    { "app.open", TRUE, TRUE },
    { "win.no-recent", FALSE, FALSE },
    { "win.open-recent", TRUE, TRUE },
    { "win.open-bundled", TRUE, TRUE },
    { "win.export-chart", FALSE, TRUE },
    { "win.copy-chart", FALSE, TRUE },
    { "win.print", FALSE, TRUE },
    { "win.export-csv", FALSE, TRUE },
    { "win.export-bundle", FALSE, TRUE },
    { "app.language", TRUE, TRUE },
    { "win.show-help-overlay", TRUE, TRUE },
    { "app.about", TRUE, TRUE },
  };
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* Beside the header bar, where the window's and the app's actions resolve. */
  gtk_widget_insert_before (box, GTK_WIDGET (window->header_bar), NULL);
  collect_menu_items (G_MENU_MODEL (window->main_menu), buttons);
  g_assert_cmpuint (buttons->len, >=, 10);
  for (guint i = 0; i < buttons->len; i++)
    gtk_box_append (GTK_BOX (box), buttons->pdata[i]);
  spin ();
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *action = gtk_actionable_get_action_name (buttons->pdata[i]);
      gboolean found = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
        if (g_str_equal (action, expected[j].action))
          {
            gboolean want = with_node ? expected[j].with_node : expected[j].without_node;

            g_test_message ("%s: %s", action, want ? "enabled" : "disabled");
            g_assert_cmpint (gtk_widget_get_sensitive (buttons->pdata[i]), ==, want);
            /* A disabled action still exists: activating it does nothing. */
            if (!want)
              g_assert_true (gtk_widget_activate_action (buttons->pdata[i], action, NULL));
            found = TRUE;
          }
      if (!found)
        g_error ("the menu names %s, which this test does not know", action);
    }
  gtk_widget_unparent (box);
}

static void
test_window_menu_actions (void)
{
  g_autofree char *path = fixture ("ui-good.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtkRecentManager) recent = NULL;
  CaWindow *window = ca_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  gtk_menu_button_popup (window->menu_button);
  spin ();
  gtk_menu_button_popdown (window->menu_button);
  g_assert_null (ca_window_get_dataset (window));
  assert_menu_sensitivity (window, FALSE);
  g_assert_false (gtk_widget_get_sensitive (window->export_button));

  ca_window_open_file (window, file);
  spin_until (loaded, window);
  g_assert_nonnull (ca_window_get_selected_node (window));
  assert_menu_sensitivity (window, TRUE);
  g_assert_true (gtk_widget_get_sensitive (window->export_button));
  close_window (window);
}

/* Print to File proposes the name the chart's export would have, which
 * starts with @start, without the extension the dialog adds. */
static void
assert_proposed_name (CaPrintOperation *operation,
                      const char       *start)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation));
  const char *base = settings != NULL ? gtk_print_settings_get (settings,
                                                                GTK_PRINT_SETTINGS_OUTPUT_BASENAME)
                                      : NULL;

  g_test_message ("proposed: %s", base);
  g_assert_nonnull (base);
  g_assert_true (g_str_has_prefix (base, start));
  g_assert_false (g_str_has_suffix (base, ".pdf"));
}

/* Runs @operation into a PDF and returns the PDF's text (pdftotext). */
static char *
print_to_text (CaPrintOperation *operation)
{
  g_autofree char *folder = g_dir_make_tmp ("ca-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (folder, "chart.pdf", NULL);
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, NULL,
                               &error));
  g_assert_no_error (error);
  g_test_message ("%s", text);
  g_unlink (pdf);
  g_rmdir (folder);
  return text;
}

/* Print through the print operation into a PDF: the chart's title is in it,
 * in the language given; and a comparison, as the Compare page prints it. */
static void
test_window_print_pdf (void)
{
  g_autofree char *path = fixture ("ui-good.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autoptr(CaPrintOperation) operation = NULL;
  CaWindow *window = ca_window_new (app);
  const CaNode *nodes[2];

  gtk_window_present (GTK_WINDOW (window));
  ca_window_open_file (window, file);
  spin_until (loaded, window);
  nodes[0] = ca_dataset_lookup_node (ca_window_get_dataset (window), "sh");
  nodes[1] = ca_dataset_lookup_node (ca_window_get_dataset (window), "bs-hitech");
  g_assert_nonnull (nodes[0]);
  g_assert_nonnull (nodes[1]);
  operation = ca_print_operation_new (ca_window_get_dataset (window), nodes[0], CA_CHART_COUNTS,
                                      "en");
  assert_proposed_name (operation, "Shanghai");
  text = print_to_text (operation);
  g_assert_nonnull (strstr (text, "Shanghai — Counts"));
  g_clear_pointer (&text, g_free);
  g_clear_object (&operation);

  operation = ca_print_operation_new_compare (ca_window_get_dataset (window), nodes, 2,
                                              CA_COMPARE_GOALS, "en");
  assert_proposed_name (operation, "Shanghai, Baoshan High-tech Park");
  text = print_to_text (operation);
  g_assert_nonnull (strstr (text, "Shanghai"));
  g_assert_nonnull (strstr (text, "Baoshan High-tech Park"));
  g_assert_nonnull (strstr (text, ca_chart_compare_get_label_in ("en", CA_COMPARE_GOALS)));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  scratch_dir = g_dir_make_tmp ("ca-test-window-files-XXXXXX", NULL);
  app = ui_test_start (&argc, &argv, "window");

  g_test_add_func ("/window/shown", test_window_shown);
  g_test_add_func ("/window/title", test_window_title);
  g_test_add_func ("/window/size-saved", test_window_size_saved);
  g_test_add_func ("/window/select-details", test_window_select_details);
  g_test_add_func ("/window/state-saved", test_window_state_saved);
  g_test_add_func ("/window/history", test_window_history);
  g_test_add_func ("/window/search", test_window_search);
  g_test_add_func ("/window/search-count", test_window_search_count);
  g_test_add_func ("/window/search-reasons", test_window_search_reasons);
  g_test_add_func ("/window/search-chinese", test_window_search_chinese);
  g_test_add_func ("/window/open-bad", test_window_open_bad);
  g_test_add_func ("/window/open-non-utf8", test_window_open_non_utf8);
  g_test_add_func ("/window/open-non-utf8-folder", test_window_open_non_utf8_folder);
  g_test_add_func ("/window/open-non-utf8-good", test_window_open_non_utf8_good);
  g_test_add_func ("/window/recent-datasets-only", test_window_recent_datasets_only);
  g_test_add_func ("/window/program-non-utf8", test_window_program_non_utf8);
  g_test_add_func ("/window/open-not-regular", test_window_open_not_regular);
  g_test_add_func ("/window/cancel-load", test_window_cancel_load);
  g_test_add_func ("/window/drop", test_window_drop);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/main-menu", test_window_main_menu);
  g_test_add_func ("/window/open-filter", test_window_open_filter);
  g_test_add_func ("/window/menu-actions", test_window_menu_actions);
  g_test_add_func ("/window/print-pdf", test_window_print_pdf);
  g_test_add_func ("/window/kind-icons-prerendered", test_window_kind_icons_prerendered);
  g_test_add_func ("/window/hidden-pages", test_window_hidden_pages);
  g_test_add_func ("/window/present-when-ready", test_window_present_when_ready);
  g_test_add_func ("/window/facets-collated", test_window_facets_collated);
  g_test_add_func ("/window/facets-chosen-shown", test_window_facets_chosen_shown);
  g_test_add_func ("/window/language", test_window_language);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/facets-sources-apart", test_window_facets_sources_apart);
  g_test_add_func ("/window/compare-toast-name", test_window_compare_toast_name);
  g_test_add_func ("/window/language-keeps-figures", test_window_language_keeps_figures);
  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_rmdir (scratch_dir);
  ui_test_finish ();
  g_free (scratch_dir);
  return status;
}
