/* test-chart-compare.c: the Compare chart, read from its display list
 *
 * Which metrics the nodes share (a panel each, in the order met), that a
 * panel holds one metric and so one unit, that the labels keep the
 * qualifiers and the ranges of sources that disagree, that goals are
 * outlines and reports fills, which goal is the one in force, what only
 * some nodes have, the Counts and Goals comparisons, and a clean layout
 * at every width, in English and Chinese, for two to eight nodes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chart-test-common.h"
#include "ca-chart.h"
#include "ca-chart-private.h"
#include "ca-dataset.h"
#include "ca-format.h"
#include "ca-node.h"

static CaChartLayout *
compare_layout_on (CaDataset        *dataset,
                   const char       *ids,
                   CaCompareFigures  figures,
                   const char       *language,
                   double            width,
                   double            height,
                   int               year)
{
  g_auto(GStrv) split = g_strsplit (ids, ",", -1);
  const CaNode *nodes[CA_CHART_COMPARE_MAX];
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  CaChartOptions options = { CA_CHART_COMPARE, width, height, 2026, TRUE, TRUE };
  CaChartLayout *layout;
  guint n = g_strv_length (split);

  g_assert_cmpuint (n, <=, CA_CHART_COMPARE_MAX);
  for (guint i = 0; i < n; i++)
    {
      nodes[i] = ca_dataset_lookup_node (dataset, split[i]);
      g_assert_nonnull (nodes[i]);
    }
  options.today = (CaDate) { year, 12, 1 };
  options.language = language;
  options.compare = nodes;
  options.n_compare = n;
  options.compare_figures = figures;
  layout = ca_chart_layout_new (nodes[0], &options, context);
  g_object_unref (context);
  return layout;
}

/* As of 1 December 2026. */
static CaChartLayout *
compare_layout (CaDataset        *dataset,
                const char       *ids,
                CaCompareFigures  figures,
                const char       *language,
                double            width,
                double            height)
{
  return compare_layout_on (dataset, ids, figures, language, width, height, 2026);
}

/* @text without its bidi isolates, as a reader sees it. */
static char *
plain (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0x2068 && c != 0x2069)
        g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
has_label (CaChartLayout *layout,
           const char    *text)
{
  for (guint i = 0; i < ca_chart_layout_get_n_labels (layout); i++)
    {
      g_autofree char *label = plain (ca_chart_layout_get_label (layout, i, NULL, NULL));

      if (g_str_equal (label, text))
        return TRUE;
    }
  return FALSE;
}

static const char *
panel_metric_id (CaChartLayout *layout,
                 guint          panel)
{
  return ca_chart_layout_get_panel_metric (layout, panel)->id;
}

/* The mark of the node @id in the panel of @metric, or NULL. */
static const CaChartMark *
find_mark (CaChartLayout *layout,
           const char    *metric,
           const char    *id)
{
  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    {
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);
      int panel = ca_chart_layout_get_mark_panel (layout, i);

      if (g_str_equal (panel_metric_id (layout, panel), metric) &&
          g_str_equal (ca_node_get_id (mark->node), id))
        return mark;
    }
  return NULL;
}

/* That mark's label, as a reader sees it. */
static char *
mark_label (CaChartLayout *layout,
            const char    *metric,
            const char    *id)
{
  const CaChartMark *mark = find_mark (layout, metric, id);

  g_assert_nonnull (mark);
  return plain (mark->label);
}

#define assert_label(layout, metric, id, text) G_STMT_START { \
    g_autofree char *label_ = mark_label ((layout), (metric), (id)); \
    g_assert_cmpstr (label_, ==, (text)); \
  } G_STMT_END

