/* fuzz-match.c: a differential libFuzzer target for the search matcher.
 *
 * The index (ca_match_index_new () / ca_match_index_find ()) must find
 * exactly the nodes that ranking every node with ca_match_query_node ()
 * finds, in the same order: rank by rank, tree order within a rank.  Each
 * input is made into a valid dataset and a few queries; any difference, in
 * the nodes, their order or the count, aborts with both lists printed.
 *
 * The input is lines:
 *
 *   - the first line is a query;
 *   - a line starting with '?' is one more query (up to MAX_QUERIES, and
 *     one more is added: one of the dataset's texts, picked by the size):
 *       ?TEXT        TEXT;
 *       ?!BYTES      BYTES as they are, invalid UTF-8 and controls kept
 *                    (the first line too, when it starts with '!');
 *       ?@N OPTIONS  a query made from the N-th text of the loaded dataset
 *                    (ids, names and tags, node by node in tree order), as
 *                    written or spelled in pinyin: see derive_query ();
 *   - any other line that is not empty is a node:
 *       >>ID|ZH-CN|EN|TAG|PINYIN|OTHER|TAG|TAG...
 *     the number of leading '>' is its depth (none: a new root; at most one
 *     more than the node before), the fields separated by '|' are its id,
 *     names in zh-CN, en, zh-Latn-pinyin and one more language (picked
 *     from other_langs by the field's length), and its tags.  Empty fields
 *     are left out; a node without a name gets its id as its zh-CN name.
 *
 * Texts are made valid UTF-8 and valid XML: each byte that does not start
 * a valid character, and each control character XML does not allow,
 * becomes one of odd_chars (Chinese characters plain and Traditional,
 * full-width forms, accents, combining marks, other scripts, characters
 * NFKC changes), so that a mutated byte gives a character the matcher
 * treats apart, instead of U+FFFD.  An id keeps only the characters an
 * NCName may hold, made unique with a suffix.
 *
 * Each query is searched in two indexes: one made as the library makes it
 * and one made in 2 to 4 slices, themselves searched in 1 to 4 slices, on
 * threads (fuzz-match-split.c), as the library does only past 25,000
 * nodes; the first query also with a bound (the first half of the
 * matches, and the full count), and in the index kept with the dataset
 * (ca_match_index_get ()).
 *
 * CA_FUZZ_MATCH_BIG=1 also checks, at start, one dataset of 50,000 nodes
 * cut by the library's own rule (some seconds: run.sh does it once before
 * fuzzing).  CA_FUZZ_MATCH_VERBOSE=1 prints each query and what it finds,
 * by rank.  CA_FUZZ_MATCH_STRICT=1 aborts when the loader refuses a
 * document made here, which should not happen. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ca-checks.h"
#include "ca-dataset.h"
#include "ca-hanzi.h"
#include "ca-match.h"
#include "ca-node.h"
#include "fuzz-match-split.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define MAX_NODES 3000
#define MAX_QUERIES 8
#define MAX_DEPTH 40
#define MAX_TAGS 8
#define MAX_ID_CHARS 200
#define N_RANKS (CA_MATCH_INITIALS + 1)

/* Field roles by position. */
enum { F_ID, F_ZH, F_EN, F_TAG, F_PINYIN, F_OTHER, F_TAGS };

static const char * const other_langs[] = {
  "ja", "zh-TW", "ZH-latn-PINYIN", "de-CH", "x-klingon", "zh-Hans-CN", "ZH-cn",
};

