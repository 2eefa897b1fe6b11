/* ca-chart-timeline.c: the Timeline view of the chart
 *
 * A row per program under the node, a bar from its start to the end of its
 * end year, its goals as diamonds at their years, and a line at the
 * current year.  A program with a start and no end runs to that line and
 * fades out after it; programs without dates are named under the chart.
 * The years are written above the rows as well as below them.
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
  int           start, end;   /* the years its bar spans; 0 when it has no dates */
  gboolean      open;         /* a start and no end: drawn to now, then fading */
} Row;

typedef struct {
  CaChartRect plot;
  int         first, last;    /* the years the axis spans */
  double      row_h;
  double      label_w;
  double      line_h;         /* one line of a name */
} Axes;

/* Rows are never lower than a line of their names, nor than this. */
#define MIN_ROW 20.0
/* The band above the rows for the years and the current year's label, and
 * the one below them for the years. */
#define AXIS_BAND 20.0
/* How far an open end fades out past the current year's line, at least. */
#define FADE_W 24.0

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

/* Every figure of a program is cited: the articles its figures come from
 * are where its name, dates and status were read. */
static void
cite_program (CaChartLayout *self,
              const CaNode  *node)
{
  for (guint i = 0; i < ca_node_get_n_figures (node); i++)
    ca_chart_add_source (self, ca_node_get_figure (node, i)->source);
}

/* The rows of the programs under the node; those with no dates go to
 * @undated (when not NULL), and keep a row only for their goals. */
