/* ca-match.c: the one rule by which a query matches a node (ca-match.h)
 *
 * Pinyin is matched a character at a time against the set of readings each
 * character has, never by spelling out every combination of a name's
 * polyphones (a name of ten characters with three readings each would have
 * 59,049).  The state is the set of offsets into the query's letters that
 * the characters so far can reach, a 64-bit mask, so a name costs one step
 * per character whatever its readings; queries are bounded at 63 letters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ca-hanzi.h"
#include "ca-i18n.h"
#include "ca-match.h"

/* Between two runs of characters in a node's readings: the end of a name,
 * or a character that is not Chinese. */
#define BREAK CA_HANZI_NO_SET
#define MAX_LETTERS 63

char *
ca_match_normalize (const char *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* NFKC maps full-width letters and digits to their ASCII forms. */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (normal == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normal, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (out, ca_hanzi_fold (g_utf8_get_char (p)));
  return g_string_free (out, FALSE);
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

/* Readings ---------------------------------------------------------------- */

/* @text (normalized) as the letters of pinyin: tone marks, tone numbers
 * and apostrophes dropped, ü and v written u; NULL if it holds anything
 * else, nothing, or more than MAX_LETTERS letters. */
static char *
pinyin_letters (const char *text)
{
  g_autofree char *split = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) out = g_string_new (NULL);

  if (split == NULL)
    return NULL;
  for (const char *p = split; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 'a' && c <= 'z')
        g_string_append_c (out, c == 'v' ? 'u' : (char) c);
      else if (c >= 'A' && c <= 'Z')
        g_string_append_c (out, c == 'V' ? 'u' : (char) g_ascii_tolower (c));
      else if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK
               || c == '\'' || c == 0x2019 || c == '-'
               || (c >= '1' && c <= '5' && out->len > 0))
        continue;
      else
        return NULL;
      if (out->len > MAX_LETTERS)
        return NULL;
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
append_break (GArray *sets)
{
  guint16 none = BREAK;

  if (sets->len > 0 && g_array_index (sets, guint16, sets->len - 1) != BREAK)
    g_array_append_val (sets, none);
}

/* The reading sets of @text's characters, a break for any other. */
static void
append_text_readings (GArray     *sets,
                      const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint16 set = (guint16) ca_hanzi_reading_set (g_utf8_get_char (p));

      if (set == BREAK)
        append_break (sets);
      else
        g_array_append_val (sets, set);
    }
  append_break (sets);
}

/* Splits @letters[from..] into syllables, longest first, appending their
 * sets; @failed marks offsets known not to split, so that it takes at most
 * a few steps per letter. */
static gboolean
split_syllables (const char *letters,
                 gsize       from,
                 gsize       length,
                 guint64    *failed,
                 GArray     *sets)
{
  if (from == length)
    return TRUE;
  if (*failed & (G_GUINT64_CONSTANT (1) << from))
    return FALSE;
  for (gsize n = MIN (6, length - from); n > 0; n--)
    {
      guint16 set = (guint16) ca_hanzi_syllable_set (letters + from, n);

      if (set == BREAK)
        continue;
      g_array_append_val (sets, set);
      if (split_syllables (letters, from + n, length, failed, sets))
        return TRUE;
      g_array_set_size (sets, sets->len - 1);
    }
  *failed |= G_GUINT64_CONSTANT (1) << from;
  return FALSE;
}

/* A declared reading ("Xiàmén", "Xī'ān", "Chóngqìng Shì") as syllables,
 * each word split on its own; FALSE, adding nothing, if a word is not
 * pinyin. */
static gboolean
append_declared_reading (GArray     *sets,
                         const char *reading)
{
  g_auto(GStrv) words = g_strsplit_set (reading, " \t\n'’-", -1);
  guint before = sets->len;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *normal = ca_match_normalize (words[i]);
      g_autofree char *letters = normal[0] != '\0' ? pinyin_letters (normal) : NULL;
      guint64 failed = 0;

      if (normal[0] == '\0')
        continue;
      if (letters == NULL || !split_syllables (letters, 0, strlen (letters), &failed, sets))
        {
          g_array_set_size (sets, before);
          return FALSE;
        }
    }
  append_break (sets);
  return sets->len > before;
}

