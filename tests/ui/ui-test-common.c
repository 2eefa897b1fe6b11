/* ui-test-common.c: what every test of the real window sets up first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ca-i18n.h"
#include "ui-test-common.h"

/* Lives as long as the test: GTK writes recent files there. */
static char *home;

CaApplication *
ui_test_start (int          *argc,
               char       ***argv,
               const char   *name)
{
  g_autofree char *template = g_strdup_printf ("ca-test-%s-XXXXXX", name);
  CaApplication *app;

  home = g_dir_make_tmp (template, NULL);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  ca_i18n_init ();
  ca_i18n_set_language ("en");
  gtk_test_init (argc, argv, NULL);

  app = ca_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app))
                           | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));
  return app;
}

void
ui_test_finish (void)
{
  if (home != NULL)
    g_rmdir (home);
  g_clear_pointer (&home, g_free);
}

const char *
ui_test_find_title (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title-1"))
    return gtk_widget_get_mapped (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *title = ui_test_find_title (child);

      if (title != NULL)
        return title;
    }

  return NULL;
}

GtkWidget *
ui_test_find_widget (GtkWidget     *widget,
                     gboolean     (*match) (GtkWidget *widget, gconstpointer data),
                     gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}
