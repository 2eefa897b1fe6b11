/* ca-chart-trend.c: the Trend view of the chart
 *
 * What the node reported over time, one panel per metric (so one unit an
 * axis): its counts as points on an axis of days, joined by a line; a
 * year stands for 31 December and a year-month for its last day, as in
 * ca-progress.  A qualified value ("about", "at least") is an open ring.
 * The node's goals of the metric are targets at their year, their
 * baselines squares, and the straight line ca-progress expects between
 * the two is dashed; a line marks today.  A node that reports nothing
 * itself shows its children's reports instead, one line per child, the
 * largest (by its latest value) first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-chart-private.h"
#include "ca-format.h"
#include "ca-node.h"
#include "ca-progress.h"

typedef struct {
  const CaFigure *figure;
  guint32         day;      /* the Julian day it stands for */
} Point;

typedef struct {
  const CaNode *node;
  GArray       *points;     /* Point, by day */
} Line;

typedef struct {
  const CaMetric *metric;
  GPtrArray      *lines;    /* Line *, the largest first */
  double          max;      /* of the points, goals and baselines */
  guint           n_points;
} Trend;

/* What every panel shares: the days of the axis and the legend's needs. */
typedef struct {
  guint32  first, last;     /* 1 January of the first year to 31 December of the last */
  guint32  today;
  gboolean any_open, any_goal, any_baseline, any_path;
} Span;

typedef struct {
  int             panel;
  CaChartRect     plot;
  Axis            axis;
  double          scale;
  const Span     *span;
  const CaMetric *metric;
} Frame;

#define MAX_LINES CA_CHART_N_CYCLED_SERIES
#define HEADROOM 20.0
#define DOT 7.0
#define HIT 10.0
#define TARGET 12.0
#define BASE 8.0
#define INSET (TARGET / 2 + 1)
/* A line whose points are further apart than this has each one labelled. */
#define LABEL_GAP 48.0

/* Collecting ------------------------------------------------------------- */

static void
line_free (Line *line)
{
  g_array_unref (line->points);
  g_free (line);
}

static void
trend_free (Trend *trend)
{
  g_ptr_array_unref (trend->lines);
  g_free (trend);
}

static Trend *
trend_for (GPtrArray      *all,
           const CaMetric *metric)
{
  Trend *trend;

  for (guint i = 0; i < all->len; i++)
    if (((Trend *) g_ptr_array_index (all, i))->metric == metric)
      return g_ptr_array_index (all, i);
  trend = g_new0 (Trend, 1);
  trend->metric = metric;
  trend->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  g_ptr_array_add (all, trend);
  return trend;
}

/* The figures of one node are added together, so its line is the last. */
static Line *
line_for (Trend        *trend,
          const CaNode *node)
{
  Line *line = trend->lines->len > 0
    ? g_ptr_array_index (trend->lines, trend->lines->len - 1) : NULL;

  if (line != NULL && line->node == node)
    return line;
  line = g_new0 (Line, 1);
  line->node = node;
  line->points = g_array_new (FALSE, FALSE, sizeof (Point));
  g_ptr_array_add (trend->lines, line);
  return line;
}

static void
collect_node (CaChartLayout *self,
              GPtrArray     *all,
              const CaNode  *node)
{
  for (guint i = 0; i < ca_node_get_n_figures (node); i++)
    {
      const CaFigure *figure = ca_node_get_figure (node, i);
      Point point = { figure, 0 };
      Trend *trend;

      if (figure->type != CA_FIGURE_COUNT)
        continue;
      trend = trend_for (all, figure->metric);
      point.day = ca_progress_date_day (&figure->date);
      g_array_append_val (line_for (trend, node)->points, point);
      trend->max = MAX (trend->max, figure->value);
      trend->n_points++;
      ca_chart_add_source (self, figure->source);
    }
}

static gboolean
is_goal_of (const CaFigure *figure,
            const Trend    *trend)
{
  return figure->type == CA_FIGURE_GOAL && figure->metric == trend->metric;
}

