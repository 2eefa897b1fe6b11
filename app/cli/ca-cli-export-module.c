/* ca-cli-export-module.c: the entry of the export module, which
 * cluster-atlas-cli loads for --export only (ca-cli-export-loader.c), so
 * that --check runs without mapping cairo, Pango and their fonts.  The
 * module holds ca-cli-export.c and the chart renderer; the model's code it
 * calls is the program's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>

#include "ca-cli.h"

G_MODULE_EXPORT int ca_cli_export_module_run (GVariantDict  *options,
                                              char         **files);

/* A CaCliExportModuleRun, looked up by CA_CLI_EXPORT_MODULE_RUN. */
G_MODULE_EXPORT int
ca_cli_export_module_run (GVariantDict  *options,
                          char         **files)
{
  return ca_cli_run_export (options, files);
}
