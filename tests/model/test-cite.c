/* test-cite.c: sources as BibTeX, RIS and CSL-JSON, read back.
 *
 * Each format is parsed back by a reader of its own: BibTeX by the small
 * parser below (braces counted as BibTeX counts them, TeX's escapes undone),
 * RIS by lines, CSL-JSON by Python's json module, which refuses what is
 * not JSON.  The sources are hostile: braces, TeX's specials, quotes,
 * backslashes, control characters, line breaks, bytes that are not UTF-8,
 * Chinese, right-to-left text and a 4,000-character title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ca-cite.h"
#include "ca-dataset-private.h"
#include "ca-dataset.h"
#include "ca-i18n.h"
#include "ca-node.h"

/* A source made in the test, with its titles packed as the loader packs
 * them, so that it may hold what no file could give the loader. */
typedef struct {
  CaSource  source;
  GString  *packed;
} TestSource;

static TestSource *
test_source_new (const char *id,
                 const char *publisher,
                 const char *href,
                 CaDate      published,
                 ...)
{
  TestSource *test = g_new0 (TestSource, 1);
  const char *lang;
  va_list args;

  test->packed = g_string_new (NULL);
  va_start (args, published);
  while ((lang = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);

      ca_text_append_entry (test->packed, lang, text, strlen (text));
      test->source.titles.n_entries++;
    }
  va_end (args);
  test->source.id = id;
  test->source.publisher = publisher;
  test->source.href = href;
  test->source.published = published;
  test->source.titles.packed = test->source.titles.n_entries > 0 ? test->packed->str : NULL;
  return test;
}

static void
test_source_free (TestSource *test)
{
  g_string_free (test->packed, TRUE);
  g_free (test);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestSource, test_source_free)

/* What a field on one line must read back as: control characters and line
 * breaks as single spaces, none at the ends. */
