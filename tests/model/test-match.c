/* test-match.c: the search rule (ca-match.h) on Chinese names: pinyin in
 * every spelling, initials, every reading of polyphones, declared readings,
 * Traditional and Simplified input, ranking, and queries at the bounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ca-collate.h"
#include "ca-dataset.h"
#include "ca-hanzi.h"
#include "ca-match.h"

static CaDataset *dataset;
static CaMatchIndex *index_;

/* The ids the index finds for @query, in its order, a space after each. */
static char *
found (const char *query)
{
  g_autoptr(GPtrArray) nodes = ca_match_index_find (index_, query, 100, NULL);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    g_string_append_printf (ids, "%s ", ca_node_get_id (nodes->pdata[i]));
  return g_string_free (ids, FALSE);
}

#define assert_found(query, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = found (query); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

static CaMatchRank
rank_text (const char *query,
           const char *text)
{
  g_autoptr(CaMatchQuery) parsed = ca_match_query_new (query);

  return ca_match_query_text (parsed, text);
}

static CaMatchRank
rank_node (const char *query,
           const char *id)
{
  g_autoptr(CaMatchQuery) parsed = ca_match_query_new (query);

  return ca_match_query_node (parsed, ca_dataset_lookup_node (dataset, id));
}

/* Full pinyin with or without spaces, tones, tone numbers, ü as v; and
 * initials, also zh/ch/sh written in full and syllables cut short. */
static void
test_match_pinyin_forms (void)
{
  const char *whole[] = { "baoshan", "bao shan", "bǎoshān", "BǍO SHĀN", "bao3shan1",
                          "ｂａｏｓｈａｎ", "bao'shan", "baosh" };

  for (guint i = 0; i < G_N_ELEMENTS (whole); i++)
    {
      g_test_message ("%s", whole[i]);
      g_assert_cmpint (rank_text (whole[i], "宝山"), ==, CA_MATCH_PINYIN_WHOLE);
    }
  g_assert_cmpint (rank_text ("bs", "宝山"), ==, CA_MATCH_INITIALS_WHOLE);
  g_assert_cmpint (rank_text ("BS", "宝山"), ==, CA_MATCH_INITIALS_WHOLE);
  /* The last syllable may be cut short while it is typed; one before it not. */
  g_assert_cmpint (rank_text ("baos", "宝山"), ==, CA_MATCH_PINYIN_WHOLE);
  g_assert_cmpint (rank_text ("basha", "宝山"), ==, CA_MATCH_INITIALS_WHOLE);
  g_assert_cmpint (rank_text ("bs", "宝山区"), ==, CA_MATCH_INITIALS_START);
  g_assert_cmpint (rank_text ("bs", "上海宝山"), ==, CA_MATCH_INITIALS);
  g_assert_cmpint (rank_text ("shbs", "上海宝山"), ==, CA_MATCH_INITIALS_WHOLE);
  g_assert_cmpint (rank_text ("baoshan", "上海宝山区"), ==, CA_MATCH_PINYIN);
  g_assert_cmpint (rank_text ("lvse", "绿色"), ==, CA_MATCH_PINYIN_WHOLE);
  g_assert_cmpint (rank_text ("lüsè", "绿色"), ==, CA_MATCH_PINYIN_WHOLE);
  /* Letters in a wrong order, a syllable that is not there, letters that
   * run past the name: no match. */
  g_assert_cmpint (rank_text ("sb", "宝山"), ==, CA_MATCH_NONE);
  g_assert_cmpint (rank_text ("baoshui", "宝山"), ==, CA_MATCH_NONE);
  g_assert_cmpint (rank_text ("baoshanx", "宝山"), ==, CA_MATCH_NONE);
  /* Two words each spell a syllable, not the name in order. */
  g_assert_cmpint (rank_text ("shan bao", "宝山"), ==, CA_MATCH_PINYIN);
  /* Pinyin across a character that is not Chinese does not join. */
  g_assert_cmpint (rank_text ("baoshan", "宝 山"), ==, CA_MATCH_NONE);
  g_assert_cmpint (rank_text ("bao shan", "宝 山"), ==, CA_MATCH_PINYIN_WHOLE);
}

