/* test-input.c: real input, as a person gives it: xdotool presses keys and
 * mouse buttons through the X server (XTEST) at the window under Xvfb, and
 * the tests watch what the user would get: the signal, the accessible
 * description a screen reader reads, the row expanded, the node selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <math.h>

#include "ca-application.h"
#include "ca-chart-view.h"
#include "ca-citation-popover.h"
#include "ca-compare-page.h"
#include "ca-cite.h"
#include "ca-details-pane.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-node-item.h"
#include "ca-window.h"
#include "ca-tree-model.h"
#include "ca-window-private.h"
#include "ca-export-dialog.h"
#include "ca-format.h"
#include "ui-test-common.h"

/* Long enough for a sanitizer build on a busy machine; only a broken input
 * path ever waits this long. */
#define TIMEOUT_S 20

static CaApplication *app;

static char *
fixture (const char *name)
{
  if (g_path_is_absolute (name))
    return g_strdup (name);
  return g_build_filename (g_getenv ("CA_FIXTURES"), name, NULL);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done says so or TIMEOUT_S pass; returns
 * whether @done said so. */
static gboolean
spin_until_for (gboolean (*done) (gpointer), gpointer data, int seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);
  gboolean ok;

  while (!(ok = done (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return ok;
}

static gboolean
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  return spin_until_for (done, data, TIMEOUT_S);
}

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

typedef struct {
  gboolean done;
  int      status;
} Child;

static void
child_exited_cb (GPid     pid,
                 int      status,
                 gpointer data)
{
  Child *child = data;

  child->status = status;
  child->done = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
child_done (gpointer data)
{
  return ((Child *) data)->done;
}

/* Runs xdotool with the words of @args while the main loop goes on, so
 * that the window answers the events as they come.  Through sh, which the
 * valgrind setup does not follow, so that xdotool's own leaks are not ours. */
static void
xdotool (const char *args)
{
  g_autofree char *line = g_strconcat ("sh -c 'exec xdotool \"$@\"' xdotool ", args, NULL);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  Child child = { FALSE, 0 };
  GPid pid;

  g_test_message ("xdotool %s", args);
  g_assert_true (g_shell_parse_argv (line, NULL, &argv, &error));
  g_assert_no_error (error);
  g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, child_exited_cb, &child);
  g_assert_true (spin_until (child_done, &child));
  g_assert_true (g_spawn_check_wait_status (child.status, NULL));
}

static gboolean
have_x11 (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("not an X11 display");
      return FALSE;
    }
  if (path == NULL)
    {
      g_test_skip ("xdotool is missing");
      return FALSE;
    }
  return TRUE;
}

static gulong
xid_of (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  return (gulong) gdk_x11_surface_get_xid (surface);
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/* Gives @window the X input focus, so that xdotool's keys go to it. */
static void
focus_window (GtkWindow *window)
{
  g_autofree char *args = g_strdup_printf ("windowfocus --sync %lu",
                                           xid_of (GTK_WIDGET (window)));

  xdotool (args);
  g_assert_true (spin_until (window_active, window));
}

/* Moves the pointer to (@x, @y) of @widget, then runs @then (buttons). */
static void
pointer_at (GtkWidget  *widget,
            double      x,
            double      y,
            const char *then)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y), out;
  g_autofree char *args = NULL;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &point, &out));
  gtk_native_get_surface_transform (native, &dx, &dy);
  /* No --sync: it waits for a move that never comes when the pointer is
   * there already; the server keeps the move before the buttons anyway. */
  args = g_strdup_printf ("mousemove --window %lu %d %d %s", xid_of (widget),
                          (int) (out.x + dx), (int) (out.y + dy), then);
  xdotool (args);
}

typedef struct {
  GtkWidget       *widget;
  graphene_rect_t  last;
  guint            same;
} StableWait;

/* Whether @widget has kept its place in its window and its size over the
 * last few checks: a dialog that has just come up is measured again once
 * shown, and a click aimed before that lands elsewhere. */
static gboolean
widget_stable (gpointer data)
{
  StableWait *wait = data;
  graphene_rect_t now;

  g_usleep (20000);
  if (!gtk_widget_get_mapped (wait->widget) ||
      !gtk_widget_compute_bounds (wait->widget, GTK_WIDGET (gtk_widget_get_native (wait->widget)),
                                  &now))
    return FALSE;
  wait->same = graphene_rect_equal (&now, &wait->last) ? wait->same + 1 : 0;
  wait->last = now;
  return wait->same >= 3;
}

/* What a failed click hit, for its message: @widget's place in its
 * window, and what the window has at its centre and where the pointer is. */
static const char *
where_is (GtkWidget *widget)
{
  static char text[512];
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (widget));
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (widget));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (native));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  GtkWidget *picked;
  double px = -1, py = -1;

  if (!gtk_widget_compute_bounds (widget, native, &bounds))
    bounds = GRAPHENE_RECT_INIT (-1, -1, 0, 0);
  picked = gtk_widget_pick (native, bounds.origin.x + bounds.size.width / 2,
                            bounds.origin.y + bounds.size.height / 2, GTK_PICK_DEFAULT);
  if (seat != NULL && surface != NULL)
    gdk_surface_get_device_position (surface, gdk_seat_get_pointer (seat), &px, &py, NULL);
  g_snprintf (text, sizeof text, "%s at %.0f,%.0f %.0fx%.0f in a window %dx%d, mapped %d; "
              "the centre picks %s; the pointer at %.0f,%.0f", G_OBJECT_TYPE_NAME (widget),
              bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
              gtk_widget_get_width (native), gtk_widget_get_height (native),
              gtk_widget_get_mapped (widget),
              picked != NULL ? G_OBJECT_TYPE_NAME (picked) : "nothing", px, py);
  return text;
}

static void
click_center (GtkWidget *widget)
{
  StableWait wait = { widget, GRAPHENE_RECT_INIT (0, 0, 0, 0), 0 };

  g_assert_true (spin_until (widget_stable, &wait));
  pointer_at (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0,
              "click 1");
}

static void
press_keys (const char *keys)
{
  g_autofree char *args = g_strdup_printf ("key --delay 30 %s", keys);

  xdotool (args);
}

/* --- The chart widget ---------------------------------------------------- */

typedef struct {
  GtkWidget    *window;
  GtkWidget    *view;
  CaDataset    *dataset;
  const CaNode *activated;
  guint         n_activated;
  const char   *description;   /* what spin_until waits the accessible for */
} Chart;

static void
node_activated_cb (CaChartView  *view,
                   const CaNode *node,
                   Chart        *f)
{
  f->activated = node;
  f->n_activated++;
}

static gboolean
chart_drawn (gpointer data)
{
  Chart *f = data;

  return gtk_widget_get_mapped (f->view) && gtk_widget_get_height (f->view) >= 300 &&
         ca_chart_view_get_layout (CA_CHART_VIEW (f->view)) != NULL;
}

static void
chart_set_up (Chart         *f,
              gconstpointer  data)
{
  CaChartKind kind = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!have_x11 ())
    return;
  path = fixture ("chart-basic.xml");
  f->dataset = ca_dataset_load_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->dataset);
  f->window = gtk_window_new ();
  f->view = ca_chart_view_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 500);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  g_signal_connect (f->view, "node-activated", G_CALLBACK (node_activated_cb), f);
  g_object_set (f->view, "kind", kind, NULL);
  ca_chart_view_set_node (CA_CHART_VIEW (f->view), f->dataset,
                          ca_dataset_lookup_node (f->dataset, "r"));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (spin_until (chart_drawn, f));
  focus_window (GTK_WINDOW (f->window));
}

static void
chart_tear_down (Chart         *f,
                 gconstpointer  data)
{
  if (f->window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
      gtk_window_destroy (GTK_WINDOW (f->window));
      spin ();
      /* The window took the widget with it. */
      g_assert_null (f->view);
    }
  g_clear_object (&f->dataset);
}

static gboolean
description_is (gpointer data)
{
  Chart *f = data;
  g_autofree char *wrong = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (f->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, f->description);

  return wrong == NULL;
}

/* Waits for the accessible description a screen reader gets to be @text. */
static void
assert_description (Chart      *f,
                    const char *text)
{
  g_autofree char *wrong = NULL;

  f->description = text;
  if (spin_until (description_is, f))
    return;
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->view),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  g_error ("the chart's accessible description is “%s”, not “%s”", wrong, text);
}

typedef struct {
  Chart *f;
  guint  n;
} Count;

static gboolean
activated_n (gpointer data)
{
  Count *count = data;

  return count->f->n_activated >= count->n;
}

static void
wait_activated (Chart *f,
                guint  n)
{
  Count count = { f, n };

  if (!spin_until (activated_n, &count))
    g_error ("%u node-activated signals after the input, not %u", f->n_activated, n);
  g_assert_cmpuint (f->n_activated, ==, n);
}

static const CaChartMark *
mark (Chart *f,
      guint  index)
{
  CaChartLayout *layout = ca_chart_view_get_layout (CA_CHART_VIEW (f->view));

  g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), >, index);
  return ca_chart_layout_get_mark (layout, index);
}

static void
click_mark (Chart       *f,
            const CaChartMark *m)
{
  pointer_at (f->view, m->x + m->width / 2, m->y + m->height / 2, "click 1");
}

/* A click on a bar selects its node and says which bar it was; a click where
 * there is no mark does nothing. */
static void
test_chart_click (Chart         *f,
                  gconstpointer  data)
{
  const CaChartMark *first, *other = NULL;
  CaChartLayout *layout;

  if (f->window == NULL)
    return;
  layout = ca_chart_view_get_layout (CA_CHART_VIEW (f->view));
  first = mark (f, 0);
  g_assert_nonnull (first->node);
  for (guint i = 1; i < ca_chart_layout_get_n_marks (layout) && other == NULL; i++)
    if (mark (f, i)->node != NULL && mark (f, i)->node != first->node)
      other = mark (f, i);
  g_assert_nonnull (other);

  click_mark (f, first);
  wait_activated (f, 1);
  g_assert_true (f->activated == first->node);
  g_assert_true (gtk_widget_has_focus (f->view));
  assert_description (f, first->accessible_name);

  /* Nothing under the title: the next signal is the next bar's. */
  g_assert_cmpint (ca_chart_layout_hit_test (layout, 2, 2), ==, -1);
  pointer_at (f->view, 2, 2, "click 1");
  click_mark (f, other);
  wait_activated (f, 2);
  g_assert_true (f->activated == other->node);
  assert_description (f, other->accessible_name);
}

/* Arrows, Home and End move between the marks, as the screen reader says;
 * Enter and space activate the focused one. */
static void
test_chart_keyboard (Chart         *f,
                     gconstpointer  data)
{
  CaChartLayout *layout;
  guint n;

  if (f->window == NULL)
    return;
  layout = ca_chart_view_get_layout (CA_CHART_VIEW (f->view));
  n = ca_chart_layout_get_n_marks (layout);
  g_assert_cmpuint (n, >, 2);
  gtk_widget_grab_focus (f->view);
  g_assert_true (gtk_widget_has_focus (f->view));
  assert_description (f, "");

  press_keys ("Right");
  assert_description (f, mark (f, 0)->accessible_name);
  press_keys ("Down");
  assert_description (f, mark (f, 1)->accessible_name);
  press_keys ("Left");
  assert_description (f, mark (f, 0)->accessible_name);
  press_keys ("End");
  assert_description (f, mark (f, n - 1)->accessible_name);
  press_keys ("Up");
  assert_description (f, mark (f, n - 2)->accessible_name);
  press_keys ("Home");
  assert_description (f, mark (f, 0)->accessible_name);

  g_assert_nonnull (mark (f, 0)->node);
  press_keys ("Return");
  wait_activated (f, 1);
  g_assert_true (f->activated == mark (f, 0)->node);
  press_keys ("KP_End space");
  wait_activated (f, 2);
  g_assert_true (f->activated == mark (f, n - 1)->node);
}

