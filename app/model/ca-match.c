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

/* For memmem (). */
#define _GNU_SOURCE

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

/* The character at *@p, stepping past it: ASCII and the three-byte
 * characters of the common blocks decoded here, as this reads every name
 * at each keystroke; @p is valid UTF-8. */
static inline gunichar
next_char (const guchar **p)
{
  const guchar *at = *p;
  gunichar c;

  if (*at < 0x80)
    {
      *p = at + 1;
      return *at;
    }
  if ((*at & 0xF0) == 0xE0 && (at[1] & 0xC0) == 0x80 && (at[2] & 0xC0) == 0x80)
    {
      *p = at + 3;
      return ((gunichar) (*at & 0x0F) << 12) | ((gunichar) (at[1] & 0x3F) << 6) | (at[2] & 0x3F);
    }
  c = g_utf8_get_char ((const char *) at);
  *p = (const guchar *) g_utf8_next_char ((const char *) at);
  return c;
}

/* The reading sets of @text's characters, a break for any other. */
static void
append_text_readings (GArray     *sets,
                      const char *text)
{
  const CaHanziSets *tables = ca_hanzi_get_sets ();
  const guchar *p = (const guchar *) text;

  while (*p != '\0')
    {
      gunichar c = next_char (&p);
      guint16 set = BREAK;

      if (c >= tables->direct_first && c <= tables->direct_last)
        set = tables->direct[c - tables->direct_first];
      else if (c >= 0x80)
        set = (guint16) ca_hanzi_reading_set (c);
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

/* @node's declared readings, if it has any that are pinyin. */
static gboolean
append_declared_readings (GArray       *sets,
                          const CaNode *node)
{
  CaText names = ca_node_get_names (node);
  CaTextIter iter;
  gboolean declared = FALSE;

  ca_text_iter_init (&iter, &names);
  while (ca_text_iter_next (&iter))
    if (g_ascii_strcasecmp (iter.lang, CA_MATCH_READING_LANG) == 0)
      declared |= append_declared_reading (sets, iter.text);
  return declared;
}

/* The readings of the characters of @node's names. */
static void
append_names_readings (GArray       *sets,
                       const CaNode *node)
{
  CaText names = ca_node_get_names (node);
  CaTextIter iter;

  ca_text_iter_init (&iter, &names);
  while (ca_text_iter_next (&iter))
    append_text_readings (sets, iter.text);
}

/* The readings of @node's names: its declared ones, else those of the
 * characters of its names. */
static void
append_node_readings (GArray       *sets,
                      const CaNode *node)
{
  if (!append_declared_readings (sets, node))
    append_names_readings (sets, node);
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
static inline Reach
step (const CaHanziSets *tables,
      Reach              reach,
      guint              set,
      const char        *key,
      gsize              length,
      gboolean          *whole,
      gboolean          *initials)
{
  Reach next = { 0, 0 };
  guint32 starts = tables->initials[set];

  for (guint64 left = reach.any; left != 0; left &= left - 1)
    {
      gsize from = (gsize) __builtin_ctzll (left);

      if (!(starts & (1u << (key[from] - 'a'))))
        continue;
      for (guint i = tables->starts[set]; i < tables->starts[set + 1]; i++)
        {
          const char *syllable = tables->syllables[i];
          gsize same = 0;

          while (from + same < length && syllable[same] != '\0'
                 && syllable[same] == key[from + same])
            same++;
          if (same == 0)
            continue;
          next.any |= (BIT (same) - 1) << (from + 1);
          if ((reach.full & BIT (from)) && (syllable[same] == '\0' || from + same == length))
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
  const CaHanziSets *tables = ca_hanzi_get_sets ();
  gsize length = strlen (key);
  guint32 first = 1u << (key[0] - 'a');
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
      /* Most characters start nothing and continue nothing. */
      if (loose.any == 0 && anchored.any == 0 && !(tables->initials[sets[i]] & first))
        continue;
      loose.full |= 1;
      loose.any |= 1;
      if (anchored.any != 0)
        {
          anchored = step (tables, anchored, sets[i], key, length, &whole, &initials);
          if (whole && at_end)
            return CA_MATCH_PINYIN_WHOLE;
          if (whole)
            best = better (best, CA_MATCH_PINYIN_START);
          else if (initials)
            best = better (best, at_end ? CA_MATCH_INITIALS_WHOLE : CA_MATCH_INITIALS_START);
        }
      loose = step (tables, loose, sets[i], key, length, &whole, &initials);
      if (whole)
        best = better (best, CA_MATCH_PINYIN);
      else if (initials)
        best = better (best, CA_MATCH_INITIALS);
    }
  return best;
}

/* What a node's readings can spell, as 64 bits: the letters its
 * characters' readings start with (bits 0 to 25), and a set of the pairs
 * of first letters of two characters in a row (the other 38 bits).  A key
 * of two characters or more needs its first letter and one of the pairs it
 * could start with: most nodes are passed over on that alone. */
#define N_INITIALS 26
#define PAIR_BITS (64 - N_INITIALS)

static inline guint mix_bit (guint32 a, guint32 b, guint n_bits);

static inline guint64
initial_pair_bit (guint a,
                  guint b)
{
  return BIT (N_INITIALS + mix_bit (a, b, PAIR_BITS));
}

static guint64
signature_of (const guint16 *sets,
              guint          n_sets)
{
  const CaHanziSets *tables = ca_hanzi_get_sets ();
  guint64 signature = 0;

  for (guint i = 0; i < n_sets; i++)
    {
      guint32 here = sets[i] != BREAK ? tables->initials[sets[i]] : 0;
      guint32 next = i + 1 < n_sets && sets[i + 1] != BREAK ? tables->initials[sets[i + 1]] : 0;

      signature |= here;
      for (guint32 a = here; a != 0 && next != 0; a &= a - 1)
        for (guint32 b = next; b != 0; b &= b - 1)
          signature |= initial_pair_bit ((guint) __builtin_ctz (a), (guint) __builtin_ctz (b));
    }
  return signature;
}

/* Pinyin letters of a query, and what a node's signature needs to have for
 * them to be spelled by its readings. */
typedef struct {
  char    *letters;
  guint64  first;   /* the bit of its first letter */
  guint64  pairs;   /* the pairs it could start with; 0 if one syllable may spell it */
  guint64  starts;  /* letters that must start a character's reading */
} Key;

/* The letters no syllable has past its first ("q", "x", "b"…): wherever
 * a key has one, a character's reading starts there. */
static guint32
letters_only_first (void)
{
  static gsize only_first;

  if (g_once_init_enter (&only_first))
    {
      const CaHanziSets *tables = ca_hanzi_get_sets ();
      guint32 later = 0;

      for (guint s = 0; s < ca_hanzi_n_syllables (); s++)
        for (const char *p = tables->syllables[tables->starts[s]] + 1; *p != '\0'; p++)
          later |= 1u << (*p - 'a');
      /* Bit 31 set: never 0, which g_once_init_leave () refuses. */
      g_once_init_leave (&only_first, (~later & ((1u << N_INITIALS) - 1)) | (1u << 31));
    }
  return (guint32) only_first & ((1u << N_INITIALS) - 1);
}

static void
key_init (Key  *key,
          char *letters)
{
  const CaHanziSets *tables = ca_hanzi_get_sets ();
  gsize length = strlen (letters);
  guint a = (guint) (letters[0] - 'a');
  gboolean one = FALSE;

  *key = (Key) { letters, BIT (a), 0, 0 };
  for (gsize i = 0; i < length; i++)
    key->starts |= BIT (letters[i] - 'a') & letters_only_first ();
  /* Where the first character's part may end: after any prefix of one of
   * its syllables.  Syllables are sets 0 .. n - 1. */
  for (guint s = 0; s < ca_hanzi_n_syllables (); s++)
    {
      const char *syllable = tables->syllables[tables->starts[s]];
      gsize same = 0;

      while (same < length && syllable[same] != '\0' && syllable[same] == letters[same])
        same++;
      one |= same == length;
      for (gsize k = 1; k <= same && k < length; k++)
        key->pairs |= initial_pair_bit (a, (guint) (letters[k] - 'a'));
    }
  if (one)
    key->pairs = 0;
}

static inline gboolean
key_may_match (const Key *key,
               guint64    signature)
{
  return key->letters != NULL && (signature & key->first)
         && (signature & key->starts) == key->starts
         && (key->pairs == 0 || (signature & key->pairs) != 0);
}

/* A node's fields as a 64-bit set of the pairs of characters in them
 * (ASCII lowered), for add_bytes (): a word whose pairs are not all there
 * is not in the fields, and the node's fields need not be read for it. */
static inline guint
mix_bit (guint32 a,
         guint32 b,
         guint   n_bits)
{
  guint32 h = (a * 0x9E3779B1u) ^ (b * 0x85EBCA77u);

  h ^= h >> 15;
  h *= 0x2C1B3C6Du;
  h ^= h >> 13;
  return h % n_bits;
}

static inline gunichar
lower_char (gunichar c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* A node's fields also as a 32-bit set of the characters in them: the
 * ASCII letters (lowered) each a bit, any other character one of six
 * bits.  The pairs let through a word of one pair, or of pairs that common
 * words of the data share ("zzzz" passes nine nodes in ten); a word's
 * letters are a test they rarely pass together. */
typedef struct {
  guint32 pairs;
  guint32 chars;
} Bytes;

/* add_bytes ()'s bits of ASCII pairs and characters, worked out once: the
 * fields are mostly ASCII, and mixing a pair costs more than reading it.
 * A pair with a line break has bit 32, which no guint32 keeps. */
typedef struct {
  guint8  pair[128][128];
  guint32 chars[128];
} AsciiBits;

static const AsciiBits *
ascii_bits (void)
{
  static AsciiBits bits;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint a = 0; a < 128; a++)
        {
          gunichar lower_a = lower_char (a);

          bits.chars[a] = a == '\n' ? 0
                          : lower_a >= 'a' && lower_a <= 'z' ? 1u << (lower_a - 'a')
                          : 1u << (26 + lower_a % 6);
          for (guint b = 0; b < 128; b++)
            bits.pair[a][b] = a == '\n' || b == '\n'
                              ? 32 : (guint8) (16 + mix_bit (lower_a, lower_char (b), 16));
        }
      g_once_init_leave (&done, 1);
    }
  return &bits;
}

/* Adds @text's pairs and characters to @bytes.  Clears *@plain when the
 * text is not plain: a character past ASCII that is not one of the Chinese
 * characters that NFKC and the Simplified fold leave alone, so that
 * normalizing the text would do more than lower its ASCII letters. */
static void
add_bytes (Bytes      *bytes,
           const char *text,
           gsize       length,
           gboolean   *plain)
{
  const AsciiBits *ascii = ascii_bits ();
  const guchar *p = (const guchar *) text, *end = p + length;
  gunichar last = '\n';

  while (p < end)
    {
      gunichar c;

      if (*p < 0x80 && last < 0x80)
        {
          c = *p++;
          bytes->pairs |= (guint32) (G_GUINT64_CONSTANT (1) << ascii->pair[last][c]);
          bytes->chars |= ascii->chars[c];
          last = lower_char (c);
          continue;
        }
      c = lower_char (next_char (&p));
      if (c >= 0x80 && (c < 0x3400 || c > 0x9FFF || ca_hanzi_fold (c) != c))
        *plain = FALSE;
      /* Pairs of Chinese characters in one half, others in the other:
       * a node's Latin text does not fill the bits its Chinese uses. */
      if (last != '\n' && c != '\n')
        bytes->pairs |= 1u << ((last >= 0x80 && c >= 0x80 ? 0 : 16) + mix_bit (last, c, 16));
      if (c >= 'a' && c <= 'z')
        bytes->chars |= 1u << (c - 'a');
      else if (c != '\n')
        bytes->chars |= 1u << (26 + c % 6);
      last = c;
    }
}

static inline gboolean
bytes_within (const Bytes *word,
              const Bytes *node)
{
  return (word->pairs & node->pairs) == word->pairs && (word->chars & node->chars) == word->chars;
}

/* Queries ----------------------------------------------------------------- */

/* Words past this many are not matched: a query is typed, not pasted. */
#define MAX_WORDS 64

struct _CaMatchQuery
{
  char    *phrase;   /* the words, a space between each */
  gsize    phrase_length;
  GStrv    words;
  gsize   *lengths;
  Key     *keys;     /* each word's pinyin letters (letters NULL if none) */
  Key      joined;   /* every word's letters together, for "bao shan"; or none */
  guint    n_words;
  guint64  all;      /* a bit for each word */
  guint64  lettered; /* a bit for each word with an ASCII letter */
  Bytes   *bytes;    /* each word's pairs and characters (add_bytes ()) */
};

CaMatchQuery *
ca_match_query_new (const char *text)
{
  CaMatchQuery *query;
  g_autoptr(GString) joined = g_string_new (NULL);
  gboolean all_pinyin = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  query = g_new0 (CaMatchQuery, 1);
  query->words = ca_match_words (text);
  for (guint i = MAX_WORDS, n = g_strv_length (query->words); i < n; i++)
    g_clear_pointer (&query->words[i], g_free);
  query->n_words = g_strv_length (query->words);
  query->phrase = g_strjoinv (" ", query->words);
  query->phrase_length = strlen (query->phrase);
  query->lengths = g_new0 (gsize, query->n_words + 1);
  query->keys = g_new0 (Key, query->n_words + 1);
  query->bytes = g_new0 (Bytes, query->n_words + 1);
  for (guint i = 0; i < query->n_words; i++)
    {
      char *letters = pinyin_letters (query->words[i]);
      gboolean plain;   /* a word is normalized already */

      query->lengths[i] = strlen (query->words[i]);
      all_pinyin &= letters != NULL;
      if (letters != NULL)
        {
          g_string_append (joined, letters);
          key_init (&query->keys[i], letters);
        }
      query->all |= BIT (i);
      add_bytes (&query->bytes[i], query->words[i], query->lengths[i], &plain);
      for (const char *p = query->words[i]; *p != '\0'; p++)
        if (g_ascii_isalpha (*p))
          query->lettered |= BIT (i);
    }
  if (query->n_words > 1 && all_pinyin && joined->len <= MAX_LETTERS)
    key_init (&query->joined, g_strdup (joined->str));
  return query;
}

void
ca_match_query_free (CaMatchQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->phrase);
  g_strfreev (query->words);
  g_free (query->lengths);
  g_free (query->bytes);
  for (guint i = 0; i < query->n_words; i++)
    g_free (query->keys[i].letters);
  g_free (query->keys);
  g_free (query->joined.letters);
  g_free (query);
}

gboolean
ca_match_query_is_empty (const CaMatchQuery *query)
{
  g_return_val_if_fail (query != NULL, TRUE);
  return query->n_words == 0;
}

/* What the words matched of a node's fields so far. */
typedef struct {
  CaMatchRank  rank;   /* EXACT or PREFIX when a field is or starts with the phrase */
  guint64      found;  /* the words found as written */
} Literal;

static inline char
lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
}

static inline gboolean
same_bytes (const char *a,
            const char *b,
            gsize       length,
            gboolean    fold_ascii)
{
  if (!fold_ascii)
    return memcmp (a, b, length) == 0;
  for (gsize i = 0; i < length; i++)
    if (lower (a[i]) != b[i])
      return FALSE;
  return TRUE;
}

/* Whether @field holds word @i; a word without letters needs no folding. */
static gboolean
field_contains (const CaMatchQuery *query,
                guint               i,
                const char         *field,
                gsize               length,
                gboolean            fold_ascii)
{
  const char *word = query->words[i];
  gsize word_length = query->lengths[i];

  if (!fold_ascii || !(query->lettered & BIT (i)))
    return memmem (field, length, word, word_length) != NULL;
  for (gsize at = 0; at + word_length <= length; at++)
    if (lower (field[at]) == word[0]
        && same_bytes (field + at + 1, word + 1, word_length - 1, TRUE))
      return TRUE;
  return FALSE;
}

/* Compares one field, normalized (or, with @fold_ascii, one that only
 * needs its ASCII letters lowered to be). */
static void
literal_field (const CaMatchQuery *query,
               const char         *field,
               gsize               length,
               gboolean            fold_ascii,
               Literal            *literal)
{
  gsize phrase = query->phrase_length;

  if (phrase <= length && same_bytes (field, query->phrase, phrase, fold_ascii))
    literal->rank = better (literal->rank, phrase == length ? CA_MATCH_EXACT
                                                            : CA_MATCH_PREFIX);
  for (guint i = 0; i < query->n_words; i++)
    if (!(literal->found & BIT (i)) && field_contains (query, i, field, length, fold_ascii))
      literal->found |= BIT (i);
}

/* Each line of @text (normalized, a field a line). */
static void
literal_lines (const CaMatchQuery *query,
               const char         *text,
               Literal            *literal)
{
  for (const char *line = text;;)
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);

      literal_field (query, line, length, FALSE, literal);
      if (end == NULL)
        break;
      line = end + 1;
    }
}

