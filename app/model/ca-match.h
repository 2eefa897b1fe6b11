/* ca-match.h: the one rule by which a query matches a node
 *
 * The window's search, `cluster-atlas --find` and the Figures page's text
 * filter match alike.  A node matches when every word of the query is found
 * in one of its names (in any language), its id or its tags, after both are
 * normalized (case folded, full-width forms made ASCII: NFKC; Traditional
 * characters folded to Simplified, so that 寶山 finds 宝山 and the reverse);
 * or when the word spells consecutive Chinese characters of a name in
 * pinyin: whole syllables, tones or not ("baoshan", "bǎo shān", "bao3shan1"),
 * or the first letters of syllables ("bs").  Every reading of a polyphone
 * counts (厦门: "xiamen" and "shamen").  A node with a name in
 * "zh-Latn-pinyin" is read by that name only, not by its characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ca-dataset.h"
#include "ca-node.h"

G_BEGIN_DECLS

/* How well a text matches, best first; results are shown in this order. */
typedef enum {
  CA_MATCH_NONE = 0,
  CA_MATCH_EXACT,          /* the query is a whole name, the id or a tag */
  CA_MATCH_PREFIX,         /* a name (id, tag) starts with the query */
  CA_MATCH_CONTAINS,       /* every word is in the text */
  CA_MATCH_PINYIN_WHOLE,   /* whole syllables spell a whole name: "xiamen", 厦门 */
  CA_MATCH_PINYIN_START,   /* ... the start of one: "xiamen", 厦门大学 */
  CA_MATCH_PINYIN,         /* ... a part of one: "baoshan", 上海宝山 */
  CA_MATCH_INITIALS_WHOLE, /* first letters: "bs" for 宝山 */
  CA_MATCH_INITIALS_START, /* ... "bs" for 宝山区 */
  CA_MATCH_INITIALS,       /* ... "bs" for 上海宝山 */
} CaMatchRank;

/* The language tag of a name that gives the reading of a node's Chinese
 * names ("Xiàmén"); matched instead of the readings of their characters. */
#define CA_MATCH_READING_LANG "zh-Latn-pinyin"

/* Folds case, full-width/half-width forms and Traditional characters:
 * "ＳＨ" and "sh" compare equal, and 寶 and 宝. */
char     *ca_match_normalize   (const char   *text);
/* The words of @query, normalized; empty words are dropped. */
GStrv     ca_match_words       (const char   *query);
/* What a query is matched against: @node's id, names and tags, normalized,
 * a line each. */
char     *ca_match_node_text   (const CaNode *node);
/* Whether @text (as ca_match_node_text () gives it) holds every word, as
 * written (no pinyin: use a CaMatchQuery for that). */
gboolean  ca_match_all         (const char   *text,
                                char * const *words);
/* The names of @node's ancestors and, with @with_self, its own, in the
 * interface language @lang (NULL: the current one): "China › Shanghai";
 * "" for a root without itself. */
char     *ca_match_format_path (const CaNode *node,
                                const char   *lang,
                                gboolean      with_self);

/* A query, prepared once for many texts or nodes. */
typedef struct _CaMatchQuery CaMatchQuery;

CaMatchQuery *ca_match_query_new      (const char         *query);
void          ca_match_query_free     (CaMatchQuery       *query);
/* Whether the query has no word (then nothing matches). */
gboolean      ca_match_query_is_empty (const CaMatchQuery *query);
/* How @node matches: its names, id, tags and readings. */
CaMatchRank   ca_match_query_node     (const CaMatchQuery *query,
                                       const CaNode       *node);
/* How any text matches (a figure's words, say), reading its Chinese
 * characters by their own readings; fields may be separated by newlines. */
CaMatchRank   ca_match_query_text     (const CaMatchQuery *query,
                                       const char         *text);

/* Where in @text (a name) the query's pinyin spells its characters, in
 * characters of @text, for a result to show what matched: the first place
 * that the words together spell, else the first that one of them does. */
gboolean      ca_match_query_locate   (const CaMatchQuery *query,
                                       const char         *text,
                                       glong              *start,
                                       glong              *length);

/* The nodes of a dataset, prepared for many queries: each node's text and
 * readings are worked out once.  Costs ~30 bytes a node besides the text. */
typedef struct _CaMatchIndex CaMatchIndex;

CaMatchIndex *ca_match_index_new      (CaDataset          *dataset);
/* The index kept with @dataset, made on its first use and freed with it:
 * the window's search and the Figures page's filter share it.  For the
 * main thread. */
CaMatchIndex *ca_match_index_get      (CaDataset          *dataset);
void          ca_match_index_free     (CaMatchIndex       *index);
/* The nodes that match @query, best rank first and in tree order within a
 * rank: at most @max of them (const CaNode *), the full count in @n_matches. */
GPtrArray    *ca_match_index_find     (CaMatchIndex       *index,
                                       const char         *query,
                                       guint               max,
                                       guint              *n_matches);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaMatchQuery, ca_match_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaMatchIndex, ca_match_index_free)

G_END_DECLS
