/* fuzz-loader.c: the libFuzzer target for the dataset loader.
 *
 * Built only with -Dfuzzing=true and clang (see run.sh).  Every input goes
 * through ca_dataset_load_data () exactly as a file from disk would; a loaded
 * dataset is then walked whole (every node and figure, and the names, metrics
 * and sources they point at), so that a model built from hostile input is also read back under the
 * sanitizers, and its node count is held against libxml2's tree parser, so
 * that a file accepted with part of its tree is a finding. */

#include <stdint.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "ca-dataset-private.h"
#include "ca-node.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* CA_FUZZ_SKIP_KNOWN=utf8 stops checking that problem messages are UTF-8,
 * so that a long run can look for other faults while that known one (kept in
 * regressions/) is unfixed. */
static gboolean check_utf8 = TRUE;

static void
check_text (const CaText *text,
            gboolean      needs_one)
{
  CaTextIter iter;
  guint n = 0;

  g_assert (!needs_one || text->n_entries > 0);
  ca_text_iter_init (&iter, text);
  while (ca_text_iter_next (&iter))
    {
      g_assert (iter.lang != NULL && *iter.lang != '\0');
      g_assert (iter.text != NULL && *iter.text != '\0');
      g_assert (g_utf8_validate (iter.text, -1, NULL));
      g_assert (ca_text_lookup (text, iter.lang) != NULL);
      n++;
    }
  g_assert (n == text->n_entries);
}

/* The languages the program looks texts up in. */
static const char * const langs[] = { "en", "zh-CN", "zh" };

/* A text as the program looks it up: none, or valid and not empty. */
static void
check_lookup (const char *text)
{
  g_assert (text == NULL || (*text != '\0' && g_utf8_validate (text, -1, NULL)));
}

static void
check_metric (CaDataset      *dataset,
              const CaMetric *metric)
{
  g_assert (ca_dataset_lookup_metric (dataset, metric->id) == metric);
  g_assert ((metric->kind == CA_METRIC_COUNT) == (metric->unit == NULL));
  check_text (&metric->names, TRUE);
}

static void
check_source (CaDataset      *dataset,
              const CaSource *source)
{
  g_assert (ca_dataset_lookup_source (dataset, source->id) == source);
  g_assert (source->publisher != NULL && *source->publisher != '\0');
  g_assert (source->href == NULL || g_utf8_validate (source->href, -1, NULL));
  check_text (&source->titles, TRUE);
}

static void
check_figure (CaDataset      *dataset,
              const CaNode   *node,
              const CaFigure *figure)
{
  g_assert (figure >= ca_node_get_figure (node, 0)
            && figure < ca_node_get_figure (node, 0) + ca_node_get_n_figures (node));
  g_assert (figure->metric != NULL && figure->source != NULL);
  check_metric (dataset, figure->metric);
  check_source (dataset, figure->source);
  g_assert (figure->value >= 0 && figure->value < G_MAXDOUBLE);
  g_assert (figure->type == CA_FIGURE_GOAL || figure->type == CA_FIGURE_COUNT);
  g_assert (figure->qualifier <= CA_QUALIFIER_AT_MOST);
  g_assert (figure->date.year >= 1900 && figure->date.year <= 2200);
}

