/* bench-load.c: loads atlas files with the model alone, as --check does,
 * so bench-load.py can time the loader without GTK's start-up.
 *
 *     bench-load FILE...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "ca-dataset.h"

int
main (int    argc,
      char **argv)
{
  int status = 0;

  if (argc < 2)
    {
      g_printerr ("usage: bench-load FILE...\n");
      return 2;
    }
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CaDataset) dataset = NULL;

      dataset = ca_dataset_load_file (argv[i], NULL, NULL, NULL, &problems, &error);
      if (dataset == NULL)
        {
          for (guint j = 0; problems != NULL && j < problems->len; j++)
            {
              g_autofree char *line = ca_problem_format (problems->pdata[j]);

              g_printerr ("%s\n", line);
            }
          if (problems == NULL || problems->len == 0)
            g_printerr ("%s: %s\n", argv[i], error->message);
          status = 1;
          continue;
        }
      g_print ("%s: OK: %u nodes, %u figures\n", argv[i], ca_dataset_get_n_nodes (dataset),
               ca_dataset_get_n_figures (dataset));
    }
  return status;
}
