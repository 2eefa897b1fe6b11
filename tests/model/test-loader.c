/* test-loader.c: the loader on good files, and on one bad file per rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ca-dataset.h"
#include "ca-i18n.h"
#include "ca-node.h"

#include "bad-fixtures.h"

static char *
fixture_path (const char *name)
{
  const char *dir = g_getenv ("CA_FIXTURES");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static CaDataset *
load_good (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  CaDataset *dataset;

  dataset = ca_dataset_load_file (path, NULL, NULL, NULL, &problems, &error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = ca_problem_format (problems->pdata[i]);

      g_test_message ("%s", line);
    }
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_true (problems == NULL || problems->len == 0);
  return dataset;
}

static void
check_good_full (CaDataset *dataset)
{
  const CaNode *cn, *sh, *plan, *health, *park;
  const CaFigure *figure;

  g_assert_cmpuint (ca_dataset_get_n_roots (dataset), ==, 2);
  g_assert_cmpuint (ca_dataset_get_n_nodes (dataset), ==, 9);
  g_assert_cmpuint (ca_dataset_count_nodes (dataset, CA_NODE_REGION), ==, 3);
  g_assert_cmpuint (ca_dataset_count_nodes (dataset, CA_NODE_PARK), ==, 2);
  g_assert_cmpuint (ca_dataset_count_nodes (dataset, CA_NODE_PROGRAM), ==, 4);
  g_assert_cmpuint (ca_dataset_get_n_figures (dataset), ==, 7);
  g_assert_cmpuint (ca_dataset_get_n_metrics (dataset), ==, 3);
  g_assert_cmpuint (ca_dataset_get_n_sources (dataset), ==, 2);
  g_assert_cmpstr (ca_dataset_get_title (dataset, "zh-CN"), ==, "测试数据");

  cn = ca_dataset_get_root (dataset, 0);
  g_assert_cmpstr (ca_node_get_id (cn), ==, "cn");
  g_assert_cmpstr (ca_node_get_kind (cn), ==, "country");
  g_assert_cmpuint (ca_node_get_n_figures_below (cn), ==, 7);
  sh = ca_dataset_lookup_node (dataset, "sh");
  g_assert_true (ca_node_get_parent (sh) == cn);
  g_assert_cmpuint (ca_node_get_depth (sh), ==, 1);
  g_assert_cmpuint (ca_node_get_n_tags (sh), ==, 1);
  g_assert_cmpstr (ca_node_get_tag (sh, 0), ==, "future-industries");

  plan = ca_dataset_lookup_node (dataset, "sh-future");
  g_assert_cmpint (ca_node_get_node_type (plan), ==, CA_NODE_PROGRAM);
  g_assert_null (ca_node_get_kind (plan));
  /* Whitespace in names collapses; entities and CDATA are text. */
  g_assert_cmpstr (ca_node_get_name (plan, "en"), ==, "Future Industrial Clusters Action Plan");
  g_assert_cmpstr (ca_node_get_summary (plan, "en"), ==,
                   "Five future industrial clusters & more.");
  g_assert_cmpint (ca_node_get_start_year (plan), ==, 2022);
  g_assert_cmpint (ca_node_get_end_year (plan), ==, 2030);
  g_assert_cmpint (ca_node_get_status (plan), ==, CA_STATUS_ACTIVE);
  g_assert_cmpuint (ca_node_get_n_figures (plan), ==, 2);
  figure = ca_node_get_figure (plan, 0);
  g_assert_cmpint (figure->type, ==, CA_FIGURE_GOAL);
  g_assert_cmpfloat (figure->value, ==, 500000000000.0);
  g_assert_cmpint (figure->qualifier, ==, CA_QUALIFIER_ABOUT);
  g_assert_cmpint (figure->date.year, ==, 2030);
  g_assert_cmpint (figure->date.month, ==, 0);
  g_assert_true (figure->metric == ca_dataset_lookup_metric (dataset, "output-value"));
  g_assert_true (figure->source == ca_dataset_lookup_source (dataset, "src-future"));
  figure = ca_node_get_figure (plan, 1);
  g_assert_cmpint (figure->qualifier, ==, CA_QUALIFIER_EXACT);
  g_assert_true (figure->has_baseline);
  g_assert_cmpfloat (figure->baseline, ==, 100000000000.0);
  g_assert_cmpint (figure->baseline_year, ==, 2021);

  health = ca_dataset_lookup_node (dataset, "sh-future-health");
  g_assert_cmpstr (ca_node_get_name (health, NULL), ==, "Future health <sub-plan>");
  g_assert_cmpint (ca_node_get_start_year (health), ==, 0);
  g_assert_cmpint (ca_node_get_status (health), ==, CA_STATUS_PLANNED);
  g_assert_true (ca_node_get_figure (health, 0)->source
                 == ca_dataset_lookup_source (dataset, "src-late"));

  park = ca_dataset_lookup_node (dataset, "scip");
  g_assert_cmpuint (ca_node_get_n_figures (park), ==, 3);
  figure = ca_node_get_figure (park, 1);
  g_assert_cmpint (figure->type, ==, CA_FIGURE_COUNT);
  g_assert_cmpint (figure->date.year, ==, 2024);
  g_assert_cmpint (figure->date.month, ==, 4);
  g_assert_cmpint (figure->date.day, ==, 0);
  g_assert_cmpint (figure->qualifier, ==, CA_QUALIFIER_NEARLY);
  g_assert_cmpstr (ca_node_get_kind (ca_dataset_lookup_node (dataset, "scip-centre")), ==,
                   "innovation-centre");

  g_assert_cmpstr (ca_dataset_lookup_source (dataset, "src-late")->href, ==,
                   "https://example.com/a?b=1&c=2");
  g_assert_cmpstr (ca_dataset_lookup_source (dataset, "src-late")->publisher, ==, "Example & Co.");
  g_assert_cmpint (ca_dataset_lookup_source (dataset, "src-late")->published.month, ==, 5);
  g_assert_cmpuint (ca_dataset_lookup_metric (dataset, "land")->names.n_entries, ==, 1);
  g_assert_cmpstr (ca_dataset_lookup_metric (dataset, "land")->unit, ==, "hectares");
  g_assert_null (ca_dataset_lookup_metric (dataset, "projects")->unit);
}

