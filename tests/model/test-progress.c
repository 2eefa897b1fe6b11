/* test-progress.c: the progress of a goal (ca-progress.h) and its CSV
 * columns, on tests/fixtures/progress.xml, whose programs are named after
 * the status each must get
 *
 * Every case is computed as of TODAY; expected values are asserted to 1%,
 * the day counts having been worked out by hand (and by Python's datetime).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-csv.h"
#include "ca-dataset.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-progress.h"

static const CaDate today = { 2026, 3, 31 };
static CaDataset *dataset;

#define BILLION 1e9

static void
assert_near (double actual,
             double expected)
{
  if (isinf (expected))
    {
      g_assert_true (isinf (actual) && actual > 0);
      return;
    }
  if (fabs (actual - expected) > 0.01 * fabs (expected) + 1e-12)
    g_error ("%.17g is not within 1%% of %.17g", actual, expected);
}

static const CaNode *
lookup (const char *id)
{
  const CaNode *node = ca_dataset_lookup_node (dataset, id);

  g_assert_nonnull (node);
  return node;
}

static const CaFigure *
first_goal (const CaNode *node)
{
  for (guint i = 0; i < ca_node_get_n_figures (node); i++)
    if (ca_node_get_figure (node, i)->type == CA_FIGURE_GOAL)
      return ca_node_get_figure (node, i);
  g_assert_not_reached ();
}

static CaProgress *
progress_of (const char *id)
{
  const CaNode *node = lookup (id);

  return ca_progress_new (node, first_goal (node), &today);
}

static guint32
julian (int day,
        int month,
        int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* A year is its 31 December, a month its last day, a day itself. */
