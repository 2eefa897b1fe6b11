/* test-chart-timeline.c: what the Timeline view says about its programs
 *
 * An open end is drawn to the current year's line and fades out after it,
 * unlike a program that ends this year; programs without dates are named
 * under the chart, and only a node with no program says it has none; every
 * row keeps its name at every size; the years are written above and below
 * the rows; the footer cites the figures of every program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "chart-test-common.h"
#include "ca-chart.h"
#include "ca-node.h"

/* The program bar of node @id. */
static const CaChartMark *
program_mark (CaChartLayout *layout,
              const char    *id)
{
  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    {
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);

      if (mark->type == CA_MARK_PROGRAM && g_str_equal (ca_node_get_id (mark->node), id))
        return mark;
    }
  g_assert_not_reached ();
}

/* The first label that starts with @prefix, or NULL. */
static const char *
find_label (CaChartLayout *layout,
            const char    *prefix,
            CaChartRect   *rect)
{
  for (guint i = 0; i < ca_chart_layout_get_n_labels (layout); i++)
    {
      const char *label = ca_chart_layout_get_label (layout, i, rect, NULL);

      if (g_str_has_prefix (label, prefix))
        return label;
    }
  return NULL;
}

static guint
count_labels (CaChartLayout *layout,
              const char    *text)
{
  guint n = 0;

  for (guint i = 0; i < ca_chart_layout_get_n_labels (layout); i++)
    n += g_str_equal (ca_chart_layout_get_label (layout, i, NULL, NULL), text);
  return n;
}

/* How light the drawn chart is at (x, y), 0 black to 1 white. */
static double
lightness_at (cairo_surface_t *surface,
              double           x,
              double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  const guint32 *pixel = (const guint32 *) (data + (int) y * cairo_image_surface_get_stride (
                                                       surface)) + (int) x;
  guint32 p = *pixel;

  return (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / (3 * 255.0);
}

static void
test_open_end (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-timeline.xml");
  g_autoptr(CaChartLayout) layout =
    chart_test_layout_of (dataset, "r", CA_CHART_TIMELINE, 900, 500);
  const CaChartMark *open = program_mark (layout, "open");
  const CaChartMark *ends = program_mark (layout, "ends-now");
  cairo_surface_t *surface = chart_test_draw (layout, 900, 500);
  CaChartRect now;
  double now_x, open_y = open->y + open->height / 2, ends_y = ends->y + ends->height / 2;

  g_assert_nonnull (find_label (layout, "Now (2026)", &now));
  now_x = now.x + now.width / 2;
  /* Both bars start in 2024 and reach past the current year's line. */
  g_assert_cmpfloat_with_epsilon (open->x, ends->x, 0.01);
  g_assert_cmpfloat (open->x + open->width, >, now_x + 10);
  g_assert_cmpfloat (ends->x + ends->width, >, now_x + 10);
  /* Solid to the line; then the open one fades out, the other does not. */
  g_assert_cmpfloat (lightness_at (surface, now_x - 4, open_y), <, 0.6);
  g_assert_cmpfloat (lightness_at (surface, open->x + open->width - 2, open_y), >, 0.85);
  g_assert_cmpfloat (lightness_at (surface, ends->x + ends->width - 2, ends_y), <, 0.6);
  /* The legend says what the fade means; its tooltip says "from 2024". */
  g_assert_nonnull (find_label (layout, "No end date: drawn to now", NULL));
  g_assert_nonnull (strstr (open->tooltip, "from 2024"));
  cairo_surface_destroy (surface);
}

static void
test_no_open_end_no_legend (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  g_autoptr(CaChartLayout) layout =
    chart_test_layout_of (dataset, "r", CA_CHART_TIMELINE, 900, 500);

  g_assert_null (find_label (layout, "No end date", NULL));
}

static void
test_undated (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-timeline.xml");
  g_autoptr(CaChartLayout) region =
    chart_test_layout_of (dataset, "r", CA_CHART_TIMELINE, 900, 600);
  g_autoptr(CaChartLayout) park =
    chart_test_layout_of (dataset, "park", CA_CHART_TIMELINE, 900, 600);
  g_autoptr(CaChartLayout) program =
    chart_test_layout_of (dataset, "undated", CA_CHART_TIMELINE, 900, 600);
  g_autoptr(CaChartLayout) none =
    chart_test_layout_of (dataset, "none", CA_CHART_TIMELINE, 900, 600);
  const char *note;
  CaChartRect rect, axis;
  guint rows = 0;

  /* Under the rows, the five undated programs of the region by name; the
   * one with a goal still has its row for the goal, with no bar. */
  note = find_label (region, "5 programs have no dates: ", &rect);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "Undated program with a goal"));
  g_assert_nonnull (strstr (note, "\u2068Undated program\u2069"));
  g_assert_nonnull (strstr (note, "\u2068Third undated\u2069"));
  g_assert_null (ca_chart_layout_get_empty_message (region));
  for (guint i = 0; i < ca_chart_layout_get_n_marks (region); i++)
    rows += ca_chart_layout_get_mark (region, i)->type == CA_MARK_PROGRAM;
  g_assert_cmpuint (rows, ==, 3);
  g_assert_cmpuint (count_labels (region, "\u2068Undated program with a goal\u2069"), ==, 1);
  /* ... under the bottom axis's years, not over them. */
  g_assert_nonnull (find_label (region, "2020", &axis));
  g_assert_cmpuint (count_labels (region, "2020"), ==, 2);
  g_assert_cmpfloat (rect.y, >, axis.y);

  /* A park of three undated programs, or one such program, says so. */
  g_assert_cmpstr (ca_chart_layout_get_empty_message (park), ==,
                   "3 programs have no dates: First undated, Second undated, Third undated");
  g_assert_cmpstr (ca_chart_layout_get_empty_message (program), ==,
                   "1 program has no dates: Undated program");
  g_assert_null (find_label (park, "No programs", NULL));
  /* Only a node with no program at all has none. */
  g_assert_cmpstr (ca_chart_layout_get_empty_message (none), ==,
                   "No programs are recorded for Nowhere District");
}