static void
check_node (CaDataset    *dataset,
            const CaNode *node)
{
  g_autoptr(GPtrArray) path = ca_node_get_path (node);
  g_autoptr(GArray) goals = ca_node_sum_by_metric (node, CA_FIGURE_GOAL);
  guint below = ca_node_get_n_figures (node);
  CaText names = ca_node_get_names (node);

  g_assert (goals != NULL && ca_node_get_name (node, "zh-CN") != NULL);
  g_assert (ca_dataset_lookup_node (dataset, ca_node_get_id (node)) == node);
  g_assert (path->len == ca_node_get_depth (node) + 1);
  check_text (&names, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    check_lookup (ca_node_get_summary (node, langs[i]));
  for (guint t = 0; t < ca_node_get_n_tags (node); t++)
    g_assert (g_utf8_validate (ca_node_get_tag (node, t), -1, NULL));
  for (guint f = 0; f < ca_node_get_n_figures (node); f++)
    check_figure (dataset, node, ca_node_get_figure (node, f));
  for (guint c = 0; c < ca_node_get_n_children (node); c++)
    {
      const CaNode *child = ca_node_get_child (node, c);

      g_assert (ca_node_get_parent (child) == node && ca_node_get_index (child) == c);
      below += ca_node_get_n_figures_below (child);
    }
  g_assert (below == ca_node_get_n_figures_below (node));
}

/* Counts the nodes of the format in a document tree, leaving out the
 * subtrees of other namespaces, which the loader skips. */
static guint
count_elements (xmlNode *element)
{
  guint n = 0;

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || child->ns == NULL
          || g_strcmp0 ((const char *) child->ns->href, "urn:cluster-atlas:1") != 0)
        continue;
      n += g_str_equal (child->name, "region") || g_str_equal (child->name, "park")
           || g_str_equal (child->name, "program");
      n += count_elements (child);
    }
  return n;
}

/* The whole file, not a part of it: libxml2's tree parser, given the same
 * bytes, finds as many nodes as the dataset has. */
static void
check_complete (const uint8_t *data,
                size_t         size,
                guint          n_nodes)
{
  xmlDoc *doc = xmlReadMemory ((const char *) data, (int) size, "fuzz.xml", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                               | XML_PARSE_BIG_LINES);

  g_assert (doc != NULL);
  g_assert (count_elements (xmlDocGetRootElement (doc)) == n_nodes);
  xmlFreeDoc (doc);
}

/* Every node and figure, and the counts the dataset gives for them: a tree
 * cut short shows as a count that does not add up. */
static void
walk_dataset (CaDataset     *dataset,
              const uint8_t *data,
              size_t         size)
{
  guint n_nodes = 0, n_figures = 0, n_by_type = 0;

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    check_lookup (ca_dataset_get_title (dataset, langs[i]));
  for (guint i = 0; i < ca_dataset_get_n_roots (dataset); i++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, i);
      const CaNode *node = NULL;

      g_assert (ca_node_get_parent (root) == NULL);
      while ((node = ca_node_next_in_subtree (root, node)) != NULL)
        {
          check_node (dataset, node);
          n_nodes++;
          n_figures += ca_node_get_n_figures (node);
        }
    }
  for (CaNodeType type = CA_NODE_REGION; type <= CA_NODE_PROGRAM; type++)
    n_by_type += ca_dataset_count_nodes (dataset, type);
  g_assert (n_nodes == ca_dataset_get_n_nodes (dataset) && n_nodes == n_by_type);
  g_assert (n_figures == ca_dataset_get_n_figures (dataset));
  check_complete (data, size, n_nodes);
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

/* The loader parses a long input on threads of its own (ca-loader.c):
 * told that this one is long, it must say exactly what it said. */
static void
check_threads (const uint8_t *data,
               size_t         size,
               CaDataset     *dataset,
               GPtrArray     *problems)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ca_problem_free);
  g_autoptr(GError) error = NULL;
  CaMemorySource input = { (const char *) data, size, 0 };
  CaDatasetContents *contents;

  contents = ca_loader_run ("fuzz.xml", ca_memory_source_read, &input, 1024 * 1024, NULL, NULL,
                            NULL, found, &error);
  g_assert ((contents != NULL) == (dataset != NULL));
  g_assert (found->len == problems->len);
  for (guint i = 0; i < found->len; i++)
    {
      const CaProblem *a = found->pdata[i], *b = problems->pdata[i];

      g_assert (a->line == b->line && a->column == b->column);
      g_assert (g_strcmp0 (a->message, b->message) == 0);
    }
  if (contents != NULL)
    {
      g_autoptr(CaDataset) again = ca_dataset_new_from_contents (contents, NULL);

      g_assert (ca_dataset_get_n_nodes (again) == ca_dataset_get_n_nodes (dataset));
    }
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
      walk_dataset (dataset, data, size);
    }
  else
    {
      check_refusal (problems, error);
    }
  check_threads (data, size, dataset, problems);
  return 0;
}
