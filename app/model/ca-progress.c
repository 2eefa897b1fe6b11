/* ca-progress.c: how far along a goal is, from the counts reported for it
 *
 * Plain day arithmetic on GDate's Julian days: a date stands for its last
 * day, the expected line runs from 31 December of the baseline year to 31
 * December of the goal's year.  The rules, the ceiling rule among them,
 * are written out in data/atlas-format.md, "Progress of a goal"; keep the
 * two the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-progress.h"

/* A reported "about v" is taken as within 5% of v either way, "nearly v"
 * as up to 5% under it. */
#define BAND 0.05

/* Marks a message for xgettext; ca_i18n_pgettext () translates it. */
#define NC_(context, text) (text)

/* Each status's CSV token and its word for a reader, by CaProgressStatus. */
static const struct {
  const char *token;
  const char *word;
} statuses[] = {
  /* Translators: the status of a goal of which nothing is reported yet */
  { "no-report", NC_("goal status", "no report") },
  /* Translators: the status of a goal with reports but no baseline, so
   * that no value is expected by a date */
  { "no-baseline", NC_("goal status", "no baseline") },
  /* Translators: the status of a goal under the value expected by now */
  { "behind", NC_("goal status", "behind") },
  /* Translators: the status of a goal whose reported figure ("about",
   * "more than") may be under or over the value expected by now */
  { "uncertain", NC_("goal status", "behind or on track") },
  /* Translators: the status of a goal at or past the value expected by now */
  { "on-track", NC_("goal status", "on track") },
  /* Translators: the status of a goal whose value is reached */
  { "achieved", NC_("goal status", "achieved") },
};

/* Dates ------------------------------------------------------------------ */

guint32
ca_progress_date_day (const CaDate *date)
{
  GDateMonth month;
  GDateDay day;
  GDate d;

  g_return_val_if_fail (date != NULL, 0);
  g_return_val_if_fail (g_date_valid_year (date->year), 0);

  month = date->month >= 1 && date->month <= 12 ? date->month : G_DATE_DECEMBER;
  day = date->month >= 1 && date->month <= 12 ? date->day : 0;
  if (day == 0 || !g_date_valid_dmy (day, month, date->year))
    day = g_date_get_days_in_month (month, date->year);
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, date->year);
  return g_date_get_julian (&d);
}

static guint32
year_end_day (int year)
{
  CaDate date = { (gint16) year, 0, 0 };

  return ca_progress_date_day (&date);
}

CaDate
ca_progress_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  CaDate today = {
    (gint16) g_date_time_get_year (now),
    (guint8) g_date_time_get_month (now),
    (guint8) g_date_time_get_day_of_month (now),
  };

  return today;
}

/* Reports ---------------------------------------------------------------- */

CaRange
ca_progress_figure_range (const CaFigure *figure)
{
  double v;

  g_return_val_if_fail (figure != NULL, ((CaRange) { 0, 0 }));

  v = figure->value;
  switch ((CaQualifier) figure->qualifier)
    {
    case CA_QUALIFIER_ABOUT:
      return (CaRange) { v * (1 - BAND), v * (1 + BAND) };
    case CA_QUALIFIER_NEARLY:
      return (CaRange) { v * (1 - BAND), v };
    case CA_QUALIFIER_AT_LEAST:
    case CA_QUALIFIER_MORE_THAN:
      return (CaRange) { v, INFINITY };
    case CA_QUALIFIER_AT_MOST:
      return (CaRange) { 0, v };
    case CA_QUALIFIER_EXACT:
    default:
      return (CaRange) { v, v };
    }
}

