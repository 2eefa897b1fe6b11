/* test-facets.c: the Figures page's table, facets and counts (ca-facets.h)
 *
 * A small dataset written here, whose every count the tests can work out by
 * hand: two roots, tags on some nodes, goals and counts of two metrics
 * from two sources over three years.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ca-dataset.h"
#include "ca-facets.h"
#include "ca-node.h"

static const char atlas[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">\n"
  " <title xml:lang=\"en\">Facets</title>\n"
  " <metrics>\n"
  "  <metric id=\"firms\" kind=\"count\"><name xml:lang=\"en\">Firms</name>"
  "<name xml:lang=\"zh-CN\">企业</name></metric>\n"
  "  <metric id=\"area\" kind=\"quantity\" unit=\"m²\"><name xml:lang=\"en\">Area</name>"
  "</metric>\n"
  " </metrics>\n"
  " <sources>\n"
  "  <source id=\"s1\" published=\"2024-01-02\" publisher=\"Zeta Daily\">"
  "<title xml:lang=\"en\">One</title></source>\n"
  "  <source id=\"s2\" published=\"2023-05-06\" publisher=\"Alpha News\">"
  "<title xml:lang=\"en\">Two</title></source>\n"
  " </sources>\n"
  " <region id=\"cn\" kind=\"country\"><name xml:lang=\"en\">China</name>\n"
  "  <region id=\"sh\" kind=\"municipality\"><name xml:lang=\"en\">Shanghai</name>\n"
  "   <count metric=\"firms\" value=\"40\" date=\"2024-03-01\" source=\"s1\"/>\n"
  "   <tag>materials</tag>\n"
  "   <park id=\"bs\" kind=\"hi-tech-park\"><name xml:lang=\"en\">Baoshan Park</name>\n"
  "    <goal metric=\"firms\" value=\"100\" year=\"2030\" source=\"s1\"/>\n"
  "    <count metric=\"firms\" value=\"60\" date=\"2024-06-01\" source=\"s2\"/>\n"
  "    <count metric=\"area\" value=\"5\" date=\"2023-01-01\" source=\"s2\"/>\n"
  "    <tag>materials</tag><tag>robotics</tag>\n"
  "   </park>\n"
  "  </region>\n"
  "  <region id=\"js\" kind=\"province\"><name xml:lang=\"en\">Jiangsu</name>\n"
  "   <goal metric=\"area\" value=\"7\" year=\"2030\" source=\"s2\"/>\n"
  "   <tag>robotics</tag>\n"
  "  </region>\n"
  " </region>\n"
  " <region id=\"de\" kind=\"country\"><name xml:lang=\"en\">Germany</name>\n"
  "  <count metric=\"firms\" value=\"9\" date=\"2024\" source=\"s1\"/>\n"
  " </region>\n"
  "</atlas>\n";

static CaDataset *dataset;
static const CaDate today = { 2025, 1, 1 };

static CaFigureTable *
new_table (const char *scope)
{
  return ca_figure_table_new (dataset,
                              scope != NULL ? ca_dataset_lookup_node (dataset, scope) : NULL,
                              "en", &today);
}

/* The count of @key in @facet. */
static guint
count_of (CaFigureTable       *table,
          const CaFacetResult *result,
          CaFacet              facet,
          const char          *key)
{
  guint value;

  if (!ca_figure_table_lookup_value (table, facet, key, &value))
    return 0;
  return g_array_index (result->counts[facet], guint, value);
}

/* The rows' node ids and values, "sh:40 bs:60". */
static char *
describe (CaFigureTable *table,
          const GArray  *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      guint row = g_array_index (rows, guint, i);

      g_string_append_printf (out, "%s%s:%g", i > 0 ? " " : "",
                              ca_node_get_id (ca_figure_table_get_node (table, row)),
                              ca_figure_table_get_figure (table, row)->value);
    }
  return g_string_free (out, FALSE);
}

static char *
apply_described (CaFigureTable       *table,
                 const CaFacetFilter *filter)
{
  g_autoptr(CaFacetResult) result = ca_figure_table_apply (table, filter);

  return describe (table, result->rows);
}

