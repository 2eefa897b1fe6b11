/* ca-match.c: the one rule by which a query matches a node (ca-match.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ca-i18n.h"
#include "ca-match.h"

char *
ca_match_normalize (const char *text)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* NFKC maps full-width letters and digits to their ASCII forms. */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (normal == NULL)
    return g_strdup ("");

  return g_utf8_casefold (normal, -1);
}

GStrv
ca_match_words (const char *query)
{
  g_autofree char *normal = NULL;
  g_auto(GStrv) split = NULL;
  GPtrArray *words = g_ptr_array_new ();

  g_return_val_if_fail (query != NULL, NULL);

  normal = ca_match_normalize (query);
  split = g_strsplit_set (normal, " \t\n\r", -1);
  for (guint i = 0; split[i] != NULL; i++)
    if (split[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (split[i]));
  g_ptr_array_add (words, NULL);
  return (GStrv) g_ptr_array_free (words, FALSE);
}

char *
ca_match_node_text (const CaNode *node)
{
  g_autoptr(GString) text = g_string_new (ca_node_get_id (node));
  CaText names = ca_node_get_names (node);
  CaTextIter iter;

  ca_text_iter_init (&iter, &names);
  while (ca_text_iter_next (&iter))
    g_string_append_printf (text, "\n%s", iter.text);
  for (guint i = 0; i < ca_node_get_n_tags (node); i++)
    g_string_append_printf (text, "\n%s", ca_node_get_tag (node, i));

  return ca_match_normalize (text->str);
}

gboolean
ca_match_all (const char   *text,
              char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (text, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

char *
ca_match_format_path (const CaNode *node,
                      const char   *lang,
                      gboolean      with_self)
{
  g_autoptr(GPtrArray) path = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *names = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  names = ca_i18n_data_language_of (lang);
  path = ca_node_get_path (node);
  for (guint i = 0; i + (with_self ? 0 : 1) < path->len; i++)
    {
      if (i > 0)
        /* Translators: separates the names of nested places in a path. */
        g_string_append (text, ca_i18n_gettext (lang, " › "));
      g_string_append (text, ca_node_get_name (path->pdata[i], names));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