/* A node's readings, worked out only when the words are not all there as
 * written; *sets is filled on first use. */
typedef struct {
  const CaNode  *node;      /* NULL: @sets is all there is */
  const guint16 *declared;  /* the node's declared readings, if the index has them */
  guint          n_declared;
  guint64        signature; /* what the readings can spell (signature_of ()); or all bits */
  gboolean       plain;     /* whether @node is known to declare no reading */
  GArray        *scratch;
} Readings;

static void
readings_get (Readings       *readings,
              const guint16 **sets,
              guint          *n_sets)
{
  if (readings->declared != NULL)
    {
      *sets = readings->declared;
      *n_sets = readings->n_declared;
      return;
    }
  if (readings->node != NULL && readings->scratch->len == 0)
    {
      if (readings->plain)
        append_names_readings (readings->scratch, readings->node);
      else
        append_node_readings (readings->scratch, readings->node);
    }
  *sets = (const guint16 *) readings->scratch->data;
  *n_sets = readings->scratch->len;
}

/* The rank from the fields' literal matches and, for words not found, the
 * readings. */
static CaMatchRank
rank_finish (const CaMatchQuery *query,
             const Literal      *literal,
             Readings           *readings)
{
  CaMatchRank each = CA_MATCH_CONTAINS, joined;
  const guint16 *sets = NULL;
  guint n_sets = 0;
  gboolean may_join;

  if (query->n_words == 0)
    return CA_MATCH_NONE;
  if (literal->rank != CA_MATCH_NONE)
    return literal->rank;
  if (literal->found == query->all)
    return CA_MATCH_CONTAINS;

  /* All the words as one spelling ("bao shan"); or each word as written or
   * in pinyin. */
  may_join = key_may_match (&query->joined, readings->signature);
  for (guint i = 0; i < query->n_words; i++)
    if (!(literal->found & BIT (i)) && !key_may_match (&query->keys[i], readings->signature))
      each = CA_MATCH_NONE;
  if (!may_join && each == CA_MATCH_NONE)
    return CA_MATCH_NONE;
  readings_get (readings, &sets, &n_sets);
  joined = may_join ? rank_pinyin (sets, n_sets, query->joined.letters) : CA_MATCH_NONE;
  if (joined == CA_MATCH_PINYIN_WHOLE)
    return joined;
  for (guint i = 0; i < query->n_words && each != CA_MATCH_NONE; i++)
    if (!(literal->found & BIT (i)))
      each = worse (each, rank_pinyin (sets, n_sets, query->keys[i].letters));
  return better (each, joined);
}