typedef struct {
  Chart      *f;
  const char *text;
} CalloutWait;

/* The popover below the chart view that shows @text, mapped. */
static gboolean
callout_shows (gpointer data)
{
  CalloutWait *wait = data;

  for (GtkWidget *child = gtk_widget_get_first_child (wait->f->view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      {
        GtkWidget *label = gtk_popover_get_child (GTK_POPOVER (child));

        return gtk_widget_get_mapped (child) == (wait->text != NULL) &&
               (wait->text == NULL ||
                g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), wait->text) == 0);
      }
  return wait->text == NULL;
}

/* A mark focused from the keyboard shows what hovering it shows, beside it,
 * and keeps the keys: the next key moves on; leaving the chart hides it. */
static void
test_chart_callout (Chart         *f,
                    gconstpointer  data)
{
  CalloutWait wait = { f, NULL };

  if (f->window == NULL)
    return;
  gtk_widget_grab_focus (f->view);
  press_keys ("Right");
  wait.text = mark (f, 0)->tooltip;
  if (!spin_until (callout_shows, &wait))
    g_error ("the mark focused with Right shows no callout with its tooltip");
  press_keys ("Right");
  assert_description (f, mark (f, 1)->accessible_name);
  wait.text = mark (f, 1)->tooltip;
  g_assert_true (spin_until (callout_shows, &wait));
  g_assert_true (gtk_widget_has_focus (f->view));

  /* The focus leaves the chart: the callout goes. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  wait.text = NULL;
  g_assert_true (spin_until (callout_shows, &wait));
}

/* --- The details pane ---------------------------------------------------- */

/* The first widget at or below @widget, in tree order, that @test accepts
 * with @data: every find_* below is one such test. */
typedef gboolean (*WidgetTest) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_where (GtkWidget     *widget,
            WidgetTest     test,
            gconstpointer  data)
{
  return ui_test_find_widget (widget, test, data);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  return find_where (widget, is_of_type, GSIZE_TO_POINTER (type));
}

typedef struct {
  GtkAdjustment *adjustment;
  double         above;
} AdjustmentWait;

static gboolean
adjustment_above (gpointer data)
{
  AdjustmentWait *wait = data;

  return gtk_adjustment_get_value (wait->adjustment) > wait->above;
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_height (data) > 0;
}

/* The top of @widget is inside its window. */
static gboolean
table_shows (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, window, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + 40 < gtk_widget_get_height (window);
}

/* A details pane alone in a window of @width x @height, showing the node
 * @id of details-basic.xml, which @dataset_out keeps. */
static GtkWidget *
show_pane (const char  *id,
           int          width,
           int          height,
           CaDataset  **dataset_out)
{
  g_autofree char *path = fixture ("details-basic.xml");
  g_autoptr(GError) error = NULL;
  CaDataset *dataset = ca_dataset_load_file (path, NULL, NULL, NULL, NULL, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = ca_details_pane_new ();

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), pane);
  ca_details_pane_set_node (CA_DETAILS_PANE (pane), dataset, ca_dataset_lookup_node (dataset, id));
  gtk_window_present (GTK_WINDOW (window));
  *dataset_out = dataset;
  return pane;
}

static void
close_pane (GtkWidget *pane)
{
  g_object_add_weak_pointer (G_OBJECT (pane), (gpointer *) &pane);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (pane)));
  spin ();
  g_assert_null (pane);
}

/* In a narrow pane the figures list fits the pane's width (nothing in it
 * scrolls sideways), and the mouse wheel over it scrolls the pane down. */
static void
test_details_wheel (void)
{
  g_autoptr(CaDataset) dataset = NULL;
  GtkWidget *window, *pane, *list, *pane_scroller;
  GtkAdjustment *vertical;
  AdjustmentWait wait;
  graphene_rect_t bounds;
  double room;

  if (!have_x11 ())
    return;
  pane = show_pane ("bs-plan", 360, 700, &dataset);
  window = GTK_WIDGET (gtk_widget_get_root (pane));
  list = find_widget (pane, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  g_assert_true (spin_until (mapped, list));
  focus_window (GTK_WINDOW (window));

  pane_scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (pane_scroller);
  g_assert_null (gtk_widget_get_ancestor (gtk_widget_get_parent (pane_scroller),
                                          GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_compute_bounds (list, pane, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (pane));
  vertical = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (pane_scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vertical), >,
                     gtk_adjustment_get_page_size (vertical));

  /* The pane scrolled (not to its end) so that the list shows, then the
   * pointer over the list and the wheel down. */
  g_assert_true (gtk_widget_compute_bounds (list, window, &bounds));
  room = gtk_adjustment_get_upper (vertical) - gtk_adjustment_get_page_size (vertical);
  g_assert_cmpfloat (room, >, 40);
  gtk_adjustment_set_value (vertical, CLAMP (bounds.origin.y - 300, 0, room - 40));
  g_assert_true (spin_until (table_shows, list));
  wait.adjustment = vertical;
  wait.above = gtk_adjustment_get_value (vertical);
  pointer_at (list, 40, 20, "click 5");
  if (!spin_until (adjustment_above, &wait))
    g_error ("the wheel over the list did not scroll the pane (value %g)",
             gtk_adjustment_get_value (vertical));
  close_pane (pane);
}

static guint
n_list_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);
  return n;
}

typedef struct {
  GtkWidget *pane;
  guint      rows;
} RowsWait;

/* The figures list shows @rows rows, or (0) its "No figures" message. */
static gboolean
rows_are (gpointer data)
{
  RowsWait *wait = data;
  GtkWidget *list = find_widget (wait->pane, GTK_TYPE_LIST_BOX);

  if (wait->rows == 0)
    return !gtk_widget_get_mapped (list);
  return gtk_widget_get_mapped (list) && n_list_rows (list) == wait->rows;
}

static gboolean
is_toggle_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_toggle (GtkWidget  *widget,
             const char *label)
{
  return find_where (widget, is_toggle_labelled, label);
}

/* Clicks on "This node" and "With everything below" change what the list
 * counts: Baoshan has no figures of its own, its program three. */
static void
test_details_scope (void)
{
  g_autoptr(CaDataset) dataset = NULL;
  GtkWidget *pane, *node_button, *branch_button;
  RowsWait wait;

  if (!have_x11 ())
    return;
  pane = show_pane ("baoshan", 800, 2000, &dataset);
  node_button = find_toggle (pane, "This node");
  branch_button = find_toggle (pane, "With everything below");
  g_assert_nonnull (node_button);
  g_assert_nonnull (branch_button);
  g_assert_true (spin_until (mapped, node_button));
  focus_window (GTK_WINDOW (gtk_widget_get_root (pane)));

  /* With everything below by default. */
  wait.pane = pane;
  wait.rows = 3;
  g_assert_true (spin_until (rows_are, &wait));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (branch_button)));

  pointer_at (node_button, 10, 10, "click 1");
  wait.rows = 0;
  if (!spin_until (rows_are, &wait))
    g_error ("a click on “This node” left the figures below in the list");
  g_assert_false (ca_details_pane_get_include_below (CA_DETAILS_PANE (pane)));

  pointer_at (branch_button, 10, 10, "click 1");
  wait.rows = 3;
  if (!spin_until (rows_are, &wait))
    g_error ("a click on “With everything below” did not list the figures below");
  g_assert_true (ca_details_pane_get_include_below (CA_DETAILS_PANE (pane)));
  close_pane (pane);
}

/* The mapped button labelled @label below @widget. */
static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_labelled_button (GtkWidget  *widget,
                      const char *label)
{
  return find_where (widget, is_button_labelled, label);
}

typedef struct {
  GtkWidget  *root;
  const char *label;
  GtkWidget  *found;
} ButtonWait;

static gboolean
button_shows (gpointer data)
{
  ButtonWait *wait = data;

  wait->found = find_labelled_button (wait->root, wait->label);
  return wait->found != NULL;
}

static GtkWidget *
wait_button (GtkWidget  *root,
             const char *label)
{
  ButtonWait wait = { root, label, NULL };

  if (!spin_until (button_shows, &wait))
    g_error ("no button “%s” showed", label);
  return wait.found;
}

static gboolean
clipboard_text_is (gpointer data)
{
  GdkClipboard *clipboard = gdk_display_get_clipboard (gdk_display_get_default ());
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  return content != NULL && gdk_content_provider_get_value (content, &value, NULL) &&
         g_strcmp0 (g_value_get_string (&value), data) == 0;
}

/* With no browser to open (none is installed under the test), Open in
 * Browser says so in plain words and offers to copy the address. */
static void
test_open_browser_fails (void)
{
  g_autoptr(CaDataset) dataset = NULL;
  GtkWidget *pane, *window, *overlay, *source;

  if (!have_x11 ())
    return;
  pane = show_pane ("bs-plan", 800, 900, &dataset);
  window = GTK_WIDGET (gtk_widget_get_root (pane));
  overlay = adw_toast_overlay_new ();
  g_object_ref (pane);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), pane);
  g_object_unref (pane);
  source = find_widget (find_widget (pane, GTK_TYPE_LIST_BOX), GTK_TYPE_MENU_BUTTON);
  g_assert_true (spin_until (mapped, source));
  focus_window (GTK_WINDOW (window));
  gtk_widget_grab_focus (source);
  spin ();

  /* Each where it has come to rest: the popover and the toast slide in. */
  click_center (source);
  click_center (wait_button (window, "_Open in Browser"));
  /* A toast slides in, and on a busy machine its frames can stall midway,
   * so that a click aimed at it lands beside it: aimed again, a few times. */
  for (int i = 0; i < 5 && !clipboard_text_is ((gpointer) "https://example.org/plan"); i++)
    {
      click_center (wait_button (window, "Copy Address"));
      spin_until_for (clipboard_text_is, (gpointer) "https://example.org/plan", 3);
    }
  if (!spin_until (clipboard_text_is, (gpointer) "https://example.org/plan"))
    g_error ("Copy Address did not copy the address");
  close_pane (pane);
}

static GtkWidget *find_label (GtkWidget  *widget,
                              const char *text,
                              gboolean    in_tree);

static gboolean
unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* Opens the citation popover of the first source in @pane by a click. */
static GtkWidget *
click_source (GtkWidget *pane)
{
  GtkWidget *source = find_widget (find_widget (pane, GTK_TYPE_LIST_BOX), GTK_TYPE_MENU_BUTTON);
  GtkWidget *popover;

  g_assert_true (spin_until (mapped, source));
  pointer_at (source, 10, 8, "click 1");
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (source)));
  g_assert_true (CA_IS_CITATION_POPOVER (popover));
  g_assert_true (spin_until (mapped, popover));
  return popover;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
  GtkWidget  *found;
} LabelWait;

static gboolean
label_shows (gpointer data)
{
  LabelWait *wait = data;

  wait->found = find_label (wait->root, wait->text, FALSE);
  return wait->found != NULL && gtk_widget_get_width (wait->found) > 0;
}

/* Whether the clipboard offers @data as text and as its own type. */
typedef struct {
  const char *text;
  const char *mime_type;
} ClipboardWant;

static gboolean
clipboard_offers (gpointer data)
{
  ClipboardWant *want = data;
  GdkClipboard *clipboard = gdk_display_get_clipboard (gdk_display_get_default ());

  return clipboard_text_is ((gpointer) want->text)
         && gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                   want->mime_type);
}

