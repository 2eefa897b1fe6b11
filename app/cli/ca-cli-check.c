/* ca-cli-check.c: cluster-atlas --check FILE...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-cli.h"
#include "ca-dataset.h"
#include "ca-node.h"

/* A file refused before any of it was parsed, as FILE:0:0: message. */
static void
print_refused (const char   *file,
               const GError *error)
{
  CaProblem problem = {
    .file = (char *) file,   /* escaped when formatted */
    .message = (char *) (error != NULL ? error->message : _("the file was refused")),
  };
  g_autofree char *line = ca_problem_format (&problem);

  g_printerr ("%s\n", line);
}

CaDataset *
ca_cli_load (const char *file)
{
  g_autofree char *bundled = file == NULL ? ca_dataset_get_bundled_path () : NULL;
  const char *path = file != NULL ? file : bundled;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  CaDataset *dataset;

  dataset = ca_dataset_load_file (path, NULL, NULL, NULL, &problems, &error);
  if (dataset != NULL)
    return dataset;
  if (problems != NULL && problems->len > 0)
    for (guint i = 0; i < problems->len; i++)
      {
        g_autofree char *line = ca_problem_format (problems->pdata[i]);

        g_printerr ("%s\n", line);
      }
  else
    print_refused (path, error);
  return NULL;
}

static gboolean
check_one (const char *file)
{
  g_autoptr(CaDataset) dataset = ca_cli_load (file);

  if (dataset != NULL)
    {
      g_autofree char *name = ca_escape_line (file);

      /* The summary line is a contract for scripts (README, "Command line";
       * cluster-atlas.1), so it is not translated; the name is escaped like
       * FILE in the problems. */
      g_print ("%s: OK: %u regions, %u parks, %u programs, %u figures, %u sources\n", name,
               ca_dataset_count_nodes (dataset, CA_NODE_REGION),
               ca_dataset_count_nodes (dataset, CA_NODE_PARK),
               ca_dataset_count_nodes (dataset, CA_NODE_PROGRAM),
               ca_dataset_get_n_figures (dataset),
               ca_dataset_get_n_sources (dataset));
      return TRUE;
    }
  return FALSE;
}

int
ca_cli_check (char **files)
{
  gboolean all_valid = TRUE;

  if (files == NULL || files[0] == NULL)
    {
      /* As ca_cli_usage_message () says it; this file links without it
       * (tests/model/test-cli-check.c). */
      g_printerr ("%s: %s\n", g_get_prgname (), _("--check needs at least one FILE"));
      return 2;
    }
  for (guint i = 0; files[i] != NULL; i++)
    all_valid &= check_one (files[i]);
  return all_valid ? 0 : 1;
}
