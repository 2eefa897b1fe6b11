/* test-chart-sources.c: what the charts say of a figure's sources
 *
 * Tooltips give the quote of the figure's own source, in the chart's
 * language where the figure has one, cut to 200 characters; counts of one
 * metric, node and day from sources that disagree are drawn as a range
 * (one bar in Counts, a thick line in Trend) whose tooltip names every
 * source.  On tests/fixtures/sources-v2.xml.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chart-test-common.h"
#include "ca-chart.h"
#include "ca-chart-private.h"
#include "ca-node.h"

static CaChartLayout *
layout_in (CaDataset   *dataset,
           const char  *id,
           CaChartKind  kind,
           const char  *language)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  CaChartOptions options = { kind, 1200, 800, 2026, TRUE, TRUE };
  CaChartLayout *layout;

  options.language = language;
  layout = ca_chart_layout_new (ca_dataset_lookup_node (dataset, id), &options, context);
  g_object_unref (context);
  return layout;
}

/* The first mark whose tooltip holds @text, or NULL. */
static const CaChartMark *
mark_saying (CaChartLayout *layout,
             const char    *text)
{
  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    {
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);

      if (mark->tooltip != NULL && strstr (mark->tooltip, text) != NULL)
        return mark;
    }
  return NULL;
}

/* The goal's quote in English, and in Chinese for a chart in Chinese; a
 * figure without a quote has no quotation marks in its tooltip. */
static void
test_tooltip_quote (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("sources-v2.xml");
  g_autoptr(CaChartLayout) en = layout_in (dataset, "sh", CA_CHART_GOALS, "en");
  g_autoptr(CaChartLayout) zh = layout_in (dataset, "sh", CA_CHART_GOALS, "zh_CN");
  const CaChartMark *mark;

  mark = mark_saying (en, "will strive to reach about RMB 500 billion.");
  g_assert_nonnull (mark);
  g_assert_null (strstr (mark->tooltip, "5000亿元左右。"));
  mark = mark_saying (zh, "到2030年，未来产业产值力争达到5000亿元左右。");
  g_assert_nonnull (mark);
  g_assert_null (strstr (mark->tooltip, "RMB 500 billion"));
  for (guint i = 0; i < ca_chart_layout_get_n_marks (en); i++)
    {
      mark = ca_chart_layout_get_mark (en, i);
      if (mark->figure != NULL && !mark->figure->has_extra)
        g_assert_null (strstr (mark->tooltip, "“"));
    }
}

/* A quote longer than a tooltip shows is cut, with an ellipsis, to 200
 * characters in all. */
static void
test_tooltip_quote_cut (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("sources-v2.xml");
  g_autoptr(CaChartLayout) layout = layout_in (dataset, "park", CA_CHART_TREND, "en");
  const CaChartMark *mark = mark_saying (layout, "Twelve firms, and a sentence");
  const char *start, *end;
  g_autofree char *quote = NULL;

  g_assert_nonnull (mark);
  g_assert_null (strstr (mark->tooltip, "to the end."));
  start = strstr (mark->tooltip, "Twelve firms");
  end = strstr (start, "…");
  g_assert_nonnull (end);
  quote = g_strndup (start, (gsize) (end - start));
  /* The cut's ellipsis makes the 200th character. */
  g_assert_cmpint (g_utf8_strlen (quote, -1), ==, CA_CHART_TOOLTIP_QUOTE - 1);
}

/* Park B's two sources disagree (20 and 25 firms for June 2024): one bar
 * in the Counts of Shanghai, a range to 25, its tooltip naming both; the
 * Counts of Park B itself have one row for them, not two. */
static void
test_counts_range (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("sources-v2.xml");
  g_autoptr(CaChartLayout) sh = layout_in (dataset, "sh", CA_CHART_COUNTS, "en");
  g_autoptr(CaChartLayout) park = layout_in (dataset, "park-b", CA_CHART_COUNTS, "en");
  const CaChartMark *bar = mark_saying (sh, "Sources disagree: ");
  const CaChartMark *agree = NULL;
  gboolean paler = FALSE;

  g_assert_nonnull (bar);
  g_assert_cmpstr (ca_node_get_id (bar->node), ==, "park-b");
  g_assert_nonnull (strstr (bar->tooltip, "China News Service"));
  g_assert_nonnull (strstr (bar->tooltip, "Wire Service"));
  g_assert_cmpstr (bar->label, ==, "20 to 25");
  /* The bar reaches 25, and its part above 20 is paler. */
  for (guint i = 0; i < sh->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (sh->shapes, Shape, i);

      paler |= shape->type == SHAPE_FILL && shape->alpha < 1 && shape->x > bar->x
               && fabs (shape->x + shape->w - (bar->x + bar->width)) < 0.01;
    }
  g_assert_true (paler);
  /* Park A's two sources give the same value: no range. */
  for (guint i = 0; i < ca_chart_layout_get_n_marks (sh); i++)
    if (g_str_equal (ca_node_get_id (ca_chart_layout_get_mark (sh, i)->node), "park"))
      agree = ca_chart_layout_get_mark (sh, i);
  g_assert_nonnull (agree);
  g_assert_null (strstr (agree->tooltip, "disagree"));
  g_assert_cmpuint (ca_chart_layout_get_n_marks (park), ==, 1);
  g_assert_cmpstr (ca_chart_layout_get_mark (park, 0)->label, ==, "20 to 25");
  /* Both sources are listed under the chart. */
  g_assert_cmpuint (ca_chart_layout_get_sources (park)->len, ==, 2);
}

/* Shanghai's 60 and 64 firms for 2024 (a year and its 31 December are one
 * day): a thick line joins them in Trend, and their tooltips name both
 * sources. */
static void
test_trend_range (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("sources-v2.xml");
  g_autoptr(CaChartLayout) layout = layout_in (dataset, "sh", CA_CHART_TREND, "en");
  const CaChartMark *sixty = mark_saying (layout, "60 firms have settled.");
  const CaChartMark *earlier = mark_saying (layout, "December 2023");
  guint ranges = 0;

  g_assert_nonnull (sixty);
  g_assert_nonnull (strstr (sixty->tooltip, "Sources disagree: "));
  g_assert_nonnull (strstr (sixty->tooltip, "Municipal Commission of Economy"));
  g_assert_nonnull (strstr (sixty->tooltip, "Wire Service"));
  if (earlier != NULL)
    g_assert_null (strstr (earlier->tooltip, "disagree"));
  for (guint i = 0; i < layout->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (layout->shapes, Shape, i);

      if (shape->type == SHAPE_LINE && shape->w == 0 && shape->h > 0 && shape->line_width > 4
          && fabs (shape->x - (sixty->x + sixty->width / 2)) < 0.01)
        ranges++;
    }
  g_assert_cmpuint (ranges, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/sources/tooltip-quote", test_tooltip_quote);
  g_test_add_func ("/chart/sources/tooltip-quote-cut", test_tooltip_quote_cut);
  g_test_add_func ("/chart/sources/counts-range", test_counts_range);
  g_test_add_func ("/chart/sources/trend-range", test_trend_range);
  return g_test_run ();
}
