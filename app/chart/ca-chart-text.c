/* ca-chart-text.c: the words of marks: tooltips and accessible names
 *
 * Every number goes through ca-format.h, so the chart writes them as the
 * rest of the app does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ca-chart-private.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-progress.h"

#define FSI "\xE2\x81\xA8"  /* U+2068 FIRST STRONG ISOLATE */
#define PDI "\xE2\x81\xA9"  /* U+2069 POP DIRECTIONAL ISOLATE */

char *
ca_chart_isolate (const char *text)
{
  return g_strconcat (FSI, text != NULL ? text : "", PDI, NULL);
}

/* Conservatively: every character of the right-to-left blocks (Hebrew
 * to Arabic Extended-A, their presentation forms, the right-to-left
 * scripts of the supplementary planes) and the bidi controls but FSI and
 * PDI themselves. */
static gboolean
may_reorder (gunichar c)
{
  return (c >= 0x0590 && c <= 0x08ff) || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
         c == 0x2066 || c == 0x2067 || (c >= 0xfb1d && c <= 0xfdff) ||
         (c >= 0xfe70 && c <= 0xfefe) || (c >= 0x10800 && c <= 0x10fff) ||
         (c >= 0x1e800 && c <= 0x1efff);
}

/* Text in which every character is left to right or neutral is shown the
 * same with or without isolates: nothing in it or around it can run right
 * to left.  Left out, they spare Pango a font lookup: no font has a glyph
 * for FSI or PDI, and for each size of text that has one Pango loads a
 * monospace font to measure the hex box it would draw. */
char *
ca_chart_drop_idle_isolates (const char *text)
{
  GString *out;

  if (strstr (text, FSI) == NULL && strstr (text, PDI) == NULL)
    return NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (may_reorder (g_utf8_get_char (p)))
      return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0x2068 && c != 0x2069)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

const char *
ca_chart_isolated_name (CaChartLayout *self,
                        const CaNode  *node)
{
  return ca_chart_take_string (self, ca_chart_isolate (ca_chart_node_name (self, node)));
}

const char *
ca_chart_isolated_metric (CaChartLayout  *self,
                          const CaMetric *metric)
{
  return ca_chart_take_string (self, ca_chart_isolate (ca_chart_metric_name (self, metric)));
}

const char *
ca_chart_node_name (CaChartLayout *self,
                    const CaNode  *node)
{
  return ca_node_get_name (node, self->data_lang);
}

/* In the chart's language where the source has it, else as it is given. */
const char *
ca_chart_publisher (CaChartLayout  *self,
                    const CaSource *source)
{
  return ca_source_get_publisher (source, self->data_lang, NULL);
}

const char *
ca_chart_metric_name (CaChartLayout  *self,
                      const CaMetric *metric)
{
  const char *name = ca_text_lookup (&metric->names, self->data_lang);

  return name != NULL ? name : metric->id;
}

static char *
figure_when (CaChartLayout  *self,
             const CaFigure *figure)
{
  CaDate year = { figure->date.year, 0, 0 };

  if (figure->type == CA_FIGURE_GOAL)
    return ca_format_date (self->lang, &year);
  return ca_format_date (self->lang, &figure->date);
}

static char *
source_line (CaChartLayout  *self,
             const CaSource *source)
{
  g_autofree char *date = NULL;
  g_autofree char *publisher = NULL;

  if (source == NULL)
    return g_strdup ("");
  date = ca_format_date (self->lang, &source->published);
  publisher = ca_chart_isolate (ca_chart_publisher (self, source));
  /* Translators: a tooltip line naming where a figure was published: publisher, date */
  return g_strdup_printf (ca_i18n_gettext (self->lang, "Source: %s, %s"), publisher, date);
}

/* A value as ca-format.h writes it, isolated: its unit (or a count's word)
 * comes from the data. */
static char *
isolated_value (CaChartLayout  *self,
                const CaFigure *figure)
{
  g_autofree char *value = ca_format_figure_value_worded (self->lang, figure);

  return ca_chart_isolate (value);
}

static char *
reached_text (CaChartLayout  *self,
              const CaFigure *goal,
              const CaFigure *reached)
{
  g_autofree char *value = isolated_value (self, reached);
  g_autofree char *share = ca_format_percent (goal->value > 0 ? reached->value / goal->value : 0);
  g_autofree char *when = figure_when (self, reached);

  /* Translators: what a place reports against its goal: value (share of the goal, date) */
  return g_strdup_printf (ca_i18n_gettext (self->lang, "Reached %s (%s of the goal, %s)"), value,
                          share, when);
}