static char *
expected_line (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = c == ' ' || g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029;

      if (!space)
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* BibTeX, read back *******************************************************/

typedef struct {
  char       *type;
  char       *key;
  GHashTable *fields;   /* name -> value as written, outer braces off */
} BibEntry;

static void
bib_entry_free (gpointer data)
{
  BibEntry *entry = data;

  g_free (entry->type);
  g_free (entry->key);
  g_hash_table_unref (entry->fields);
  g_free (entry);
}

static const char *
skip_space (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

/* A braced value from the { at @p, braces counted as BibTeX counts them
 * (a backslash does not hide one); *end is after the closing brace. */
static char *
read_braced (const char  *p,
             const char **end)
{
  const char *start = p + 1;
  int depth = 0;

  g_assert_cmpint (*p, ==, '{');
  for (; *p != '\0'; p++)
    {
      if (*p == '{')
        depth++;
      else if (*p == '}' && --depth == 0)
        {
          *end = p + 1;
          return g_strndup (start, (gsize) (p - start));
        }
    }
  g_assert_not_reached ();
}

static GPtrArray *
parse_bibtex (const char *text)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (bib_entry_free);
  const char *p = skip_space (text);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  while (*p != '\0')
    {
      BibEntry *entry = g_new0 (BibEntry, 1);
      const char *brace, *comma;

      g_assert_cmpint (*p, ==, '@');
      brace = strchr (p, '{');
      comma = strchr (p, ',');
      g_assert_nonnull (brace);
      g_assert_nonnull (comma);
      entry->type = g_strndup (p + 1, (gsize) (brace - p - 1));
      entry->key = g_strndup (brace + 1, (gsize) (comma - brace - 1));
      g_assert_null (strpbrk (entry->key, " \t\n{}\",=#%'()"));
      entry->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      p = comma;
      while (*(p = skip_space (p)) == ',')
        {
          const char *eq;
          g_autofree char *name = NULL;

          p = skip_space (p + 1);
          eq = strchr (p, '=');
          g_assert_nonnull (eq);
          name = g_strstrip (g_strndup (p, (gsize) (eq - p)));
          g_assert_false (g_hash_table_contains (entry->fields, name));
          g_hash_table_insert (entry->fields, g_steal_pointer (&name),
                               read_braced (skip_space (eq + 1), &p));
        }
      g_assert_cmpint (*p, ==, '}');
      p = skip_space (p + 1);
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

/* A field as TeX would print it: one more pair of braces removed, and the
 * escapes undone; a special left bare fails the test. */
static char *
untex (const char *value)
{
  static const struct { const char *command; char c; } commands[] = {
    { "\\textbackslash{}", '\\' }, { "\\textbraceleft{}", '{' }, { "\\textbraceright{}", '}' },
    { "\\textasciicircum{}", '^' }, { "\\textasciitilde{}", '~' },
  };
  gsize length = strlen (value);
  GString *out = g_string_new (NULL);

  g_assert_true (length >= 2 && value[0] == '{' && value[length - 1] == '}');
  for (const char *p = value + 1; p < value + length - 1;)
    {
      gboolean done = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (commands) && !done; i++)
        if (g_str_has_prefix (p, commands[i].command))
          {
            g_string_append_c (out, commands[i].c);
            p += strlen (commands[i].command);
            done = TRUE;
          }
      if (done)
        continue;
      if (*p == '\\')
        {
          g_assert_nonnull (strchr ("%&#$_", p[1]));
          g_string_append_c (out, p[1]);
          p += 2;
          continue;
        }
      g_assert_null (strchr ("\\{}%&#$_^~", *p));
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static const char *
bib_field (BibEntry   *entry,
           const char *name)
{
  return g_hash_table_lookup (entry->fields, name);
}

/* RIS, read back **********************************************************/

/* Each record a table of tag -> value (a tag seen twice fails); every line
 * is TAG  - value and ends in CR LF. */
static GPtrArray *
parse_ris (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_auto(GStrv) lines = NULL;
  GHashTable *record = NULL;
  gsize length = strlen (text);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (length == 0 || g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      g_assert_null (strpbrk (line, "\r\n"));
      if (*line == '\0')
        {
          g_assert_null (record);
          continue;
        }
      g_assert_true (g_ascii_isupper (line[0]) && g_ascii_isalnum (line[1]));
      g_assert_true (g_str_has_prefix (line + 2, "  - "));
      if (record == NULL)
        {
          g_assert_true (g_str_has_prefix (line, "TY  - "));
          record = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        }
      if (g_str_has_prefix (line, "ER  - "))
        {
          g_ptr_array_add (records, g_steal_pointer (&record));
          continue;
        }
      g_assert_false (g_hash_table_contains (record, (char[]) { line[0], line[1], 0 }));
      g_hash_table_insert (record, g_strndup (line, 2), g_strdup (line + 6));
    }
  g_assert_null (record);
  return records;
}

/* CSL-JSON, read back by Python ******************************************/

/* Python's strict json reads the text; each member comes back as "INDEX
 * NAME HEX" lines, strings as their UTF-8 bytes and the rest as compact
 * JSON, so that no byte of a hostile text is lost on the way. */
static const char json_reader[] =
  "import json, sys\n"
  "items = json.loads(open(sys.argv[1], 'rb').read().decode('utf-8'))\n"
  "assert isinstance(items, list)\n"
  "for i, item in enumerate(items):\n"
  "    for name, value in item.items():\n"
  "        if not isinstance(value, str):\n"
  "            value = json.dumps(value, separators=(',', ':'), ensure_ascii=False)\n"
  "        print(i, name, value.encode('utf-8').hex())\n";

/* Tables of member -> value, one an item. */
static GPtrArray *
parse_csl_json (const char *text)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  const char *argv[] = { "python3", "-c", json_reader, NULL, NULL };
  int fd, status;

  fd = g_file_open_tmp ("ca-cite-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  argv[3] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_unlink (path);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Python's json refused the CSL-JSON: %s\n%s", err, text);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", 3);
      guint index = (guint) g_ascii_strtoull (parts[0], NULL, 10);
      GString *value = g_string_new (NULL);

      while (items->len <= index)
        g_ptr_array_add (items, g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       g_free));
      for (const char *h = parts[2]; h[0] != '\0' && h[1] != '\0'; h += 2)
        g_string_append_c (value, (char) (g_ascii_xdigit_value (h[0]) * 16
                                          + g_ascii_xdigit_value (h[1])));
      g_hash_table_insert (items->pdata[index], g_strdup (parts[1]),
                           g_string_free (value, FALSE));
    }
  return items;
}

static const char *
member (GPtrArray  *items,
        guint       index,
        const char *name)
{
  return g_hash_table_lookup (items->pdata[index], name);
}

/* The tests *************************************************************/

static char *
format_sources (CaCiteFormat   format,
                TestSource   **tests,
                guint          n,
                const char    *lang)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sources, &tests[i]->source);
  return ca_cite_format_sources (format, (const CaSource * const *) sources->pdata, n, lang);
}