/* The goals of @trend's metric on @line's node, from *@i on: the next
 * one, or NULL. */
static const CaFigure *
next_goal (const Trend *trend,
           const Line  *line,
           guint       *i)
{
  while (*i < ca_node_get_n_figures (line->node))
    {
      const CaFigure *figure = ca_node_get_figure (line->node, (*i)++);

      if (is_goal_of (figure, trend))
        return figure;
    }
  return NULL;
}

static gboolean
has_path (const CaFigure *goal)
{
  return goal->has_baseline && goal->baseline_year != 0;
}

/* The goals of each line's node set the axis too, and are cited. */
static void
collect_goals (CaChartLayout *self,
               Trend         *trend)
{
  for (guint l = 0; l < trend->lines->len; l++)
    {
      const CaFigure *goal;

      for (guint i = 0; (goal = next_goal (trend, g_ptr_array_index (trend->lines, l), &i));)
        {
          trend->max = MAX (trend->max, goal->value);
          if (goal->has_baseline)
            trend->max = MAX (trend->max, goal->baseline);
          ca_chart_add_source (self, goal->source);
        }
    }
}

static int
point_cmp (gconstpointer a,
           gconstpointer b)
{
  const Point *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->figure->value != y->figure->value)
    return x->figure->value < y->figure->value ? -1 : 1;
  return 0;
}

static double
latest_value (const Line *line)
{
  return g_array_index (line->points, Point, line->points->len - 1).figure->value;
}

static int
line_cmp (gconstpointer a,
          gconstpointer b)
{
  const Line *x = *(Line * const *) a, *y = *(Line * const *) b;

  if (latest_value (x) != latest_value (y))
    return latest_value (x) > latest_value (y) ? -1 : 1;
  return (int) ca_node_get_index (x->node) - (int) ca_node_get_index (y->node);
}

/* Money first, as the headline figures are; then the metrics with most points. */
static int
trend_cmp (gconstpointer a,
           gconstpointer b)
{
  const Trend *x = *(Trend * const *) a, *y = *(Trend * const *) b;
  int rank = (x->metric->kind != CA_METRIC_MONEY) - (y->metric->kind != CA_METRIC_MONEY);

  return rank != 0 ? rank : (int) y->n_points - (int) x->n_points;
}

/* The node's reports; its children's when it has none. */
static GPtrArray *
collect (CaChartLayout *self)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) trend_free);

  collect_node (self, all, self->node);
  if (all->len == 0)
    {
      for (guint i = 0; i < ca_node_get_n_children (self->node); i++)
        collect_node (self, all, ca_node_get_child (self->node, i));
    }
  for (guint t = 0; t < all->len; t++)
    {
      Trend *trend = g_ptr_array_index (all, t);

      for (guint l = 0; l < trend->lines->len; l++)
        g_array_sort (((Line *) g_ptr_array_index (trend->lines, l))->points, point_cmp);
      g_ptr_array_sort (trend->lines, line_cmp);
      collect_goals (self, trend);
    }
  g_ptr_array_sort (all, trend_cmp);
  return all;
}

/* The time axis ------------------------------------------------------------ */

static guint32
year_day (int      year,
          gboolean last)
{
  CaDate end = { (gint16) year, 0, 0 };
  GDate d;

  if (last)
    return ca_progress_date_day (&end);
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, G_DATE_JANUARY, (GDateYear) year);
  return g_date_get_julian (&d);
}

static int
day_year (guint32 day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  return g_date_get_year (&d);
}

static void
extend (Span    *span,
        guint32  day)
{
  span->first = MIN (span->first, day);
  span->last = MAX (span->last, day);
}

static void
span_goals (Span        *span,
            const Trend *trend,
            const Line  *line)
{
  const CaFigure *goal;

  for (guint i = 0; (goal = next_goal (trend, line, &i)) != NULL;)
    {
      span->any_goal = TRUE;
      extend (span, year_day (goal->date.year, TRUE));
      if (has_path (goal))
        {
          span->any_baseline = TRUE;
          span->any_path = TRUE;
          extend (span, year_day (goal->baseline_year, TRUE));
        }
    }
}

