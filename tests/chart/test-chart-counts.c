/* test-chart-counts.c: the Counts view's panels line up and its colours mean something
 *
 * Every panel's axis starts at the same distance from the panel's left
 * edge (one column of names for all); a place has one colour in every
 * panel, named in the legend, or every bar has one colour when that would
 * say nothing; an axis writes its ticks in one style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chart-test-common.h"
#include "ca-chart.h"
#include "ca-chart-private.h"
#include "ca-node.h"

/* Where each panel's axis starts, from its left edge: every bar of a panel
 * starts on its axis. */
static void
check_aligned (CaChartLayout *layout)
{
  double offset = -1;
  guint n_panels = 0;

  for (guint p = 0; p < ca_chart_layout_get_n_panels (layout); p++)
    {
      CaChartRect area;
      double axis_x = -1;

      ca_chart_layout_get_panel_area (layout, p, &area);
      for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
        {
          const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);

          if (ca_chart_layout_get_mark_panel (layout, i) != (int) p)
            continue;
          if (axis_x < 0)
            axis_x = mark->x;
          g_assert_cmpfloat_with_epsilon (mark->x, axis_x, 0.01);
        }
      g_assert_cmpfloat (axis_x, >, area.x);
      if (offset < 0)
        offset = axis_x - area.x;
      g_assert_cmpfloat_with_epsilon (axis_x - area.x, offset, 0.01);
      n_panels++;
    }
  g_assert_cmpuint (n_panels, >=, 2);
}

static void
test_aligned (void)
{
  g_autoptr(CaDataset) fixture = chart_test_load_fixture ("chart-counts.xml");
  g_autoptr(CaDataset) bundled = chart_test_load_bundled ();
  const double sizes[][2] = { { 1200, 800 }, { 700, 700 }, { 900, 500 }, { 600, 1200 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(CaChartLayout) r =
        chart_test_layout_of (fixture, "r", CA_CHART_COUNTS, sizes[s][0], sizes[s][1]);
      g_autoptr(CaChartLayout) sh =
        chart_test_layout_of (bundled, "sh", CA_CHART_COUNTS, sizes[s][0], sizes[s][1]);
      g_autoptr(CaChartLayout) baoshan =
        chart_test_layout_of (bundled, "baoshan", CA_CHART_COUNTS, sizes[s][0], sizes[s][1]);

      check_aligned (r);
      check_aligned (sh);
      check_aligned (baoshan);
    }
}

static gboolean
has_label (CaChartLayout *layout,
           const char    *text)
{
  for (guint i = 0; i < ca_chart_layout_get_n_labels (layout); i++)
    if (g_str_equal (ca_chart_layout_get_label (layout, i, NULL, NULL), text))
      return TRUE;
  return FALSE;
}

/* The colour drawn at the centre of the bar of @id in panel @panel (-1: its first bar). */
static guint32
bar_colour (CaChartLayout   *layout,
            cairo_surface_t *surface,
            const char      *id,
            int              panel)
{
  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    {
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);
      const guint8 *data = cairo_image_surface_get_data (surface);
      int stride = cairo_image_surface_get_stride (surface);
      int x = (int) (mark->x + mark->width / 2), y = (int) (mark->y + mark->height / 2);

      if (mark->node == NULL || !g_str_equal (ca_node_get_id (mark->node), id)
          || (panel >= 0 && ca_chart_layout_get_mark_panel (layout, i) != panel))
        continue;
      return ((const guint32 *) (data + y * stride))[x] & 0xffffff;
    }
  g_assert_not_reached ();
}

static int
panel_of (CaChartLayout *layout,
          const char    *metric)
{
  for (guint p = 0; p < ca_chart_layout_get_n_panels (layout); p++)
    if (g_str_equal (ca_chart_layout_get_panel_metric (layout, p)->id, metric))
      return (int) p;
  g_assert_not_reached ();
}

