/* test-details-pane.c: the details pane as the user sees it.
 *
 * Everything is asserted through what the pane shows (labels and buttons
 * found in its widget tree, mapped), its properties and its signals, and
 * each pane is checked to be finalized at the end.  The mouse wheel over
 * its table is sent as real input in test-input.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "ca-chart-view.h"
#include "ca-citation-popover.h"
#include "ca-details-pane.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-resources.h"
#include "ca-tree-row.h"
#include "chart-test-common.h"
#include "ui-test-common.h"

static void
done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Shows the pane in a window and lets it lay out, so the table's rows get
 * made and bound as they are for a user. */
static GtkWidget *
show_in_window_sized (GtkWidget *pane,
                      int        width,
                      int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_present (GTK_WINDOW (window));
  for (guint waited = 0; !gtk_widget_get_mapped (pane) && waited < 10000; waited += 20)
    wait_ms (20);
  g_assert_true (gtk_widget_get_mapped (pane));
  /* A few frames for the list to make its rows. */
  wait_ms (200);
  return window;
}

static GtkWidget *
show_in_window (GtkWidget *pane)
{
  return show_in_window_sized (pane, 900, 1400);
}

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_get_mapped (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;

  return FALSE;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first button of @type below @widget labelled @label, or NULL. */
static GtkWidget *
find_button (GtkWidget  *widget,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a button labelled @label is on screen, as the path bar's are. */
static gboolean
shows_button (GtkWidget  *pane,
              const char *label)
{
  GtkWidget *button = find_button (pane, GTK_TYPE_BUTTON, label);

  return button != NULL && gtk_widget_get_mapped (button);
}

/* The page the pane's stack shows: "empty" or "details". */
static const char *
visible_page (GtkWidget *pane)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find_widget (pane, GTK_TYPE_STACK)));
}

static GtkWidget *
figures_table (GtkWidget *pane)
{
  return find_widget (pane, GTK_TYPE_LIST_BOX);
}

/* The rows of the figures list that show, one a figure. */
static guint
n_figure_rows (GtkWidget *pane)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (figures_table (pane)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_mapped (row);
  return n;
}

/* The list's rows after the first few come in from idle callbacks
 * (ca-details-pane.c, add_pending_cb ()): waits for @n of them. */
static void
assert_figure_rows (GtkWidget *pane,
                    guint      n)
{
  for (guint waited = 0; n_figure_rows (pane) != n && waited < 5000; waited += 10)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      if (n_figure_rows (pane) != n)
        g_usleep (10000);
    }
  g_assert_cmpuint (n_figure_rows (pane), ==, n);
}

static gboolean
is_toggled (GtkWidget  *pane,
            const char *kind_label)
{
  GtkWidget *button = find_button (pane, GTK_TYPE_TOGGLE_BUTTON, kind_label);

  g_assert_nonnull (button);
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
}

/* Destroys the window around @pane and checks that the pane goes with it. */
static void
close_window (GtkWidget *window,
              GtkWidget *pane)
{
  g_object_add_weak_pointer (G_OBJECT (pane), (gpointer *) &pane);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_null (pane);
}

static void
test_nothing_selected (void)
{
  GtkWidget *pane = g_object_ref_sink (ca_details_pane_new ());
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("details-basic.xml");

  g_assert_cmpstr (visible_page (pane), ==, "empty");
  g_assert_null (ca_details_pane_get_node (CA_DETAILS_PANE (pane)));

  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset,
                            ca_dataset_lookup_node (dataset, "sh"));
  g_assert_cmpstr (visible_page (pane), ==, "details");
  ca_details_pane_set_node (CA_DETAILS_PANE (pane), NULL, NULL);
  g_assert_cmpstr (visible_page (pane), ==, "empty");
  assert_figure_rows (pane, 0);

  g_assert_finalize_object (pane);
}

/* Only the page shown is visible: the empty page is not styled, nor its
 * icon loaded, while a node shows. */
static void
test_pages_hidden (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("details-basic.xml");
  GtkWidget *pane = ca_details_pane_new ();
  AdwStatusPage *empty = ADW_STATUS_PAGE (find_widget (pane, ADW_TYPE_STATUS_PAGE));
  GtkWidget *window;

  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset, ca_dataset_lookup_node (dataset,
                                                                                     "sh"));
  window = show_in_window (pane);
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (empty)));

  ca_details_pane_set_node (CA_DETAILS_PANE (pane), NULL, NULL);
  iterate ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  g_assert_cmpstr (visible_page (pane), ==, "empty");

  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset, ca_dataset_lookup_node (dataset,
                                                                                     "sh"));
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (empty)));
  g_assert_cmpstr (visible_page (pane), ==, "details");

  close_window (window, pane);
}

static void
node_activated_cb (CaDetailsPane *pane,
                   const CaNode  *node,
                   const CaNode **out)
{
  *out = node;
}