/* Hostile titles and publishers, read back in each format as they were. */
static const char *hostile_titles[] = {
  "Plan {A} and }{ unbalanced {",
  "100% & #1 for $5: a_b ^ c ~ d",
  "He said \"hi\" \\ \\textbf{x} \\",
  "Line one\nline two\r\n\ttabbed\x01\x1b end\xc2\x85next\xe2\x80\xa8sep",
  "bad \xff\xfe bytes \xc3",
  "上海新材料产业将聚力建设3大创新高地 培育壮大5个产业集群",
  "مدينة \xe2\x80\xae شنغهاي للصناعات الكيميائية",
};

static void
check_hostile (gconstpointer data)
{
  const char *title = data;
  g_autoptr(TestSource) test = test_source_new ("src-1", "Office {of} \"Future\"\n& 100%",
                                                "https://example.com/a b{c}\\d?x=1%20#f",
                                                (CaDate) { 2024, 4, 7 }, "en", title, NULL);
  TestSource *tests[] = { test };
  g_autofree char *bib = format_sources (CA_CITE_BIBTEX, tests, 1, "en");
  g_autofree char *ris = format_sources (CA_CITE_RIS, tests, 1, "en");
  g_autofree char *json = format_sources (CA_CITE_CSL_JSON, tests, 1, "en");
  g_autofree char *line = expected_line (title);
  g_autofree char *publisher = expected_line (test->source.publisher);
  g_autofree char *valid = g_utf8_make_valid (title, -1);
  g_autoptr(GPtrArray) entries = parse_bibtex (bib);
  g_autoptr(GPtrArray) records = parse_ris (ris);
  g_autoptr(GPtrArray) items = parse_csl_json (json);
  g_autofree char *bib_title = NULL, *bib_author = NULL;
  BibEntry *entry;

  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  g_assert_cmpstr (entry->type, ==, "online");
  g_assert_cmpstr (entry->key, ==, "src-1");
  bib_title = untex (bib_field (entry, "title"));
  bib_author = untex (bib_field (entry, "author"));
  g_assert_cmpstr (bib_title, ==, line);
  g_assert_cmpstr (bib_author, ==, publisher);
  g_assert_cmpstr (bib_field (entry, "date"), ==, "2024-04-07");
  g_assert_cmpstr (bib_field (entry, "year"), ==, "2024");
  g_assert_cmpstr (bib_field (entry, "url"), ==, "https://example.com/a%20b%7Bc%7D%5Cd?x=1%20#f");
  g_assert_cmpstr (bib_field (entry, "langid"), ==, "english");

  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (records->pdata[0], "TY"), ==, "ELEC");
  g_assert_cmpstr (g_hash_table_lookup (records->pdata[0], "TI"), ==, line);
  g_assert_cmpstr (g_hash_table_lookup (records->pdata[0], "AU"), ==, publisher);
  g_assert_cmpstr (g_hash_table_lookup (records->pdata[0], "PB"), ==, publisher);
  g_assert_cmpstr (g_hash_table_lookup (records->pdata[0], "DA"), ==, "2024/04/07/");
  g_assert_cmpstr (g_hash_table_lookup (records->pdata[0], "LA"), ==, "en");

  /* JSON holds any text: the title comes back whole, line breaks and all. */
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (member (items, 0, "title"), ==, valid);
  g_assert_cmpstr (member (items, 0, "publisher"), ==, test->source.publisher);
  g_assert_cmpstr (member (items, 0, "URL"), ==, test->source.href);
  g_assert_cmpstr (member (items, 0, "type"), ==, "webpage");
  g_assert_cmpstr (member (items, 0, "issued"), ==, "{\"date-parts\":[[2024,4,7]]}");
  g_assert_cmpstr (member (items, 0, "language"), ==, "en");
}

