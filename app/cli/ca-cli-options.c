/* ca-cli-options.c: the options of cli.md, and the headless commands run
 * from them with no display and no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ca-cli.h"
#include "ca-i18n.h"
#include "ca-node.h"

/* The program options of ../shared/design/cli.md, shared by cluster-atlas
 * (for its --help and its usage check) and cluster-atlas-cli.  A headless
 * command is an option below plus a row in commands[]. */
static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use LANG as the interface language for this run, e.g. “en” or “zh_CN”"),
    N_("LANG") },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the dataset files given and exit, without a window"), NULL },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the chart of --node to OUT (.png, .svg, .pdf) or its figures (.csv), "
       "without a window"), N_("OUT") },
  { "node", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The id of the node to export"), N_("ID") },
  /* Translators: do not translate goals, counts and timeline: they are values. */
  { "chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The chart to export: goals (the default), counts or timeline"), N_("VIEW") },
  /* Numbers are taken as strings, so that a bad one is a usage error (2). */
  { "width", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The exported chart’s width, 200 to 10000 (default 1200)"), N_("PX") },
  { "height", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The exported chart’s height, 150 to 10000 (default 800)"), N_("PX") },
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Pixels per unit of an exported PNG, 1 to 3 (default 1)"), N_("N") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL,
    N_("[FILE…]") },
  { NULL }
};

typedef int (*CaCommandFunc) (GVariantDict *options,
                              char        **files);

static int
run_check (GVariantDict  *options,
           char         **files)
{
  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("%s\n", _("--check needs at least one FILE"));
      return 2;
    }

  return ca_cli_check (files);
}

static const struct {
  const char    *option;
  CaCommandFunc  run;
} commands[] = {
  { "check", run_check },
  { "export", ca_cli_run_export },
};

const GOptionEntry *
ca_cli_get_option_entries (void)
{
  return option_entries;
}

static gboolean
names_command (const char *arg)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *name = commands[i].option;

      if (g_str_has_prefix (arg, "--") && g_str_has_prefix (arg + 2, name)
          && (arg[2 + strlen (name)] == '\0' || arg[2 + strlen (name)] == '='))
        return TRUE;
    }
  return FALSE;
}

gboolean
ca_cli_is_headless (char **argv)
{
  g_return_val_if_fail (argv != NULL, FALSE);

  for (guint i = 1; argv[0] != NULL && argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        return FALSE;
      if (names_command (argv[i]))
        return TRUE;
    }
  return FALSE;
}

/* What the parser stored in @slot for @entry, as GApplication would put it
 * in its dictionary; NULL when the option was not given. */
static GVariant *
slot_to_variant (const GOptionEntry *entry,
                 gpointer            slot)
{
  switch ((int) entry->arg)
    {
    case G_OPTION_ARG_NONE:
      return *(gboolean *) slot ? g_variant_new_boolean (TRUE) : NULL;
    case G_OPTION_ARG_STRING:
      return *(char **) slot ? g_variant_new_string (*(char **) slot) : NULL;
    case G_OPTION_ARG_FILENAME:
      return *(char **) slot ? g_variant_new_bytestring (*(char **) slot) : NULL;
    case G_OPTION_ARG_FILENAME_ARRAY:
      if (*(char ***) slot == NULL)
        return NULL;
      return g_variant_new_bytestring_array (*(const char * const **) slot, -1);
    default:
      g_assert_not_reached ();
    }
}

static void
slot_clear (const GOptionEntry *entry,
            gpointer            slot)
{
  if (entry->arg == G_OPTION_ARG_FILENAME_ARRAY)
    g_clear_pointer ((char ***) slot, g_strfreev);
  else if (entry->arg == G_OPTION_ARG_STRING || entry->arg == G_OPTION_ARG_FILENAME)
    g_clear_pointer ((char **) slot, g_free);
}

/* Parses with @context, whose main entries are a copy of option_entries
 * with each arg_data pointing into @storage. */
static gboolean
parse_into (GOptionContext  *context,
            GOptionEntry    *entries,
            char           **arguments,
            GVariantDict    *options,
            GError         **error)
{
  g_autofree gint64 *storage = g_new0 (gint64, G_N_ELEMENTS (option_entries));
  g_auto(GStrv) copy = g_strdupv (arguments);
  gboolean ok;

  for (guint i = 0; entries[i].long_name != NULL; i++)
    entries[i].arg_data = storage + i;
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  ok = g_option_context_parse_strv (context, &copy, error);

  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      GVariant *value = ok ? slot_to_variant (&entries[i], storage + i) : NULL;

      if (value != NULL)
        g_variant_dict_insert_value (options, entries[i].long_name, value);
      slot_clear (&entries[i], storage + i);
    }
  return ok;
}

gboolean
ca_cli_parse (char         **arguments,
              GVariantDict  *options,
              GError       **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree GOptionEntry *entries = g_memdup2 (option_entries, sizeof option_entries);

  g_return_val_if_fail (arguments != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  g_option_context_set_help_enabled (context, FALSE);
  return parse_into (context, entries, arguments, options, error);
}

char *
ca_cli_quote (const char *text)
{
  g_autofree char *line = NULL;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  line = ca_escape_line (text);
  if (g_utf8_strlen (line, -1) <= CA_CLI_QUOTE_MAX)
    return g_steal_pointer (&line);
  end = g_utf8_offset_to_pointer (line, CA_CLI_QUOTE_MAX - 1);
  return g_strdup_printf ("%.*s…", (int) (end - line), line);
}

char *
ca_cli_quote_filename (const char *filename)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (filename != NULL, NULL);

  display = g_filename_display_name (filename);
  return ca_cli_quote (display);
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
  const char *lang = NULL;

  if (!g_variant_dict_lookup (options, "lang", "&s", &lang))
    return -1;

  if (lang[0] != '\0' && !g_strv_contains (available, lang))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) available);
      g_autofree char *typed = ca_cli_quote (lang);

      /* Translators: the first %s is what the user typed, the second a list
       * such as "en, zh_CN". */
      g_printerr (_("Unknown language “%s”; available: %s"), typed, list);
      g_printerr ("\n");
      return 2;
    }

  ca_i18n_set_language (lang);
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

int
ca_cli_main (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree GOptionEntry *entries = g_memdup2 (option_entries, sizeof option_entries);
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(GError) error = NULL;
  int status;

  g_return_val_if_fail (argc > 0 && argv != NULL, 2);

  g_option_context_set_summary (context, _("Runs the commands of Cluster Atlas that need no "
                                           "display: --check FILE… and --export OUT --node ID. "
                                           "The explorer itself is “cluster-atlas”."));
  if (!parse_into (context, entries, argv, options, &error))
    return ca_cli_usage_error (error);

  if ((status = ca_cli_handle_options (options)) >= 0)
    return status;

  g_printerr ("%s: %s\n", g_get_prgname (),
              _("nothing to do without a display: give --check FILE… or --export OUT --node ID"));
  return 2;
}