/* The quote of the figure's own source, in the chart's language where the
 * figure has one in it, else in the one it has: in quotation marks, cut to
 * CA_CHART_TOOLTIP_QUOTE characters with an ellipsis; NULL without one. */
char *
ca_chart_quote_line (CaChartLayout  *self,
                     const CaNode   *node,
                     const CaFigure *figure)
{
  CaText quotes = ca_node_get_figure_quotes (node, figure);
  const char *quote = ca_text_lookup (&quotes, self->data_lang);
  g_autofree char *cut = NULL;
  g_autofree char *isolated = NULL;

  if (quote == NULL)
    return NULL;
  cut = ca_quote_line (quote, CA_CHART_TOOLTIP_QUOTE);
  isolated = ca_chart_isolate (cut);
  /* Translators: the words of a figure's source in a tooltip, in quotation
   * marks; Chinese “%s” as well */
  return g_strdup_printf (ca_i18n_pgettext (self->lang, "tooltip", "“%s”"), isolated);
}

char *
ca_chart_disagreement_line (CaChartLayout  *self,
                            const CaNode   *node,
                            const CaFigure *figure)
{
  CaReport report;
  g_autofree char *sources = NULL;

  if (figure->type != CA_FIGURE_COUNT || !ca_report_init_for (&report, node, figure))
    return NULL;
  if (report.disagreeing)
    sources = ca_report_describe_sources (&report, self->lang, ca_chart_isolate);
  ca_report_clear (&report);
  if (sources == NULL)
    return NULL;
  /* Translators: a tooltip line of a count that other sources report
   * otherwise for the same day; %s lists every value with its source */
  return g_strdup_printf (ca_i18n_gettext (self->lang, "Sources disagree: %s"), sources);
}

char *
ca_chart_figure_tooltip (CaChartLayout  *self,
                         const CaNode   *node,
                         const CaFigure *figure,
                         const CaFigure *reached)
{
  g_autofree char *value = isolated_value (self, figure);
  g_autofree char *when = figure_when (self, figure);
  g_autofree char *source = source_line (self, figure->source);
  g_autofree char *metric = ca_chart_isolate (ca_chart_metric_name (self, figure->metric));
  g_autofree char *place = ca_chart_isolate (ca_chart_node_name (self, node));
  g_autofree char *line = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *quote = ca_chart_quote_line (self, node, figure);
  g_autofree char *disagree = ca_chart_disagreement_line (self, node, figure);

  if (figure->type == CA_FIGURE_GOAL)
    /* Translators: a goal in a tooltip: metric, value, year it is due */
    line = g_strdup_printf (ca_i18n_gettext (self->lang, "%s goal: %s by %s"), metric, value,
                            when);
  else
    /* Translators: a count in a tooltip: metric, value, date */
    line = g_strdup_printf (ca_i18n_gettext (self->lang, "%s: %s (%s)"), metric, value, when);
  if (reached != NULL)
    progress = reached_text (self, figure, reached);
  if (progress != NULL)
    return g_strjoin ("\n", place, line, progress, source, quote, NULL);
  if (disagree != NULL)
    return g_strjoin ("\n", place, line, disagree, quote, NULL);
  return g_strjoin ("\n", place, line, source, quote, NULL);
}

char *
ca_chart_figure_a11y (CaChartLayout  *self,
                      const CaNode   *node,
                      const CaFigure *figure,
                      const CaFigure *reached)
{
  g_autofree char *value = ca_format_figure_value_worded (self->lang, figure);
  g_autofree char *when = figure_when (self, figure);
  g_autofree char *share = NULL;
  const char *metric = ca_chart_metric_name (self, figure->metric);
  const char *place = ca_chart_node_name (self, node);

  if (figure->type == CA_FIGURE_COUNT)
    /* Translators: a screen reader's name of a count: "Projects: 16 (Baoshan, April 2024)" */
    return g_strdup_printf (ca_i18n_gettext (self->lang, "%s: %s (%s, %s)"), metric, value,
                            place, when);
  if (reached == NULL)
    /* Translators: a screen reader's name of a goal: metric, value, place, year */
    return g_strdup_printf (ca_i18n_gettext (self->lang, "%s goal: %s (%s, %s)"), metric, value,
                            place, when);
  share = ca_format_percent (figure->value > 0 ? reached->value / figure->value : 0);
  /* Translators: as "%s goal: %s (%s, %s)", then the share of it reached */
  return g_strdup_printf (ca_i18n_gettext (self->lang, "%s goal: %s (%s, %s), %s reached"),
                          metric, value, place, when, share);
}

