/* bench-search.c: the cost of Chinese search on a big file: loading it,
 * then building the search index (CaMatchIndex) beside the load in time
 * and memory, then queries of each form, for bench/run-all.py.
 *
 *     bench-search RUNS FILE [QUERY…]
 *
 * The queries given replace the built-in ones (one of each form).
 * Prints "key: value" lines: load ms (the median of three) and KiB, the process's resident KiB
 * after the load, index ms (the median of five builds) and KiB (the
 * first's), and
 * for each query its median and worst wall time over RUNS, its median CPU
 * time (the machine may be shared) and its match count.
 * Memory is the growth of the resident set (VmRSS), so the index's cost is
 * what it adds to the process, allocator overheads included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ca-dataset.h"
#include "ca-match.h"

static const char * const queries[] = {
  "xiamen", "bǎo shān", "bs", "chongqing", "yinhang", "寶山", "厦门集成电路", "zzzz",
};

static long
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

/* CPU time of this thread: the machine may be shared, and wall time then
 * counts other people's work. */
static gint64
cpu_usec (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
time_query (CaMatchIndex *index,
            const char   *query,
            guint         runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_matches = 0;

  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time (), cpu_start = cpu_usec ();
      g_autoptr(GPtrArray) found = ca_match_index_find (index, query, 500, &n_matches);
      gint64 took = g_get_monotonic_time () - start, cpu_took = cpu_usec () - cpu_start;

      g_array_append_val (times, took);
      g_array_append_val (cpu, cpu_took);
    }
  g_array_sort (times, compare_times);
  g_array_sort (cpu, compare_times);
  /* printf: g_print () would write the query in the locale's charset. */
  printf ("query %s: %.2f ms median, %.2f ms worst, %.2f ms CPU median, %u matches\n", query,
           g_array_index (times, gint64, runs / 2) / 1000.0,
           g_array_index (times, gint64, runs - 1) / 1000.0,
           g_array_index (cpu, gint64, runs / 2) / 1000.0, n_matches);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  g_autoptr(CaMatchIndex) index = NULL;
  long before, loaded, indexed;
  gint64 t0, t1, t2, index_us;
  guint runs;

  if (argc < 3 || (runs = (guint) strtoul (argv[1], NULL, 10)) == 0)
    {
      g_printerr ("usage: bench-search RUNS FILE [QUERY…]\n");
      return 2;
    }
  before = resident_kib ();
  t0 = g_get_monotonic_time ();
  dataset = ca_dataset_load_file (argv[2], NULL, NULL, NULL, NULL, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s: %s\n", argv[2], error->message);
      return 1;
    }
  t1 = g_get_monotonic_time ();
  loaded = resident_kib ();
  index = ca_match_index_new (dataset);
  t2 = g_get_monotonic_time ();
  indexed = resident_kib ();
  /* The time is the median of five builds: the first, and four more. */
  {
    gint64 builds[5] = { t2 - t1 };

    for (guint i = 1; i < G_N_ELEMENTS (builds); i++)
      {
        gint64 start = g_get_monotonic_time ();

        ca_match_index_free (ca_match_index_new (dataset));
        builds[i] = g_get_monotonic_time () - start;
      }
    qsort (builds, G_N_ELEMENTS (builds), sizeof builds[0], compare_times);
    index_us = builds[G_N_ELEMENTS (builds) / 2];
  }

  /* And the load's time the median of three, after the memory is taken. */
  {
    gint64 loads[3] = { t1 - t0 };

    for (guint i = 1; i < G_N_ELEMENTS (loads); i++)
      {
        gint64 start = g_get_monotonic_time ();
        CaDataset *again = ca_dataset_load_file (argv[2], NULL, NULL, NULL, NULL, NULL);

        loads[i] = g_get_monotonic_time () - start;
        g_clear_object (&again);
      }
    qsort (loads, G_N_ELEMENTS (loads), sizeof loads[0], compare_times);
    t0 = 0, t1 = loads[G_N_ELEMENTS (loads) / 2];
  }

  g_print ("nodes: %u\n", ca_dataset_get_n_nodes (dataset));
  g_print ("load: %.1f ms, %ld KiB\n", (t1 - t0) / 1000.0, loaded - before);
  g_print ("resident after load: %ld KiB\n", loaded);
  g_print ("index: %.1f ms, %ld KiB\n", index_us / 1000.0, indexed - loaded);
  if (argc > 3)
    for (int i = 3; i < argc; i++)
      time_query (index, argv[i], runs);
  else
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      time_query (index, queries[i], runs);
  return 0;
}
