/* ca-cli-find.c: cluster-atlas --find QUERY [FILE]
 *
 * Prints the nodes that match QUERY, by the window's own rule (ca-match.h),
 * one a line as ID<TAB>PATH, best match first (exact, prefix, contains,
 * pinyin, initials) and in tree order within each, PATH in the interface language
 * with the node's own name last; scripts take the ids for --node.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-cli.h"
#include "ca-match.h"
#include "ca-node.h"

/* An id or a name is data: it may hold a tab or a newline, which would
 * forge a second line or column. */
static char *
one_field (const char *text)
{
  g_autofree char *line = ca_escape_line (text);

  return g_strdelimit (g_steal_pointer (&line), "\t", ' ');
}

int
ca_cli_find (const char  *query,
             char       **files)
{
  g_autoptr(CaMatchQuery) words = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  g_autoptr(CaMatchIndex) index = NULL;
  g_autoptr(GPtrArray) found = NULL;

  if (files != NULL && files[0] != NULL && files[1] != NULL)
    {
      return ca_cli_usage_message (_("--find reads one FILE"));
    }
  words = ca_match_query_new (query);
  if (ca_match_query_is_empty (words))
    {
      return ca_cli_usage_message (_("--find needs a QUERY with a word in it"));
    }
  dataset = ca_cli_load (files != NULL ? files[0] : NULL);
  if (dataset == NULL)
    return 1;

  index = ca_match_index_new (dataset);
  found = ca_match_index_find (index, query, G_MAXUINT, NULL);
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *id = one_field (ca_node_get_id (found->pdata[i]));
      g_autofree char *path = ca_match_format_path (found->pdata[i], NULL, TRUE);
      g_autofree char *shown = one_field (path);

      g_print ("%s\t%s\n", id, shown);
    }
  return found->len > 0 ? 0 : 1;
}