static void
test_date_day (void)
{
  static const struct {
    CaDate date;
    int    day, month, year;
  } cases[] = {
    { { 2024, 0, 0 }, 31, 12, 2024 },
    { { 2023, 6, 0 }, 30, 6, 2023 },
    { { 2024, 2, 0 }, 29, 2, 2024 },
    { { 2023, 2, 0 }, 28, 2, 2023 },
    { { 2024, 4, 7 }, 7, 4, 2024 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (ca_progress_date_day (&cases[i].date), ==,
                      julian (cases[i].day, cases[i].month, cases[i].year));
}

/* Each qualifier's band, on a figure made here. */
static void
test_bands (void)
{
  static const struct {
    CaQualifier qualifier;
    double      low, high;
  } cases[] = {
    { CA_QUALIFIER_EXACT, 200, 200 },
    { CA_QUALIFIER_ABOUT, 190, 210 },
    { CA_QUALIFIER_NEARLY, 190, 200 },
    { CA_QUALIFIER_AT_LEAST, 200, INFINITY },
    { CA_QUALIFIER_MORE_THAN, 200, INFINITY },
    { CA_QUALIFIER_AT_MOST, 0, 200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CaFigure figure = { .value = 200, .type = CA_FIGURE_COUNT,
                          .qualifier = cases[i].qualifier };
      CaRange range = ca_progress_figure_range (&figure);

      /* Exactly, not to 1%: 5% bands one point narrower are within 1%. */
      g_assert_cmpfloat_with_epsilon (range.low, cases[i].low, 1e-9);
      if (isinf (cases[i].high))
        g_assert_true (isinf (range.high));
      else
        g_assert_cmpfloat_with_epsilon (range.high, cases[i].high, 1e-9);
    }
}

typedef struct {
  const char       *id;
  CaProgressStatus  status;
  guint             n_reports;
  const char       *date;       /* the latest report's, ISO; NULL for none */
  double            low, high;  /* its range */
  double            expected;   /* at that date; NAN when not known */
} StatusCase;

/* Money from CNY 100 bn (2020) to 500 bn (2030): 260.02 bn expected at the
 * end of 2024 (1461 of 3652 days), 239.87 bn at 30 June 2024 (1277 days).
 * Projects from 20 (2020) to 100 (2030): 55.97 at 30 June 2025 (1642
 * days).  Ceilings from 1000 (2020) to 800 tce (2030): 900 at the end of
 * 2025 (half the days). */
static const StatusCase status_cases[] = {
  { "behind", CA_PROGRESS_BEHIND, 2, "2024", 200 * BILLION, 200 * BILLION, 260.02 * BILLION },
  { "on-track", CA_PROGRESS_ON_TRACK, 1, "2025-06", 60, 60, 55.97 },
  { "achieved", CA_PROGRESS_ACHIEVED, 1, "2025-03-15", 45, INFINITY, NAN },
  { "uncertain-about", CA_PROGRESS_UNCERTAIN, 1, "2024-12-31",
    247 * BILLION, 273 * BILLION, 260.02 * BILLION },
  { "on-track-nearly", CA_PROGRESS_ON_TRACK, 1, "2024",
    261.25 * BILLION, 275 * BILLION, 260.02 * BILLION },
  { "behind-at-most", CA_PROGRESS_BEHIND, 1, "2024", 0, 250 * BILLION, 260.02 * BILLION },
  { "uncertain-more-than", CA_PROGRESS_UNCERTAIN, 1, "2024",
    250 * BILLION, INFINITY, 260.02 * BILLION },
  /* At most the value expected (60 at the end of 2025) may be exactly it. */
  { "uncertain-at-most", CA_PROGRESS_UNCERTAIN, 1, "2025", 0, 60, 60 },
  { "no-baseline", CA_PROGRESS_NO_BASELINE, 1, "2024", 20, 20, NAN },
  { "baseline-no-year", CA_PROGRESS_NO_BASELINE, 1, "2025", 60, 60, NAN },
  { "no-report", CA_PROGRESS_NO_REPORT, 0, NULL, 0, 0, NAN },
  { "disagree", CA_PROGRESS_UNCERTAIN, 3, "2024-06",
    200 * BILLION, 240 * BILLION, 239.87 * BILLION },
  { "same-day", CA_PROGRESS_BEHIND, 2, "2024", 250 * BILLION, 250 * BILLION, 260.02 * BILLION },
  { "ceiling-achieved", CA_PROGRESS_ACHIEVED, 1, "2025", 0, 700, 900 },
  { "ceiling-on-track", CA_PROGRESS_ON_TRACK, 1, "2025", 880, 880, 900 },
  { "ceiling-behind", CA_PROGRESS_BEHIND, 1, "2025", 950, 950, 900 },
  { "ceiling-uncertain", CA_PROGRESS_UNCERTAIN, 1, "2025", 855, 945, 900 },
  { "ceiling-no-baseline", CA_PROGRESS_NO_BASELINE, 1, "2025", 900, 900, NAN },
  /* At least the value expected may be exactly it: not certainly behind. */
  { "ceiling-at-least", CA_PROGRESS_UNCERTAIN, 1, "2025", 900, INFINITY, 900 },
  /* About the ceiling may be over it: not achieved, but under the line. */
  { "ceiling-about-goal", CA_PROGRESS_ON_TRACK, 1, "2025", 760, 840, 900 },
};

static void
test_status (gconstpointer data)
{
  const StatusCase *c = data;
  g_autoptr(CaProgress) progress = progress_of (c->id);
  g_autofree char *date = NULL;

  g_assert_cmpstr (ca_progress_status_to_token (progress->status), ==,
                   ca_progress_status_to_token (c->status));
  g_assert_cmpuint (progress->n_reports, ==, c->n_reports);
  g_assert_cmpint (progress->ceiling, ==, g_str_has_prefix (c->id, "ceiling"));
  g_assert_cmpint (progress->has_expected, ==, !isnan (c->expected));
  if (progress->has_expected)
    assert_near (progress->expected, c->expected);
  if (c->date == NULL)
    {
      g_assert_null (progress->latest.figures);
      g_assert_false (progress->has_share);
      return;
    }
  date = ca_format_date_iso (&progress->latest.date);
  g_assert_cmpstr (date, ==, c->date);
  assert_near (progress->latest.range.low, c->low);
  assert_near (progress->latest.range.high, c->high);
}

/* Reports on the latest date from two sources with two values make one
 * range, both sources named; the same value from two sources does not
 * disagree, and a year is the same date as its 31 December. */
static void
test_disagreement (void)
{
  g_autoptr(CaProgress) disagree = progress_of ("disagree");
  g_autoptr(CaProgress) same = progress_of ("same-day");

  g_assert_true (disagree->latest.disagreeing);
  g_assert_cmpuint (disagree->latest.figures->len, ==, 2);
  g_assert_cmpuint (disagree->latest.sources->len, ==, 2);
  g_assert_cmpstr (((CaSource *) g_ptr_array_index (disagree->latest.sources, 0))->id, ==,
                   "src-a");
  g_assert_cmpstr (((CaSource *) g_ptr_array_index (disagree->latest.sources, 1))->id, ==,
                   "src-b");

  g_assert_false (same->latest.disagreeing);
  g_assert_cmpuint (same->latest.figures->len, ==, 2);
  g_assert_cmpuint (same->latest.sources->len, ==, 2);
}

/* One source with two values is a range, but no disagreement. */
static void
test_one_source (void)
{
  CaSource source = { .id = "s", .publisher = "S" };
  CaFigure a = { .source = &source, .value = 10, .date = { 2024, 5, 0 } };
  CaFigure b = { .source = &source, .value = 12, .date = { 2024, 5, 0 },
                 .qualifier = CA_QUALIFIER_ABOUT };
  const CaFigure *figures[] = { &a, &b };
  CaReport report;

  ca_report_init (&report, figures, G_N_ELEMENTS (figures));
  g_assert_false (report.disagreeing);
  g_assert_cmpuint (report.sources->len, ==, 1);
  assert_near (report.range.low, 10);
  assert_near (report.range.high, 12.6);
  g_assert_cmpuint (report.day, ==, julian (31, 5, 2024));
  ca_report_clear (&report);
  g_assert_null (report.figures);
}

/* Counts on descendants, and of other metrics, are not reports. */
static void
test_own_node_only (void)
{
  g_autoptr(CaProgress) behind = progress_of ("behind");
  g_autoptr(CaProgress) none = progress_of ("no-report");

  /* behind-child reports CNY 600 bn in 2025: that would be achieved. */
  g_assert_cmpuint (behind->n_reports, ==, 2);
  g_assert_cmpuint (behind->latest.figures->len, ==, 1);
  g_assert_cmpint (behind->latest.date.year, ==, 2024);
  g_assert_cmpuint (none->n_reports, ==, 0);
  g_assert_cmpint (none->status, ==, CA_PROGRESS_NO_REPORT);
}

static void
test_share (void)
{
  g_autoptr(CaProgress) behind = progress_of ("behind");
  g_autoptr(CaProgress) achieved = progress_of ("achieved");
  g_autoptr(CaProgress) no_baseline = progress_of ("no-baseline");
  g_autoptr(CaProgress) ceiling = progress_of ("ceiling-achieved");

  g_assert_true (behind->has_share);
  assert_near (behind->share.low, 0.4);
  assert_near (behind->share.high, 0.4);
  assert_near (achieved->share.low, 1.125);
  assert_near (achieved->share.high, INFINITY);
  g_assert_true (no_baseline->has_share);
  assert_near (no_baseline->share.low, 0.4);
  assert_near (ceiling->share.low, 0);
  assert_near (ceiling->share.high, 0.875);
}

/* The line by days, held at the baseline before it and at the goal after. */
static void
test_expected_line (void)
{
  CaFigure goal = { .value = 500, .baseline = 100, .has_baseline = TRUE,
                    .baseline_year = 2020, .date = { 2030, 0, 0 }, .type = CA_FIGURE_GOAL };
  static const struct {
    CaDate date;
    double expected;
  } cases[] = {
    { { 2019, 0, 0 }, 100 },
    { { 2020, 0, 0 }, 100 },
    { { 2025, 0, 0 }, 300 },
    { { 2024, 12, 31 }, 260.02 },
    { { 2030, 0, 0 }, 500 },
    { { 2035, 6, 0 }, 500 },
  };
  double expected;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (ca_progress_expected_at (&goal, &cases[i].date, &expected));
      assert_near (expected, cases[i].expected);
    }

  /* A decline is clamped the other way round. */
  goal.baseline = 1000;
  goal.value = 800;
  g_assert_true (ca_progress_expected_at (&goal, &cases[0].date, &expected));
  assert_near (expected, 1000);
  g_assert_true (ca_progress_expected_at (&goal, &cases[2].date, &expected));
  assert_near (expected, 900);

  goal.baseline_year = 0;
  g_assert_false (ca_progress_expected_at (&goal, &cases[2].date, &expected));
  goal.baseline_year = 2020;
  goal.has_baseline = FALSE;
  g_assert_false (ca_progress_expected_at (&goal, &cases[2].date, &expected));
}

/* From the baseline year when there is one, from the source's publication
 * (30 June 2021) otherwise; and the value expected today. */
static void
test_time_elapsed (void)
{
  g_autoptr(CaProgress) behind = progress_of ("behind");
  g_autoptr(CaProgress) none = progress_of ("no-report");
  const CaFigure *goal = first_goal (lookup ("no-report"));
  CaDate before = { 2020, 1, 1 }, after = { 2031, 1, 1 };
  double elapsed;

  /* 1916 of 3652 days since 31 December 2020. */
  g_assert_true (behind->has_time_elapsed);
  assert_near (behind->time_elapsed, 0.52464);
  g_assert_true (behind->has_expected_now);
  assert_near (behind->expected_now, 309.86 * BILLION);
  /* 1735 of 3471 days since 30 June 2021. */
  g_assert_true (none->has_time_elapsed);
  assert_near (none->time_elapsed, 0.49986);
  g_assert_false (none->has_expected_now);

  g_assert_true (ca_progress_time_elapsed (goal, &before, &elapsed));
  g_assert_cmpfloat (elapsed, ==, 0);
  g_assert_true (ca_progress_time_elapsed (goal, &after, &elapsed));
  g_assert_cmpfloat (elapsed, ==, 1);
}

static void
test_tokens (void)
{
  static const char * const tokens[] = {
    "no-report", "no-baseline", "behind", "uncertain", "on-track", "achieved",
  };
  CaProgressStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_assert_true (ca_progress_status_from_token (tokens[i], &status));
      g_assert_cmpint (status, ==, i);
      g_assert_cmpstr (ca_progress_status_to_token (status), ==, tokens[i]);
    }
  g_assert_false (ca_progress_status_from_token ("on track", &status));
  g_assert_false (ca_progress_status_from_token ("", &status));
  g_assert_cmpstr (ca_progress_status_word ("en", CA_PROGRESS_UNCERTAIN), ==,
                   "behind or on track");
  g_assert_cmpstr (ca_progress_status_word ("en", CA_PROGRESS_ON_TRACK), ==, "on track");
}

static void
assert_explained (const char *id,
                  const char *expected)
{
  g_autoptr(CaProgress) progress = progress_of (id);
  g_autofree char *text = ca_progress_explain (progress, "en");

  g_assert_cmpstr (text, ==, expected);
}

/* The status with its inputs, in English. */
static void
test_explain (void)
{
  assert_explained ("behind",
                    "behind: CNY 200 billion reported for 2024, CNY 260.02 billion expected "
                    "on the line from CNY 100 billion (2020) to CNY 500 billion (2030)");
  assert_explained ("on-track",
                    "on track: 60 projects reported for June 2025, 55.97 projects expected "
                    "on the line from 20 projects (2020) to 100 projects (2030)");
  assert_explained ("uncertain-about",
                    "behind or on track: about CNY 260 billion reported for 31 December 2024, "
                    "which may be under or over the CNY 260.02 billion expected on the line "
                    "from CNY 100 billion (2020) to CNY 500 billion (2030)");
  assert_explained ("disagree",
                    "behind or on track: CNY 200 billion to CNY 240 billion (the sources "
                    "disagree: Bureau A; Bureau B) reported for June 2024, which may be "
                    "under or over the CNY 239.87 billion expected on the line from CNY 100 "
                    "billion (2020) to CNY 500 billion (2030)");
  assert_explained ("achieved",
                    "achieved: at least 45 projects reported for 15 March 2025, the goal of "
                    "more than 40 projects for 2026 is reached");
  assert_explained ("ceiling-achieved",
                    "achieved: at most 700 tce reported for 2025, within the ceiling of "
                    "800 tce for 2030");
  assert_explained ("no-baseline",
                    "no baseline: 20 projects reported for 2024, 40% of the goal of 50 "
                    "projects for 2027; there is no baseline to draw the expected line from");
  assert_explained ("no-report", "no report; 50% of the time to 2030 has passed");
}

/* The same words in Chinese, by parameter, with the interface left in
 * English; the numbers are Chinese whether or not the words are translated. */
static void
test_explain_chinese (void)
{
  g_autoptr(CaProgress) progress = progress_of ("behind");
  g_autofree char *text = ca_progress_explain (progress, "zh_CN");

  g_assert_cmpstr (ca_i18n_get_language (), ==, "en");
  g_assert_nonnull (strstr (text, "2000亿元"));
  g_assert_nonnull (strstr (text, "5000亿元"));
}

/* One CSV record split into its fields, RFC 4180 quotes undone. */
static GStrv
split_record (const char *line)
{
  GPtrArray *fields = g_ptr_array_new ();
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; ; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (*p == '\0' || (*p == ',' && !quoted))
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (field, *p);
    }
  g_string_free (field, TRUE);
  g_ptr_array_add (fields, NULL);
  return (GStrv) g_ptr_array_free (fields, FALSE);
}