/* What an invalid byte or a control character becomes, by its value. */
static const char * const odd_chars[] = {
  /* Chinese that the index calls plain (U+3400..U+9FFF, not folded):
   * polyphones among them (重 行 长 乐 厦), and ones with no reading. */
  "宝", "山", "厦", "门", "重", "庆", "长", "沙", "银", "行", "西", "安",
  "阿", "上", "海", "中", "国", "区", "乐", "一", "\u3400", "\u4DB5",
  "\u4DC0", "\u9FFF", "\u3FFF",
  /* Traditional: folded to Simplified. */
  "寶", "門", "慶", "長", "銀", "東", "國", "區", "廣", "樂", "華", "灣",
  "萬", "龍",
  /* Compatibility ideographs, radicals and enclosed forms: NFKC makes them
   * other characters; and the edges of the plain block. */
  "\uF900", "\u2F00", "\u2E9F", "\u32A5", "\u337F", "\u3007", "\u33FF",
  "\uA000",
  /* Full-width and half-width forms. */
  "Ａ", "Ｂ", "Ｘ", "ａ", "ｂ", "ｘ", "Ｓ", "ｈ", "０", "３", "＿", "－",
  "\u3000", "\uFF61", "\uFF76",
  /* Latin with accents, ligatures, case oddities. */
  "é", "É", "ǎ", "Ǎ", "ü", "Ü", "ā", "Ā", "ß", "\u1E9E", "ı", "İ", "ø",
  "Ø", "œ", "\uFB01", "\uFB00", "\u01C4", "\u01C5", "\u212A", "\u212B",
  "ª", "µ", "ǜ",
  /* Combining marks. */
  "\u0301", "\u030C", "\u0308", "\u0304", "\u0300", "\u0327", "\u0345",
  "\u20DD",
  /* Other scripts. */
  "Ω", "Σ", "σ", "ς", "ΐ", "Ж", "ж", "ア", "か", "한", "\u3131", "א",
  /* Characters NFKC spells with others. */
  "①", "Ⅻ", "ⅻ", "㎏", "½", "²", "™", "…", "＆", "＜",
  /* Punctuation. */
  "·", "’", "‘", "“", "—", "。", "，", "、", "・", "•",
  /* Spaces, format characters, a C1 control. */
  "\u00A0", "\u2002", "\u200B", "\u200D", "\uFEFF", "\u2028", "\xC2\x85",
  /* Past the BMP. */
  "\U00020000", "\U0001D400", "\U0001F600", "\U0002A6A5", "\U0001D4B3",
};

static gboolean strict;
static gboolean verbose;
/* The most slices the library's own rule gave (check_big ()). */
static guint rule_slices;

/* Input ------------------------------------------------------------------ */

/* Appends @text[0..@length) to @out as valid UTF-8 (odd_chars for a byte
 * that starts no character); with @xml, also for a control character XML
 * does not allow, and for U+FFFE and U+FFFF.  NUL always. */
static void
append_mapped (GString    *out,
               const char *text,
               gsize       length,
               gboolean    xml)
{
  const char *p = text, *end = text + length;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, odd_chars[(guchar) *p % G_N_ELEMENTS (odd_chars)]);
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      if (c == 0 || (xml && ((c < 0x20 && c != '\t' && c != '\r') || c == 0xFFFE || c == 0xFFFF)))
        g_string_append (out, odd_chars[c % G_N_ELEMENTS (odd_chars)]);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
}

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '\r': g_string_append (out, "&#13;"); break;
      default: g_string_append_c (out, *p); break;
      }
}

/* Whether @text has a character other than XML's white space. */
static gboolean
has_text (const char *text)
{
  return !ca_is_blank (text);
}

/* @text (valid UTF-8) as an id: the characters an NCName may hold, "_"
 * before one that may not start it, at most MAX_ID_CHARS; NULL if none. */
static char *
make_id (const char *text)
{
  GString *id = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < MAX_ID_CHARS; p = g_utf8_next_char (p))
    {
      g_autofree char *one = g_strndup (p, g_utf8_next_char (p) - p);
      g_autofree char *inside = g_strconcat ("a", one, NULL);

      if (id->len == 0 && !ca_check_ncname (one))
        {
          if (!ca_check_ncname (inside))
            continue;
          g_string_append_c (id, '_');
          n++;
        }
      else if (!ca_check_ncname (inside))
        continue;
      g_string_append (id, one);
      n++;
    }
  if (id->len == 0)
    {
      g_string_free (id, TRUE);
      return NULL;
    }
  return g_string_free (id, FALSE);
}

typedef struct {
  const char *text;   /* into the input */
  gsize       length;
} Span;

typedef struct {
  GPtrArray *queries;   /* Span * of the query lines, '?' dropped */
  GString   *doc;
  guint      n_nodes;
} Parsed;

