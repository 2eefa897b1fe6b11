/* test-chart-trend.c: the Trend view's layout, and which view a node
 * shows first, on tests/fixtures/trend.xml
 *
 * Points are placed by day, so distances on the axis are asserted as
 * ratios of days, whatever the plot's width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "chart-test-common.h"
#include "ca-chart-private.h"
#include "ca-node.h"
#include "ca-progress.h"

static const CaDate today = { 2026, 6, 1 };

static CaChartLayout *
trend_of (CaDataset  *dataset,
          const char *id,
          double      width,
          double      height)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  CaChartOptions options = { CA_CHART_TREND, width, height, 2026, TRUE, TRUE, NULL, NULL, today };
  const CaNode *node = ca_dataset_lookup_node (dataset, id);
  CaChartLayout *layout;

  g_assert_nonnull (node);
  layout = ca_chart_layout_new (node, &options, context);
  g_object_unref (context);
  chart_test_check_layout (layout, width, height);
  return layout;
}

static guint32
day_of (int year,
        int month,
        int day)
{
  CaDate date = { (gint16) year, (guint8) month, (guint8) day };

  return ca_progress_date_day (&date);
}

static double
centre_x (const CaChartMark *mark)
{
  return mark->x + mark->width / 2;
}

/* The mark of @type for the figure of @node dated @date (a goal: due). */
static const CaChartMark *
find_mark (CaChartLayout *layout,
           CaMarkType     type,
           const char    *node_id,
           const char    *metric_id,
           const CaDate  *date)
{
  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    {
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);

      if (mark->type == type && g_str_equal (ca_node_get_id (mark->node), node_id) &&
          g_str_equal (mark->figure->metric->id, metric_id) &&
          mark->figure->date.year == date->year && mark->figure->date.month == date->month &&
          mark->figure->date.day == date->day)
        return mark;
    }
  g_error ("no mark for %s %s %d-%d-%d", node_id, metric_id, date->year, date->month, date->day);
}

static guint
count_shapes (CaChartLayout *layout,
              ShapeType      type,
              Ink            ink)
{
  guint n = 0;

  for (guint i = 0; i < layout->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (layout->shapes, Shape, i);

      n += shape->type == type && (ink == (Ink) -1 || shape->ink == ink);
    }
  return n;
}

/* Reports by day, month and year land where their days put them: the
 * reports of 1 and 31 March 2024 are 30 days apart, a year is its 31
 * December and a month its last day. */
static void
test_days (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("trend.xml");
  g_autoptr(CaChartLayout) layout = trend_of (dataset, "city", 1200, 800);
  const CaDate y2022 = { 2022, 0, 0 }, mar1 = { 2024, 3, 1 }, mar31 = { 2024, 3, 31 };
  const CaDate jun = { 2024, 6, 0 };
  double x2022 = centre_x (find_mark (layout, CA_MARK_POINT, "city", "output-value", &y2022));
  double xjun = centre_x (find_mark (layout, CA_MARK_POINT, "city", "output-value", &jun));
  double per_day = (xjun - x2022) / (day_of (2024, 6, 30) - day_of (2022, 12, 31));
  double x1 = centre_x (find_mark (layout, CA_MARK_POINT, "city", "output-value", &mar1));
  double x31 = centre_x (find_mark (layout, CA_MARK_POINT, "city", "output-value", &mar31));

  g_assert_cmpfloat (per_day, >, 0.1);
  g_assert_cmpfloat_with_epsilon ((x31 - x1) / per_day, 30.0, 0.05);
  g_assert_cmpfloat_with_epsilon ((x1 - x2022) / per_day,
                                  day_of (2024, 3, 1) - day_of (2022, 12, 31), 0.05);
  /* Two metrics, two panels; money first.  Every point is a mark. */
  g_assert_cmpuint (ca_chart_layout_get_n_panels (layout), ==, 2);
  g_assert_cmpstr (ca_chart_layout_get_panel_metric (layout, 0)->id, ==, "output-value");
  g_assert_cmpuint (count_shapes (layout, SHAPE_DOT, ca_chart_series_ink (0)) +
                    count_shapes (layout, SHAPE_RING, ca_chart_series_ink (0)), ==, 6);
  /* The qualified ones are open rings: about, at least, more than. */
  g_assert_cmpuint (count_shapes (layout, SHAPE_RING, ca_chart_series_ink (0)), ==, 3);
}

/* The goal is a target at 31 December of its year, its baseline a mark at
 * 31 December of the baseline year, the path between them dashed; a line
 * marks today. */