static GArray *
collect (CaChartLayout *self,
         int           *first,
         int           *last,
         GPtrArray     *undated)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  for (const CaNode *node = ca_node_next_in_subtree (self->node, NULL); node != NULL;
       node = ca_node_next_in_subtree (self->node, node))
    {
      Row row = { node, ca_node_get_start_year (node), ca_node_get_end_year (node), FALSE };

      if (ca_node_get_node_type (node) != CA_NODE_PROGRAM)
        continue;
      cite_program (self, node);
      if (row.start == 0 && row.end == 0 && undated != NULL)
        g_ptr_array_add (undated, (gpointer) node);
      if (row.start == 0 && row.end == 0 && !has_goals (node))
        continue;
      /* An open end runs to the current year, a missing start begins at the end. */
      row.open = row.start != 0 && row.end == 0;
      if (row.open)
        row.end = MAX (row.start, self->options.current_year);
      if (row.start == 0)
        row.start = row.end;
      extend (first, last, row.start);
      extend (first, last, row.end);
      for (guint i = 0; i < ca_node_get_n_figures (node); i++)
        {
          const CaFigure *figure = ca_node_get_figure (node, i);

          if (figure->type == CA_FIGURE_GOAL)
            extend (first, last, figure->date.year);
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

/* The years, under the rows and above them, so that one set stays in view
 * when a long timeline scrolls; a year whose label meets the current
 * year's, placed first, is written by that one. */
static void
layout_year_axis (CaChartLayout *self,
                  const Axes    *axes)
{
  int step;
  double slot = axes->plot.width / (axes->last - axes->first + 1);
  double top = axes->plot.y - 2, bottom = axes->plot.y + axes->plot.height + 3;

  ca_chart_axis_years (axes->first, axes->last, MAX (1, (guint) (axes->plot.width / 56)), &step);
  for (int year = axes->first; year <= axes->last + 1; year++)
    {
      CaDate date = { year, 0, 0 };
      g_autofree char *label = NULL;
      Text text, above;

      ca_chart_add_shape (self, SHAPE_LINE, INK_GRID, 1.0, year_x (axes, year), axes->plot.y,
                          0, axes->plot.height);
      if (year > axes->last || year % step != 0)
        continue;
      label = ca_format_date (self->lang, &date);
      ca_chart_make_text (self, &text, label, FONT_SMALL, 0, 1);
      if (text.w > slot * step)
        {
          ca_chart_text_clear (&text);
          continue;
        }
      ca_chart_make_text (self, &above, label, FONT_SMALL, 0, 1);
      text.ink = above.ink = INK_DIM;
      ca_chart_panel_text (self, 0, &text, year_x (axes, year + 0.5) - text.w / 2, bottom);
      ca_chart_panel_text (self, 0, &above, year_x (axes, year + 0.5) - above.w / 2,
                           top - above.h);
    }
}

#define NOW_GAP 8.0

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
  if (ca_chart_panel_text (self, 0, &text,
                           CLAMP (x - text.w / 2, axes->plot.x,
                                  axes->plot.x + axes->plot.width - text.w),
                           axes->plot.y - 2 - text.h))
    {
      /* The years beside it keep a gap, so that "2025 Now (2026) 2027"
       * does not read as one run of text. */
      CaChartRect *box = &g_array_index (self->texts, Text, self->texts->len - 1).box;

      box->x -= NOW_GAP;
      box->width += 2 * NOW_GAP;
    }
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

/* One diamond for the goals of a program due in one year (an action plan
 * often sets several for its horizon): its tooltip and accessible name
 * give every one of them, and a count beside it says how many there are,
 * so that no goal hides behind another. */
static void
layout_goal_marker (CaChartLayout *self,
                    const Axes    *axes,
                    const Row     *row,
                    double         cy,
                    GPtrArray     *goals)
{
  double size = MIN (axes->row_h * 0.75, 14.0);
  const CaFigure *first = goals->pdata[0];
  double x = year_x (axes, first->date.year + 0.5);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  g_autoptr(GString) accessible = g_string_new (NULL);
  CaChartMark *mark;
  int index;

  for (guint i = 0; i < goals->len; i++)
    {
      const CaFigure *goal = goals->pdata[i];
      const CaFigure *reached = ca_chart_latest_count (row->node, goal->metric);
      g_autofree char *tip = ca_chart_figure_tooltip (self, row->node, goal, reached);
      g_autofree char *a11y = ca_chart_figure_a11y (self, row->node, goal, reached);

      g_string_append_printf (tooltip, "%s%s", i > 0 ? "\n\n" : "", tip);
      /* Translators: separates the goals a screen reader reads for one
       * marker of a timeline */
      g_string_append_printf (accessible, "%s%s", i > 0 ? ca_i18n_gettext (self->lang, "; ") : "",
                              a11y);
    }
  ca_chart_add_shape (self, SHAPE_DIAMOND, INK_FOREGROUND, 1.0,
                      x - size / 2, cy - size / 2, size, size);
  index = ca_chart_add_mark (self, CA_MARK_GOAL, 0, x - size / 2, cy - size / 2, size, size);
  mark = CA_CHART_MARK (self, index);
  mark->node = row->node;
  mark->figure = first;
  if (goals->len == 1)
    {
      g_autofree char *value = ca_format_figure_value (self->lang, first);

      mark->label = ca_chart_take_string (self, ca_chart_isolate (value));
    }
  else
    {
      g_autofree char *number = ca_format_number (goals->len);
      Text text;

      /* Translators: beside a timeline's goal marker that stands for
       * several goals due the same year; %s is how many */
      mark->label = ca_chart_take_string (self, g_strdup_printf (
        ca_i18n_ngettext (self->lang, "%s goal", "%s goals", goals->len), number));
      /* The count on a badge of the background's colour, readable on a
       * program's bar in light and dark styles alike. */
      ca_chart_make_text (self, &text, number, FONT_SMALL, 0, 1);
      text.ink = INK_FOREGROUND;
      if (ca_chart_panel_text (self, 0, &text, x + size / 2 + 4, cy - text.h / 2))
        {
          ca_chart_add_shape (self, SHAPE_FILL, INK_BACKGROUND, 1.0, x + size / 2 + 1,
                              cy - text.h / 2 - 1, text.w + 6, text.h + 2);
          ca_chart_add_shape (self, SHAPE_OUTLINE, INK_DIM, 1.0, x + size / 2 + 1,
                              cy - text.h / 2 - 1, text.w + 6, text.h + 2);
        }
    }
  mark->tooltip = ca_chart_take_string (self, g_string_free (g_steal_pointer (&tooltip), FALSE));
  mark->accessible_name = ca_chart_take_string (self, g_string_free (g_steal_pointer (&accessible),
                                                                     FALSE));
}

static void
layout_goal_markers (CaChartLayout *self,
                     const Axes    *axes,
                     const Row     *row,
                     double         cy)
{
  g_autoptr(GPtrArray) goals = g_ptr_array_new ();
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < ca_node_get_n_figures (row->node); i++)
    {
      const CaFigure *goal = ca_node_get_figure (row->node, i);
      int year = goal->date.year;
      gboolean seen = FALSE;

      for (guint y = 0; y < years->len && !seen; y++)
        seen = g_array_index (years, int, y) == year;
      if (goal->type == CA_FIGURE_GOAL && !seen)
        g_array_append_val (years, year);
    }
  for (guint y = 0; y < years->len; y++)
    {
      g_ptr_array_set_size (goals, 0);
      for (guint i = 0; i < ca_node_get_n_figures (row->node); i++)
        {
          const CaFigure *goal = ca_node_get_figure (row->node, i);

          if (goal->type == CA_FIGURE_GOAL && goal->date.year == g_array_index (years, int, y))
            g_ptr_array_add (goals, (gpointer) goal);
        }
      layout_goal_marker (self, axes, row, cy, goals);
    }
}

/* A program's bar: to the end of its end year, or for an open end, solid
 * to the current year's line and fading out after it. */
static void
layout_bar (CaChartLayout *self,
            const Axes    *axes,
            const Row     *row,
            double         y,
            double         thick)
{
  Ink ink = status_ink (ca_node_get_status (row->node));
  double x0 = year_x (axes, row->start);
  double x1 = year_x (axes, row->end + (row->open ? 0.5 : 1.0));
  double fade = 0;
  int mark;

  ca_chart_add_shape (self, SHAPE_FILL, ink, 1.0, x0, y, x1 - x0, thick);
  if (row->open)
    {
      fade = MIN (MAX (FADE_W, (year_x (axes, 1) - year_x (axes, 0)) / 2),
                  axes->plot.x + axes->plot.width - x1);
      ca_chart_add_shape (self, SHAPE_FADE, ink, 1.0, x1, y, fade, thick);
    }
  mark = ca_chart_add_mark (self, CA_MARK_PROGRAM, 0, x0, y, x1 + fade - x0, thick);
  describe_program (self, mark, row);
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

  /* A name takes a second line only where the row holds two: a taller one
   * would meet its neighbours' and be dropped. */
  ca_chart_make_name (self, &name, ca_chart_isolated_name (self, row->node), FONT_SMALL,
                      axes->label_w, axes->row_h >= 2 * axes->line_h + 2 ? 2 : 1);
  ca_chart_panel_text (self, 0, &name, axes->plot.x - CA_CHART_PAD - name.w,
                       y + (axes->row_h - name.h) / 2);
  if (ca_node_get_start_year (row->node) != 0 || ca_node_get_end_year (row->node) != 0)
    layout_bar (self, axes, row, y + (axes->row_h - thick) / 2, thick);
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
  gboolean any_goals = FALSE, any_open = FALSE;
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      any_goals |= has_goals (g_array_index (rows, Row, i).node);
      any_open |= g_array_index (rows, Row, i).open;
    }
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
  if (any_open)
    {
      /* Translators: the legend of a bar that fades out after the current
       * year's line: a program with a start year and no end year */
      legend[n].label = ca_i18n_gettext (self->lang, "No end date: drawn to now");
      legend[n].ink = INK_DIM;
      legend[n++].swatch = SHAPE_FADE;
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

static double
line_height (CaChartLayout *self)
{
  Text text;
  double h;

  ca_chart_make_text (self, &text, "Ag", FONT_SMALL, 0, 1);
  h = text.h;
  ca_chart_text_clear (&text);
  return h;
}

/* An open end needs room to fade after the current year's line: the axis
 * runs a year further when the last year's half is too narrow for it. */
static void
make_room_to_fade (GArray *rows,
                   Axes   *axes)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      if (row->open && row->end == axes->last
          && axes->plot.width / (axes->last - axes->first + 1) / 2 < FADE_W)
        {
          axes->last++;
          return;
        }
    }
}

