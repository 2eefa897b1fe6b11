/* test-chart-goals.c: the Goals view, one row per goal
 *
 * Without pixels: every goal has a mark of its own that no other mark
 * overlaps, the rows carry their labels, statuses and values from
 * ca-progress, and a chart too short for its rows counts the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "chart-test-common.h"
#include "ca-chart-private.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-progress.h"

/* The day the tests are run as of, as test-progress.c's. */
static const CaDate today = { 2026, 3, 31 };

static CaChartLayout *
layout_at (const CaNode *node,
           double        width,
           double        height)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  CaChartOptions options = { CA_CHART_GOALS, width, height, 2026, TRUE, TRUE };
  CaChartLayout *layout;

  options.today = today;
  layout = ca_chart_layout_new (node, &options, context);
  g_object_unref (context);
  return layout;
}

static guint
count_goals (const CaNode *root)
{
  guint n = 0;

  for (const CaNode *node = ca_node_next_in_subtree (root, NULL); node != NULL;
       node = ca_node_next_in_subtree (root, node))
    for (guint i = 0; i < ca_node_get_n_figures (node); i++)
      n += ca_node_get_figure (node, i)->type == CA_FIGURE_GOAL;
  return n;
}

static gboolean
rects_overlap (const CaChartMark *a,
               const CaChartMark *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Each mark is a different goal of the subtree, its row apart from every
 * other, and the mark found at its centre. */
static void
assert_own_marks (CaChartLayout *layout)
{
  guint n = ca_chart_layout_get_n_marks (layout);

  for (guint i = 0; i < n; i++)
    {
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);

      g_assert_cmpint (mark->type, ==, CA_MARK_GOAL);
      g_assert_nonnull (mark->figure);
      g_assert_cmpint (mark->figure->type, ==, CA_FIGURE_GOAL);
      g_assert_nonnull (mark->node);
      g_assert_cmpfloat (mark->width, >, 100);
      g_assert_cmpint (ca_chart_layout_hit_test (layout, mark->x + mark->width / 2,
                                                 mark->y + mark->height / 2), ==, (int) i);
      for (guint j = 0; j < i; j++)
        {
          const CaChartMark *other = ca_chart_layout_get_mark (layout, j);

          g_assert_false (other->figure == mark->figure);
          if (rects_overlap (mark, other))
            g_error ("the marks of goals %u and %u overlap", j, i);
        }
    }
}

/* The texts drawn in mark @index's row, one after the other. */
static GPtrArray *
row_texts (CaChartLayout *layout,
           guint          index)
{
  int panel = ca_chart_layout_get_mark_panel (layout, index);
  GPtrArray *texts = g_ptr_array_new ();

  g_assert_cmpint (panel, >=, 0);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const Text *text = &g_array_index (layout->texts, Text, i);

      if (text->panel == panel)
        g_ptr_array_add (texts, (gpointer) text);
    }
  return texts;
}

/* The text of mark @index's row that is @string, drawn whole; NULL when
 * there is none. */
static const Text *
row_text (CaChartLayout *layout,
          guint          index,
          const char    *string)
{
  g_autoptr(GPtrArray) texts = row_texts (layout, index);

  for (guint i = 0; i < texts->len; i++)
    {
      const Text *text = g_ptr_array_index (texts, i);

      if (g_str_equal (text->text, string))
        {
          if (pango_layout_is_ellipsized (text->layout))
            g_error ("“%s” is cut, %g wide", string, text->w);
          return text;
        }
    }
  return NULL;
}

static void
assert_row_has (CaChartLayout *layout,
                guint          index,
                const char    *string)
{
  if (row_text (layout, index, string) == NULL)
    g_error ("row %u does not draw “%s” whole", index, string);
}

static void
test_every_goal_marked (void)
{
  g_autoptr(CaDataset) progress = chart_test_load_fixture ("progress.xml");
  g_autoptr(CaDataset) basic = chart_test_load_fixture ("chart-basic.xml");
  const CaNode *nodes[] = { ca_dataset_lookup_node (progress, "cases"),
                            ca_dataset_lookup_node (basic, "r") };

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      g_autoptr(CaChartLayout) small = layout_at (nodes[i], 900, 400);
      double height = ca_chart_layout_get_content_height (small);
      g_autoptr(CaChartLayout) layout = layout_at (nodes[i], 900, height);

      /* At the height it asks for, every goal is drawn, each its own mark. */
      g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, count_goals (nodes[i]));
      assert_own_marks (layout);
      assert_own_marks (small);
      chart_test_check_layout (layout, 900, height);
      chart_test_check_layout (small, 900, 400);
    }
}