static void
test_goal_at_its_year (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("trend.xml");
  g_autoptr(CaChartLayout) layout = trend_of (dataset, "city", 1200, 800);
  const CaDate y2022 = { 2022, 0, 0 }, y2030 = { 2030, 0, 0 }, jun = { 2024, 6, 0 };
  double x2022 = centre_x (find_mark (layout, CA_MARK_POINT, "city", "output-value", &y2022));
  double xjun = centre_x (find_mark (layout, CA_MARK_POINT, "city", "output-value", &jun));
  double per_day = (xjun - x2022) / (day_of (2024, 6, 30) - day_of (2022, 12, 31));
  const CaChartMark *goal = find_mark (layout, CA_MARK_GOAL, "city", "output-value", &y2030);
  const CaChartMark *base = find_mark (layout, CA_MARK_BASELINE, "city", "output-value", &y2030);
  gboolean today_drawn = FALSE;

  g_assert_cmpfloat_with_epsilon ((centre_x (goal) - x2022) / per_day,
                                  day_of (2030, 12, 31) - day_of (2022, 12, 31), 0.05);
  g_assert_cmpfloat_with_epsilon ((x2022 - centre_x (base)) / per_day,
                                  day_of (2022, 12, 31) - day_of (2020, 12, 31), 0.05);
  g_assert_nonnull (strstr (goal->tooltip, "by 2030"));
  g_assert_nonnull (strstr (base->tooltip, "Baseline: \u2068CNY 100 billion\u2069 (2020)"));
  g_assert_cmpuint (count_shapes (layout, SHAPE_DASH, ca_chart_series_ink (0)), ==, 1);
  for (guint i = 0; i < layout->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (layout->shapes, Shape, i);

      if (shape->type == SHAPE_DASH && shape->ink == ca_chart_series_ink (0))
        {
          /* From the baseline to the goal: ca-progress's expected line. */
          g_assert_cmpfloat_with_epsilon (shape->x, centre_x (base), 0.01);
          g_assert_cmpfloat_with_epsilon (shape->x + shape->w, centre_x (goal), 0.01);
        }
      if (shape->type == SHAPE_LINE && shape->ink == INK_ACCENT && shape->w == 0 &&
          fabs ((shape->x - x2022) / per_day - (day_of (2026, 6, 1) - day_of (2022, 12, 31)))
          < 0.05)
        today_drawn = TRUE;
    }
  g_assert_true (today_drawn);
}

/* A point's tooltip gives the value with its qualifier, the date and the
 * source; its accessible name reads the same. */
static void
test_point_words (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("trend.xml");
  g_autoptr(CaChartLayout) layout = trend_of (dataset, "city", 1200, 800);
  const CaDate jun = { 2024, 6, 0 };
  const CaChartMark *mark = find_mark (layout, CA_MARK_POINT, "city", "output-value", &jun);
  gboolean drawn = FALSE;

  g_assert_nonnull (strstr (mark->tooltip, "at least"));
  g_assert_nonnull (strstr (mark->tooltip, "June 2024"));
  g_assert_nonnull (strstr (mark->tooltip, "Statistics Bureau"));
  g_assert_nonnull (strstr (mark->accessible_name, "at least"));
  g_assert_nonnull (strstr (mark->accessible_name, "City"));
  g_assert_cmpstr (mark->label, ==, "≥ \u2068CNY 230 bn\u2069");
  for (guint i = 0; i < ca_chart_layout_get_n_labels (layout); i++)
    drawn |= g_strcmp0 (ca_chart_layout_get_label (layout, i, NULL, NULL), mark->label) == 0;
  g_assert_true (drawn);
}

static const char *
node_of (CaChartLayout *layout,
         guint          index)
{
  return ca_node_get_id (ca_chart_layout_get_mark (layout, index)->node);
}

/* A node that reports nothing itself: a line per child that reports, the
 * largest latest value first, each in its own colour, named above. */
static void
test_children_lines (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("trend.xml");
  g_autoptr(CaChartLayout) layout = trend_of (dataset, "district", 1200, 800);
  const char *order[] = { "east", "east", "west", "west", "north" };
  const char *names[] = { "\u2068East Park\u2069", "\u2068West Park\u2069",
                          "\u2068North Park\u2069" };
  double last_x = 0;

  g_assert_cmpuint (ca_chart_layout_get_n_panels (layout), ==, 1);
  /* Five points, then East Park's goal. */
  g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_assert_cmpint (ca_chart_layout_get_mark (layout, i)->type, ==, CA_MARK_POINT);
      g_assert_cmpstr (node_of (layout, i), ==, order[i]);
    }
  g_assert_cmpint (ca_chart_layout_get_mark (layout, 5)->type, ==, CA_MARK_GOAL);
  g_assert_cmpuint (count_shapes (layout, SHAPE_DOT, ca_chart_series_ink (0)), >=, 2);
  g_assert_cmpuint (count_shapes (layout, SHAPE_DOT, ca_chart_series_ink (2)), >=, 1);
  /* The legend of the lines, in their order, left to right. */
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    for (guint i = 0; i < ca_chart_layout_get_n_labels (layout); i++)
      {
        CaChartRect rect;

        if (g_strcmp0 (ca_chart_layout_get_label (layout, i, &rect, NULL), names[n]) != 0)
          continue;
        g_assert_cmpfloat (rect.x, >, last_x);
        last_x = rect.x;
      }
  g_assert_cmpfloat (last_x, >, 0);
}

