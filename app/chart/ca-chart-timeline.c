/* ca-chart-timeline.c: the Timeline view of the chart
 *
 * A row per program under the node, a bar from its start to the end of its
 * end year, its goals as diamonds at their years, and a line at the
 * current year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ca-chart-private.h"
#include "ca-format.h"
#include "ca-node.h"

typedef struct {
  const CaNode *node;
  int           start, end;   /* 0 when the program has no period */
} Row;

typedef struct {
  CaChartRect plot;
  int         first, last;    /* the years the axis spans */
  double      row_h;
  double      label_w;
} Axes;

#define MIN_ROW 20.0

static gboolean
has_goals (const CaNode *node)
{
  for (guint i = 0; i < ca_node_get_n_figures (node); i++)
    if (ca_node_get_figure (node, i)->type == CA_FIGURE_GOAL)
      return TRUE;
  return FALSE;
}

static void
extend (int *first,
        int *last,
        int  year)
{
  if (year == 0)
    return;
  *first = *first == 0 ? year : MIN (*first, year);
  *last = *last == 0 ? year : MAX (*last, year);
}

static GArray *
collect (CaChartLayout *self,
         int           *first,
         int           *last)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  for (const CaNode *node = ca_node_next_in_subtree (self->node, NULL); node != NULL;
       node = ca_node_next_in_subtree (self->node, node))
    {
      Row row = { node, ca_node_get_start_year (node), ca_node_get_end_year (node) };

      if (ca_node_get_node_type (node) != CA_NODE_PROGRAM)
        continue;
      if (row.start == 0 && row.end == 0 && !has_goals (node))
        continue;
      /* An open end runs to the current year, a missing start begins at the end. */
      if (row.start != 0 && row.end == 0)
        row.end = MAX (row.start, self->options.current_year);
      if (row.start == 0)
        row.start = row.end;
      extend (first, last, row.start);
      extend (first, last, row.end);
      for (guint i = 0; i < ca_node_get_n_figures (node); i++)
        {
          const CaFigure *figure = ca_node_get_figure (node, i);

          if (figure->type != CA_FIGURE_GOAL)
            continue;
          extend (first, last, figure->date.year);
          ca_chart_add_source (self, figure->source);
        }
      g_array_append_val (rows, row);
    }
  return rows;
}

static double
year_x (const Axes *axes,
        double      year)
{
  return axes->plot.x + (year - axes->first) * axes->plot.width / (axes->last - axes->first + 1);
}

static Ink
status_ink (CaStatus status)
{
  switch (status)
    {
    case CA_STATUS_ACTIVE: return ca_chart_series_ink (0);
    case CA_STATUS_PLANNED: return ca_chart_series_ink (1);
    case CA_STATUS_COMPLETED: return ca_chart_series_ink (2);
    case CA_STATUS_NONE:
    default: return INK_DIM;
    }
}

static void
layout_year_axis (CaChartLayout *self,
                  const Axes    *axes)
{
  int step;
  double slot = axes->plot.width / (axes->last - axes->first + 1);

  ca_chart_axis_years (axes->first, axes->last, MAX (1, (guint) (axes->plot.width / 56)), &step);
  for (int year = axes->first; year <= axes->last + 1; year++)
    {
      CaDate date = { year, 0, 0 };
      g_autofree char *label = NULL;
      Text text;

      ca_chart_add_shape (self, SHAPE_LINE, INK_GRID, 1.0, year_x (axes, year), axes->plot.y,
                          0, axes->plot.height);
      if (year > axes->last || year % step != 0)
        continue;
      label = ca_format_date (self->lang, &date);
      ca_chart_make_text (self, &text, label, FONT_SMALL, 0, 1);
      text.ink = INK_DIM;
      if (text.w <= slot * step)
        ca_chart_panel_text (self, 0, &text, year_x (axes, year + 0.5) - text.w / 2,
                             axes->plot.y + axes->plot.height + 3);
      else
        ca_chart_text_clear (&text);
    }
}

static void
layout_now (CaChartLayout *self,
            const Axes    *axes)
{
  int year = self->options.current_year;
  double x = year_x (axes, year + 0.5);
  CaDate date = { year, 0, 0 };
  g_autofree char *label = NULL;
  g_autofree char *now = NULL;
  Text text;

  if (year < axes->first || year > axes->last)
    return;
  ca_chart_add_shape (self, SHAPE_LINE, INK_ACCENT, 1.0, x, axes->plot.y - 2, 0,
                      axes->plot.height + 2);
  label = ca_format_date (self->lang, &date);
  /* Translators: the label of the current year's line on a timeline */
  now = g_strdup_printf (ca_i18n_gettext (self->lang, "Now (%s)"), label);
  ca_chart_make_text (self, &text, now, FONT_SMALL, 0, 1);
  text.ink = INK_ACCENT;
  ca_chart_panel_text (self, 0, &text,
                       CLAMP (x - text.w / 2, axes->plot.x,
                              axes->plot.x + axes->plot.width - text.w),
                       axes->plot.y - 2 - text.h);
}

