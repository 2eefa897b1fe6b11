/* bench-frame.h: what the window benchmarks share: frames and memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Counts @window's painted frames, for bench_wait_for_frame (). */
void bench_frame_watch     (GtkWidget *window);
/* Runs the main loop until @window has painted a frame after now. */
void bench_wait_for_frame  (GtkWidget *window);
/* The resident memory of this process, in KiB; -1 when unknown. */
long bench_rss_kib         (void);

G_END_DECLS