/* Copy Citation copies the text; its menu, opened and chosen by clicks,
 * copies BibTeX, RIS and CSL-JSON, each as text and as its own type, and
 * each choice closes the popover. */
static void
test_copy_citation_as (void)
{
  static const struct {
    const char   *item;
    CaCiteFormat  format;
    const char   *mime_type;
    const char   *start;
  } choices[] = {
    { "Copy as BibTeX", CA_CITE_BIBTEX, "application/x-bibtex", "@online{src-plan,\n" },
    { "Copy as RIS", CA_CITE_RIS, "application/x-research-info-systems", "TY  - ELEC\r\n" },
    { "Copy as CSL-JSON", CA_CITE_CSL_JSON, "application/vnd.citationstyles.csl+json",
      "[\n  {\n    \"id\": \"src-plan\"" },
  };
  g_autoptr(CaDataset) dataset = NULL;
  g_autofree char *plain = NULL;
  const CaSource *source;
  GtkWidget *pane, *window, *popover;

  if (!have_x11 ())
    return;
  pane = show_pane ("bs-plan", 800, 900, &dataset);
  window = GTK_WIDGET (gtk_widget_get_root (pane));
  focus_window (GTK_WINDOW (window));
  source = ca_dataset_lookup_source (dataset, "src-plan");
  g_assert_nonnull (source);

  popover = click_source (pane);
  plain = ca_format_citation (NULL, source);
  pointer_at (wait_button (popover, "_Copy Citation"), 10, 10, "click 1");
  if (!spin_until (clipboard_text_is, plain))
    g_error ("Copy Citation did not copy “%s”", plain);
  g_assert_true (spin_until (unmapped, popover));

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      const CaSource *sources[] = { source };
      g_autofree char *text = ca_cite_format_sources (choices[i].format, sources, 1, NULL);
      ClipboardWant want = { text, choices[i].mime_type };
      LabelWait item = { NULL, choices[i].item, NULL };
      GtkWidget *formats;

      g_assert_true (g_str_has_prefix (text, choices[i].start));
      popover = click_source (pane);
      formats = find_widget (popover, GTK_TYPE_MENU_BUTTON);
      g_assert_nonnull (formats);
      pointer_at (formats, gtk_widget_get_width (formats) / 2.0,
                  gtk_widget_get_height (formats) / 2.0, "click 1");
      item.root = formats;
      if (!spin_until (label_shows, &item))
        g_error ("the menu of Copy Citation shows no “%s”", choices[i].item);
      pointer_at (item.found, gtk_widget_get_width (item.found) / 2.0,
                  gtk_widget_get_height (item.found) / 2.0, "click 1");
      if (!spin_until (clipboard_offers, &want))
        g_error ("“%s” did not copy %s", choices[i].item, choices[i].mime_type);
      g_assert_true (spin_until (unmapped, popover));
    }
  close_pane (pane);
}

/* --- The main window ----------------------------------------------------- */

typedef struct {
  CaWindow   *window;
  const char *id;
} Wait;

static gboolean
loaded (gpointer data)
{
  Wait *wait = data;

  return ca_window_get_dataset (wait->window) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (wait->window));
}

static CaWindow *
open_window_sized (const char *fixture_name,
                   int         width,
                   int         height)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = fixture (fixture_name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Wait wait;

  g_settings_reset (settings, "last-node");
  g_settings_reset (settings, "expanded-nodes");
  wait.window = ca_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (wait.window), width, height);
  gtk_window_present (GTK_WINDOW (wait.window));
  ca_window_open_file (wait.window, file);
  g_assert_true (spin_until (loaded, &wait));
  spin ();
  focus_window (GTK_WINDOW (wait.window));
  return wait.window;
}

static CaWindow *
open_window (const char *fixture_name)
{
  return open_window_sized (fixture_name, 1000, 700);
}

static void
close_window (CaWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_null (window);
}

static gboolean
selected_is (gpointer data)
{
  Wait *wait = data;
  const CaNode *node = ca_window_get_selected_node (wait->window);

  return node != NULL && g_strcmp0 (ca_node_get_id (node), wait->id) == 0;
}

static void
assert_selected (CaWindow   *window,
                 const char *id)
{
  Wait wait = { window, id };
  const CaNode *node;

  if (spin_until (selected_is, &wait))
    return;
  node = ca_window_get_selected_node (window);
  g_error ("“%s” is selected, not “%s”", node != NULL ? ca_node_get_id (node) : "(none)", id);
}

/* The label that shows @text, mapped, below @widget; in a tree row only,
 * if @in_tree. */
static gboolean
is_label_showing (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_tree_label_showing (GtkWidget     *widget,
                       gconstpointer  text)
{
  return is_label_showing (widget, text) &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_TREE_EXPANDER) != NULL;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text,
            gboolean    in_tree)
{
  return find_where (widget, in_tree ? is_tree_label_showing : is_label_showing, text);
}

/* The tree row (GtkTreeExpander's "list-row") of the tree's label @name. */
static GtkTreeListRow *
tree_row (CaWindow   *window,
          const char *name,
          GtkWidget **label_out)
{
  GtkWidget *label = find_label (GTK_WIDGET (window), name, TRUE);
  GtkWidget *expander;

  g_assert_nonnull (label);
  expander = gtk_widget_get_ancestor (label, GTK_TYPE_TREE_EXPANDER);
  g_assert_nonnull (expander);
  if (label_out != NULL)
    *label_out = label;
  return gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
}

typedef struct {
  GtkTreeListRow *row;
  gboolean        expanded;
} RowWait;

static gboolean
row_expanded_is (gpointer data)
{
  RowWait *wait = data;
  gboolean expanded;

  g_object_get (wait->row, "expanded", &expanded, NULL);
  return expanded == wait->expanded;
}

static void
assert_expanded (GtkTreeListRow *row,
                 gboolean        expanded)
{
  RowWait wait = { row, expanded };

  if (!spin_until (row_expanded_is, &wait))
    g_error ("the row is %s, not %s", expanded ? "collapsed" : "expanded",
             expanded ? "expanded" : "collapsed");
}

/* In the tree, Right expands the row that has the focus, Left collapses
 * it, and Left on a collapsed row goes to its parent. */
static void
test_tree_keys (void)
{
  CaWindow *window;
  GtkTreeListRow *china;
  GtkWidget *label;

  if (!have_x11 ())
    return;
  window = open_window ("ui-good.xml");
  china = g_object_ref (tree_row (window, "China", &label));
  /* The window opens with the first root expanded. */
  assert_expanded (china, TRUE);

  pointer_at (label, 2, 2, "click 1");
  assert_selected (window, "cn");
  press_keys ("Left");
  assert_expanded (china, FALSE);
  press_keys ("Right");
  assert_expanded (china, TRUE);
  /* Right on an open row goes to its first child, Left back to China. */
  press_keys ("Right");
  assert_selected (window, "sh");
  press_keys ("Left");
  assert_selected (window, "cn");
  /* Down goes to the first child too. */
  press_keys ("Down");
  assert_selected (window, "sh");
  press_keys ("KP_Right");
  assert_expanded (tree_row (window, "Shanghai", NULL), TRUE);
  press_keys ("Left");
  assert_expanded (tree_row (window, "Shanghai", NULL), FALSE);
  press_keys ("Left");
  assert_selected (window, "cn");
  g_assert_true (gtk_tree_list_row_get_expanded (china));
  press_keys ("KP_Left");
  assert_expanded (china, FALSE);

  g_object_unref (china);
  close_window (window);
}

/* The tree row (its list item widget) that has the keyboard focus, or NULL
 * when the focus is outside the tree. */
static GtkTreeListRow *
focused_tree_row (CaWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *expander;

  if (focus == NULL || gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW) == NULL)
    return NULL;
  expander = gtk_widget_get_first_child (focus);
  if (!GTK_IS_TREE_EXPANDER (expander))
    expander = gtk_widget_get_ancestor (focus, GTK_TYPE_TREE_EXPANDER);
  return expander != NULL ? gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)) : NULL;
}

typedef struct {
  CaWindow   *window;
  const char *name;   /* the row's node, or NULL for "outside the tree" */
} FocusWait;

static gboolean
focus_is (gpointer data)
{
  FocusWait *wait = data;
  GtkTreeListRow *row = focused_tree_row (wait->window);
  g_autoptr(CaNodeItem) item = NULL;

  if (wait->name == NULL)
    return row == NULL && gtk_root_get_focus (GTK_ROOT (wait->window)) != NULL;
  if (row == NULL)
    return FALSE;
  item = gtk_tree_list_row_get_item (row);
  return g_strcmp0 (ca_node_get_id (ca_node_item_get_node (item)), wait->name) == 0;
}

static void
assert_focus (CaWindow   *window,
              const char *id)
{
  FocusWait wait = { window, id };
  GtkWidget *focus;

  if (spin_until (focus_is, &wait))
    return;
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_error ("the focus is on a %s, not %s %s", focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "(none)",
           id != NULL ? "the tree row of" : "outside the tree", id != NULL ? id : "");
}

/* The window opens with the focus on the tree's selected row; the tree is
 * one Tab stop: Tab leaves it for the details, Shift+Tab comes back to the
 * row it left. */
static void
test_tree_tab (void)
{
  CaWindow *window;

  if (!have_x11 ())
    return;
  window = open_window ("ui-good.xml");
  assert_focus (window, "cn");
  press_keys ("Down");
  assert_selected (window, "sh");
  assert_focus (window, "sh");
  press_keys ("Tab");
  assert_focus (window, NULL);
  press_keys ("shift+Tab");
  assert_focus (window, "sh");
  /* Backwards out of the tree goes to the header bar, not to a row above. */
  press_keys ("shift+Tab");
  assert_focus (window, NULL);
  close_window (window);
}

typedef struct {
  AdwLeaflet *leaflet;
  GtkWidget  *shown;
} PageWait;

/* Whether the folded window shows the page that holds @shown. */
static gboolean
page_shown (gpointer data)
{
  PageWait *wait = data;
  GtkWidget *page = adw_leaflet_get_visible_child (wait->leaflet);

  return adw_leaflet_get_folded (wait->leaflet) &&
         (page == wait->shown || gtk_widget_is_ancestor (wait->shown, page));
}

/* The child of @widget's tree expander that draws the arrow. */
static gboolean
is_css_name (GtkWidget     *widget,
             gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_css_name (widget), name) == 0;
}

static GtkWidget *
find_arrow (GtkWidget *widget)
{
  return find_where (widget, is_css_name, "expander");
}

/* At 360 px the window shows the tree or the details; one click (a tap) on
 * a row opens its details, and a click on a row's arrow only expands it. */