static void
test_good_full (void)
{
  g_autoptr(CaDataset) dataset = load_good ("good-full.xml");

  check_good_full (dataset);
}

static void
test_utf16 (void)
{
  g_autoptr(CaDataset) dataset = load_good ("good-utf16.xml");

  check_good_full (dataset);
}

static void
test_load_data (void)
{
  g_autofree char *path = fixture_path ("good-full.xml");
  g_autofree char *contents = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  dataset = ca_dataset_load_data (contents, length, "memory.xml", NULL, &error);
  g_assert_no_error (error);
  check_good_full (dataset);
  g_assert_null (ca_dataset_get_path (dataset));
}

static void
test_names (void)
{
  g_autoptr(CaDataset) dataset = load_good ("good-full.xml");
  const CaNode *sh = ca_dataset_lookup_node (dataset, "sh");
  const CaNode *pilot = ca_dataset_lookup_node (dataset, "scip-pilot");

  g_assert_cmpstr (ca_node_get_name (sh, "en"), ==, "Shanghai");
  g_assert_cmpstr (ca_node_get_name (sh, "zh-CN"), ==, "上海");
  g_assert_cmpstr (ca_node_get_name (sh, "zh_CN"), ==, "上海");
  g_assert_cmpstr (ca_node_get_name (sh, "ZH-cn"), ==, "上海");
  /* Same primary subtag, then English, then the first. */
  g_assert_cmpstr (ca_node_get_name (sh, "zh-TW"), ==, "上海");
  g_assert_cmpstr (ca_node_get_name (sh, "zh"), ==, "上海");
  g_assert_cmpstr (ca_node_get_name (sh, "de"), ==, "Shanghai");
  g_assert_cmpstr (ca_node_get_name (sh, "english"), ==, "Shanghai");
  g_assert_cmpstr (ca_node_get_name (pilot, "en"), ==, "中试项目");

  ca_i18n_set_language ("zh_CN");
  g_assert_cmpstr (ca_node_get_name (sh, NULL), ==, "上海");
  ca_i18n_set_language ("en");
  g_assert_cmpstr (ca_node_get_name (sh, NULL), ==, "Shanghai");
  g_assert_null (ca_node_get_summary (sh, "en"));
}