static void
test_table (void)
{
  CaFigureTable *table = new_table (NULL);
  g_autoptr(CaFacetFilter) filter = ca_facet_filter_new ();
  g_autofree char *all = NULL;
  CaProgressStatus status;
  guint value;

  g_assert_cmpuint (ca_figure_table_get_n_rows (table), ==, 6);
  all = apply_described (table, filter);
  g_assert_cmpstr (all, ==, "sh:40 bs:100 bs:60 bs:5 js:7 de:9");
  /* A goal has a status, a count none. */
  g_assert_true (ca_figure_table_get_status (table, 1, &status));
  g_assert_cmpint (status, ==, CA_PROGRESS_NO_BASELINE);
  g_assert_false (ca_figure_table_get_status (table, 0, &status));
  /* The branch is the node just below a root, or the root itself. */
  g_assert_true (ca_figure_table_lookup_value (table, CA_FACET_BRANCH, "sh", &value));
  g_assert_true (ca_figure_table_get_value_data (table, CA_FACET_BRANCH, value) ==
                 ca_dataset_lookup_node (dataset, "sh"));
  g_assert_true (ca_figure_table_lookup_value (table, CA_FACET_BRANCH, "de", NULL));
  g_assert_false (ca_figure_table_lookup_value (table, CA_FACET_BRANCH, "bs", NULL));
  g_assert_false (ca_figure_table_lookup_value (table, CA_FACET_BRANCH, "cn", NULL));
  g_assert_cmpuint (ca_figure_table_get_n_values (table, CA_FACET_YEAR), ==, 3);
  ca_figure_table_free (table);

  /* A branch holds its own figures and those below. */
  table = new_table ("sh");
  g_clear_pointer (&all, g_free);
  all = apply_described (table, filter);
  g_assert_cmpstr (all, ==, "sh:40 bs:100 bs:60 bs:5");
  ca_figure_table_free (table);
}

/* With nothing chosen, every value counts every figure that has it. */
static void
test_counts_unfiltered (void)
{
  CaFigureTable *table = new_table (NULL);
  g_autoptr(CaFacetFilter) filter = ca_facet_filter_new ();
  g_autoptr(CaFacetResult) result = ca_figure_table_apply (table, filter);

  g_assert_cmpuint (count_of (table, result, CA_FACET_TAG, "materials"), ==, 4);
  g_assert_cmpuint (count_of (table, result, CA_FACET_TAG, "robotics"), ==, 4);
  g_assert_cmpuint (count_of (table, result, CA_FACET_METRIC, "firms"), ==, 4);
  g_assert_cmpuint (count_of (table, result, CA_FACET_METRIC, "area"), ==, 2);
  g_assert_cmpuint (count_of (table, result, CA_FACET_KIND, "goal"), ==, 2);
  g_assert_cmpuint (count_of (table, result, CA_FACET_KIND, "count"), ==, 4);
  /* bs's goal has a report but no baseline; js's goal no report. */
  g_assert_cmpuint (count_of (table, result, CA_FACET_STATUS, "no-baseline"), ==, 1);
  g_assert_cmpuint (count_of (table, result, CA_FACET_STATUS, "no-report"), ==, 1);
  g_assert_cmpuint (count_of (table, result, CA_FACET_YEAR, "2024"), ==, 3);
  g_assert_cmpuint (count_of (table, result, CA_FACET_YEAR, "2030"), ==, 2);
  g_assert_cmpuint (count_of (table, result, CA_FACET_SOURCE, "s1"), ==, 3);
  g_assert_cmpuint (count_of (table, result, CA_FACET_BRANCH, "sh"), ==, 4);
  g_assert_cmpuint (count_of (table, result, CA_FACET_BRANCH, "js"), ==, 1);
  ca_figure_table_free (table);
}

/* Two values of one facet: either; two facets: both. */
static void
test_or_within_and_across (void)
{
  CaFigureTable *table = new_table (NULL);
  g_autoptr(CaFacetFilter) filter = ca_facet_filter_new ();
  g_autofree char *one = NULL, *two = NULL, *both = NULL, *none = NULL;

  g_assert_true (ca_facet_filter_set (filter, CA_FACET_YEAR, "2030", TRUE));
  g_assert_false (ca_facet_filter_set (filter, CA_FACET_YEAR, "2030", TRUE));
  one = apply_described (table, filter);
  g_assert_cmpstr (one, ==, "bs:100 js:7");
  ca_facet_filter_set (filter, CA_FACET_YEAR, "2023", TRUE);
  two = apply_described (table, filter);
  g_assert_cmpstr (two, ==, "bs:100 bs:5 js:7");
  ca_facet_filter_set (filter, CA_FACET_TAG, "materials", TRUE);
  both = apply_described (table, filter);
  g_assert_cmpstr (both, ==, "bs:100 bs:5");
  /* A key the table does not have matches nothing, and does not widen. */
  ca_facet_filter_set (filter, CA_FACET_SOURCE, "no-such-source", TRUE);
  none = apply_described (table, filter);
  g_assert_cmpstr (none, ==, "");
  g_assert_true (ca_facet_filter_set (filter, CA_FACET_SOURCE, "no-such-source", FALSE));
  g_assert_false (ca_facet_filter_is_empty (filter));
  g_assert_true (ca_facet_filter_clear (filter));
  g_assert_true (ca_facet_filter_is_empty (filter));
  g_assert_false (ca_facet_filter_clear (filter));
  ca_figure_table_free (table);
}