static void
test_folded_click (void)
{
  CaWindow *window;
  GtkWidget *label, *arrow;
  GtkTreeListRow *china;
  AdwLeaflet *leaflet;
  PageWait wait;

  if (!have_x11 ())
    return;
  window = open_window_sized ("ui-good.xml", 360, 700);
  leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  china = g_object_ref (tree_row (window, "China", &label));
  wait = (PageWait) { leaflet, label };
  if (!spin_until (page_shown, &wait))
    g_error ("at 360 px the window shows the %s (folded: %d, %d px wide)",
             G_OBJECT_TYPE_NAME (adw_leaflet_get_visible_child (leaflet)),
             adw_leaflet_get_folded (leaflet), gtk_widget_get_width (GTK_WIDGET (window)));
  assert_expanded (china, TRUE);
  arrow = find_arrow (gtk_widget_get_ancestor (label, GTK_TYPE_TREE_EXPANDER));
  g_assert_nonnull (arrow);
  pointer_at (arrow, gtk_widget_get_width (arrow) / 2.0, gtk_widget_get_height (arrow) / 2.0,
              "click 1");
  assert_expanded (china, FALSE);
  spin ();
  g_assert_true (page_shown (&wait));
  pointer_at (arrow, gtk_widget_get_width (arrow) / 2.0, gtk_widget_get_height (arrow) / 2.0,
              "click 1");
  assert_expanded (china, TRUE);

  label = find_label (GTK_WIDGET (window), "Jiangsu", TRUE);
  g_assert_nonnull (label);
  pointer_at (label, 2, 2, "click 1");
  assert_selected (window, "js");
  wait = (PageWait) { leaflet, find_widget (GTK_WIDGET (window), CA_TYPE_DETAILS_PANE) };
  if (!spin_until (page_shown, &wait))
    g_error ("one click on a row of the folded tree did not open its details");

  g_object_unref (china);
  close_window (window);
}

/* The back and forward buttons of a mouse (8 and 9) walk the history, over
 * any part of the window. */
static void
test_mouse_history (void)
{
  CaWindow *window;
  GtkWidget *title;

  if (!have_x11 ())
    return;
  window = open_window ("ui-good.xml");
  assert_selected (window, "cn");
  /* Picked the way a person does: clicks in the tree. */
  title = find_label (GTK_WIDGET (window), "Jiangsu", TRUE);
  g_assert_nonnull (title);
  pointer_at (title, 2, 2, "click 1");
  assert_selected (window, "js");
  ca_window_select_node (window, ca_dataset_lookup_node (ca_window_get_dataset (window), "sh"));
  assert_selected (window, "sh");

  /* Over the details pane, then over the tree. */
  title = find_label (GTK_WIDGET (window), "Shanghai", TRUE);
  g_assert_nonnull (title);
  pointer_at (GTK_WIDGET (window), 700, 400, "click 8");
  assert_selected (window, "js");
  pointer_at (title, 2, 2, "click 8");
  assert_selected (window, "cn");
  pointer_at (GTK_WIDGET (window), 700, 400, "click 9");
  assert_selected (window, "js");
  pointer_at (GTK_WIDGET (window), 700, 400, "click 9");
  assert_selected (window, "sh");

  close_window (window);
}

/* --- The window's keys, as the shortcuts window lists them ---------------- */

typedef struct {
  GType       type;
  GtkWidget  *found;
} Toplevel;

/* A mapped window of @type other than the main one, e.g. a dialog. */
static gboolean
toplevel_shown (gpointer data)
{
  Toplevel *wait = data;
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */

  wait->found = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && wait->found == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, wait->type) && gtk_widget_get_mapped (window))
        wait->found = window;
    }
  return wait->found != NULL;
}

static gboolean
has_dataset (gpointer data)
{
  return ca_window_get_dataset (data) != NULL;
}

/* With nothing open, Search cannot be pressed (nor Ctrl+F), and the start
 * page offers the dataset that comes with the program; a click opens it. */
static void
test_empty_window (void)
{
  CaWindow *window;
  GtkWidget *search, *included;

  if (!have_x11 ())
    return;
  window = ca_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  focus_window (GTK_WINDOW (window));
  search = find_widget (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (search);
  g_assert_false (gtk_widget_is_sensitive (search));
  press_keys ("ctrl+f");
  spin ();
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (search)));

  included = find_labelled_button (GTK_WIDGET (window), "Open the _Included Dataset");
  g_assert_nonnull (included);
  click_center (included);
  g_assert_true (spin_until (has_dataset, window));
  g_assert_true (gtk_widget_is_sensitive (search));
  close_window (window);
}

typedef struct {
  GtkWidget *widget;
  char      *text;
} ClipboardWait;

/* Whether the clipboard holds text other than "". */
static gboolean
clipboard_has_text (gpointer data)
{
  ClipboardWait *wait = data;
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (wait->widget));
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  if (content == NULL || !gdk_content_provider_get_value (content, &value, NULL))
    return FALSE;
  g_free (wait->text);
  wait->text = g_value_dup_string (&value);
  return wait->text != NULL && wait->text[0] != '\0';
}

/* A refused file's dialog lists every problem; its Copy button, clicked,
 * puts them on the clipboard, each line naming the file. */
static void
test_problems_copy (void)
{
  CaWindow *window;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  Toplevel wait = { ADW_TYPE_MESSAGE_DIALOG, NULL };
  ClipboardWait clip = { NULL, NULL };
  GtkWidget *copy;
  g_auto(GStrv) lines = NULL;

  if (!have_x11 ())
    return;
  window = open_window ("ui-good.xml");
  path = fixture ("ui-bad.xml");
  file = g_file_new_for_path (path);
  ca_window_open_file (window, file);
  g_assert_true (spin_until (toplevel_shown, &wait));
  focus_window (GTK_WINDOW (wait.found));
  copy = find_labelled_button (wait.found, "Co_py Problems");
  g_assert_nonnull (copy);
  clip.widget = copy;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (copy), "");
  /* A dialog that has just come up may still be placed by the time the
   * click comes, on a busy machine: aimed again, a few times. */
  for (int i = 0; i < 5 && !clipboard_has_text (&clip); i++)
    {
      click_center (copy);
      spin_until_for (clipboard_has_text, &clip, 3);
    }
  g_assert_true (spin_until (clipboard_has_text, &clip));
  lines = g_strsplit (clip.text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 12);
  g_assert_true (g_str_has_suffix (lines[0], "ui-bad.xml:18:5: the source “src-missing-0” "
                                             "is not declared in <sources>"));
  g_assert_true (g_str_has_prefix (lines[0], g_getenv ("CA_FIXTURES")));
  g_free (clip.text);
  gtk_window_destroy (GTK_WINDOW (wait.found));
  spin ();
  close_window (window);
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static GtkWidget *
find_css_class (GtkWidget  *widget,
                const char *css_class)
{
  return find_where (widget, has_css_class, css_class);
}

typedef struct {
  GtkWidget *sidebar;
  int        width;
} WidthWait;

static gboolean
width_is (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (wait->sidebar) == wait->width;
}

/* Dragging the line between the tree and the details resizes the tree, as
 * a GtkPaned does, and the width is kept for the next window. */
static void
test_sidebar_drag (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CaWindow *window;
  GtkWidget *handle, *sidebar;
  WidthWait wait;
  int before;

  if (!have_x11 ())
    return;
  g_settings_set_int (settings, "sidebar-width", 300);
  window = open_window ("ui-good.xml");
  handle = find_css_class (GTK_WIDGET (window), "ca-sidebar-handle");
  sidebar = find_css_class (GTK_WIDGET (window), "ca-sidebar");
  g_assert_nonnull (handle);
  g_assert_nonnull (sidebar);
  before = gtk_widget_get_width (sidebar);
  g_assert_cmpint (before, ==, 300);
  pointer_at (handle, gtk_widget_get_width (handle) / 2.0, 300,
              "mousedown 1 sleep 0.1 mousemove_relative 40 0 sleep 0.1 "
              "mousemove_relative 40 0 sleep 0.1 mouseup 1");
  wait = (WidthWait) { sidebar, before + 80 };
  if (!spin_until (width_is, &wait))
    g_error ("the sidebar is %d px wide after a drag of 80 px from %d px",
             gtk_widget_get_width (sidebar), before);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, before + 80);
  close_window (window);

  /* The next window opens with it. */
  window = open_window ("ui-good.xml");
  sidebar = find_css_class (GTK_WIDGET (window), "ca-sidebar");
  g_assert_cmpint (gtk_widget_get_width (sidebar), ==, before + 80);
  close_window (window);
  g_settings_reset (settings, "sidebar-width");
}

/* The Figures page shows, and lists only figures of nodes tagged robotics. */
static gboolean
figures_of_robotics (gpointer data)
{
  CaWindow *window = data;
  CaFiguresPage *page = ca_window_get_figures_page (window);
  const CaFacetFilter *filter = ca_figures_page_get_filter (page);
  g_autoptr(GArray) refs = NULL;

  if (g_strcmp0 (ca_window_get_view (window), "figures") != 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (page)) ||
      ca_facet_filter_get_n_keys (filter, CA_FACET_TAG) != 1 ||
      !ca_facet_filter_has (filter, CA_FACET_TAG, "robotics") ||
      ca_figures_page_get_n_rows (page) == 0)
    return FALSE;
  refs = ca_figures_page_get_figure_refs (page);
  for (guint i = 0; i < refs->len; i++)
    {
      const CaNode *node = g_array_index (refs, CaFigureRef, i).node;
      gboolean tagged = FALSE;

      for (guint t = 0; t < ca_node_get_n_tags (node); t++)
        tagged |= g_str_equal (ca_node_get_tag (node, t), "robotics");
      g_assert_true (tagged);
    }
  return TRUE;
}

/* The tag's chip is laid out where the window shows it. */
static gboolean
chip_shown (gpointer data)
{
  GtkWidget *chip = find_css_class (data, "ca-tag");
  graphene_rect_t bounds;

  return chip != NULL && gtk_widget_get_mapped (chip) && gtk_widget_get_width (chip) > 0 &&
         gtk_widget_compute_bounds (chip, GTK_WIDGET (data), &bounds) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (data));
}

/* A tag's chip in the details is a button: a click shows the figures with
 * the tag, on the Figures page. */
static void
test_tag_chip (void)
{
  CaWindow *window;
  GtkWidget *chip;

  if (!have_x11 ())
    return;
  window = open_window ("ui-good.xml");
  ca_window_select_node (window, ca_dataset_lookup_node (ca_window_get_dataset (window),
                                                         "bs-hitech"));
  assert_selected (window, "bs-hitech");
  spin ();
  g_assert_true (spin_until (chip_shown, window));
  chip = find_css_class (GTK_WIDGET (window), "ca-tag");
  g_assert_true (GTK_IS_BUTTON (chip));
  click_center (chip);
  if (!spin_until (figures_of_robotics, window))
    g_error ("a click on the chip “robotics” did not show its figures");
  close_window (window);
}

static gboolean
view_is_figures (gpointer data)
{
  return g_strcmp0 (ca_window_get_view (data), "figures") == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (ca_window_get_figures_page (data)));
}

static gboolean
view_is_explorer (gpointer data)
{
  return g_strcmp0 (ca_window_get_view (data), "explorer") == 0;
}

static gboolean
filter_is_empty (gpointer data)
{
  CaFiguresPage *page = ca_window_get_figures_page (data);

  return ca_facet_filter_is_empty (ca_figures_page_get_filter (page)) &&
         find_css_class (GTK_WIDGET (page), "ca-chip") == NULL;
}