/* The compact layout: a node's id and names share one string, nodes with
 * the same tags share one array (up to a cap, past which each keeps its
 * own), and the figures below a node are counted in its block.  Enough
 * nodes for every path: one tag, two or three tags repeated, and more
 * distinct combinations than are shared. */
static void
test_compact_layout (void)
{
  g_autoptr(GString) doc = g_string_new ("<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">"
                                         "<metrics><metric id=\"m\" kind=\"count\">"
                                         "<name xml:lang=\"en\">M</name></metric></metrics>"
                                         "<sources><source id=\"s\" published=\"2024\" "
                                         "publisher=\"P\"><title xml:lang=\"en\">T</title>"
                                         "</source></sources><region id=\"top\" kind=\"k\">"
                                         "<name xml:lang=\"en\">Top</name>");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  const guint n = 15000;  /* 5,000 distinct pairs: more than are shared */
  const CaNode *top;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (doc, "<program id=\"p%u\"><name xml:lang=\"en\">Program %u</name>"
                              "<name xml:lang=\"zh-CN\">项目%u</name><name xml:lang=\"fr\">"
                              "Programme %u</name>", i, i, i, i);
      if (i % 3 == 0)
        g_string_append_printf (doc, "<tag>only-%u</tag>", i);
      else if (i % 3 == 1)
        g_string_append_printf (doc, "<tag>a%u</tag><tag>b%u</tag><tag>c</tag>", i % 7, i % 5);
      else
        g_string_append_printf (doc, "<tag>x%u</tag><tag>y</tag>", i);
      if (i % 2 == 0)
        g_string_append (doc, "<count metric=\"m\" value=\"1\" date=\"2024\" source=\"s\"/>");
      g_string_append (doc, "</program>");
    }
  g_string_append (doc, "</region></atlas>");
  dataset = ca_dataset_load_data (doc->str, doc->len, "compact.xml", &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  top = ca_dataset_lookup_node (dataset, "top");
  g_assert_cmpstr (ca_node_get_id (top), ==, "top");
  g_assert_cmpuint (ca_node_get_n_children (top), ==, n);
  g_assert_cmpuint (ca_node_get_n_figures (top), ==, 0);
  g_assert_cmpuint (ca_node_get_n_figures_below (top), ==, n / 2);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *fr = g_strdup_printf ("Programme %u", i);
      const CaNode *node = ca_dataset_lookup_node (dataset, id);
      CaText names = ca_node_get_names (node);
      const char *langs[] = { "en", "zh-CN", "fr" };
      CaTextIter iter;
      guint seen = 0;

      g_assert_true (node == ca_node_get_child (top, i));
      g_assert_cmpstr (ca_node_get_id (node), ==, id);
      g_assert_cmpstr (ca_node_get_name (node, "fr"), ==, fr);
      g_assert_cmpuint (names.n_entries, ==, 3);
      ca_text_iter_init (&iter, &names);
      while (ca_text_iter_next (&iter))
        g_assert_cmpstr (iter.lang, ==, langs[seen++]);
      g_assert_cmpuint (seen, ==, 3);
      g_assert_cmpuint (ca_node_get_n_figures (node), ==, i % 2 == 0 ? 1 : 0);
      g_assert_cmpuint (ca_node_get_n_figures_below (node), ==, i % 2 == 0 ? 1 : 0);
      if (i % 2 == 0)
        g_assert_cmpint (ca_node_get_figure (node, 0)->date.year, ==, 2024);
      if (i % 3 == 0)
        {
          g_autofree char *only = g_strdup_printf ("only-%u", i);

          g_assert_cmpuint (ca_node_get_n_tags (node), ==, 1);
          g_assert_cmpstr (ca_node_get_tag (node, 0), ==, only);
        }
      else if (i % 3 == 1)
        {
          g_autofree char *a = g_strdup_printf ("a%u", i % 7);
          g_autofree char *b = g_strdup_printf ("b%u", i % 5);

          g_assert_cmpuint (ca_node_get_n_tags (node), ==, 3);
          g_assert_cmpstr (ca_node_get_tag (node, 0), ==, a);
          g_assert_cmpstr (ca_node_get_tag (node, 1), ==, b);
          g_assert_cmpstr (ca_node_get_tag (node, 2), ==, "c");
        }
      else
        {
          g_autofree char *x = g_strdup_printf ("x%u", i);

          g_assert_cmpuint (ca_node_get_n_tags (node), ==, 2);
          g_assert_cmpstr (ca_node_get_tag (node, 0), ==, x);
          g_assert_cmpstr (ca_node_get_tag (node, 1), ==, "y");
        }
    }
}