static void
test_shared (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autoptr(CaChartLayout) layout = compare_layout (dataset, "north,south,east",
                                                    CA_COMPARE_ALL, "en", 1200, 900);
  const char *order[] = { "north", "south", "east" };

  /* Every node has a figure of these three; patents, labs and incubators
   * only some. */
  g_assert_cmpuint (ca_chart_layout_get_n_panels (layout), ==, 3);
  g_assert_cmpstr (panel_metric_id (layout, 0), ==, "projects");
  g_assert_cmpstr (panel_metric_id (layout, 1), ==, "output-value");
  g_assert_cmpstr (panel_metric_id (layout, 2), ==, "area");
  g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 9);
  /* One bar a node in each panel, in the order of the set, the first at the top. */
  for (guint p = 0; p < 3; p++)
    {
      double last_y = -1;
      guint seen = 0;

      for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
        {
          const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);

          if (ca_chart_layout_get_mark_panel (layout, i) != (int) p)
            continue;
          g_assert_cmpstr (ca_node_get_id (mark->node), ==, order[seen]);
          g_assert_cmpfloat (mark->y, >, last_y);
          g_assert_nonnull (mark->tooltip);
          g_assert_nonnull (mark->accessible_name);
          last_y = mark->y;
          seen++;
        }
      g_assert_cmpuint (seen, ==, 3);
    }
  g_assert_null (ca_chart_layout_get_empty_message (layout));
  g_assert_cmpstr (ca_chart_layout_get_title (layout), ==,
                   "North District, South District of the Very Long Name for Wrapping, "
                   "East District — Comparison");
  /* The disagreeing source of South's projects is cited too. */
  g_assert_cmpuint (ca_chart_layout_get_sources (layout)->len, ==, 3);
}

/* A panel is one metric: every figure drawn in it is of its metric, so
 * money, floor area and counts never share an axis; its heading says the
 * unit. */
static void
test_units_apart (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autoptr(CaChartLayout) layout = compare_layout (dataset, "north,south,east",
                                                    CA_COMPARE_ALL, "en", 1200, 900);

  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    {
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);
      int panel = ca_chart_layout_get_mark_panel (layout, i);

      g_assert_cmpint (panel, >=, 0);
      g_assert_true (mark->figure->metric == ca_chart_layout_get_panel_metric (layout, panel));
    }
  g_assert_true (has_label (layout, "Output value (CNY billion)"));
  g_assert_true (has_label (layout, "Floor area (million square metres)"));
  g_assert_true (has_label (layout, "Projects"));
}

static void
test_qualifiers (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autoptr(CaChartLayout) layout = compare_layout (dataset, "north,south,east",
                                                    CA_COMPARE_ALL, "en", 1200, 900);
  g_autofree char *about = g_strdup_printf ("%s 210 (2024); goal %s 500 by 2030",
                                            ca_format_qualifier_symbol (CA_QUALIFIER_ABOUT),
                                            ca_format_qualifier_symbol (CA_QUALIFIER_ABOUT));
  g_autofree char *at_least = g_strdup_printf ("16 (April 2024); goal %s 40 by 2030",
                                               ca_format_qualifier_symbol (CA_QUALIFIER_AT_LEAST));
  g_autofree char *nearly = g_strdup_printf ("%s 0.3 (2024)",
                                             ca_format_qualifier_symbol (CA_QUALIFIER_NEARLY));

  assert_label (layout, "output-value", "north", about);
  assert_label (layout, "projects", "north", at_least);
  assert_label (layout, "area", "south", nearly);
  /* Two sources that disagree make a range, not one of their values. */
  assert_label (layout, "projects", "south", "60 to 64 (7 April 2024)");
  g_assert_true (has_label (layout, "60 to 64 (7 April 2024)"));
  g_assert_nonnull (strstr (find_mark (layout, "projects", "south")->tooltip,
                            "Sources disagree"));
}

/* A panel writes its numbers in one scale, named with the unit once in
 * its heading: ticks and bars are numbers alone ("1.2", not "1.2 m square
 * metres" beside "800,000 square metres"), counts too ("Cells
 * (trillion)" over "2,000", not full digits). */
