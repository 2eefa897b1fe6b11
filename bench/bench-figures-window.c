/* bench-figures-window.c: the Figures page of the real window, 200,000 figures
 *
 * Opens FILE (bench/gen-dataset.py --shape heavy 100000) in the window
 * under the display given (run it under xvfb-run) and prints, as medians:
 *   - the switch to the Figures page, to its first frame (the table of the
 *     whole dataset is built then, once);
 *   - choosing a facet value and removing it, each to the next frame;
 *   - sorting by value, by a column header's sorter, to the next frame;
 *   - a frame while scrolling: 200 jumps spread over the list, and 200
 *     steps of a page each, each to its frame (the 95th percentile too);
 *   - a frame with nothing changed, the baseline of the drawing;
 *   - the resident memory before and after scrolling, which should stay
 *     close: the list makes items only for the rows on screen.
 *
 *   xvfb-run -a build/bench/bench-figures-window FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-common.h"
#include "bench-frame.h"
#include "ca-application.h"
#include "ca-i18n.h"
#include "ca-window-private.h"

#define N_RUNS 7
#define N_SCROLLS 200

/* Runs the main loop until nothing is pending, then to the next frame:
 * the page refreshes from an idle callback. */
static void
settle (CaWindow *window)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  bench_wait_for_frame (GTK_WIDGET (window));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Each of @n scrolls to its frame: the median, and the 95th percentile. */
static void
scroll_frames (CaWindow      *window,
               GtkAdjustment *adjustment,
               gboolean       jumps,
               double        *median,
               double        *p95)
{
  double times[N_SCROLLS];
  double top = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, 0);
  settle (window);
  for (guint i = 0; i < N_SCROLLS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double value = jumps ? top * ((i * 7919) % N_SCROLLS) / N_SCROLLS
                           : gtk_adjustment_get_page_size (adjustment) * (i + 1);

      gtk_adjustment_set_value (adjustment, MIN (value, top));
      bench_wait_for_frame (GTK_WIDGET (window));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, N_SCROLLS, sizeof times[0], compare_doubles);
  *median = times[N_SCROLLS / 2];
  *p95 = times[N_SCROLLS * 95 / 100];
}

static double
timed_ms (CaWindow *window,
          void    (*step) (CaWindow *window, guint run),
          double   *runs)
{
  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      step (window, i);
      settle (window);
      runs[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return bench_median (runs, N_RUNS);
}

static void
choose_step (CaWindow *window,
             guint     run)
{
  ca_figures_page_set_value (ca_window_get_figures_page (window), CA_FACET_TAG, "cluster-3",
                             TRUE);
}

static void
remove_step (CaWindow *window,
             guint     run)
{
  ca_figures_page_set_value (ca_window_get_figures_page (window), CA_FACET_TAG, "cluster-3",
                             FALSE);
}

static void
sort_step (CaWindow *window,
           guint     run)
{
  CaFiguresPage *page = ca_window_get_figures_page (window);
  GtkColumnView *view = ca_figures_page_get_column_view (page);
  GtkColumnViewColumn *value = ca_figures_page_get_column (page, CA_FIGURE_COLUMN_VALUE);

  gtk_column_view_sort_by_column (view, value,
                                  run % 2 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(CaApplication) app = NULL;
  CaWindow *window;
  CaFiguresPage *page;
  GtkAdjustment *adjustment;
  double runs[N_RUNS], switch_ms, choose_ms, remove_ms, sort_ms;
  double jump_median, jump_p95, step_median, step_p95, idle_ms;
  long rss_before, rss_after;
  gint64 start;

  if (argc < 2)
    {
      g_printerr ("Usage: bench-figures-window FILE\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  ca_i18n_init ();
  gtk_init ();
  app = ca_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  window = ca_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  bench_frame_watch (GTK_WIDGET (window));
  bench_wait_for_frame (GTK_WIDGET (window));
  ca_window_open_file (window, file);
  while (ca_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  if (ca_window_get_dataset (window) == NULL)
    g_error ("The benchmark file was refused");
  settle (window);
  page = ca_window_get_figures_page (window);

  start = g_get_monotonic_time ();
  ca_window_show_view (window, "figures");
  settle (window);
  switch_ms = (g_get_monotonic_time () - start) / 1000.0;

  /* Choose and remove in turn: each run changes the filter. */
  for (guint i = 0; i < N_RUNS; i++)
    {
      choose_step (window, i);
      start = g_get_monotonic_time ();
      settle (window);
      runs[i] = (g_get_monotonic_time () - start) / 1000.0;
      remove_step (window, i);
      settle (window);
    }
  choose_ms = bench_median (runs, N_RUNS);
  for (guint i = 0; i < N_RUNS; i++)
    {
      choose_step (window, i);
      settle (window);
      remove_step (window, i);
      start = g_get_monotonic_time ();
      settle (window);
      runs[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  remove_ms = bench_median (runs, N_RUNS);
  sort_ms = timed_ms (window, sort_step, runs);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_RUNS; i++)
    bench_wait_for_frame (GTK_WIDGET (window));
  idle_ms = (g_get_monotonic_time () - start) / 1000.0 / N_RUNS;

  adjustment = gtk_scrollable_get_vadjustment (
                 GTK_SCROLLABLE (ca_figures_page_get_column_view (page)));
  rss_before = bench_rss_kib ();
  scroll_frames (window, adjustment, TRUE, &jump_median, &jump_p95);
  scroll_frames (window, adjustment, FALSE, &step_median, &step_p95);
  rss_after = bench_rss_kib ();

  g_print ("figures listed:                          %u\n", ca_figures_page_get_n_rows (page));
  g_print ("a frame with nothing changed:           %.1f ms (the baseline)\n", idle_ms);
  g_print ("switch to the Figures page, to a frame:  %.0f ms (builds the table)\n", switch_ms);
  g_print ("choose a facet value, to a frame:        %.1f ms (median of %d)\n", choose_ms,
           N_RUNS);
  g_print ("remove it, to a frame:                   %.1f ms\n", remove_ms);
  g_print ("sort by value (header), to a frame:      %.1f ms\n", sort_ms);
  g_print ("scroll, %d jumps over the list:         %.1f ms a frame (95th: %.1f ms)\n",
           N_SCROLLS, jump_median, jump_p95);
  g_print ("scroll, %d steps of a page:             %.1f ms a frame (95th: %.1f ms)\n",
           N_SCROLLS, step_median, step_p95);
  g_print ("RSS before and after scrolling:          %ld KiB, %ld KiB (+%ld)\n", rss_before,
           rss_after, rss_after - rss_before);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