/* Lays out the rows, the years and the current year in the body less
 * @below, kept for the note under them; returns where that note goes. */
static double
layout_rows (CaChartLayout *self,
             GArray        *rows,
             Axes          *axes,
             double         below)
{
  double band, min_row, max_row;
  guint fit, shown, slots;

  ca_chart_add_panel (self, &self->body, NULL);
  axes->line_h = line_height (self);
  band = MAX (AXIS_BAND, axes->line_h + 4);
  min_row = MAX (MIN_ROW, axes->line_h + 2);
  max_row = MAX (36.0, 2 * axes->line_h + 2);
  axes->plot.y = self->body.y + band;
  axes->plot.height = MAX (self->body.height - 2 * band - below, 1);
  fit = MAX (1, (guint) (axes->plot.height / min_row));
  self->wanted_body_height = rows->len * max_row + 2 * band + below;
  shown = rows->len <= fit ? rows->len : fit - 1;
  slots = MAX (shown + (shown < rows->len), 1);
  axes->label_w = names_width (self, rows, shown, self->body.width * 0.35);
  axes->plot.x = self->body.x + axes->label_w + CA_CHART_PAD;
  axes->plot.width = MAX (self->body.x + self->body.width - CA_CHART_PAD - axes->plot.x, 1);
  make_room_to_fade (rows, axes);
  axes->row_h = MIN (axes->plot.height / slots, max_row);
  /* A few rows keep the year axis right under them, not at the bottom. */
  axes->plot.height = MIN (axes->plot.height, slots * axes->row_h);
  g_array_index (self->panels, Panel, 0).plot = axes->plot;
  layout_now (self, axes);
  layout_year_axis (self, axes);
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
  return axes->plot.y + axes->plot.height + band + CA_CHART_PAD / 2;
}