/* Every reading of a polyphone is indexed, by characters and by initials. */
static void
test_match_polyphones (void)
{
  static const struct { const char *query, *name; } cases[] = {
    { "xiamen", "厦门" }, { "shamen", "厦门" }, { "changsha", "长沙" },
    { "zhangsha", "长沙" }, { "chongqing", "重庆" }, { "zhongqing", "重庆" },
    { "bengbu", "蚌埠" }, { "bangbu", "蚌埠" }, { "yinhang", "银行" },
    { "yinxing", "银行" }, { "zengjiayan", "曾家岩" }, { "cengjiayan", "曾家岩" },
    { "changsanjiao", "长三角" }, { "xiàmén", "廈門" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s %s", cases[i].query, cases[i].name);
      g_assert_cmpint (rank_text (cases[i].query, cases[i].name), ==, CA_MATCH_PINYIN_WHOLE);
    }
  g_assert_cmpint (rank_text ("zgyh", "中国银行"), ==, CA_MATCH_INITIALS_WHOLE);
  g_assert_cmpint (rank_text ("zgyx", "中国银行"), ==, CA_MATCH_INITIALS_WHOLE);
  assert_found ("yinhang", "boc ");
  assert_found ("bengbu", "bengbu ");
}

/* A name of 60 polyphones: 3^60 spellings, matched in one pass. */
static void
test_match_polyphones_bounded (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) query = g_string_new (NULL);
  gint64 start;

  for (guint i = 0; i < 60; i++)
    g_string_append (name, "行");
  for (guint i = 0; i < 21; i++)
    g_string_append (query, i % 2 ? "xing" : "hang");
  start = g_get_monotonic_time ();
  g_assert_cmpint (rank_text ("hangxinghangxing", name->str), ==, CA_MATCH_PINYIN_START);
  g_assert_cmpint (rank_text ("hxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhxhx",
                              name->str), ==, CA_MATCH_INITIALS_START);
  /* 84 letters: beyond the bound, read as letters only. */
  g_assert_cmpint (rank_text (query->str, name->str), ==, CA_MATCH_NONE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 10);
}

/* A name in zh-Latn-pinyin is the node's reading: matched instead of its
 * characters' readings; spaces and apostrophes in it split syllables. */
static void
test_match_declared (void)
{
  g_assert_cmpint (rank_node ("chongqing", "m-50"), ==, CA_MATCH_PINYIN_WHOLE);
  g_assert_cmpint (rank_node ("cq", "m-50"), ==, CA_MATCH_INITIALS_WHOLE);
  g_assert_cmpint (rank_node ("zhongqing", "m-50"), ==, CA_MATCH_NONE);
  g_assert_cmpint (rank_node ("zhongqing", "zq-road"), ==, CA_MATCH_PINYIN_START);
  g_assert_cmpint (rank_node ("xa", "c-029"), ==, CA_MATCH_INITIALS_WHOLE);
  g_assert_cmpint (rank_node ("xi an", "c-029"), ==, CA_MATCH_PINYIN_WHOLE);
  /* Its characters and the declared name as written still match. */
  g_assert_cmpint (rank_node ("重庆", "m-50"), ==, CA_MATCH_EXACT);
  g_assert_cmpint (rank_node ("Chóngqìng", "m-50"), ==, CA_MATCH_EXACT);
  assert_found ("zhongqing", "zq-road ");
  /* A reading is not the Chinese name: Chinese falls back on English. */
  g_assert_cmpstr (ca_node_get_name (ca_dataset_lookup_node (dataset, "c-931"), "zh-CN"), ==,
                   "Lanzhou");
  g_assert_cmpstr (ca_node_get_name (ca_dataset_lookup_node (dataset, "c-931"),
                                     "zh-Latn-pinyin"), ==, "Lánzhōu");
  g_assert_cmpint (rank_node ("lz", "c-931"), ==, CA_MATCH_INITIALS_WHOLE);
  assert_found ("chongqing", "m-50 zq-road ");
}