/* The readings of @node's names: its declared readings if it has any that
 * are pinyin, else those of the characters of its names. */
static void
append_node_readings (GArray       *sets,
                      const CaNode *node)
{
  CaText names = ca_node_get_names (node);
  CaTextIter iter;
  gboolean declared = FALSE;

  ca_text_iter_init (&iter, &names);
  while (ca_text_iter_next (&iter))
    if (g_ascii_strcasecmp (iter.lang, CA_MATCH_READING_LANG) == 0)
      declared |= append_declared_reading (sets, iter.text);
  if (declared)
    return;
  ca_text_iter_init (&iter, &names);
  while (ca_text_iter_next (&iter))
    append_text_readings (sets, iter.text);
}

/* Matching pinyin --------------------------------------------------------- */

static CaMatchRank
worse (CaMatchRank a,
       CaMatchRank b)
{
  return a == CA_MATCH_NONE || b == CA_MATCH_NONE ? CA_MATCH_NONE : MAX (a, b);
}

static CaMatchRank
better (CaMatchRank a,
        CaMatchRank b)
{
  return a == CA_MATCH_NONE ? b : b == CA_MATCH_NONE ? a : MIN (a, b);
}

#define BIT(n) (G_GUINT64_CONSTANT (1) << (n))

typedef struct {
  guint64  full;  /* offsets reached by whole syllables */
  guint64  any;   /* offsets reached by syllables or their first letters */
} Reach;

/* Reads one more character, of @set, from @reach: whether whole syllables
 * (the last one maybe cut short: "xiam") reach the end of @key in *whole,
 * and first letters in *initials. */
static Reach
step (Reach       reach,
      guint       set,
      const char *key,
      gsize       length,
      gboolean   *whole,
      gboolean   *initials)
{
  Reach next = { 0, 0 };
  guint n = ca_hanzi_set_size (set);

  for (gsize from = 0; from < length; from++)
    {
      if (!(reach.any & BIT (from)))
        continue;
      for (guint i = 0; i < n; i++)
        {
          const char *syllable = ca_hanzi_set_syllable (set, i);
          gsize same = 0;

          while (from + same < length && syllable[same] != '\0'
                 && syllable[same] == key[from + same])
            same++;
          if (same == 0)
            continue;
          next.any |= (BIT (same) - 1) << (from + 1);
          if (!(reach.full & BIT (from)))
            continue;
          if (syllable[same] == '\0' || from + same == length)
            next.full |= BIT (from + same);
        }
    }
  *whole = (next.full & BIT (length)) != 0;
  *initials = (next.any & BIT (length)) != 0;
  next.full &= ~BIT (length);
  next.any &= ~BIT (length);
  return next;
}

/* How @key (pinyin letters) is spelled by the runs of characters in @sets:
 * from a run's start (anchored) to its end, from its start, or anywhere. */
static CaMatchRank
rank_pinyin (const guint16 *sets,
             guint          n_sets,
             const char    *key)
{
  gsize length = strlen (key);
  CaMatchRank best = CA_MATCH_NONE;
  Reach anchored = { 1, 1 }, loose = { 0, 0 };

  for (guint i = 0; i < n_sets; i++)
    {
      gboolean whole, initials, at_end = i + 1 == n_sets || sets[i + 1] == BREAK;

      if (sets[i] == BREAK)
        {
          anchored = (Reach) { 1, 1 };
          loose = (Reach) { 0, 0 };
          continue;
        }
      loose.full |= 1;
      loose.any |= 1;
      anchored = step (anchored, sets[i], key, length, &whole, &initials);
      if (whole && at_end)
        return CA_MATCH_PINYIN_WHOLE;
      if (whole)
        best = better (best, CA_MATCH_PINYIN_START);
      else if (initials)
        best = better (best, at_end ? CA_MATCH_INITIALS_WHOLE : CA_MATCH_INITIALS_START);
      loose = step (loose, sets[i], key, length, &whole, &initials);
      if (whole)
        best = better (best, CA_MATCH_PINYIN);
      else if (initials)
        best = better (best, CA_MATCH_INITIALS);
    }
  return best;
}