static void
test_program (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("details-basic.xml");
  const CaNode *program = ca_dataset_lookup_node (dataset, "bs-plan");
  GtkWidget *pane = ca_details_pane_new ();
  CaDetailsPane *self = CA_DETAILS_PANE (pane);
  GtkWidget *window;
  const CaNode *activated = NULL;
  g_autofree char *value = NULL;

  g_assert_nonnull (program);
  ca_details_pane_set_node (self, dataset, program);
  window = show_in_window (pane);

  g_assert_true (ca_details_pane_get_node (self) == program);
  g_assert_cmpstr (ui_test_find_title (pane), ==, "Baoshan Future Industries Plan");
  g_assert_true (find_label (pane, "宝山未来产业计划"));
  g_assert_true (find_label (pane, "Grow new materials and robotics in the north of Shanghai."));
  g_assert_cmpuint (ca_node_get_n_tags (program), ==, 2);
  for (guint i = 0; i < ca_node_get_n_tags (program); i++)
    g_assert_true (find_label (pane, ca_node_get_tag (program, i)));
  assert_figure_rows (pane, 3);

  /* The rows are really drawn with formatted values and publishers. */
  value = ca_format_figure_value_bare (NULL, ca_node_get_figure (program, 0));
  g_assert_true (find_label (figures_table (pane), value));
  g_assert_true (find_label (figures_table (pane), "Baoshan District Government, April 2024"));

  /* The first source opens its citation. */
  {
    GtkWidget *source_button = find_widget (figures_table (pane), GTK_TYPE_MENU_BUTTON);
    GtkPopover *popover;

    g_assert_nonnull (source_button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (source_button));
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (source_button));
    g_assert_true (CA_IS_CITATION_POPOVER (popover));
    g_assert_true (ca_citation_popover_get_source (CA_CITATION_POPOVER (popover))
                   == ca_node_get_figure (program, 0)->source);
    g_assert_true (find_label (GTK_WIDGET (popover),
                               "Shanghai Municipal Government Information Office"));
    g_assert_true (find_label (GTK_WIDGET (popover),
                               "Action Plan to Develop Future Industrial Clusters"));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (source_button));
  }

  /* The keyboard reaches a source button with Tab alone. */
  {
    GtkWidget *focus = NULL;

    for (int i = 0; i < 100; i++)
      {
        gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
        focus = gtk_root_get_focus (GTK_ROOT (window));
        if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON) != NULL)
          break;
      }
    g_assert_nonnull (focus);
    g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON));
  }

  /* China › Shanghai › Baoshan, then the program itself as text. */
  g_assert_true (shows_button (pane, "China"));
  g_assert_true (shows_button (pane, "Shanghai"));
  g_assert_true (shows_button (pane, "Baoshan"));
  g_assert_false (shows_button (pane, "Baoshan Future Industries Plan"));
  g_signal_connect (pane, "node-activated", G_CALLBACK (node_activated_cb), &activated);
  /* Activating a button (as the keyboard does) clicks it after a short flash. */
  gtk_widget_activate (find_button (pane, GTK_TYPE_BUTTON, "Shanghai"));
  for (guint waited = 0; activated == NULL && waited < 5000; waited += 20)
    wait_ms (20);
  g_assert_true (activated == ca_dataset_lookup_node (dataset, "sh"));

  /* A chart mark that stands for a node is passed on the same way. */
  activated = NULL;
  g_signal_emit_by_name (find_widget (pane, CA_TYPE_CHART_VIEW), "node-activated",
                         ca_dataset_lookup_node (dataset, "baoshan"));
  g_assert_true (activated == ca_dataset_lookup_node (dataset, "baoshan"));

  close_window (window, pane);
}

static void
test_no_figures (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("details-basic.xml");
  GtkWidget *pane = ca_details_pane_new ();
  CaDetailsPane *self = CA_DETAILS_PANE (pane);
  GtkWidget *window;

  /* From a node with a summary and figures to one with neither. */
  ca_details_pane_set_node (self, dataset, ca_dataset_lookup_node (dataset, "bs-plan"));
  window = show_in_window (pane);
  g_assert_true (find_label (pane, "Grow new materials and robotics in the north of Shanghai."));
  ca_details_pane_set_include_below (self, FALSE);
  ca_details_pane_set_node (self, dataset, ca_dataset_lookup_node (dataset, "baoshan"));
  iterate ();

  assert_figure_rows (pane, 0);
  g_assert_true (find_label (pane, "No figures are recorded for Baoshan"));
  g_assert_false (find_label (pane, "Grow new materials and robotics in the north of Shanghai."));
  g_assert_true (shows_button (pane, "China"));
  g_assert_true (shows_button (pane, "Shanghai"));
  g_assert_false (shows_button (pane, "Baoshan"));

  /* A root has no ancestors to show. */
  ca_details_pane_set_node (self, dataset, ca_dataset_lookup_node (dataset, "cn"));
  iterate ();
  g_assert_cmpstr (ui_test_find_title (pane), ==, "China");
  g_assert_false (shows_button (pane, "China"));

  close_window (window, pane);
}

