/* ca-search.c: finding nodes by name, id and tag.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-node-item.h"
#include "ca-search.h"

struct _CaSearchIndex
{
  CaDataset *dataset;
  /* Nodes in tree order and, for each, its searchable text, normalized once
   * so that a keystroke costs one substring scan per node. */
  GPtrArray *nodes;
  GPtrArray *texts;
};

char *
ca_search_normalize (const char *text)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* NFKC maps full-width letters and digits to their ASCII forms. */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (normal == NULL)
    return g_strdup ("");

  return g_utf8_casefold (normal, -1);
}

static char *
node_text (const CaNode *node)
{
  g_autoptr(GString) text = g_string_new (ca_node_get_id (node));
  CaText names = ca_node_get_names (node);
  g_autofree char *normal = NULL;
  CaTextIter iter;

  ca_text_iter_init (&iter, &names);
  while (ca_text_iter_next (&iter))
    g_string_append_printf (text, "\n%s", iter.text);
  for (guint i = 0; i < ca_node_get_n_tags (node); i++)
    g_string_append_printf (text, "\n%s", ca_node_get_tag (node, i));

  normal = ca_search_normalize (text->str);
  return g_steal_pointer (&normal);
}

CaSearchIndex *
ca_search_index_new (CaDataset *dataset)
{
  CaSearchIndex *index;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  index = g_new0 (CaSearchIndex, 1);
  index->dataset = g_object_ref (dataset);
  index->nodes = g_ptr_array_new ();
  index->texts = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < ca_dataset_get_n_roots (dataset); r++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, r);

      for (const CaNode *node = ca_node_next_in_subtree (root, NULL);
           node != NULL;
           node = ca_node_next_in_subtree (root, node))
        {
          g_ptr_array_add (index->nodes, (gpointer) node);
          g_ptr_array_add (index->texts, node_text (node));
        }
    }

  return index;
}

void
ca_search_index_free (CaSearchIndex *index)
{
  if (index == NULL)
    return;

  g_clear_object (&index->dataset);
  g_ptr_array_unref (index->nodes);
  g_ptr_array_unref (index->texts);
  g_free (index);
}

static gboolean
matches_all (const char   *text,
             char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (text, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

GListModel *
ca_search_index_find (CaSearchIndex *index,
                      const char    *query,
                      guint          max,
                      guint         *n_matches)
{
  GListStore *store = g_list_store_new (CA_TYPE_NODE_ITEM);
  g_autofree char *normal = NULL;
  g_auto(GStrv) words = NULL;
  guint count = 0;

  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  normal = g_strstrip (ca_search_normalize (query));
  words = g_strsplit_set (normal, " \t\n", -1);

  for (guint i = 0; normal[0] != '\0' && i < index->nodes->len; i++)
    {
      if (!matches_all (index->texts->pdata[i], words))
        continue;

      if (count++ < max)
        {
          g_autoptr(CaNodeItem) item = ca_node_item_new (index->dataset, index->nodes->pdata[i]);

          g_list_store_append (store, item);
        }
    }

  if (n_matches != NULL)
    *n_matches = count;

  return G_LIST_MODEL (store);
}

char *
ca_search_format_path (const CaNode *node,
                       const char   *lang)
{
  g_autoptr(GPtrArray) path = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  path = ca_node_get_path (node);
  for (guint i = 0; i + 1 < path->len; i++)
    {
      if (i > 0)
        /* Translators: separates the names of nested places in a search result. */
        g_string_append (text, _(" › "));
      g_string_append (text, ca_node_get_name (path->pdata[i], lang));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