CaMatchRank
ca_match_query_node (const CaMatchQuery *query,
                     const CaNode       *node)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) scratch = NULL;
  Literal literal = { CA_MATCH_NONE, 0 };
  Readings readings;

  g_return_val_if_fail (query != NULL, CA_MATCH_NONE);
  g_return_val_if_fail (node != NULL, CA_MATCH_NONE);

  text = ca_match_node_text (node);
  literal_lines (query, text, &literal);
  scratch = g_array_new (FALSE, FALSE, sizeof (guint16));
  readings = (Readings) { node, NULL, 0, G_MAXUINT64, FALSE, scratch };
  return rank_finish (query, &literal, &readings);
}

CaMatchRank
ca_match_query_text (const CaMatchQuery *query,
                     const char         *text)
{
  g_autofree char *valid = NULL, *normal = NULL;
  g_autoptr(GArray) scratch = NULL;
  Literal literal = { CA_MATCH_NONE, 0 };
  Readings readings;

  g_return_val_if_fail (query != NULL, CA_MATCH_NONE);
  g_return_val_if_fail (text != NULL, CA_MATCH_NONE);

  /* Any text: a figure's words are data, checked by the loader, but this
   * is also for text that was not. */
  valid = g_utf8_make_valid (text, -1);
  normal = ca_match_normalize (valid);
  literal_lines (query, normal, &literal);
  scratch = g_array_new (FALSE, FALSE, sizeof (guint16));
  append_text_readings (scratch, valid);
  readings = (Readings) { NULL, NULL, 0, G_MAXUINT64, FALSE, scratch };
  return rank_finish (query, &literal, &readings);
}