/* In the scrolled pane, the chart gets the height that shows all its panels
 * (Shanghai's counts: twenty-three metrics), not a fixed one that hides some. */
static void
test_chart_every_panel (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  GtkWidget *pane = ca_details_pane_new ();
  CaChartView *chart = CA_CHART_VIEW (find_widget (pane, CA_TYPE_CHART_VIEW));
  GtkWidget *window;
  CaChartLayout *layout;

  g_assert_nonnull (dataset);
  g_object_set (pane, "chart-kind", CA_CHART_COUNTS, NULL);
  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset, ca_dataset_lookup_node (dataset,
                                                                                     "sh"));
  window = show_in_window_sized (pane, 900, 700);
  layout = ca_chart_view_get_layout (chart);
  g_assert_nonnull (layout);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >, 700);
  g_assert_cmpfloat (ca_chart_layout_get_wanted_height (layout), <=,
                     gtk_widget_get_height (GTK_WIDGET (chart)) + 0.5);

  close_window (window, pane);
}

/* The card is as tall as its chart: a panel of two bars much less than
 * the 400 pixels it used to take, and the full content height. */
static void
test_chart_fits_content (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  GtkWidget *pane = ca_details_pane_new ();
  CaChartView *chart = CA_CHART_VIEW (find_widget (pane, CA_TYPE_CHART_VIEW));
  GtkWidget *window;
  CaChartLayout *layout;
  int height;

  g_object_set (pane, "chart-kind", CA_CHART_COUNTS, NULL);
  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset,
                            ca_dataset_lookup_node (dataset, "p2"));
  window = show_in_window_sized (pane, 900, 1000);
  layout = ca_chart_view_get_layout (chart);
  g_assert_nonnull (layout);
  height = gtk_widget_get_height (GTK_WIDGET (chart));
  g_assert_cmpint (height, <, 300);
  g_assert_cmpfloat (fabs (ca_chart_layout_get_content_height (layout) - height), <, 1.0);
  g_assert_null (ca_chart_layout_get_empty_message (layout));
  close_window (window, pane);
}

/* At 360 pixels the Goals view gives each row more lines; the card must
 * grow with them (the chart asks for its height at its width), so all five
 * goals of the future-industries plan show, with no "more goals" line. */
static void
test_chart_fits_narrow (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  GtkWidget *pane = ca_details_pane_new ();
  CaChartView *chart = CA_CHART_VIEW (find_widget (pane, CA_TYPE_CHART_VIEW));
  GtkWidget *window;
  CaChartLayout *layout;
  guint goals = 0;

  g_object_set (pane, "chart-kind", CA_CHART_GOALS, NULL);
  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset,
                            ca_dataset_lookup_node (dataset, "sh-future-industries"));
  window = show_in_window_sized (pane, 360, 3000);
  layout = ca_chart_view_get_layout (chart);
  g_assert_nonnull (layout);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), <, 360);
  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    goals += ca_chart_layout_get_mark (layout, i)->type == CA_MARK_GOAL;
  g_assert_cmpuint (goals, ==, 5);
  g_assert_cmpfloat (gtk_widget_get_height (GTK_WIDGET (chart)), >=,
                     ca_chart_layout_get_content_height (layout) - 1.0);
  close_window (window, pane);
}

/* A node with nothing says so once, in the chart, in every view; a node
 * with a chart but no figures of its own still says it has none. */
static void
test_one_empty_message (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  GtkWidget *pane = ca_details_pane_new ();
  CaChartView *chart = CA_CHART_VIEW (find_widget (pane, CA_TYPE_CHART_VIEW));
  GtkWidget *window;

  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset,
                            ca_dataset_lookup_node (dataset, "p3"));
  window = show_in_window (pane);
  for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
    {
      const char *message;

      g_object_set (pane, "chart-kind", kind, NULL);
      wait_ms (100);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
      message = ca_chart_layout_get_empty_message (ca_chart_view_get_layout (chart));
      g_assert_nonnull (message);
      g_assert_true (g_str_has_prefix (message, "No "));
      g_assert_nonnull (strstr (message, " are recorded for Empty Park"));
      g_assert_false (find_label (pane, "No figures are recorded for Empty Park"));
      g_assert_false (find_label (pane, "Figures"));
    }
  /* Its own figures only: it has none, though its parks have. */
  ca_details_pane_set_include_below (CA_DETAILS_PANE (pane), FALSE);
  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset,
                            ca_dataset_lookup_node (dataset, "r"));
  g_object_set (pane, "chart-kind", CA_CHART_GOALS, NULL);
  iterate ();
  g_assert_true (find_label (pane, "No figures are recorded for Testville"));
  g_assert_true (find_label (pane, "Figures"));
  close_window (window, pane);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The chart-kind property is the view chosen, the switcher the view the
 * chart shows: setting the one shows it (where it has something to show),
 * a click chooses, and only a change of the choice notifies. */