/* The next line of [*@p, @end), without its '\n'. */
static Span
next_line (const char **p,
           const char  *end)
{
  const char *nl = memchr (*p, '\n', end - *p);
  Span line = { *p, (nl != NULL ? nl : end) - *p };

  *p = nl != NULL ? nl + 1 : end;
  return line;
}

static const char *
node_element (guint type)
{
  return type == 0 ? "region" : type == 1 ? "park" : "program";
}

/* Adds the node of @line (depth marks dropped) at @depth to the document. */
static void
add_node (Parsed     *parsed,
          GHashTable *ids,
          GArray     *stack,
          guint       depth,
          Span        line)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) langs = g_ptr_array_new ();
  g_autofree char *id = NULL;
  GString *doc = parsed->doc;
  guint ordinal = parsed->n_nodes++, type, parent, n_names = 0, n_tags = 0;

  for (const char *p = line.text, *end = line.text + line.length;;)
    {
      const char *bar = memchr (p, '|', end - p);
      GString *field = g_string_new (NULL);

      append_mapped (field, p, (bar != NULL ? bar : end) - p, TRUE);
      g_ptr_array_add (fields, g_string_free (field, FALSE));
      if (bar == NULL)
        break;
      p = bar + 1;
    }

  /* Its type: any under a region, park or program under a park, program
   * under a program. */
  while (stack->len > depth)
    {
      g_string_append_printf (doc, "</%s>",
                              node_element (g_array_index (stack, guint, stack->len - 1)));
      g_array_set_size (stack, stack->len - 1);
    }
  parent = stack->len > 0 ? g_array_index (stack, guint, stack->len - 1) : 0;
  type = parent == 0 ? (ordinal % 4 == 3 ? 2 : ordinal % 4 == 2 ? 1 : 0)
         : parent == 1 ? 1 + ordinal % 2 : 2;
  g_array_append_val (stack, type);

  id = make_id (fields->pdata[F_ID]);
  for (guint k = 0; id == NULL || g_hash_table_contains (ids, id); k++)
    {
      char *unique = k == 0 ? g_strdup_printf ("%s-%u", id != NULL ? id : "n", ordinal)
                            : g_strdup_printf ("%s.%u", id, k);

      g_free (id);
      id = unique;
    }
  g_assert (ca_check_ncname (id));
  g_hash_table_add (ids, g_strdup (id));

  g_string_append_printf (doc, "<%s id=\"%s\"%s>", node_element (type), id,
                          type == 0 ? " kind=\"city\"" : type == 1 ? " kind=\"hi-tech-park\"" : "");
  for (guint f = F_ZH; f <= F_OTHER && f < fields->len; f++)
    {
      const char *text = fields->pdata[f];
      const char *lang = f == F_ZH ? "zh-CN" : f == F_EN ? "en"
                         : f == F_PINYIN ? CA_MATCH_READING_LANG : NULL;

      if (f == F_TAG || !has_text (text))
        continue;
      if (f == F_OTHER)
        for (guint k = 0; k < G_N_ELEMENTS (other_langs) && lang == NULL; k++)
          {
            const char *candidate = other_langs[(strlen (text) + k) % G_N_ELEMENTS (other_langs)];

            lang = candidate;
            for (guint u = 0; u < langs->len; u++)
              if (g_ascii_strcasecmp (langs->pdata[u], candidate) == 0)
                lang = NULL;
          }
      g_ptr_array_add (langs, (gpointer) lang);
      g_string_append_printf (doc, "<name xml:lang=\"%s\">", lang);
      append_escaped (doc, text);
      g_string_append (doc, "</name>");
      n_names++;
    }
  if (n_names == 0)
    g_string_append_printf (doc, "<name xml:lang=\"zh-CN\">%s</name>", id);
  for (guint f = F_TAG; f < fields->len && n_tags < MAX_TAGS; f++)
    {
      const char *text = fields->pdata[f];

      if ((f != F_TAG && f < F_TAGS) || !has_text (text))
        continue;
      g_string_append (doc, "<tag>");
      append_escaped (doc, text);
      g_string_append (doc, "</tag>");
      n_tags++;
    }
}