/* More children than colours: the largest are drawn, the rest counted. */
static void
test_many_children (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_many (20);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  CaChartOptions options = { CA_CHART_TREND, 900, 600, 2026, TRUE, TRUE, NULL, NULL, today };
  g_autoptr(CaChartLayout) layout = ca_chart_layout_new (ca_dataset_lookup_node (dataset, "many"),
                                                         &options, context);
  gboolean noted = FALSE;

  g_object_unref (context);
  chart_test_check_layout (layout, 900, 600);
  g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, CA_CHART_N_CYCLED_SERIES);
  /* Park number 19 reports 20, the largest. */
  g_assert_cmpstr (node_of (layout, 0), ==, "p19");
  g_assert_cmpstr (node_of (layout, CA_CHART_N_CYCLED_SERIES - 1), ==, "p13");
  for (guint i = 0; i < ca_chart_layout_get_n_labels (layout); i++)
    noted |= g_strcmp0 (ca_chart_layout_get_label (layout, i, NULL, NULL),
                        "13 more lines are not drawn") == 0;
  g_assert_true (noted);
}

/* The first view with something to show, unless the chosen one has. */
static void
test_default_view (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("trend.xml");
  const CaNode *city = ca_dataset_lookup_node (dataset, "city");
  const CaNode *district = ca_dataset_lookup_node (dataset, "district");
  const CaNode *quiet = ca_dataset_lookup_node (dataset, "quiet");
  const CaChartKind order[] = { CA_CHART_GOALS, CA_CHART_TREND, CA_CHART_COUNTS,
                                CA_CHART_TIMELINE };

  for (guint i = 0; i < CA_CHART_N_KINDS; i++)
    g_assert_cmpint (ca_chart_kind_nth (i), ==, order[i]);
  /* The city has goals, reports and no program. */
  g_assert_cmpint (ca_chart_kind_for_node (CA_CHART_GOALS, city), ==, CA_CHART_GOALS);
  g_assert_cmpint (ca_chart_kind_for_node (CA_CHART_COUNTS, city), ==, CA_CHART_COUNTS);
  g_assert_cmpint (ca_chart_kind_for_node (CA_CHART_TIMELINE, city), ==, CA_CHART_GOALS);
  /* The district: only its parks' reports, and East Park's goal. */
  g_assert_cmpint (ca_chart_kind_for_node (CA_CHART_TIMELINE, district), ==, CA_CHART_GOALS);
  g_assert_true (ca_chart_kind_has_content (CA_CHART_TREND, district));
  g_assert_false (ca_chart_kind_has_content (CA_CHART_TIMELINE, district));
  /* West Park has reports and no goal: the trend comes first. */
  g_assert_cmpint (ca_chart_kind_for_node (CA_CHART_GOALS,
                                           ca_dataset_lookup_node (dataset, "west")),
                   ==, CA_CHART_TREND);
  /* Nothing anywhere: the choice stays, to show its empty message. */
  for (guint i = 0; i < CA_CHART_N_KINDS; i++)
    g_assert_cmpint (ca_chart_kind_for_node (order[i], quiet), ==, order[i]);
}

/* "top" reports nothing and has no program: its trend is its children's
 * own reports, the city's; the district's parks are a level too deep. */
static void
test_one_level_down (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("trend.xml");
  g_autoptr(CaChartLayout) layout = trend_of (dataset, "top", 900, 600);

  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    g_assert_cmpstr (node_of (layout, i), ==, "city");
  g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();
  ca_i18n_set_language ("en");

  g_test_add_func ("/chart/trend/days", test_days);
  g_test_add_func ("/chart/trend/goal-at-its-year", test_goal_at_its_year);
  g_test_add_func ("/chart/trend/point-words", test_point_words);
  g_test_add_func ("/chart/trend/children-lines", test_children_lines);
  g_test_add_func ("/chart/trend/many-children", test_many_children);
  g_test_add_func ("/chart/trend/one-level-down", test_one_level_down);
  g_test_add_func ("/chart/trend/default-view", test_default_view);
  return g_test_run ();
}
