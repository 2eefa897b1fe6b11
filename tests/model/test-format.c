/* test-format.c: numbers, dates and words in English and Chinese, and the
 * language switch they follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-format.h"
#include "ca-i18n.h"

static const CaTextEntry project_names[] = {
  { "en", "Projects" },
  { "zh-CN", "项目" },
};
static const CaTextEntry source_titles[] = {
  { "en", "Shanghai released the Action Plan" },
  { "zh-CN", "上海发布行动方案" },
};

static const CaMetric money = { "output-value", CA_METRIC_MONEY, "CNY", { 0, NULL } };
static const CaMetric dollars = { "usd", CA_METRIC_MONEY, "USD", { 0, NULL } };
static const CaMetric projects = { "projects", CA_METRIC_COUNT, NULL, { 2, project_names } };
static const CaMetric land = { "land", CA_METRIC_QUANTITY, "hectares", { 0, NULL } };
static const CaMetric tonnes = { "steel", CA_METRIC_QUANTITY, "吨", { 0, NULL } };
static const CaSource source = {
  "src", { 2022, 11, 23 }, "Shanghai Municipal Government Information Office", NULL,
  { 2, source_titles },
};

#define assert_format(call, expected) \
  G_STMT_START { \
    g_autofree char *s_ = (call); \
    g_assert_cmpstr (s_, ==, (expected)); \
  } G_STMT_END

/* Words come from the catalogue; before it is built they stay English. */
static gboolean
have_chinese_catalogue (void)
{
  return !g_str_equal (C_("qualifier", "about"), "about");
}

static void
test_numbers (void)
{
  ca_i18n_set_language ("en");
  assert_format (ca_format_number (16), "16");
  assert_format (ca_format_number (1234), "1,234");
  assert_format (ca_format_number (2.5), "2.5");
  assert_format (ca_format_number (1234567.891), "1,234,567.89");
  assert_format (ca_format_number (0), "0");
  assert_format (ca_format_number (-1500), "-1,500");
  assert_format (ca_format_percent (0.62), "62%");
  ca_i18n_set_language ("zh_CN");
  assert_format (ca_format_number (1234), "1,234");
  assert_format (ca_format_percent (0.62), "62%");
}

static void
test_values_english (void)
{
  ca_i18n_set_language ("en");
  assert_format (ca_format_value (&money, 500000000000), "CNY 500 billion");
  assert_format (ca_format_value (&money, 3500000), "CNY 3.5 million");
  assert_format (ca_format_value (&dollars, 12000000), "USD 12 million");
  assert_format (ca_format_value (&money, 1500000000000), "CNY 1.5 trillion");
  assert_format (ca_format_value (&money, 12000), "CNY 12,000");
  assert_format (ca_format_value (&projects, 120), "120 projects");
  assert_format (ca_format_value (&projects, 1), "1 project");
  assert_format (ca_format_value (&land, 2940), "2,940 hectares");
  assert_format (ca_format_axis_value (&money, 100000000000), "CNY 100 bn");
  assert_format (ca_format_axis_value (&projects, 120), "120");
  assert_format (ca_format_axis_unit (&money, 500000000000), "CNY billion");
  assert_format (ca_format_axis_unit (&money, 5000), "CNY");
  assert_format (ca_format_axis_unit (&projects, 120), "projects");
  assert_format (ca_format_axis_unit (&land, 3000000), "million hectares");
}

static void
test_values_chinese (void)
{
  ca_i18n_set_language ("zh_CN");
  assert_format (ca_format_value (&money, 500000000000), "5000亿元");
  assert_format (ca_format_value (&money, 350000000), "3.5亿元");
  assert_format (ca_format_value (&money, 3500000), "350万元");
  assert_format (ca_format_value (&money, 1500000000000), "1.5万亿元");
  assert_format (ca_format_value (&money, 5000), "5000元");
  assert_format (ca_format_value (&dollars, 12000000), "1200万美元");
  assert_format (ca_format_value (&projects, 120), "120个项目");
  assert_format (ca_format_value (&tonnes, 3500000), "350万吨");
  assert_format (ca_format_value (&land, 2940), "2940 hectares");
  assert_format (ca_format_axis_value (&money, 100000000000), "1000亿");
  assert_format (ca_format_axis_unit (&money, 500000000000), "亿元");
  assert_format (ca_format_axis_unit (&projects, 120), "个");
}

