/* ca-format.c: numbers, dates and words for a reader, per language
 *
 * Every function writes in the language it is given (NULL: the interface
 * language), never in a process-wide one.  The number styles are in code,
 * not in the catalogue, as they are ways of counting rather than words:
 * English groups thousands and counts in millions and billions, Chinese
 * counts in 万 (1e4) and 亿 (1e8), with its currency and measure words, in
 * the characters of the language's script (萬, 億 in Traditional).
 * Words, dates, periods and the spacing between a qualifier and its value
 * come from the catalogue of that language (ca_i18n_gettext ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-format.h"
#include "ca-node.h"
#include "ca-i18n.h"

/* Marks a message for xgettext; ca_i18n_gettext () translates it. */
#define N_(text) (text)
#define NC_(context, text) (text)

typedef struct {
  double      factor;
  const char *word;     /* English scale word */
  const char *short_;   /* English axis abbreviation */
} Scale;

static const Scale english_scales[] = {
  { 1e12, "trillion", "tn" },
  { 1e9, "billion", "bn" },
  { 1e6, "million", "m" },
};

/* How Chinese counts, in each script's characters: Traditional writes 萬
 * and 億, and Taiwan's 兆 for 1e12 where Simplified writes 万亿. */
static const char * const currency_codes[] = {
  "CNY", "RMB", "USD", "EUR", "JPY", "HKD", "GBP", "KRW",
};

typedef struct {
  Scale       scales[3];
  const char *currencies[G_N_ELEMENTS (currency_codes)];
  const char *measure;  /* the measure word of a count */
} ChineseStyle;

static const ChineseStyle simplified = {
  { { 1e12, "万亿", "万亿" }, { 1e8, "亿", "亿" }, { 1e4, "万", "万" } },
  { "元", "元", "美元", "欧元", "日元", "港元", "英镑", "韩元" },
  "个",
};

static const ChineseStyle traditional = {
  { { 1e12, "兆", "兆" }, { 1e8, "億", "億" }, { 1e4, "萬", "萬" } },
  { "元", "元", "美元", "歐元", "日圓", "港元", "英鎊", "韓元" },
  "個",
};

/* NULL for a language that counts as English does. */
static const ChineseStyle *
chinese_style (const char *lang)
{
  if (!ca_i18n_language_is_chinese (lang))
    return NULL;
  return ca_i18n_language_is_traditional (lang) ? &traditional : &simplified;
}

