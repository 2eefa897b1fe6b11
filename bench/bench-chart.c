#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <pango/pangocairo.h>

#include "bench-common.h"
#include "ca-chart.h"
#include "ca-dataset.h"
#include "ca-i18n.h"
#include "ca-node.h"

/* Layout and draw time of each chart view for a node with 10 to 10,000
 * children, each with a count, a goal and a program: the median of N runs
 * on a 1200x800 image surface; then the layout of a trend of 10,000
 * points.  Usage: bench-chart [RUNS] [trend] (trend: that one alone) */

static const guint sizes[] = { 10, 100, 1000, 10000 };

static CaDataset *
make_dataset (guint n)
{
  g_autoptr(GString) xml = g_string_new (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\"><title xml:lang=\"en\">Bench</title>"
      "<metrics><metric id=\"projects\" kind=\"count\"><name xml:lang=\"en\">Projects</name>"
      "</metric><metric id=\"money\" kind=\"money\" unit=\"CNY\"><name xml:lang=\"en\">"
      "Money</name></metric></metrics><sources><source id=\"s\" published=\"2024-01-01\" "
      "publisher=\"P\"><title xml:lang=\"en\">T</title></source></sources>"
      "<region id=\"root\" kind=\"country\"><name xml:lang=\"en\">Root</name>\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml,
        "<park id=\"p%u\" kind=\"park\"><name xml:lang=\"en\">Park number %u</name>"
        "<count metric=\"projects\" value=\"%u\" date=\"2024\" source=\"s\"/>"
        "<program id=\"g%u\" start=\"%u\" end=\"%u\"><name xml:lang=\"en\">Program %u</name>"
        "<goal metric=\"money\" value=\"%u000000\" year=\"%u\" source=\"s\"/></program></park>\n",
        i, i, (i * 7919) % 1000 + 1, i, 2020 + i % 5, 2026 + i % 5, i, i + 1, 2025 + i % 6);
  g_string_append (xml, "</region></atlas>\n");
  return bench_load_xml (xml);
}

static void
measure (const CaNode *node,
         CaChartKind   kind,
         guint         runs,
         guint         children)
{
  double layout_median, draw_median;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 800);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  CaChartOptions options = { kind, 1200, 800, 2026, TRUE, TRUE };
  g_autofree double *layout_ms = g_new (double, runs);
  g_autofree double *draw_ms = g_new (double, runs);
  CaChartStyle style;
  guint marks = 0;

  ca_chart_style_init_print (&style);
  for (guint r = 0; r < runs; r++)
    {
      gint64 t0 = g_get_monotonic_time (), t1;
      CaChartLayout *layout = ca_chart_layout_new (node, &options, context);

      t1 = g_get_monotonic_time ();
      ca_chart_layout_draw (layout, cr, &style, 0);
      cairo_surface_flush (surface);
      draw_ms[r] = (g_get_monotonic_time () - t1) / 1000.0;
      layout_ms[r] = (t1 - t0) / 1000.0;
      marks = ca_chart_layout_get_n_marks (layout);
      ca_chart_layout_free (layout);
    }
  layout_median = bench_median (layout_ms, runs);
  draw_median = bench_median (draw_ms, runs);
  g_print ("| %-8s | %8u | %6u | %9.2f | %9.2f | %9.2f |\n", ca_chart_kind_to_string (kind),
           children, marks, layout_median, draw_median, layout_median + draw_median);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A district whose 5 parks report a count a day, 2,000 days each from
 * 1 January 2015, some of them "about" or "at least", against a goal each
 * with a baseline: 10,000 points on the trend, in 5 lines. */
static CaDataset *
make_trend_dataset (void)
{
  g_autoptr(GString) xml = g_string_new (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\"><title xml:lang=\"en\">Trend</title>"
      "<metrics><metric id=\"projects\" kind=\"count\"><name xml:lang=\"en\">Projects</name>"
      "</metric></metrics><sources><source id=\"s\" published=\"2024-01-01\" "
      "publisher=\"P\"><title xml:lang=\"en\">T</title></source></sources>"
      "<region id=\"root\" kind=\"district\"><name xml:lang=\"en\">Root</name>\n");
  static const char * const qualifiers[] = { "exact", "about", "at-least", "exact" };

  for (guint p = 0; p < 5; p++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2015);
      g_string_append_printf (xml, "<park id=\"p%u\" kind=\"park\"><name xml:lang=\"en\">"
                              "Park %u</name><goal metric=\"projects\" value=\"%u\" "
                              "year=\"2030\" baseline=\"10\" baseline-year=\"2014\" "
                              "source=\"s\"/>\n", p, p, 5000 + p * 500);
      for (guint d = 0; d < 2000; d++, g_date_add_days (&date, 1))
        g_string_append_printf (xml, "<count metric=\"projects\" value=\"%u\" "
                                "date=\"%04u-%02u-%02u\" qualifier=\"%s\" source=\"s\"/>\n",
                                10 + d * (p + 1) + (d * 7919) % 50, g_date_get_year (&date),
                                g_date_get_month (&date), g_date_get_day (&date),
                                qualifiers[d % G_N_ELEMENTS (qualifiers)]);
      g_string_append (xml, "</park>\n");
    }
  g_string_append (xml, "</region></atlas>\n");
  return bench_load_xml (xml);
}

/* The line that bench/run-all.py reads: "trend layout, 10000 points: MS ms". */
static void
measure_trend (guint runs)
{
  g_autoptr(CaDataset) dataset = make_trend_dataset ();
  const CaNode *root = ca_dataset_lookup_node (dataset, "root");
  CaChartOptions options = { CA_CHART_TREND, 1200, 800, 2026, TRUE, TRUE };
  guint marks = 0;
  double median = bench_layout_ms (root, &options, runs, &marks);

  g_print ("\ntrend layout, %u points: %.2f ms (median of %u runs, 1200x800, %u marks)\n",
           10000, median, runs, marks);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) MAX (atoi (argv[1]), 1) : 15;
  gboolean trend_only = argc > 2 && g_str_equal (argv[2], "trend");

  setlocale (LC_ALL, "");
  ca_i18n_init ();
  ca_i18n_set_language ("en");
  if (trend_only)
    {
      measure_trend (runs);
      return 0;
    }
  g_print ("Chart layout and draw, 1200x800 image surface, median of %u runs (ms)\n\n", runs);
  g_print ("| view     | children |  marks | layout ms |   draw ms |  total ms |\n");
  g_print ("|----------|----------|--------|-----------|-----------|-----------|\n");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(CaDataset) dataset = make_dataset (sizes[s]);
      const CaNode *root = ca_dataset_lookup_node (dataset, "root");

      for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
        measure (root, kind, runs, sizes[s]);
    }
  measure_trend (runs);
  return 0;
}