/* A cell of the Figures page's table showing @text. */
static gboolean
is_cell_showing (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0;
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (cells, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
}

/* The cells on screen, row after row, eight a row, the place first. */
static GPtrArray *
shown_cells (CaFiguresPage *page)
{
  GPtrArray *cells = g_ptr_array_new ();

  collect_cells (GTK_WIDGET (ca_figures_page_get_column_view (page)), cells);
  g_assert_cmpuint (cells->len % 8, ==, 0);
  return cells;
}

typedef struct {
  CaFiguresPage *page;
  char          *why;   /* what differs, when something does */
} CellsWait;

/* Whether every row on screen shows the place of the figure at its
 * position: rows keep their widgets when the rows change, and are filled
 * again (ca-figure-list.c). */
static gboolean
rows_show_their_figures (gpointer data)
{
  CellsWait *wait = data;
  g_autoptr(GArray) refs = ca_figures_page_get_figure_refs (wait->page);
  g_autoptr(GPtrArray) cells = shown_cells (wait->page);

  g_clear_pointer (&wait->why, g_free);
  if (cells->len == 0 || cells->len / 8 > refs->len)
    wait->why = g_strdup_printf ("%u cells for %u rows", cells->len, refs->len);
  for (guint p = 0; wait->why == NULL && p < cells->len / 8; p++)
    {
      const char *shown = gtk_inscription_get_text (cells->pdata[8 * p]);
      const char *place = ca_node_get_name (g_array_index (refs, CaFigureRef, p).node, "en");

      if (g_strcmp0 (shown, place) != 0)
        wait->why = g_strdup_printf ("row %u shows %s, not %s", p, shown, place);
    }
  return wait->why == NULL;
}

static void
assert_rows_show_their_figures (CaFiguresPage *page,
                                const char    *after)
{
  CellsWait wait = { page, NULL };

  if (!spin_until (rows_show_their_figures, &wait))
    g_error ("after %s, %s", after, wait.why);
}

/* A facet's value, by its tooltip (the value's full label). */
static gboolean
is_facet_value (GtkWidget     *widget,
                gconstpointer  label)
{
  return gtk_widget_has_css_class (widget, "ca-facet-value") && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_width (widget) > 0 &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), label) == 0;
}

static gboolean
facet_value_shown (gpointer data)
{
  return find_where (data, is_facet_value, "robotics") != NULL;
}

static GtkLabel *shown_tooltip_label (GtkWidget *native);

typedef struct {
  GtkWidget  *native;
  const char *text;
} TooltipWait;

static gboolean
tooltip_says (gpointer data)
{
  TooltipWait *wait = data;
  GtkLabel *label = shown_tooltip_label (wait->native);

  return label != NULL && g_strcmp0 (gtk_label_get_text (label), wait->text) == 0;
}

/* Whether @widget's first 40 pixels are inside its window, where the
 * pointer can rest on them. */
static gboolean
inside_window (GtkWidget *widget)
{
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (widget));
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, native, &bounds) && bounds.origin.x >= 0 &&
         bounds.origin.x + MIN (40, bounds.size.width) <= gtk_widget_get_width (native);
}

/* Presses the wheel's @button ("click 6" left, "click 7" right) below the
 * rows of @list until @cell is where the pointer can rest on it, or with
 * no @cell until the table is back at its left edge. */
static void
scroll_sideways_to (GtkWidget  *list,
                    const char *button,
                    GtkWidget  *cell)
{
  GtkAdjustment *sideways = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (list));

#define THERE() (cell != NULL ? inside_window (cell) \
                              : gtk_adjustment_get_value (sideways) <= gtk_adjustment_get_lower (sideways))
  for (guint i = 0; i < 40 && !THERE (); i++)
    {
      pointer_at (list, gtk_widget_get_width (list) / 2.0, gtk_widget_get_height (list) - 20,
                  button);
      g_usleep (20000);
      spin ();
    }
  if (!THERE ())
    g_error ("%s below the rows did not scroll the table (%s)", button,
             where_is (cell != NULL ? cell : list));
#undef THERE
}

/* The pointer resting on the first row's source shows its citation. */
static void
assert_source_tooltip (CaFiguresPage *page)
{
  g_autoptr(GArray) refs = ca_figures_page_get_figure_refs (page);
  g_autoptr(GPtrArray) cells = shown_cells (page);
  const CaFigure *figure = NULL;
  g_autofree char *citation = NULL;
  TooltipWait wait = { GTK_WIDGET (gtk_widget_get_native (GTK_WIDGET (page))), NULL };
  GtkWidget *list = GTK_WIDGET (ca_figures_page_get_column_view (page)), *cell;
  guint p;

  for (p = 0; p < cells->len / 8 && figure == NULL; p++)
    if (g_array_index (refs, CaFigureRef, p).figure->source != NULL)
      figure = g_array_index (refs, CaFigureRef, p).figure;
  g_assert_nonnull (figure);
  citation = ca_format_citation ("en", figure->source);
  wait.text = citation;
  cell = cells->pdata[8 * (p - 1) + 6];
  /* The source is the seventh column, before the path, near or past the
   * window's edge at its width: scrolled to sideways, by the wheel's
   * buttons 6 and 7, below the rows (over a cell, the cell's tooltip comes
   * up under the pointer). */
  scroll_sideways_to (list, "click 7", cell);
  pointer_at (cell, 6, 6, "");
  pointer_at (cell, 10, 8, "");
  if (!spin_until (tooltip_says, &wait))
    g_error ("the pointer on a source's cell showed no tooltip with its citation “%s” (%s)",
             citation, where_is (cell));
  /* And back to the first column. */
  scroll_sideways_to (list, "click 6", NULL);
}

/* The Figures page by the mouse: the view switcher's button, a facet's
 * value, the remove button of its chip, and a row double-clicked, which
 * shows its node in the explorer. */
static void
test_figures_page (void)
{
  CaWindow *window;
  CaFiguresPage *page;
  GtkWidget *button, *value, *chip, *label;
  g_autoptr(GArray) refs = NULL;
  g_autofree char *where = NULL;
  guint n_all;
  const CaNode *node, *first;
  GtkWidget *header;

  if (!have_x11 ())
    return;
  window = open_window ("ui-good.xml");
  page = ca_window_get_figures_page (window);
  spin ();
  button = find_label (GTK_WIDGET (ca_window_get_title_widget (window)), "Figures", FALSE);
  g_assert_nonnull (button);
  /* Under a loaded machine a window just opened sometimes loses its first
   * click (one run in four of the whole suite in parallel, the pointer on
   * the button): a second click, said in the log, then must do it. */
  click_center (button);
  if (!spin_until_for (view_is_figures, window, 3))
    {
      g_test_message ("the first click on Figures did not land (%s): clicking again",
                      where_is (button));
      click_center (button);
    }
  if (!spin_until (view_is_figures, window))
    g_error ("a click on the switcher's Figures did not show the Figures page (%s)",
             where_is (button));
  n_all = ca_figures_page_get_n_rows (page);
  g_assert_cmpuint (n_all, >, 0);

  g_assert_true (spin_until (facet_value_shown, page));
  value = find_where (GTK_WIDGET (page), is_facet_value, "robotics");
  click_center (value);
  if (!spin_until (figures_of_robotics, window))
    g_error ("a click on the tag robotics in the facets did not filter by it");
  g_assert_cmpuint (ca_figures_page_get_n_rows (page), <, n_all);
  assert_rows_show_their_figures (page, "a facet's value chosen");

  chip = find_css_class (GTK_WIDGET (page), "ca-chip");
  g_assert_nonnull (chip);
  /* Laid out: a widget just made is mapped before it has a size. */
  g_assert_true (spin_until (mapped, chip));
  click_center (find_widget (chip, GTK_TYPE_BUTTON));
  if (!spin_until (filter_is_empty, window))
    g_error ("a click on the chip's remove button did not remove the filter");
  g_assert_cmpuint (ca_figures_page_get_n_rows (page), ==, n_all);
  assert_rows_show_their_figures (page, "the facet's chip removed");
  assert_source_tooltip (page);

  /* Sorted by a header's clicks, the rows on screen change in place. */
  g_clear_pointer (&refs, g_array_unref);
  refs = ca_figures_page_get_figure_refs (page);
  first = g_array_index (refs, CaFigureRef, 0).node;
  g_clear_pointer (&refs, g_array_unref);
  header = find_label (GTK_WIDGET (ca_figures_page_get_column_view (page)), "Place", FALSE);
  g_assert_nonnull (header);
  click_center (header);
  assert_rows_show_their_figures (page, "a click on the header Place");
  /* Past the double click's time: a second click, not a double one. */
  g_usleep (600 * 1000);
  click_center (header);
  assert_rows_show_their_figures (page, "a second click on the header Place");
  {
    g_autoptr(GArray) sorted = ca_figures_page_get_figure_refs (page);

    g_assert_true (g_array_index (sorted, CaFigureRef, 0).node != first);
  }

  /* The last row's node, which is not the one selected. */
  refs = ca_figures_page_get_figure_refs (page);
  node = g_array_index (refs, CaFigureRef, refs->len - 1).node;
  g_assert_true (node != ca_window_get_selected_node (window));
  label = find_where (GTK_WIDGET (ca_figures_page_get_column_view (page)), is_cell_showing,
                      ca_node_get_name (node, "en"));
  g_assert_nonnull (label);
  g_assert_true (spin_until (mapped, label));
  where = g_strdup (where_is (label));
  pointer_at (label, 4, gtk_widget_get_height (label) / 2.0, "click --repeat 2 --delay 80 1");
  if (!spin_until (view_is_explorer, window))
    g_error ("a double click on a row of the Figures page did not show the explorer (%s)", where);
  assert_selected (window, ca_node_get_id (node));
  close_window (window);
}

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_width (widget) > 0 &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

/* The page's "Narrow the tree", once laid out: a page just shown is mapped
 * before it has a size. */
static gboolean
narrow_check_shown (gpointer data)
{
  return find_where (data, is_check_labelled, "Narrow the tree") != NULL;
}

/* The number of rows of the tree below @id (NULL: the roots). */
static guint
n_tree_children (CaWindow   *window,
                 const char *id)
{
  GtkTreeListModel *model = ca_window_get_tree_model (window);
  g_autoptr(GtkTreeListRow) row = NULL;
  GListModel *children;

  if (id == NULL)
    return g_list_model_get_n_items (gtk_tree_list_model_get_model (model));
  row = ca_tree_model_reveal (model, ca_dataset_lookup_node (ca_window_get_dataset (window), id));
  g_assert_nonnull (row);
  gtk_tree_list_row_set_expanded (row, TRUE);
  children = gtk_tree_list_row_get_children (row);
  return children != NULL ? g_list_model_get_n_items (children) : 0;
}

/* Narrowed to robotics (bs-hitech, in cn › sh › baoshan): one root, one
 * child at each level down to the park. */
static gboolean
tree_narrowed (gpointer data)
{
  return n_tree_children (data, NULL) == 1 && n_tree_children (data, "cn") == 1 &&
         n_tree_children (data, "sh") == 1 && n_tree_children (data, "baoshan") == 1;
}

static gboolean
tree_whole (gpointer data)
{
  return n_tree_children (data, NULL) == 2 && n_tree_children (data, "sh") == 2 &&
         n_tree_children (data, "baoshan") == 2;
}

/* "Narrow the tree" clicked: the tree keeps the places that hold the
 * figures listed and their ancestors; clicked again, the whole tree. */
static gboolean
focus_in_tree (gpointer data)
{
  CaWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *tree = gtk_widget_get_ancestor (GTK_WIDGET (ca_window_find_row_label (window, "cn")),
                                             GTK_TYPE_LIST_VIEW);

  return focus != NULL && tree != NULL && (focus == tree || gtk_widget_is_ancestor (focus, tree));
}