/* One span for every panel, whole years, today in it. */
static void
span_init (CaChartLayout *self,
           GPtrArray     *all,
           Span          *span)
{
  span->today = ca_progress_date_day (&self->options.today);
  span->first = span->last = span->today;
  for (guint t = 0; t < all->len; t++)
    {
      const Trend *trend = g_ptr_array_index (all, t);

      for (guint l = 0; l < MIN (trend->lines->len, MAX_LINES); l++)
        {
          const Line *line = g_ptr_array_index (trend->lines, l);

          for (guint i = 0; i < line->points->len; i++)
            {
              const Point *point = &g_array_index (line->points, Point, i);

              extend (span, point->day);
              span->any_open |= point->figure->qualifier != CA_QUALIFIER_EXACT;
            }
          span_goals (span, trend, line);
        }
    }
  span->first = year_day (day_year (span->first), FALSE);
  span->last = year_day (day_year (span->last), TRUE);
}

/* The days run inside the plot by half a target, so that a goal at the
 * end of the last year is drawn whole. */
static double
day_x (const Frame *frame,
       guint32      day)
{
  const Span *span = frame->span;

  return frame->plot.x + INSET + (double) ((gint64) day - span->first)
                                 * (frame->plot.width - 2 * INSET)
                                 / (double) (span->last + 1 - span->first);
}

static double
value_y (const Frame *frame,
         double       value)
{
  return frame->plot.y + frame->plot.height - value * frame->scale;
}

static void
layout_years (CaChartLayout *self,
              const Frame   *frame)
{
  int first = day_year (frame->span->first), last = day_year (frame->span->last);
  double slot = (frame->plot.width - 2 * INSET) / (last - first + 1);
  int step;

  ca_chart_axis_years (first, last, MAX (1, (guint) (frame->plot.width / 56)), &step);
  for (int year = first; year <= last + 1; year++)
    {
      CaDate date = { (gint16) year, 0, 0 };
      double x = year > last ? frame->plot.x + frame->plot.width - INSET
                             : day_x (frame, year_day (year, FALSE));
      g_autofree char *label = NULL;
      Text text;

      ca_chart_add_shape (self, SHAPE_LINE, INK_GRID, 1.0, x, frame->plot.y, 0,
                          frame->plot.height);
      if (year > last || year % step != 0)
        continue;
      label = ca_format_date (self->lang, &date);
      ca_chart_make_text (self, &text, label, FONT_SMALL, slot * step, 1);
      text.ink = INK_DIM;
      ca_chart_panel_text (self, frame->panel, &text, x + (slot - text.w) / 2,
                           frame->plot.y + frame->plot.height + 3);
    }
}

/* The value axis: each tick's text is made once, the widest sets where
 * the plot begins, and they are placed once it is known. */
static double
make_ticks (CaChartLayout *self,
            const Frame   *frame,
            Text          *ticks)
{
  double widest = 0;

  for (guint t = 0; t < frame->axis.n_ticks; t++)
    {
      g_autofree char *value = ca_format_axis_value (self->lang, frame->metric,
                                                     t * frame->axis.step);

      ca_chart_make_text (self, &ticks[t], value, FONT_SMALL, 0, 1);
      ticks[t].ink = INK_DIM;
      widest = MAX (widest, ticks[t].w);
    }
  return widest;
}

static void
place_ticks (CaChartLayout *self,
             const Frame   *frame,
             Text          *ticks)
{
  for (guint t = 0; t < frame->axis.n_ticks; t++)
    {
      double y = value_y (frame, t * frame->axis.step);

      ca_chart_add_shape (self, SHAPE_LINE, t == 0 ? INK_FOREGROUND : INK_GRID, 1.0,
                          frame->plot.x, y, frame->plot.width, 0);
      ca_chart_panel_text (self, frame->panel, &ticks[t], frame->plot.x - 4 - ticks[t].w,
                           y - ticks[t].h / 2);
    }
}