static void
parse_input (const char *data,
             gsize       size,
             guint       max_nodes,
             Parsed     *parsed)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = data, *end = data + size;
  gboolean first = TRUE;

  parsed->queries = g_ptr_array_new_with_free_func (g_free);
  parsed->doc = g_string_new ("<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">");
  parsed->n_nodes = 0;
  while (p < end || first)
    {
      Span line = next_line (&p, end);
      guint depth = 0;

      if (first || (line.length > 0 && line.text[0] == '?'))
        {
          if (!first)
            line.text++, line.length--;
          if (parsed->queries->len < MAX_QUERIES)
            g_ptr_array_add (parsed->queries, g_memdup2 (&line, sizeof line));
          first = FALSE;
          continue;
        }
      while (depth < line.length && line.text[depth] == '>')
        depth++;
      line.text += depth;
      line.length -= depth;
      if (line.length == 0 || parsed->n_nodes >= max_nodes)
        continue;
      add_node (parsed, ids, stack, MIN (MIN (depth, stack->len), MAX_DEPTH), line);
    }
  while (stack->len > 0)
    {
      g_string_append_printf (parsed->doc, "</%s>",
                              node_element (g_array_index (stack, guint, stack->len - 1)));
      g_array_set_size (stack, stack->len - 1);
    }
  g_string_append (parsed->doc, "</atlas>");
}

/* Queries ---------------------------------------------------------------- */

/* The texts a derived query picks from: ids, names, tags, in tree order. */
static GPtrArray *
dataset_texts (CaDataset *dataset)
{
  GPtrArray *texts = g_ptr_array_new ();

  for (guint r = 0; r < ca_dataset_get_n_roots (dataset); r++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, r);

      for (const CaNode *node = root; node != NULL; node = ca_node_next_in_subtree (root, node))
        {
          CaText names = ca_node_get_names (node);
          CaTextIter iter;

          g_ptr_array_add (texts, (gpointer) ca_node_get_id (node));
          ca_text_iter_init (&iter, &names);
          while (ca_text_iter_next (&iter))
            g_ptr_array_add (texts, (gpointer) iter.text);
          for (guint t = 0; t < ca_node_get_n_tags (node); t++)
            g_ptr_array_add (texts, (gpointer) ca_node_get_tag (node, t));
        }
    }
  return texts;
}

static guint
read_number (const char **p,
             const char  *end)
{
  guint n = 0;

  for (; *p < end && g_ascii_isdigit (**p); ++*p)
    n = MIN (n * 10 + (guint) (**p - '0'), 100000u);
  return n;
}

/* "?@N OPTIONS[ WORDS]": the N-th text (mod their number), cut and spelled
 * by OPTIONS, letters each with an optional number K after it:
 *   fK  from its K-th character;     lK  K characters;
 *   p   Chinese characters in pinyin, whole syllables;
 *   i   ... their first letters;     cK  ... their first K letters;
 *   m   ... whole and first letters in turn;
 *   rK  the (K + position)-th reading of each (polyphones);
 *   s   a space between characters;  t   tone numbers after syllables;
 *   a   a tone mark (combining) after a syllable's first letter;
 *   u   ASCII upper case;            x   keep characters with no reading;
 * then, after a space, WORDS (mapped) are added as more words. */
/* The four tones' marks, combining. */
static const char * const tone_marks[] = { "\u0304", "\u0301", "\u030C", "\u0300" };