static void
test_narrow_tree (void)
{
  CaWindow *window;
  GtkWidget *check;

  if (!have_x11 ())
    return;
  window = open_window ("ui-good.xml");
  spin ();
  g_assert_true (tree_whole (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tag", "s", "robotics");
  g_assert_true (spin_until (figures_of_robotics, window));
  g_assert_true (spin_until (narrow_check_shown, window));
  check = find_where (GTK_WIDGET (window), is_check_labelled, "Narrow the tree");
  click_center (check);
  if (!spin_until (tree_narrowed, window))
    g_error ("Narrow the tree did not narrow the tree to robotics's places");
  /* A node outside cannot be selected; one inside can. */
  g_assert_false (ca_window_select_node (window,
                                         ca_dataset_lookup_node (ca_window_get_dataset (window),
                                                                 "js")));
  g_assert_true (ca_window_select_node (window,
                                        ca_dataset_lookup_node (ca_window_get_dataset (window),
                                                                "bs-hitech")));
  click_center (check);
  if (!spin_until (tree_whole, window))
    g_error ("Narrow the tree, clicked again, did not bring the whole tree back");
  g_assert_false (gtk_revealer_get_reveal_child (window->narrowed_revealer));

  /* Narrowed, the tree says so above its rows, on the Explorer too; its
   * Show All brings every place back and unticks the Figures page's box,
   * the place selected still in sight. */
  click_center (check);
  g_assert_true (spin_until (tree_narrowed, window));
  press_keys ("alt+1");
  g_assert_true (spin_until (view_is_explorer, window));
  /* The focus goes to the tree, not to the notice's button first. */
  g_assert_true (spin_until (focus_in_tree, window));
  click_center (wait_button (GTK_WIDGET (window), "Show _All"));
  if (!spin_until (tree_whole, window))
    g_error ("Show All above the narrowed tree did not bring the whole tree back");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_revealer_get_reveal_child (window->narrowed_revealer));
  g_assert_nonnull (ca_window_find_row_label (window, "bs-hitech"));
  close_window (window);
}

/* The label of the tooltip shown in @native's surface, or NULL. */
static GtkLabel *
shown_tooltip_label (GtkWidget *native)
{
  for (GtkWidget *child = gtk_widget_get_first_child (native); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "tooltip") == 0 &&
        gtk_widget_get_mapped (child))
      {
        GtkWidget *label = find_widget (child, GTK_TYPE_LABEL);

        if (label != NULL && gtk_widget_get_mapped (label))
          return GTK_LABEL (label);
      }
  return NULL;
}

/* A tooltip in Chinese is one line, not one character a line (GTK 4.8
 * counts a Chinese character as a Latin one's width: ca-tooltips.c). */
static void
test_tooltip_chinese (void)
{
  CaWindow *window;
  GtkWidget *menu;
  GtkLabel *label;

  if (!have_x11 ())
    return;
  window = open_window ("ui-good.xml");
  menu = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu);
  /* As the Chinese catalogue has it. */
  gtk_widget_set_tooltip_text (menu, "主菜单");
  pointer_at (menu, 4, 4, "");
  pointer_at (menu, gtk_widget_get_width (menu) / 2.0, gtk_widget_get_height (menu) / 2.0, "");
  if (!spin_until (tooltip_says, &(TooltipWait) { GTK_WIDGET (window), "主菜单" }))
    g_error ("no tooltip came up over the main menu button");
  label = shown_tooltip_label (GTK_WIDGET (window));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (label)), ==, 1);
  pointer_at (GTK_WIDGET (window), 500, 400, "");
  close_window (window);
}

/* Whether a toast is shown, wholly above the switcher bar: it slides up
 * from the bottom, and at rest the overlay it is in ends above the bar.
 * Over the bar, it would rest 12 px above the window's bottom. */
static gboolean
toast_above_bar (gpointer data)
{
  GtkWidget *native = data;
  GtkWidget *toast = find_where (native, is_css_name, "toast");
  GtkWidget *bar = find_widget (native, ADW_TYPE_VIEW_SWITCHER_BAR);
  graphene_rect_t bar_bounds, toast_bounds;

  return toast != NULL && gtk_widget_get_mapped (toast) && bar != NULL &&
         gtk_widget_compute_bounds (bar, native, &bar_bounds) &&
         gtk_widget_compute_bounds (toast, native, &toast_bounds) &&
         toast_bounds.size.height > 0 &&
         toast_bounds.origin.y + toast_bounds.size.height <= bar_bounds.origin.y;
}

/* At 360 px the view switcher is a bar at the bottom, and a toast (here
 * Copy Chart's, by its keys) comes up above it, not over it. */
static void
test_toast_above_switcher (void)
{
  CaWindow *window;
  GtkWidget *bar;

  if (!have_x11 ())
    return;
  window = open_window_sized ("ui-good.xml", 360, 700);
  bar = find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_nonnull (bar);
  g_assert_true (spin_until (mapped, bar));
  press_keys ("ctrl+shift+c");
  if (!spin_until_for (toast_above_bar, window, 5))
    g_error ("Ctrl+Shift+C showed no toast above the view switcher bar (%s)", where_is (bar));
  close_window (window);
}

static gboolean
no_dialog_shown (gpointer data)
{
  Toplevel wait = { GTK_TYPE_DIALOG, NULL };

  return !toplevel_shown (&wait);
}

/* Presses @keys in @window, sees a window of @type come up, and closes it. */
static void
keys_show_window (CaWindow   *window,
                  const char *keys,
                  GType       type)
{
  Toplevel wait = { type, NULL };

  press_keys (keys);
  if (!spin_until (toplevel_shown, &wait))
    g_error ("%s showed no %s", keys, g_type_name (type));
  gtk_window_destroy (GTK_WINDOW (wait.found));
  spin ();
  focus_window (GTK_WINDOW (window));
}

static gboolean
search_shown (gpointer data)
{
  GtkWidget *entry = find_widget (data, GTK_TYPE_SEARCH_ENTRY);

  GtkRoot *root = entry != NULL ? gtk_widget_get_root (entry) : NULL;
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Shown, with the typing going into it. */
  return entry != NULL && gtk_widget_get_mapped (entry) && focus != NULL
         && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static gboolean
search_hidden (gpointer data)
{
  GtkWidget *entry = find_widget (data, GTK_TYPE_SEARCH_ENTRY);

  return entry == NULL || !gtk_widget_get_mapped (entry);
}

static gboolean
clipboard_has_picture (gpointer data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (data);

  return gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard),
                                            GDK_TYPE_TEXTURE);
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The window on the good fixture, Jiangsu clicked in the tree: the
 * selection and the keyboard focus on its row. */
static CaWindow *
open_on_jiangsu (void)
{
  CaWindow *window = open_window ("ui-good.xml");
  GtkWidget *label = find_label (GTK_WIDGET (window), "Jiangsu", TRUE);

  g_assert_nonnull (label);
  pointer_at (label, 2, 2, "click 1");
  assert_selected (window, "js");
  return window;
}

/* Each key of gtk/help-overlay.ui that is the window's does what it says
 * (the tree's keys are test_tree_keys ()'s; Ctrl+O and Ctrl+Q are the
 * application's, Ctrl+P opens the system's print dialog). */
static void
test_window_keys (void)
{
  CaWindow *window;

  if (!have_x11 ())
    return;
  window = open_on_jiangsu ();

  press_keys ("ctrl+f");
  g_assert_true (spin_until (search_shown, window));
  press_keys ("Escape");
  g_assert_true (spin_until (search_hidden, window));
  assert_selected (window, "js");

  press_keys ("alt+Left");
  assert_selected (window, "cn");
  press_keys ("alt+Right");
  assert_selected (window, "js");

  press_keys ("ctrl+shift+c");
  g_assert_true (spin_until (clipboard_has_picture, window));
  keys_show_window (window, "ctrl+e", CA_TYPE_EXPORT_DIALOG);
  keys_show_window (window, "ctrl+question", GTK_TYPE_SHORTCUTS_WINDOW);

  /* Print, cancelled with Escape: no critical (GTK 4.8 has no error to hand
   * on then, and the suite's G_DEBUG makes a critical fatal). */
  {
    Toplevel print = { GTK_TYPE_DIALOG, NULL };

    press_keys ("ctrl+p");
    if (!spin_until (toplevel_shown, &print))
      g_error ("ctrl+p showed no print dialog");
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (print.found), ==, "GtkPrintUnixDialog");
    focus_window (GTK_WINDOW (print.found));
    press_keys ("Escape");
    g_assert_true (spin_until (no_dialog_shown, NULL));
    spin ();
    focus_window (GTK_WINDOW (window));
  }

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  press_keys ("ctrl+w");
  g_assert_true (spin_until (window_gone, &window));
}

static gboolean
view_is_compare (gpointer data)
{
  return g_strcmp0 (ca_window_get_view (data), "compare") == 0;
}

/* Whether the focus is on the page the window's view shows: the Figures
 * or the Compare page. */
static gboolean
focus_in_shown_page (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));
  const char *view = ca_window_get_view (data);
  GtkWidget *page = g_strcmp0 (view, "figures") == 0
                    ? GTK_WIDGET (ca_window_get_figures_page (data))
                    : g_strcmp0 (view, "compare") == 0 ? ca_window_get_compare_page (data) : NULL;

  return focus != NULL && page != NULL && gtk_widget_get_mapped (focus) &&
         gtk_widget_is_ancestor (focus, page);
}

/* Alt+2 and Alt+3 show the Figures and Compare pages, built as they first
 * show; the focus, on the tree, follows into the Figures page. */
static GtkWidget *
figures_text_entry (CaWindow *window)
{
  return find_widget (GTK_WIDGET (ca_window_get_figures_page (window)), GTK_TYPE_SEARCH_ENTRY);
}

static gboolean
figures_text_focused (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));
  GtkWidget *entry = figures_text_entry (data);

  return focus != NULL && entry != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static gboolean
figures_text_typed (gpointer data)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (figures_text_entry (data))), "bao") == 0;
}

typedef struct {
  CaWindow        *window;
  const char      *title;
  graphene_rect_t  bounds;     /* the Value column's header, in the scroller */
  int              width;      /* the scroller's */
} ValueWait;

/* Whether the Value column's header lies inside what the table's scrolled
 * window shows: its whole width, the header's, for the label may show
 * while the values right-aligned under it do not. */
static gboolean
value_in_sight (gpointer data)
{
  ValueWait *wait = data;
  CaFiguresPage *page = ca_window_get_figures_page (wait->window);
  GtkWidget *view = GTK_WIDGET (ca_figures_page_get_column_view (page));
  GtkWidget *scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *header;

  wait->title = gtk_column_view_column_get_title (
      ca_figures_page_get_column (page, CA_FIGURE_COLUMN_VALUE));
  header = find_label (view, wait->title, FALSE);
  while (header != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (header), "GtkColumnViewTitle") != 0)
    header = gtk_widget_get_parent (header);
  if (header == NULL || !gtk_widget_compute_bounds (header, scroller, &wait->bounds))
    return FALSE;
  wait->width = gtk_widget_get_width (scroller);
  if (wait->bounds.origin.x < 0 || wait->bounds.origin.x + wait->bounds.size.width > wait->width)
    return FALSE;
  /* And no cell of the Value column or of one before it reaches past the
   * edge, as cells whose text asks for more than their column has would. */
  {
    g_autoptr(GPtrArray) cells = g_ptr_array_new ();
    double value_end = wait->bounds.origin.x + wait->bounds.size.width;

    collect_cells (view, cells);
    for (guint i = 0; i < cells->len; i++)
      {
        graphene_rect_t cell;

        if (gtk_widget_get_mapped (cells->pdata[i])
            && gtk_widget_compute_bounds (cells->pdata[i], scroller, &cell)
            && cell.origin.x < value_end - 0.5
            && cell.origin.x + cell.size.width > wait->width + 0.5)
          {
            wait->bounds = cell;
            return FALSE;
          }
      }
  }
  return TRUE;
}

/* At 800 × 600 and at 360 px the Figures table shows the Value column
 * without a scroll, with the bundled dataset's long names, in English and
 * in Chinese. */
