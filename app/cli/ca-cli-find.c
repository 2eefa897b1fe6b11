/* ca-cli-find.c: cluster-atlas --find QUERY [FILE]
 *
 * Prints the nodes that match QUERY, by the window's own rule (ca-match.h),
 * one a line as ID<TAB>PATH in tree order, PATH in the interface language
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
  g_auto(GStrv) words = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  guint n_found = 0;

  if (files != NULL && files[0] != NULL && files[1] != NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), _("--find reads one FILE"));
      return 2;
    }
  words = ca_match_words (query);
  if (words[0] == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), _("--find needs a QUERY with a word in it"));
      return 2;
    }
  dataset = ca_cli_load (files != NULL ? files[0] : NULL);
  if (dataset == NULL)
    return 1;

  for (guint r = 0; r < ca_dataset_get_n_roots (dataset); r++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, r);

      for (const CaNode *node = ca_node_next_in_subtree (root, NULL); node != NULL;
           node = ca_node_next_in_subtree (root, node))
        {
          g_autofree char *text = ca_match_node_text (node);
          g_autofree char *id = NULL, *path = NULL, *shown = NULL;

          if (!ca_match_all (text, words))
            continue;
          id = one_field (ca_node_get_id (node));
          path = ca_match_format_path (node, NULL, TRUE);
          shown = one_field (path);
          g_print ("%s\t%s\n", id, shown);
          n_found++;
        }
    }
  return n_found > 0 ? 0 : 1;
}