/* A title of 4,000 characters, Chinese ones among them, is written whole. */
static void
test_long_title (void)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(TestSource) test = NULL;
  g_autofree char *bib = NULL, *ris = NULL, *json = NULL, *bib_title = NULL;
  g_autoptr(GPtrArray) entries = NULL, records = NULL, items = NULL;

  for (guint i = 0; g_utf8_strlen (title->str, -1) < 4000; i++)
    g_string_append (title, i == 0 ? "集群" : i % 3 == 0 ? " 集群" : " {%} word");
  test = test_source_new ("long", "P", NULL, (CaDate) { 2022, 0, 0 }, "zh-CN", title->str,
                          NULL);
  bib = format_sources (CA_CITE_BIBTEX, &test, 1, "en");
  ris = format_sources (CA_CITE_RIS, &test, 1, "en");
  json = format_sources (CA_CITE_CSL_JSON, &test, 1, "en");
  entries = parse_bibtex (bib);
  records = parse_ris (ris);
  items = parse_csl_json (json);
  bib_title = untex (bib_field (entries->pdata[0], "title"));
  g_assert_cmpstr (bib_title, ==, title->str);
  g_assert_cmpstr (g_hash_table_lookup (records->pdata[0], "TI"), ==, title->str);
  g_assert_cmpstr (member (items, 0, "title"), ==, title->str);
}

/* The title in the language asked for, by the fallback rule, keeps its own
 * language: Chinese stays Chinese in an English export, and says zh-CN. */
static void
test_languages (void)
{
  g_autoptr(TestSource) both = test_source_new ("both", "Shanghai", "https://e.cn/1",
                                                (CaDate) { 2022, 11, 23 },
                                                "en", "Action Plan", "zh-CN", "行动方案", NULL);
  g_autoptr(TestSource) chinese = test_source_new ("zh", "中新网", NULL, (CaDate) { 2025, 7, 0 },
                                                   "zh-CN", "上海新材料", NULL);
  g_autoptr(TestSource) untitled = test_source_new ("none", "Nobody", NULL,
                                                    (CaDate) { 2020, 0, 0 }, NULL);
  TestSource *tests[] = { both, chinese, untitled };
  g_autofree char *json_en = format_sources (CA_CITE_CSL_JSON, tests, 3, "en");
  g_autofree char *json_zh = format_sources (CA_CITE_CSL_JSON, tests, 3, "zh_CN");
  g_autofree char *bib = format_sources (CA_CITE_BIBTEX, tests, 3, "en");
  g_autofree char *ris = format_sources (CA_CITE_RIS, tests, 3, "en");
  g_autoptr(GPtrArray) en = parse_csl_json (json_en);
  g_autoptr(GPtrArray) zh = parse_csl_json (json_zh);
  g_autoptr(GPtrArray) entries = parse_bibtex (bib);
  g_autoptr(GPtrArray) records = parse_ris (ris);

  g_assert_cmpuint (en->len, ==, 3);
  g_assert_cmpstr (member (en, 0, "title"), ==, "Action Plan");
  g_assert_cmpstr (member (en, 0, "language"), ==, "en");
  g_assert_cmpstr (member (zh, 0, "title"), ==, "行动方案");
  g_assert_cmpstr (member (zh, 0, "language"), ==, "zh-CN");
  g_assert_cmpstr (member (en, 1, "title"), ==, "上海新材料");
  g_assert_cmpstr (member (en, 1, "language"), ==, "zh-CN");
  g_assert_cmpstr (member (en, 1, "type"), ==, "article");
  g_assert_null (member (en, 1, "URL"));
  g_assert_cmpstr (member (en, 1, "issued"), ==, "{\"date-parts\":[[2025,7]]}");
  g_assert_cmpstr (member (en, 1, "author"), ==, "[{\"literal\":\"中新网\"}]");
  g_assert_null (member (en, 2, "title"));
  g_assert_null (member (en, 2, "language"));
  g_assert_cmpstr (member (en, 2, "issued"), ==, "{\"date-parts\":[[2020]]}");

  g_assert_cmpstr (((BibEntry *) entries->pdata[1])->type, ==, "misc");
  g_assert_cmpstr (bib_field (entries->pdata[1], "langid"), ==, "chinese");
  g_assert_cmpstr (bib_field (entries->pdata[1], "date"), ==, "2025-07");
  g_assert_null (bib_field (entries->pdata[1], "url"));
  g_assert_null (bib_field (entries->pdata[2], "title"));
  g_assert_null (bib_field (entries->pdata[2], "langid"));

  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (records->pdata[1], "TY"), ==, "GEN");
  g_assert_cmpstr (g_hash_table_lookup (records->pdata[1], "LA"), ==, "zh-CN");
  g_assert_cmpstr (g_hash_table_lookup (records->pdata[1], "DA"), ==, "2025/07//");
  g_assert_cmpstr (g_hash_table_lookup (records->pdata[2], "PY"), ==, "2020");
  g_assert_null (g_hash_table_lookup (records->pdata[2], "TI"));
}

