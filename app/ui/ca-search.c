/* ca-search.c: finding nodes by name, id and tag.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-node-item.h"
#include "ca-match.h"
#include "ca-search.h"

struct _CaSearchIndex
{
  CaDataset    *dataset;
  /* Each node's searchable text and readings, worked out once so that a
   * keystroke costs one scan (ca-match.h); kept with the dataset. */
  CaMatchIndex *match;
};

CaSearchIndex *
ca_search_index_new (CaDataset *dataset)
{
  CaSearchIndex *index;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  index = g_new0 (CaSearchIndex, 1);
  index->dataset = g_object_ref (dataset);
  index->match = ca_match_index_get (dataset);
  return index;
}

void
ca_search_index_free (CaSearchIndex *index)
{
  if (index == NULL)
    return;

  index->match = NULL;
  g_clear_object (&index->dataset);
  g_free (index);
}

GListModel *
ca_search_index_find (CaSearchIndex *index,
                      const char    *query,
                      guint          max,
                      guint         *n_matches)
{
  GListStore *store = g_list_store_new (CA_TYPE_NODE_ITEM);
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  found = ca_match_index_find (index->match, query, max, n_matches);
  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr(CaNodeItem) item = ca_node_item_new (index->dataset, found->pdata[i]);

      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (store);
}

/* @text normalized as the index is, a character at a time, with the index
 * in @text of the character each normalized byte comes from. */
static char *
normalize_mapped (const char *text,
                  GArray     *origin)
{
  GString *out = g_string_new (NULL);
  glong index = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), index++)
    {
      char one[8] = { 0 };
      g_autofree char *normal = NULL;

      g_unichar_to_utf8 (g_utf8_get_char (p), one);
      normal = ca_match_normalize (one);
      g_string_append (out, normal);
      for (gsize i = 0; normal[i] != '\0'; i++)
        g_array_append_val (origin, index);
    }
  g_array_append_val (origin, index);
  return g_string_free (out, FALSE);
}

/* Where the first of @words found in @name is, in characters of @name. */
static gboolean
find_word (const char   *name,
           char * const *words,
           glong        *start,
           glong        *length)
{
  g_autoptr(GArray) origin = g_array_new (FALSE, FALSE, sizeof (glong));
  g_autofree char *normal = normalize_mapped (name, origin);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *at = words[i][0] != '\0' ? strstr (normal, words[i]) : NULL;

      if (at != NULL)
        {
          gsize from = (gsize) (at - normal), to = from + strlen (words[i]);
          glong first = g_array_index (origin, glong, from);
          /* The character of the word's last byte, and one past it. */
          glong last = g_array_index (origin, glong, to - 1) + 1;

          *start = first;
          *length = last - first;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
contains_normalized (const char *text,
                     const char *word)
{
  g_autofree char *normal = ca_match_normalize (text);

  return strstr (normal, word) != NULL;
}

/* The id or a tag that holds @word, said for a reader. */
static char *
reason_for (const CaNode *node,
            const char   *word)
{
  if (contains_normalized (ca_node_get_id (node), word))
    /* Translators: why a search result matched: its id holds the query */
    return g_strdup_printf (_("id “%s”"), ca_node_get_id (node));
  for (guint i = 0; i < ca_node_get_n_tags (node); i++)
    if (contains_normalized (ca_node_get_tag (node, i), word))
      /* Translators: why a search result matched: one of its tags holds the query */
      return g_strdup_printf (_("tag “%s”"), ca_node_get_tag (node, i));
  return NULL;
}

/* A name whose characters the query spells in pinyin ("bs" in 宝山区): the
 * one shown first, else any. */
static void
locate_reading (const CaNode  *node,
                const char    *query,
                const char    *shown,
                CaSearchMatch *match)
{
  g_autoptr(CaMatchQuery) parsed = ca_match_query_new (query);
  CaText names = ca_node_get_names (node);
  CaTextIter iter;

  if (shown != NULL && ca_match_query_locate (parsed, shown, &match->start, &match->length))
    {
      match->name = shown;
      return;
    }
  ca_text_iter_init (&iter, &names);
  while (ca_text_iter_next (&iter))
    if (ca_match_query_locate (parsed, iter.text, &match->start, &match->length))
      {
        match->name = iter.text;
        return;
      }
}

void
ca_search_explain (const CaNode  *node,
                   const char    *query,
                   const char    *lang,
                   CaSearchMatch *match)
{
  g_auto(GStrv) words = ca_match_words (query);
  g_autoptr(GString) reasons = g_string_new (NULL);
  const char *shown = ca_node_get_name (node, lang);
  CaText names = ca_node_get_names (node);
  CaTextIter iter;

  *match = (CaSearchMatch) { shown, -1, 0, NULL };
  if (shown != NULL && find_word (shown, words, &match->start, &match->length))
    match->name = shown;
  else
    {
      ca_text_iter_init (&iter, &names);
      while (ca_text_iter_next (&iter))
        if (find_word (iter.text, words, &match->start, &match->length))
          {
            match->name = iter.text;
            break;
          }
    }

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *reason = NULL;

      if (words[i][0] == '\0' || (match->name != NULL &&
                                   contains_normalized (match->name, words[i])))
        continue;
      reason = reason_for (node, words[i]);
      if (reason == NULL || strstr (reasons->str, reason) != NULL)
        continue;
      if (reasons->len > 0)
        /* Translators: separates the reasons a search result matched */
        g_string_append (reasons, C_("search result", ", "));
      g_string_append (reasons, reason);
    }
  if (reasons->len > 0)
    match->reason = g_string_free (g_steal_pointer (&reasons), FALSE);
  /* Nothing as written: the name that the pinyin spells, and where. */
  else if (match->start < 0)
    locate_reading (node, query, shown, match);
}

void
ca_search_match_clear (CaSearchMatch *match)
{
  g_clear_pointer (&match->reason, g_free);
}
