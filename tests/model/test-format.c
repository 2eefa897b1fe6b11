/* test-format.c: numbers, dates and words in English and Chinese, each in
 * the language it is given whatever the interface's; the catalogue reader;
 * the interface language switch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "ca-catalog.h"
#include "ca-format.h"
#include "ca-i18n.h"

/* Packed as the loader packs them: each language, the length of its text
 * in bytes (as an octal escape), the text. */
static const char project_names[] = "en\0\010Projects\0zh-CN\0\006项目";
static const char source_titles[] = "en\0\041Shanghai released the Action Plan\0"
                                    "zh-CN\0\030上海发布行动方案";

static const CaMetric money = { "output-value", CA_METRIC_MONEY, "CNY", { NULL, 0 } };
static const CaMetric dollars = { "usd", CA_METRIC_MONEY, "USD", { NULL, 0 } };
static const CaMetric projects = { "projects", CA_METRIC_COUNT, NULL, { project_names, 2 } };
static const CaMetric land = { "land", CA_METRIC_QUANTITY, "hectares", { NULL, 0 } };
static const CaMetric tonnes = { "steel", CA_METRIC_QUANTITY, "吨", { NULL, 0 } };
static const CaMetric area = { "area", CA_METRIC_QUANTITY, "square metres", { NULL, 0 } };
static const CaMetric widgets = { "widgets", CA_METRIC_QUANTITY, "widget units", { NULL, 0 } };
static const CaSource source = {
  "src", { 2022, 11, 23 }, "Shanghai Municipal Government Information Office", NULL,
  { source_titles, 2 },
};
/* A source in English only, and one with its publisher in Chinese too. */
static const char english_title[] = "en\0\020Efforts to build";
static const char chinese_publisher[] = "zh-CN\0\017上海市政府";
static const CaSource english_source = {
  "src-en", { 2022, 6, 30 }, "ECHEMI", NULL, { english_title, 1 },
};
static const CaSource translated_source = {
  "src-pub", { 2022, 6, 30 }, "Shanghai Government", NULL, { english_title, 1 },
  { chinese_publisher, 1 },
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
  return !g_str_equal (ca_i18n_pgettext ("zh_CN", "qualifier", "about"), "about");
}

/* Whether the Chinese catalogue translates a message yet: new messages
 * wait for a translator, and their assertions until then. */
static gboolean
chinese_has (const char *context,
             const char *msgid)
{
  const char *text = ca_i18n_pgettext ("zh_CN", context, msgid);

  if (text != msgid)
    return TRUE;
  g_test_skip_printf ("“%s” is not translated into zh_CN yet", msgid);
  return FALSE;
}

/* The formatting below runs with the interface in the other language: the
 * parameter decides, and the process is left as it was. */
static void
set_interface (const char *lang)
{
  ca_i18n_set_language (lang);
  g_assert_cmpstr (ca_i18n_get_language (), ==, lang);
}

static void
assert_interface (const char *lang)
{
  g_assert_cmpstr (ca_i18n_get_language (), ==, lang);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, lang);
}

static void
test_numbers (void)
{
  assert_format (ca_format_number (16), "16");
  assert_format (ca_format_number (1234), "1,234");
  assert_format (ca_format_number (2.5), "2.5");
  assert_format (ca_format_number (1234567.891), "1,234,567.89");
  assert_format (ca_format_number (0), "0");
  assert_format (ca_format_number (-1500), "-1,500");
  assert_format (ca_format_percent (0.62), "62%");
}