static void
test_chart_kind (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("details-basic.xml");
  GtkWidget *pane = ca_details_pane_new ();
  CaChartView *chart = CA_CHART_VIEW (find_widget (pane, CA_TYPE_CHART_VIEW));
  GtkWidget *window;
  guint notified = 0;
  int kind = -1;

  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset,
                            ca_dataset_lookup_node (dataset, "bs-plan"));
  window = show_in_window (pane);

  g_signal_connect (pane, "notify::chart-kind", G_CALLBACK (count_notify_cb), &notified);
  g_object_get (pane, "chart-kind", &kind, NULL);
  g_assert_cmpint (kind, ==, CA_CHART_GOALS);
  g_assert_true (is_toggled (pane, "Goals"));

  g_object_set (pane, "chart-kind", CA_CHART_TIMELINE, NULL);
  g_object_get (pane, "chart-kind", &kind, NULL);
  g_assert_cmpint (kind, ==, CA_CHART_TIMELINE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (ca_chart_view_get_kind (chart), ==, CA_CHART_TIMELINE);
  g_assert_true (is_toggled (pane, "Timeline"));
  g_assert_false (is_toggled (pane, "Goals"));

  /* Setting the same value again does not notify. */
  g_object_set (pane, "chart-kind", CA_CHART_TIMELINE, NULL);
  g_assert_cmpuint (notified, ==, 1);

  /* The switcher drives the property: activated as the keyboard does, the
   * button is clicked after a short flash. */
  gtk_widget_activate (find_button (pane, GTK_TYPE_TOGGLE_BUTTON, "Counts"));
  for (guint waited = 0; notified < 2 && waited < 5000; waited += 20)
    wait_ms (20);
  g_object_get (pane, "chart-kind", &kind, NULL);
  g_assert_cmpint (kind, ==, CA_CHART_COUNTS);
  g_assert_cmpint (ca_chart_view_get_kind (chart), ==, CA_CHART_COUNTS);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (is_toggled (pane, "Timeline"));

  /* The chart view's own change reaches the switcher; it is no choice. */
  ca_chart_view_set_kind (chart, CA_CHART_GOALS);
  g_assert_true (is_toggled (pane, "Goals"));
  g_assert_cmpuint (notified, ==, 2);
  g_object_get (pane, "chart-kind", &kind, NULL);
  g_assert_cmpint (kind, ==, CA_CHART_COUNTS);

  close_window (window, pane);
}

/* The labels of the switcher's buttons, left to right. */
static char *
switcher_labels (GtkWidget *pane)
{
  GtkWidget *goals = find_button (pane, GTK_TYPE_TOGGLE_BUTTON, "Goals");
  g_autoptr(GString) labels = g_string_new (NULL);

  for (GtkWidget *b = gtk_widget_get_first_child (gtk_widget_get_parent (goals)); b != NULL;
       b = gtk_widget_get_next_sibling (b))
    g_string_append_printf (labels, "%s%s", labels->len > 0 ? " " : "",
                            gtk_button_get_label (GTK_BUTTON (b)));
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

/* A node shows the view chosen while it has something to show, else the
 * first of Goals, Trend, Counts, Timeline that has; the choice stays. */
static void
test_default_view (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("trend.xml");
  CaDetailsPane *self = CA_DETAILS_PANE (ca_details_pane_new ());
  GtkWidget *pane = GTK_WIDGET (self);
  g_autofree char *labels = switcher_labels (pane);
  GtkWidget *window;
  guint notified = 0;

  g_assert_cmpstr (labels, ==, "Goals Trend Counts Timeline");
  g_signal_connect (pane, "notify::chart-kind", G_CALLBACK (count_notify_cb), &notified);
  /* West Park reports, with no goal and no program: its trend comes first. */
  ca_details_pane_set_node (self, dataset, ca_dataset_lookup_node (dataset, "west"));
  window = show_in_window (pane);
  g_assert_cmpint (ca_details_pane_get_shown_kind (self), ==, CA_CHART_TREND);
  g_assert_true (is_toggled (pane, "Trend"));
  g_assert_cmpint (ca_details_pane_get_chart_kind (self), ==, CA_CHART_GOALS);
  g_assert_cmpuint (notified, ==, 0);

  /* The city has goals: the choice, Goals, is shown again. */
  ca_details_pane_set_node (self, dataset, ca_dataset_lookup_node (dataset, "city"));
  g_assert_cmpint (ca_details_pane_get_shown_kind (self), ==, CA_CHART_GOALS);
  g_assert_true (is_toggled (pane, "Goals"));

  /* A click on Counts chooses it; it stays chosen where there are counts. */
  gtk_widget_activate (find_button (pane, GTK_TYPE_TOGGLE_BUTTON, "Counts"));
  for (guint waited = 0; notified < 1 && waited < 5000; waited += 20)
    wait_ms (20);
  g_assert_cmpint (ca_details_pane_get_chart_kind (self), ==, CA_CHART_COUNTS);
  ca_details_pane_set_node (self, dataset, ca_dataset_lookup_node (dataset, "west"));
  g_assert_cmpint (ca_details_pane_get_shown_kind (self), ==, CA_CHART_COUNTS);
  g_assert_true (is_toggled (pane, "Counts"));

  /* Timeline chosen, a node without programs: its first view with content. */
  ca_details_pane_set_chart_kind (self, CA_CHART_TIMELINE);
  g_assert_cmpint (ca_details_pane_get_shown_kind (self), ==, CA_CHART_TREND);
  ca_details_pane_set_node (self, dataset, ca_dataset_lookup_node (dataset, "quiet"));
  g_assert_cmpint (ca_details_pane_get_shown_kind (self), ==, CA_CHART_TIMELINE);
  g_assert_cmpint (ca_details_pane_get_chart_kind (self), ==, CA_CHART_TIMELINE);
  g_assert_cmpuint (notified, ==, 2);

  /* A click on a view with nothing to show still shows it. */
  ca_details_pane_set_node (self, dataset, ca_dataset_lookup_node (dataset, "city"));
  g_assert_cmpint (ca_details_pane_get_shown_kind (self), ==, CA_CHART_GOALS);
  gtk_widget_activate (find_button (pane, GTK_TYPE_TOGGLE_BUTTON, "Timeline"));
  for (guint waited = 0; !is_toggled (pane, "Timeline") && waited < 5000; waited += 20)
    wait_ms (20);
  g_assert_cmpint (ca_details_pane_get_shown_kind (self), ==, CA_CHART_TIMELINE);

  close_window (window, pane);
}

static void
test_chinese (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("details-basic.xml");
  GtkWidget *pane = ca_details_pane_new ();
  GtkWidget *window = show_in_window (pane);

  ca_i18n_push_language ("zh_CN");
  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset,
                            ca_dataset_lookup_node (dataset, "bs-plan"));
  iterate ();
  g_assert_cmpstr (ui_test_find_title (pane), ==, "宝山未来产业计划");
  g_assert_true (shows_button (pane, "宝山区"));
  ca_i18n_pop_language ();

  /* Setting the same node again follows the language back. */
  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset,
                            ca_dataset_lookup_node (dataset, "bs-plan"));
  iterate ();
  g_assert_cmpstr (ui_test_find_title (pane), ==, "Baoshan Future Industries Plan");
  g_assert_true (shows_button (pane, "Baoshan"));
  g_assert_false (shows_button (pane, "宝山区"));

  close_window (window, pane);
}