/* Each facet's counts leave out its own filter and apply the others. */
static void
test_counts_follow_filter (void)
{
  CaFigureTable *table = new_table (NULL);
  g_autoptr(CaFacetFilter) filter = ca_facet_filter_new ();
  g_autoptr(CaFacetResult) result = NULL;

  ca_facet_filter_set (filter, CA_FACET_KIND, "goal", TRUE);
  ca_facet_filter_set (filter, CA_FACET_TAG, "robotics", TRUE);
  result = ca_figure_table_apply (table, filter);
  g_assert_cmpuint (result->rows->len, ==, 2);
  /* Kind under the tag alone: robotics's nodes have 2 goals, 2 counts. */
  g_assert_cmpuint (count_of (table, result, CA_FACET_KIND, "goal"), ==, 2);
  g_assert_cmpuint (count_of (table, result, CA_FACET_KIND, "count"), ==, 2);
  /* Tags under the kind alone: the goals are bs's (materials, robotics)
   * and js's (robotics). */
  g_assert_cmpuint (count_of (table, result, CA_FACET_TAG, "materials"), ==, 1);
  g_assert_cmpuint (count_of (table, result, CA_FACET_TAG, "robotics"), ==, 2);
  /* Other facets under both filters. */
  g_assert_cmpuint (count_of (table, result, CA_FACET_METRIC, "firms"), ==, 1);
  g_assert_cmpuint (count_of (table, result, CA_FACET_METRIC, "area"), ==, 1);
  g_assert_cmpuint (count_of (table, result, CA_FACET_BRANCH, "de"), ==, 0);
  g_assert_cmpuint (count_of (table, result, CA_FACET_YEAR, "2024"), ==, 0);
  ca_figure_table_free (table);
}

/* The text matches nodes by ca-match.c's rule: names, ids and tags, case
 * and width folded, every word. */
static void
test_text (void)
{
  CaFigureTable *table = new_table (NULL);
  g_autoptr(CaFacetFilter) filter = ca_facet_filter_new ();
  g_autofree char *park = NULL, *wide = NULL, *words = NULL, *tag = NULL, *none = NULL;
  g_autoptr(CaFacetResult) result = NULL;

  g_assert_false (ca_facet_filter_set_text (filter, "   "));
  g_assert_null (ca_facet_filter_get_text (filter));
  g_assert_true (ca_facet_filter_set_text (filter, "baoshan"));
  park = apply_described (table, filter);
  g_assert_cmpstr (park, ==, "bs:100 bs:60 bs:5");
  ca_facet_filter_set_text (filter, "ＢＡＯＳＨＡＮ");
  wide = apply_described (table, filter);
  g_assert_cmpstr (wide, ==, "bs:100 bs:60 bs:5");
  ca_facet_filter_set_text (filter, "park robot");
  words = apply_described (table, filter);
  g_assert_cmpstr (words, ==, "bs:100 bs:60 bs:5");
  ca_facet_filter_set_text (filter, "robotics");
  tag = apply_described (table, filter);
  g_assert_cmpstr (tag, ==, "bs:100 bs:60 bs:5 js:7");
  /* With a facet: AND; the facet's counts under the text. */
  ca_facet_filter_set (filter, CA_FACET_METRIC, "area", TRUE);
  result = ca_figure_table_apply (table, filter);
  g_assert_cmpuint (result->rows->len, ==, 2);
  g_assert_cmpuint (count_of (table, result, CA_FACET_METRIC, "firms"), ==, 2);
  ca_facet_filter_set_text (filter, "nowhere");
  none = apply_described (table, filter);
  g_assert_cmpstr (none, ==, "");
  ca_figure_table_free (table);
}

