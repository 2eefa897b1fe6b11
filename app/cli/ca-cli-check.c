/* ca-cli-check.c: cluster-atlas --check FILE...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-cli.h"
#include "ca-dataset.h"

static gboolean
check_one (const char *file)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;

  dataset = ca_dataset_load_file (file, NULL, NULL, NULL, &problems, &error);
  if (dataset != NULL)
    {
      /* The summary line is a contract for scripts (cli.md), so it is not
       * translated. */
      g_print ("%s: OK: %u regions, %u parks, %u programs, %u figures, %u sources\n", file,
               ca_dataset_count_nodes (dataset, CA_NODE_REGION),
               ca_dataset_count_nodes (dataset, CA_NODE_PARK),
               ca_dataset_count_nodes (dataset, CA_NODE_PROGRAM),
               ca_dataset_get_n_figures (dataset),
               ca_dataset_get_n_sources (dataset));
      return TRUE;
    }
  if (problems != NULL && problems->len > 0)
    for (guint i = 0; i < problems->len; i++)
      {
        g_autofree char *line = ca_problem_format (problems->pdata[i]);

        g_printerr ("%s\n", line);
      }
  else
    g_printerr ("%s:0:0: %s\n", file, error != NULL ? error->message : _("the file was refused"));
  return FALSE;
}

int
ca_cli_check (char **files)
{
  gboolean all_valid = TRUE;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("%s\n", _("Usage: cluster-atlas --check FILE..."));
      return 2;
    }
  for (guint i = 0; files[i] != NULL; i++)
    all_valid &= check_one (files[i]);
  return all_valid ? 0 : 1;
}