/* The first run of @text's characters that @key spells, from its first. */
static gboolean
locate_key (const guint16 *sets,
            const glong   *offsets,
            guint          n_sets,
            const char    *key,
            glong         *start,
            glong         *length)
{
  const CaHanziSets *tables = ca_hanzi_get_sets ();
  gsize key_length = strlen (key);

  for (guint i = 0; i < n_sets; i++)
    {
      Reach reach = { 1, 1 };

      for (guint j = i; j < n_sets && sets[j] != BREAK && reach.any != 0; j++)
        {
          gboolean whole, initials;

          reach = step (tables, reach, sets[j], key, key_length, &whole, &initials);
          if (whole || initials)
            {
              *start = offsets[i];
              *length = offsets[j] - offsets[i] + 1;
              return TRUE;
            }
        }
    }
  return FALSE;
}

gboolean
ca_match_query_locate (const CaMatchQuery *query,
                       const char         *text,
                       glong              *start,
                       glong              *length)
{
  g_autoptr(GArray) sets = g_array_new (FALSE, FALSE, sizeof (guint16));
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (glong));
  glong at = 0;

  g_return_val_if_fail (query != NULL && text != NULL, FALSE);
  g_return_val_if_fail (start != NULL && length != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), at++)
    {
      guint16 set = (guint16) ca_hanzi_reading_set (g_utf8_get_char (p));

      g_array_append_val (sets, set);
      g_array_append_val (offsets, at);
    }
  if (query->joined.letters != NULL
      && locate_key ((guint16 *) sets->data, (glong *) offsets->data, sets->len,
                     query->joined.letters, start, length))
    return TRUE;
  for (guint i = 0; i < query->n_words; i++)
    if (query->keys[i].letters != NULL
        && locate_key ((guint16 *) sets->data, (glong *) offsets->data, sets->len,
                       query->keys[i].letters, start, length))
      return TRUE;
  return FALSE;
}