static void
test_values_english (void)
{
  set_interface ("zh_CN");
  assert_format (ca_format_value ("en", &money, 500000000000), "CNY 500 billion");
  assert_format (ca_format_value ("en", &money, 3500000), "CNY 3.5 million");
  assert_format (ca_format_value ("en", &dollars, 12000000), "USD 12 million");
  assert_format (ca_format_value ("en", &money, 1500000000000), "CNY 1.5 trillion");
  assert_format (ca_format_value ("en", &money, 12000), "CNY 12,000");
  assert_format (ca_format_value ("en", &projects, 120), "120 projects");
  assert_format (ca_format_value ("en", &projects, 1), "1 project");
  assert_format (ca_format_value ("en", &land, 2940), "2,940 hectares");
  assert_format (ca_format_axis_value ("en", &money, 100000000000), "CNY 100 bn");
  assert_format (ca_format_axis_value ("en", &projects, 120), "120");
  /* An axis writes every tick in the scale of its top. */
  assert_format (ca_format_axis_tick ("en", &land, 0, 1000000), "0");
  assert_format (ca_format_axis_tick ("en", &land, 500000, 1000000), "0.5 m");
  assert_format (ca_format_axis_tick ("en", &land, 1000000, 1000000), "1 m");
  assert_format (ca_format_axis_tick ("en", &money, 50000000, 150000000), "CNY 50 m");
  assert_format (ca_format_axis_tick ("en", &money, 500000000, 1500000000), "CNY 0.5 bn");
  assert_format (ca_format_axis_tick ("en", &projects, 500, 1000), "500");
  assert_format (ca_format_axis_unit ("en", &money, 500000000000), "CNY billion");
  assert_format (ca_format_axis_unit ("en", &money, 5000), "CNY");
  assert_format (ca_format_axis_unit ("en", &projects, 120), "projects");
  assert_format (ca_format_axis_unit ("en", &land, 3000000), "million hectares");
  assert_interface ("zh_CN");
}

static void
test_values_chinese (void)
{
  set_interface ("en");
  assert_format (ca_format_value ("zh_CN", &money, 500000000000), "5000亿元");
  assert_format (ca_format_value ("zh_CN", &money, 350000000), "3.5亿元");
  assert_format (ca_format_value ("zh_CN", &money, 3500000), "350万元");
  assert_format (ca_format_value ("zh_CN", &money, 1500000000000), "1.5万亿元");
  assert_format (ca_format_value ("zh_CN", &money, 5000), "5000元");
  assert_format (ca_format_value ("zh_CN", &dollars, 12000000), "1200万美元");
  assert_format (ca_format_value ("zh_CN", &projects, 120), "120个项目");
  assert_format (ca_format_value ("zh_CN", &tonnes, 3500000), "350万吨");
  /* A common unit in the interface's words; any other as the data has it. */
  assert_format (ca_format_value ("zh_CN", &land, 2940), "2940公顷");
  assert_format (ca_format_value ("zh_CN", &area, 800000), "80万平方米");
  assert_format (ca_format_axis_unit ("zh_CN", &area, 1200000), "万平方米");
  assert_format (ca_format_value ("zh_CN", &widgets, 800000), "80万 widget units");
  assert_format (ca_format_axis_unit ("zh_CN", &widgets, 1200000), "万 widget units");
  assert_format (ca_format_value ("en", &area, 800000), "800,000 square metres");
  assert_format (ca_format_axis_value ("zh_CN", &money, 100000000000), "1000亿");
  assert_format (ca_format_axis_tick ("zh_CN", &money, 50000000, 100000000), "0.5亿");
  assert_format (ca_format_axis_tick ("zh_CN", &money, 0, 100000000), "0");
  assert_format (ca_format_axis_unit ("zh_CN", &money, 500000000000), "亿元");
  assert_format (ca_format_axis_unit ("zh_CN", &projects, 120), "个");
  /* "zh-CN" and NULL (the interface) are languages too. */
  assert_format (ca_format_value ("zh-CN", &projects, 120), "120个项目");
  assert_format (ca_format_value (NULL, &projects, 120), "120 projects");
  assert_interface ("en");
}

/* Traditional Chinese counts as Chinese does, in its own characters (萬,
 * 億, Taiwan's 兆) and measure words; Hong Kong and zh-Hant read it too. */