static char *
derive_query (GPtrArray  *texts,
              const char *spec,
              gsize       length)
{
  const CaHanziSets *tables = ca_hanzi_get_sets ();
  const char *p = spec, *end = spec + length;
  guint n = read_number (&p, end), from = 0, count = G_MAXUINT, cut = 0, reading = 0;
  gboolean pinyin = FALSE, initials = FALSE, mixed = FALSE, spaced = FALSE, tones = FALSE;
  gboolean marks = FALSE, upper = FALSE, keep = FALSE;
  const char *text;
  GString *out = g_string_new (NULL);
  glong n_chars, at = 0;

  while (p < end && *p != ' ')
    switch (*p++)
      {
      case 'f': from = read_number (&p, end); break;
      case 'l': count = read_number (&p, end); break;
      case 'p': pinyin = TRUE; break;
      case 'i': initials = TRUE; break;
      case 'c': cut = read_number (&p, end); break;
      case 'm': mixed = TRUE; break;
      case 'r': reading = read_number (&p, end); break;
      case 's': spaced = TRUE; break;
      case 't': tones = TRUE; break;
      case 'a': marks = TRUE; break;
      case 'u': upper = TRUE; break;
      case 'x': keep = TRUE; break;
      default: break;
      }
  if (texts->len == 0)
    text = "";
  else
    text = texts->pdata[n % texts->len];
  n_chars = g_utf8_strlen (text, -1);
  if (n_chars > 0)
    text = g_utf8_offset_to_pointer (text, from % n_chars);

  for (const char *c = text; *c != '\0' && count > 0; c = g_utf8_next_char (c), count--, at++)
    {
      gunichar ch = g_utf8_get_char (c);
      guint set = ca_hanzi_reading_set (ch);
      gboolean spell = (pinyin || initials || cut > 0 || mixed) && set != CA_HANZI_NO_SET;

      if (!spell)
        {
          if (!(pinyin || initials || cut > 0 || mixed) || keep)
            g_string_append_len (out, c, g_utf8_next_char (c) - c);
          continue;
        }
      {
        guint first = tables->starts[set], n_readings = tables->starts[set + 1] - first;
        const char *syllable = tables->syllables[first + (reading + (guint) at) % n_readings];
        gsize take = strlen (syllable);

        if (initials || (mixed && at % 2 == 1))
          take = 1;
        else if (cut > 0)
          take = MIN (take, cut);
        if (spaced && out->len > 0)
          g_string_append_c (out, ' ');
        for (gsize k = 0; k < take; k++)
          {
            g_string_append_c (out, upper ? g_ascii_toupper (syllable[k]) : syllable[k]);
            if (marks && k == 0)
              g_string_append (out, tone_marks[at % G_N_ELEMENTS (tone_marks)]);
          }
        if (tones)
          g_string_append_c (out, (char) ('1' + at % 5));
      }
    }
  if (upper && !(pinyin || initials || cut > 0 || mixed))
    {
      char *up = g_ascii_strup (out->str, -1);

      g_string_assign (out, up);
      g_free (up);
    }
  if (p < end)
    {
      g_string_append_c (out, ' ');
      append_mapped (out, p + 1, end - p - 1, FALSE);
    }
  return g_string_free (out, FALSE);
}

/* The text of query line @line. */
static char *
query_text (GPtrArray  *texts,
            const Span *line)
{
  GString *out;

  if (line->length > 0 && line->text[0] == '!')
    return g_strndup (line->text + 1, line->length - 1);
  if (line->length > 0 && line->text[0] == '@')
    return derive_query (texts, line->text + 1, line->length - 1);
  out = g_string_new (NULL);
  append_mapped (out, line->text, line->length, FALSE);
  return g_string_free (out, FALSE);
}

/* Comparing -------------------------------------------------------------- */

typedef struct {
  const char *text;
  GPtrArray  *by_rank[N_RANKS];
  guint       n_matches;
  gboolean    empty;
} Direct;

static void
direct_rank (CaDataset  *dataset,
             const char *text,
             Direct     *direct)
{
  g_autoptr(CaMatchQuery) query = ca_match_query_new (text);

  direct->text = text;
  direct->n_matches = 0;
  direct->empty = ca_match_query_is_empty (query);
  for (guint r = 0; r < N_RANKS; r++)
    direct->by_rank[r] = g_ptr_array_new ();
  for (guint t = 0; t < ca_dataset_get_n_roots (dataset); t++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, t);

      for (const CaNode *node = root; node != NULL; node = ca_node_next_in_subtree (root, node))
        {
          CaMatchRank rank = ca_match_query_node (query, node);

          g_assert ((guint) rank < N_RANKS);
          g_ptr_array_add (direct->by_rank[rank], (gpointer) node);
          direct->n_matches += rank != CA_MATCH_NONE;
        }
    }
}

static void
direct_clear (Direct *direct)
{
  for (guint r = 0; r < N_RANKS; r++)
    g_ptr_array_unref (direct->by_rank[r]);
}

