/* ca-application.c: the Cluster Atlas application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "ca-application.h"
#include "ca-cli.h"
#include "ca-i18n.h"
#include "ca-window.h"

#define RESOURCE_PATH "/org/clusteratlas/ClusterAtlas"
#define CLI_PROGRAM "cluster-atlas-cli"

struct _CaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GtkCssProvider *dark_css;
  /* --lang chose the language for this run: the setting is left alone. */
  gboolean        language_from_cli;
  /* The command line as given, for cluster-atlas-cli. */
  char          **arguments;
};

G_DEFINE_FINAL_TYPE (CaApplication, ca_application, ADW_TYPE_APPLICATION)

/* No resource base path.  With one, GtkApplication adds its icons/ folder
 * to the icon theme at start-up, just after GTK has read the whole theme in
 * a thread; that throws the theme away, and the window's first icon reads
 * it all again on the main thread, before the first frame.  So the style
 * sheets are loaded here (load_styles ()), the tree's icons are taken from
 * the resources by file (ca-tree-row.c), and the application icon's folder
 * is added only where that icon shows (ca_application_ensure_app_icon ()).
 *
 * The one workaround that stayed, measured again on 2026-12-01 against
 * GTK's and libadwaita's defaults (a resource base path, libadwaita's
 * style loading, the kind icons' SVGs by name through the icon theme), six
 * times 40 to 60 runs each in turns with bench/first-frame.py: the first
 * frame is 8% to 15% sooner in five of the six, 2% in one (260 ms against
 * 282 ms, the bare window 208 ms, in the last), and 2% fewer instructions
 * (764 M against 780 M): the defaults read the theme twice, the second time
 * on the main thread.  Its parts depend on each other: without the
 * pre-drawn icons the icons/ folder must join the theme at start-up, and
 * that costs 10% more instructions (842 M). */
CaApplication *
ca_application_new (void)
{
  return g_object_new (CA_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", NULL,
                       NULL);
}

void
ca_application_ensure_app_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  /* Installed, the icon is in the hicolor theme; run from the build tree,
   * only in the resources. */
  if (!gtk_icon_theme_has_icon (theme, APPLICATION_ID))
    gtk_icon_theme_add_resource_path (theme, RESOURCE_PATH "/icons");
}

static void
dark_changed_cb (CaApplication *self)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->dark_css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  else
    gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (self->dark_css));
}

/* What AdwApplication does for a resource base path: style.css always,
 * style-dark.css over it while the style is dark. */
static void
load_styles (CaApplication *self)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  self->dark_css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->dark_css, RESOURCE_PATH "/style-dark.css");
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  dark_changed_cb (self);
}

static gboolean
language_is_available (const char *lang)
{
  const char * const *available = ca_i18n_get_available ();

  return lang[0] == '\0' || g_strv_contains (available, lang);
}

/* Files named on the command line go to the primary instance's "open". */
static int
open_cli_files (GApplication  *app,
                char         **files)
{
  g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_application_open (app, (GFile **) gfiles->pdata, gfiles->len, "");
  return g_application_get_is_remote (app) ? 0 : -1;
}

/* Runs cluster-atlas-cli in place of this process, with the same arguments,
 * so that --check and --export do not pay for GTK: this process loads no
 * data.  It is looked for next to this program first (the build tree), then
 * where it is installed.  Returns only when neither can be run. */
static void
exec_cli (char **arguments)
{
  g_autofree char *self_dir = ca_cli_get_program_dir ();
  g_autofree char *beside = self_dir != NULL ? g_build_filename (self_dir, CLI_PROGRAM, NULL)
                                             : NULL;
  const char *candidates[] = { beside, LIBEXECDIR "/" CLI_PROGRAM };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (candidates[i] == NULL || !g_file_test (candidates[i], G_FILE_TEST_IS_EXECUTABLE))
        continue;
      execv (candidates[i], arguments);
      g_debug ("Could not run %s: %s", candidates[i], g_strerror (errno));
    }
}

/* The options were parsed once, by GApplication, from the table of
 * ca_cli_add_options ().  When cluster-atlas-cli cannot be run, the
 * headless command runs here: the same code is linked in, only with GTK's
 * libraries mapped. */
static int
ca_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CaApplication *self = CA_APPLICATION (app);
  g_auto(GStrv) files = NULL;
  int status;

  if (ca_cli_has_command (options))
    exec_cli (self->arguments);
  if ((status = ca_cli_handle_options (options)) >= 0)
    return status;

  self->language_from_cli = g_variant_dict_contains (options, "lang");
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &files);
  if (files != NULL && files[0] != NULL)
    return open_cli_files (app, files);

  return -1;
}

/* Keeps the command line as the user gave it, to hand on unchanged to
 * cluster-atlas-cli: parsing consumes GApplication's copy. */