/* The fields of the first row of @id of @kind, from column 13 on. */
static GStrv
progress_cells (const char *csv,
                const char *id,
                const char *kind)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  g_auto(GStrv) header = split_record (lines[0] + 3);

  g_assert_cmpstr (header[13], ==, "reported_value");
  g_assert_cmpstr (header[19], ==, "status");
  g_assert_cmpstr (header[20], ==, "quote");
  g_assert_cmpstr (header[21], ==, "note");
  g_assert_null (header[22]);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = split_record (lines[i]);

      g_assert_cmpuint (g_strv_length (fields), ==, 22);
      /* The seven progress columns, without the quote and the note. */
      g_clear_pointer (&fields[20], g_free);
      g_clear_pointer (&fields[21], g_free);
      if (g_str_equal (fields[0], id) && g_str_equal (fields[2], kind))
        return g_strdupv (fields + 13);
    }
  g_assert_not_reached ();
}

static void
assert_cells (const char *csv,
              const char *id,
              const char *kind,
              const char *expected)
{
  g_auto(GStrv) cells = progress_cells (csv, id, kind);
  g_autofree char *joined = g_strjoinv ("|", cells);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_csv (void)
{
  g_autofree char *csv = ca_csv_format_subtree (lookup ("cases"), "en", &today, NULL);
  g_auto(GStrv) behind = progress_cells (csv, "behind", "goal");

  /* reported_value|reported_date|share_reached|expected_value|expected_now|
   * time_elapsed|status */
  g_assert_cmpstr (behind[0], ==, "200000000000");
  g_assert_cmpstr (behind[1], ==, "2024");
  g_assert_cmpstr (behind[2], ==, "0.4");
  assert_near (g_ascii_strtod (behind[3], NULL), 260.02 * BILLION);
  assert_near (g_ascii_strtod (behind[4], NULL), 309.86 * BILLION);
  g_assert_cmpstr (behind[5], ==, "0.5246");
  g_assert_cmpstr (behind[6], ==, "behind");

  assert_cells (csv, "behind", "count", "||||||");
  assert_cells (csv, "uncertain-about", "goal",
                "247000000000..273000000000|2024-12-31|0.494..0.546|260021905805|"
                "309857612267|0.5246|uncertain");
  assert_cells (csv, "uncertain-more-than", "goal",
                "250000000000..|2024|0.5..|260021905805|309857612267|0.5246|uncertain");
  assert_cells (csv, "disagree", "goal",
                "200000000000..240000000000|2024-06|0.4..0.48|239868565170|"
                "309857612267|0.5246|uncertain");
  assert_cells (csv, "no-report", "goal", "|||||0.4999|no-report");
  assert_cells (csv, "achieved", "goal", "45..|2025-03-15|1.125..|||0.8632|achieved");
  assert_cells (csv, "ceiling-achieved", "goal", "0..700|2025|0..0.875|900|895.071193866|0.5246|"
                "achieved");
}

/* The tree marks a node whose goals all lag: counted on the node's own
 * goals only, behind and uncertain alike. */
static void
test_count_lagging (void)
{
  const struct {
    const char *id;
    guint       lagging;
  } cases[] = {
    { "behind", 1 }, { "uncertain-about", 1 }, { "on-track", 0 }, { "achieved", 0 },
    { "no-baseline", 0 }, { "no-report", 0 }, { "ceiling-behind", 1 },
  };
  guint n_goals = 99;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpuint (ca_progress_count_lagging (lookup (cases[i].id), &today, &n_goals), ==,
                        cases[i].lagging);
      g_assert_cmpuint (n_goals, ==, 1);
    }
  /* A node with no goal of its own has nothing to mark. */
  g_assert_cmpuint (ca_progress_count_lagging (lookup ("behind-child"), &today, &n_goals), ==, 0);
  g_assert_cmpuint (n_goals, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();
  ca_i18n_set_language ("en");

  path = g_build_filename (g_getenv ("CA_FIXTURES"), "progress.xml", NULL);
  dataset = ca_dataset_load_file (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/progress/date-day", test_date_day);
  g_test_add_func ("/progress/bands", test_bands);
  for (guint i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      g_autofree char *name = g_strconcat ("/progress/status/", status_cases[i].id, NULL);

      g_test_add_data_func (name, &status_cases[i], test_status);
    }
  g_test_add_func ("/progress/disagreement", test_disagreement);
  g_test_add_func ("/progress/one-source", test_one_source);
  g_test_add_func ("/progress/own-node-only", test_own_node_only);
  g_test_add_func ("/progress/share", test_share);
  g_test_add_func ("/progress/expected-line", test_expected_line);
  g_test_add_func ("/progress/time-elapsed", test_time_elapsed);
  g_test_add_func ("/progress/tokens", test_tokens);
  g_test_add_func ("/progress/count-lagging", test_count_lagging);
  g_test_add_func ("/progress/explain", test_explain);
  g_test_add_func ("/progress/explain-chinese", test_explain_chinese);
  g_test_add_func ("/progress/csv", test_csv);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