void
ca_report_init (CaReport        *report,
                const CaFigure **figures,
                guint            n_figures)
{
  gboolean values_differ = FALSE;

  g_return_if_fail (report != NULL);
  g_return_if_fail (figures != NULL && n_figures > 0);

  report->date = figures[0]->date;
  report->day = ca_progress_date_day (&figures[0]->date);
  report->range = ca_progress_figure_range (figures[0]);
  report->figures = g_ptr_array_sized_new (n_figures);
  report->sources = g_ptr_array_new ();
  for (guint i = 0; i < n_figures; i++)
    {
      CaRange range = ca_progress_figure_range (figures[i]);

      report->range.low = MIN (report->range.low, range.low);
      report->range.high = MAX (report->range.high, range.high);
      values_differ |= figures[i]->value != figures[0]->value;
      g_ptr_array_add (report->figures, (gpointer) figures[i]);
      if (figures[i]->source != NULL
          && !g_ptr_array_find (report->sources, figures[i]->source, NULL))
        g_ptr_array_add (report->sources, (gpointer) figures[i]->source);
    }
  report->disagreeing = values_differ && report->sources->len >= 2;
}

void
ca_report_clear (CaReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->figures, g_ptr_array_unref);
  g_clear_pointer (&report->sources, g_ptr_array_unref);
}

static gboolean
same_metric (const CaMetric *a,
             const CaMetric *b)
{
  return a == b || (a != NULL && b != NULL && g_strcmp0 (a->id, b->id) == 0);
}

gboolean
ca_report_init_at (CaReport       *report,
                   const CaNode   *node,
                   const CaMetric *metric,
                   guint32         day)
{
  g_autoptr(GPtrArray) same = g_ptr_array_new ();

  g_return_val_if_fail (report != NULL && node != NULL, FALSE);

  *report = (CaReport) { 0 };
  for (guint i = 0; i < ca_node_get_n_figures (node); i++)
    {
      const CaFigure *figure = ca_node_get_figure (node, i);

      if (figure->type == CA_FIGURE_COUNT && same_metric (figure->metric, metric)
          && ca_progress_date_day (&figure->date) == day)
        g_ptr_array_add (same, (gpointer) figure);
    }
  if (same->len == 0)
    return FALSE;
  ca_report_init (report, (const CaFigure **) same->pdata, same->len);
  return TRUE;
}

gboolean
ca_report_init_for (CaReport       *report,
                    const CaNode   *node,
                    const CaFigure *count)
{
  g_return_val_if_fail (count != NULL && count->type == CA_FIGURE_COUNT, FALSE);
  return ca_report_init_at (report, node, count->metric, ca_progress_date_day (&count->date));
}

/* The latest day of a count of the goal's metric on @node itself (0 when
 * there is none); *n_reports receives how many counts of it there are. */
static guint32
latest_day (const CaNode   *node,
            const CaFigure *goal,
            guint          *n_reports)
{
  guint32 latest = 0;

  *n_reports = 0;
  for (guint i = 0; i < ca_node_get_n_figures (node); i++)
    {
      const CaFigure *figure = ca_node_get_figure (node, i);

      if (figure->type != CA_FIGURE_COUNT || !same_metric (figure->metric, goal->metric))
        continue;
      (*n_reports)++;
      latest = MAX (latest, ca_progress_date_day (&figure->date));
    }
  return latest;
}

/* The line and the clock ------------------------------------------------- */

/* The value on the line from @b at day @start to @v at day @end, at @day,
 * held at @b before the start and at @v from the end on. */
static double
along_line (double  b,
            double  v,
            guint32 start,
            guint32 end,
            guint32 day)
{
  if (day >= end || end <= start)
    return v;
  if (day <= start)
    return b;
  return b + (v - b) * (double) (day - start) / (double) (end - start);
}

gboolean
ca_progress_expected_at (const CaFigure *goal,
                         const CaDate   *date,
                         double         *expected)
{
  g_return_val_if_fail (goal != NULL && date != NULL && expected != NULL, FALSE);

  if (!goal->has_baseline || goal->baseline_year == 0)
    return FALSE;
  *expected = along_line (goal->baseline, goal->value, year_end_day (goal->baseline_year),
                          year_end_day (goal->date.year), ca_progress_date_day (date));
  return TRUE;
}

