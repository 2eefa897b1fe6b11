/* ca-tooltips.c: tooltips whose Chinese text is not one character a line
 *
 * GTK 4.8 wraps a tooltip's text at as many "characters" as the text has
 * (gtktooltipwindow.c, update_label_width ()), and a label counts a
 * character as the width of a Latin one: a Chinese character is about
 * twice that, so "主菜单" came out as 主 / 菜 / 单.  After GTK has set that
 * width, it is set again here in columns, a wide character counting two,
 * as a terminal counts them.  The tooltip window is a child of the window
 * it belongs to, with the css name "tooltip".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ca-tooltips.h"

/* GTK's own limit for a line of a tooltip, in characters. */
#define MAX_COLUMNS 50

static int
display_columns (const char *text)
{
  int columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return columns;
}

static void
max_width_changed_cb (GtkLabel   *label,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  const char *text = gtk_label_get_text (label);
  int chars = gtk_label_get_max_width_chars (label);
  int columns;

  /* Only what GTK set: as many as the text's characters. */
  if (chars != MIN (g_utf8_strlen (text, -1), MAX_COLUMNS))
    return;
  columns = MIN (display_columns (text), MAX_COLUMNS);
  if (columns != chars)
    gtk_label_set_max_width_chars (label, columns);
}

static void
watch_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          if (g_object_get_data (G_OBJECT (child), "ca-tooltip-watched") == NULL)
            {
              g_signal_connect (child, "notify::max-width-chars",
                                G_CALLBACK (max_width_changed_cb), NULL);
              g_object_set_data (G_OBJECT (child), "ca-tooltip-watched", GINT_TO_POINTER (1));
            }
          return;
        }
      watch_label (child);
    }
}

/* Runs as a tooltip is asked for, before GTK sets its text. */
static gboolean
query_tooltip_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkNative *native = gtk_widget_get_native (widget);

  if (native == NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (native)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "tooltip") == 0)
      watch_label (child);
  return TRUE;
}

void
ca_tooltips_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_signal_add_emission_hook (g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET), 0,
                                  query_tooltip_hook, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}