/* A goal's row in the figures table says its status, and the tree marks
 * a node whose every goal is behind or may be behind (tests/fixtures/
 * progress.xml names its programs after their status). */
static void
test_goal_status (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("progress.xml");
  GtkWidget *pane = ca_details_pane_new ();
  GtkWidget *window;
  const struct {
    const char *id;
    const char *shown;
    gboolean    marked;
  } cases[] = {
    { "behind", "Goal for 2030 · behind", TRUE },
    { "uncertain-about", "Goal for 2030 · behind or on track", TRUE },
    { "on-track", "Goal for 2030 · on track", FALSE },
    { "achieved", "Goal for 2026 · achieved", FALSE },
    { "no-report", "Goal for 2030 · no report", FALSE },
    { "behind-child", NULL, FALSE },
  };

  window = show_in_window (pane);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CaNode *node = ca_dataset_lookup_node (dataset, cases[i].id);
      GtkWidget *row = g_object_ref_sink (ca_tree_row_new (CA_TREE_ROW_TREE));
      GtkWidget *mark;

      ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset, node);
      wait_ms (100);
      if (cases[i].shown != NULL)
        g_assert_true (find_label (pane, cases[i].shown));
      ca_tree_row_set_node (CA_TREE_ROW (row), node);
      mark = find_widget (row, GTK_TYPE_IMAGE);
      for (; mark != NULL; mark = gtk_widget_get_next_sibling (mark))
        if (GTK_IS_IMAGE (mark) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (mark)),
                                              "dialog-warning-symbolic") == 0)
          break;
      g_assert_nonnull (mark);
      g_assert_cmpint (gtk_widget_get_visible (mark), ==, cases[i].marked);
      g_assert_finalize_object (row);
    }
  close_window (window, pane);
}

/* Every widget of @type below @widget that shows, in order. */
static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static GPtrArray *
source_buttons (GtkWidget *pane)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (figures_table (pane), GTK_TYPE_MENU_BUTTON, found);
  return found;
}

/* Whether all of @label's text shows: not ellipsized, every line of it
 * inside its allocation, and the label inside @pane's width. */
static gboolean
label_shows_whole (GtkWidget *label,
                   GtkWidget *pane)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  graphene_rect_t bounds;
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  if (pango_layout_is_ellipsized (layout) || !gtk_widget_compute_bounds (label, pane, &bounds))
    return FALSE;
  return width <= bounds.size.width + 0.5 && height <= bounds.size.height + 0.5 &&
         bounds.origin.x >= 0 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (pane);
}