/* "3 programs have no dates: A, B, C", with the names isolated (@drawn)
 * or plain, for a screen reader. */
static char *
undated_message (CaChartLayout *self,
                 GPtrArray     *undated,
                 gboolean       drawn)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *number = ca_format_number (undated->len);

  for (guint i = 0; i < undated->len; i++)
    {
      const CaNode *node = g_ptr_array_index (undated, i);

      if (i > 0)
        /* Translators: separates the names in a list ("A, B, C"; Chinese "、") */
        g_string_append (names, ca_i18n_pgettext (self->lang, "list of names", ", "));
      g_string_append (names, drawn ? ca_chart_isolated_name (self, node)
                                    : ca_chart_node_name (self, node));
    }
  /* Translators: under a timeline: how many of its programs have no start
   * or end year (%s, a number), then their names */
  return g_strdup_printf (ca_i18n_ngettext (self->lang, "%s program has no dates: %s",
                                            "%s programs have no dates: %s", undated->len),
                          number, names->str);
}

void
ca_chart_add_timeline_sources (CaChartLayout *self)
{
  int first = 0, last = 0;

  g_array_unref (collect (self, &first, &last, NULL));
}

/* Nothing to draw on a time axis: the chart says which programs there are
 * and that they have no dates, or that there are none. */
static void
show_empty (CaChartLayout *self,
            GPtrArray     *undated)
{
  if (undated->len > 0)
    {
      ca_chart_show_empty (self, undated_message (self, undated, FALSE),
                           undated_message (self, undated, TRUE));
      return;
    }
  /* Translators: %s is a place or program */
  ca_chart_show_empty (self,
                       g_strdup_printf (ca_i18n_gettext (self->lang,
                                                         "No programs are recorded for %s"),
                                        ca_chart_node_name (self, self->node)),
                       g_strdup_printf (ca_i18n_gettext (self->lang,
                                                         "No programs are recorded for %s"),
                                        ca_chart_isolated_name (self, self->node)));
}

void
ca_chart_layout_timeline (CaChartLayout *self)
{
  int first = 0, last = 0;
  g_autoptr(GPtrArray) undated = g_ptr_array_new ();
  g_autoptr(GArray) rows = collect (self, &first, &last, undated);
  LegendItem legend[6];
  Axes axes = { 0 };
  Text note = { 0 };
  double below = 0, y;

  if (rows->len == 0)
    {
      show_empty (self, undated);
      return;
    }
  extend (&first, &last, self->options.current_year);
  axes.first = first;
  axes.last = last;
  ca_chart_place_title_legend_footer (self, legend, legend_for (self, rows, legend));
  if (undated->len > 0)
    {
      g_autofree char *message = undated_message (self, undated, TRUE);

      ca_chart_make_text (self, &note, message, FONT_SMALL, self->body.width, 3);
      note.ink = INK_DIM;
      below = note.h + CA_CHART_PAD;
    }
  y = layout_rows (self, rows, &axes, below);
  if (note.layout != NULL)
    ca_chart_place_text (self, &note, self->body.x, y, &self->body);
}