static void
test_qualifiers (void)
{
  CaFigure figure = { 0 };

  figure.metric = &money;
  figure.value = 500000000000;
  figure.qualifier = CA_QUALIFIER_ABOUT;

  g_assert_cmpstr (ca_format_qualifier_symbol (CA_QUALIFIER_EXACT), ==, "");
  g_assert_cmpstr (ca_format_qualifier_symbol (CA_QUALIFIER_ABOUT), ==, "≈");
  g_assert_cmpstr (ca_format_qualifier_symbol (CA_QUALIFIER_NEARLY), ==, "≲");
  g_assert_cmpstr (ca_format_qualifier_symbol (CA_QUALIFIER_AT_LEAST), ==, "≥");
  g_assert_cmpstr (ca_format_qualifier_symbol (CA_QUALIFIER_MORE_THAN), ==, ">");
  g_assert_cmpstr (ca_format_qualifier_symbol (CA_QUALIFIER_AT_MOST), ==, "≤");

  ca_i18n_set_language ("en");
  g_assert_cmpstr (ca_format_qualifier_word (CA_QUALIFIER_NEARLY), ==, "nearly");
  g_assert_cmpstr (ca_format_qualifier_word (CA_QUALIFIER_MORE_THAN), ==, "more than");
  assert_format (ca_format_figure_value (&figure), "≈ CNY 500 billion");
  assert_format (ca_format_figure_value_long (&figure), "about CNY 500 billion");
  figure.qualifier = CA_QUALIFIER_EXACT;
  assert_format (ca_format_figure_value_long (&figure), "CNY 500 billion");

  ca_i18n_set_language ("zh_CN");
  figure.qualifier = CA_QUALIFIER_ABOUT;
  assert_format (ca_format_figure_value (&figure), "≈5000亿元");
  if (!have_chinese_catalogue ())
    {
      g_test_skip ("the Chinese catalogue is not built: skipping translated words");
      return;
    }
  assert_format (ca_format_figure_value_long (&figure), "约5000亿元");
  g_assert_cmpstr (ca_format_qualifier_word (CA_QUALIFIER_NEARLY), ==, "近");
  g_assert_cmpstr (ca_format_qualifier_word (CA_QUALIFIER_AT_LEAST), ==, "至少");
  g_assert_cmpstr (ca_format_qualifier_word (CA_QUALIFIER_MORE_THAN), ==, "超过");
  g_assert_cmpstr (ca_format_qualifier_word (CA_QUALIFIER_AT_MOST), ==, "至多");
}

static void
test_dates (void)
{
  CaDate day = { 2024, 4, 7 };
  CaDate month = { 2024, 4, 0 };
  CaDate year = { 2024, 0, 0 };

  ca_i18n_set_language ("en");
  assert_format (ca_format_date (&day), "7 April 2024");
  assert_format (ca_format_date (&month), "April 2024");
  assert_format (ca_format_date (&year), "2024");
  assert_format (ca_format_date_iso (&day), "2024-04-07");
  assert_format (ca_format_date_iso (&month), "2024-04");
  assert_format (ca_format_date_iso (&year), "2024");
  assert_format (ca_format_period (2022, 2030), "2022–2030");
  assert_format (ca_format_period (2022, 0), "from 2022");
  assert_format (ca_format_period (0, 2030), "until 2030");
  assert_format (ca_format_period (0, 0), "");

  ca_i18n_set_language ("zh_CN");
  assert_format (ca_format_date (&day), "2024年4月7日");
  assert_format (ca_format_date (&month), "2024年4月");
  assert_format (ca_format_date (&year), "2024年");
  assert_format (ca_format_date_iso (&day), "2024-04-07");
  assert_format (ca_format_period (2022, 2030), "2022—2030年");
  assert_format (ca_format_period (2022, 0), "2022年起");
}