/* The index --------------------------------------------------------------- */

/* A node whose text normalizes to more than its ASCII letters lowered
 * (full-width forms, Traditional characters, other scripts' capitals), or
 * that declares its reading: the index keeps what matching it needs. */
typedef struct {
  guint    ordinal;    /* in tree order */
  char    *text;       /* normalized, a field a line; NULL if plain */
  guint16 *declared;   /* its declared readings; NULL if none */
  guint    n_declared;
} Special;

/* Where node MARK_EVERY × k is, so that a thread ranking a slice of the
 * nodes starts near it instead of walking the tree from its start. */
#define MARK_EVERY 1024

typedef struct {
  guint         root;
  const CaNode *node;
} Mark;

struct _CaMatchIndex
{
  CaDataset *dataset;    /* a reference, but for the index kept with it */
  gboolean   owns_dataset;
  guint      n_nodes;
  /* For each node in tree order, the letters its readings start with: most
   * nodes are passed over on that alone when no word is there as written. */
  GArray    *signatures;
  GArray    *bytes;      /* Bytes: for each node, the pairs and characters of its fields */
  GArray    *marks;      /* Mark, every MARK_EVERY nodes in tree order */
  GArray    *specials;   /* Special, by ordinal */
};

/* The pairs and the characters of @node's fields; *@plain cleared when
 * one of them is not plain (add_bytes ()). */
