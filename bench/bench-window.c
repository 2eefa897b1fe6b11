/* bench-window.c: the explorer window with a big dataset.
 *
 * Writes a file of 100,011 nodes (a root with 10,000 children of 9 parks
 * each), opens it in the real window under the display given (run it under
 * xvfb-run) and prints:
 *   - the time from the start of loading to the first frame that shows it;
 *   - the time to expand the root's 10,000 children, to the next frame;
 *   - the resident memory after loading, after expanding, and after
 *     scrolling through every expanded row, which should stay close: rows
 *     are made for what is on screen, not for what was ever shown.
 *
 *   xvfb-run -a build/bench/bench-window [N_CHILDREN [N_GRANDCHILDREN]]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-common.h"
#include "bench-frame.h"
#include "ca-application.h"
#include "ca-i18n.h"
#include "ca-window-private.h"

static char *
write_dataset (guint n_children,
               guint n_grandchildren)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("ca-bench-window-XXXXXX.xml", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_string_append (xml,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">\n"
                   "<title xml:lang=\"en\">Window benchmark</title>\n"
                   "<metrics><metric id=\"m\" kind=\"count\"><name xml:lang=\"en\">Things</name>"
                   "</metric></metrics>\n"
                   "<sources><source id=\"s\" published=\"2024-01-01\" publisher=\"P\">"
                   "<title xml:lang=\"en\">T</title></source></sources>\n"
                   "<region id=\"root\" kind=\"country\"><name xml:lang=\"en\">Root</name>"
                   "<name xml:lang=\"zh-CN\">根</name>\n");
  for (guint i = 0; i < n_children; i++)
    {
      g_string_append_printf (xml, "<region id=\"r%u\" kind=\"district\">"
                              "<name xml:lang=\"en\">Region %u</name>"
                              "<name xml:lang=\"zh-CN\">区%u</name>\n", i, i, i);
      for (guint j = 0; j < n_grandchildren; j++)
        g_string_append_printf (xml, "<park id=\"p%u-%u\" kind=\"park\">"
                                "<name xml:lang=\"en\">Park %u-%u</name>"
                                "<count metric=\"m\" value=\"%u\" date=\"2024\" source=\"s\"/>"
                                "</park>\n", i, j, i, j, j + 1);
      g_string_append (xml, "</region>\n");
    }
  g_string_append (xml, "</region>\n</atlas>\n");
  g_file_set_contents (path, xml->str, xml->len, &error);
  g_assert_no_error (error);

  return path;
}

#define N_RUNS 5

static void
scroll_through (CaWindow *window,
                guint     n_rows)
{
  GtkWidget *list = GTK_WIDGET (ca_window_get_tree_view (window));

  for (guint position = 0; position < n_rows; position += 40)
    {
      gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
      bench_wait_for_frame (GTK_WIDGET (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  guint n_children = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint n_grandchildren = argc > 2 ? (guint) atoi (argv[2]) : 9;
  g_autofree char *path = write_dataset (n_children, n_grandchildren);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CaApplication) app = NULL;
  g_autoptr(GtkTreeListRow) root = NULL;
  CaWindow *window;
  gint64 start;
  double load_ms, model_ms, expand_ms, idle_frame_ms;
  double model_runs[N_RUNS], frame_runs[N_RUNS], bare_runs[N_RUNS], bare_ms;
  long rss_loaded, rss_expanded, rss_scrolled, rss_again;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  ca_i18n_init ();
  gtk_init ();
  app = ca_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  window = ca_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  bench_frame_watch (GTK_WIDGET (window));
  bench_wait_for_frame (GTK_WIDGET (window));

  start = g_get_monotonic_time ();
  ca_window_open_file (window, file);
  while (ca_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  if (ca_window_get_dataset (window) == NULL)
    g_error ("The benchmark file was refused");
  bench_wait_for_frame (GTK_WIDGET (window));
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  rss_loaded = bench_rss_kib ();

  start = g_get_monotonic_time ();
  bench_wait_for_frame (GTK_WIDGET (window));
  idle_frame_ms = (g_get_monotonic_time () - start) / 1000.0;

  /* The first root opens expanded; collapse it to time cold expansions,
   * and keep the median of five against a busy machine. */
  root = gtk_tree_list_model_get_row (ca_window_get_tree_model (window), 0);
  for (guint i = 0; i < N_RUNS; i++)
    {
      gtk_tree_list_row_set_expanded (root, FALSE);
      bench_wait_for_frame (GTK_WIDGET (window));
      start = g_get_monotonic_time ();
      gtk_tree_list_row_set_expanded (root, TRUE);
      model_runs[i] = (g_get_monotonic_time () - start) / 1000.0;
      bench_wait_for_frame (GTK_WIDGET (window));
      frame_runs[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  model_ms = bench_median (model_runs, N_RUNS);
  expand_ms = bench_median (frame_runs, N_RUNS);

  /* The same expansion in a tree model that no view shows, to tell the
   * model's part from the list view's. */
  {
    g_autoptr(GtkTreeListModel) bare = ca_tree_model_new (ca_window_get_dataset (window));
    g_autoptr(GtkTreeListRow) bare_root = gtk_tree_list_model_get_row (bare, 0);

    for (guint i = 0; i < N_RUNS; i++)
      {
        gtk_tree_list_row_set_expanded (bare_root, FALSE);
        start = g_get_monotonic_time ();
        gtk_tree_list_row_set_expanded (bare_root, TRUE);
        bare_runs[i] = (g_get_monotonic_time () - start) / 1000.0;
      }
    bare_ms = bench_median (bare_runs, N_RUNS);
  }
  rss_expanded = bench_rss_kib ();

  scroll_through (window, n_children + 1);
  rss_scrolled = bench_rss_kib ();
  /* Twice more: what a bounded cache holds is there after the first pass. */
  scroll_through (window, n_children + 1);
  scroll_through (window, n_children + 1);
  rss_again = bench_rss_kib ();

  g_print ("nodes in file:                         %u\n", 1 + n_children * (1 + n_grandchildren));
  g_print ("open to first frame showing the data:  %.0f ms\n", load_ms);
  g_print ("expand a node of %u children:        %.1f ms to the next frame "
           "(%.1f ms in the tree model; medians of 5)\n", n_children, expand_ms, model_ms);
  g_print ("a frame with nothing changed:          %.1f ms\n", idle_frame_ms);
  g_print ("the same in a tree model without a view:  %.1f ms\n", bare_ms);
  g_print ("RSS after loading:                     %ld KiB\n", rss_loaded);
  g_print ("RSS after expanding:                   %ld KiB (+%ld)\n", rss_expanded,
           rss_expanded - rss_loaded);
  g_print ("RSS after scrolling through all rows:  %ld KiB (+%ld)\n", rss_scrolled,
           rss_scrolled - rss_expanded);
  g_print ("RSS after two more passes:             %ld KiB (+%ld)\n", rss_again,
           rss_again - rss_scrolled);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  return 0;
}