/* The Jiangsu pilot of the bundled dataset pushed its sources off the
 * right edge: at every width from 360 px up each source, publisher and
 * date, shows whole, and each value gives its number, not the metric again. */
static void
test_source_readable (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  const CaNode *pilot = ca_dataset_lookup_node (dataset, "js-innovation-consortium-pilot");
  /* 360 px, the details of 800x600 and of 1100x720 beside the tree. */
  const int widths[] = { 360, 460, 760 };

  g_assert_nonnull (pilot);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      GtkWidget *pane = ca_details_pane_new ();
      GtkWidget *window;
      g_autoptr(GPtrArray) buttons = NULL;

      ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset, pilot);
      window = show_in_window_sized (pane, widths[w], 3000);
      g_test_message ("pane %d px wide", gtk_widget_get_width (pane));
      buttons = source_buttons (pane);
      g_assert_cmpuint (buttons->len, ==, ca_node_get_n_figures (pilot));
      for (guint i = 0; i < buttons->len; i++)
        {
          GtkWidget *label = gtk_menu_button_get_child (buttons->pdata[i]);

          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                           "ECHEMI, 26 November 2022");
          g_assert_true (label_shows_whole (label, pane));
        }
      /* "10", not "10 innovation consortia" under "Innovation consortia". */
      g_assert_true (find_label (figures_table (pane), "Innovation consortia"));
      g_assert_true (find_label (figures_table (pane), "10"));
      g_assert_false (find_label (figures_table (pane), "10 innovation consortia"));
      close_window (window, pane);
    }
}

typedef gboolean (*MatchFunc) (GtkWidget  *widget,
                               const char *text);

/* Whether a widget below @widget (or itself) that shows matches @text. */
static gboolean
find_shown (GtkWidget  *widget,
            MatchFunc   match,
            const char *text)
{
  if (match (widget, text))
    return gtk_widget_get_mapped (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_shown (child, match, text))
      return TRUE;
  return FALSE;
}

static gboolean
label_contains (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
links_to (GtkWidget  *widget,
          const char *uri)
{
  return GTK_IS_LINK_BUTTON (widget)
         && g_strcmp0 (gtk_link_button_get_uri (GTK_LINK_BUTTON (widget)), uri) == 0;
}

static gboolean
find_label_containing (GtkWidget  *widget,
                       const char *text)
{
  return find_shown (widget, label_contains, text);
}

static gboolean
find_link (GtkWidget  *widget,
           const char *uri)
{
  return find_shown (widget, links_to, uri);
}

/* Version 2 in the pane: the counts whose sources disagree say so, and the
 * goal's citation shows its quotes in both languages, its note, its two
 * further sources with their words, and the archived copy; in Chinese, the
 * publisher's Chinese name, and the original where there is none. */
static void
test_figure_sources (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("sources-v2.xml");
  const CaNode *sh = ca_dataset_lookup_node (dataset, "sh");
  GtkWidget *pane = ca_details_pane_new ();
  GtkWidget *window, *source_button;
  GtkPopover *popover;

  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset, sh);
  window = show_in_window (pane);
  g_assert_true (find_label (figures_table (pane), "As of 2024 · sources disagree"));
  g_assert_true (find_label (figures_table (pane), "As of 31 December 2024 · sources disagree"));
  g_assert_true (find_label (figures_table (pane), "As of 2023"));

  source_button = find_widget (figures_table (pane), GTK_TYPE_MENU_BUTTON);
  gtk_menu_button_popup (GTK_MENU_BUTTON (source_button));
  wait_ms (100);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (source_button));
  g_assert_true (CA_IS_CITATION_POPOVER (popover));
  g_assert_true (ca_citation_popover_get_source (CA_CITATION_POPOVER (popover))
                 == ca_dataset_lookup_source (dataset, "src-plan"));
  g_assert_true (find_label (GTK_WIDGET (popover), "Municipal Commission of Economy"));
  g_assert_true (find_label (GTK_WIDGET (popover), "Municipal Commission · 市经济信息化委"));
  g_assert_true (find_label (GTK_WIDGET (popover), "The action plan for future industries"));
  g_assert_true (find_label (GTK_WIDGET (popover),
                             "“By 2030, the output value of future industries will strive to "
                             "reach about RMB 500 billion.”"));
  g_assert_true (find_label (GTK_WIDGET (popover), "“到2030年，未来产业产值力争达到5000亿元左右。”"));
  g_assert_true (find_label (GTK_WIDGET (popover), "Note: The due year is the plan's horizon."));
  g_assert_true (find_label (GTK_WIDGET (popover), "Also stated by"));
  g_assert_true (find_label (GTK_WIDGET (popover), "China News Service"));
  g_assert_true (find_label (GTK_WIDGET (popover), "“产值达到5000亿元左右”"));
  g_assert_true (find_label (GTK_WIDGET (popover), "Wire Service"));
  g_assert_true (find_link (GTK_WIDGET (popover), "https://example.org/plan.htm"));
  g_assert_true (find_link (GTK_WIDGET (popover),
                            "https://web.archive.org/web/2023/https://example.org/plan.htm"));
  g_assert_true (find_link (GTK_WIDGET (popover), "https://example.org/wire"));

  /* In Chinese: the names the data has in Chinese, else the originals. */
  ca_i18n_push_language ("zh_CN");
  ca_citation_popover_set_figure (CA_CITATION_POPOVER (popover), sh, ca_node_get_figure (sh, 0));
  wait_ms (50);
  g_assert_true (find_label (GTK_WIDGET (popover), "市经济信息化委"));
  g_assert_true (find_label (GTK_WIDGET (popover), "未来产业集群行动方案"));
  g_assert_true (find_label (GTK_WIDGET (popover), "中新网"));
  g_assert_true (find_label (GTK_WIDGET (popover), "Wire Service"));
  g_assert_true (find_label (GTK_WIDGET (popover), "Shanghai aims for 500 billion yuan"));
  g_assert_true (find_label_containing (GTK_WIDGET (popover), "目标年份为方案的规划期末。"));
  ca_i18n_pop_language ();
  /* A figure without any of it shows its source alone. */
  ca_citation_popover_set_figure (CA_CITATION_POPOVER (popover), sh, ca_node_get_figure (sh, 2));
  wait_ms (50);
  g_assert_false (find_label_containing (GTK_WIDGET (popover), "“"));
  g_assert_false (find_label (GTK_WIDGET (popover), "Also stated by"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (source_button));
  close_window (window, pane);
}

