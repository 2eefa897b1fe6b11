/* soak-window.c: the soak test of the real window (make soak).
 *
 * Runs the application on the bundled data under Xvfb and, for each round:
 * switches the interface language with app.language and back, visits every
 * node of the tree (expanding all rows, selecting each one so that the
 * details pane and the chart follow, and letting a frame be drawn), and
 * exports every view of the selected node (each chart kind as PNG, SVG and
 * PDF, and the CSV of its subtree).  It prints VmRSS after the first round
 * and after the last, and fails when the last exceeds the first by more
 * than 10%.  Usage: soak-window [ROUNDS] (50 by default). */

#include <malloc.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ca-application.h"
#include "ca-csv.h"
#include "ca-export.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-window-private.h"

#define WAIT_LIMIT_US (30 * G_USEC_PER_SEC)

static guint n_rounds = 50;
static int exit_status = 1;

/* Runs the main loop until @done returns TRUE, or fails the test. */
static void
spin_until (gboolean (*done) (gpointer), gpointer data, const char *what)
{
  gint64 start = g_get_monotonic_time ();

  while (!done (data))
    {
      if (g_get_monotonic_time () - start > WAIT_LIMIT_US)
        g_error ("soak: timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
}

typedef struct {
  GdkFrameClock *clock;
  gint64         frame;
} FrameWait;

static gboolean
frame_passed (gpointer data)
{
  FrameWait *wait = data;

  return gdk_frame_clock_get_frame_counter (wait->clock) >= wait->frame;
}

/* Lets @widget's window draw one more frame, so that what changed is painted. */
static void
wait_frame (GtkWidget *widget)
{
  FrameWait wait = { gtk_widget_get_frame_clock (widget), 0 };

  g_assert (wait.clock != NULL);
  wait.frame = gdk_frame_clock_get_frame_counter (wait.clock) + 1;
  gtk_widget_queue_draw (widget);
  spin_until (frame_passed, &wait, "a frame");
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static CaWindow *
current_window (GtkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (app);

  return CA_IS_WINDOW (window) ? CA_WINDOW (window) : NULL;
}

/* Whether the current window shows a dataset in its tree. */
static gboolean
tree_shown (gpointer app)
{
  CaWindow *window = current_window (app);

  return window != NULL
         && ca_window_get_dataset (window) != NULL
         && g_list_model_get_n_items (G_LIST_MODEL (window->selection)) > 0;
}

/* Selects every node of the dataset in turn, as a click in the tree would,
 * letting a frame be drawn each time so the details pane and the chart are
 * built and painted.  Returns the @pick-th node (modulo their number). */
static const CaNode *
visit_every_node (GtkApplication *app,
                  guint           pick)
{
  CaWindow *window = current_window (app);
  CaDataset *dataset = ca_window_get_dataset (window);
  const CaNode *picked = NULL;
  guint visited = 0;

  for (guint r = 0; r < ca_dataset_get_n_roots (dataset); r++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, r);
      const CaNode *node = NULL;

      while ((node = ca_node_next_in_subtree (root, node)) != NULL)
        {
          g_assert_true (ca_window_select_node (window, node));
          wait_frame (GTK_WIDGET (window));
          g_assert_true (ca_window_get_selected_node (window) == node);
          if (visited++ == pick % ca_dataset_get_n_nodes (dataset))
            picked = node;
        }
    }
  g_assert_cmpuint (visited, ==, ca_dataset_get_n_nodes (dataset));
  return picked;
}

/* Every chart kind in every format, and the CSV, as the export dialog writes them. */
static void
export_every_view (const CaNode *node,
                   const char   *dir)
{
  const CaExportFormat formats[] = { CA_EXPORT_PNG, CA_EXPORT_SVG, CA_EXPORT_PDF };
  const CaChartKind kinds[] = { CA_CHART_GOALS, CA_CHART_COUNTS, CA_CHART_TIMELINE };
  g_autofree char *csv = g_build_filename (dir, "figures.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        CaExportOptions options = { formats[f], kinds[k], 1200, 800, 1, NULL };
        g_autofree char *name = g_strdup_printf ("chart-%u.%s", k,
                                                 ca_export_format_to_extension (formats[f]));
        g_autofree char *path = g_build_filename (dir, name, NULL);

        if (!ca_export_write (node, &options, path, &error))
          g_error ("soak: export to %s failed: %s", path, error->message);
      }
  if (!ca_csv_write_subtree (node, csv, &error))
    g_error ("soak: CSV export failed: %s", error->message);
}

static void
switch_language (GtkApplication *app,
                 const char     *lang)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string (lang));
  g_assert_cmpstr (ca_i18n_get_language (), ==, lang);
  spin_until (tree_shown, app, "the rebuilt window");
  wait_frame (GTK_WIDGET (current_window (app)));
}

static void
run_round (GtkApplication *app,
           guint           round,
           const char     *dir)
{
  const char *langs[] = { "zh_CN", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      switch_language (app, langs[l]);
      export_every_view (visit_every_node (app, round), dir);
    }
}

/* Resident memory in KiB, after giving freed heap back to the system so
 * that the figure follows what is live, not what malloc keeps cached. */
static gsize
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  malloc_trim (0);
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "\nVmRSS:")) == NULL)
    g_error ("soak: cannot read VmRSS");
  return g_ascii_strtoull (line + strlen ("\nVmRSS:"), NULL, 10);
}

static void
remove_exports (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static gboolean
soak_cb (gpointer data)
{
  GtkApplication *app = data;
  g_autofree char *dir = g_dir_make_tmp ("ca-soak-XXXXXX", NULL);
  gsize first = 0, last = 0;
  double ratio;

  spin_until (tree_shown, app, "the bundled dataset");
  for (guint round = 0; round < n_rounds; round++)
    {
      run_round (app, round, dir);
      if (round == 0)
        first = resident_kib ();
    }
  last = resident_kib ();
  ratio = (double) last / first;
  g_print ("soak: %u rounds (2 language switches, %s, exports each)\n", n_rounds,
           "every node visited twice");
  g_print ("soak: VmRSS after round 1: %" G_GSIZE_FORMAT " KiB\n", first);
  g_print ("soak: VmRSS after round %u: %" G_GSIZE_FORMAT " KiB\n", n_rounds, last);
  g_print ("soak: ratio %.3f (limit 1.10): %s\n", ratio, ratio <= 1.10 ? "ok" : "FAILED");
  exit_status = ratio <= 1.10 ? 0 : 1;
  remove_exports (dir);
  g_application_release (G_APPLICATION (app));
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
activate_after_cb (GApplication *app)
{
  static gboolean started;

  if (started)
    return;
  started = TRUE;
  g_application_hold (app);
  g_idle_add (soak_cb, app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaApplication) app = NULL;
  char *app_argv[] = { argv[0], NULL };

  if (argc > 1)
    n_rounds = MAX (1, (guint) g_ascii_strtoull (argv[1], NULL, 10));
  ca_i18n_init ();
  app = ca_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), NULL);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  return exit_status;
}