char *
ca_chart_sum_value (CaChartLayout  *self,
                    const CaMetric *metric,
                    double          total,
                    CaQualifier     qualifier)
{
  CaFigure sum = { 0 };
  g_autofree char *value = NULL;

  sum.type = CA_FIGURE_COUNT;
  sum.metric = metric;
  sum.value = total;
  sum.qualifier = qualifier;
  /* Isolated: the unit in it comes from the data. */
  value = ca_format_figure_value (self->lang, &sum);
  return ca_chart_isolate (value);
}

/* The label drawn by a bar.  The panel's heading names a count's metric, so
 * a count is written as its number alone ("≥ 40"); money and quantities keep
 * their unit ("≈ CNY 500 bn"). */
char *
ca_chart_value_label (CaChartLayout  *self,
                      const CaMetric *metric,
                      double          value,
                      CaQualifier     qualifier)
{
  const char *symbol = ca_format_qualifier_symbol (qualifier);
  g_autofree char *number = NULL;

  if (metric->kind != CA_METRIC_COUNT)
    return ca_chart_sum_value (self, metric, value, qualifier);
  number = ca_format_number (value);
  return ca_format_qualified (self->lang, symbol, number);
}

static int
date_cmp (const CaDate *a,
          const CaDate *b)
{
  if (a->year != b->year)
    return a->year - b->year;
  if (a->month != b->month)
    return a->month - b->month;
  return a->day - b->day;
}

/* The most recent count of @metric that @node itself holds, or NULL. */
const CaFigure *
ca_chart_latest_count (const CaNode   *node,
                       const CaMetric *metric)
{
  const CaFigure *latest = NULL;

  for (guint i = 0; i < ca_node_get_n_figures (node); i++)
    {
      const CaFigure *figure = ca_node_get_figure (node, i);

      if (figure->type != CA_FIGURE_COUNT || figure->metric != metric)
        continue;
      if (latest == NULL || date_cmp (&figure->date, &latest->date) > 0)
        latest = figure;
    }
  return latest;
}

gboolean
ca_chart_report_value (CaChartLayout  *self,
                       const CaNode   *node,
                       const CaFigure *count,
                       double         *low,
                       double         *high,
                       CaQualifier    *qualifier)
{
  CaReport report;
  gboolean first = TRUE;

  *low = count->value;
  *qualifier = count->qualifier;
  *high = 0;
  if (!ca_report_init_for (&report, node, count))
    return TRUE;
  if (report.disagreeing)
    {
      first = g_ptr_array_index (report.figures, 0) == count;
      for (guint i = 0; i < report.figures->len; i++)
        {
          const CaFigure *other = g_ptr_array_index (report.figures, i);

          *low = MIN (*low, other->value);
          *high = MAX (*high, other->value);
          *qualifier = ca_qualifier_join (*qualifier, other->qualifier);
          ca_chart_add_source (self, other->source);
        }
    }
  ca_report_clear (&report);
  return first;
}

char *
ca_chart_range_label (CaChartLayout  *self,
                      const CaMetric *metric,
                      double          low,
                      double          high,
                      CaQualifier     qualifier)
{
  g_autofree char *from = ca_chart_value_label (self, metric, low, qualifier);
  g_autofree char *to = NULL;

  if (high <= low)
    return g_steal_pointer (&from);
  to = ca_chart_value_label (self, metric, high, CA_QUALIFIER_EXACT);
  return g_strdup_printf (ca_i18n_pgettext (self->lang, "range", "%s to %s"), from, to);
}

/* A panel's heading: the metric and the unit of its axis. */
char *
ca_chart_heading (CaChartLayout  *self,
                  const CaMetric *metric,
                  double          max_value)
{
  g_autofree char *unit = ca_format_axis_unit (self->lang, metric, max_value);
  g_autofree char *name = ca_chart_isolate (ca_chart_metric_name (self, metric));
  g_autofree char *isolated_unit = NULL;

  /* A count's unit is its own name ("projects"), which the heading has. */
  if (unit == NULL || *unit == '\0' || metric->kind == CA_METRIC_COUNT)
    return g_steal_pointer (&name);
  isolated_unit = ca_chart_isolate (unit);
  /* Translators: a chart panel's heading: metric (unit of its axis) */
  return g_strdup_printf (ca_i18n_gettext (self->lang, "%s (%s)"), name, isolated_unit);
}
