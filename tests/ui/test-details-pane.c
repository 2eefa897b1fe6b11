#include "config.h"

#include <adwaita.h>

#include "ca-chart-view.h"
#include "ca-citation-popover.h"
#include "ca-details-pane-private.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-resources.h"
#include "chart-test-common.h"

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

static void
test_nothing_selected (void)
{
  CaDetailsPane *pane = CA_DETAILS_PANE (g_object_ref_sink (ca_details_pane_new ()));
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("details-basic.xml");

  g_assert_cmpstr (ca_details_pane_get_visible_page (pane), ==, "empty");
  g_assert_null (ca_details_pane_get_node (pane));

  ca_details_pane_set_node (pane, dataset, ca_dataset_lookup_node (dataset, "sh"));
  g_assert_cmpstr (ca_details_pane_get_visible_page (pane), ==, "details");
  ca_details_pane_set_node (pane, NULL, NULL);
  g_assert_cmpstr (ca_details_pane_get_visible_page (pane), ==, "empty");
  g_assert_cmpuint (ca_details_pane_get_n_figure_rows (pane), ==, 0);

  g_object_unref (pane);
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
  g_assert_cmpstr (ca_details_pane_get_visible_page (CA_DETAILS_PANE (pane)), ==, "empty");

  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset, ca_dataset_lookup_node (dataset,
                                                                                     "sh"));
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (empty)));
  g_assert_cmpstr (ca_details_pane_get_visible_page (CA_DETAILS_PANE (pane)), ==, "details");

  gtk_window_destroy (GTK_WINDOW (window));
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
  g_assert_cmpstr (gtk_label_get_text (ca_details_pane_get_title_label (self)), ==,
                   "Baoshan Future Industries Plan");
  g_assert_true (find_label (pane, "宝山未来产业计划"));
  g_assert_cmpstr (gtk_label_get_text (ca_details_pane_get_summary_label (self)), ==,
                   "Grow new materials and robotics in the north of Shanghai.");
  g_assert_cmpuint (ca_details_pane_get_n_tags (self), ==, 2);
  g_assert_cmpuint (ca_details_pane_get_n_figure_rows (self), ==, 3);
  g_assert_null (ca_details_pane_get_figures_empty (self));

  /* The rows are really drawn with formatted values and publishers. */
  value = ca_format_figure_value_long (ca_node_get_figure (program, 0));
  g_assert_true (find_label (GTK_WIDGET (ca_details_pane_get_figures_view (self)), value));
  g_assert_true (find_label (GTK_WIDGET (ca_details_pane_get_figures_view (self)),
                             "Baoshan District Government"));

  /* The first source opens its citation. */
  {
    GtkWidget *source_button = find_widget (GTK_WIDGET (ca_details_pane_get_figures_view (self)),
                                            GTK_TYPE_MENU_BUTTON);
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
  g_assert_cmpuint (ca_details_pane_get_n_path_buttons (self), ==, 3);
  g_assert_cmpstr (gtk_button_get_label (ca_details_pane_get_path_button (self, 1)), ==,
                   "Shanghai");
  g_signal_connect (pane, "node-activated", G_CALLBACK (node_activated_cb), &activated);
  /* Activating a button (as the keyboard does) clicks it after a short flash. */
  gtk_widget_activate (GTK_WIDGET (ca_details_pane_get_path_button (self, 1)));
  for (guint waited = 0; activated == NULL && waited < 5000; waited += 20)
    wait_ms (20);
  g_assert_true (activated == ca_dataset_lookup_node (dataset, "sh"));

  /* A chart mark that stands for a node is passed on the same way. */
  activated = NULL;
  g_signal_emit_by_name (ca_details_pane_get_chart_view (self), "node-activated",
                         ca_dataset_lookup_node (dataset, "baoshan"));
  g_assert_true (activated == ca_dataset_lookup_node (dataset, "baoshan"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_no_figures (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("details-basic.xml");
  GtkWidget *pane = ca_details_pane_new ();
  CaDetailsPane *self = CA_DETAILS_PANE (pane);
  GtkWidget *window;
  GtkLabel *empty;

  ca_details_pane_set_node (self, dataset, ca_dataset_lookup_node (dataset, "baoshan"));
  window = show_in_window (pane);

  g_assert_cmpuint (ca_details_pane_get_n_figure_rows (self), ==, 0);
  empty = ca_details_pane_get_figures_empty (self);
  g_assert_nonnull (empty);
  g_assert_cmpstr (gtk_label_get_text (empty), ==, "No figures are recorded for Baoshan");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (ca_details_pane_get_summary_label (self))));
  g_assert_cmpuint (ca_details_pane_get_n_path_buttons (self), ==, 2);

  /* A root has no ancestors to show. */
  ca_details_pane_set_node (self, dataset, ca_dataset_lookup_node (dataset, "cn"));
  g_assert_cmpuint (ca_details_pane_get_n_path_buttons (self), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (ca_details_pane_get_title_label (self)), ==, "China");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static GtkEventController *
find_capture_scroll_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller;
    }

  return NULL;
}

/* In a narrow pane the table scrolls sideways, but a vertical wheel over it
 * still scrolls the pane. */