static void
layout_today (CaChartLayout *self,
              const Frame   *frame)
{
  double x = day_x (frame, frame->span->today);
  Text text;

  ca_chart_add_shape (self, SHAPE_LINE, INK_ACCENT, 1.0, x, frame->plot.y, 0,
                      frame->plot.height);
  /* Translators: the label of the line for today's date on a trend */
  ca_chart_make_text (self, &text, ca_i18n_gettext (self->lang, "Today"), FONT_SMALL, 0, 1);
  text.ink = INK_ACCENT;
  if (x + 3 + text.w > frame->plot.x + frame->plot.width)
    x -= 6 + text.w;
  ca_chart_panel_text (self, frame->panel, &text, x + 3, frame->plot.y);
}

/* Marks -------------------------------------------------------------------- */

static void
add_stroke (CaChartLayout *self,
            ShapeType      type,
            Ink            ink,
            double         x,
            double         y,
            double         w,
            double         h,
            double         width)
{
  ca_chart_add_shape (self, type, ink, 1.0, x, y, w, h);
  g_array_index (self->shapes, Shape, self->shapes->len - 1).line_width = width;
}

/* The label of a point or target: a qualifier and the value as the axis
 * writes it ("≥ CNY 230 bn", "> 20"); the heading names the metric. */
static char *
short_label (CaChartLayout  *self,
             const CaFigure *figure)
{
  g_autofree char *value = ca_format_axis_value (self->lang, figure->metric, figure->value);
  g_autofree char *isolated = ca_chart_isolate (value);

  return ca_format_qualified (self->lang, ca_format_qualifier_symbol (figure->qualifier),
                              isolated);
}

static gboolean
covers_a_point (const CaChartRect *box,
                const Frame       *frame,
                const Line        *line)
{
  for (guint i = 0; line != NULL && i < line->points->len; i++)
    {
      const Point *point = &g_array_index (line->points, Point, i);
      double x = day_x (frame, point->day), y = value_y (frame, point->figure->value);

      if (x + DOT / 2 > box->x && x - DOT / 2 < box->x + box->width &&
          y + DOT / 2 > box->y && y - DOT / 2 < box->y + box->height)
        return TRUE;
    }
  return FALSE;
}

/* A value label above its mark, or below when there is no room above;
 * never over another point of @line. */
static void
label_mark (CaChartLayout *self,
            const Frame   *frame,
            const char    *label,
            const Line    *line,
            double         x,
            double         y,
            double         half)
{
  const CaChartRect *area = &g_array_index (self->panels, Panel, frame->panel).area;

  for (guint i = 0; i < 2; i++)
    {
      Text text;
      CaChartRect box;

      ca_chart_make_text (self, &text, label, FONT_SMALL, 0, 1);
      box.width = text.w;
      box.height = text.h;
      box.x = CLAMP (x - text.w / 2, area->x, area->x + area->width - text.w);
      box.y = i == 0 ? y - half - 1 - text.h : y + half + 1;
      if (!covers_a_point (&box, frame, line) &&
          ca_chart_panel_text (self, frame->panel, &text, box.x, box.y))
        return;
      ca_chart_text_clear (&text);
    }
}

static void
describe_figure (CaChartLayout *self,
                 CaChartMark   *mark)
{
  const CaFigure *reached = mark->figure->type == CA_FIGURE_GOAL
    ? ca_chart_latest_count (mark->node, mark->figure->metric) : NULL;

  if (mark->label == NULL)
    mark->label = ca_chart_take_string (self, short_label (self, mark->figure));
  mark->tooltip = ca_chart_take_string (self, ca_chart_figure_tooltip (self, mark->node,
                                                                       mark->figure, reached));
  mark->accessible_name = ca_chart_take_string (self, ca_chart_figure_a11y (self, mark->node,
                                                                            mark->figure,
                                                                            reached));
}

/* A point or target's mark; its words are written when it is asked for
 * (describe_figure () through self->describe_mark), but its label at once
 * when it is drawn (@labelled), clear of the points of @avoid. */
