/* ca-search.h: finding nodes by name, id and tag (the rule: ca-match.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ca-dataset.h"
#include "ca-node.h"

G_BEGIN_DECLS

typedef struct _CaSearchIndex CaSearchIndex;

CaSearchIndex *ca_search_index_new       (CaDataset     *dataset);
void           ca_search_index_free      (CaSearchIndex *index);
/* The nodes that match @query (ca-match.h: names in any language, id,
 * tags, pinyin), best match first and in tree order within a rank, as a
 * GListModel of CaNodeItem; at most @max of them, with the full count in
 * @n_matches. */
GListModel    *ca_search_index_find      (CaSearchIndex *index,
                                          const char    *query,
                                          guint          max,
                                          guint         *n_matches);
/* Why @node matched @query, for its row among the results. */
typedef struct {
  const char *name;    /* the name to show: one that holds a word of the query (the one in
                        * @lang first), else the name in @lang */
  glong       start;   /* where the word is in @name, in characters; -1 if not there */
  glong       length;  /* its length in characters */
  char       *reason;  /* what else matched, for words not in @name: "tag “robotics”",
                        * "id “bs-poc”"; NULL when the name holds every word */
} CaSearchMatch;

void           ca_search_explain         (const CaNode  *node,
                                          const char    *query,
                                          const char    *lang,
                                          CaSearchMatch *match);
void           ca_search_match_clear     (CaSearchMatch *match);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CaSearchMatch, ca_search_match_clear)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaSearchIndex, ca_search_index_free)

G_END_DECLS
