/* ca-cli-export-loader.c: --export in cluster-atlas-cli.
 *
 * The chart renderer brings cairo, Pango, fontconfig, FreeType and HarfBuzz,
 * some 40 libraries whose mapping took most of the start-up of a --check.
 * So cluster-atlas-cli links only the model and the options, and loads the
 * export module (ca-cli-export-module.c) when the command line asks for
 * --export, after GApplication parsed it: the module runs on the dictionary
 * of that one parse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <gmodule.h>

#include "ca-cli.h"
#include "ca-node.h"

/* The module built beside this program (the build tree), else the one
 * installed with it, relative to it unless configured elsewhere.  NULL
 * when neither is there; then *tried is the installed path. */
static char *
find_module (char **tried)
{
  g_autofree char *dir = ca_cli_get_program_dir ();
  g_autofree char *beside = NULL;
  g_autofree char *installed = NULL;

  /* Relative to @dir; an absolute MODULEDIR_FROM_LIBEXECDIR stays as it is. */
  installed = g_canonicalize_filename (MODULEDIR_FROM_LIBEXECDIR "/" EXPORT_MODULE,
                                       dir != NULL ? dir : LIBEXECDIR);

  beside = dir != NULL ? g_build_filename (dir, EXPORT_MODULE, NULL) : NULL;
  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&beside);
  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);
  *tried = g_steal_pointer (&installed);
  return NULL;
}

/* Says that the module cannot be used, with the reason; returns 1, as for
 * a file that cannot be written. */
static int
module_error (const char *path,
              const char *reason)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"), name, reason);
  /* Whole, on one line: the path says what is missing from the install. */
  g_autofree char *line = ca_escape_line (message);

  g_printerr ("%s\n", line);
  return 1;
}

int
ca_cli_run_export (GVariantDict  *options,
                   char         **files)
{
  g_autofree char *tried = NULL;
  g_autofree char *path = find_module (&tried);
  CaCliExportModuleRun run = NULL;
  GModule *module;

  if (path == NULL)
    return module_error (tried, g_strerror (ENOENT));
  /* Bound now, not lazily: a module that does not fit this program is
   * refused here with a reason, rather than ending it halfway through. */
  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    return module_error (path, g_module_error ());
  if (!g_module_symbol (module, CA_CLI_EXPORT_MODULE_RUN, (gpointer *) &run) || run == NULL)
    {
      g_autofree char *reason = g_strdup (g_module_error ());

      g_module_close (module);
      return module_error (path, reason);
    }
  /* Pango and fontconfig keep state until the process ends: never unload. */
  g_module_make_resident (module);
  return run (options, files);
}