static Bytes
node_bytes (const CaNode *node,
            gboolean     *plain)
{
  CaText names = ca_node_get_names (node);
  CaTextIter iter;
  const char *id = ca_node_get_id (node);
  Bytes bytes = { 0, 0 };

  add_bytes (&bytes, id, strlen (id), plain);
  ca_text_iter_init (&iter, &names);
  while (ca_text_iter_next (&iter))
    add_bytes (&bytes, iter.text, strlen (iter.text), plain);
  for (guint i = 0; i < ca_node_get_n_tags (node); i++)
    {
      const char *tag = ca_node_get_tag (node, i);

      add_bytes (&bytes, tag, strlen (tag), plain);
    }
  return bytes;
}

/* The node after @node in tree order, across the roots (*@root is
 * @node's); NULL after the last. */
static const CaNode *
next_node (CaDataset    *dataset,
           guint        *root,
           const CaNode *node)
{
  node = ca_node_next_in_subtree (ca_dataset_get_root (dataset, *root), node);
  if (node == NULL && ++*root < ca_dataset_get_n_roots (dataset))
    node = ca_dataset_get_root (dataset, *root);
  return node;
}

/* A part of the nodes, in tree order, for one thread: indexed, or ranked
 * against a query. */
typedef struct {
  CaMatchIndex       *index;
  const CaMatchQuery *query;      /* NULL when indexing */
  guint               from, to;   /* ordinals */
  GArray             *specials;   /* indexing: the slice's Specials */
  GPtrArray          *by_rank[CA_MATCH_INITIALS + 1];
} Slice;

/* Below this many nodes one thread is quick enough. */
#define NODES_PER_THREAD 25000
#define MAX_THREADS 4

/* Runs @func on @n_nodes cut into slices, one thread each, the first on
 * this one; returns the number of slices. */
static guint
run_slices (CaMatchIndex       *index,
            const CaMatchQuery *query,
            guint               n_nodes,
            GThreadFunc         func,
            Slice              *slices)
{
  GThread *threads[MAX_THREADS] = { NULL };
  guint n_slices = CLAMP (n_nodes / NODES_PER_THREAD, 1,
                          MIN (MAX_THREADS, (guint) g_get_num_processors ()));

  for (guint i = 0; i < n_slices; i++)
    slices[i] = (Slice) { index, query, (guint) ((guint64) n_nodes * i / n_slices),
                          (guint) ((guint64) n_nodes * (i + 1) / n_slices), NULL, { NULL } };
  for (guint i = 1; i < n_slices; i++)
    threads[i] = g_thread_new ("ca-match", func, &slices[i]);
  func (&slices[0]);
  for (guint i = 1; i < n_slices; i++)
    g_thread_join (threads[i]);
  return n_slices;
}

/* The slice's first node (its ordinal in *@ordinal, its root's index in
 * *@root): from the mark before it, a step at a time. */
static const CaNode *
slice_start (const Slice *slice,
             guint       *ordinal,
             guint       *root)
{
  const Mark *mark;
  const CaNode *node;

  *ordinal = slice->from;
  *root = 0;
  if (slice->from >= slice->to)
    return NULL;
  mark = &g_array_index (slice->index->marks, Mark, slice->from / MARK_EVERY);
  node = mark->node;
  *root = mark->root;
  for (*ordinal = slice->from / MARK_EVERY * MARK_EVERY;
       *ordinal < slice->from && node != NULL;
       ++*ordinal)
    node = next_node (slice->index->dataset, root, node);
  return node;
}

