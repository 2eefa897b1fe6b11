/* ca-match.h: the one rule by which a query matches a node
 *
 * The window's search and `cluster-atlas --find` match alike: a node
 * matches when every word of the query is found in one of its names (in
 * any language), its id or its tags, after both are normalized (case
 * folded, full-width forms made ASCII: NFKC).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ca-node.h"

G_BEGIN_DECLS

/* Folds case and full-width/half-width forms: "ＳＨ" and "sh" compare equal. */
char     *ca_match_normalize   (const char   *text);
/* The words of @query, normalized; empty words are dropped. */
GStrv     ca_match_words       (const char   *query);
/* What a query is matched against: @node's id, names and tags, normalized. */
char     *ca_match_node_text   (const CaNode *node);
/* Whether @text (as ca_match_node_text () gives it) holds every word. */
gboolean  ca_match_all         (const char   *text,
                                char * const *words);
/* The names of @node's ancestors and, with @with_self, its own, in the
 * interface language @lang (NULL: the current one): "China › Shanghai";
 * "" for a root without itself. */
char     *ca_match_format_path (const CaNode *node,
                                const char   *lang,
                                gboolean      with_self);

G_END_DECLS