/* Each source button is named for a screen reader after its figure and
 * its source, once, the button that takes the focus by the menu button. */
static void
test_source_names (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  const CaNode *pilot = ca_dataset_lookup_node (dataset, "js-innovation-consortium-pilot");
  GtkWidget *pane = ca_details_pane_new ();
  GtkWidget *window;
  g_autoptr(GPtrArray) buttons = NULL;
  const char *names[] = {
    "Source of Innovation consortia, 10: ECHEMI, 26 November 2022",
    "Source of Innovation entities, 136: ECHEMI, 26 November 2022",
    "Source of Major innovation platforms (provincial level or above), 154: "
    "ECHEMI, 26 November 2022",
    "Source of Science and technology projects (provincial level or above), 152: "
    "ECHEMI, 26 November 2022",
  };

  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset, pilot);
  window = show_in_window (pane);
  buttons = source_buttons (pane);
  g_assert_cmpuint (buttons->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *inner = gtk_widget_get_first_child (buttons->pdata[i]);
      g_autofree char *outer_wrong = NULL;

      g_assert_true (gtk_widget_get_focusable (inner));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_ROLE_BUTTON);
      outer_wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (buttons->pdata[i]),
                                                        GTK_ACCESSIBLE_PROPERTY_LABEL, names[i]);
      g_assert_cmpstr (outer_wrong, ==, NULL);
      /* The inner button is labelled by the menu button (GTK 4.8 relates
       * them): a label of its own as well was read twice, one after the
       * other ("Source of … Source of …", a11y-tree). */
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (inner),
                                                        GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (inner),
                                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY));
    }
  close_window (window, pane);
}

/* China has no figures of its own but 32 below: listed with everything
 * below (the default), each row naming its node; its own, none. */