/* Queries ----------------------------------------------------------------- */

struct _CaMatchQuery
{
  char   *phrase;   /* the words, a space between each */
  GStrv   words;
  char  **keys;     /* each word's pinyin letters, or NULL */
  char   *joined;   /* every word's letters together, for "bao shan"; or NULL */
};

CaMatchQuery *
ca_match_query_new (const char *text)
{
  CaMatchQuery *query;
  g_autoptr(GString) joined = g_string_new (NULL);
  gboolean all_pinyin = TRUE;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);

  query = g_new0 (CaMatchQuery, 1);
  query->words = ca_match_words (text);
  query->phrase = g_strjoinv (" ", query->words);
  n = g_strv_length (query->words);
  query->keys = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      query->keys[i] = pinyin_letters (query->words[i]);
      all_pinyin &= query->keys[i] != NULL;
      if (query->keys[i] != NULL)
        g_string_append (joined, query->keys[i]);
    }
  if (n > 1 && all_pinyin && joined->len <= MAX_LETTERS)
    query->joined = g_strdup (joined->str);
  return query;
}

void
ca_match_query_free (CaMatchQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->phrase);
  g_strfreev (query->words);
  g_strfreev (query->keys);
  g_free (query->joined);
  g_free (query);
}

gboolean
ca_match_query_is_empty (const CaMatchQuery *query)
{
  g_return_val_if_fail (query != NULL, TRUE);
  return query->words[0] == NULL;
}

/* EXACT if a line of @text is the phrase, PREFIX if one starts with it. */
static CaMatchRank
rank_lines (const char *text,
            const char *phrase)
{
  gsize length = strlen (phrase);
  CaMatchRank best = CA_MATCH_NONE;

  for (const char *line = text; line != NULL; line = strchr (line, '\n'))
    {
      if (*line == '\n')
        line++;
      if (strncmp (line, phrase, length) != 0)
        continue;
      if (line[length] == '\0' || line[length] == '\n')
        return CA_MATCH_EXACT;
      best = CA_MATCH_PREFIX;
    }
  return best;
}

/* How @text (normalized, a field a line) and @sets (its readings) match. */
static CaMatchRank
rank_prepared (const CaMatchQuery *query,
               const char         *text,
               const guint16      *sets,
               guint               n_sets)
{
  CaMatchRank rank, each = CA_MATCH_CONTAINS;

  if (query->words[0] == NULL)
    return CA_MATCH_NONE;
  rank = rank_lines (text, query->phrase);
  if (rank != CA_MATCH_NONE)
    return rank;
  if (ca_match_all (text, query->words))
    return CA_MATCH_CONTAINS;
  if (n_sets == 0)
    return CA_MATCH_NONE;

  /* Each word in the text as written or in pinyin; or all of them as one
   * spelling ("bao shan"). */
  for (guint i = 0; query->words[i] != NULL && each != CA_MATCH_NONE; i++)
    {
      CaMatchRank word = strstr (text, query->words[i]) != NULL ? CA_MATCH_CONTAINS
                                                                 : CA_MATCH_NONE;

      if (word == CA_MATCH_NONE && query->keys[i] != NULL)
        word = rank_pinyin (sets, n_sets, query->keys[i]);
      each = worse (each, word);
    }
  if (query->joined != NULL)
    each = better (each, rank_pinyin (sets, n_sets, query->joined));
  return each;
}

CaMatchRank
ca_match_query_node (const CaMatchQuery *query,
                     const CaNode       *node)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) sets = NULL;

  g_return_val_if_fail (query != NULL, CA_MATCH_NONE);
  g_return_val_if_fail (node != NULL, CA_MATCH_NONE);

  text = ca_match_node_text (node);
  sets = g_array_new (FALSE, FALSE, sizeof (guint16));
  append_node_readings (sets, node);
  return rank_prepared (query, text, (const guint16 *) sets->data, sets->len);
}

