/* ca-cli-paths.c: where the running program is, to find the programs and
 * the module that were built or installed with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ca-cli.h"

char *
ca_cli_get_program_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL ? g_path_get_dirname (exe) : NULL;
}