/* "1234.5" -> "1,234.5" with at most @decimals decimals, no trailing zeros. */
static char *
format_decimal (double   value,
                int      decimals,
                gboolean group)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  GString *out = g_string_new (NULL);
  const char *digits;
  const char *point;
  gsize n_int;

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));
  if (strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (value < 0 && strcmp (buffer, "0") != 0)
    g_string_append (out, "-");
  digits = buffer;
  point = strchr (digits, '.');
  n_int = point != NULL ? (gsize) (point - digits) : strlen (digits);
  for (gsize i = 0; i < n_int; i++)
    {
      if (group && i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    g_string_append (out, point);
  return g_string_free (out, FALSE);
}

char *
ca_format_number (double value)
{
  return format_decimal (value, 2, TRUE);
}

static const Scale *
pick_scale (const Scale *scales,
            guint        n_scales,
            double       value)
{
  for (guint i = 0; i < n_scales; i++)
    if (fabs (value) >= scales[i].factor)
      return &scales[i];
  return NULL;
}

/* The scale of @value in English (@chinese NULL) or in a Chinese style. */
static const Scale *
scale_for (const ChineseStyle *chinese,
           double              value)
{
  return chinese != NULL ? pick_scale (chinese->scales, G_N_ELEMENTS (chinese->scales), value)
                         : pick_scale (english_scales, G_N_ELEMENTS (english_scales), value);
}

/* The number part of a value with its scale word: "3.5 million", "350万";
 * the scale is the one of @scale_of (the value itself, or the top of an
 * axis, so that its ticks read "0.5 m" and "1 m"); 0 has none. */
static char *
scaled_number (double              value,
               double              scale_of,
               const ChineseStyle *chinese,
               gboolean            abbreviated)
{
  const Scale *scale = scale_for (chinese, scale_of);
  g_autofree char *number = NULL;

  if (scale == NULL || value == 0)
    return format_decimal (value, 2, chinese == NULL);
  number = format_decimal (value / scale->factor, 2, chinese == NULL);
  if (chinese != NULL)
    return g_strconcat (number, scale->word, NULL);
  return g_strconcat (number, " ", abbreviated ? scale->short_ : scale->word, NULL);
}

static const char *
chinese_currency (const ChineseStyle *chinese,
                  const char         *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (currency_codes); i++)
    if (g_strcmp0 (currency_codes[i], code) == 0)
      return chinese->currencies[i];
  return NULL;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* A quantity's unit is data, written in the dataset's words; the common
 * ones are the interface's words too, and are written in its language
 * ("80万平方米", not "80万 square metres").  Any other unit is written as
 * the dataset has it. */
static const char * const known_units[] = {
  /* Translators: units of quantities, as datasets write them in English */
  NC_("unit", "square metres"), NC_("unit", "square meters"),
  NC_("unit", "square kilometres"), NC_("unit", "square kilometers"),
  NC_("unit", "hectares"), NC_("unit", "metres"), NC_("unit", "meters"),
  NC_("unit", "kilometres"), NC_("unit", "kilometers"), NC_("unit", "tonnes"),
  NC_("unit", "tons"), NC_("unit", "megawatts"), NC_("unit", "gigawatts"),
  NC_("unit", "kilowatt-hours"), NC_("unit", "cubic metres"), NC_("unit", "cubic meters"),
};

static const char *
unit_word (const char *lang,
           const char *unit)
{
  if (unit == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (known_units); i++)
    if (g_str_equal (unit, known_units[i]))
      return ca_i18n_pgettext (lang, "unit", unit);
  return unit;
}

/* The metric's name as a count noun: "projects" in English, "项目" in Chinese. */
static char *
count_noun (const char     *lang,
            const CaMetric *metric,
            double          value)
{
  gboolean chinese = ca_i18n_language_is_chinese (lang);
  const char *name = ca_text_lookup (&metric->names, ca_i18n_data_language_of (lang));
  g_autofree char *lower = NULL;
  gsize len;

  if (name == NULL)
    return g_strdup ("");
  if (chinese)
    return g_strdup (name);
  lower = g_utf8_strdown (name, -1);
  len = strlen (lower);
  /* Data names are plural ("Projects"); one thing reads in the singular. */
  if (value == 1.0 && len > 3 && g_str_has_suffix (lower, "ies"))
    {
      lower[len - 3] = '\0';
      return g_strconcat (lower, "y", NULL);
    }
  if (value == 1.0 && len > 1 && lower[len - 1] == 's' && lower[len - 2] != 's')
    lower[len - 1] = '\0';
  return g_steal_pointer (&lower);
}

/* How a value is written: in words (a sentence, a table, a tooltip), short
 * (drawn by its mark in a chart: "CNY 500 bn"), or as an axis tick (short,
 * and without the unit, which the axis names once). */
typedef enum {
  FORM_WORDS,
  FORM_SHORT,
  FORM_TICK,
} Form;

static char *
format_chinese_value (const char     *lang,
                      const CaMetric *metric,
                      double          value,
                      double          scale_of,
                      Form            form)
{
  const ChineseStyle *chinese = chinese_style (lang);
  gboolean axis = form == FORM_TICK;
  g_autofree char *number = scaled_number (value, scale_of, chinese, form != FORM_WORDS);
  g_autofree char *noun = NULL;
  const char *currency, *unit;

  switch (metric->kind)
    {
    case CA_METRIC_MONEY:
      if (axis)
        return g_steal_pointer (&number);
      currency = chinese_currency (chinese, metric->unit);
      if (currency != NULL)
        return g_strconcat (number, currency, NULL);
      return g_strconcat (number, " ", metric->unit, NULL);
    case CA_METRIC_QUANTITY:
      if (axis)
        return g_steal_pointer (&number);
      unit = unit_word (lang, metric->unit);
      return g_strconcat (number, is_ascii (unit) ? " " : "", unit, NULL);
    case CA_METRIC_COUNT:
    default:
      if (axis)
        return g_steal_pointer (&number);
      noun = count_noun (lang, metric, value);
      return g_strconcat (number, chinese->measure, noun, NULL);
    }
}

static char *
format_english_value (const char     *lang,
                      const CaMetric *metric,
                      double          value,
                      double          scale_of,
                      Form            form)
{
  gboolean axis = form == FORM_TICK;
  g_autofree char *number = scaled_number (value, scale_of, NULL, form != FORM_WORDS);
  g_autofree char *noun = NULL;

  switch (metric->kind)
    {
    case CA_METRIC_MONEY:
      return g_strconcat (metric->unit != NULL ? metric->unit : "", " ", number, NULL);
    case CA_METRIC_QUANTITY:
      if (axis)
        return g_steal_pointer (&number);
      return g_strconcat (number, " ", metric->unit != NULL ? metric->unit : "", NULL);
    case CA_METRIC_COUNT:
    default:
      if (axis)
        return g_steal_pointer (&number);
      noun = count_noun (lang, metric, value);
      return g_strconcat (number, " ", noun, NULL);
    }
}

static char *
format_value (const char     *lang,
              const CaMetric *metric,
              double          value,
              double          scale_of,
              Form            form)
{
  g_return_val_if_fail (metric != NULL, NULL);
  if (ca_i18n_language_is_chinese (lang))
    return format_chinese_value (lang, metric, value, scale_of, form);
  return format_english_value (lang, metric, value, scale_of, form);
}

char *
ca_format_value (const char     *lang,
                 const CaMetric *metric,
                 double          value)
{
  return format_value (lang, metric, value, value, FORM_WORDS);
}

char *
ca_format_value_short (const char     *lang,
                       const CaMetric *metric,
                       double          value)
{
  return format_value (lang, metric, value, value, FORM_SHORT);
}

char *
ca_format_axis_value (const char     *lang,
                      const CaMetric *metric,
                      double          value)
{
  g_return_val_if_fail (metric != NULL, NULL);
  return ca_format_axis_tick (lang, metric, value, value);
}

char *
ca_format_axis_tick (const char     *lang,
                     const CaMetric *metric,
                     double          value,
                     double          top)
{
  return format_value (lang, metric, value, top, FORM_TICK);
}

static const Scale *
scale_of_value (const char *lang,
                double      scale_of)
{
  return scale_for (chinese_style (lang), scale_of);
}

char *
ca_format_number_scaled (const char *lang,
                         double      value,
                         double      scale_of)
{
  const Scale *scale = scale_of_value (lang, scale_of);

  return format_decimal (scale != NULL ? value / scale->factor : value, 2,
                         !ca_i18n_language_is_chinese (lang));
}

const char *
ca_format_scale_word (const char *lang,
                      double      scale_of)
{
  const Scale *scale = scale_of_value (lang, scale_of);

  return scale != NULL ? scale->word : NULL;
}

char *
ca_format_axis_unit (const char     *lang,
                     const CaMetric *metric,
                     double          max_value)
{
  const ChineseStyle *chinese = chinese_style (lang);
  const Scale *scale;
  const char *currency, *unit;

  g_return_val_if_fail (metric != NULL, NULL);
  scale = scale_for (chinese, max_value);
  if (metric->kind == CA_METRIC_COUNT)
    return chinese != NULL ? g_strconcat (scale != NULL ? scale->word : "", chinese->measure, NULL)
                           : count_noun (lang, metric, 2.0);
  if (chinese != NULL)
    {
      currency = metric->kind == CA_METRIC_MONEY ? chinese_currency (chinese, metric->unit)
                                                 : NULL;
      unit = currency != NULL ? currency
             : metric->kind == CA_METRIC_QUANTITY ? unit_word (lang, metric->unit)
             : metric->unit;
      /* "万 tons" keeps a space before a unit in letters, as values do. */
      return g_strconcat (scale != NULL ? scale->word : "",
                          scale != NULL && is_ascii (unit) ? " " : "", unit, NULL);
    }
  if (scale == NULL)
    return g_strdup (metric->unit);
  if (metric->kind == CA_METRIC_MONEY)
    return g_strconcat (metric->unit, " ", scale->word, NULL);
  return g_strconcat (scale->word, " ", metric->unit, NULL);
}

/* Qualifiers ------------------------------------------------------------- */

const char *
ca_format_qualifier_symbol (CaQualifier qualifier)
{
  /* "nearly" is a little under the value: "≲", apart from "about" ("≈"). */
  static const char * const symbols[] = { "", "≈", "≲", "≥", ">", "≤" };

  g_return_val_if_fail ((guint) qualifier < G_N_ELEMENTS (symbols), "");
  return symbols[qualifier];
}

const char *
ca_format_qualifier_word (const char  *lang,
                          CaQualifier  qualifier)
{
  switch (qualifier)
    {
    case CA_QUALIFIER_ABOUT:
      /* Translators: a figure that is approximate: "about CNY 500 billion" / 约 */
      return ca_i18n_pgettext (lang, "qualifier", "about");
    case CA_QUALIFIER_NEARLY:
      /* Translators: a figure a little under the value: "nearly 100 projects" / 近 */
      return ca_i18n_pgettext (lang, "qualifier", "nearly");
    case CA_QUALIFIER_AT_LEAST:
      /* Translators: a lower bound: "at least 10 projects" / 至少 */
      return ca_i18n_pgettext (lang, "qualifier", "at least");
    case CA_QUALIFIER_MORE_THAN:
      /* Translators: a strict lower bound: "more than 10 projects" / 超过 */
      return ca_i18n_pgettext (lang, "qualifier", "more than");
    case CA_QUALIFIER_AT_MOST:
      /* Translators: an upper bound: "at most 10 projects" / 至多 */
      return ca_i18n_pgettext (lang, "qualifier", "at most");
    case CA_QUALIFIER_EXACT:
    default:
      /* Translators: a figure stated exactly (a qualifier, shown in lists) */
      return ca_i18n_pgettext (lang, "qualifier", "exact");
    }
}

char *
ca_format_qualified (const char *lang,
                     const char *qualifier,
                     const char *value)
{
  g_return_val_if_fail (qualifier != NULL && value != NULL, NULL);

  if (*qualifier == '\0')
    return g_strdup (value);
  /* Translators: a qualifier, as a symbol or words ("≈", "about"), then a
   * value: "≈ CNY 500 billion", "about 40 projects".  Chinese writes them
   * without a space: "%s%s". */
  return g_strdup_printf (ca_i18n_pgettext (lang, "qualified value", "%s %s"), qualifier, value);
}

char *
ca_format_figure_value (const char     *lang,
                        const CaFigure *figure)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (figure != NULL && figure->metric != NULL, NULL);
  value = ca_format_value_short (lang, figure->metric, figure->value);
  return ca_format_qualified (lang, ca_format_qualifier_symbol (figure->qualifier), value);
}

char *
ca_format_figure_value_worded (const char     *lang,
                               const CaFigure *figure)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (figure != NULL && figure->metric != NULL, NULL);
  value = ca_format_value (lang, figure->metric, figure->value);
  if (figure->qualifier == CA_QUALIFIER_EXACT)
    return g_steal_pointer (&value);
  return ca_format_qualified (lang, ca_format_qualifier_word (lang, figure->qualifier), value);
}