static void
test_figures_value_in_sight (void)
{
  static const struct {
    const char *lang;
    int         width, height;
  } cases[] = { { "en", 800, 600 }, { "zh_CN", 800, 600 }, { "en", 360, 720 },
                { "zh_CN", 360, 720 } };
  g_autofree char *bundled = ca_dataset_get_bundled_path ();
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *layout = NULL;

  if (!have_x11 ())
    return;
  /* GNOME's window buttons, close only: the window can be 360 px then. */
  g_object_get (settings, "gtk-decoration-layout", &layout, NULL);
  g_object_set (settings, "gtk-decoration-layout", ":close", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ValueWait wait = { NULL, NULL, GRAPHENE_RECT_INIT (0, 0, 0, 0), 0 };
      gboolean shown;

      ca_i18n_set_language (cases[i].lang);
      wait.window = open_window_sized (bundled, cases[i].width, cases[i].height);
      press_keys ("alt+2");
      g_assert_true (spin_until (view_is_figures, wait.window));
      shown = spin_until (value_in_sight, &wait);
      g_test_message ("%s, %d px: “%s” at %.0f to %.0f of %d px", cases[i].lang,
                      cases[i].width, wait.title, wait.bounds.origin.x,
                      wait.bounds.origin.x + wait.bounds.size.width, wait.width);
      g_assert_true (shown);
      close_window (wait.window);
    }
  ca_i18n_set_language ("en");
  g_object_set (settings, "gtk-decoration-layout", layout, NULL);
}

static void
test_view_keys (void)
{
  CaWindow *window;

  if (!have_x11 ())
    return;
  window = open_on_jiangsu ();

  press_keys ("alt+2");
  g_assert_true (spin_until (view_is_figures, window));
  if (!spin_until (focus_in_shown_page, window))
    g_error ("after Alt+2 from the tree the focus is not on the Figures page");
  /* Ctrl+F there types into the page's own filter, not the tree's search. */
  gtk_widget_grab_focus (GTK_WIDGET (ca_figures_page_get_column_view (
      ca_window_get_figures_page (window))));
  press_keys ("ctrl+f");
  g_assert_true (spin_until (figures_text_focused, window));
  g_assert_cmpstr (ca_window_get_view (window), ==, "figures");
  press_keys ("b a o");
  g_assert_true (spin_until (figures_text_typed, window));
  press_keys ("alt+3");
  g_assert_true (spin_until (view_is_compare, window));
  g_assert_true (gtk_widget_get_mapped (ca_window_get_compare_page (window)));
  press_keys ("alt+1");
  g_assert_true (spin_until (view_is_explorer, window));
  close_window (window);
}

/* Lets a resize reach the window: a few frames, a fraction of a second. */
static void
wait_short (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

typedef struct {
  CaWindow *old;
  CaWindow *found;
} NewWindow;

/* A mapped main window other than @old, with its dataset. */
static gboolean
new_window_shown (gpointer data)
{
  NewWindow *wait = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  wait->found = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && wait->found == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (CA_IS_WINDOW (window) && window != (GtkWidget *) wait->old &&
          gtk_widget_get_mapped (window) && ca_window_get_dataset (CA_WINDOW (window)) != NULL)
        wait->found = CA_WINDOW (window);
    }
  return wait->found != NULL;
}

typedef struct {
  CaDetailsPane *pane;
  double         above;
} ScrollWait;

static gboolean
scrolled_past (gpointer data)
{
  ScrollWait *wait = data;

  return ca_details_pane_get_scroll (wait->pane) > wait->above;
}

static gboolean
scroll_kept (gpointer data)
{
  ScrollWait *wait = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (find_widget (GTK_WIDGET (wait->pane),
                                                              GTK_TYPE_LIST_BOX),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  return fabs (gtk_adjustment_get_value (adjustment) - wait->above) < 1.0;
}

/* The wheel scrolls the details down; switching the language (the
 * Language menu's action) rebuilds the window, scrolled as far. */
static void
test_language_keeps_scroll (void)
{
  CaWindow *window;
  NewWindow wait = { NULL, NULL };
  ScrollWait scroll;
  GtkWidget *pane;

  if (!have_x11 ())
    return;
  window = open_window ("ui-good.xml");
  assert_selected (window, "cn");
  /* Short, so that the details have room to scroll. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 420);
  pane = find_widget (GTK_WIDGET (window), CA_TYPE_DETAILS_PANE);
  g_assert_true (spin_until (mapped, pane));
  wait_short ();
  scroll.pane = CA_DETAILS_PANE (pane);
  scroll.above = 150;
  pointer_at (pane, gtk_widget_get_width (pane) / 2.0, 200,
              "click 5 click 5 click 5 click 5 click 5 click 5");
  if (!spin_until (scrolled_past, &scroll))
    g_error ("the wheel scrolled the details to %g only",
             ca_details_pane_get_scroll (CA_DETAILS_PANE (pane)));
  scroll.above = ca_details_pane_get_scroll (CA_DETAILS_PANE (pane));

  wait.old = window;
  g_action_group_activate_action (G_ACTION_GROUP (app), "language",
                                  g_variant_new_string ("zh_CN"));
  g_assert_true (spin_until (new_window_shown, &wait));
  scroll.pane = CA_DETAILS_PANE (find_widget (GTK_WIDGET (wait.found), CA_TYPE_DETAILS_PANE));
  if (!spin_until (scroll_kept, &scroll))
    g_error ("after the switch the details are scrolled to %g, not %g",
             ca_details_pane_get_scroll (scroll.pane), scroll.above);

  window = wait.found;
  wait.old = window;
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("en"));
  g_assert_true (spin_until (new_window_shown, &wait));
  close_window (wait.found);
}

/* --- The comparison ------------------------------------------------------- */

typedef struct {
  GSettings  *settings;
  const char *ids;
} StoredWait;

static gboolean
stored_is (gpointer data)
{
  StoredWait *wait = data;
  g_auto(GStrv) ids = g_settings_get_strv (wait->settings, "compare-nodes");
  g_autofree char *joined = g_strjoinv (",", ids);

  return g_str_equal (joined, wait->ids);
}

static void
assert_stored (GSettings  *settings,
               const char *ids)
{
  StoredWait wait = { settings, ids };
  g_auto(GStrv) now = NULL;
  g_autofree char *joined = NULL;

  if (spin_until (stored_is, &wait))
    return;
  now = g_settings_get_strv (settings, "compare-nodes");
  joined = g_strjoinv (",", now);
  g_error ("the comparison holds “%s”, not “%s”", joined, ids);
}

static gboolean
is_menu_label_showing (GtkWidget     *widget,
                       gconstpointer  text)
{
  return is_label_showing (widget, text) &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER_MENU) != NULL;
}

typedef struct {
  CaWindow   *window;
  const char *item;
} MenuWait;

static gboolean
menu_item_shown (gpointer data)
{
  MenuWait *wait = data;

  return find_where (GTK_WIDGET (wait->window), is_menu_label_showing, wait->item) != NULL;
}

/* A right click on @target, then a click on its menu's @item (the details
 * pane has a button of that name too). */
static void
menu_click (CaWindow   *window,
            GtkWidget  *target,
            const char *item)
{
  MenuWait wait = { window, item };

  pointer_at (target, gtk_widget_get_width (target) / 2.0, gtk_widget_get_height (target) / 2.0,
              "click 3");
  if (!spin_until (menu_item_shown, &wait))
    g_error ("a right click showed no “%s”", item);
  click_center (find_where (GTK_WIDGET (window), is_menu_label_showing, item));
}

static void
add_from_menu (CaWindow  *window,
               GtkWidget *target)
{
  menu_click (window, target, "Add to Comparison");
}

/* Whether no widget from @label up to its list is hovered or pressed. */
static gboolean
row_looks_plain (gpointer data)
{
  for (GtkWidget *widget = data; widget != NULL && !GTK_IS_LIST_VIEW (widget);
       widget = gtk_widget_get_parent (widget))
    if (gtk_widget_get_state_flags (widget) & (GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_ACTIVE))
      return FALSE;
  return TRUE;
}

static gboolean
tooltip_shown_in (gpointer data)
{
  return shown_tooltip_label (data) != NULL;
}

static gboolean
no_tooltip_in (gpointer data)
{
  return shown_tooltip_label (data) == NULL;
}

/* A row's tooltip, up when the pointer rests on it, goes when a right
 * click brings up the row's menu, which it would cover. */
static void
test_row_menu_hides_tooltip (void)
{
  CaWindow *window;
  GtkWidget *label;
  MenuWait wait;

  if (!have_x11 ())
    return;
  window = open_window ("chart-compare.xml");
  wait = (MenuWait) { window, "Add to Comparison" };
  label = find_label (GTK_WIDGET (window), "North District", TRUE);
  g_assert_nonnull (label);
  pointer_at (label, 2, 2, "");
  pointer_at (label, gtk_widget_get_width (label) / 2.0, gtk_widget_get_height (label) / 2.0, "");
  if (!spin_until (tooltip_shown_in, window))
    g_error ("no tooltip came up over the row of North District");
  pointer_at (label, gtk_widget_get_width (label) / 2.0, gtk_widget_get_height (label) / 2.0,
              "click 3");
  if (!spin_until (menu_item_shown, &wait))
    g_error ("a right click on the row showed no menu");
  if (!spin_until_for (no_tooltip_in, window, 3))
    g_error ("the row's tooltip stayed over its menu");
  press_keys ("Escape");
  close_window (window);
}

static void
add_from_row_menu (CaWindow   *window,
                   const char *name)
{
  GtkWidget *label = find_label (GTK_WIDGET (window), name, TRUE);

  g_assert_nonnull (label);
  add_from_menu (window, label);
  /* The pointer gone from the row, the row does not look hovered or
   * pressed: with the rows selected, several would look selected. */
  pointer_at (GTK_WIDGET (window), gtk_widget_get_width (GTK_WIDGET (window)) - 10,
              gtk_widget_get_height (GTK_WIDGET (window)) - 10, "");
  if (!spin_until (row_looks_plain, label))
    g_error ("the row of %s still looks hovered or pressed after its menu", name);
}

/* A cell of the Figures page, mapped, of a row of the node @id. */
static gboolean
is_figures_cell_of (GtkWidget     *widget,
                    gconstpointer  id)
{
  const CaNode *node = g_object_get_data (G_OBJECT (widget), "ca-node");

  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) && node != NULL &&
         gtk_widget_get_width (widget) > 40 && g_strcmp0 (ca_node_get_id (node), id) == 0;
}

static gboolean
figures_cell_shown (gpointer data)
{
  return find_where (data, is_figures_cell_of, "south") != NULL;
}

static gboolean
chart_compares_three (gpointer data)
{
  CaComparePage *page = data;
  CaChartView *view = ca_compare_page_get_chart_view (page);
  CaChartLayout *layout = gtk_widget_get_mapped (GTK_WIDGET (view))
                          ? ca_chart_view_get_layout (view) : NULL;

  return layout != NULL && ca_chart_layout_get_n_panels (layout) == 3 &&
         ca_chart_layout_get_n_marks (layout) == 9;
}

/* The citation of @options' chart of @node laid out for @widget. */
static char *
citation_of (GtkWidget            *widget,
             const CaNode         *node,
             const CaChartOptions *options)
{
  g_autoptr(CaChartLayout) layout = ca_chart_layout_new (node, options,
                                                         gtk_widget_get_pango_context (widget));

  return ca_chart_layout_get_citation (layout);
}

/* Ctrl+Shift+C on the Compare page copies the comparison's chart and its
 * citation, not the chart of the node the explorer shows. */