/* Due years ascending, then the order of the tree. */
static void
test_sorted (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  g_autoptr(CaChartLayout) layout = layout_at (ca_dataset_lookup_node (dataset, "r"), 900, 600);
  const CaChartMark *marks[3];

  g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 3);
  for (guint i = 0; i < 3; i++)
    marks[i] = ca_chart_layout_get_mark (layout, i);
  g_assert_cmpint (marks[0]->figure->date.year, ==, 2025);
  g_assert_true (marks[0]->node == ca_dataset_lookup_node (dataset, "plan"));
  g_assert_cmpint (marks[1]->figure->date.year, ==, 2025);
  g_assert_true (marks[1]->node == ca_dataset_lookup_node (dataset, "plan-sub"));
  g_assert_cmpint (marks[2]->figure->date.year, ==, 2030);
  for (guint i = 1; i < 3; i++)
    g_assert_cmpfloat (marks[i]->y, >, marks[i - 1]->y);
}

/* The five 2030 goals of Shanghai's future-industries plan, the CNY 500
 * billion one among them: each a row with the plan's name, its metric and
 * its value, all drawn whole, at the export's size and at a small one. */
static void
test_future_industries (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  const CaNode *plan = ca_dataset_lookup_node (dataset, "sh-future-industries");
  const double sizes[][2] = { { 1200, 800 }, { 640, 400 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(CaChartLayout) layout = layout_at (plan, sizes[s][0], sizes[s][1]);
      gboolean money = FALSE;

      g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 5);
      assert_own_marks (layout);
      for (guint i = 0; i < 5; i++)
        {
          const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);
          g_autofree char *metric = ca_chart_isolate (ca_text_lookup (&mark->figure->metric->names,
                                                                       "en"));

          g_assert_true (mark->node == plan);
          g_assert_cmpint (mark->figure->date.year, ==, 2030);
          g_assert_true (g_str_has_suffix (mark->label, " by 2030"));
          assert_row_has (layout, i, mark->label);
          assert_row_has (layout, i, metric);
          g_assert_nonnull (strstr (mark->accessible_name, "2030"));
          g_assert_nonnull (strstr (mark->tooltip, "no report"));
          if (mark->figure->value == 5e11)
            {
              g_assert_nonnull (strstr (mark->label, "≈ CNY 500 bn"));
              g_assert_nonnull (strstr (mark->tooltip, "Output value"));
              money = TRUE;
            }
        }
      g_assert_true (money);
      chart_test_check_layout (layout, sizes[s][0], sizes[s][1]);
    }
}

/* "N more goals" under rows that do not fit, N the goals not drawn. */
static void
assert_more_goals (CaChartLayout *layout,
                   guint          n_goals,
                   double         height)
{
  guint shown = ca_chart_layout_get_n_marks (layout);
  const CaChartMark *last = ca_chart_layout_get_mark (layout, shown - 1);
  g_autofree char *number = ca_format_number (n_goals - shown);
  g_autofree char *note = g_strdup_printf ("%s more goals", number);
  gboolean found = FALSE;

  g_assert_cmpuint (shown, >, 3);
  g_assert_cmpuint (shown, <, n_goals);
  for (guint i = 0; i < ca_chart_layout_get_n_labels (layout); i++)
    {
      CaChartRect rect;
      const char *text = ca_chart_layout_get_label (layout, i, &rect, NULL);

      if (g_str_equal (text, note))
        {
          g_assert_cmpfloat (rect.y, >=, last->y + last->height);
          g_assert_cmpfloat (rect.y + rect.height, <=, height);
          found = TRUE;
        }
      g_assert_null (strstr (text, "other"));
    }
  if (!found)
    g_error ("no “%s” under the rows", note);
}