static void
test_values_traditional (void)
{
  set_interface ("en");
  assert_format (ca_format_value ("zh_TW", &money, 500000000000), "5000億元");
  assert_format (ca_format_value ("zh_TW", &money, 3500000), "350萬元");
  assert_format (ca_format_value ("zh_TW", &money, 1500000000000), "1.5兆元");
  assert_format (ca_format_value ("zh_TW", &dollars, 12000000), "1200萬美元");
  assert_format (ca_format_axis_unit ("zh_TW", &money, 500000000000), "億元");
  assert_format (ca_format_axis_unit ("zh_TW", &projects, 120), "個");
  assert_format (ca_format_value ("zh_TW", &area, 800000), "80萬平方公尺");
  assert_format (ca_format_value ("zh_TW", &land, 2940), "2940公頃");
  assert_format (ca_format_value ("zh-HK", &money, 500000000000), "5000億元");
  assert_format (ca_format_value ("zh-Hant-TW", &money, 500000000000), "5000億元");
  assert_format (ca_format_value ("zh-Hans", &money, 500000000000), "5000亿元");
  g_assert_true (ca_i18n_language_is_traditional ("zh_TW"));
  g_assert_true (ca_i18n_language_is_traditional ("zh_HK"));
  g_assert_false (ca_i18n_language_is_traditional ("zh_CN"));
  g_assert_false (ca_i18n_language_is_traditional ("en"));
  g_assert_cmpstr (ca_i18n_data_language_of ("zh_TW"), ==, "zh-TW");
  assert_interface ("en");
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

  set_interface ("zh_CN");
  g_assert_cmpstr (ca_format_qualifier_word ("en", CA_QUALIFIER_NEARLY), ==, "nearly");
  g_assert_cmpstr (ca_format_qualifier_word ("en", CA_QUALIFIER_MORE_THAN), ==, "more than");
  /* Drawn by a chart, short; read as text, in words (ca-format.h). */
  assert_format (ca_format_figure_value ("en", &figure), "≈ CNY 500 bn");
  assert_format (ca_format_value_short ("en", figure.metric, 500e9), "CNY 500 bn");
  assert_format (ca_format_figure_value_worded ("en", &figure), "about CNY 500 billion");
  figure.qualifier = CA_QUALIFIER_EXACT;
  assert_format (ca_format_figure_value_worded ("en", &figure), "CNY 500 billion");

  set_interface ("en");
  figure.qualifier = CA_QUALIFIER_ABOUT;
  assert_format (ca_format_figure_value_long (&figure), "about CNY 500 billion");
  if (!have_chinese_catalogue ())
    {
      g_test_skip ("the Chinese catalogue is not built: skipping translated words");
      return;
    }
  g_assert_cmpstr (ca_format_qualifier_word ("zh_CN", CA_QUALIFIER_NEARLY), ==, "近");
  g_assert_cmpstr (ca_format_qualifier_word ("zh_CN", CA_QUALIFIER_AT_LEAST), ==, "至少");
  g_assert_cmpstr (ca_format_qualifier_word ("zh_CN", CA_QUALIFIER_MORE_THAN), ==, "超过");
  g_assert_cmpstr (ca_format_qualifier_word ("zh_CN", CA_QUALIFIER_AT_MOST), ==, "至多");
  assert_interface ("en");
  if (!chinese_has ("qualified value", "%s %s"))
    return;
  assert_format (ca_format_figure_value ("zh_CN", &figure), "≈5000亿元");
  assert_format (ca_format_figure_value_worded ("zh_CN", &figure), "约5000亿元");
}

static void
test_dates_english (void)
{
  CaDate day = { 2024, 4, 7 };
  CaDate month = { 2024, 4, 0 };
  CaDate year = { 2024, 0, 0 };

  set_interface ("zh_CN");
  assert_format (ca_format_date ("en", &day), "7 April 2024");
  assert_format (ca_format_date ("en", &month), "April 2024");
  assert_format (ca_format_date ("en", &year), "2024");
  assert_format (ca_format_date_iso (&day), "2024-04-07");
  assert_format (ca_format_date_iso (&month), "2024-04");
  assert_format (ca_format_date_iso (&year), "2024");
  assert_format (ca_format_period ("en", 2022, 2030), "2022–2030");
  assert_format (ca_format_period ("en", 2022, 0), "from 2022");
  assert_format (ca_format_period ("en", 0, 2030), "until 2030");
  assert_format (ca_format_period ("en", 0, 0), "");
  assert_interface ("zh_CN");
}