static void
test_colour_per_place (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-counts.xml");
  g_autoptr(CaChartLayout) layout = chart_test_layout_of (dataset, "r", CA_CHART_COUNTS, 700, 700);
  cairo_surface_t *surface = chart_test_draw (layout, 700, 700);
  int projects = panel_of (layout, "projects"), firms = panel_of (layout, "firms");
  int area = panel_of (layout, "area");

  /* B park reports in three panels: one colour in all three... */
  g_assert_cmpuint (bar_colour (layout, surface, "b", projects), ==,
                    bar_colour (layout, surface, "b", firms));
  g_assert_cmpuint (bar_colour (layout, surface, "b", projects), ==,
                    bar_colour (layout, surface, "b", area));
  g_assert_cmpuint (bar_colour (layout, surface, "a", projects), ==,
                    bar_colour (layout, surface, "a", area));
  /* ... apart from the other places' */
  g_assert_cmpuint (bar_colour (layout, surface, "a", projects), !=,
                    bar_colour (layout, surface, "b", projects));
  g_assert_cmpuint (bar_colour (layout, surface, "c", firms), !=,
                    bar_colour (layout, surface, "b", firms));
  g_assert_cmpuint (bar_colour (layout, surface, "own", firms), !=,
                    bar_colour (layout, surface, "c", firms));
  /* ... and the legend names each place. */
  g_assert_true (has_label (layout, "\u2068B park\u2069"));
  g_assert_true (has_label (layout, "\u2068C\u2069"));
  g_assert_true (has_label (layout,
                            "\u2068A park with a long name that takes room in the column\u2069"));
  cairo_surface_destroy (surface);
}

/* A park's own counts are one series in every panel: one colour, no legend. */
static void
test_one_colour (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-counts.xml");
  g_autoptr(CaChartLayout) layout =
    chart_test_layout_of (dataset, "own", CA_CHART_COUNTS, 700, 500);
  cairo_surface_t *surface = chart_test_draw (layout, 700, 500);
  guint32 colour = bar_colour (layout, surface, "own", panel_of (layout, "projects"));

  g_assert_cmpuint (bar_colour (layout, surface, "own", panel_of (layout, "firms")), ==, colour);
  g_assert_false (has_label (layout, "\u2068Own counts park\u2069"));
  cairo_surface_destroy (surface);
}

/* An axis up to 1.5 million writes "0.5 m", never "500,000" beside "1 m". */
static void
test_axis_style (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-counts.xml");
  g_autoptr(CaChartLayout) layout = chart_test_layout_of (dataset, "r", CA_CHART_COUNTS, 700, 700);
  int area = panel_of (layout, "area");
  guint ticks = 0;

  for (guint i = 0; i < ca_chart_layout_get_n_labels (layout); i++)
    {
      int panel;
      const char *label = ca_chart_layout_get_label (layout, i, NULL, &panel);

      if (panel != area || strstr (label, "square metres") != NULL || strstr (label, "park"))
        continue;
      g_test_message ("tick %s", label);
      g_assert_true (g_str_equal (label, "0") || g_str_has_suffix (label, " m"));
      ticks++;
    }
  g_assert_cmpuint (ticks, >=, 3);
  g_assert_true (has_label (layout, "0.5 m"));
}

/* Every place in the legend keeps its name: a long one is shortened, not
 * left out with its swatch standing alone (Baoshan at 420 px, whose
 * "Investment first, shares afterwards" programme has a long name). */
static void
test_legend_names_kept (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  const CaNode *baoshan = ca_dataset_lookup_node (dataset, "baoshan");

  for (double width = 360; width <= 1200; width += 60)
    {
      g_autoptr(CaChartLayout) layout = chart_test_layout (baoshan, CA_CHART_COUNTS, width, 800);
      guint legend_texts = 0;

      for (guint i = 0; i < layout->texts->len; i++)
        {
          const Text *text = &g_array_index (layout->texts, Text, i);

          /* The title comes first; the legend's names lie between it and
           * the body. */
          legend_texts += i > 0 && text->panel < 0 && text->y < layout->body.y;
        }
      g_test_message ("%g px: %u legend names", width, legend_texts);
      g_assert_cmpuint (legend_texts, ==, layout->n_series);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/counts/aligned", test_aligned);
  g_test_add_func ("/chart/counts/colour-per-place", test_colour_per_place);
  g_test_add_func ("/chart/counts/one-colour", test_one_colour);
  g_test_add_func ("/chart/counts/axis-style", test_axis_style);
  g_test_add_func ("/chart/counts/legend-names-kept", test_legend_names_kept);
  return g_test_run ();
}