static void
add_figure_mark (CaChartLayout  *self,
                 const Frame    *frame,
                 CaMarkType      type,
                 const CaFigure *figure,
                 const CaNode   *node,
                 gboolean        labelled,
                 const Line     *avoid,
                 double          x,
                 double          y)
{
  double size = type == CA_MARK_GOAL ? TARGET : HIT;
  int index = ca_chart_add_mark (self, type, frame->panel, x - size / 2, y - size / 2,
                                 size, size);
  CaChartMark *mark = CA_CHART_MARK (self, index);

  mark->node = node;
  mark->figure = figure;
  if (!labelled)
    return;
  mark->label = ca_chart_take_string (self, short_label (self, figure));
  label_mark (self, frame, mark->label, avoid, x, y, type == CA_MARK_GOAL ? TARGET / 2 : DOT / 2);
}

/* The segment from @a to @b, stopped short of an open ring at either end
 * when @open_ends (the rings are drawn). */
static void
layout_segment (CaChartLayout *self,
                const Frame   *frame,
                const Point   *a,
                const Point   *b,
                gboolean       open_ends,
                Ink            ink)
{
  double x0 = day_x (frame, a->day), y0 = value_y (frame, a->figure->value);
  double x1 = day_x (frame, b->day), y1 = value_y (frame, b->figure->value);
  double length = hypot (x1 - x0, y1 - y0);
  double r = DOT / 2;
  double cut0 = open_ends && a->figure->qualifier != CA_QUALIFIER_EXACT ? r : 0;
  double cut1 = open_ends && b->figure->qualifier != CA_QUALIFIER_EXACT ? r : 0;

  if (length <= cut0 + cut1)
    return;
  add_stroke (self, SHAPE_LINE, ink,
              x0 + (x1 - x0) * cut0 / length, y0 + (y1 - y0) * cut0 / length,
              (x1 - x0) * (length - cut0 - cut1) / length,
              (y1 - y0) * (length - cut0 - cut1) / length, 2.0);
}

/* The points of one day from sources that disagree (ca_report_init ()'s
 * rule) are joined by a thick line, from the lowest to the highest: a
 * range, which their tooltips explain, naming every source. */
static void
layout_disagreements (CaChartLayout *self,
                      const Frame   *frame,
                      const Line    *line,
                      Ink            ink)
{
  g_autoptr(GPtrArray) same = g_ptr_array_new ();

  for (guint i = 0, j; i < line->points->len; i = j)
    {
      const Point *first = &g_array_index (line->points, Point, i);
      double low = first->figure->value, high = low;
      CaReport report;

      g_ptr_array_set_size (same, 0);
      for (j = i; j < line->points->len && g_array_index (line->points, Point, j).day
                                           == first->day; j++)
        {
          const CaFigure *figure = g_array_index (line->points, Point, j).figure;

          g_ptr_array_add (same, (gpointer) figure);
          low = MIN (low, figure->value);
          high = MAX (high, figure->value);
        }
      if (same->len < 2)
        continue;
      ca_report_init (&report, (const CaFigure **) same->pdata, same->len);
      if (report.disagreeing)
        add_stroke (self, SHAPE_LINE, ink, day_x (frame, first->day), value_y (frame, high), 0,
                    value_y (frame, low) - value_y (frame, high), DOT - 2);
      ca_report_clear (&report);
    }
}

static void
layout_line (CaChartLayout *self,
             const Frame   *frame,
             const Line    *line,
             Ink            ink)
{
  guint n = line->points->len;
  gboolean sparse = n * LABEL_GAP <= frame->plot.width;
  gboolean spaced = n * (DOT + 2) <= frame->plot.width;

  for (guint i = 1; i < n; i++)
    layout_segment (self, frame, &g_array_index (line->points, Point, i - 1),
                    &g_array_index (line->points, Point, i), spaced, ink);
  layout_disagreements (self, frame, line, ink);
  for (guint i = 0; i < n; i++)
    {
      const Point *point = &g_array_index (line->points, Point, i);
      double x = day_x (frame, point->day), y = value_y (frame, point->figure->value);
      gboolean open = point->figure->qualifier != CA_QUALIFIER_EXACT;

      /* Points closer than their size would hide the line: a dense line
       * draws its latest one alone, and the tooltips tell the rest. */
      if (spaced || i == n - 1)
        add_stroke (self, open ? SHAPE_RING : SHAPE_DOT, ink, x - DOT / 2, y - DOT / 2, DOT,
                    DOT, 1.5);
      /* A dense line labels its latest value only; the tooltips tell the rest. */
      add_figure_mark (self, frame, CA_MARK_POINT, point->figure, line->node, sparse || i == n - 1,
                       sparse ? line : NULL, x, y);
    }
}