/* A count without its noun ("about 15"), for where the metric's name is
 * shown beside it; money and quantities keep their unit. */
char *
ca_format_figure_value_bare (const char     *lang,
                             const CaFigure *figure)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (figure != NULL && figure->metric != NULL, NULL);
  if (figure->metric->kind != CA_METRIC_COUNT)
    return ca_format_figure_value_worded (lang, figure);
  value = scaled_number (figure->value, figure->value, chinese_style (lang), FALSE);
  if (figure->qualifier == CA_QUALIFIER_EXACT)
    return g_steal_pointer (&value);
  return ca_format_qualified (lang, ca_format_qualifier_word (lang, figure->qualifier), value);
}

char *
ca_format_figure_value_long (const CaFigure *figure)
{
  return ca_format_figure_value_worded (NULL, figure);
}

/* Dates ------------------------------------------------------------------ */

static const char *
month_name (const char *lang,
            int         month)
{
  static const char * const names[] = {
    /* Translators: a month's name in a date; Chinese writes "1月" */
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
    N_("December"),
  };

  return ca_i18n_gettext (lang, names[month - 1]);
}

char *
ca_format_date (const char   *lang,
                const CaDate *date)
{
  const char *month;

  g_return_val_if_fail (date != NULL, NULL);
  if (date->month < 1 || date->month > 12)
    /* Translators: a date that is a year alone: "2024"; Chinese "%d年" */
    return g_strdup_printf (ca_i18n_pgettext (lang, "date", "%d"), date->year);
  month = month_name (lang, date->month);
  if (date->day == 0)
    /* Translators: a month and its year: "April 2024"; %s is the month's
     * name, %d the year.  Chinese "%2$d年%1$s" gives "2024年4月". */
    return g_strdup_printf (ca_i18n_pgettext (lang, "date", "%s %d"), month, date->year);
  /* Translators: a whole date: "7 April 2024"; the day, the month's name,
   * the year.  Chinese "%3$d年%2$s%1$d日" gives "2024年4月7日". */
  return g_strdup_printf (ca_i18n_pgettext (lang, "date", "%d %s %d"),
                          date->day, month, date->year);
}