static void
test_one_scale (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("compare-scales.xml");
  g_autoptr(CaChartLayout) layout = compare_layout (dataset, "big,small", CA_COMPARE_ALL, "en",
                                                    1200, 900);
  const char * const headings[] = { "Cells (trillion)", "Output value (CNY trillion)",
                                    "Floor area (million square metres)" };
  const char * const scaled[] = { " tn", " bn", " m", "CNY", "square metre", "trillion",
                                  "million" };
  g_autofree char *about_one = g_strdup_printf ("%s 0 (2024)",
                                                ca_format_qualifier_symbol (CA_QUALIFIER_ABOUT));

  g_assert_cmpuint (ca_chart_layout_get_n_panels (layout), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_true (has_label (layout, headings[i]));
  assert_label (layout, "cells", "big", "2,000 (2024)");
  assert_label (layout, "cells", "small", "300 (2024)");
  assert_label (layout, "output", "big", "1.2 (2024); goal 1.5 by 2030");
  assert_label (layout, "output", "small", "goal 0.3 by 2030");
  assert_label (layout, "area", "big", "1.2 (2024)");
  /* About one square metre, in millions. */
  assert_label (layout, "area", "small", about_one);
  g_assert_true (has_label (layout, "1.2"));
  g_assert_true (has_label (layout, "0.2"));
  for (guint i = 0; i < ca_chart_layout_get_n_labels (layout); i++)
    {
      g_autofree char *label = plain (ca_chart_layout_get_label (layout, i, NULL, NULL));
      gboolean heading = FALSE;

      for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
        heading |= g_str_equal (label, headings[h]);
      for (guint w = 0; w < G_N_ELEMENTS (scaled) && !heading; w++)
        if (strstr (label, scaled[w]) != NULL && !g_str_has_prefix (label, "Big District") &&
            strstr (label, "—") == NULL && strstr (label, "Sources") == NULL)
          g_error ("“%s” names a scale or unit besides its panel's heading", label);
    }
}

/* Shapes of the ink of the node @index inside @area: outlines (goals) and
 * opaque fills (reports). */
static void
count_shapes (CaChartLayout     *layout,
              guint              index,
              const CaChartRect *area,
              guint             *outlines,
              guint             *fills)
{
  *outlines = *fills = 0;
  for (guint i = 0; i < layout->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (layout->shapes, Shape, i);

      if (shape->ink != (Ink) (INK_SERIES + index) || shape->y < area->y ||
          shape->y > area->y + area->height)
        continue;
      *outlines += shape->type == SHAPE_OUTLINE;
      *fills += shape->type == SHAPE_FILL && shape->alpha == 1.0;
    }
}

static void
test_goals_and_reports (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autoptr(CaChartLayout) layout = compare_layout (dataset, "north,south,east",
                                                    CA_COMPARE_ALL, "en", 1200, 900);
  CaChartRect money;
  guint outlines, fills;

  ca_chart_layout_get_panel_area (layout, 1, &money);
  /* North: a goal and a report; South: a goal alone; East: a report alone. */
  count_shapes (layout, 0, &money, &outlines, &fills);
  g_assert_cmpuint (outlines, ==, 1);
  g_assert_cmpuint (fills, ==, 1);
  count_shapes (layout, 1, &money, &outlines, &fills);
  g_assert_cmpuint (outlines, ==, 1);
  g_assert_cmpuint (fills, ==, 0);
  count_shapes (layout, 2, &money, &outlines, &fills);
  g_assert_cmpuint (outlines, ==, 0);
  g_assert_cmpuint (fills, ==, 1);
  g_assert_true (find_mark (layout, "output-value", "south")->figure->type == CA_FIGURE_GOAL);
  g_assert_true (find_mark (layout, "output-value", "east")->figure->type == CA_FIGURE_COUNT);
  /* The legend tells them apart. */
  g_assert_true (has_label (layout, "Reported"));
  g_assert_true (has_label (layout, "Goal"));
}

/* North's goal of 20 projects by 2020 is past: the one of 2030 is in force. */
static void
test_goal_in_force (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autoptr(CaChartLayout) layout = compare_layout (dataset, "north,east", CA_COMPARE_GOALS,
                                                    "en", 1200, 900);
  g_autoptr(CaChartLayout) goals = compare_layout (dataset, "north,south", CA_COMPARE_GOALS,
                                                   "en", 1200, 900);

  /* East has no goal: nothing is shared, and North's goals are listed. */
  g_assert_cmpuint (ca_chart_layout_get_n_panels (layout), ==, 0);
  g_assert_cmpstr (ca_chart_layout_get_empty_message (layout), ==,
                   "No metric is recorded for all of them");
  g_assert_true (has_label (layout, "Projects: North District"));
  g_assert_true (has_label (layout, "Laboratories: North District"));
  g_assert_false (has_label (layout, "Floor area: North District, East District"));
  /* Both have an output-value goal; North's latest report is drawn on it. */
  g_assert_cmpuint (ca_chart_layout_get_n_panels (goals), ==, 1);
  g_assert_cmpstr (panel_metric_id (goals, 0), ==, "output-value");
  g_assert_cmpstr (ca_chart_layout_get_title (goals), ==,
                   "North District, South District of the Very Long Name for Wrapping"
                   " — Goals compared");
  g_assert_true (has_label (goals, "Projects: North District"));
}

/* North's goals of projects are due in 2020, 2030 and 2035: in 2026 the
 * one of 2030 is in force, in 2019 that of 2020, and in 2040, all past,
 * the last one due. */
static void
test_goal_year (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  const struct {
    int         year;
    const char *due;
  } cases[] = { { 2026, "by 2030" }, { 2019, "by 2020" }, { 2030, "by 2030" },
                { 2031, "by 2035" }, { 2040, "by 2035" } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CaChartLayout) layout = compare_layout_on (dataset, "north,south",
                                                           CA_COMPARE_ALL, "en", 1200, 900,
                                                           cases[i].year);
      const CaChartMark *north = find_mark (layout, "projects", "north");

      g_assert_nonnull (strstr (north->label, cases[i].due));
      g_assert_nonnull (strstr (north->accessible_name, cases[i].due + 3));
    }
}