static void
test_words (void)
{
  ca_i18n_set_language ("en");
  g_assert_cmpstr (ca_format_status (CA_STATUS_ACTIVE), ==, "Active");
  g_assert_cmpstr (ca_format_status (CA_STATUS_NONE), ==, "");
  g_assert_cmpstr (ca_format_node_type (CA_NODE_PARK), ==, "Park");
  g_assert_cmpstr (ca_format_kind ("chemical-park"), ==, "Chemical park");
  g_assert_cmpstr (ca_format_kind ("new-area"), ==, "New area");
  g_assert_cmpstr (ca_format_kind ("innovation-centre"), ==, "Innovation centre");
  assert_format (ca_format_citation (&source),
                 "Shanghai Municipal Government Information Office, 23 November 2022, "
                 "“Shanghai released the Action Plan”");

  ca_i18n_set_language ("zh_CN");
  assert_format (ca_format_citation (&source),
                 "Shanghai Municipal Government Information Office，2022年11月23日，"
                 "《上海发布行动方案》");
  if (!have_chinese_catalogue ())
    {
      g_test_skip ("the Chinese catalogue is not built: skipping translated words");
      return;
    }
  g_assert_cmpstr (ca_format_status (CA_STATUS_ACTIVE), ==, "进行中");
  g_assert_cmpstr (ca_format_kind ("chemical-park"), ==, "化工园区");
}

static void
test_language (void)
{
  const char * const *available;
  g_autofree char *mo = NULL;

  ca_i18n_set_language ("zh-CN");
  g_assert_cmpstr (ca_i18n_get_language (), ==, "zh_CN");
  g_assert_cmpstr (ca_i18n_get_data_language (), ==, "zh-CN");
  g_assert_true (ca_i18n_is_chinese ());
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "zh_CN");

  ca_i18n_push_language ("en");
  g_assert_cmpstr (ca_i18n_get_language (), ==, "en");
  g_assert_false (ca_i18n_is_chinese ());
  ca_i18n_pop_language ();
  g_assert_cmpstr (ca_i18n_get_language (), ==, "zh_CN");

  ca_i18n_set_language (NULL);
  g_assert_true (g_str_equal (ca_i18n_get_language (), "en")
                 || g_str_equal (ca_i18n_get_language (), "zh_CN"));

  available = ca_i18n_get_available ();
  g_assert_cmpstr (available[0], ==, "en");
  mo = g_build_filename (ca_i18n_get_locale_dir (), "zh_CN", "LC_MESSAGES", "cluster-atlas.mo",
                         NULL);
  g_assert_true (g_strv_contains (available, "zh_CN") == g_file_test (mo, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (ca_i18n_get_native_name ("en"), ==, "English");
  g_assert_cmpstr (ca_i18n_get_native_name ("zh_CN"), ==, "简体中文");
  g_assert_cmpstr (ca_i18n_get_native_name ("de"), ==, "Deutsch");
  g_assert_cmpstr (ca_i18n_get_native_name ("ja"), ==, "日本語");
  g_test_message ("locale dir %s", ca_i18n_get_locale_dir ());
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();

  g_test_add_func ("/format/numbers", test_numbers);
  g_test_add_func ("/format/values-english", test_values_english);
  g_test_add_func ("/format/values-chinese", test_values_chinese);
  g_test_add_func ("/format/qualifiers", test_qualifiers);
  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/words", test_words);
  g_test_add_func ("/format/language", test_language);
  return g_test_run ();
}