char *
ca_format_date_iso (const CaDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  if (date->month == 0)
    return g_strdup_printf ("%04d", date->year);
  if (date->day == 0)
    return g_strdup_printf ("%04d-%02d", date->year, date->month);
  return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
}

char *
ca_format_period (const char *lang,
                  int         start_year,
                  int         end_year)
{
  if (start_year != 0 && end_year != 0)
    /* Translators: the years a program runs: "2022–2030" (an en dash);
     * Chinese "%d—%d年" */
    return g_strdup_printf (ca_i18n_pgettext (lang, "period", "%d–%d"), start_year, end_year);
  if (start_year != 0)
    /* Translators: a program with a start year and no end */
    return g_strdup_printf (ca_i18n_gettext (lang, "from %d"), start_year);
  if (end_year != 0)
    /* Translators: a program with an end year and no start */
    return g_strdup_printf (ca_i18n_gettext (lang, "until %d"), end_year);
  return g_strdup ("");
}

/* Words ------------------------------------------------------------------ */

const char *
ca_format_status (const char *lang,
                  CaStatus    status)
{
  switch (status)
    {
    case CA_STATUS_PLANNED:
      /* Translators: the status of a program */
      return ca_i18n_pgettext (lang, "status", "Planned");
    case CA_STATUS_ACTIVE:
      /* Translators: the status of a program */
      return ca_i18n_pgettext (lang, "status", "Active");
    case CA_STATUS_COMPLETED:
      /* Translators: the status of a program */
      return ca_i18n_pgettext (lang, "status", "Completed");
    case CA_STATUS_NONE:
    default:
      return "";
    }
}