/* The baseline year wins over the source's publication: the expected line
 * starts there too, so that the time passed and the value expected agree. */
gboolean
ca_progress_time_elapsed (const CaFigure *goal,
                          const CaDate   *date,
                          double         *elapsed)
{
  guint32 start;

  g_return_val_if_fail (goal != NULL && date != NULL && elapsed != NULL, FALSE);

  if (goal->baseline_year != 0)
    start = year_end_day (goal->baseline_year);
  else if (goal->source != NULL)
    start = ca_progress_date_day (&goal->source->published);
  else
    return FALSE;
  *elapsed = along_line (0, 1, start, year_end_day (goal->date.year),
                         ca_progress_date_day (date));
  return TRUE;
}

/* Status ----------------------------------------------------------------- */

/* A ceiling (at-most) is met while the whole reported range is under it;
 * on its way down (or up) from the baseline, the range is measured against
 * the line the other way round: under it is on track, over it behind. */
static CaProgressStatus
assess_ceiling (const CaProgress *self)
{
  const CaRange *r = &self->latest.range;

  if (r->high <= self->goal->value)
    return CA_PROGRESS_ACHIEVED;
  if (!self->has_expected)
    return CA_PROGRESS_NO_BASELINE;
  if (r->high <= self->expected)
    return CA_PROGRESS_ON_TRACK;
  if (r->low > self->expected)
    return CA_PROGRESS_BEHIND;
  return CA_PROGRESS_UNCERTAIN;
}

/* Achieved needs no baseline, so it comes before no-baseline. */
static CaProgressStatus
assess (const CaProgress *self)
{
  const CaRange *r = &self->latest.range;

  if (self->n_reports == 0)
    return CA_PROGRESS_NO_REPORT;
  if (self->ceiling)
    return assess_ceiling (self);
  if (r->low >= self->goal->value)
    return CA_PROGRESS_ACHIEVED;
  if (!self->has_expected)
    return CA_PROGRESS_NO_BASELINE;
  if (r->low >= self->expected)
    return CA_PROGRESS_ON_TRACK;
  if (r->high < self->expected)
    return CA_PROGRESS_BEHIND;
  return CA_PROGRESS_UNCERTAIN;
}

static void
measure_latest (CaProgress *self,
                guint32     day)
{
  double v = self->goal->value;

  ca_report_init_at (&self->latest, self->node, self->goal->metric, day);
  self->has_share = v > 0;
  if (self->has_share)
    self->share = (CaRange) { self->latest.range.low / v, self->latest.range.high / v };
  self->has_expected = ca_progress_expected_at (self->goal, &self->latest.date,
                                                &self->expected);
}

CaProgress *
ca_progress_new (const CaNode   *node,
                 const CaFigure *goal,
                 const CaDate   *today)
{
  CaProgress *self;
  guint32 day;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (goal != NULL && goal->type == CA_FIGURE_GOAL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self = g_new0 (CaProgress, 1);
  self->node = node;
  self->goal = goal;
  self->ceiling = goal->qualifier == CA_QUALIFIER_AT_MOST;
  day = latest_day (node, goal, &self->n_reports);
  if (self->n_reports > 0)
    measure_latest (self, day);
  self->has_expected_now = ca_progress_expected_at (goal, today, &self->expected_now);
  self->has_time_elapsed = ca_progress_time_elapsed (goal, today, &self->time_elapsed);
  self->status = assess (self);
  return self;
}

void
ca_progress_free (CaProgress *progress)
{
  if (progress != NULL)
    ca_report_clear (&progress->latest);
  g_free (progress);
}

const char *
ca_progress_status_to_token (CaProgressStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (statuses), NULL);
  return statuses[status].token;
}