/* Keys are ids; an id a key cannot hold loses those characters, and a key
 * made equal to an earlier one gets a number. */
static void
test_keys (void)
{
  g_autoptr(TestSource) a = test_source_new ("a b", "P", NULL, (CaDate) { 2020, 1, 1 }, NULL);
  g_autoptr(TestSource) b = test_source_new ("a_b", "P", NULL, (CaDate) { 2020, 1, 1 }, NULL);
  g_autoptr(TestSource) c = test_source_new ("a,b", "P", NULL, (CaDate) { 2020, 1, 1 }, NULL);
  g_autoptr(TestSource) d = test_source_new ("区域1", "P", NULL, (CaDate) { 2020, 1, 1 }, NULL);
  g_autoptr(TestSource) e = test_source_new ("x\xff", "P", NULL, (CaDate) { 2020, 1, 1 }, NULL);
  TestSource *tests[] = { a, b, c, d, e };
  g_autofree char *bib = format_sources (CA_CITE_BIBTEX, tests, 5, "en");
  g_autoptr(GPtrArray) entries = parse_bibtex (bib);
  const char *keys[] = { "a_b", "a_b-2", "a_b-3", "区域1", "x_" };

  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (((BibEntry *) entries->pdata[i])->key, ==, keys[i]);
}

/* No sources: an empty BibTeX and RIS file, an empty JSON array. */
static void
test_empty (void)
{
  g_autofree char *bib = ca_cite_format_sources (CA_CITE_BIBTEX, NULL, 0, "en");
  g_autofree char *ris = ca_cite_format_sources (CA_CITE_RIS, NULL, 0, "en");
  g_autofree char *json = ca_cite_format_sources (CA_CITE_CSL_JSON, NULL, 0, "en");
  g_autoptr(GPtrArray) items = parse_csl_json (json);

  g_assert_cmpstr (bib, ==, "");
  g_assert_cmpstr (ris, ==, "");
  g_assert_cmpstr (json, ==, "[]\n");
  g_assert_cmpuint (items->len, ==, 0);
}