const char *
ca_format_node_type (const char *lang,
                     CaNodeType  type)
{
  switch (type)
    {
    case CA_NODE_PARK:
      /* Translators: an industrial or science park, a kind of node */
      return ca_i18n_pgettext (lang, "node type", "Park");
    case CA_NODE_PROGRAM:
      /* Translators: a policy program or plan, a kind of node */
      return ca_i18n_pgettext (lang, "node type", "Program");
    case CA_NODE_REGION:
    default:
      /* Translators: a country, province, city or district, a kind of node */
      return ca_i18n_pgettext (lang, "node type", "Region");
    }
}

static const struct {
  const char *token;
  const char *label;
} kinds[] = {
  { "country", NC_("kind", "Country") },
  { "province", NC_("kind", "Province") },
  { "municipality", NC_("kind", "Municipality") },
  { "city", NC_("kind", "City") },
  { "district", NC_("kind", "District") },
  { "county", NC_("kind", "County") },
  { "town", NC_("kind", "Town") },
  { "new-area", NC_("kind", "New area") },
  { "chemical-park", NC_("kind", "Chemical park") },
  { "hi-tech-park", NC_("kind", "Hi-tech park") },
  { "industrial-park", NC_("kind", "Industrial park") },
  { "science-park", NC_("kind", "Science park") },
  { "development-zone", NC_("kind", "Development zone") },
  { "free-trade-zone", NC_("kind", "Free trade zone") },
  { "innovation-base", NC_("kind", "Innovation base") },
  { "innovation-center", NC_("kind", "Innovation centre") },
  { "innovation-centre", NC_("kind", "Innovation centre") },
};