/* The goal's baseline as a square, its tooltip the goal's with the
 * baseline added before the source. */
static void
layout_baseline (CaChartLayout  *self,
                 const Frame    *frame,
                 const CaNode   *node,
                 const CaFigure *goal,
                 Ink             ink)
{
  CaDate year = { goal->baseline_year, 0, 0 };
  double x = day_x (frame, ca_progress_date_day (&year)), y = value_y (frame, goal->baseline);
  g_autofree char *value = ca_format_value (self->lang, goal->metric, goal->baseline);
  g_autofree char *isolated = ca_chart_isolate (value);
  g_autofree char *when = ca_format_date (self->lang, &year);
  g_autofree char *tooltip = ca_chart_figure_tooltip (self, node, goal, NULL);
  g_autofree char *a11y = ca_chart_figure_a11y (self, node, goal, NULL);
  g_autofree char *source = NULL;
  CaChartMark *mark;
  char *line_end;

  ca_chart_add_shape (self, SHAPE_FILL, ink, 1.0, x - BASE / 2, y - BASE / 2, BASE, BASE);
  mark = CA_CHART_MARK (self, ca_chart_add_mark (self, CA_MARK_BASELINE, frame->panel,
                                                 x - HIT / 2, y - HIT / 2, HIT, HIT));
  mark->node = node;
  mark->figure = goal;
  mark->label = ca_chart_take_string (self, g_strdup (isolated));
  /* The goal's tooltip is place, goal, source: the baseline goes before the source. */
  line_end = strrchr (tooltip, '\n');
  source = g_strdup (line_end != NULL ? line_end + 1 : "");
  if (line_end != NULL)
    *line_end = '\0';
  mark->tooltip = ca_chart_take_string (self, g_strdup_printf (
      /* Translators: a goal's tooltip (its place and value), its baseline, then its source */
      ca_i18n_gettext (self->lang, "%s\nBaseline: %s (%s)\n%s"), tooltip, isolated, when,
      source));
  mark->accessible_name = ca_chart_take_string (self, g_strdup_printf (
      /* Translators: a screen reader's name of a goal's baseline: the goal, the value, year */
      ca_i18n_gettext (self->lang, "%s, from a baseline of %s (%s)"), a11y, value, when));
}

/* The straight line from the baseline to the goal that ca-progress takes
 * as the expected path, dashed. */
static void
layout_path (CaChartLayout  *self,
             const Frame    *frame,
             const CaFigure *goal,
             Ink             ink)
{
  CaDate from = { goal->baseline_year, 0, 0 }, to = { goal->date.year, 0, 0 };
  double v0, v1, x0, x1;

  if (!ca_progress_expected_at (goal, &from, &v0) || !ca_progress_expected_at (goal, &to, &v1))
    return;
  x0 = day_x (frame, ca_progress_date_day (&from));
  x1 = day_x (frame, ca_progress_date_day (&to));
  add_stroke (self, SHAPE_DASH, ink, x0, value_y (frame, v0), x1 - x0,
              value_y (frame, v1) - value_y (frame, v0), 1.5);
}

static void
layout_paths (CaChartLayout *self,
              const Frame   *frame,
              const Trend   *trend,
              const Line    *line,
              Ink            ink)
{
  const CaFigure *goal;

  for (guint i = 0; (goal = next_goal (trend, line, &i)) != NULL;)
    if (has_path (goal))
      layout_path (self, frame, goal, ink);
}