/* A node of @n goals of its own, on two metrics, with a count of each. */
static CaDataset *
load_goals (guint n)
{
  g_autoptr(GString) xml = g_string_new (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">\n"
      "<title xml:lang=\"en\">Goals</title>\n<metrics>\n"
      "<metric id=\"projects\" kind=\"count\"><name xml:lang=\"en\">Projects</name></metric>\n"
      "<metric id=\"money\" kind=\"money\" unit=\"CNY\"><name xml:lang=\"en\">Money</name>"
      "</metric>\n</metrics>\n<sources>\n"
      "<source id=\"s\" published=\"2024-01-01\" publisher=\"P\">"
      "<title xml:lang=\"en\">T</title></source>\n</sources>\n"
      "<program id=\"plan\"><name xml:lang=\"en\">Plan</name>\n"
      "<count metric=\"projects\" value=\"30\" date=\"2025\" source=\"s\"/>\n"
      "<count metric=\"money\" value=\"2000000\" date=\"2025\" source=\"s\"/>\n");
  g_autoptr(GError) error = NULL;
  CaDataset *dataset;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml, "<goal metric=\"%s\" value=\"%u\" year=\"%u\" baseline=\"1\" "
                            "baseline-year=\"2020\" source=\"s\"/>\n",
                            i % 2 ? "money" : "projects", (i + 1) * (i % 2 ? 100000 : 10),
                            2026 + i % 9);
  g_string_append (xml, "</program>\n</atlas>\n");
  dataset = ca_dataset_load_data (xml->str, xml->len, "goals.xml", NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static void
test_more_goals (void)
{
  g_autoptr(CaDataset) own = load_goals (60);
  g_autoptr(CaDataset) many = chart_test_load_many (1000);
  const CaNode *plan = ca_dataset_lookup_node (own, "plan");
  const CaNode *root = ca_dataset_lookup_node (many, "many");
  g_autoptr(CaChartLayout) export = layout_at (plan, 1200, 800);
  g_autoptr(CaChartLayout) narrow = layout_at (plan, 360, 800);
  g_autoptr(CaChartLayout) subtree = layout_at (root, 1200, 800);
  g_autoptr(CaChartLayout) all = NULL;

  assert_more_goals (export, 60, 800);
  assert_more_goals (narrow, 60, 800);
  assert_more_goals (subtree, 1000, 800);
  assert_own_marks (export);
  assert_own_marks (subtree);
  chart_test_check_layout (export, 1200, 800);
  chart_test_check_layout (narrow, 360, 800);
  chart_test_check_layout (subtree, 1200, 800);
  /* At its content height the chart draws every goal and no note. */
  all = layout_at (plan, 1200, ca_chart_layout_get_content_height (export));
  g_assert_cmpuint (ca_chart_layout_get_n_marks (all), ==, 60);
  g_assert_cmpfloat (ca_chart_layout_get_wanted_height (export), ==,
                     ca_chart_layout_get_content_height (export));
  for (guint i = 0; i < ca_chart_layout_get_n_labels (all); i++)
    g_assert_null (strstr (ca_chart_layout_get_label (all, i, NULL, NULL), "more goal"));
}

static guint
mark_of (CaChartLayout *layout,
         const CaNode  *node)
{
  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    if (ca_chart_layout_get_mark (layout, i)->node == node)
      return i;
  g_error ("no row for %s", ca_node_get_id (node));
}

/* The statuses of tests/fixtures/progress.xml, each on its program's row,
 * beside its share reached. */
static void
test_statuses (void)
{
  static const struct {
    const char *id;
    const char *token;
    const char *share;
  } cases[] = {
    { "behind", "behind", "40%" },
    { "on-track", "on-track", "60%" },
    { "achieved", "achieved", "≥ 112%" },
    { "uncertain-about", "uncertain", "49% to 55%" },
    { "no-baseline", "no-baseline", "40%" },
    { "no-report", "no-report", NULL },
    { "disagree", "uncertain", "40% to 48%" },
    { "ceiling-achieved", "achieved", "0% to 88%" },
    { "ceiling-behind", "behind", "119%" },
  };
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("progress.xml");
  g_autoptr(CaChartLayout) layout = layout_at (ca_dataset_lookup_node (dataset, "cases"),
                                               900, 2000);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const CaNode *node = ca_dataset_lookup_node (dataset, cases[c].id);
      guint index = mark_of (layout, node);
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, index);
      CaProgressStatus status;
      const char *word;

      g_assert_true (ca_progress_status_from_token (cases[c].token, &status));
      word = ca_progress_status_word ("en", status);
      g_test_message ("%s: %s", cases[c].id, word);
      assert_row_has (layout, index, word);
      if (cases[c].share != NULL)
        assert_row_has (layout, index, cases[c].share);
      /* Said to a screen reader and in the tooltip, with why. */
      g_assert_nonnull (strstr (mark->accessible_name, word));
      g_assert_nonnull (strstr (mark->tooltip, word));
    }
}

/* The row of "behind" draws the example: the report, its date and
 * its bar at 40% of the goal, the value expected now on the line from the
 * baseline, and in the tooltip the status with its inputs. */