/* The node at @k of the direct ranking's list, and its rank. */
static const CaNode *
direct_nth (const Direct *direct,
            guint         k,
            CaMatchRank  *rank)
{
  for (guint r = 1; r < N_RANKS; r++)
    {
      if (k < direct->by_rank[r]->len)
        {
          *rank = r;
          return direct->by_rank[r]->pdata[k];
        }
      k -= direct->by_rank[r]->len;
    }
  *rank = CA_MATCH_NONE;
  return NULL;
}

static void
print_node (const char   *what,
            guint         k,
            const CaNode *node,
            CaMatchRank   rank)
{
  g_autofree char *text = node != NULL ? ca_match_node_text (node) : NULL;
  g_autofree char *escaped = text != NULL ? g_strescape (text, NULL) : NULL;

  fprintf (stderr, "  %s[%u] = %s (direct rank %d) \"%s\"\n", what, k,
           node != NULL ? ca_node_get_id (node) : "(none)", rank,
           escaped != NULL ? escaped : "");
}

static G_NORETURN void
report (CaDataset    *dataset,
        const Direct *direct,
        GPtrArray    *found,
        guint         n_matches,
        guint         slices,
        const char   *what)
{
  g_autofree char *escaped = g_strescape (direct->text, NULL);
  g_autoptr(CaMatchQuery) query = ca_match_query_new (direct->text);
  guint n = MAX (found->len, direct->n_matches);

  fprintf (stderr, "\nfuzz-match: the index and direct ranking differ (%s)\n"
           "  query \"%s\", %u nodes, index in %u slice(s)\n"
           "  index: %u found, n_matches %u; direct: %u\n",
           what, escaped, ca_dataset_get_n_nodes (dataset), slices, found->len, n_matches,
           direct->n_matches);
  for (guint k = 0; k < n && k < 60; k++)
    {
      CaMatchRank rank;
      const CaNode *expected = direct_nth (direct, k, &rank);

      print_node ("direct", k, expected, rank);
      if (k < found->len)
        print_node (found->pdata[k] == expected ? "index " : "INDEX ", k, found->pdata[k],
                    ca_match_query_node (query, found->pdata[k]));
      else
        print_node ("INDEX ", k, NULL, CA_MATCH_NONE);
    }
  abort ();
}

/* Searches @index (in @slices slices, 0 for the library's rule) for the
 * direct ranking's query and compares; @max below G_MAXUINT checks that
 * the first @max are given and the full count. */
static void
check_find (CaDataset    *dataset,
            CaMatchIndex *index,
            const Direct *direct,
            guint         slices,
            guint         max,
            const char   *what)
{
  g_autoptr(GPtrArray) found = NULL;
  guint n_matches = G_MAXUINT, k = 0;

  fuzz_match_force_slices (slices);
  found = ca_match_index_find (index, direct->text, max, &n_matches);
  if (slices == 0)
    rule_slices = MAX (rule_slices, fuzz_match_last_slices ());
  slices = fuzz_match_last_slices ();
  fuzz_match_force_slices (0);
  if (n_matches != direct->n_matches || found->len != MIN (max, direct->n_matches)
      || (direct->empty && n_matches != 0))
    report (dataset, direct, found, n_matches, slices, what);
  for (guint r = 1; r < N_RANKS && k < found->len; r++)
    for (guint i = 0; i < direct->by_rank[r]->len && k < found->len; i++, k++)
      if (found->pdata[k] != direct->by_rank[r]->pdata[i])
        report (dataset, direct, found, n_matches, slices, what);
}

/* One input ---------------------------------------------------------------- */

