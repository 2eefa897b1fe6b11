/* bench-goals.c: layout time of the Goals view of a node with 1,000 goals
 *
 * One program holding 1,000 goals of its own on ten metrics (money and
 * counts), with baselines, and two reports of each metric, so that every
 * row has a progress to work out: the median of N runs of
 * ca_chart_layout_new () at the export's size (1200x800, the rows that fit
 * and "N more goals") and at the height the window asks for (4000, the
 * chart view's largest).  The target is 20 ms (issue 13).
 * Usage: bench-goals [RUNS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "bench-common.h"
#include "ca-chart.h"
#include "ca-dataset.h"
#include "ca-i18n.h"

#define N_GOALS 1000
#define N_METRICS 10

static CaDataset *
make_dataset (void)
{
  g_autoptr(GString) xml = g_string_new (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\"><title xml:lang=\"en\">Bench</title>"
      "<metrics>");

  for (guint m = 0; m < N_METRICS; m++)
    g_string_append_printf (xml, "<metric id=\"m%u\" kind=\"%s\"%s><name xml:lang=\"en\">"
                            "Metric number %u</name></metric>", m, m % 2 ? "money" : "count",
                            m % 2 ? " unit=\"CNY\"" : "", m);
  g_string_append (xml, "</metrics><sources><source id=\"s\" published=\"2022-01-01\" "
                   "publisher=\"P\"><title xml:lang=\"en\">T</title></source></sources>"
                   "<program id=\"plan\"><name xml:lang=\"en\">A plan with many goals</name>\n");
  for (guint m = 0; m < N_METRICS; m++)
    g_string_append_printf (xml, "<count metric=\"m%u\" value=\"%u\" date=\"2023\" source=\"s\"/>"
                            "<count metric=\"m%u\" value=\"%u\" date=\"2024-06\" "
                            "qualifier=\"about\" source=\"s\"/>\n",
                            m, 100 + m, m, 200 + m);
  for (guint i = 0; i < N_GOALS; i++)
    g_string_append_printf (xml, "<goal metric=\"m%u\" value=\"%u\" year=\"%u\" baseline=\"50\" "
                            "baseline-year=\"2020\" source=\"s\"/>\n",
                            i % N_METRICS, 300 + (i * 7919) % 1000, 2025 + i % 8);
  g_string_append (xml, "</program></atlas>\n");
  return bench_load_xml (xml);
}

static void
measure (const CaNode *node,
         double        height,
         guint         runs)
{
  CaChartOptions options = { CA_CHART_GOALS, 1200, height, 2026, TRUE, TRUE };
  guint marks = 0;
  double median = bench_layout_ms (node, &options, runs, &marks);

  g_print ("goals layout, %u goals, 1200x%.0f, %u rows drawn: %.2f ms\n", N_GOALS, height,
           marks, median);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaDataset) dataset = NULL;
  guint runs = 15;

  if (argc > 1)
    runs = (guint) MAX (atoi (argv[1]), 1);
  setlocale (LC_ALL, "");
  ca_i18n_init ();
  ca_i18n_set_language ("en");
  dataset = make_dataset ();
  g_print ("Goals view layout, median of %u runs (target: 20 ms)\n", runs);
  measure (ca_dataset_lookup_node (dataset, "plan"), 800, runs);
  measure (ca_dataset_lookup_node (dataset, "plan"), 4000, runs);
  return 0;
}