gboolean
ca_progress_status_from_token (const char       *token,
                               CaProgressStatus *status)
{
  g_return_val_if_fail (token != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (statuses[i].token, token))
      {
        if (status != NULL)
          *status = (CaProgressStatus) i;
        return TRUE;
      }
  return FALSE;
}

/* Words ------------------------------------------------------------------ */

const char *
ca_progress_status_word (const char       *lang,
                         CaProgressStatus  status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (statuses), "");
  return ca_i18n_pgettext (lang, "goal status", statuses[status].word);
}

/* "CNY 200 billion to CNY 240 billion", or "at least CNY 200 billion" for
 * an open range; @low and @high already written for the reader. */
static char *
range_text (const char *lang,
            const char *low,
            const char *high)
{
  if (high == NULL)
    return ca_format_qualified (lang, ca_format_qualifier_word (lang, CA_QUALIFIER_AT_LEAST),
                                low);
  if (g_str_equal (low, high))
    return g_strdup (low);
  /* Translators: a range of values, "CNY 200 billion to CNY 240 billion",
   * or of shares, "38% to 42%" */
  return g_strdup_printf (ca_i18n_pgettext (lang, "range", "%s to %s"), low, high);
}

static char *
sources_text (const char      *lang,
              const GPtrArray *sources)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    {
      const CaSource *source = g_ptr_array_index (sources, i);

      if (i > 0)
        /* Translators: separates sources in a list */
        g_string_append (out, ca_i18n_gettext (lang, "; "));
      g_string_append (out, ca_source_get_publisher (source, ca_i18n_data_language_of (lang),
                                                     NULL));
    }
  return g_string_free (out, FALSE);
}

char *
ca_report_describe_sources (const CaReport *report,
                            const char     *lang,
                            CaWrapFunc      wrap)
{
  GString *out;

  g_return_val_if_fail (report != NULL && report->figures != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < report->figures->len; i++)
    {
      const CaFigure *figure = g_ptr_array_index (report->figures, i);
      g_autofree char *value = ca_format_figure_value_worded (lang, figure);
      const char *publisher = figure->source != NULL
        ? ca_source_get_publisher (figure->source, ca_i18n_data_language_of (lang), NULL) : "";
      g_autofree char *wrapped_value = wrap != NULL ? wrap (value) : g_strdup (value);
      g_autofree char *wrapped_publisher = wrap != NULL ? wrap (publisher) : g_strdup (publisher);

      if (i > 0)
        g_string_append (out, ca_i18n_gettext (lang, "; "));
      /* Translators: one of the reports that disagree: its value, then its
       * source's publisher, "about 60 firms (Municipal Commission)" */
      g_string_append_printf (out, ca_i18n_pgettext (lang, "sources disagree", "%s (%s)"),
                              wrapped_value, wrapped_publisher);
    }
  return g_string_free (out, FALSE);
}

/* The latest report as the reader should take it: one figure in its own
 * words, or the range of several with the sources when they disagree. */
static char *
reported_text (const CaProgress *self,
               const char       *lang)
{
  const CaReport *report = &self->latest;
  const CaMetric *metric = self->goal->metric;
  g_autofree char *low = NULL, *high = NULL, *range = NULL, *sources = NULL;
  gboolean single = TRUE;

  for (guint i = 1; i < report->figures->len; i++)
    {
      const CaFigure *a = g_ptr_array_index (report->figures, 0);
      const CaFigure *b = g_ptr_array_index (report->figures, i);

      single &= a->value == b->value && a->qualifier == b->qualifier;
    }
  if (single)
    return ca_format_figure_value_worded (lang, g_ptr_array_index (report->figures, 0));
  low = ca_format_value (lang, metric, report->range.low);
  if (isfinite (report->range.high))
    high = ca_format_value (lang, metric, report->range.high);
  range = range_text (lang, low, high);
  if (!report->disagreeing)
    return g_steal_pointer (&range);
  sources = sources_text (lang, report->sources);
  /* Translators: a range of reported values, then the publishers of the
   * reports that disagree: "CNY 200 billion to CNY 240 billion (the
   * sources disagree: Bureau A; Bureau B)" */
  return g_strdup_printf (ca_i18n_pgettext (lang, "goal progress", "%s (the sources disagree: "
                                            "%s)"),
                          range, sources);
}