static void
test_narrow_wheel (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("details-basic.xml");
  GtkWidget *pane = ca_details_pane_new ();
  CaDetailsPane *self = CA_DETAILS_PANE (pane);
  GtkWidget *window, *table_scroller, *pane_scroller;
  GtkEventController *controller;
  GtkAdjustment *adjustment;
  gboolean handled = FALSE;

  ca_details_pane_set_node (self, dataset, ca_dataset_lookup_node (dataset, "bs-plan"));
  window = show_in_window_sized (pane, 360, 500);

  table_scroller = gtk_widget_get_ancestor (GTK_WIDGET (ca_details_pane_get_figures_view (self)),
                                            GTK_TYPE_SCROLLED_WINDOW);
  pane_scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (table_scroller),
                                           GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (pane_scroller));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));

  controller = find_capture_scroll_controller (table_scroller);
  g_assert_nonnull (controller);
  g_signal_emit_by_name (controller, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  /* Sideways scrolling stays with the table. */
  g_signal_emit_by_name (controller, "scroll", 1.0, 0.0, &handled);
  g_assert_false (handled);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* In the scrolled pane, the chart gets the height that shows all its panels
 * (Shanghai's counts: eighteen metrics), not a fixed one that hides some. */
static void
test_chart_every_panel (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  GtkWidget *pane = ca_details_pane_new ();
  CaChartView *chart = CA_CHART_VIEW (ca_details_pane_get_chart_view (CA_DETAILS_PANE (pane)));
  GtkWidget *window;
  CaChartLayout *layout;

  g_assert_nonnull (dataset);
  ca_details_pane_set_chart_kind (CA_DETAILS_PANE (pane), CA_CHART_COUNTS);
  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset, ca_dataset_lookup_node (dataset,
                                                                                     "sh"));
  window = show_in_window_sized (pane, 900, 700);
  layout = ca_chart_view_get_layout (chart);
  g_assert_nonnull (layout);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >, 700);
  g_assert_cmpfloat (ca_chart_layout_get_wanted_height (layout), <=,
                     gtk_widget_get_height (GTK_WIDGET (chart)) + 0.5);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_chart_kind (void)
{
  CaDetailsPane *pane = CA_DETAILS_PANE (g_object_ref_sink (ca_details_pane_new ()));
  CaChartView *chart = CA_CHART_VIEW (ca_details_pane_get_chart_view (pane));
  guint notified = 0;
  int kind = -1;

  g_signal_connect (pane, "notify::chart-kind", G_CALLBACK (count_notify_cb), &notified);
  g_assert_cmpint (ca_details_pane_get_chart_kind (pane), ==, CA_CHART_GOALS);
  g_assert_true (gtk_toggle_button_get_active (
                   ca_details_pane_get_kind_button (pane, CA_CHART_GOALS)));

  g_object_set (pane, "chart-kind", CA_CHART_TIMELINE, NULL);
  g_object_get (pane, "chart-kind", &kind, NULL);
  g_assert_cmpint (kind, ==, CA_CHART_TIMELINE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (ca_chart_view_get_kind (chart), ==, CA_CHART_TIMELINE);
  g_assert_true (gtk_toggle_button_get_active (
                   ca_details_pane_get_kind_button (pane, CA_CHART_TIMELINE)));

  /* Setting the same value again does not notify. */
  ca_details_pane_set_chart_kind (pane, CA_CHART_TIMELINE);
  g_assert_cmpuint (notified, ==, 1);

  /* The switcher drives the property. */
  gtk_toggle_button_set_active (ca_details_pane_get_kind_button (pane, CA_CHART_COUNTS), TRUE);
  g_assert_cmpint (ca_details_pane_get_chart_kind (pane), ==, CA_CHART_COUNTS);
  g_assert_cmpint (ca_chart_view_get_kind (chart), ==, CA_CHART_COUNTS);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (gtk_toggle_button_get_active (
                    ca_details_pane_get_kind_button (pane, CA_CHART_TIMELINE)));

  g_object_unref (pane);
}

static void
test_chinese (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("details-basic.xml");
  CaDetailsPane *pane = CA_DETAILS_PANE (g_object_ref_sink (ca_details_pane_new ()));

  ca_i18n_push_language ("zh_CN");
  ca_details_pane_set_node (pane, dataset, ca_dataset_lookup_node (dataset, "bs-plan"));
  g_assert_cmpstr (gtk_label_get_text (ca_details_pane_get_title_label (pane)), ==,
                   "宝山未来产业计划");
  g_assert_cmpstr (gtk_button_get_label (ca_details_pane_get_path_button (pane, 2)), ==,
                   "宝山区");
  ca_i18n_pop_language ();

  /* Setting the same node again follows the language back. */
  ca_details_pane_set_node (pane, dataset, ca_dataset_lookup_node (dataset, "bs-plan"));
  g_assert_cmpstr (gtk_label_get_text (ca_details_pane_get_title_label (pane)), ==,
                   "Baoshan Future Industries Plan");

  g_object_unref (pane);
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

  g_test_add_func ("/details-pane/nothing-selected", test_nothing_selected);
  g_test_add_func ("/details-pane/pages-hidden", test_pages_hidden);
  g_test_add_func ("/details-pane/program", test_program);
  g_test_add_func ("/details-pane/no-figures", test_no_figures);
  g_test_add_func ("/details-pane/narrow-wheel", test_narrow_wheel);
  g_test_add_func ("/details-pane/chart-kind", test_chart_kind);
  g_test_add_func ("/details-pane/chart-every-panel", test_chart_every_panel);
  g_test_add_func ("/details-pane/chinese", test_chinese);

  return g_test_run ();
}