/* A packed text keeps each entry's length, so long texts (one-byte and
 * five-byte lengths) and common or uncommon language tags, spelt as
 * written, all come back; a lookup steps over the texts. */
static void
test_packed_texts (void)
{
  g_autofree char *long_text = g_strnfill (70000, 'x');
  g_autofree char *mid_text = g_strnfill (300, 'y');
  g_autofree char *doc = g_strdup_printf (
    "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\"><region id=\"r\" kind=\"k\">"
    "<name xml:lang=\"x-long\">%s</name><name xml:lang=\"ZH-TW\">小写</name>"
    "<name xml:lang=\"de-CH\">%s</name><name xml:lang=\"zh-CN\">大写</name>"
    "<name xml:lang=\"en\">E</name></region></atlas>", long_text, mid_text);
  const char *langs[] = { "x-long", "ZH-TW", "de-CH", "zh-CN", "en" };
  const char *texts[] = { long_text, "小写", mid_text, "大写", "E" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = ca_dataset_load_data (doc, strlen (doc), "packed.xml", NULL,
                                                       &error);
  const CaNode *r;
  CaText names;
  CaTextIter iter;
  guint i = 0;

  g_assert_no_error (error);
  r = ca_dataset_lookup_node (dataset, "r");
  names = ca_node_get_names (r);
  g_assert_cmpuint (names.n_entries, ==, 5);
  ca_text_iter_init (&iter, &names);
  while (ca_text_iter_next (&iter))
    {
      g_assert_cmpstr (iter.lang, ==, langs[i]);
      g_assert_cmpstr (iter.text, ==, texts[i]);
      i++;
    }
  g_assert_cmpuint (i, ==, 5);
  g_assert_cmpstr (ca_node_get_name (r, "en"), ==, "E");
  g_assert_cmpstr (ca_node_get_name (r, "de-ch"), ==, mid_text);
  g_assert_cmpstr (ca_node_get_name (r, "zh-CN"), ==, "大写");
  g_assert_cmpstr (ca_node_get_name (r, "zh-TW"), ==, "小写");
  g_assert_cmpstr (ca_node_get_name (r, "fr"), ==, "E");
  g_assert_cmpstr (ca_node_get_id (r), ==, "r");
}

static void
test_tree (void)
{
  g_autoptr(CaDataset) dataset = load_good ("good-full.xml");
  const CaNode *cn = ca_dataset_get_root (dataset, 0);
  const CaNode *centre = ca_dataset_lookup_node (dataset, "scip-centre");
  const char *expected[] = { "cn", "sh", "sh-future", "sh-future-health", "scip",
                             "scip-centre", "scip-pilot", "js" };
  g_autoptr(GPtrArray) path = ca_node_get_path (centre);
  const CaNode *node = NULL;
  guint n = 0;

  g_assert_cmpuint (path->len, ==, 4);
  g_assert_cmpstr (ca_node_get_id (path->pdata[0]), ==, "cn");
  g_assert_cmpstr (ca_node_get_id (path->pdata[1]), ==, "sh");
  g_assert_cmpstr (ca_node_get_id (path->pdata[2]), ==, "scip");
  g_assert_true (path->pdata[3] == centre);
  g_assert_true (ca_node_is_ancestor_of (cn, centre));
  g_assert_false (ca_node_is_ancestor_of (centre, cn));
  g_assert_false (ca_node_is_ancestor_of (centre, centre));

  while ((node = ca_node_next_in_subtree (cn, node)) != NULL)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (ca_node_get_id (node), ==, expected[n++]);
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  /* A walk of a subtree does not leave it. */
  n = 0;
  node = NULL;
  while ((node = ca_node_next_in_subtree (ca_dataset_lookup_node (dataset, "sh-future"), node)))
    n++;
  g_assert_cmpuint (n, ==, 2);

  g_assert_cmpuint (ca_node_get_n_children (cn), ==, 2);
  g_assert_true (ca_node_get_child (cn, 1) == ca_dataset_lookup_node (dataset, "js"));
  g_assert_cmpuint (ca_node_get_index (ca_dataset_lookup_node (dataset, "js")), ==, 1);
  g_assert_cmpuint (ca_node_get_index (ca_dataset_get_root (dataset, 1)), ==, 1);
  g_assert_null (ca_dataset_lookup_node (dataset, "output-value"));
}

static void
test_sums (void)
{
  g_autoptr(CaDataset) dataset = load_good ("good-full.xml");
  const CaNode *cn = ca_dataset_get_root (dataset, 0);
  g_autoptr(GArray) goals = ca_node_sum_by_metric (cn, CA_FIGURE_GOAL);
  g_autoptr(GArray) counts = ca_node_sum_by_metric (cn, CA_FIGURE_COUNT);
  const CaMetricSum *sum;

  /* In the order metrics are declared; never two metrics in one sum. */
  g_assert_cmpuint (goals->len, ==, 2);
  sum = &g_array_index (goals, CaMetricSum, 0);
  g_assert_cmpstr (sum->metric->id, ==, "output-value");
  g_assert_cmpfloat_with_epsilon (sum->total, 650000000000.5, 1.0);
  g_assert_cmpuint (sum->n_figures, ==, 2);
  g_assert_cmpint (sum->qualifier, ==, CA_QUALIFIER_ABOUT);
  sum = &g_array_index (goals, CaMetricSum, 1);
  g_assert_cmpstr (sum->metric->id, ==, "projects");
  g_assert_cmpint (sum->qualifier, ==, CA_QUALIFIER_AT_LEAST);

  g_assert_cmpuint (counts->len, ==, 3);
  g_assert_cmpstr (g_array_index (counts, CaMetricSum, 0).metric->id, ==, "output-value");
  g_assert_cmpstr (g_array_index (counts, CaMetricSum, 1).metric->id, ==, "projects");
  g_assert_cmpfloat (g_array_index (counts, CaMetricSum, 1).total, ==, 116.0);
  g_assert_cmpstr (g_array_index (counts, CaMetricSum, 2).metric->id, ==, "land");
}

static void
test_suggest (void)
{
  g_autoptr(CaDataset) dataset = load_good ("good-full.xml");
  g_autoptr(GPtrArray) near = ca_dataset_suggest_ids (dataset, "scp", 3);
  g_autoptr(GPtrArray) none = ca_dataset_suggest_ids (dataset, "zzzzzzzzzzzzzzzz", 3);

  g_assert_cmpuint (near->len, >=, 1);
  g_assert_cmpstr (near->pdata[0], ==, "scip");
  g_assert_cmpuint (near->len, <=, 3);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_bad (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  g_autofree char *name = g_build_filename ("bad", bad_fixtures[index].file, NULL);
  g_autofree char *path = fixture_path (name);
  g_autofree char *prefix = g_strdup_printf ("%s:%u:", path, bad_fixtures[index].line);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  gboolean found = FALSE;

  dataset = ca_dataset_load_file (path, NULL, NULL, NULL, &problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >, 0);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = ca_problem_format (problems->pdata[i]);

      g_test_message ("%s", line);
      if (g_str_has_prefix (line, prefix) && strstr (line, bad_fixtures[index].message) != NULL)
        found = TRUE;
    }
  if (!found)
    g_test_fail_printf ("no problem “%s…%s”", prefix, bad_fixtures[index].message);
}

/* The text of @text in exactly @lang, or NULL. */
static const char *
text_in (CaText      text,
         const char *lang)
{
  CaTextIter iter;

  ca_text_iter_init (&iter, &text);
  while (ca_text_iter_next (&iter))
    if (g_str_equal (iter.lang, lang))
      return iter.text;
  return NULL;
}

/* Version 2: quotes and notes by language, further sources with their own
 * quotes, a source's publishers by language, its archived copy and the
 * day it was read; figures without any of it have none. */
static void
test_sources_v2 (void)
{
  g_autoptr(CaDataset) dataset = load_good ("sources-v2.xml");
  const CaNode *sh = ca_dataset_lookup_node (dataset, "sh");
  const CaNode *park = ca_dataset_lookup_node (dataset, "park");
  const CaFigure *goal = ca_node_get_figure (sh, 0);
  const CaFigure *note_only = ca_node_get_figure (sh, 1);
  const CaFigure *plain = ca_node_get_figure (sh, 2);
  const CaSource *plan = ca_dataset_lookup_source (dataset, "src-plan");
  const CaSource *news = ca_dataset_lookup_source (dataset, "src-news");
  const CaSource *wire = ca_dataset_lookup_source (dataset, "src-wire");
  const char *lang = NULL;
  CaFigureSource cited;

  g_assert_true (goal->has_extra);
  g_assert_cmpuint (ca_node_get_figure_quotes (sh, goal).n_entries, ==, 2);
  g_assert_cmpstr (text_in (ca_node_get_figure_quotes (sh, goal), "en"), ==,
                   "By 2030, the output value of future industries will strive to reach about "
                   "RMB 500 billion.");
  g_assert_cmpstr (text_in (ca_node_get_figure_quotes (sh, goal), "zh-CN"), ==,
                   "到2030年，未来产业产值力争达到5000亿元左右。");
  g_assert_cmpstr (text_in (ca_node_get_figure_notes (sh, goal), "zh-CN"), ==,
                   "目标年份为方案的规划期末。");
  g_assert_cmpuint (ca_node_get_figure_n_sources (sh, goal), ==, 3);
  cited = ca_node_get_figure_source (sh, goal, 0);
  g_assert_true (cited.source == plan);
  g_assert_cmpuint (cited.quotes.n_entries, ==, 2);
  cited = ca_node_get_figure_source (sh, goal, 1);
  g_assert_true (cited.source == news);
  g_assert_cmpstr (text_in (cited.quotes, "zh-CN"), ==, "产值达到5000亿元左右");
  cited = ca_node_get_figure_source (sh, goal, 2);
  g_assert_true (cited.source == wire);
  g_assert_cmpuint (cited.quotes.n_entries, ==, 0);

  g_assert_cmpuint (ca_node_get_figure_quotes (sh, note_only).n_entries, ==, 0);
  g_assert_cmpuint (ca_node_get_figure_notes (sh, note_only).n_entries, ==, 1);
  g_assert_cmpuint (ca_node_get_figure_n_sources (sh, note_only), ==, 1);
  g_assert_false (plain->has_extra);
  g_assert_cmpuint (ca_node_get_figure_quotes (sh, plain).n_entries, ==, 0);
  g_assert_cmpuint (ca_node_get_figure_notes (sh, plain).n_entries, ==, 0);
  g_assert_cmpuint (ca_node_get_figure_n_sources (sh, plain), ==, 1);
  g_assert_true (ca_node_get_figure_source (sh, plain, 0).source == plan);
  /* A cite of a source declared anywhere; a figure with a cite only. */
  g_assert_cmpuint (ca_node_get_figure_n_sources (park, ca_node_get_figure (park, 1)), ==, 2);
  g_assert_true (ca_node_get_figure_source (park, ca_node_get_figure (park, 1), 1).source
                 == plan);
  g_assert_false (ca_node_get_figure (park, 0)->has_extra);

  g_assert_cmpstr (ca_source_get_publisher (plan, "zh-CN", &lang), ==, "市经济信息化委");
  g_assert_cmpstr (lang, ==, "zh-CN");
  g_assert_cmpstr (ca_source_get_publisher (plan, "zh-TW", &lang), ==, "市经济信息化委");
  /* Where the data has no name in the language, the source's own. */
  g_assert_cmpstr (ca_source_get_publisher (news, "zh-CN", &lang), ==, "中新网");
  g_assert_null (lang);
  g_assert_cmpstr (ca_source_get_publisher (news, "de", NULL), ==, "中新网");
  g_assert_cmpstr (ca_source_get_publisher (news, "en", NULL), ==, "China News Service");
  g_assert_cmpstr (ca_source_get_title (plan, "zh-CN", &lang), ==, "未来产业集群行动方案");
  g_assert_cmpstr (ca_source_get_title (news, "en", &lang), ==, "上海发布未来产业行动方案");
  g_assert_cmpstr (lang, ==, "zh-CN");
  g_assert_cmpstr (plan->archived, ==,
                   "https://web.archive.org/web/2023/https://example.org/plan.htm");
  g_assert_cmpint (plan->accessed.year, ==, 2025);
  g_assert_cmpint (plan->accessed.month, ==, 3);
  g_assert_cmpint (plan->accessed.day, ==, 1);
  g_assert_null (news->archived);
  g_assert_cmpint (news->accessed.year, ==, 0);
  g_assert_cmpuint (news->publishers.n_entries, ==, 1);
  g_assert_cmpuint (wire->publishers.n_entries, ==, 0);
}

/* A version-1 file loads as it did, without any of version 2. */
static void
test_version_1_plain (void)
{
  g_autoptr(CaDataset) dataset = load_good ("good-full.xml");
  const CaNode *node = NULL;
  guint with_extra = 0;

  for (guint r = 0; r < ca_dataset_get_n_roots (dataset); r++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, r);

      node = NULL;
      while ((node = ca_node_next_in_subtree (root, node)) != NULL)
        for (guint i = 0; i < ca_node_get_n_figures (node); i++)
          {
            const CaFigure *figure = ca_node_get_figure (node, i);

            with_extra += figure->has_extra;
            g_assert_cmpuint (ca_node_get_figure_n_sources (node, figure), ==, 1);
          }
    }
  g_assert_cmpuint (with_extra, ==, 0);
}