static void
test_behind_row (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("progress.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "behind");
  g_autoptr(CaChartLayout) layout = layout_at (node, 900, 400);
  g_autoptr(CaProgress) progress = ca_progress_new (node, ca_node_get_figure (node, 0), &today);
  int panel = ca_chart_layout_get_mark_panel (layout, 0);
  CaChartRect area;
  double track_x = 0, track_w = 0, bar_w = 0, diamond_x = 0;
  guint diamonds = 0;

  g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 1);
  assert_row_has (layout, 0, "\u2068CNY 200 bn\u2069 (2024)");
  assert_row_has (layout, 0, "\u2068CNY 500 bn\u2069 by 2030");
  g_assert_nonnull (strstr (ca_chart_layout_get_mark (layout, 0)->tooltip,
                            "behind: CNY 200 billion reported for 2024, CNY 260.02 billion "
                            "expected on the line from CNY 100 billion (2020) to CNY 500 "
                            "billion (2030)"));
  ca_chart_layout_get_panel_area (layout, panel, &area);
  for (guint i = 0; i < layout->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (layout->shapes, Shape, i);

      if (shape->y < area.y || shape->y >= area.y + area.height)
        continue;
      if (shape->type == SHAPE_OUTLINE)
        {
          track_x = shape->x;
          track_w = shape->w;
        }
      else if (shape->type == SHAPE_FILL && shape->ink == ca_chart_series_ink (5))
        bar_w = MAX (bar_w, shape->w);  /* the bar, not the status's swatch */
      else if (shape->type == SHAPE_DIAMOND)
        {
          diamonds++;
          diamond_x = shape->x + shape->w / 2;
        }
    }
  /* The track runs from 0 to the goal: the bar is 40% of it. */
  g_assert_cmpfloat (track_w, >, 100);
  g_assert_cmpfloat (fabs (bar_w / track_w - 0.4), <, 0.01);
  g_assert_cmpuint (diamonds, ==, 1);
  g_assert_true (progress->has_expected_now);
  g_assert_cmpfloat (fabs ((diamond_x - track_x) / track_w - progress->expected_now / 5e11),
                     <, 0.01);
}

/* A goal without a baseline has no value expected now: no diamond, and no
 * key for one. */
static void
test_no_expected (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("progress.xml");
  g_autoptr(CaChartLayout) layout = layout_at (ca_dataset_lookup_node (dataset, "no-baseline"),
                                               900, 400);

  for (guint i = 0; i < layout->shapes->len; i++)
    g_assert_cmpint (g_array_index (layout->shapes, Shape, i).type, !=, SHAPE_DIAMOND);
  for (guint i = 0; i < ca_chart_layout_get_n_labels (layout); i++)
    g_assert_cmpstr (ca_chart_layout_get_label (layout, i, NULL, NULL), !=, "Expected now");
}

/* The height measured without the rows is the height of the whole layout,
 * for every kind, at widths from narrow (four lines a row) to wide, for a
 * node with many goals, one with a few and one with none. */
static void
test_measured_height (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  const char *ids[] = { "sh-future-industries", "cn", "baoshan", "scip-sci-tech-base" };
  const double widths[] = { 300, 519, 520, 700, 1200 };

  for (guint n = 0; n < G_N_ELEMENTS (ids); n++)
    for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          const CaNode *node = ca_dataset_lookup_node (dataset, ids[n]);
          CaChartOptions options = { kind, widths[w], 400, 2026, TRUE, TRUE };
          g_autoptr(CaChartLayout) layout = NULL;

          g_assert_nonnull (node);
          options.today = today;
          layout = ca_chart_layout_new (node, &options, context);
          g_assert_cmpfloat (ca_chart_measure_content_height (node, &options, context), ==,
                             ca_chart_layout_get_content_height (layout));
        }
  g_object_unref (context);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();
  ca_i18n_set_language ("en");

  g_test_add_func ("/chart/goals/every-goal-marked", test_every_goal_marked);
  g_test_add_func ("/chart/goals/sorted", test_sorted);
  g_test_add_func ("/chart/goals/future-industries", test_future_industries);
  g_test_add_func ("/chart/goals/more-goals", test_more_goals);
  g_test_add_func ("/chart/goals/statuses", test_statuses);
  g_test_add_func ("/chart/goals/behind-row", test_behind_row);
  g_test_add_func ("/chart/goals/no-expected", test_no_expected);
  g_test_add_func ("/chart/goals/measured-height", test_measured_height);
  return g_test_run ();
}