static void
layout_targets (CaChartLayout *self,
                const Frame   *frame,
                const Trend   *trend,
                const Line    *line,
                Ink            ink)
{
  const CaFigure *goal;

  for (guint i = 0; (goal = next_goal (trend, line, &i)) != NULL;)
    {
      double x, y;

      if (has_path (goal))
        layout_baseline (self, frame, line->node, goal, ink);
      x = day_x (frame, year_day (goal->date.year, TRUE));
      y = value_y (frame, goal->value);
      ca_chart_add_shape (self, SHAPE_DIAMOND, ink, 1.0, x - TARGET / 2, y - TARGET / 2,
                          TARGET, TARGET);
      add_figure_mark (self, frame, CA_MARK_GOAL, goal, line->node, TRUE, NULL, x, y);
    }
}

/* Panels ------------------------------------------------------------------- */

/* Which colour is which child, under the heading of a panel of several
 * lines; then how many lines are not drawn, if any. */
static double
layout_line_legend (CaChartLayout *self,
                    int            panel,
                    const Trend   *trend,
                    guint          shown,
                    double         top)
{
  const CaChartRect *area = &g_array_index (self->panels, Panel, panel).area;
  double x = area->x, row_h = 0;

  for (guint l = 0; l <= shown && l < trend->lines->len; l++)
    {
      const Line *line = l < shown ? g_ptr_array_index (trend->lines, l) : NULL;
      guint more = trend->lines->len - shown;
      g_autofree char *number = ca_format_number (more);
      /* Translators: under a trend's heading: lines left out; %s is a number */
      g_autofree char *note = g_strdup_printf (ca_i18n_ngettext (self->lang,
                                                                 "%s more line is not drawn",
                                                                 "%s more lines are not drawn",
                                                                 more), number);
      double swatch = line != NULL ? DOT + 4 : 0;
      Text text;

      /* Laid out at its own width when it fits, so that a name written
       * right to left does not move to the right of a wider box. */
      ca_chart_make_name (self, &text, line != NULL ? ca_chart_isolated_name (self, line->node)
                                                    : note,
                          FONT_SMALL, MIN (area->width, 200) - swatch, 1);
      text.ink = INK_DIM;
      if (x > area->x && x + swatch + text.w > area->x + area->width)
        {
          x = area->x;
          top += row_h + 2;
        }
      row_h = MAX (row_h, text.h);
      if (line != NULL)
        ca_chart_add_shape (self, SHAPE_DOT, ca_chart_series_ink (l), 1.0, x,
                            top + (text.h - DOT) / 2, DOT, DOT);
      if (ca_chart_panel_text (self, panel, &text, x + swatch, top))
        x += swatch + text.w + 12;
    }
  return top + row_h + 2;
}

static void
layout_plot (CaChartLayout     *self,
             Frame             *frame,
             const CaChartRect *cell,
             double             top)
{
  g_autofree Text *ticks = NULL;
  double tick_w;

  frame->plot.y = top + 4;
  frame->plot.height = MAX (cell->y + cell->height - CA_CHART_PAD - 16 - frame->plot.y, 1);
  ticks = g_new0 (Text, frame->axis.n_ticks);
  tick_w = make_ticks (self, frame, ticks);
  frame->plot.x = cell->x + tick_w + 6;
  frame->plot.width = MAX (cell->x + cell->width - 2 * CA_CHART_PAD - frame->plot.x, 1);
  frame->scale = MAX (frame->plot.height - HEADROOM, 1) / frame->axis.top;
  g_array_index (self->panels, Panel, frame->panel).plot = frame->plot;
  place_ticks (self, frame, ticks);
}

