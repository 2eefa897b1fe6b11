/* ui-test-common.h: what every test of the real window sets up first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ca-application.h"

G_BEGIN_DECLS

/* Starts as the program does, for a test under Xvfb: settings in memory,
 * recent files in a scratch home named after @name (not the user's list),
 * the interface in English, our text domain before GTK's, then a
 * registered, held application that any number of tests may share.  Keeps
 * HANDLES_OPEN: files open through "open", as from the command line. */
CaApplication *ui_test_start (int          *argc,
                              char       ***argv,
                              const char   *name);

/* Removes the scratch home, if nothing was left in it. */
void           ui_test_finish (void);

/* The heading the user reads below @widget: the text of the mapped label in
 * the title-1 style (the details pane's title), or NULL. */
const char    *ui_test_find_title (GtkWidget *widget);

/* The first of @widget and its descendants, depth first, that @match
 * takes (with @data), or NULL. */
GtkWidget     *ui_test_find_widget (GtkWidget  *widget,
                                    gboolean  (*match) (GtkWidget *widget, gconstpointer data),
                                    gconstpointer data);

G_END_DECLS