/* Traditional input finds Simplified names and the reverse. */
static void
test_match_traditional (void)
{
  g_assert_cmpint (rank_text ("寶山", "宝山"), ==, CA_MATCH_EXACT);
  g_assert_cmpint (rank_text ("宝山", "寶山"), ==, CA_MATCH_EXACT);
  g_assert_cmpint (rank_text ("廈門", "厦门大学"), ==, CA_MATCH_PREFIX);
  g_assert_cmpint (rank_text ("臺灣", "台湾"), ==, CA_MATCH_EXACT);
  g_assert_cmpint (rank_node ("宝山乡", "d-4"), ==, CA_MATCH_EXACT);
  g_assert_cmpint (rank_node ("bsx", "d-4"), ==, CA_MATCH_INITIALS_WHOLE);
  assert_found ("寶山鄉", "d-4 ");
  g_assert_cmpuint (ca_hanzi_fold (0x5BF6 /* 寶 */), ==, 0x5B9D /* 宝 */);
  g_assert_cmpuint (ca_hanzi_fold ('A'), ==, 'A');
}

/* For zh-TW: a name in zh-TW or zh-Hant wins; else the Simplified one is
 * converted in Taiwan's usage (软件 → 軟體, 信息 → 資訊), and says so. */
static void
test_hanzi_names (void)
{
  static const struct { const char *id, *lang, *name; gboolean converted; } cases[] = {
    { "c-592", "zh-TW", "廈門", TRUE },
    { "c-592", "zh-CN", "厦门", FALSE },
    { "c-592", "zh-HK", "廈門", TRUE },
    { "d-4", "zh-TW", "寶山鄉", FALSE },
    { "d-4", "zh-CN", "寶山鄉", FALSE },
    { "p-1", "zh-TW", "軟體與資訊服務園區", FALSE },
    { "p-2", "zh-TW", "軟體資訊服務園", TRUE },
    { "p-2", "en", "Software Park", FALSE },
    { "c-931", "zh-TW", "Lanzhou", FALSE },
    /* The same in both scripts: shown as written, nothing to say. */
    { "c-029", "zh-TW", "西安", FALSE },
    { "d-1", "zh-TW", "上海寶山", TRUE },
    { "d-2", "zh-TW", "寶山區", TRUE },
    { "cn", "zh-TW", "中國", TRUE },
    { "u-1", "zh-TW", "廈門大學", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CaNode *node = ca_dataset_lookup_node (dataset, cases[i].id);
      CaText names = ca_node_get_names (node);

      g_test_message ("%s %s", cases[i].id, cases[i].lang);
      g_assert_cmpstr (ca_node_get_name (node, cases[i].lang), ==, cases[i].name);
      g_assert_cmpint (ca_text_is_converted (&names, cases[i].lang), ==, cases[i].converted);
    }
  /* The same text is converted once and handed out again. */
  g_assert_true (ca_node_get_name (ca_dataset_lookup_node (dataset, "c-592"), "zh-TW")
                 == ca_node_get_name (ca_dataset_lookup_node (dataset, "c-592"), "zh-TW"));
}

static int
compare_in (gconstpointer a,
            gconstpointer b,
            gpointer      lang)
{
  return ca_collate_compare (*(const char * const *) a, *(const char * const *) b, lang);
}

/* @names sorted for a reader of @lang, a space after each. */
static char *
sorted (const char *lang,
        const char *names)
{
  g_auto(GStrv) list = g_strsplit (names, " ", -1);

  g_qsort_with_data (list, (gint) g_strv_length (list), sizeof (char *), compare_in,
                     (gpointer) lang);
  return g_strjoinv (" ", list);
}

#define assert_sorted(lang, names, expected) \
  G_STMT_START { \
    g_autofree char *got_ = sorted ((lang), (names)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

/* Simplified Chinese by pinyin, Traditional by strokes, English by letters
 * whatever their case; keys compare as the texts do. */
static void
test_collate (void)
{
  g_autofree char *key_a = ca_collate_key ("安徽", "zh_CN");
  g_autofree char *key_b = ca_collate_key ("北京", "zh_CN");

  assert_sorted ("zh_CN", "浙江 上海 北京 安徽 江苏", "安徽 北京 江苏 上海 浙江");
  assert_sorted ("zh-CN", "浙江 上海 北京 安徽 江苏", "安徽 北京 江苏 上海 浙江");
  assert_sorted ("zh_TW", "浙江 北京 上海 十堰", "十堰 上海 北京 浙江");
  assert_sorted ("zh-TW", "浙江 北京 上海 十堰", "十堰 上海 北京 浙江");
  assert_sorted ("en", "banana Apple cherry apple", "apple Apple banana cherry");
  g_assert_cmpint (strcmp (key_a, key_b), <, 0);
  /* Punctuation only breaks ties: a quoted title sorts under its first letter. */
  g_assert_cmpint (ca_collate_compare ("\"Investment first\" projects", "Action Plan", "en"), >, 0);
  g_assert_cmpint (ca_collate_compare ("“Investment first”", "Zhangjiang", "en"), <, 0);
  g_assert_cmpint (ca_collate_compare ("“宝山”", "北京", "zh_CN"), <, 0);
  /* Invalid UTF-8 has a key too (its bytes), and no crash. */
  g_assert_cmpint (ca_collate_compare ("\xff", "a", "zh_CN"), !=, 0);
}

/* Exact first, then prefix, then contains, then pinyin and initials, each
 * by where in a name; tree order within a rank. */
static void
test_match_ranking (void)
{
  assert_found ("宝山", "d-3 d-2 d-4 d-1 ");
  assert_found ("bao shan", "d-3 d-2 d-4 d-1 ");
  assert_found ("bs", "d-3 d-2 d-4 d-1 ");
  assert_found ("xiamen", "c-592 u-1 ");
  /* The English name "Xiamen" is exact; 厦门大学 spelled from its start. */
  g_assert_cmpint (rank_node ("xiamen", "c-592"), ==, CA_MATCH_EXACT);
  g_assert_cmpint (rank_node ("xiam", "c-592"), ==, CA_MATCH_PREFIX);
  g_assert_cmpint (rank_node ("china", "boc"), ==, CA_MATCH_CONTAINS);
  g_assert_cmpint (CA_MATCH_EXACT, <, CA_MATCH_PREFIX);
  g_assert_cmpint (CA_MATCH_CONTAINS, <, CA_MATCH_PINYIN_WHOLE);
  g_assert_cmpint (CA_MATCH_PINYIN, <, CA_MATCH_INITIALS_WHOLE);
}

/* Where the pinyin is spelled in a name, in characters, for the result to
 * show it. */
static void
test_match_locate (void)
{
  static const struct { const char *query, *text; glong start, length; } cases[] = {
    { "bs", "上海宝山区", 2, 2 }, { "bao shan", "上海 宝山", 3, 2 }, { "xiamen", "厦门", 0, 2 },
    { "yh", "中国银行", 2, 2 }, { "daxue", "Xiamen 厦门大学", 9, 2 },
  };
  glong start = -1, length = -1;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CaMatchQuery) query = ca_match_query_new (cases[i].query);

      g_test_message ("%s in %s", cases[i].query, cases[i].text);
      g_assert_true (ca_match_query_locate (query, cases[i].text, &start, &length));
      g_assert_cmpint (start, ==, cases[i].start);
      g_assert_cmpint (length, ==, cases[i].length);
    }
  {
    g_autoptr(CaMatchQuery) query = ca_match_query_new ("zz");

    g_assert_false (ca_match_query_locate (query, "宝山", &start, &length));
    g_assert_false (ca_match_query_locate (query, "\xe5\xae", &start, &length));
  }
}

/* Words: a word as written and a word in pinyin mix; each must match. */
static void
test_match_words (void)
{
  g_auto(GStrv) words = ca_match_words ("寶");

  g_assert_cmpint (rank_text ("宝 shan", "宝山"), ==, CA_MATCH_PINYIN);
  g_assert_cmpint (rank_text ("bank yinhang", "Bank of China\n中国银行"), ==, CA_MATCH_PINYIN);
  g_assert_cmpint (rank_text ("bank xiamen", "Bank of China\n中国银行"), ==, CA_MATCH_NONE);
  g_assert_true (ca_match_all ("宝山", words));
}

/* A dataset big enough to be ranked by several threads gives what ranking
 * each node alone gives, in the same order: rank, then tree order. */
static void
test_match_big (void)
{
  /* Plain names, and names the index keeps apart as not plain: a
   * Traditional character, full-width letters, an accent; ASCII of both
   * cases beside Chinese. */
  static const char * const places[] = {
    "厦门", "宝山", "长沙", "重庆", "银行", "西安", "寶山", "Ｂａｏ", "CafÉ", "MixeD宝CasE",
  };
  static const char * const queries[] = {
    "xiamen", "bs", "宝山", "n-4", "changsha", "zzzz", "chongqing", "yinhang", "xiam", "cq",
    "root 2", "Root", "寶山", "bao", "café", "ＢＡＯ", "d宝c", "e宝", "ED", "mixed", "fé厦",
  };
  g_autoptr(GString) doc = g_string_new ("<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">"
                                         "<title xml:lang=\"en\">Big</title>");
  g_autoptr(CaDataset) big = NULL;
  g_autoptr(CaMatchIndex) index = NULL;
  g_autoptr(GError) error = NULL;

  /* Three roots, so that the threads' slices start inside each. */
  for (guint i = 0; i < 60000; i++)
    {
      if (i % 20000 == 0)
        g_string_append_printf (doc, "%s<region id=\"root-%u\" kind=\"country\">"
                                "<name xml:lang=\"en\">Root %u</name>",
                                i > 0 ? "</region>" : "", i / 20000, i / 20000);
      g_string_append_printf (doc, "<region id=\"n-%u\" kind=\"city\"><name xml:lang=\"zh-CN\">"
                              "%s%s%u</name></region>", i, places[i % G_N_ELEMENTS (places)],
                              places[(i / G_N_ELEMENTS (places)) % G_N_ELEMENTS (places)], i);
    }
  g_string_append (doc, "</region></atlas>");
  big = ca_dataset_load_data (doc->str, doc->len, "big.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ca_dataset_get_n_roots (big), ==, 3);
  index = ca_match_index_new (big);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(CaMatchQuery) query = ca_match_query_new (queries[q]);
      g_autoptr(GPtrArray) found = NULL;
      GPtrArray *by_rank[CA_MATCH_INITIALS + 1];
      guint n_matches = 0, k = 0;

      for (guint r = 0; r <= CA_MATCH_INITIALS; r++)
        by_rank[r] = g_ptr_array_new ();
      for (guint t = 0; t < ca_dataset_get_n_roots (big); t++)
        {
          const CaNode *root = ca_dataset_get_root (big, t);

          for (const CaNode *node = root; node != NULL; node = ca_node_next_in_subtree (root, node))
            g_ptr_array_add (by_rank[ca_match_query_node (query, node)], (gpointer) node);
        }
      found = ca_match_index_find (index, queries[q], G_MAXUINT, &n_matches);
      g_test_message ("%s: %u", queries[q], n_matches);
      g_assert_cmpuint (n_matches, ==, found->len);
      g_assert_cmpuint (n_matches, ==, 60003 - by_rank[CA_MATCH_NONE]->len);
      for (guint r = 1; r <= CA_MATCH_INITIALS; r++)
        for (guint i = 0; i < by_rank[r]->len; i++, k++)
          g_assert_true (found->pdata[k] == by_rank[r]->pdata[i]);
      for (guint r = 0; r <= CA_MATCH_INITIALS; r++)
        g_ptr_array_unref (by_rank[r]);
    }
}

/* Empty, blank, long, control characters, non-pinyin letters, invalid
 * UTF-8, a character without a reading: no match, no crash. */
static void
test_match_bounds (void)
{
  g_autofree char *long_query = g_strnfill (10000, 'a');
  g_autoptr(CaMatchQuery) empty = ca_match_query_new ("");
  g_autoptr(CaMatchQuery) blank = ca_match_query_new (" \t\n");

  g_assert_true (ca_match_query_is_empty (empty));
  g_assert_true (ca_match_query_is_empty (blank));
  g_assert_cmpint (ca_match_query_text (empty, "宝山"), ==, CA_MATCH_NONE);
  assert_found ("", "");
  g_assert_cmpint (rank_text (long_query, "阿阿阿"), ==, CA_MATCH_NONE);
  g_assert_cmpint (rank_text ("a", "阿阿阿"), ==, CA_MATCH_PINYIN_START);
  g_assert_cmpint (rank_text ("\x01\x7f", "宝山"), ==, CA_MATCH_NONE);
  g_assert_cmpint (rank_text ("xyz", "宝山"), ==, CA_MATCH_NONE);
  g_assert_cmpint (rank_text ("bao\xff", "宝山"), ==, CA_MATCH_NONE);
  g_assert_cmpint (rank_text ("baoshan", "\xe5\xae"), ==, CA_MATCH_NONE);
  g_assert_cmpint (rank_text ("b", "〇"), ==, CA_MATCH_NONE);
  g_assert_cmpint (rank_text ("b", ""), ==, CA_MATCH_NONE);
  /* A pasted paragraph: the first 64 words are matched, the rest read. */
  {
    g_autoptr(GString) many = g_string_new (NULL);

    for (guint i = 0; i < 100; i++)
      g_string_append (many, i < 64 ? "宝 " : "zzz ");
    g_assert_cmpint (rank_text (many->str, "宝山"), ==, CA_MATCH_CONTAINS);
  }
}

/* One index kept with a dataset: asked for twice it is the same, it finds
 * as a new one does, and it goes with the dataset (no reference cycle). */
static void
test_match_kept_index (void)
{
  g_autoptr(GError) error = NULL;
  static const char doc[] =
    "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">"
    "<region id=\"bs\" kind=\"district\"><name xml:lang=\"zh-CN\">宝山</name></region>"
    "</atlas>";
  CaDataset *small = ca_dataset_load_data (doc, strlen (doc), "kept.xml", NULL, &error);
  CaMatchIndex *kept;
  g_autoptr(GPtrArray) found = NULL;

  g_assert_no_error (error);
  kept = ca_match_index_get (small);
  g_assert_true (ca_match_index_get (small) == kept);
  found = ca_match_index_find (kept, "bs", 10, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (ca_node_get_id (found->pdata[0]), ==, "bs");
  g_assert_finalize_object (small);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  path = g_build_filename (g_getenv ("CA_FIXTURES"), "match-hanzi.xml", NULL);
  dataset = ca_dataset_load_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  index_ = ca_match_index_new (dataset);

  g_test_add_func ("/match/pinyin-forms", test_match_pinyin_forms);
  g_test_add_func ("/match/polyphones", test_match_polyphones);
  g_test_add_func ("/match/polyphones-bounded", test_match_polyphones_bounded);
  g_test_add_func ("/match/declared", test_match_declared);
  g_test_add_func ("/match/traditional", test_match_traditional);
  g_test_add_func ("/match/ranking", test_match_ranking);
  g_test_add_func ("/hanzi/names", test_hanzi_names);
  g_test_add_func ("/collate/orders", test_collate);
  g_test_add_func ("/match/words", test_match_words);
  g_test_add_func ("/match/locate", test_match_locate);
  g_test_add_func ("/match/bounds", test_match_bounds);
  g_test_add_func ("/match/big", test_match_big);
  g_test_add_func ("/match/kept-index", test_match_kept_index);
  status = g_test_run ();

  ca_match_index_free (index_);
  g_assert_finalize_object (dataset);
  return status;
}