static void
assert_copies_comparison (CaWindow      *window,
                          CaComparePage *page)
{
  const CaNode *nodes[CA_CHART_COMPARE_MAX];
  guint n = ca_compare_page_get_n_nodes (page);
  CaChartOptions compare = {
    .kind = CA_CHART_COMPARE, .width = 1200, .height = 800, .with_title = TRUE,
    .with_sources = TRUE, .language = "en", .compare = nodes, .n_compare = n,
  };
  CaChartOptions counts = compare;
  g_autofree char *expected = NULL, *explorer = NULL;

  for (guint i = 0; i < n; i++)
    nodes[i] = ca_compare_page_get_node (page, i);
  expected = citation_of (GTK_WIDGET (window), nodes[0], &compare);
  counts.kind = CA_CHART_COUNTS;
  explorer = citation_of (GTK_WIDGET (window), ca_window_get_selected_node (window), &counts);
  g_assert_cmpstr (expected, !=, explorer);
  focus_window (GTK_WINDOW (window));
  press_keys ("ctrl+shift+c");
  if (!spin_until (clipboard_text_is, expected))
    g_error ("Ctrl+Shift+C on the Compare page did not copy the comparison's citation “%s”",
             expected);
}

/* The details pane's button of the comparison, with @label. */
static gboolean
is_compare_button (GtkWidget     *widget,
                   gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
details_button_removes (gpointer data)
{
  return find_where (data, is_compare_button, "Remove from _Comparison") != NULL;
}

static gboolean
details_button_adds (gpointer data)
{
  return find_where (data, is_compare_button, "Add to _Comparison") != NULL;
}

/* A window on chart-compare.xml with North District shown, nothing
 * compared yet: its details pane in *@details. */
static CaWindow *
open_on_north (GSettings  *settings,
               GtkWidget **details)
{
  CaWindow *window;

  g_settings_reset (settings, "compare-nodes");
  window = open_window ("chart-compare.xml");
  *details = GTK_WIDGET (ca_window_get_details_pane (window));
  g_assert_true (ca_window_select_node (window, ca_dataset_lookup_node (
      ca_window_get_dataset (window), "north")));
  g_assert_true (spin_until (details_button_adds, *details));
  return window;
}

/* A place in the comparison is offered to be taken out, by its row's menu
 * and the details pane's button, which say so; out, they offer to add it. */
static void
test_compare_remove (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CaWindow *window;
  GtkWidget *details, *button;

  if (!have_x11 ())
    return;
  window = open_on_north (settings, &details);
  add_from_row_menu (window, "North District");
  assert_stored (settings, "north");
  if (!spin_until (details_button_removes, details))
    g_error ("the details pane still offers to add a place in the comparison");
  button = find_where (details, is_compare_button, "Remove from _Comparison");
  /* Named by its text alone, not its underlined label as well. */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  click_center (button);
  assert_stored (settings, "");
  g_assert_true (spin_until (details_button_adds, details));
  button = find_where (details, is_compare_button, "Add to _Comparison");
  /* Named by its text alone, not its underlined label as well. */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  add_from_row_menu (window, "North District");
  add_from_row_menu (window, "East District");
  assert_stored (settings, "north,east");
  menu_click (window, find_label (GTK_WIDGET (window), "North District", TRUE),
              "Remove from Comparison");
  assert_stored (settings, "east");
  close_window (window);
  g_settings_reset (settings, "compare-nodes");
}

typedef struct {
  GtkWidget  *root;
  const char *shown;     /* the one toast to show */
  const char *gone;      /* a toast that must not show with it */
} ToastWait;

static gboolean
toast_alone (gpointer data)
{
  ToastWait *wait = data;

  return find_label (wait->root, wait->shown, FALSE) != NULL &&
         find_label (wait->root, wait->gone, FALSE) == NULL;
}

/* The notices of the comparison say what the set is now: a place added
 * from its row's menu, then taken out at once with the details pane's
 * button, says "removed" without waiting behind "added", which goes. */
static void
test_compare_toasts (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CaWindow *window;
  GtkWidget *details, *toast_button;
  ToastWait wait;

  if (!have_x11 ())
    return;
  window = open_on_north (settings, &details);
  add_from_row_menu (window, "North District");
  assert_stored (settings, "north");
  wait = (ToastWait) { GTK_WIDGET (window), "“North District” added to the comparison",
                       "“North District” removed from the comparison" };
  if (!spin_until (toast_alone, &wait))
    g_error ("no toast said the place was added");
  g_assert_true (spin_until (details_button_removes, details));
  click_center (find_where (details, is_compare_button, "Remove from _Comparison"));
  wait = (ToastWait) { GTK_WIDGET (window), "“North District” removed from the comparison",
                       "“North District” added to the comparison" };
  /* Well before the first one's 4 s are over. */
  if (!spin_until_for (toast_alone, &wait, 2))
    g_error ("the toast of the place removed did not replace the one of it added");
  assert_stored (settings, "");

  /* With the focus left on a toast's button, Alt+3 still brings it into
   * the Compare page. */
  add_from_row_menu (window, "North District");
  toast_button = wait_button (GTK_WIDGET (window), "Show");
  gtk_widget_grab_focus (toast_button);
  g_assert_true (gtk_widget_has_focus (toast_button));
  press_keys ("alt+3");
  g_assert_true (spin_until (view_is_compare, window));
  if (!spin_until (focus_in_shown_page, window))
    g_error ("after Alt+3 from a toast's button the focus is not on the Compare page");
  close_window (window);
  g_settings_reset (settings, "compare-nodes");
}

static gboolean
one_place_left (gpointer data)
{
  return ca_compare_page_get_n_nodes (data) == 1 &&
         find_label (data, "Add a Place to Compare with “East District”", FALSE) != NULL;
}

/* Two places added from their tree rows' menus and one from a Figures
 * row's, the Compare page shown from the view switcher with their chart,
 * two chips' buttons take their places out; the set is in the settings,
 * and a new window shows it. */
static gboolean
focus_on_compare_chart (gpointer data)
{
  GtkWidget *chart = GTK_WIDGET (ca_compare_page_get_chart_view (
      CA_COMPARE_PAGE (ca_window_get_compare_page (data))));

  return gtk_root_get_focus (GTK_ROOT (data)) == chart;
}

static void
test_compare (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CaWindow *window;
  GtkWidget *page, *button;

  if (!have_x11 ())
    return;
  g_settings_reset (settings, "compare-nodes");
  window = open_window ("chart-compare.xml");
  page = ca_window_get_compare_page (window);
  add_from_row_menu (window, "North District");
  assert_stored (settings, "north");
  add_from_row_menu (window, "East District");
  assert_stored (settings, "north,east");
  /* A row of the Figures page has the same menu. */
  ca_window_show_view (window, "figures");
  g_assert_true (spin_until (figures_cell_shown, window));
  add_from_menu (window, find_where (GTK_WIDGET (window), is_figures_cell_of, "south"));
  assert_stored (settings, "north,east,south");
  ca_window_show_view (window, "explorer");
  button = find_label (GTK_WIDGET (ca_window_get_title_widget (window)), "Compare", FALSE);
  g_assert_nonnull (button);
  click_center (button);
  if (!spin_until (chart_compares_three, page))
    g_error ("the switcher's Compare does not show the chart of North, East and South");
  g_assert_cmpstr (ca_window_get_view (window), ==, "compare");
  assert_copies_comparison (window, CA_COMPARE_PAGE (page));
  /* Alt+3 from the tree gives the focus to the chart: an Enter then
   * removes no place (it went to the first place's remove button). */
  press_keys ("alt+1");
  g_assert_true (spin_until (view_is_explorer, window));
  press_keys ("alt+3");
  g_assert_true (spin_until (view_is_compare, window));
  g_assert_true (spin_until (focus_on_compare_chart, window));
  press_keys ("Return");
  wait_short ();
  assert_stored (settings, "north,east,south");
  click_center (ca_compare_page_get_remove_button (CA_COMPARE_PAGE (page), 0));
  assert_stored (settings, "east,south");
  click_center (ca_compare_page_get_remove_button (CA_COMPARE_PAGE (page), 1));
  assert_stored (settings, "east");
  if (!spin_until (one_place_left, page))
    g_error ("with one place left the page does not ask for another");
  close_window (window);

  window = open_window ("chart-compare.xml");
  page = ca_window_get_compare_page (window);
  g_assert_cmpuint (ca_compare_page_get_n_nodes (CA_COMPARE_PAGE (page)), ==, 1);
  g_assert_cmpstr (ca_node_get_id (ca_compare_page_get_node (CA_COMPARE_PAGE (page), 0)), ==,
                   "east");
  close_window (window);
  g_settings_reset (settings, "compare-nodes");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ui_test_start (&argc, &argv, "input");

  g_test_add ("/input/chart/click", Chart, GINT_TO_POINTER (CA_CHART_COUNTS), chart_set_up,
              test_chart_click, chart_tear_down);
  g_test_add ("/input/chart/keyboard", Chart, GINT_TO_POINTER (CA_CHART_TIMELINE),
              chart_set_up, test_chart_keyboard, chart_tear_down);
  /* The Goals view's rows are marks as the bars are: one per goal. */
  g_test_add ("/input/chart/goals-click", Chart, GINT_TO_POINTER (CA_CHART_GOALS),
              chart_set_up, test_chart_click, chart_tear_down);
  g_test_add ("/input/chart/goals-keyboard", Chart, GINT_TO_POINTER (CA_CHART_GOALS),
              chart_set_up, test_chart_keyboard, chart_tear_down);
  g_test_add ("/input/chart/callout", Chart, GINT_TO_POINTER (CA_CHART_GOALS),
              chart_set_up, test_chart_callout, chart_tear_down);
  g_test_add_func ("/input/details/wheel", test_details_wheel);
  g_test_add_func ("/input/details/scope", test_details_scope);
  g_test_add_func ("/input/details/open-browser-fails", test_open_browser_fails);
  g_test_add_func ("/input/details/copy-citation-as", test_copy_citation_as);
  g_test_add_func ("/input/window/tree-keys", test_tree_keys);
  g_test_add_func ("/input/window/tree-tab", test_tree_tab);
  g_test_add_func ("/input/window/folded-click", test_folded_click);
  g_test_add_func ("/input/window/empty", test_empty_window);
  g_test_add_func ("/input/window/problems-copy", test_problems_copy);
  g_test_add_func ("/input/window/tooltip-chinese", test_tooltip_chinese);
  g_test_add_func ("/input/window/toast-above-switcher", test_toast_above_switcher);
  g_test_add_func ("/input/window/compare-toasts", test_compare_toasts);
  g_test_add_func ("/input/window/sidebar-drag", test_sidebar_drag);
  g_test_add_func ("/input/window/tag-chip", test_tag_chip);
  g_test_add_func ("/input/window/figures-page", test_figures_page);
  g_test_add_func ("/input/window/figures-value-in-sight", test_figures_value_in_sight);
  g_test_add_func ("/input/window/narrow-tree", test_narrow_tree);
  g_test_add_func ("/input/window/mouse-history", test_mouse_history);
  g_test_add_func ("/input/window/keys", test_window_keys);
  g_test_add_func ("/input/window/view-keys", test_view_keys);
  g_test_add_func ("/input/window/language-keeps-scroll", test_language_keeps_scroll);
  g_test_add_func ("/input/window/compare", test_compare);
  g_test_add_func ("/input/window/row-menu-tooltip", test_row_menu_hides_tooltip);
  g_test_add_func ("/input/window/compare-remove", test_compare_remove);
  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ui_test_finish ();
  return status;
}