static void
test_dates_chinese (void)
{
  CaDate day = { 2024, 4, 7 };
  CaDate month = { 2024, 4, 0 };
  CaDate year = { 2024, 0, 0 };

  set_interface ("en");
  if (!have_chinese_catalogue ())
    {
      g_test_skip ("the Chinese catalogue is not built");
      return;
    }
  /* These were in the catalogue before they came from it. */
  assert_format (ca_format_period ("zh_CN", 2022, 0), "2022年起");
  assert_format (ca_format_period ("zh_CN", 0, 2030), "至2030年");
  g_assert_cmpstr (ca_i18n_gettext ("zh_CN", "April"), ==, "4月");
  assert_interface ("en");
  if (!chinese_has ("date", "%d %s %d") || !chinese_has ("date", "%s %d")
      || !chinese_has ("date", "%d") || !chinese_has ("period", "%d–%d"))
    return;
  assert_format (ca_format_date ("zh_CN", &day), "2024年4月7日");
  assert_format (ca_format_date ("zh_CN", &month), "2024年4月");
  assert_format (ca_format_date ("zh_CN", &year), "2024年");
  assert_format (ca_format_period ("zh_CN", 2022, 2030), "2022—2030年");
}

static void
test_words (void)
{
  set_interface ("zh_CN");
  g_assert_cmpstr (ca_format_status ("en", CA_STATUS_ACTIVE), ==, "Active");
  g_assert_cmpstr (ca_format_status ("en", CA_STATUS_NONE), ==, "");
  g_assert_cmpstr (ca_format_node_type ("en", CA_NODE_PARK), ==, "Park");
  g_assert_cmpstr (ca_format_kind ("en", "chemical-park"), ==, "Chemical park");
  g_assert_cmpstr (ca_format_kind ("en", "new-area"), ==, "New area");
  g_assert_cmpstr (ca_format_kind ("en", "innovation-centre"), ==, "Innovation centre");
  assert_format (ca_format_citation ("en", &source),
                 "Shanghai Municipal Government Information Office, 23 November 2022, "
                 "“Shanghai released the Action Plan”");

  set_interface ("en");
  if (!have_chinese_catalogue ())
    {
      g_test_skip ("the Chinese catalogue is not built: skipping translated words");
      return;
    }
  g_assert_cmpstr (ca_format_status ("zh_CN", CA_STATUS_ACTIVE), ==, "进行中");
  g_assert_cmpstr (ca_format_kind ("zh_CN", "chemical-park"), ==, "化工园区");
  g_assert_cmpstr (ca_format_node_type (NULL, CA_NODE_PARK), ==, "Park");
  assert_interface ("en");
  if (!chinese_has ("citation", "%s, %s, “%s”") || !chinese_has ("date", "%d %s %d"))
    return;
  assert_format (ca_format_citation ("zh_CN", &source),
                 "Shanghai Municipal Government Information Office，2022年11月23日，"
                 "《上海发布行动方案》");
}

/* A publisher's name and a title in the citation's language where the
 * source has them; otherwise the source's own, and a title in another
 * language is not quoted as a title of this one (no 《》 around English). */