static void
test_scope (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  const CaNode *china = ca_dataset_lookup_node (dataset, "cn");
  CaDetailsPane *self = CA_DETAILS_PANE (ca_details_pane_new ());
  GtkWidget *pane = GTK_WIDGET (self);
  GtkWidget *window;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint notified = 0;

  g_assert_cmpuint (ca_node_get_n_figures (china), ==, 0);
  g_assert_cmpuint (ca_node_get_n_figures_below (china), ==, 32);
  g_assert_true (ca_details_pane_get_include_below (self));
  ca_details_pane_set_node (self, dataset, china);
  window = show_in_window_sized (pane, 800, 6000);
  assert_figure_rows (pane, 32);
  g_assert_false (find_label (pane, "No figures are recorded for China"));
  for (GtkWidget *row = gtk_widget_get_first_child (figures_table (pane)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    collect_widgets (row, GTK_TYPE_LABEL, names);
  {
    guint naming = 0;

    for (guint i = 0; i < names->len; i++)
      naming += gtk_widget_has_css_class (names->pdata[i], "ca-figure-node");
    g_assert_cmpuint (naming, ==, 32);
  }
  g_assert_true (find_label (figures_table (pane),
                             "Jiangsu innovation consortium construction pilot"));

  g_signal_connect (pane, "notify::include-below", G_CALLBACK (count_notify_cb), &notified);
  gtk_widget_activate (find_button (pane, GTK_TYPE_TOGGLE_BUTTON, "This node"));
  for (guint waited = 0; notified < 1 && waited < 5000; waited += 20)
    wait_ms (20);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (ca_details_pane_get_include_below (self));
  assert_figure_rows (pane, 0);
  g_assert_true (find_label (pane, "No figures are recorded for China"));

  /* A program has nothing below it: no switch, its own figures. */
  ca_details_pane_set_include_below (self, TRUE);
  ca_details_pane_set_node (self, dataset,
                            ca_dataset_lookup_node (dataset, "js-innovation-consortium-pilot"));
  iterate ();
  g_assert_false (shows_button (pane, "This node"));
  assert_figure_rows (pane, 4);
  close_window (window, pane);
}

/* Tab goes from control to control: the title, the other names and the
 * summary are no stops, and no label keeps a selection. */
static void
test_labels_not_tab_stops (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("details-basic.xml");
  GtkWidget *pane = ca_details_pane_new ();
  GtkWidget *window;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint stops = 0;

  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset,
                            ca_dataset_lookup_node (dataset, "bs-plan"));
  window = show_in_window (pane);
  collect_widgets (pane, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    g_assert_false (gtk_label_get_selectable (labels->pdata[i]));

  for (int i = 0; i < 60; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_false (GTK_IS_LABEL (focus));
      stops += focus != NULL;
    }
  g_assert_cmpuint (stops, >, 0);
  close_window (window, pane);
}

static int
font_weight (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);

  return pango_font_description_get_weight (pango_context_get_font_description (context));
}

/* The path bar's last part, the node shown, is set apart from the
 * ancestors' buttons: heavier than them. */
static void
test_path_current (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("details-basic.xml");
  GtkWidget *pane = ca_details_pane_new ();
  GtkWidget *window;
  GtkWidget *ancestor, *current = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset,
                            ca_dataset_lookup_node (dataset, "bs-plan"));
  window = show_in_window (pane);
  ancestor = find_button (pane, GTK_TYPE_BUTTON, "Shanghai");
  g_assert_nonnull (ancestor);
  collect_widgets (gtk_widget_get_parent (ancestor), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), "Baoshan Future Industries Plan") == 0)
      current = labels->pdata[i];
  g_assert_nonnull (current);
  g_test_message ("weights: ancestor %d, current %d",
                  font_weight (gtk_button_get_child (GTK_BUTTON (ancestor))),
                  font_weight (current));
  g_assert_cmpint (font_weight (current), >=,
                   font_weight (gtk_button_get_child (GTK_BUTTON (ancestor))) + 300);
  close_window (window, pane);
}

/* The tree's badge counts the branch, and says so. */
static void
test_badge (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  GtkWidget *row = g_object_ref_sink (ca_tree_row_new (CA_TREE_ROW_TREE));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *badge = NULL;
  g_autofree char *wrong = NULL;
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), row);
  ca_tree_row_set_node (CA_TREE_ROW (row), ca_dataset_lookup_node (dataset, "cn"));
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (100);
  collect_widgets (row, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), "32") == 0)
      badge = labels->pdata[i];
  g_assert_nonnull (badge);
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (badge),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "32 figures in this branch");
  g_assert_cmpstr (wrong, ==, NULL);
  g_clear_pointer (&wrong, g_free);
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "China (中国), Region, 32 figures in this branch");
  g_assert_cmpstr (wrong, ==, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (row);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Pulls the resources out of the static library, which registers them. */
  g_assert_nonnull (ca_get_resource ());
  ca_i18n_init ();
  ca_i18n_set_language ("en");
  /* The window's own styling, as the application loads it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/clusteratlas/ClusterAtlas/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/details-pane/nothing-selected", test_nothing_selected);
  g_test_add_func ("/details-pane/pages-hidden", test_pages_hidden);
  g_test_add_func ("/details-pane/program", test_program);
  g_test_add_func ("/details-pane/no-figures", test_no_figures);
  g_test_add_func ("/details-pane/chart-kind", test_chart_kind);
  g_test_add_func ("/details-pane/default-view", test_default_view);
  g_test_add_func ("/details-pane/chart-every-panel", test_chart_every_panel);
  g_test_add_func ("/details-pane/chart-fits-content", test_chart_fits_content);
  g_test_add_func ("/details-pane/one-empty-message", test_one_empty_message);
  g_test_add_func ("/details-pane/chinese", test_chinese);
  g_test_add_func ("/details-pane/goal-status", test_goal_status);
  g_test_add_func ("/details-pane/chart-fits-narrow", test_chart_fits_narrow);
  g_test_add_func ("/details-pane/source-readable", test_source_readable);
  g_test_add_func ("/details-pane/source-names", test_source_names);
  g_test_add_func ("/details-pane/figure-sources", test_figure_sources);
  g_test_add_func ("/details-pane/scope", test_scope);
  g_test_add_func ("/details-pane/labels-not-tab-stops", test_labels_not_tab_stops);
  g_test_add_func ("/details-pane/path-current", test_path_current);
  g_test_add_func ("/details-pane/badge", test_badge);

  return g_test_run ();
}