const char *
ca_format_kind (const char *lang,
                const char *kind)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (kind != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].token, kind))
      return ca_i18n_pgettext (lang, "kind", kinds[i].label);
  /* An unknown kind reads as its token: "innovation-centre" -> "Innovation centre". */
  label = g_strdelimit (g_strdup (kind), "-_", ' ');
  label[0] = g_ascii_toupper (label[0]);
  return g_intern_string (label);
}

/* The languages a quote is most likely in, by primary subtag. */
static const struct {
  const char *primary;
  const char *name;
} language_names[] = {
  { "en", NC_("language", "English") },
  { "zh", NC_("language", "Chinese") },
  { "ja", NC_("language", "Japanese") },
  { "ko", NC_("language", "Korean") },
  { "de", NC_("language", "German") },
  { "fr", NC_("language", "French") },
  { "es", NC_("language", "Spanish") },
  { "ru", NC_("language", "Russian") },
};

const char *
ca_format_language_name (const char *lang,
                         const char *tag)
{
  gsize n;

  g_return_val_if_fail (tag != NULL, NULL);
  n = strcspn (tag, "-_");
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (strlen (language_names[i].primary) == n
        && g_ascii_strncasecmp (tag, language_names[i].primary, n) == 0)
      return ca_i18n_pgettext (lang, "language", language_names[i].name);
  return tag;
}

/* Whether two language tags name the same language ("zh-CN", "zh"). */
static gboolean
same_language (const char *a,
               const char *b)
{
  gsize n;

  if (a == NULL || b == NULL)
    return FALSE;
  n = strcspn (a, "-_");
  return n == strcspn (b, "-_") && g_ascii_strncasecmp (a, b, n) == 0;
}

/* The publisher and the title in @lang where the source has them, else as
 * the source gives them.  A title in @lang's own language is quoted as that
 * language quotes titles (《》 in Chinese); one in another language is given
 * as it is, not dressed as a title of @lang. */
char *
ca_format_citation (const char     *lang,
                    const CaSource *source)
{
  const char *data_lang = ca_i18n_data_language_of (lang);
  g_autofree char *date = NULL;
  const char *title, *title_lang = NULL, *publisher;

  g_return_val_if_fail (source != NULL, NULL);
  date = ca_format_date (lang, &source->published);
  publisher = ca_source_get_publisher (source, data_lang, NULL);
  title = ca_source_get_title (source, data_lang, &title_lang);
  if (title != NULL && !same_language (title_lang, data_lang))
    /* Translators: a source whose title is in another language than this
     * one: publisher, date, and the title as it is, without this
     * language's quotation marks.  Chinese "%s，%s，%s" */
    return g_strdup_printf (ca_i18n_pgettext (lang, "citation, title in another language",
                                              "%s, %s, %s"),
                            publisher, date, title);
  /* Translators: a source: publisher, date, title in quotation marks.
   * Chinese "%s，%s，《%s》" */
  return g_strdup_printf (ca_i18n_pgettext (lang, "citation", "%s, %s, “%s”"),
                          publisher, date, title != NULL ? title : "");
}

char *
ca_format_percent (double fraction)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.0f", fraction * 100.0);
  if (strcmp (buffer, "-0") == 0)
    strcpy (buffer, "0");
  return g_strconcat (buffer, "%", NULL);
}

char *
ca_format_converted_name (const char   *lang,
                          const CaText *names)
{
  const char *data_lang = ca_i18n_data_language_of (lang);

  g_return_val_if_fail (names != NULL, NULL);
  if (!ca_text_is_converted (names, data_lang))
    return NULL;
  /* Translators: said of a name shown in Traditional characters that the
   * dataset gives only in Simplified ones, converted by the program (in a
   * tooltip and to screen readers); %s is the Simplified name. */
  return g_strdup_printf (ca_i18n_gettext (lang, "Name converted from the Simplified Chinese "
                                                 "“%s”"),
                          ca_text_lookup (names, "zh-CN"));
}