static void
describe_program (CaChartLayout *self,
                  int            index,
                  const Row     *row)
{
  CaChartMark *mark = CA_CHART_MARK (self, index);
  g_autofree char *period = ca_format_period (self->lang, ca_node_get_start_year (row->node),
                                              ca_node_get_end_year (row->node));
  CaStatus status = ca_node_get_status (row->node);
  const char *name = ca_chart_node_name (self, row->node);
  const char *isolated = ca_chart_isolated_name (self, row->node);

  mark->node = row->node;
  mark->label = isolated;
  if (status == CA_STATUS_NONE)
    {
      mark->tooltip = ca_chart_take_string (self, g_strdup_printf ("%s\n%s", isolated, period));
      mark->accessible_name = ca_chart_take_string (
          self,
          /* Translators: a screen reader's name of a program's bar: name, period */
          g_strdup_printf (ca_i18n_gettext (self->lang, "%s: %s"), name, period));
      return;
    }
  mark->tooltip = ca_chart_take_string (
      self,
      /* Translators: a program's tooltip: name, then period · status */
      g_strdup_printf (ca_i18n_gettext (self->lang, "%s\n%s · %s"), isolated, period,
                       ca_format_status (self->lang, status)));
  mark->accessible_name = ca_chart_take_string (
      self,
      /* Translators: a screen reader's name of a program's bar: name, period, status */
      g_strdup_printf (ca_i18n_gettext (self->lang, "%s: %s, %s"), name, period,
                       ca_format_status (self->lang, status)));
}

static void
layout_goal_markers (CaChartLayout *self,
                     const Axes    *axes,
                     const Row     *row,
                     double         cy)
{
  double size = MIN (axes->row_h * 0.75, 14.0);

  for (guint i = 0; i < ca_node_get_n_figures (row->node); i++)
    {
      const CaFigure *goal = ca_node_get_figure (row->node, i);
      const CaFigure *reached;
      g_autofree char *value = NULL;
      CaChartMark *mark;
      int index;
      double x;

      if (goal->type != CA_FIGURE_GOAL)
        continue;
      reached = ca_chart_latest_count (row->node, goal->metric);
      x = year_x (axes, goal->date.year + 0.5);
      ca_chart_add_shape (self, SHAPE_DIAMOND, INK_FOREGROUND, 1.0,
                          x - size / 2, cy - size / 2, size, size);
      index = ca_chart_add_mark (self, CA_MARK_GOAL, 0, x - size / 2, cy - size / 2, size, size);
      mark = CA_CHART_MARK (self, index);
      mark->node = row->node;
      mark->figure = goal;
      value = ca_format_figure_value (self->lang, goal);
      mark->label = ca_chart_take_string (self, ca_chart_isolate (value));
      mark->tooltip = ca_chart_take_string (self, ca_chart_figure_tooltip (self, row->node, goal,
                                                                           reached));
      mark->accessible_name = ca_chart_take_string (self, ca_chart_figure_a11y (self, row->node,
                                                                                goal, reached));
    }
}

static void
layout_row (CaChartLayout *self,
            const Axes    *axes,
            const Row     *row,
            guint          index)
{
  double y = axes->plot.y + index * axes->row_h;
  double thick = MIN (axes->row_h * 0.55, 16.0);
  Text name;

  ca_chart_make_name (self, &name, ca_chart_isolated_name (self, row->node), FONT_SMALL,
                      axes->label_w, axes->row_h >= 30 ? 2 : 1);
  ca_chart_panel_text (self, 0, &name, axes->plot.x - CA_CHART_PAD - name.w,
                       y + (axes->row_h - name.h) / 2);
  if (ca_node_get_start_year (row->node) != 0 || ca_node_get_end_year (row->node) != 0)
    {
      double x0 = year_x (axes, row->start), x1 = year_x (axes, row->end + 1);
      Ink ink = status_ink (ca_node_get_status (row->node));
      int mark;

      ca_chart_add_shape (self, SHAPE_FILL, ink, 1.0, x0, y + (axes->row_h - thick) / 2,
                          x1 - x0, thick);
      mark = ca_chart_add_mark (self, CA_MARK_PROGRAM, 0, x0, y + (axes->row_h - thick) / 2,
                                x1 - x0, thick);
      describe_program (self, mark, row);
    }
  layout_goal_markers (self, axes, row, y + axes->row_h / 2);
}

