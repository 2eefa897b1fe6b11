/* main.c: the entry point of cluster-atlas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "ca-application.h"
#include "ca-cli.h"
#include "ca-i18n.h"

#define CLI_PROGRAM "cluster-atlas-cli"

/* Runs cluster-atlas-cli in place of this process, with the same arguments,
 * so that --check and --export do not pay for GTK's libraries.  It is looked
 * for next to this program first (the build tree), then where it is
 * installed.  Returns only when neither can be run. */
static void
exec_cli (char **argv)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *self_dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  g_autofree char *beside = self_dir != NULL ? g_build_filename (self_dir, CLI_PROGRAM, NULL)
                                             : NULL;
  const char *candidates[] = { beside, LIBEXECDIR "/" CLI_PROGRAM };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (candidates[i] == NULL || !g_file_test (candidates[i], G_FILE_TEST_IS_EXECUTABLE))
        continue;
      execv (candidates[i], argv);
      g_debug ("Could not run %s: %s", candidates[i], g_strerror (errno));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaApplication) app = NULL;

  if (ca_cli_is_headless (argv))
    {
      exec_cli (argv);
      /* The same code is linked in here: the command still runs, only
       * with GTK's libraries mapped. */
      ca_i18n_init ();
      return ca_cli_main (argc, argv);
    }

  ca_i18n_init ();
  app = ca_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