static void
run_input (const char *data,
           gsize       size,
           guint       max_nodes)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  g_autoptr(CaMatchIndex) index = NULL;
  g_autoptr(CaMatchIndex) sliced = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  Parsed parsed;
  guint index_slices = 2 + (guint) (size % 3);

  parse_input (data, size, max_nodes, &parsed);
  dataset = ca_dataset_load_data (parsed.doc->str, parsed.doc->len, "fuzz-match.xml",
                                  &problems, &error);
  if (dataset == NULL)
    {
      if (strict)
        {
          fprintf (stderr, "fuzz-match: the loader refused the document made here: %s\n",
                   error->message);
          for (guint i = 0; problems != NULL && i < problems->len; i++)
            {
              g_autofree char *line = ca_problem_format (problems->pdata[i]);

              fprintf (stderr, "  %s\n", line);
            }
          fprintf (stderr, "%s\n", parsed.doc->str);
          abort ();
        }
      goto out;
    }
  /* Every node line is a node: none lost on the way. */
  g_assert (ca_dataset_get_n_nodes (dataset) == parsed.n_nodes);

  index = ca_match_index_new (dataset);
  /* The slices are those of fuzz-match-split.c: a dataset with nodes is
   * indexed through it. */
  g_assert (parsed.n_nodes == 0 || fuzz_match_slice_calls () > 0);
  fuzz_match_force_slices (index_slices);
  sliced = ca_match_index_new (dataset);
  fuzz_match_force_slices (0);
  texts = dataset_texts (dataset);

  /* And one more: a text of the dataset as it is, which some node has
   * whole (an exact match), whatever the characters in it. */
  for (guint q = 0; q <= parsed.queries->len; q++)
    {
      g_autofree char *text = q < parsed.queries->len
                              ? query_text (texts, parsed.queries->pdata[q])
                              : g_strdup (texts->len > 0 ? texts->pdata[size % texts->len] : "");
      Direct direct;

      direct_rank (dataset, text, &direct);
      if (verbose)
        {
          g_autofree char *escaped = g_strescape (text, NULL);

          fprintf (stderr, "fuzz-match: %u nodes, query \"%.200s\": %u found, by rank",
                   parsed.n_nodes, escaped, direct.n_matches);
          for (guint r = 1; r < N_RANKS; r++)
            fprintf (stderr, " %u", direct.by_rank[r]->len);
          fprintf (stderr, "\n");
        }
      check_find (dataset, index, &direct, 0, G_MAXUINT, "index, the library's slices");
      check_find (dataset, sliced, &direct, 1 + (q + (guint) size) % 4, G_MAXUINT,
                  "index made in slices");
      if (q == 0)
        {
          /* At most a few, and the index kept with the dataset. */
          check_find (dataset, index, &direct, 1 + (guint) size % 4, direct.n_matches / 2,
                      "index, at most half");
          check_find (dataset, ca_match_index_get (dataset), &direct, 0, G_MAXUINT,
                      "index kept with the dataset");
        }
      direct_clear (&direct);
    }

out:
  g_ptr_array_unref (parsed.queries);
  g_string_free (parsed.doc, TRUE);
}

/* 50,000 nodes in three roots, which the library's own rule cuts into
 * two slices and more on two processors. */
static void
check_big (void)
{
  static const char * const names[] = {
    "厦门", "宝山", "长沙", "重庆", "银行", "西安", "寶山", "Ｂａｏ", "CafÉ", "MixeD宝CasE",
    "上海宝山", "Xiàmén", "東區", "ΣΩ", "e\u0301t\u00e9", "a\u3000b",
  };
  g_autoptr(GString) input = g_string_new ("bs\n?寶山 8\n? \t\n?!bao\xff\n");

  for (guint i = 0; i < 50000; i++)
    {
      const char *a = names[i % G_N_ELEMENTS (names)];
      const char *b = names[(i / G_N_ELEMENTS (names)) % G_N_ELEMENTS (names)];

      g_string_append_printf (input, "%sn-%u|%s%s%u|%s|%s|%s\n", i % 17000 == 0 ? "" : ">", i,
                              a, b, i, i % 3 == 0 ? b : "", i % 5 == 0 ? a : "",
                              i % 7 == 0 ? "Xiàmén" : "");
    }
  run_input (input->str, input->len, G_MAXUINT);
  if (g_get_num_processors () >= 2)
    g_assert (rule_slices >= 2);
  fprintf (stderr, "fuzz-match: 50000 nodes searched in %u slices as the library cuts them\n",
           rule_slices);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A warning or a critical from the model is a finding, like a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  strict = g_strcmp0 (g_getenv ("CA_FUZZ_MATCH_STRICT"), "1") == 0;
  verbose = g_strcmp0 (g_getenv ("CA_FUZZ_MATCH_VERBOSE"), "1") == 0;
  if (g_strcmp0 (g_getenv ("CA_FUZZ_MATCH_BIG"), "1") == 0)
    check_big ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  run_input ((const char *) data, size, MAX_NODES);
  return 0;
}
