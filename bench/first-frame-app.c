/* first-frame-app.c: cluster-atlas, timed to its first frame.
 *
 * The program exactly as main.c runs it (the same application, window and
 * resources, linked from libca-ui), plus what the product must not carry:
 * a hook on the window's frame clock that prints when the first frame was
 * painted, on the monotonic clock, and quits.  bench/first-frame.py times
 * it beside bench/bare-window.c, which does the same for an empty window.
 *
 *   first-frame-app [FILE]
 *
 * With CA_BENCH_WAIT=loaded it waits for the first frame that shows a
 * dataset instead, and exits with status 1 if the file is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ca-application.h"
#include "ca-i18n.h"
#include "ca-window-private.h"

static int exit_status;

static void
after_paint_cb (GdkFrameClock *clock,
                CaWindow      *window)
{
  if (g_strcmp0 (g_getenv ("CA_BENCH_WAIT"), "loaded") == 0 &&
      ca_window_get_dataset (window) == NULL)
    {
      if (ca_window_is_loading (window) || ca_window_get_problems_dialog (window) == NULL)
        return;
      g_printerr ("first-frame-app: the file was refused\n");
      exit_status = 1;
    }

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_print ("first-frame-us: %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (g_application_get_default ());
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

/* The first window only: a language switch would make others. */
static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (app, window_added_cb, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaApplication) app = NULL;
  int status;

  ca_i18n_init ();
  gtk_disable_setlocale ();
  app = ca_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : exit_status;
}