CaMatchRank
ca_match_query_text (const CaMatchQuery *query,
                     const char         *text)
{
  g_autofree char *normal = NULL;
  g_autoptr(GArray) sets = NULL;

  g_return_val_if_fail (query != NULL, CA_MATCH_NONE);
  g_return_val_if_fail (text != NULL, CA_MATCH_NONE);

  normal = ca_match_normalize (text);
  sets = g_array_new (FALSE, FALSE, sizeof (guint16));
  append_text_readings (sets, text);
  return rank_prepared (query, normal, (const guint16 *) sets->data, sets->len);
}

/* The index --------------------------------------------------------------- */

struct _CaMatchIndex
{
  CaDataset *dataset;
  /* In tree order: each node, its normalized text, and where its readings
   * start in @sets (one more entry than nodes, for the end). */
  GPtrArray *nodes;
  GPtrArray *texts;
  GArray    *starts;
  GArray    *sets;
};

static void
index_add (CaMatchIndex *index,
           const CaNode *node)
{
  guint32 start;

  g_ptr_array_add (index->nodes, (gpointer) node);
  g_ptr_array_add (index->texts, ca_match_node_text (node));
  append_node_readings (index->sets, node);
  start = index->sets->len;
  g_array_append_val (index->starts, start);
}

CaMatchIndex *
ca_match_index_new (CaDataset *dataset)
{
  CaMatchIndex *index;
  guint32 zero = 0;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  index = g_new0 (CaMatchIndex, 1);
  index->dataset = g_object_ref (dataset);
  index->nodes = g_ptr_array_new ();
  index->texts = g_ptr_array_new_with_free_func (g_free);
  index->starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  index->sets = g_array_new (FALSE, FALSE, sizeof (guint16));
  g_array_append_val (index->starts, zero);

  for (guint r = 0; r < ca_dataset_get_n_roots (dataset); r++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, r);

      for (const CaNode *node = ca_node_next_in_subtree (root, NULL);
           node != NULL;
           node = ca_node_next_in_subtree (root, node))
        index_add (index, node);
    }
  return index;
}

void
ca_match_index_free (CaMatchIndex *index)
{
  if (index == NULL)
    return;
  g_clear_object (&index->dataset);
  g_ptr_array_unref (index->nodes);
  g_ptr_array_unref (index->texts);
  g_array_unref (index->starts);
  g_array_unref (index->sets);
  g_free (index);
}

#define N_RANKS (CA_MATCH_INITIALS + 1)

GPtrArray *
ca_match_index_find (CaMatchIndex *index,
                     const char   *text,
                     guint         max,
                     guint        *n_matches)
{
  g_autoptr(CaMatchQuery) query = NULL;
  GArray *by_rank[N_RANKS] = { NULL };
  GPtrArray *found = g_ptr_array_new ();
  guint count = 0;

  g_return_val_if_fail (index != NULL, found);
  g_return_val_if_fail (text != NULL, found);

  query = ca_match_query_new (text);
  for (guint r = 1; r < N_RANKS; r++)
    by_rank[r] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; !ca_match_query_is_empty (query) && i < index->nodes->len; i++)
    {
      guint32 from = g_array_index (index->starts, guint32, i);
      guint32 to = g_array_index (index->starts, guint32, i + 1);
      const guint16 *sets = &g_array_index (index->sets, guint16, 0) + from;
      CaMatchRank rank = rank_prepared (query, index->texts->pdata[i], sets, to - from);

      if (rank != CA_MATCH_NONE)
        g_array_append_val (by_rank[rank], i);
    }
  for (guint r = 1; r < N_RANKS; r++)
    for (guint k = 0; k < by_rank[r]->len; k++, count++)
      if (found->len < max)
        g_ptr_array_add (found, index->nodes->pdata[g_array_index (by_rank[r], guint, k)]);
  for (guint r = 1; r < N_RANKS; r++)
    g_array_unref (by_rank[r]);
  if (n_matches != NULL)
    *n_matches = count;
  return found;
}