static void
test_citation_languages (void)
{
  g_autofree char *zh = ca_format_citation ("zh_CN", &english_source);
  g_autofree char *zh_publisher = ca_format_citation ("zh_CN", &translated_source);

  assert_format (ca_format_citation ("en", &english_source),
                 "ECHEMI, 30 June 2022, “Efforts to build”");
  assert_format (ca_format_citation ("en", &translated_source),
                 "Shanghai Government, 30 June 2022, “Efforts to build”");
  g_assert_true (g_str_has_prefix (zh, "ECHEMI"));
  g_assert_true (g_str_has_suffix (zh, "Efforts to build"));
  g_assert_null (strstr (zh, "《"));
  g_assert_null (strstr (zh, "“"));
  g_assert_true (g_str_has_prefix (zh_publisher, "上海市政府"));
  g_assert_true (g_str_has_suffix (zh_publisher, "Efforts to build"));
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

static void
test_resolve (void)
{
  set_interface ("en");
  g_assert_cmpstr (ca_i18n_resolve ("zh-CN"), ==, "zh_CN");
  g_assert_cmpstr (ca_i18n_resolve ("zh_CN.UTF-8"), ==, "zh_CN");
  g_assert_cmpstr (ca_i18n_resolve ("zh"), ==, "zh_CN");
  g_assert_cmpstr (ca_i18n_resolve ("en_GB"), ==, "en");
  /* A language we have no words for writes English, not half of each. */
  g_assert_cmpstr (ca_i18n_resolve ("xx"), ==, "en");
  g_assert_cmpstr (ca_i18n_resolve (NULL), ==, "en");
  g_assert_cmpstr (ca_i18n_resolve (""), ==, "en");
  g_assert_cmpstr (ca_i18n_data_language_of ("zh_CN"), ==, "zh-CN");
  g_assert_true (ca_i18n_language_is_chinese ("zh_CN"));
  g_assert_false (ca_i18n_language_is_chinese (NULL));
}

/* The catalogue our reader reads is the one gettext reads: every message
 * of the Chinese catalogue comes out the same both ways. */
static void
test_same_as_gettext (void)
{
  static const char * const msgids[] = { "Goals", "Counts", "April", "from %d", "No status" };

  if (!have_chinese_catalogue ())
    {
      g_test_skip ("the Chinese catalogue is not built");
      return;
    }
  set_interface ("zh_CN");
  for (guint i = 0; i < G_N_ELEMENTS (msgids); i++)
    g_assert_cmpstr (ca_i18n_gettext ("zh_CN", msgids[i]), ==, gettext (msgids[i]));
  g_assert_cmpstr (ca_i18n_pgettext ("zh_CN", "status", "Active"), ==, C_("status", "Active"));
  g_assert_cmpstr (ca_i18n_ngettext ("zh_CN", "%s more program", "%s more programs", 5), ==,
                   ngettext ("%s more program", "%s more programs", 5));
  set_interface ("en");
  for (guint i = 0; i < G_N_ELEMENTS (msgids); i++)
    g_assert_cmpstr (ca_i18n_gettext ("en", msgids[i]), ==, gettext (msgids[i]));
  g_assert_cmpstr (ca_i18n_ngettext ("en", "%s more program", "%s more programs", 1), ==,
                   "%s more program");
  g_assert_cmpstr (ca_i18n_ngettext ("en", "%s more program", "%s more programs", 2), ==,
                   "%s more programs");
  /* A message the catalogue lacks is itself. */
  g_assert_cmpstr (ca_i18n_gettext ("zh_CN", "no such message"), ==, "no such message");
}

static gpointer
format_in_chinese_cb (gpointer data)
{
  CaDate day = { 2024, 4, 7 };
  guint *wrong = data;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *value = ca_format_value ("zh_CN", &projects, 120);
      g_autofree char *date = ca_format_date ("zh_CN", &day);

      if (!g_str_equal (value, "120个项目") || strstr (date, "4月") == NULL)
        (*wrong)++;
    }
  return NULL;
}

/* A thread writing Chinese is untouched by the interface switching under
 * it: nothing it reads is process-wide. */
static void
test_thread (void)
{
  guint wrong = 0;
  GThread *thread;

  if (!have_chinese_catalogue ())
    {
      g_test_skip ("the Chinese catalogue is not built");
      return;
    }
  thread = g_thread_new ("format", format_in_chinese_cb, &wrong);
  for (guint i = 0; i < 500; i++)
    ca_i18n_set_language (i % 2 == 0 ? "en" : "zh_CN");
  g_thread_join (thread);
  g_assert_cmpuint (wrong, ==, 0);
  set_interface ("en");
}