static void
test_keeps_previous (void)
{
  g_autoptr(CaDataset) dataset = load_good ("good-full.xml");
  g_autofree char *bad = fixture_path ("bad/metric-unknown.xml");
  g_autoptr(GError) error = NULL;
  CaDataset *refused;

  refused = ca_dataset_load_file (bad, NULL, NULL, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID);
  check_good_full (dataset);
}

/* Problems of rules are all collected, each with its line, in file order:
 * the references checked at the end are among the lines they name. */
static void
test_collects_problems (void)
{
  static const char doc[] =
    "<atlas xmlns='urn:cluster-atlas:1' version='1'>\n"
    "<metrics><metric id='m' kind='count'><name xml:lang='en'>M</name></metric></metrics>\n"
    "<region id='r' kind='x'><name xml:lang='en'>R</name>\n"
    "<count metric='m' value='-1' date='2024' source='s'/>\n"
    "<count metric='nope' value='1' date='2024-02-30' source='s'/>\n"
    "<region id='r' kind='y'><name xml:lang='en'>R2</name></region>\n"
    "</region></atlas>\n";
  const char *expected[] = {
    "doc.xml:4:1: “value” is negative (-1)",
    "doc.xml:4:1: the source “s” is not declared",
    "doc.xml:5:1: “2024-02-30” in “date” is not a date",
    "doc.xml:5:1: the metric “nope” is not declared",
    "doc.xml:5:1: the source “s” is not declared",
    "doc.xml:6:1: duplicate id “r” (first defined at line 3)",
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  CaDataset *dataset;

  dataset = ca_dataset_load_data (doc, strlen (doc), "doc.xml", &problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = ca_problem_format (problems->pdata[i]);

      g_assert_true (g_str_has_prefix (line, expected[i]));
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  CaDataset *dataset;

  dataset = ca_dataset_load_file ("/nonexistent/atlas.xml", NULL, NULL, NULL, &problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_IO);
  g_clear_error (&error);
  dataset = ca_dataset_load_file (g_getenv ("CA_FIXTURES"), NULL, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_IO);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_progress_and_cancel (void)
{
  g_autofree char *path = fixture_path ("good-full.xml");
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CaDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = ca_dataset_load_file (path, cancellable, progress_cb, fractions, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (fractions->len, >=, 1);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  g_clear_object (&dataset);
  g_cancellable_cancel (cancellable);
  dataset = ca_dataset_load_file (path, cancellable, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_CANCELLED);
}

static void
test_bundled (void)
{
  g_autofree char *path = ca_dataset_get_bundled_path ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;

  g_assert_true (g_str_has_suffix (path, "atlas.xml"));
  dataset = ca_dataset_load_file (path, NULL, NULL, NULL, &problems, &error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = ca_problem_format (problems->pdata[i]);

      g_test_message ("%s", line);
    }
  if (dataset == NULL)
    {
      g_test_fail_printf ("the bundled dataset is refused: %s", error->message);
      return;
    }
  g_assert_cmpuint (ca_dataset_get_n_nodes (dataset), >, 0);
  g_assert_cmpstr (ca_dataset_get_path (dataset), ==, path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();
  ca_i18n_set_language ("en");

  g_test_add_func ("/loader/good-full", test_good_full);
  g_test_add_func ("/loader/utf16-bom", test_utf16);
  g_test_add_func ("/loader/load-data", test_load_data);
  g_test_add_func ("/loader/names", test_names);
  g_test_add_func ("/loader/tree", test_tree);
  g_test_add_func ("/loader/compact-layout", test_compact_layout);
  g_test_add_func ("/loader/packed-texts", test_packed_texts);
  g_test_add_func ("/loader/sums", test_sums);
  g_test_add_func ("/loader/suggest", test_suggest);
  g_test_add_func ("/loader/sources-v2", test_sources_v2);
  g_test_add_func ("/loader/version-1-plain", test_version_1_plain);
  g_test_add_func ("/loader/keeps-previous", test_keeps_previous);
  g_test_add_func ("/loader/missing-file", test_missing_file);
  g_test_add_func ("/loader/collects-problems", test_collects_problems);
  g_test_add_func ("/loader/progress-and-cancel", test_progress_and_cancel);
  for (guint i = 0; i < G_N_ELEMENTS (bad_fixtures); i++)
    {
      g_autofree char *name = g_strdup (bad_fixtures[i].file);
      g_autofree char *test_path = NULL;

      *strrchr (name, '.') = '\0';
      test_path = g_strconcat ("/loader/bad/", name, NULL);
      g_test_add_data_func (test_path, GUINT_TO_POINTER (i), test_bad);
    }
  g_test_add_func ("/loader/bundled", test_bundled);
  return g_test_run ();
}
