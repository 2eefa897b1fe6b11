/* bench-facets.c: the Figures page's model on 200,000 figures (issue 16)
 *
 * Loads FILE (bench/gen-dataset.py --shape heavy 100000: 100,000 nodes,
 * about 200,000 figures), builds the table of the whole dataset once, then
 * prints the median of RUNS runs of each step the page takes:
 *   - applying a facet value: ca_figure_table_apply () with one value of
 *     one facet chosen (the rows and every facet's counts, in one pass);
 *   - removing it again: the same with nothing chosen;
 *   - recomputing every facet's counts under three facets' filters and a
 *     text (the hardest filter: each facet's counts leave out its own);
 *   - sorting every row by value, and by name (the collation keys are made
 *     at the first sort by names, timed apart).
 * Targets: under 100 ms to apply or remove a value, 200 ms for the counts
 * and the sort by value.
 * Usage: bench-facets FILE [RUNS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "bench-common.h"
#include "ca-facets.h"

typedef void (*Step) (CaFigureTable *table, const CaFacetFilter *filter, guint *n_rows);

static void
apply_step (CaFigureTable       *table,
            const CaFacetFilter *filter,
            guint               *n_rows)
{
  g_autoptr(CaFacetResult) result = ca_figure_table_apply (table, filter);

  *n_rows = result->rows->len;
}

static CaFigureColumn sort_column;

static void
sort_step (CaFigureTable       *table,
           const CaFacetFilter *filter,
           guint               *n_rows)
{
  g_autoptr(CaFacetResult) result = ca_figure_table_apply (table, filter);
  gint64 start = g_get_monotonic_time ();

  /* Only the sort is timed; its microseconds go back in @n_rows. */
  ca_figure_table_sort (table, result->rows, sort_column, TRUE);
  *n_rows = (guint) (g_get_monotonic_time () - start);
}

static double
median_ms (CaFigureTable       *table,
           const CaFacetFilter *filter,
           Step                 step,
           guint                runs,
           guint               *n_rows)
{
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      step (table, filter, n_rows);
      times[i] = step == sort_step ? *n_rows / 1000.0
                                   : (g_get_monotonic_time () - start) / 1000.0;
    }
  return bench_median (times, runs);
}

static void
report (const char *what,
        double      ms,
        double      target,
        guint       n_rows)
{
  g_print ("%-44s %8.1f ms  (target %3.0f ms: %s)", what, ms, target,
           ms < target ? "met" : "MISSED");
  if (n_rows != G_MAXUINT)
    g_print ("  %u rows", n_rows);
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  g_autoptr(CaFacetFilter) one = ca_facet_filter_new ();
  g_autoptr(CaFacetFilter) none = ca_facet_filter_new ();
  g_autoptr(CaFacetFilter) hard = ca_facet_filter_new ();
  CaFigureTable *table;
  CaDate today = { 2025, 6, 30 };
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 15;
  guint n_rows = 0;
  gint64 start;
  double ms;

  setlocale (LC_ALL, "");
  if (argc < 2 || runs == 0)
    {
      g_printerr ("Usage: bench-facets FILE [RUNS]\n");
      return 2;
    }
  dataset = ca_dataset_load_file (argv[1], NULL, NULL, NULL, NULL, &error);
  if (dataset == NULL)
    {
      g_printerr ("bench-facets: %s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  table = ca_figure_table_new (dataset, NULL, "en", &today);
  g_print ("%u nodes, %u figures; table built in %.0f ms (once per dataset or scope)\n",
           ca_dataset_get_n_nodes (dataset), ca_figure_table_get_n_rows (table),
           (g_get_monotonic_time () - start) / 1000.0);

  ca_facet_filter_set (one, CA_FACET_TAG, "cluster-3", TRUE);
  ms = median_ms (table, one, apply_step, runs, &n_rows);
  report ("apply a facet value (tag)", ms, 100, n_rows);
  ms = median_ms (table, none, apply_step, runs, &n_rows);
  report ("remove it (nothing chosen)", ms, 100, n_rows);
  ca_facet_filter_set (hard, CA_FACET_TAG, "industry-5", TRUE);
  ca_facet_filter_set (hard, CA_FACET_TAG, "cluster-2", TRUE);
  ca_facet_filter_set (hard, CA_FACET_YEAR, "2030", TRUE);
  ca_facet_filter_set (hard, CA_FACET_KIND, "goal", TRUE);
  ca_facet_filter_set_text (hard, "node");
  ms = median_ms (table, hard, apply_step, runs, &n_rows);
  report ("every facet's counts, 3 facets and a text", ms, 200, n_rows);

  sort_column = CA_FIGURE_COLUMN_VALUE;
  report ("sort all rows by value", median_ms (table, none, sort_step, runs, &n_rows), 200,
          G_MAXUINT);
  sort_column = CA_FIGURE_COLUMN_NODE;
  sort_step (table, none, &n_rows);
  g_print ("%-44s %8.1f ms  (once per table)\n", "first sort by name (collation keys)",
           n_rows / 1000.0);
  report ("sort all rows by name", median_ms (table, none, sort_step, runs, &n_rows), 200,
          G_MAXUINT);
  ca_figure_table_free (table);
  return 0;
}
