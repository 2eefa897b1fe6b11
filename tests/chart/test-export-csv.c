/* test-export-csv.c: the figures of a subtree as CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ca-csv.h"
#include "ca-dataset.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "chart-test-common.h"

/* The byte order mark first, so that Excel reads UTF-8. */
#define HEADER "\xEF\xBB\xBF" "node_id,node_path,kind,metric,value,unit,qualifier,year,date," \
               "source_id,source_publisher,source_date,source_title," \
               "reported_value,reported_date,share_reached,expected_value,expected_now," \
               "time_elapsed,status,quote,note\r\n"

/* The day the progress columns are computed for. */
static const CaDate today = { 2026, 3, 31 };

/* Quoting, doubled quotes, a line break kept inside a field, the shortest
 * exact values, tokens for qualifiers, ISO dates, CRLF line ends. */
static void
test_quoting (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("export-csv.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "park-a");
  g_autofree char *text = NULL;
  guint rows = 0;

  text = ca_csv_format_subtree (node, "en", &today, &rows);
  g_assert_cmpuint (rows, ==, 3);
  g_assert_cmpstr (text, ==,
    HEADER
    "park-a,\"Top, City / The \"\"A\"\" Park\",count,projects,16,,exact,2024,2024-04-07,"
    "src-plain,Baoshan District Government,2022-11,Report,,,,,,,,,\r\n"
    "park-a,\"Top, City / The \"\"A\"\" Park\",count,share,0.1,\"%, of output\",at-least,"
    "2024,2024-04,src-quote,\"Office of \"\"Future\"\"\nIndustries, Shanghai\",2024-04-07,"
    "\"Plan, with a comma\",,,,,,,,,\r\n"
    "park-a-plan,\"Top, City / The \"\"A\"\" Park / Plan A\",goal,projects,40,,more-than,"
    "2026,,src-plain,Baoshan District Government,2022-11,Report,,,,,,0.8157,no-report,,\r\n");
}

/* Cells a spreadsheet would run as formulas get an apostrophe, inside the
 * quotes when the cell is quoted; numbers, dates and tokens never do. */
static void
test_formulas (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("export-formula.xml");
  g_autofree char *top = ca_csv_format_subtree (ca_dataset_lookup_node (dataset, "top"),
                                                "en", &today, NULL);
  g_autofree char *minus = ca_csv_format_subtree (ca_dataset_lookup_node (dataset, "minus"),
                                                  "en", &today, NULL);

  g_assert_true (g_str_has_prefix (top, HEADER));
  g_assert_nonnull (strstr (top, "\r\ntop,'=SUM(A1:A9),goal,share,500000000000,'-1+2,about,"
                                 "2030,,src-at,'+cmd|' /C calc'!A0,2024-04-07,"
                                 "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\","));
  g_assert_nonnull (strstr (top, ",src-tab,'\t=1+1,2023,Plain title,,,,,,,,,\r\n"));
  /* The quote and the note (version 2), last, neutralised the same way. */
  g_assert_nonnull (strstr (top, ",no-report,\"'=2+2, said the plan\",\"'@note \"\"quoted\"\"\"\r\n"));
  g_assert_nonnull (strstr (top, ",src-cr,\"'\r=3+3\",2022,"));
  g_assert_nonnull (strstr (minus, "\r\nminus,'-Minus,count,count,3,,exact,2024,2024,"));
}

static void
test_values (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("export-csv.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "top");
  g_autofree char *text = ca_csv_format_subtree (node, "en", &today, NULL);

  /* 5e11 in full, not 5e+11 or 500000000000.00000; and no 0.10000000000000001. */
  g_assert_nonnull (strstr (text, ",goal,output-value,500000000000,CNY,about,2030,,"));
  g_assert_nonnull (strstr (text, ",count,output-value,123456789.25,CNY,nearly,2023,2023,"));
  g_assert_nonnull (strstr (text, ",share,0.1,"));
  g_assert_null (strstr (text, "0000000001"));
}

/* Names and titles follow the current language; the header never does. */
static void
test_language (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("export-csv.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "park-a");
  g_autofree char *text = NULL;

  /* Chinese by parameter, with the interface in English and left so. */
  text = ca_csv_format_subtree (node, "zh_CN", &today, NULL);
  g_assert_cmpstr (ca_i18n_get_language (), ==, "en");
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
  g_assert_true (g_str_has_prefix (text, HEADER));
  g_assert_nonnull (strstr (text, "park-a,顶市 / 甲园区,count,"));
  g_assert_nonnull (strstr (text, ",2024-04-07,行动方案,,,,,,,,,\r\n"));
  /* A name missing in Chinese falls back to English. */
  g_assert_nonnull (strstr (text, "park-a-plan,顶市 / 甲园区 / Plan A,goal,"));
}

/* The quote and the note of each figure, in the language asked for where
 * the figure has it, else in the one it has; empty where it has none. */
static void
test_quote_and_note (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("sources-v2.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "sh");
  g_autofree char *en = ca_csv_format_subtree (node, "en", &today, NULL);
  g_autofree char *zh = ca_csv_format_subtree (node, "zh_CN", &today, NULL);

  g_assert_nonnull (strstr (en, ",\"By 2030, the output value of future industries will strive to "
                                "reach about RMB 500 billion.\",The due year is the plan's "
                                "horizon.\r\n"));
  g_assert_nonnull (strstr (zh, ",到2030年，未来产业产值力争达到5000亿元左右。,"
                                "目标年份为方案的规划期末。\r\n"));
  /* A note without a quote; a quote in English only, for Chinese too. */
  g_assert_nonnull (strstr (zh, ",,The article counts firms and institutes together.\r\n"));
  g_assert_nonnull (strstr (zh, ",60 firms have settled.,\r\n"));
  /* A figure with neither. */
  g_assert_nonnull (strstr (en, ",src-plan,Municipal Commission,2022-11-23,"
                                "The action plan for future industries,,,,,,,,,\r\n"));
}

/* Counts the records of @text, honouring quoted line breaks. */
static guint
count_records (const char *text)
{
  gboolean quoted = FALSE;
  guint records = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && p[0] == '\r' && p[1] == '\n')
        {
          records++;
          p++;
        }
      else if (!quoted)
        g_assert_true (*p != '\r' && *p != '\n');
    }
  g_assert_false (quoted);
  return records;
}

/* One row per figure under every node of the bundled dataset. */
static void
test_bundled_counts (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();

  for (guint r = 0; r < ca_dataset_get_n_roots (dataset); r++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, r);

      for (const CaNode *n = ca_node_next_in_subtree (root, NULL); n != NULL;
           n = ca_node_next_in_subtree (root, n))
        {
          guint expected = 0, rows = 0;
          g_autofree char *text = ca_csv_format_subtree (n, "en", &today, &rows);

          for (const CaNode *m = ca_node_next_in_subtree (n, NULL); m != NULL;
               m = ca_node_next_in_subtree (n, m))
            expected += ca_node_get_n_figures (m);
          g_assert_cmpuint (rows, ==, expected);
          g_assert_cmpuint (count_records (text), ==, expected + 1);
          g_assert_true (g_utf8_validate (text, -1, NULL));
        }
    }
}

static void
test_write (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("export-csv.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "top");
  g_autofree char *folder = g_dir_make_tmp ("ca-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "figures.csv", NULL);
  g_autofree char *missing = g_build_filename (folder, "no", "figures.csv", NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = ca_csv_format_subtree (node, "en", &today, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ca_csv_write_figures (node, "en", &today, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  g_assert_false (ca_csv_write_subtree (node, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* A list of figures, as the Figures page exports its rows: one row each in
 * the order given (not the tree's), the same cells as the subtree's rows;
 * an empty list is the header alone; and the file is written whole. */
static void
test_list (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("export-csv.xml");
  const CaNode *park = ca_dataset_lookup_node (dataset, "park-a");
  const CaNode *plan = ca_dataset_lookup_node (dataset, "park-a-plan");
  CaFigureRef refs[] = {
    { plan, ca_node_get_figure (plan, 0) },
    { park, ca_node_get_figure (park, 1) },
    { park, ca_node_get_figure (park, 0) },
  };
  g_autofree char *subtree = ca_csv_format_subtree (park, "en", &today, NULL);
  g_autofree char *list = ca_csv_format_list (refs, G_N_ELEMENTS (refs), "en", &today);
  g_autofree char *empty = ca_csv_format_list (NULL, 0, "en", &today);
  g_auto(GStrv) subtree_lines = g_strsplit (subtree + strlen (HEADER), "\r\n", -1);
  g_auto(GStrv) list_lines = g_strsplit (list + strlen (HEADER), "\r\n", -1);
  g_autofree char *dir = g_dir_make_tmp ("ca-csv-list-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "figures.csv", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (empty, ==, HEADER);
  g_assert_true (g_str_has_prefix (list, HEADER));
  g_assert_cmpuint (g_strv_length (list_lines), ==, 4);   /* three rows and "" */
  g_assert_cmpstr (list_lines[0], ==, subtree_lines[2]);
  g_assert_cmpstr (list_lines[1], ==, subtree_lines[1]);
  g_assert_cmpstr (list_lines[2], ==, subtree_lines[0]);

  g_assert_true (ca_csv_write_list (refs, G_N_ELEMENTS (refs), "en", &today, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, list);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();
  ca_i18n_set_language ("en");

  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/formulas", test_formulas);
  g_test_add_func ("/csv/quote-and-note", test_quote_and_note);
  g_test_add_func ("/csv/values", test_values);
  g_test_add_func ("/csv/language", test_language);
  g_test_add_func ("/csv/bundled-counts", test_bundled_counts);
  g_test_add_func ("/csv/write", test_write);
  g_test_add_func ("/csv/list", test_list);

  return g_test_run ();
}