static guint
legend_for (CaChartLayout *self,
            GArray        *rows,
            LegendItem    *legend)
{
  static const CaStatus statuses[] = {
    CA_STATUS_PLANNED, CA_STATUS_ACTIVE, CA_STATUS_COMPLETED, CA_STATUS_NONE
  };
  gboolean any_goals = FALSE;
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    any_goals |= has_goals (g_array_index (rows, Row, i).node);
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      for (guint i = 0; i < rows->len; i++)
        {
          if (ca_node_get_status (g_array_index (rows, Row, i).node) != statuses[s])
            continue;
          legend[n].label = statuses[s] == CA_STATUS_NONE
            /* Translators: the legend of programs without a status */
            ? ca_i18n_gettext (self->lang, "No status")
            : ca_format_status (self->lang, statuses[s]);
          legend[n].ink = status_ink (statuses[s]);
          legend[n++].swatch = SHAPE_FILL;
          break;
        }
    }
  if (!any_goals)
    return n;
  /* Translators: the legend of a goal's marker on the timeline */
  legend[n].label = ca_i18n_gettext (self->lang, "Goal");
  legend[n].ink = INK_FOREGROUND;
  legend[n++].swatch = SHAPE_DIAMOND;
  return n;
}

static double
names_width (CaChartLayout *self,
             GArray        *rows,
             guint          n,
             double         max_w)
{
  double w = 0;

  for (guint i = 0; i < n; i++)
    {
      Text text;

      ca_chart_make_text (self, &text,
                          ca_chart_isolated_name (self, g_array_index (rows, Row, i).node),
                          FONT_SMALL, max_w, 1);
      w = MAX (w, text.w);
      ca_chart_text_clear (&text);
    }
  return w;
}

static void
layout_rows (CaChartLayout *self,
             GArray        *rows,
             Axes          *axes)
{
  guint fit, shown;

  ca_chart_add_panel (self, &self->body, NULL);
  axes->plot.y = self->body.y + 20;
  axes->plot.height = MAX (self->body.height - 20 - 20, 1);
  fit = MAX (1, (guint) (axes->plot.height / MIN_ROW));
  self->wanted_body_height = rows->len * MIN_ROW + 20 + 20;
  shown = rows->len <= fit ? rows->len : fit - 1;
  axes->label_w = names_width (self, rows, shown, self->body.width * 0.35);
  axes->plot.x = self->body.x + axes->label_w + CA_CHART_PAD;
  axes->plot.width = MAX (self->body.x + self->body.width - CA_CHART_PAD - axes->plot.x, 1);
  axes->row_h = MIN (axes->plot.height / MAX (shown + (shown < rows->len), 1), 36.0);
  /* A few rows keep the year axis right under them, not at the bottom. */
  axes->plot.height = MIN (axes->plot.height, (shown + (shown < rows->len)) * axes->row_h);
  g_array_index (self->panels, Panel, 0).plot = axes->plot;
  layout_year_axis (self, axes);
  layout_now (self, axes);
  for (guint i = 0; i < shown; i++)
    layout_row (self, axes, &g_array_index (rows, Row, i), i);
  if (shown < rows->len)
    {
      g_autofree char *number = ca_format_number (rows->len - shown);
      /* Translators: the last row of a timeline too long to show; %s is a number */
      g_autofree char *note = g_strdup_printf (ca_i18n_ngettext (self->lang, "%s more program",
                                                         "%s more programs",
                                                         rows->len - shown), number);

      ca_chart_add_note (self, note, axes->plot.y + shown * axes->row_h + 2);
    }
}

void
ca_chart_add_timeline_sources (CaChartLayout *self)
{
  int first = 0, last = 0;

  g_array_unref (collect (self, &first, &last));
}

void
ca_chart_layout_timeline (CaChartLayout *self)
{
  int first = 0, last = 0;
  g_autoptr(GArray) rows = collect (self, &first, &last);
  LegendItem legend[5];
  Axes axes = { 0 };

  if (rows->len == 0)
    {
      /* Translators: %s is a place or program */
      ca_chart_show_empty (self,
                           g_strdup_printf (ca_i18n_gettext (self->lang,
                                                             "No programs are recorded for %s"),
                                            ca_chart_node_name (self, self->node)),
                           g_strdup_printf (ca_i18n_gettext (self->lang,
                                                             "No programs are recorded for %s"),
                                            ca_chart_isolated_name (self, self->node)));
      return;
    }
  extend (&first, &last, self->options.current_year);
  axes.first = first;
  axes.last = last;
  ca_chart_place_title_legend_footer (self, legend, legend_for (self, rows, legend));
  layout_rows (self, rows, &axes);
}