static char *
share_text (const CaProgress *self,
            const char       *lang)
{
  g_autofree char *low = ca_format_percent (self->share.low);
  g_autofree char *high = NULL;

  if (isfinite (self->share.high))
    high = ca_format_percent (self->share.high);
  return range_text (lang, low, high);
}

/* What every explanation is made of. */
typedef struct {
  const CaProgress *progress;
  const char       *lang;
  const char       *reported;  /* the latest report, for the reader */
  const char       *date;      /* its date, for the reader */
} Inputs;

/* For the statuses measured against the expected line. */
static char *
line_details (const Inputs *in)
{
  const CaFigure *goal = in->progress->goal;
  const char *lang = in->lang;
  g_autofree char *expected = ca_format_value (lang, goal->metric, in->progress->expected);
  g_autofree char *baseline = ca_format_value (lang, goal->metric, goal->baseline);
  g_autofree char *value = ca_format_value (lang, goal->metric, goal->value);
  gboolean uncertain = in->progress->status == CA_PROGRESS_UNCERTAIN;

  return g_strdup_printf (uncertain
                          /* Translators: why a goal is "behind or on track": the
                           * reported value, its date, the value expected then, the
                           * baseline and its year, the goal's value and year: "about
                           * CNY 260 billion reported for 2024, which may be under or
                           * over the CNY 260 billion expected on the line from CNY
                           * 100 billion (2020) to CNY 500 billion (2030)" */
                          ? ca_i18n_pgettext (lang, "goal progress", "%1$s reported for "
                                              "%2$s, which may be under or over the %3$s "
                                              "expected on the line from %4$s (%5$d) to "
                                              "%6$s (%7$d)")
                          /* Translators: why a goal is on track or behind: the
                           * reported value, its date, the value expected then, the
                           * baseline and its year, the goal's value and year: "CNY
                           * 200 billion reported for 2024, CNY 260 billion expected on
                           * the line from CNY 100 billion (2020) to CNY 500 billion
                           * (2030)" */
                          : ca_i18n_pgettext (lang, "goal progress", "%1$s reported for "
                                              "%2$s, %3$s expected on the line from %4$s "
                                              "(%5$d) to %6$s (%7$d)"),
                          in->reported, in->date, expected, baseline, goal->baseline_year,
                          value, goal->date.year);
}

static char *
achieved_details (const Inputs *in)
{
  const CaFigure *goal = in->progress->goal;
  const char *lang = in->lang;
  g_autofree char *value = NULL;

  if (in->progress->ceiling)
    {
      value = ca_format_value (lang, goal->metric, goal->value);
      /* Translators: why a ceiling ("at most") goal is achieved: the
       * reported value, its date, the ceiling and its year: "700 tce
       * reported for 2025, within the ceiling of 800 tce for 2030" */
      return g_strdup_printf (ca_i18n_pgettext (lang, "goal progress", "%1$s reported for "
                                                "%2$s, within the ceiling of %3$s for %4$d"),
                              in->reported, in->date, value, goal->date.year);
    }
  value = ca_format_figure_value_worded (lang, goal);
  /* Translators: why a goal is achieved: the reported value, its date, the
   * goal and its year: "45 projects reported for 2025, the goal of more
   * than 40 projects for 2026 is reached" */
  return g_strdup_printf (ca_i18n_pgettext (lang, "goal progress", "%1$s reported for %2$s, "
                                            "the goal of %3$s for %4$d is reached"),
                          in->reported, in->date, value, goal->date.year);
}