static void
index_add (CaMatchIndex *index,
           GArray       *specials,
           guint         ordinal,
           const CaNode *node,
           GArray       *scratch)
{
  Special special = { ordinal, NULL, NULL, 0 };
  Bytes bytes;
  gboolean declared, plain = TRUE;

  g_array_set_size (scratch, 0);
  declared = append_declared_readings (scratch, node);
  if (!declared)
    append_names_readings (scratch, node);
  g_array_index (index->signatures, guint64, ordinal) =
    signature_of ((const guint16 *) scratch->data, scratch->len);
  if (declared)
    {
      special.declared = g_memdup2 (scratch->data, scratch->len * sizeof (guint16));
      special.n_declared = scratch->len;
    }
  bytes = node_bytes (node, &plain);
  if (!plain)
    {
      /* Matched on its normalized text instead (ca_match_node_text ()). */
      special.text = ca_match_node_text (node);
      bytes = (Bytes) { 0, 0 };
      add_bytes (&bytes, special.text, strlen (special.text), &plain);
    }
  g_array_index (index->bytes, Bytes, ordinal) = bytes;
  if (special.text != NULL || special.declared != NULL)
    g_array_append_val (specials, special);
}

static void
special_clear (gpointer data)
{
  Special *special = data;

  g_free (special->text);
  g_free (special->declared);
}

static gpointer
index_slice (gpointer data)
{
  Slice *slice = data;
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint16));
  guint ordinal, root;
  const CaNode *node = slice_start (slice, &ordinal, &root);

  slice->specials = g_array_new (FALSE, FALSE, sizeof (Special));
  for (; ordinal < slice->to && node != NULL; ordinal++)
    {
      index_add (slice->index, slice->specials, ordinal, node, scratch);
      node = next_node (slice->index->dataset, &root, node);
    }
  return NULL;
}

/* Each node's readings' letters, pairs and characters, on a thread per
 * slice of the nodes (100k nodes in 50 ms on two cores instead of 100). */
static CaMatchIndex *
index_build (CaDataset *dataset,
             gboolean   owns_dataset)
{
  CaMatchIndex *index = g_new0 (CaMatchIndex, 1);
  Slice slices[MAX_THREADS];
  guint n_slices, root = 0;

  index->dataset = owns_dataset ? g_object_ref (dataset) : dataset;
  index->owns_dataset = owns_dataset;
  index->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  for (const CaNode *node = ca_dataset_get_n_roots (dataset) > 0
                            ? ca_dataset_get_root (dataset, 0) : NULL;
       node != NULL;
       node = next_node (dataset, &root, node), index->n_nodes++)
    if (index->n_nodes % MARK_EVERY == 0)
      {
        Mark mark = { root, node };

        g_array_append_val (index->marks, mark);
      }
  /* Sized at once: each slice fills its part. */
  index->signatures = g_array_sized_new (FALSE, FALSE, sizeof (guint64), index->n_nodes);
  g_array_set_size (index->signatures, index->n_nodes);
  index->bytes = g_array_sized_new (FALSE, FALSE, sizeof (Bytes), index->n_nodes);
  g_array_set_size (index->bytes, index->n_nodes);
  index->specials = g_array_new (FALSE, FALSE, sizeof (Special));
  g_array_set_clear_func (index->specials, special_clear);
  if (index->n_nodes == 0)
    return index;

  n_slices = run_slices (index, NULL, index->n_nodes, index_slice, slices);
  for (guint i = 0; i < n_slices; i++)
    {
      g_array_append_vals (index->specials, slices[i].specials->data, slices[i].specials->len);
      g_array_unref (slices[i].specials);
    }
  return index;
}

CaMatchIndex *
ca_match_index_new (CaDataset *dataset)
{
  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  return index_build (dataset, TRUE);
}

static void
index_free_kept (gpointer data)
{
  CaMatchIndex *index = data;

  index->dataset = NULL;   /* not a reference: the dataset is going */
  ca_match_index_free (index);
}

CaMatchIndex *
ca_match_index_get (CaDataset *dataset)
{
  static GQuark quark;
  CaMatchIndex *index;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  if (quark == 0)
    quark = g_quark_from_static_string ("ca-match-index");
  index = g_object_get_qdata (G_OBJECT (dataset), quark);
  if (index == NULL)
    {
      index = index_build (dataset, FALSE);
      g_object_set_qdata_full (G_OBJECT (dataset), quark, index, index_free_kept);
    }
  return index;
}