static CaDataset *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CA_FIXTURES"), name, NULL);
  g_autoptr(GError) error = NULL;
  CaDataset *dataset = ca_dataset_load_file (path, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static char *
source_ids (const CaNode *node)
{
  g_autoptr(GPtrArray) sources = ca_cite_collect_sources (node);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            ((const CaSource *) sources->pdata[i])->id);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* The sources of a subtree, each once, in the order first cited. */
static void
test_collect (void)
{
  g_autoptr(CaDataset) dataset = load_fixture ("export-csv.xml");
  g_autofree char *top = source_ids (ca_dataset_lookup_node (dataset, "top"));
  g_autofree char *park = source_ids (ca_dataset_lookup_node (dataset, "park-a"));
  g_autofree char *empty = source_ids (ca_dataset_lookup_node (dataset, "park-empty"));
  g_autofree char *sub = source_ids (ca_dataset_lookup_node (dataset, "sub"));

  g_assert_cmpstr (top, ==, "src-quote src-plain");
  g_assert_cmpstr (park, ==, "src-plain src-quote");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (sub, ==, "src-plain");
}

/* What version 2 of the format adds to a source reaches the citations: the
 * publisher in the title's language and the day the address was read. */
static void
test_version_2 (void)
{
  g_autoptr(CaDataset) dataset = load_fixture ("sources-v2.xml");
  const CaSource *plan = ca_dataset_lookup_source (dataset, "src-plan");
  g_autofree char *bib = NULL, *ris = NULL, *json = NULL, *bib_zh = NULL;

  g_assert_nonnull (plan);
  bib = ca_cite_format_sources (CA_CITE_BIBTEX, &plan, 1, "en");
  ris = ca_cite_format_sources (CA_CITE_RIS, &plan, 1, "en");
  json = ca_cite_format_sources (CA_CITE_CSL_JSON, &plan, 1, "en");
  bib_zh = ca_cite_format_sources (CA_CITE_BIBTEX, &plan, 1, "zh_CN");
  g_assert_nonnull (strstr (bib, "urldate = {2025-03-01}"));
  g_assert_nonnull (strstr (bib, "Municipal Commission of Economy"));
  g_assert_nonnull (strstr (bib_zh, "市经济信息化委"));
  g_assert_nonnull (strstr (bib_zh, "未来产业集群行动方案"));
  g_assert_nonnull (strstr (ris, "Y2  - 2025/03/01"));
  g_assert_nonnull (strstr (json, "\"accessed\""));
  g_assert_nonnull (strstr (json, "2025, 3, 1"));
}

static void
test_extensions (void)
{
  CaCiteFormat format;

  g_assert_true (ca_cite_format_from_path ("a/b.BIB", &format));
  g_assert_cmpint (format, ==, CA_CITE_BIBTEX);
  g_assert_true (ca_cite_format_from_path ("x.ris", &format));
  g_assert_cmpint (format, ==, CA_CITE_RIS);
  g_assert_true (ca_cite_format_from_path ("x.Json", &format));
  g_assert_cmpint (format, ==, CA_CITE_CSL_JSON);
  g_assert_false (ca_cite_format_from_path ("x.bib/y", NULL));
  g_assert_false (ca_cite_format_from_path ("x.bibtex", NULL));
  g_assert_false (ca_cite_format_from_path ("bib", NULL));
  for (guint i = 0; i < CA_CITE_N_FORMATS; i++)
    {
      g_autofree char *name = g_strconcat ("s.", ca_cite_format_to_extension (i), NULL);

      g_assert_true (ca_cite_format_from_path (name, &format));
      g_assert_cmpint (format, ==, i);
    }
}

/* Written whole, as formatted; a folder that is not there fails with a
 * message and leaves nothing. */
static void
test_write (void)
{
  g_autoptr(CaDataset) dataset = load_fixture ("export-csv.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "top");
  g_autofree char *dir = g_dir_make_tmp ("ca-cite-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s.ris", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "s.ris", NULL);
  g_autofree char *expected = ca_cite_format_subtree (CA_CITE_RIS, node, "en");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ca_cite_write_subtree (CA_CITE_RIS, node, "en", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_false (ca_cite_write_subtree (CA_CITE_RIS, node, "en", missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (strstr (error->message, missing) != NULL);
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();

  for (guint i = 0; i < G_N_ELEMENTS (hostile_titles); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cite/hostile/%u", i);

      g_test_add_data_func (name, hostile_titles[i], check_hostile);
    }
  g_test_add_func ("/cite/long-title", test_long_title);
  g_test_add_func ("/cite/languages", test_languages);
  g_test_add_func ("/cite/keys", test_keys);
  g_test_add_func ("/cite/version-2", test_version_2);
  g_test_add_func ("/cite/empty", test_empty);
  g_test_add_func ("/cite/collect", test_collect);
  g_test_add_func ("/cite/extensions", test_extensions);
  g_test_add_func ("/cite/write", test_write);
  return g_test_run ();
}