static char *
no_baseline_details (const Inputs *in)
{
  const CaFigure *goal = in->progress->goal;
  const char *lang = in->lang;
  g_autofree char *share = NULL, *value = NULL;

  if (!in->progress->has_share)
    /* Translators: why a goal has no status: the reported value and its
     * date: "20 projects reported for 2024; there is no baseline to draw
     * the expected line from" */
    return g_strdup_printf (ca_i18n_pgettext (lang, "goal progress", "%1$s reported for "
                                              "%2$s; there is no baseline to draw the "
                                              "expected line from"),
                            in->reported, in->date);
  share = share_text (in->progress, lang);
  value = ca_format_value (lang, goal->metric, goal->value);
  /* Translators: why a goal has no status: the reported value, its date,
   * the share of the goal reached, the goal's value and year: "20
   * projects reported for 2024, 40% of the goal of 50 projects for 2027;
   * there is no baseline to draw the expected line from" */
  return g_strdup_printf (ca_i18n_pgettext (lang, "goal progress", "%1$s reported for %2$s, "
                                            "%3$s of the goal of %4$s for %5$d; there is no "
                                            "baseline to draw the expected line from"),
                          in->reported, in->date, share, value, goal->date.year);
}

static char *
no_report_text (const CaProgress *self,
                const char       *lang)
{
  const char *word = ca_progress_status_word (lang, CA_PROGRESS_NO_REPORT);
  g_autofree char *elapsed = NULL;

  if (!self->has_time_elapsed)
    return g_strdup (word);
  elapsed = ca_format_percent (self->time_elapsed);
  /* Translators: a goal of which nothing is reported: the status ("no
   * report"), the share of the goal's time passed, the goal's year: "no
   * report; 50% of the time to 2030 has passed" */
  return g_strdup_printf (ca_i18n_pgettext (lang, "goal progress", "%1$s; %2$s of the time "
                                            "to %3$d has passed"),
                          word, elapsed, self->goal->date.year);
}

char *
ca_progress_explain (const CaProgress *progress,
                     const char       *lang)
{
  g_autofree char *reported = NULL, *date = NULL, *details = NULL;
  Inputs in = { progress, lang, NULL, NULL };

  g_return_val_if_fail (progress != NULL, NULL);

  if (progress->status == CA_PROGRESS_NO_REPORT)
    return no_report_text (progress, lang);
  in.reported = reported = reported_text (progress, lang);
  in.date = date = ca_format_date (lang, &progress->latest.date);
  if (progress->status == CA_PROGRESS_ACHIEVED)
    details = achieved_details (&in);
  else if (progress->status == CA_PROGRESS_NO_BASELINE)
    details = no_baseline_details (&in);
  else
    details = line_details (&in);
  /* Translators: a goal's status, then why: "behind: CNY 200 billion
   * reported for 2024, …"; Chinese "%1$s：%2$s" */
  return g_strdup_printf (ca_i18n_pgettext (lang, "goal progress", "%1$s: %2$s"),
                          ca_progress_status_word (lang, progress->status), details);
}

guint
ca_progress_count_lagging (const CaNode *node,
                           const CaDate *today,
                           guint        *n_goals)
{
  guint goals = 0;
  guint lagging = 0;

  g_return_val_if_fail (node != NULL && today != NULL, 0);
  for (guint i = 0; i < ca_node_get_n_figures (node); i++)
    {
      const CaFigure *figure = ca_node_get_figure (node, i);
      g_autoptr(CaProgress) progress = NULL;

      if (figure->type != CA_FIGURE_GOAL)
        continue;
      goals++;
      progress = ca_progress_new (node, figure, today);
      if (progress->status == CA_PROGRESS_BEHIND || progress->status == CA_PROGRESS_UNCERTAIN)
        lagging++;
    }
  if (n_goals != NULL)
    *n_goals = goals;
  return lagging;
}
