/* main.c: the entry point of cluster-atlas-cli, the commands that need no
 * display (--check, --export).  It links no GTK, so a command costs only the
 * memory of the model and the chart renderer; cluster-atlas runs it for
 * those command lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ca-cli.h"
#include "ca-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  ca_i18n_init ();
  app = ca_cli_application_new ();

  return g_application_run (app, argc, argv);
}