static char *
sorted (CaFigureTable  *table,
        CaFigureColumn  column,
        gboolean        descending)
{
  g_autoptr(CaFacetFilter) filter = ca_facet_filter_new ();
  g_autoptr(CaFacetResult) result = ca_figure_table_apply (table, filter);

  ca_figure_table_sort (table, result->rows, column, descending);
  return describe (table, result->rows);
}

static void
test_sort (void)
{
  CaFigureTable *table = new_table (NULL);
  struct {
    CaFigureColumn  column;
    gboolean        descending;
    const char     *expected;
  } cases[] = {
    /* Numbers as numbers: 100 after 60, 9 before 40. */
    { CA_FIGURE_COLUMN_VALUE, FALSE, "bs:5 js:7 de:9 sh:40 bs:60 bs:100" },
    { CA_FIGURE_COLUMN_VALUE, TRUE, "bs:100 bs:60 sh:40 de:9 js:7 bs:5" },
    /* Names by collation, ties in the table's order either way. */
    { CA_FIGURE_COLUMN_NODE, FALSE, "bs:100 bs:60 bs:5 de:9 js:7 sh:40" },
    { CA_FIGURE_COLUMN_NODE, TRUE, "sh:40 js:7 de:9 bs:100 bs:60 bs:5" },
    { CA_FIGURE_COLUMN_PATH, FALSE, "js:7 sh:40 bs:100 bs:60 bs:5 de:9" },
    { CA_FIGURE_COLUMN_METRIC, FALSE, "bs:5 js:7 sh:40 bs:100 bs:60 de:9" },
    { CA_FIGURE_COLUMN_KIND, FALSE, "bs:100 js:7 sh:40 bs:60 bs:5 de:9" },
    /* Dates by day; a year alone stands for its last day. */
    { CA_FIGURE_COLUMN_DATE, FALSE, "bs:5 sh:40 bs:60 de:9 bs:100 js:7" },
    /* By publisher: Alpha News (s2) before Zeta Daily (s1). */
    { CA_FIGURE_COLUMN_SOURCE, FALSE, "bs:60 bs:5 js:7 sh:40 bs:100 de:9" },
    /* Counts have no status: last, also descending. */
    { CA_FIGURE_COLUMN_STATUS, TRUE, "bs:100 js:7 sh:40 bs:60 bs:5 de:9" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sorted (table, cases[i].column, cases[i].descending);

      g_test_message ("column %d, %s", cases[i].column, cases[i].descending ? "down" : "up");
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  ca_figure_table_free (table);
}

static gboolean
has_id (GHashTable *nodes,
        const char *id)
{
  return g_hash_table_contains (nodes, ca_dataset_lookup_node (dataset, id));
}

/* The narrowed tree: the nodes of the rows and their ancestors, no more. */
static void
test_tree_nodes (void)
{
  CaFigureTable *table = new_table (NULL);
  g_autoptr(CaFacetFilter) filter = ca_facet_filter_new ();
  g_autoptr(CaFacetResult) result = NULL;
  g_autoptr(GHashTable) nodes = NULL;
  g_autoptr(GHashTable) empty = NULL;
  g_autoptr(CaFacetResult) none = NULL;

  ca_facet_filter_set (filter, CA_FACET_METRIC, "area", TRUE);
  ca_facet_filter_set (filter, CA_FACET_KIND, "count", TRUE);
  result = ca_figure_table_apply (table, filter);
  nodes = ca_figure_table_collect_nodes (table, result->rows);
  g_assert_cmpuint (g_hash_table_size (nodes), ==, 3);
  g_assert_true (has_id (nodes, "bs"));
  g_assert_true (has_id (nodes, "sh"));
  g_assert_true (has_id (nodes, "cn"));
  g_assert_false (has_id (nodes, "js"));
  g_assert_false (has_id (nodes, "de"));

  ca_facet_filter_set_text (filter, "nowhere");
  none = ca_figure_table_apply (table, filter);
  empty = ca_figure_table_collect_nodes (table, none->rows);
  g_assert_cmpuint (g_hash_table_size (empty), ==, 0);
  ca_figure_table_free (table);
}

/* A filter keeps keys in the order chosen, copies whole, and tokens read back. */
static void
test_filter (void)
{
  g_autoptr(CaFacetFilter) filter = ca_facet_filter_new ();
  g_autoptr(CaFacetFilter) copy = NULL;
  CaFacet facet;

  ca_facet_filter_set (filter, CA_FACET_TAG, "b", TRUE);
  ca_facet_filter_set (filter, CA_FACET_TAG, "a", TRUE);
  ca_facet_filter_set_text (filter, " x ");
  copy = ca_facet_filter_copy (filter);
  ca_facet_filter_clear (filter);
  g_assert_cmpuint (ca_facet_filter_get_n_keys (copy, CA_FACET_TAG), ==, 2);
  g_assert_cmpstr (ca_facet_filter_get_key (copy, CA_FACET_TAG, 0), ==, "b");
  g_assert_cmpstr (ca_facet_filter_get_key (copy, CA_FACET_TAG, 1), ==, "a");
  g_assert_cmpstr (ca_facet_filter_get_text (copy), ==, "x");
  for (guint f = 0; f < CA_N_FACETS; f++)
    {
      g_assert_true (ca_facet_from_token (ca_facet_to_token (f), &facet));
      g_assert_cmpint (facet, ==, f);
    }
  g_assert_false (ca_facet_from_token ("colour", &facet));
  g_assert_false (ca_facet_from_token (NULL, &facet));
}

/* Chinese names: sorted by pinyin in Chinese (宝山 baoshan, 德国 deguo,
 * 上海 shanghai; in code point order 上 comes first), and found by pinyin
 * and initials as the window's search finds them. */
static const char chinese_atlas[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">\n"
  " <metrics><metric id=\"firms\" kind=\"count\"><name xml:lang=\"zh-CN\">企业</name>"
  "</metric></metrics>\n"
  " <sources><source id=\"s\" published=\"2024-01-02\" publisher=\"P\">"
  "<title xml:lang=\"zh-CN\">T</title></source></sources>\n"
  " <region id=\"sh\" kind=\"municipality\"><name xml:lang=\"zh-CN\">上海</name>\n"
  "  <count metric=\"firms\" value=\"1\" date=\"2024\" source=\"s\"/></region>\n"
  " <region id=\"bs\" kind=\"district\"><name xml:lang=\"zh-CN\">宝山</name>\n"
  "  <count metric=\"firms\" value=\"2\" date=\"2024\" source=\"s\"/></region>\n"
  " <region id=\"de\" kind=\"country\"><name xml:lang=\"zh-CN\">德国</name>\n"
  "  <count metric=\"firms\" value=\"3\" date=\"2024\" source=\"s\"/></region>\n"
  "</atlas>\n";

static void
test_chinese (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) chinese = ca_dataset_load_data (chinese_atlas, strlen (chinese_atlas),
                                                       "chinese.xml", NULL, &error);
  CaFigureTable *table;
  g_autoptr(CaFacetFilter) filter = ca_facet_filter_new ();
  g_autofree char *up = NULL, *pinyin = NULL, *initials = NULL, *traditional = NULL;

  g_assert_no_error (error);
  table = ca_figure_table_new (chinese, NULL, "zh_CN", &today);
  up = sorted (table, CA_FIGURE_COLUMN_NODE, FALSE);
  g_assert_cmpstr (up, ==, "bs:2 de:3 sh:1");
  ca_facet_filter_set_text (filter, "baoshan");
  pinyin = apply_described (table, filter);
  g_assert_cmpstr (pinyin, ==, "bs:2");
  ca_facet_filter_set_text (filter, "dg");
  initials = apply_described (table, filter);
  g_assert_cmpstr (initials, ==, "de:3");
  ca_facet_filter_set_text (filter, "寶山");
  traditional = apply_described (table, filter);
  g_assert_cmpstr (traditional, ==, "bs:2");
  ca_figure_table_free (table);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  dataset = ca_dataset_load_data (atlas, strlen (atlas), "facets.xml", NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/facets/table", test_table);
  g_test_add_func ("/facets/counts-unfiltered", test_counts_unfiltered);
  g_test_add_func ("/facets/or-within-and-across", test_or_within_and_across);
  g_test_add_func ("/facets/counts-follow-filter", test_counts_follow_filter);
  g_test_add_func ("/facets/text", test_text);
  g_test_add_func ("/facets/sort", test_sort);
  g_test_add_func ("/facets/tree-nodes", test_tree_nodes);
  g_test_add_func ("/facets/filter", test_filter);
  g_test_add_func ("/facets/chinese", test_chinese);
  status = g_test_run ();
  g_object_unref (dataset);
  return status;
}