static gboolean
ca_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  CaApplication *self = CA_APPLICATION (app);

  g_clear_pointer (&self->arguments, g_strfreev);
  self->arguments = g_strdupv (*arguments);

  return G_APPLICATION_CLASS (ca_application_parent_class)->local_command_line (app, arguments,
                                                                               exit_status);
}

static CaWindow *
get_window (CaApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CA_IS_WINDOW (window))
    return CA_WINDOW (window);

  return NULL;
}

static void
ca_application_activate (GApplication *app)
{
  CaApplication *self = CA_APPLICATION (app);
  CaWindow *window = get_window (self);

  if (window == NULL)
    {
      window = ca_window_new (self);
      ca_window_open_bundled (window);
    }

  ca_window_present_when_ready (window);
}

static void
ca_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CaApplication *self = CA_APPLICATION (app);

  /* The first file replaces what the active window shows; any others get
   * windows of their own. */
  for (int i = 0; i < n_files; i++)
    {
      CaWindow *window = i == 0 ? get_window (self) : NULL;

      if (window == NULL)
        window = ca_window_new (self);

      ca_window_open_file (window, files[i]);
      ca_window_present_when_ready (window);
    }
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CaApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing lets each window save its state first. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
    }

  g_application_quit (G_APPLICATION (self));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CaApplication *self = user_data;
  static const char *developers[] = { "Cluster Atlas developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  ca_application_ensure_app_icon ();
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "destroy-with-parent", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Cluster Atlas"),
                        "developer-name", _("Cluster Atlas developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Explore the regions, parks and programs of "
                                      "regional innovation policy, with every figure "
                                      "traced to its source."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line, shown in the About window. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about),
                                       _("Figures from"),
                                       (const char *[]) {
                                         _("The published plans and reports named in "
                                           "each dataset"),
                                         NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static void
open_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CaApplication *self = user_data;
  CaWindow *window = get_window (self);

  if (window == NULL)
    {
      window = ca_window_new (self);
      gtk_window_present (GTK_WINDOW (window));
    }

  ca_window_show_open_dialog (window);
}

static void
language_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CaApplication *self = user_data;
  const char *lang = g_variant_get_string (parameter, NULL);

  if (!language_is_available (lang))
    {
      g_warning ("Unknown interface language “%s”", lang);
      return;
    }

  /* A choice made in the running program is remembered, even when --lang
   * chose the language it started in. */
  g_settings_set_string (self->settings, "language", lang);
  ca_application_set_language (self, lang);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated_cb },
  { "about", about_activated_cb },
  { "open", open_activated_cb },
  { "language", language_activated_cb, "s", "''" },
};

/* The application's own keys, beside its actions; the window's are bound
 * on its class with its actions (ca-window-actions.c). */
static void
set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.open", { "<Control>o", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

void
ca_application_set_language (CaApplication *self,
                             const char    *lang)
{
  GAction *action;
  g_autoptr(GList) windows = NULL;

  g_return_if_fail (CA_IS_APPLICATION (self));

  ca_i18n_set_language (lang != NULL ? lang : "");
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  /* The choice, "" for System Default, not the language it comes to. */
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (lang != NULL ? lang : ""));

  /* Every string of a template comes from the catalogue when it is built,
   * so the simplest complete switch is a new window with the same state. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (CA_IS_WINDOW (l->data))
      ca_window_rebuild (CA_WINDOW (l->data));
}

static void
ca_application_startup (GApplication *app)
{
  CaApplication *self = CA_APPLICATION (app);
  g_autofree char *chosen = NULL;
  GAction *language;

  G_APPLICATION_CLASS (ca_application_parent_class)->startup (app);
  load_styles (self);

  self->settings = g_settings_new (APPLICATION_ID);
  /* The Language menu marks what was chosen: --lang's language, or the
   * remembered choice, which may be System Default (""). */
  if (self->language_from_cli)
    chosen = g_strdup (ca_i18n_get_language ());
  else
    {
      chosen = g_settings_get_string (self->settings, "language");
      if (language_is_available (chosen))
        ca_i18n_set_language (chosen);
      else
        g_clear_pointer (&chosen, g_free);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  language = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  g_simple_action_set_state (G_SIMPLE_ACTION (language),
                             g_variant_new_string (chosen != NULL ? chosen : ""));
  set_accels (GTK_APPLICATION (self));
}

static void
ca_application_finalize (GObject *object)
{
  CaApplication *self = CA_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->dark_css);
  g_clear_pointer (&self->arguments, g_strfreev);

  G_OBJECT_CLASS (ca_application_parent_class)->finalize (object);
}

static void
ca_application_class_init (CaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ca_application_finalize;
  app_class->local_command_line = ca_application_local_command_line;
  app_class->handle_local_options = ca_application_handle_local_options;
  app_class->startup = ca_application_startup;
  app_class->activate = ca_application_activate;
  app_class->open = ca_application_open;
}

static void
ca_application_init (CaApplication *self)
{
  /* All the options, for --help: the headless ones run in cluster-atlas-cli. */
  ca_cli_add_options (G_APPLICATION (self));
}
