#include "config.h"

#include <locale.h>
#include <gtk/gtk.h>

#include "chart-test-common.h"
#include "ca-chart-view.h"
#include "ca-i18n.h"
#include "ca-node.h"

/* The chart widget under Xvfb: its tooltips, kind, empty state, and the
 * style and font it takes from the window.  Clicks and keys are sent as
 * real input in tests/ui/test-input.c. */

typedef struct {
  GtkWidget *window;
  GtkWidget *view;
  CaDataset *dataset;
} Fixture;

static void
wait_for_layout (Fixture *f)
{
  for (guint i = 0; i < 500 && gtk_widget_get_height (f->view) <= 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_height (f->view), >=, 300);
  /* One more frame so that the first snapshot has run. */
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dataset = chart_test_load_fixture ("chart-basic.xml");
  f->window = gtk_window_new ();
  f->view = ca_chart_view_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 500);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  ca_chart_view_set_node (CA_CHART_VIEW (f->view), f->dataset,
                          ca_dataset_lookup_node (f->dataset, "r"));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_layout (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->dataset);
}

static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  CaChartLayout *layout = ca_chart_view_get_layout (CA_CHART_VIEW (f->view));
  const CaChartMark *mark = ca_chart_layout_get_mark (layout, 0);
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  /* What GTK asks when the pointer rests over the mark's centre. */
  g_signal_emit_by_name (f->view, "query-tooltip", (int) (mark->x + mark->width / 2),
                         (int) (mark->y + mark->height / 2), FALSE, tooltip, &shown);
  g_assert_true (shown);
  shown = TRUE;
  g_signal_emit_by_name (f->view, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_false (shown);
  g_object_unref (tooltip);
}

static void
count_cb (guint *n)
{
  (*n)++;
}

static void
test_kind_property (Fixture       *f,
                    gconstpointer  data)
{
  guint notified = 0;
  int kind = -1;

  g_signal_connect_swapped (f->view, "notify::kind", G_CALLBACK (count_cb), &notified);
  g_object_set (f->view, "kind", CA_CHART_TIMELINE, NULL);
  g_object_set (f->view, "kind", CA_CHART_TIMELINE, NULL);
  g_object_get (f->view, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, CA_CHART_TIMELINE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (ca_chart_layout_get_title (ca_chart_view_get_layout (CA_CHART_VIEW (f->view))),
                   ==, "Testville — Timeline");
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CaDataset) edge = chart_test_load_fixture ("chart-edge.xml");
  CaChartLayout *layout;

  ca_chart_view_set_node (CA_CHART_VIEW (f->view), edge, ca_dataset_lookup_node (edge, "none"));
  layout = ca_chart_view_get_layout (CA_CHART_VIEW (f->view));
  g_assert_cmpstr (ca_chart_layout_get_empty_message (layout), ==,
                   "No goals are recorded for Baoshan");
  g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 0);
  ca_chart_view_set_node (CA_CHART_VIEW (f->view), NULL, NULL);
  g_assert_null (ca_chart_view_get_node (CA_CHART_VIEW (f->view)));
  g_assert_null (ca_chart_view_get_layout (CA_CHART_VIEW (f->view)));
}

/* The chart as drawn now: the widget rendered by the window's renderer. */
static GdkTexture *
render_view (Fixture *f)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (f->view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (f->view), height = gtk_widget_get_height (f->view);
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  graphene_rect_init (&bounds, 0, 0, width, height);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)),
                                      node, &bounds);
}

/* Pixels drawn in opaque magenta, a colour neither theme nor the series use. */
static guint
count_magenta (Fixture *f)
{
  g_autoptr(GdkTexture) texture = render_view (f);
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  guint n = 0;

  gdk_texture_download (texture, data, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        /* Cairo's ARGB32 in memory: B, G, R, A. */
        const guchar *p = data + y * stride + x * 4;

        n += p[3] >= 245 && p[2] >= 245 && p[1] <= 10 && p[0] >= 245;
      }
  return n;
}

typedef struct {
  Fixture  *f;
  gboolean  want;
} MagentaWait;

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (Fixture *f,
                               double   arg);

/* Iterates until @done (@f, @arg) holds, 20 s at most: a frame comes soon,
 * even in a sanitizer build. */
static gboolean
wait_until (Fixture   *f,
            Condition  done,
            double     arg)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);
  gboolean ok;

  while (!(ok = done (f, arg)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return ok;
}

/* Whether the chart is drawn with magenta (@want 1) or without (0). */
static gboolean
magenta_is (Fixture *f,
            double   want)
{
  return (count_magenta (f) > 20) == (want != 0);
}

static gboolean
wait_magenta (Fixture  *f,
              gboolean  want)
{
  return wait_until (f, magenta_is, want);
}

/* The chart takes its colours from the style, and follows the style when it
 * changes: a provider that makes its text magenta, then none again. */
static void
test_style_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gtk_widget_get_display (f->view);

  g_assert_cmpuint (count_magenta (f), ==, 0);
  gtk_css_provider_load_from_data (provider, "chart { color: rgb(255, 0, 255); }", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  if (!wait_magenta (f, TRUE))
    g_error ("the chart did not take the new text colour: %u magenta pixels",
             count_magenta (f));
  gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (provider));
  if (!wait_magenta (f, FALSE))
    g_error ("the chart kept the old text colour: %u magenta pixels", count_magenta (f));
}

/* The chart writes in the widget's font: a bigger font from the style gives
 * a new layout, whose title is taller so its first panel starts lower, and
 * the old one comes back after. */
static double
panel_top (Fixture *f)
{
  CaChartLayout *layout = ca_chart_view_get_layout (CA_CHART_VIEW (f->view));
  CaChartRect area;

  g_assert_nonnull (layout);
  g_assert_cmpuint (ca_chart_layout_get_n_panels (layout), >, 0);
  ca_chart_layout_get_panel_area (layout, 0, &area);
  return area.y;
}

static gboolean
panel_top_below (Fixture *f,
                 double   y)
{
  return panel_top (f) > y;
}

static gboolean
panel_top_at (Fixture *f,
              double   y)
{
  return panel_top (f) == y;
}

static void
test_font_changed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gtk_widget_get_display (f->view);
  double before = panel_top (f);

  gtk_css_provider_load_from_data (provider, "chart { font-size: 40px; }", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  g_assert_true (wait_until (f, panel_top_below, before + 10));
  gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (provider));
  g_assert_true (wait_until (f, panel_top_at, before));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  ca_i18n_init ();
  ca_i18n_set_language ("en");

  g_test_add ("/chart/view/hover", Fixture, NULL, fixture_set_up, test_hover,
              fixture_tear_down);
  g_test_add ("/chart/view/kind-property", Fixture, NULL, fixture_set_up, test_kind_property,
              fixture_tear_down);
  g_test_add ("/chart/view/empty", Fixture, NULL, fixture_set_up, test_empty,
              fixture_tear_down);
  g_test_add ("/chart/view/style-changed", Fixture, NULL, fixture_set_up, test_style_changed,
              fixture_tear_down);
  g_test_add ("/chart/view/font-changed", Fixture, NULL, fixture_set_up, test_font_changed,
              fixture_tear_down);
  return g_test_run ();
}