/* The sources of the goals drawn and of every program's figures. */
static void
test_sources (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-timeline.xml");
  g_autoptr(CaChartLayout) layout =
    chart_test_layout_of (dataset, "r", CA_CHART_TIMELINE, 900, 600);
  GPtrArray *sources = ca_chart_layout_get_sources (layout);
  g_autoptr(GString) publishers = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    g_string_append_printf (publishers, "%s;",
                            ((const CaSource *) g_ptr_array_index (sources, i))->publisher);
  g_assert_cmpstr (publishers->str, ==, "Goal Publisher;Count Publisher;Undated Publisher;");
  g_assert_nonnull (find_label (layout, "Sources: ", NULL));
}

static CaChartLayout *
layout_in_font (const CaNode *node,
                double        width,
                double        height,
                const char   *font)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *description = pango_font_description_from_string (font);
  CaChartOptions options = { CA_CHART_TIMELINE, width, height, 2026, TRUE, TRUE, description };
  CaChartLayout *layout = ca_chart_layout_new (node, &options, context);

  pango_font_description_free (description);
  g_object_unref (context);
  return layout;
}

/* Every row drawn has its name: each program's bar and goal has a label
 * that is the program's name (shortened by an ellipsis where it must). */
static void
check_names (CaChartLayout *layout)
{
  guint n = 0;

  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    {
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);
      g_autofree char *name = g_strdup_printf ("\u2068%s\u2069",
                                               ca_node_get_name (mark->node, "en"));

      if (count_labels (layout, name) != 1)
        g_error ("the row of %s has %u labels", name, count_labels (layout, name));
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_names_kept (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  const char *ids[] = { "baoshan", "sh", "fengxian" };
  const char *fonts[] = { NULL, "Sans 11", "Sans 14" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
      /* From a height where a row fits under the title, legend, note
       * and footer in the font. */
      for (double height = f < 2 ? 300 : 450; height <= 1000; height += 50)
        {
          const CaNode *node = ca_dataset_lookup_node (dataset, ids[i]);
          g_autoptr(CaChartLayout) layout = fonts[f] != NULL
            ? layout_in_font (node, 600, height, fonts[f])
            : chart_test_layout (node, CA_CHART_TIMELINE, 600, height);

          g_test_message ("%s at 600 × %g in %s", ids[i], height, fonts[f]);
          check_names (layout);
          chart_test_check_layout (layout, 600, height);
        }
}

/* The five goals Shanghai's future-industries plan sets for 2030 share
 * one diamond, which says there are five and gives every one of them
 * (the issue: hovering showed only "about 15 pilot areas"). */
static void
test_goals_same_year (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  const CaNode *plan = ca_dataset_lookup_node (dataset, "sh-future-industries");
  g_autoptr(CaChartLayout) layout = chart_test_layout (plan, CA_CHART_TIMELINE, 1200, 800);
  const char *values[] = { "500 billion", "institute", "colleges", "innovation centres",
                           "pilot areas" };
  const CaChartMark *marker = NULL;

  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    if (ca_chart_layout_get_mark (layout, i)->type == CA_MARK_GOAL
        && ca_chart_layout_get_mark (layout, i)->node == plan)
      {
        g_assert_null (marker);
        marker = ca_chart_layout_get_mark (layout, i);
      }
  g_assert_nonnull (marker);
  g_assert_cmpstr (marker->label, ==, "5 goals");
  for (guint v = 0; v < G_N_ELEMENTS (values); v++)
    {
      g_test_message ("%s", values[v]);
      g_assert_nonnull (strstr (marker->tooltip, values[v]));
      g_assert_nonnull (strstr (marker->accessible_name, values[v]));
    }
  chart_test_check_layout (layout, 1200, 800);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/timeline/open-end", test_open_end);
  g_test_add_func ("/chart/timeline/no-open-end-no-legend", test_no_open_end_no_legend);
  g_test_add_func ("/chart/timeline/undated", test_undated);
  g_test_add_func ("/chart/timeline/sources", test_sources);
  g_test_add_func ("/chart/timeline/names-kept", test_names_kept);
  g_test_add_func ("/chart/timeline/goals-same-year", test_goals_same_year);
  return g_test_run ();
}
