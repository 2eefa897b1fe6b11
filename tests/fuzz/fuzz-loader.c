/* fuzz-loader.c: the libFuzzer target for the dataset loader.
 *
 * Built only with -Dfuzzing=true and clang (see run.sh).  Every input goes
 * through ca_dataset_load_data () exactly as a file from disk would; a loaded
 * dataset is then walked whole, so that a model built from hostile input is
 * also read back under the sanitizers. */

#include <stdint.h>

#include "ca-dataset.h"
#include "ca-node.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* CA_FUZZ_SKIP_KNOWN=utf8 stops checking that problem messages are UTF-8,
 * so that a long run can look for other faults while that known one (kept in
 * regressions/) is unfixed. */
static gboolean check_utf8 = TRUE;

static void
walk_dataset (CaDataset *dataset)
{
  for (guint i = 0; i < ca_dataset_get_n_roots (dataset); i++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, i);
      const CaNode *node = NULL;

      while ((node = ca_node_next_in_subtree (root, node)) != NULL)
        {
          g_autoptr(GPtrArray) path = ca_node_get_path (node);
          g_autoptr(GArray) goals = ca_node_sum_by_metric (node, CA_FIGURE_GOAL);

          g_assert (goals != NULL && ca_node_get_name (node, "zh-CN") != NULL);
          g_assert (ca_dataset_lookup_node (dataset, ca_node_get_id (node)) == node);
          g_assert (path->len == ca_node_get_depth (node) + 1);
          for (guint f = 0; f < ca_node_get_n_figures (node); f++)
            {
              const CaFigure *figure = ca_node_get_figure (node, f);

              g_assert (figure->metric != NULL && figure->source != NULL);
              g_assert (figure->value >= 0 && figure->value < G_MAXDOUBLE);
            }
        }
    }
}

static void
check_refusal (GPtrArray    *problems,
               const GError *error)
{
  g_assert (error != NULL);
  if (!g_error_matches (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID))
    return;
  /* A refusal always says why, and every problem can be printed. */
  g_assert (problems != NULL && problems->len > 0);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = ca_problem_format (g_ptr_array_index (problems, i));

      g_assert (line != NULL);
      g_assert (!check_utf8 || g_utf8_validate (line, -1, NULL));
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A warning or a critical from the loader is a finding, like a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  check_utf8 = g_strcmp0 (g_getenv ("CA_FUZZ_SKIP_KNOWN"), "utf8") != 0;
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;

  dataset = ca_dataset_load_data ((const char *) data, size, "fuzz.xml", &problems, &error);
  if (dataset != NULL)
    {
      g_assert (error == NULL);
      walk_dataset (dataset);
    }
  else
    {
      check_refusal (problems, error);
    }
  return 0;
}