static void
test_counts_only (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autoptr(CaChartLayout) layout = compare_layout (dataset, "north,south,east",
                                                    CA_COMPARE_COUNTS, "en", 1200, 900);

  /* South has only a goal of output value: in a comparison of counts
   * output value is listed, not drawn. */
  g_assert_cmpuint (ca_chart_layout_get_n_panels (layout), ==, 2);
  g_assert_cmpstr (panel_metric_id (layout, 0), ==, "projects");
  g_assert_cmpstr (panel_metric_id (layout, 1), ==, "area");
  g_assert_true (has_label (layout, "Only some of them have"));
  g_assert_true (has_label (layout, "Output value: North District, East District"));
  g_assert_false (has_label (layout, "Laboratories: North District"));
  assert_label (layout, "projects", "north", "16 (April 2024)");
  g_assert_false (has_label (layout, "Goal"));
}

static void
test_partial (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autoptr(CaChartLayout) layout = compare_layout (dataset, "north,south,east",
                                                    CA_COMPARE_ALL, "en", 1200, 900);

  g_assert_true (has_label (layout, "Only some of them have"));
  g_assert_true (has_label (layout, "Patents: North District, "
                            "South District of the Very Long Name for Wrapping"));
  g_assert_true (has_label (layout, "Laboratories: North District"));
  g_assert_true (has_label (layout, "Incubators: North District"));
  g_assert_false (has_label (layout, "Projects: North District, "
                             "South District of the Very Long Name for Wrapping, East District"));
}

static void
test_nothing (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autoptr(CaChartLayout) none = compare_layout (dataset, "r,empty", CA_COMPARE_ALL, "en",
                                                  800, 600);
  g_autoptr(CaChartLayout) one_side = compare_layout (dataset, "east,empty", CA_COMPARE_ALL,
                                                      "en", 800, 600);

  g_assert_cmpuint (ca_chart_layout_get_n_marks (none), ==, 0);
  g_assert_cmpstr (ca_chart_layout_get_empty_message (none), ==,
                   "None of them has figures to compare");
  g_assert_false (has_label (none, "Only some of them have"));
  g_assert_cmpuint (ca_chart_layout_get_n_marks (one_side), ==, 0);
  g_assert_true (has_label (one_side, "Projects: East District"));
  g_assert_true (ca_chart_layout_get_content_height (one_side) <
                 ca_chart_layout_get_content_height (none) + 200);
}

/* A node with no figures, or none of the kinds compared, is set aside and
 * named: the others' shared metrics are still drawn.  So is, while nothing
 * is common to all, the node with the fewest metrics in common. */