void
ca_match_index_free (CaMatchIndex *index)
{
  if (index == NULL)
    return;
  if (index->owns_dataset)
    g_clear_object (&index->dataset);
  g_array_unref (index->signatures);
  g_array_unref (index->bytes);
  g_array_unref (index->marks);
  g_array_unref (index->specials);
  g_free (index);
}

/* The literal matches of a plain node's fields, read where the dataset
 * keeps them. */
static void
literal_node (const CaMatchQuery *query,
              const CaNode       *node,
              Literal            *literal)
{
  CaText names = ca_node_get_names (node);
  CaTextIter iter;
  const char *id = ca_node_get_id (node);

  literal_field (query, id, strlen (id), TRUE, literal);
  ca_text_iter_init (&iter, &names);
  while (ca_text_iter_next (&iter))
    literal_field (query, iter.text, strlen (iter.text), TRUE, literal);
  for (guint i = 0; i < ca_node_get_n_tags (node); i++)
    {
      const char *tag = ca_node_get_tag (node, i);

      literal_field (query, tag, strlen (tag), TRUE, literal);
    }
}

#define N_RANKS (CA_MATCH_INITIALS + 1)

/* Ranks node @ordinal; *next_special steps past its Special, if it has one. */
static CaMatchRank
index_rank (CaMatchIndex       *index,
            const CaMatchQuery *query,
            const CaNode       *node,
            guint               ordinal,
            guint              *next_special,
            GArray             *scratch)
{
  const Special *special = NULL;
  Literal literal = { CA_MATCH_NONE, 0 };
  Readings readings = { node, NULL, 0, g_array_index (index->signatures, guint64, ordinal),
                        TRUE, scratch };
  const Bytes *bytes = &g_array_index (index->bytes, Bytes, ordinal);
  gboolean any_word = FALSE;

  for (guint i = 0; i < query->n_words && !any_word; i++)
    any_word = bytes_within (&query->bytes[i], bytes);
  if (*next_special < index->specials->len
      && g_array_index (index->specials, Special, *next_special).ordinal == ordinal)
    special = &g_array_index (index->specials, Special, (*next_special)++);
  if (!any_word)
    ;
  else if (special != NULL && special->text != NULL)
    literal_lines (query, special->text, &literal);
  else
    literal_node (query, node, &literal);
  if (special != NULL && special->declared != NULL)
    {
      readings.declared = special->declared;
      readings.n_declared = special->n_declared;
    }
  g_array_set_size (scratch, 0);
  return rank_finish (query, &literal, &readings);
}

/* The first Special at or after @ordinal. */
static guint
first_special (CaMatchIndex *index,
               guint         ordinal)
{
  guint low = 0, high = index->specials->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (index->specials, Special, mid).ordinal < ordinal)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* Ranks the nodes of the slice, walking the tree from the mark before it
 * (stepping is cheap; ranking is not). */
static gpointer
rank_slice (gpointer data)
{
  Slice *slice = data;
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint16));
  guint next_special = first_special (slice->index, slice->from), ordinal, root;
  const CaNode *node = slice_start (slice, &ordinal, &root);

  for (guint k = 1; k < N_RANKS; k++)
    slice->by_rank[k] = g_ptr_array_new ();
  for (; ordinal < slice->to && node != NULL; ordinal++)
    {
      CaMatchRank rank = index_rank (slice->index, slice->query, node, ordinal,
                                     &next_special, scratch);

      if (rank != CA_MATCH_NONE)
        g_ptr_array_add (slice->by_rank[rank], (gpointer) node);
      node = next_node (slice->index->dataset, &root, node);
    }
  return NULL;
}

GPtrArray *
ca_match_index_find (CaMatchIndex *index,
                     const char   *text,
                     guint         max,
                     guint        *n_matches)
{
  g_autoptr(CaMatchQuery) query = NULL;
  Slice slices[MAX_THREADS];
  GPtrArray *found = g_ptr_array_new ();
  guint n_slices, count = 0;

  g_return_val_if_fail (index != NULL, found);
  g_return_val_if_fail (text != NULL, found);

  query = ca_match_query_new (text);
  n_slices = run_slices (index, query, query->n_words > 0 ? index->n_nodes : 0,
                         rank_slice, slices);

  /* Rank by rank, each slice in turn: tree order within a rank. */
  for (guint r = 1; r < N_RANKS; r++)
    for (guint i = 0; i < n_slices; i++)
      {
        for (guint k = 0; k < slices[i].by_rank[r]->len && found->len < max; k++)
          g_ptr_array_add (found, slices[i].by_rank[r]->pdata[k]);
        count += slices[i].by_rank[r]->len;
        g_ptr_array_unref (slices[i].by_rank[r]);
      }
  if (n_matches != NULL)
    *n_matches = count;
  return found;
}