static void
test_plural_expressions (void)
{
  static const struct {
    const char *expression;
    gulong      n;
    gulong      form;
  } cases[] = {
    { "n != 1", 0, 1 }, { "n != 1", 1, 0 }, { "(n != 1)", 2, 1 },
    { "0", 7, 0 }, { "n>1", 1, 0 }, { "n>1", 2, 1 },
    /* Russian */
    { "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)",
      21, 0 },
    { "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)",
      23, 1 },
    { "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)",
      12, 2 },
    { "n==0 ? 0 : n==1 ? 1 : 2", 0, 0 }, { "n==0 ? 0 : n==1 ? 1 : 2", 5, 2 },
    { "!(n <= 1)", 3, 1 }, { "n / 0", 3, 0 },
  };
  static const char * const bad[] = { "", "n !=", "(n", "n ? 1", "n == x", "1 2" };
  gulong form;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (ca_catalog_eval_plural (cases[i].expression, cases[i].n, &form));
      g_assert_cmpuint (form, ==, cases[i].form);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (ca_catalog_eval_plural (bad[i], 1, &form));
}

static void
put_word (GByteArray *out,
          guint32     word,
          gboolean    big_endian)
{
  guint32 raw = big_endian ? GUINT32_TO_BE (word) : GUINT32_TO_LE (word);

  g_byte_array_append (out, (const guint8 *) &raw, 4);
}

/* A .mo file of @n messages (originals sorted, as msgfmt writes them). */
static GBytes *
make_mo (const char * const *originals,
         const gsize         *original_lengths,
         const char * const *translations,
         const gsize         *translation_lengths,
         guint32              n,
         gboolean             big_endian)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint32 strings = 28 + 16 * n;
  guint32 at = strings;

  put_word (out, 0x950412de, big_endian);
  put_word (out, 0, big_endian);
  put_word (out, n, big_endian);
  put_word (out, 28, big_endian);
  put_word (out, 28 + 8 * n, big_endian);
  put_word (out, 0, big_endian);
  put_word (out, 0, big_endian);
  for (guint32 i = 0; i < n; i++, at += original_lengths[i - 1] + 1)
    {
      put_word (out, original_lengths[i], big_endian);
      put_word (out, at, big_endian);
    }
  for (guint32 i = 0; i < n; i++, at += translation_lengths[i - 1] + 1)
    {
      put_word (out, translation_lengths[i], big_endian);
      put_word (out, at, big_endian);
    }
  for (guint32 i = 0; i < n; i++)
    g_byte_array_append (out, (const guint8 *) originals[i], original_lengths[i] + 1);
  for (guint32 i = 0; i < n; i++)
    g_byte_array_append (out, (const guint8 *) translations[i], translation_lengths[i] + 1);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

#define HEADER "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=3; " \
               "plural=n==1 ? 0 : n==2 ? 1 : 2;\n"