static void
test_set_aside (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autoptr(CaChartLayout) empty = compare_layout (dataset, "north,south,east,empty",
                                                   CA_COMPARE_ALL, "en", 1200, 1200);
  g_autoptr(CaChartLayout) goals = compare_layout (dataset, "north,south,east",
                                                   CA_COMPARE_GOALS, "en", 1200, 1200);
  g_autoptr(CaChartLayout) alone = compare_layout (dataset, "south,east,r,west,north",
                                                   CA_COMPARE_COUNTS, "en", 1200, 1200);
  g_autoptr(CaChartLayout) shared = compare_layout (dataset, "west,north", CA_COMPARE_ALL,
                                                    "en", 1200, 1200);

  g_assert_cmpuint (ca_chart_layout_get_n_panels (empty), ==, 3);
  g_assert_cmpuint (ca_chart_layout_get_n_marks (empty), ==, 9);
  g_assert_null (find_mark (empty, "projects", "empty"));
  g_assert_null (ca_chart_layout_get_empty_message (empty));
  g_assert_true (has_label (empty, "Empty District has no figures of its own to compare"));
  /* East has no goal: a comparison of goals is of North and South, who
   * both have a goal of output value only. */
  g_assert_cmpuint (ca_chart_layout_get_n_panels (goals), ==, 1);
  g_assert_null (find_mark (goals, "projects", "east"));
  g_assert_nonnull (find_mark (goals, "output-value", "south"));
  g_assert_true (has_label (goals, "East District has no figures of its own to compare"));
  /* r has no figure at all; West reports laboratories, which no other
   * node reports: it is left out, and the others share projects and area. */
  g_assert_cmpuint (ca_chart_layout_get_n_panels (alone), ==, 2);
  g_assert_nonnull (find_mark (alone, "area", "north"));
  g_assert_null (find_mark (alone, "projects", "west"));
  g_assert_true (has_label (alone, "Compareville has no figures of its own to compare"));
  g_assert_true (has_label (alone, "West District is left out: it has no metric in common with all the others"));
  g_assert_true (has_label (alone, "Laboratories: West District"));
  /* With goals, North's goal of laboratories meets West's report. */
  g_assert_cmpuint (ca_chart_layout_get_n_panels (shared), ==, 1);
  g_assert_cmpstr (panel_metric_id (shared, 0), ==, "labs");
  /* West has laboratories in common with North, but nothing with all
   * three others: it is left out, not the chart emptied. */
  {
    g_autoptr(CaChartLayout) four = compare_layout (dataset, "north,south,east,west",
                                                    CA_COMPARE_ALL, "en", 1200, 1200);

    g_assert_cmpuint (ca_chart_layout_get_n_panels (four), ==, 3);
    g_assert_null (find_mark (four, "projects", "west"));
    g_assert_true (has_label (four, "West District is left out: it has no metric in common "
                              "with all the others"));
    g_assert_true (has_label (four, "Laboratories: North District, West District"));
  }
}

/* The chart's description for a screen reader lists every figure drawn,
 * metric by metric, and the lines under the panels. */
static void
test_description (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autoptr(CaChartLayout) layout = compare_layout (dataset, "north,south,east,empty",
                                                    CA_COMPARE_ALL, "en", 1200, 1200);
  g_autofree char *description = plain (ca_chart_layout_get_description (layout));
  g_auto(GStrv) lines = g_strsplit (description, "\n", -1);

  /* Nine marks, the place set aside, the heading and three metrics. */
  g_assert_cmpuint (g_strv_length (lines), ==, 9 + 1 + 4);
  g_assert_true (g_str_has_prefix (lines[0], "Projects: 16 projects (North District, April 2024)"));
  g_assert_nonnull (strstr (lines[0], "Projects goal: at least 40 projects (North District"));
  g_assert_true (g_str_has_prefix (lines[3], "Output value: about CNY 210 billion"));
  g_assert_true (g_str_has_prefix (lines[8], "Floor area: 1.2 million square metres"));
  g_assert_cmpstr (lines[9], ==, "Empty District has no figures of its own to compare");
  g_assert_cmpstr (lines[13], ==, "Incubators: North District");
}

/* No label overlaps another or leaves its panel, at any width, in either
 * language, in every comparison; Chinese has its glyphs. */
