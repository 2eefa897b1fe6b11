/* ca-cli-options.c: the options of every form of the command line (README,
 * "Command line"; cluster-atlas.1), and the headless commands run from them
 * with no display and no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ca-cli.h"
#include "ca-i18n.h"
#include "ca-node.h"

/* The program options, the one table of both programs: GApplication parses
 * them, shows them in --help and packs them into the dictionary that
 * ca_cli_handle_options () reads.  A headless command is an option below
 * plus a row in commands[]. */
static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use LANG as the interface language for this run, e.g. “en” or “zh_CN”"),
    N_("LANG") },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the dataset files given and exit, without a window"), NULL },
  { "find", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the id and path of every node whose names, id or tags match QUERY, "
       "as the window's search does, and exit"), N_("QUERY") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the chart of --node to OUT (.png, .svg, .pdf), its figures (.csv), their "
       "sources (.bib, .ris, .json) or all of these in one zip (.zip), without a window"),
    N_("OUT") },
  { "node", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The id of the node to export"), N_("ID") },
  /* Taken as bytes, so that ids not in UTF-8 are a usage error that names
   * the option, not GLib's "Invalid byte sequence in conversion input". */
  { "compare", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export a chart that compares 2 to 8 nodes, their ids separated by commas, "
       "instead of --node; with --chart counts or goals, only their reports or goals "
       "(the default: both)"), N_("ID,ID,…") },
  /* Translators: do not translate goals, trend, counts and timeline: they are values. */
  { "chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The chart to export: goals (the default), trend, counts or timeline"), N_("VIEW") },
  /* Numbers are taken as strings, so that a bad one is a usage error (2). */
  { "width", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The exported chart’s width, 200 to 10000 (default 1200)"), N_("PX") },
  { "height", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The exported chart’s height, 150 to 10000 (default: as tall as its content)"),
    N_("PX") },
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Pixels per unit of an exported PNG, 1 to 3 (default 1)"), N_("N") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL,
    N_("[FILE…]") },
  G_OPTION_ENTRY_NULL
};

typedef int (*CaCommandFunc) (GVariantDict *options,
                              char        **files);

static int
run_check (GVariantDict  *options,
           char         **files)
{
  if (files == NULL || files[0] == NULL)
    {
      return ca_cli_usage_message (_("--check needs at least one FILE"));
    }

  return ca_cli_check (files);
}

static int
run_find (GVariantDict  *options,
          char         **files)
{
  const char *query = NULL;

  g_variant_dict_lookup (options, "find", "&s", &query);
  return ca_cli_find (query, files);
}

static const struct {
  const char    *option;
  CaCommandFunc  run;
} commands[] = {
  { "check", run_check },
  { "find", run_find },
  { "export", ca_cli_run_export },
};

/* GApplication answers a command line it cannot parse with its own message
 * and status 1, but a usage error is 2 and says how to see the options.  The
 * parse calls this hook on every such error; leaving from inside it is what
 * GOptionContext itself does for --help. */
static void
usage_error_cb (GOptionContext  *context,
                GOptionGroup    *group,
                gpointer         data,
                GError         **error)
{
  g_assert (error != NULL && *error != NULL);

  exit (ca_cli_usage_error (*error));
}

void
ca_cli_add_options (GApplication *app)
{
  GOptionGroup *hooks;

  g_return_if_fail (G_IS_APPLICATION (app));

  g_application_add_main_option_entries (app, option_entries);
  /* A group with no entries, for its hook: it shows nowhere in --help. */
  hooks = g_option_group_new ("cluster-atlas", "", "", NULL, NULL);
  g_option_group_set_error_hook (hooks, usage_error_cb);
  g_application_add_option_group (app, hooks);
}

gboolean
ca_cli_has_command (GVariantDict *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_variant_dict_contains (options, commands[i].option))
      return TRUE;
  return FALSE;
}

char *
ca_cli_quote (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return ca_quote_line (text, CA_CLI_QUOTE_MAX);
}

char *
ca_cli_quote_filename (const char *filename)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (filename != NULL, NULL);
  display = g_filename_display_name (filename);
  return ca_quote_line (display, CA_CLI_QUOTE_MAX);
}

int
ca_cli_usage_message (const char *message)
{
  g_return_val_if_fail (message != NULL, 2);

  g_printerr ("%s: %s\n", g_get_prgname (), message);
  return 2;
}

int
ca_cli_usage_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, 2);

  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  /* Translators: %s is the program name, cluster-atlas. */
  g_printerr (_("Run “%s --help” to see the options."), g_get_prgname ());
  g_printerr ("\n");
  return 2;
}

static int
apply_language (GVariantDict *options)
{
  const char * const *available = ca_i18n_get_available ();
  const char *lang = NULL, *code;

  if (!g_variant_dict_lookup (options, "lang", "&s", &lang))
    return -1;

  /* zh_HK and zh_MO read zh_TW, as the README says; en_GB reads en. */
  code = lang[0] != '\0' ? ca_i18n_match (lang) : "";
  if (code == NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) available);
      g_autofree char *typed = ca_cli_quote (lang);
      g_autofree char *message = NULL;

      /* Translators: the first %s is what the user typed, the second a list
       * such as "en, zh_CN". */
      message = g_strdup_printf (_("Unknown language “%s”; available: %s"), typed, list);
      return ca_cli_usage_message (message);
    }

  ca_i18n_set_language (code);
  return -1;
}

/* A second command would otherwise be ignored without a word: the user who
 * asked for both would believe the export was made.  2 then, else -1. */
static int
check_one_command (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  const char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_variant_dict_contains (options, commands[i].option))
        continue;
      if (first == NULL)
        {
          first = commands[i].option;
          continue;
        }
      /* Translators: two options such as “--check” and “--export”. */
      error = g_error_new (G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--%s and --%s cannot be combined; give one of them"),
                           first, commands[i].option);
      return ca_cli_usage_error (error);
    }
  return -1;
}

int
ca_cli_handle_options (GVariantDict *options)
{
  g_auto(GStrv) files = NULL;
  int status;

  g_return_val_if_fail (options != NULL, 2);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if ((status = apply_language (options)) >= 0)
    return status;

  if ((status = check_one_command (options)) >= 0)
    return status;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &files);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_variant_dict_contains (options, commands[i].option))
      return commands[i].run (options, files);

  return -1;
}

static int
handle_local_options_cb (GApplication *app,
                         GVariantDict *options,
                         gpointer      user_data)
{
  int status = ca_cli_handle_options (options);

  if (status >= 0)
    return status;

  g_printerr ("%s: %s\n", g_get_prgname (),
              _("nothing to do without a display: give --check FILE…, --find QUERY or "
                "--export OUT --node ID"));
  return 2;
}

GApplication *
ca_cli_application_new (void)
{
  GApplication *app = g_application_new (NULL, G_APPLICATION_NON_UNIQUE);

  g_application_set_option_context_summary (app, _("Runs the commands of Cluster Atlas that "
                                                    "need no display: --check FILE…, --find "
                                                    "QUERY and --export OUT --node ID. The "
                                                    "explorer itself is “cluster-atlas”."));
  ca_cli_add_options (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options_cb), NULL);
  return app;
}