static void
test_mo_file (void)
{
  static const char * const originals[] = { "", "apple\0apples", "fruit\004pear", "plum" };
  static const gsize original_lengths[] = { 0, 12, 10, 4 };
  static const char * const translations[] = { HEADER, "one\0two\0many", "poire", "\xff" };
  static const gsize translation_lengths[] = { sizeof HEADER - 1, 12, 5, 1 };

  for (int big_endian = 0; big_endian < 2; big_endian++)
    {
      g_autoptr(GBytes) bytes = make_mo (originals, original_lengths, translations,
                                         translation_lengths, 4, big_endian);
      g_autoptr(GError) error = NULL;
      g_autoptr(CaCatalog) catalog = ca_catalog_new_from_bytes (bytes, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (ca_catalog_lookup (catalog, "fruit\004pear"), ==, "poire");
      g_assert_null (ca_catalog_lookup (catalog, "pear"));
      /* Not UTF-8: left out, so the message stays English. */
      g_assert_null (ca_catalog_lookup (catalog, "plum"));
      g_assert_cmpstr (ca_catalog_lookup_plural (catalog, "apple", 1), ==, "one");
      g_assert_cmpstr (ca_catalog_lookup_plural (catalog, "apple", 2), ==, "two");
      g_assert_cmpstr (ca_catalog_lookup_plural (catalog, "apple", 5), ==, "many");
      g_assert_cmpuint (ca_catalog_get_plural_index (catalog, 0), ==, 2);
    }
}

/* Files that lie about their sizes are refused or read no further than
 * they go. */
static void
test_mo_hostile (void)
{
  static const guint8 not_mo[] = "msgid \"\"\nmsgstr \"\"\n and more than 28 bytes";
  static const char * const originals[] = { "a" };
  static const gsize original_lengths[] = { 1 };
  static const char * const translations[] = { "b" };
  static const gsize translation_lengths[] = { 1 };
  g_autoptr(GBytes) garbage = g_bytes_new_static (not_mo, sizeof not_mo);
  g_autoptr(GBytes) good = make_mo (originals, original_lengths, translations,
                                    translation_lengths, 1, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaCatalog) refused = ca_catalog_new_from_bytes (garbage, &error);
  gsize size;
  const guint8 *data = g_bytes_get_data (good, &size);

  g_assert_null (refused);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  /* Every cut of a good file: none reads past its end, none finds a
   * message the cut took away. */
  for (gsize cut = 0; cut < size; cut++)
    {
      g_autoptr(GBytes) part = g_bytes_new (data, cut);
      g_autoptr(CaCatalog) catalog = ca_catalog_new_from_bytes (part, NULL);

      if (catalog != NULL)
        g_assert_null (ca_catalog_lookup (catalog, "a"));
    }
  {
    g_autoptr(CaCatalog) whole = ca_catalog_new_from_bytes (good, NULL);

    g_assert_cmpstr (ca_catalog_lookup (whole, "a"), ==, "b");
  }
}

/* A number alone in the scale of another, as a Compare panel writes it. */
static void
test_number_scaled (void)
{
  const struct {
    const char *lang;
    double      value, scale_of;
    const char *number, *word;
  } cases[] = {
    { "en", 1200000, 1200000, "1.2", "million" },
    { "en", 300000, 1200000, "0.3", "million" },
    { "en", 800000, 800000, "800,000", NULL },
    { "en", 2e15, 2e15, "2,000", "trillion" },
    { "en", 0, 5e9, "0", "billion" },
    { "zh_CN", 1200000, 1200000, "120", "万" },
    { "zh_CN", 210000000000, 500000000000, "2100", "亿" },
    { "zh_CN", 9000, 9000, "9000", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = ca_format_number_scaled (cases[i].lang, cases[i].value,
                                                         cases[i].scale_of);

      g_assert_cmpstr (number, ==, cases[i].number);
      g_assert_cmpstr (ca_format_scale_word (cases[i].lang, cases[i].scale_of), ==,
                       cases[i].word);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();

  g_test_add_func ("/format/numbers", test_numbers);
  g_test_add_func ("/format/number-scaled", test_number_scaled);
  g_test_add_func ("/format/values-english", test_values_english);
  g_test_add_func ("/format/values-chinese", test_values_chinese);
  g_test_add_func ("/format/values-traditional", test_values_traditional);
  g_test_add_func ("/format/qualifiers", test_qualifiers);
  g_test_add_func ("/format/dates-english", test_dates_english);
  g_test_add_func ("/format/dates-chinese", test_dates_chinese);
  g_test_add_func ("/format/words", test_words);
  g_test_add_func ("/format/citation-languages", test_citation_languages);
  g_test_add_func ("/format/language", test_language);
  g_test_add_func ("/format/resolve", test_resolve);
  g_test_add_func ("/format/same-as-gettext", test_same_as_gettext);
  g_test_add_func ("/format/thread", test_thread);
  g_test_add_func ("/catalog/plural-expressions", test_plural_expressions);
  g_test_add_func ("/catalog/mo-file", test_mo_file);
  g_test_add_func ("/catalog/mo-hostile", test_mo_hostile);
  return g_test_run ();
}