static void
layout_panel (CaChartLayout     *self,
              const Trend       *trend,
              const CaChartRect *cell,
              const Span        *span)
{
  g_autofree char *heading = ca_chart_heading (self, trend->metric, trend->max);
  guint shown = MIN (trend->lines->len, MAX_LINES);
  Frame frame = { 0 };
  double top;

  frame.span = span;
  frame.metric = trend->metric;
  frame.panel = ca_chart_add_panel (self, cell, trend->metric);
  g_array_index (self->panels, Panel, frame.panel).area.width -= CA_CHART_PAD;
  top = ca_chart_panel_heading (self, frame.panel, heading);
  if (trend->lines->len > 1)
    top = layout_line_legend (self, frame.panel, trend, shown, top);
  ca_chart_axis_init (&frame.axis, trend->max,
                      MAX (2, (guint) ((cell->y + cell->height - top) / 40)),
                      trend->metric->kind == CA_METRIC_COUNT);
  layout_plot (self, &frame, cell, top);
  layout_years (self, &frame);
  layout_today (self, &frame);
  for (guint l = 0; l < shown; l++)
    layout_paths (self, &frame, trend, g_ptr_array_index (trend->lines, l),
                  ca_chart_series_ink (l));
  for (guint l = 0; l < shown; l++)
    layout_line (self, &frame, g_ptr_array_index (trend->lines, l), ca_chart_series_ink (l));
  for (guint l = 0; l < shown; l++)
    layout_targets (self, &frame, trend, g_ptr_array_index (trend->lines, l),
                    ca_chart_series_ink (l));
}

static guint
legend_for (CaChartLayout *self,
            const Span    *span,
            LegendItem    *legend)
{
  guint n = 0;

  /* Translators: the legend of a reported value on a trend */
  legend[n++] = (LegendItem) { ca_i18n_gettext (self->lang, "Reported"), INK_DIM, SHAPE_DOT };
  if (span->any_open)
    legend[n++] = (LegendItem) {
      /* Translators: the legend of an open ring on a trend: a value given as "about",
       * "at least", "more than", "nearly" or "at most" */
      ca_i18n_gettext (self->lang, "Not exact (≈, ≥, >, ≲, ≤)"), INK_DIM, SHAPE_RING };
  if (span->any_goal)
    /* Translators: the legend of a goal's marker on a trend */
    legend[n++] = (LegendItem) { ca_i18n_gettext (self->lang, "Goal"), INK_DIM, SHAPE_DIAMOND };
  if (span->any_baseline)
    /* Translators: the legend of a goal's baseline on a trend */
    legend[n++] = (LegendItem) { ca_i18n_gettext (self->lang, "Baseline"), INK_DIM, SHAPE_FILL };
  if (span->any_path)
    legend[n++] = (LegendItem) {
      /* Translators: the legend of the dashed line from a goal's baseline to the goal */
      ca_i18n_gettext (self->lang, "Expected path"), INK_DIM, SHAPE_DASH };
  return n;
}

void
ca_chart_add_trend_sources (CaChartLayout *self)
{
  g_ptr_array_unref (collect (self));
}

void
ca_chart_layout_trend (CaChartLayout *self)
{
  g_autoptr(GPtrArray) all = collect (self);
  g_autofree CaChartRect *cells = NULL;
  LegendItem legend[5];
  Span span = { 0 };
  guint shown;

  if (all->len == 0)
    {
      /* Translators: %s is a place or program; under it are its parks and programs */
      ca_chart_show_empty (self,
                           g_strdup_printf (ca_i18n_gettext (self->lang,
                                                             "No reports are recorded for %s "
                                                             "or directly under it"),
                                            ca_chart_node_name (self, self->node)),
                           g_strdup_printf (ca_i18n_gettext (self->lang,
                                                             "No reports are recorded for %s "
                                                             "or directly under it"),
                                            ca_chart_isolated_name (self, self->node)));
      return;
    }
  self->describe_mark = describe_figure;
  span_init (self, all, &span);
  ca_chart_place_title_legend_footer (self, legend, legend_for (self, &span, legend));
  cells = g_new0 (CaChartRect, all->len);
  shown = ca_chart_grid (self, all->len, 320, 190, cells);
  for (guint i = 0; i < shown; i++)
    layout_panel (self, g_ptr_array_index (all, i), &cells[i], &span);
}
