/* ca-progress.h: how far along a goal is, from the counts reported for it
 *
 * The rules are those of "Progress of a goal" in data/atlas-format.md:
 * the latest report of the goal's metric on the goal's node, its range by
 * qualifier, the straight line expected from the baseline to the goal, the
 * status and the share of the goal's time that has passed.  Dates go in as
 * CaDate; a year or a year-month stands for its last day.  "Today" is
 * always a parameter, so that a test says which day it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ca-model-types.h"

G_BEGIN_DECLS

/* In the order a reader ranks them, worst known first; the tokens are
 * those of the CSV export. */
typedef enum {
  CA_PROGRESS_NO_REPORT,    /* "no-report" */
  CA_PROGRESS_NO_BASELINE,  /* "no-baseline" */
  CA_PROGRESS_BEHIND,       /* "behind" */
  CA_PROGRESS_UNCERTAIN,    /* "uncertain": behind or on track */
  CA_PROGRESS_ON_TRACK,     /* "on-track" */
  CA_PROGRESS_ACHIEVED,     /* "achieved" */
} CaProgressStatus;

/* A value known to lie in [low, high]; high is INFINITY for an open end. */
typedef struct {
  double low;
  double high;
} CaRange;

/* Figures of one metric on one date taken together: one range from the
 * smallest low end to the largest high end, every figure and source kept. */
typedef struct {
  CaDate     date;         /* as the first figure writes it */
  guint32    day;          /* the Julian day it stands for (GDate's numbering) */
  CaRange    range;
  gboolean   disagreeing;  /* two sources or more, two values or more */
  GPtrArray *figures;      /* const CaFigure *, borrowed, in the order given */
  GPtrArray *sources;      /* const CaSource *, borrowed, each once */
} CaReport;

typedef struct {
  const CaNode     *node;
  const CaFigure   *goal;
  gboolean          ceiling;          /* the goal is qualified at-most */
  guint             n_reports;        /* counts of the goal's metric on the node */
  CaReport          latest;           /* those on the latest date; empty without reports */
  gboolean          has_share;        /* a report, and a goal value above 0 */
  CaRange           share;            /* latest.range / goal value */
  gboolean          has_expected;     /* a report, a baseline and a baseline year */
  double            expected;         /* on the line at the latest report's day */
  gboolean          has_expected_now;
  double            expected_now;     /* on the line at @today */
  gboolean          has_time_elapsed;
  double            time_elapsed;     /* 0..1 */
  CaProgressStatus  status;
} CaProgress;

/* The Julian day @date stands for: the day itself, the last day of a
 * year-month or 31 December of a year alone. */
guint32           ca_progress_date_day         (const CaDate     *date);
/* The local date of the moment it is called, for the callers that show
 * today's state; tests pass a fixed date instead. */
CaDate            ca_progress_today            (void);

/* The range the qualifier of @figure gives its value: exact [v, v], about
 * [0.95v, 1.05v], nearly [0.95v, v], at-least and more-than [v, ∞),
 * at-most [0, v]. */
CaRange           ca_progress_figure_range     (const CaFigure   *figure);

/* Takes @n_figures figures (of one metric, on one date) as one report: the
 * rule for reports that disagree, for every table that lists them. */
void              ca_report_init               (CaReport         *report,
                                                const CaFigure  **figures,
                                                guint             n_figures);
void              ca_report_clear              (CaReport         *report);
/* The report of @node on one day: its own counts of @metric whose dates
 * stand for @day (ca_progress_date_day (): "2024" and "2024-12-31" are one
 * day), taken together by ca_report_init ().  FALSE, and @report empty,
 * when there are none.  The goals' progress, the figures list and the
 * charts all take reports from here, so that they agree on what
 * disagrees. */
gboolean          ca_report_init_at            (CaReport         *report,
                                                const CaNode     *node,
                                                const CaMetric   *metric,
                                                guint32           day);
/* A new string made of @text, such as the text in bidi isolates. */
typedef char *(*CaWrapFunc) (const char *text);

/* Every figure of @report with its source, for a reader: "60 firms
 * (Municipal Commission); 64 firms (Wire Service)", in @lang; each value
 * and publisher through @wrap when it is given. */
char             *ca_report_describe_sources   (const CaReport   *report,
                                                const char       *lang,
                                                CaWrapFunc        wrap);
/* The report @count, a count of @node, belongs to. */
gboolean          ca_report_init_for           (CaReport         *report,
                                                const CaNode     *node,
                                                const CaFigure   *count);

/* The value expected of @goal at @date, on the straight line from its
 * baseline (31 December of the baseline year) to its value (31 December
 * of its year), by days, clamped between the two; FALSE when the goal has
 * no baseline or no baseline year. */
gboolean          ca_progress_expected_at      (const CaFigure   *goal,
                                                const CaDate     *date,
                                                double           *expected);
/* The share of the goal's period passed at @date, 0..1; FALSE when the
 * period has no start (no baseline year and no source). */
gboolean          ca_progress_time_elapsed     (const CaFigure   *goal,
                                                const CaDate     *date,
                                                double           *elapsed);

/* The progress of @goal, a goal figure of @node, as of @today. */
CaProgress       *ca_progress_new              (const CaNode     *node,
                                                const CaFigure   *goal,
                                                const CaDate     *today);
void              ca_progress_free             (CaProgress       *progress);

const char       *ca_progress_status_to_token  (CaProgressStatus  status);
gboolean          ca_progress_status_from_token (const char       *token,
                                                 CaProgressStatus *status);
/* The status for a reader: "achieved", "on track", "behind", "behind or
 * on track", "no baseline", "no report". */
const char       *ca_progress_status_word      (const char       *lang,
                                                CaProgressStatus  status);
/* The status with its inputs, one line in @lang: "behind: CNY 200 billion
 * reported for 2024, CNY 260 billion expected on the line from CNY 100
 * billion (2020) to CNY 500 billion (2030)". */
char             *ca_progress_explain          (const CaProgress *progress,
                                                const char       *lang);

/* How many of the node's own goals are behind or uncertain (may be
 * behind), and how many goals it has: a node whose goals all need a look
 * (@n_goals > 0 and the two equal) is marked in the tree. */
guint             ca_progress_count_lagging    (const CaNode     *node,
                                                const CaDate     *today,
                                                guint            *n_goals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaProgress, ca_progress_free)

G_END_DECLS