static void
test_clean (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  const double widths[] = { 360, 520, 700, 1200, 1920 };
  const char *languages[] = { "en", "zh_CN" };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      for (CaCompareFigures f = CA_COMPARE_ALL; f <= CA_COMPARE_GOALS; f++)
        {
          /* East has no goal to compare. */
          const char *ids = f == CA_COMPARE_GOALS ? "north,south" : "north,south,east";
          g_autoptr(CaChartLayout) layout = NULL;
          double height;

          layout = compare_layout (dataset, ids, f, languages[l], widths[w], 4000);
          height = ceil (ca_chart_layout_get_content_height (layout));
          g_clear_pointer (&layout, ca_chart_layout_free);
          layout = compare_layout (dataset, ids, f, languages[l], widths[w], height);
          chart_test_check_layout (layout, widths[w], height);
          /* At its content height nothing is left out. */
          g_assert_false (has_label (layout, "1 more metric is not shown"));
          g_assert_cmpint (ca_chart_layout_count_unknown_glyphs (layout), ==, 0);
          if (f == CA_COMPARE_ALL)
            g_assert_cmpuint (ca_chart_layout_get_n_panels (layout), ==, 3);
        }
}

static void
test_chinese (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-compare.xml");
  g_autoptr(CaChartLayout) layout = compare_layout (dataset, "north,south,east",
                                                    CA_COMPARE_ALL, "zh_CN", 1200, 900);

  g_assert_true (g_str_has_prefix (ca_chart_layout_get_title (layout), "北区"));
  g_assert_true (has_label (layout, "北区"));
  g_assert_true (has_label (layout, "东区"));
  g_assert_cmpstr (ca_node_get_id (find_mark (layout, "area", "east")->node), ==, "east");
}

/* Eight nodes, each its own colour; fewer rows than fit are counted. */
static void
test_eight (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_many (8);
  g_autoptr(CaChartLayout) layout = compare_layout (dataset, "p0,p1,p2,p3,p4,p5,p6,p7",
                                                    CA_COMPARE_ALL, "en", 900, 1200);
  g_autoptr(CaChartLayout) squeezed = compare_layout (dataset, "p0,p1,p2,p3,p4,p5,p6,p7",
                                                      CA_COMPARE_ALL, "en", 900, 300);
  g_autoptr(GHashTable) inks = g_hash_table_new (NULL, NULL);

  g_assert_cmpuint (ca_chart_layout_get_n_panels (layout), ==, 2);
  g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 16);
  for (guint i = 0; i < layout->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (layout->shapes, Shape, i);

      if (shape->ink >= INK_SERIES && shape->type == SHAPE_FILL && shape->alpha == 1.0)
        g_hash_table_add (inks, GINT_TO_POINTER (shape->ink));
    }
  g_assert_cmpuint (g_hash_table_size (inks), ==, 8);
  chart_test_check_layout (layout, 900, 1200);
  g_assert_cmpuint (ca_chart_layout_get_n_panels (squeezed), <, 2);
  g_assert_true (has_label (squeezed, "2 more metrics are not shown") ||
                 has_label (squeezed, "1 more metric is not shown"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/compare/shared", test_shared);
  g_test_add_func ("/compare/units-apart", test_units_apart);
  g_test_add_func ("/compare/qualifiers", test_qualifiers);
  g_test_add_func ("/compare/one-scale", test_one_scale);
  g_test_add_func ("/compare/goals-and-reports", test_goals_and_reports);
  g_test_add_func ("/compare/goal-in-force", test_goal_in_force);
  g_test_add_func ("/compare/goal-year", test_goal_year);
  g_test_add_func ("/compare/counts-only", test_counts_only);
  g_test_add_func ("/compare/partial", test_partial);
  g_test_add_func ("/compare/nothing", test_nothing);
  g_test_add_func ("/compare/set-aside", test_set_aside);
  g_test_add_func ("/compare/description", test_description);
  g_test_add_func ("/compare/clean", test_clean);
  g_test_add_func ("/compare/chinese", test_chinese);
  g_test_add_func ("/compare/eight", test_eight);
  return g_test_run ();
}
