/* ca-chart-goals.c: the Goals view of the chart, a goal tracker
 *
 * One row per goal of the node and its descendants, by the year it is due,
 * then in the order of the tree: the node and the metric, a track from 0
 * to the goal with the reported range on it and the value expected now,
 * the share reached and the status, all from ca-progress.h.  Every row has
 * its own scale, so money never shares one with counts.  The track starts
 * at 0, not at the baseline, so that a bar's length is the share written
 * beside it.  The rows that do not fit are counted under the others ("12
 * more goals"); the height that shows them all is the view's wanted height.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ca-chart-private.h"
#include "ca-format.h"
#include "ca-node.h"
#include "ca-progress.h"

typedef struct {
  const CaNode   *node;
  const CaFigure *goal;
  guint           order;      /* in the walk of the tree, for a stable sort */
  CaProgress     *progress;   /* owned; NULL until needed */
} Item;

/* The columns of the rows, the same for every row. */
typedef struct {
  gboolean narrow;
  double   line_h;
  double   row_h;
  double   name_x, name_w;
  double   track_x, track_w;
  double   status_x, status_w;
  double   track_dy, status_dy;   /* from the row's top */
} Columns;

/* One row being laid out. */
typedef struct {
  const Item *item;
  int         panel;
  double      y;
  double      top;          /* the value at the track's right end */
} Row;

#define ROW_PAD 5.0
#define LINE_GAP 3.0
#define COL_GAP 12.0
#define TRACK_H 8.0
#define SWATCH 10.0
#define DIAMOND 9.0
#define NARROW_WIDTH 520.0

static void
item_clear (gpointer data)
{
  g_clear_pointer (&((Item *) data)->progress, ca_progress_free);
}

/* What the walk of the goals found, for the legend. */
typedef struct {
  CaDate   today;
  gboolean any_reported;
  gboolean any_expected;
} Found;

/* Cites the sources of the latest report of @item's metric on its node
 * the first time the pair is met: the report is the same for every goal
 * of the pair, so the progress of the others waits for their rows. */
static void
add_report_sources (CaChartLayout *self,
                    Item          *item,
                    GHashTable    *metrics_seen,
                    Found         *found)
{
  const CaReport *latest;

  if (!g_hash_table_add (metrics_seen, (gpointer) item->goal->metric))
    return;
  item->progress = ca_progress_new (item->node, item->goal, &found->today);
  if (item->progress->n_reports == 0)
    return;
  found->any_reported = TRUE;
  latest = &item->progress->latest;
  for (guint s = 0; s < latest->sources->len; s++)
    ca_chart_add_source (self, g_ptr_array_index (latest->sources, s));
}

/* Every goal of the subtree in the order of the tree, citing its source
 * and those of its latest report. */
static GArray *
collect (CaChartLayout *self,
         Found         *found)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_autoptr(GHashTable) metrics_seen = g_hash_table_new (NULL, NULL);

  found->today = self->options.today.year != 0 ? self->options.today : ca_progress_today ();
  found->any_reported = found->any_expected = FALSE;
  g_array_set_clear_func (items, item_clear);
  for (const CaNode *node = ca_node_next_in_subtree (self->node, NULL); node != NULL;
       node = ca_node_next_in_subtree (self->node, node))
    {
      g_hash_table_remove_all (metrics_seen);
      for (guint i = 0; i < ca_node_get_n_figures (node); i++)
        {
          const CaFigure *figure = ca_node_get_figure (node, i);
          Item item = { node, figure, items->len, NULL };
          double expected;

          if (figure->type != CA_FIGURE_GOAL)
            continue;
          ca_chart_add_source (self, figure->source);
          add_report_sources (self, &item, metrics_seen, found);
          found->any_expected |= ca_progress_expected_at (figure, &found->today, &expected);
          g_array_append_val (items, item);
        }
    }
  return items;
}

static int
item_cmp (gconstpointer a,
          gconstpointer b)
{
  const Item *x = a, *y = b;

  if (x->goal->date.year != y->goal->date.year)
    return x->goal->date.year - y->goal->date.year;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Colour says the status again, never alone: the word is beside it. */
static Ink
status_ink (CaProgressStatus status)
{
  switch (status)
    {
    case CA_PROGRESS_ACHIEVED: return ca_chart_series_ink (2);
    case CA_PROGRESS_ON_TRACK: return ca_chart_series_ink (0);
    case CA_PROGRESS_UNCERTAIN: return ca_chart_series_ink (1);
    case CA_PROGRESS_BEHIND: return ca_chart_series_ink (5);
    case CA_PROGRESS_NO_BASELINE:
    case CA_PROGRESS_NO_REPORT:
    default: return INK_DIM;
    }
}

/* Words of a row ---------------------------------------------------------- */

/* "≈ CNY 500 bn by 2030" */
static const char *
goal_label (CaChartLayout *self,
            const Item    *item)
{
  CaDate year = { item->goal->date.year, 0, 0 };
  g_autofree char *value = ca_chart_value_label (self, item->goal->metric, item->goal->value,
                                                 item->goal->qualifier);
  g_autofree char *when = ca_format_date (self->lang, &year);

  /* Translators: a goal in the Goals chart: its value, with its qualifier
   * ("≈ CNY 500 bn"), and the year it is due */
  return ca_chart_take_string (self, g_strdup_printf (ca_i18n_pgettext (self->lang, "goal row",
                                                                        "%1$s by %2$s"),
                                                      value, when));
}

/* "@low to @high", or "≥ @low" when @high is NULL (an open range); takes
 * both. */
static const char *
take_range (CaChartLayout *self,
            char          *low,
            char          *high)
{
  char *text;

  if (high == NULL)
    text = ca_format_qualified (self->lang, ca_format_qualifier_symbol (CA_QUALIFIER_AT_LEAST),
                                low);
  else if (g_str_equal (low, high))
    text = g_strdup (low);
  else
    text = g_strdup_printf (ca_i18n_pgettext (self->lang, "range", "%s to %s"), low, high);
  g_free (low);
  g_free (high);
  return ca_chart_take_string (self, text);
}

/* The latest report as drawn on the track: "≈ CNY 200 billion (2024)", or
 * the range of reports that differ on that date. */
static const char *
reported_label (CaChartLayout    *self,
                const CaProgress *progress)
{
  const CaReport *report = &progress->latest;
  const CaFigure *first = g_ptr_array_index (report->figures, 0);
  g_autofree char *when = ca_format_date (self->lang, &report->date);
  const char *value;
  gboolean single = TRUE;

  for (guint i = 1; i < report->figures->len; i++)
    {
      const CaFigure *other = g_ptr_array_index (report->figures, i);

      single &= other->value == first->value && other->qualifier == first->qualifier;
    }
  if (single)
    value = ca_chart_take_string (self, ca_chart_value_label (self, first->metric, first->value,
                                                              first->qualifier));
  else
    value = take_range (self,
                        ca_chart_value_label (self, first->metric, report->range.low,
                                              CA_QUALIFIER_EXACT),
                        isfinite (report->range.high)
                        ? ca_chart_value_label (self, first->metric, report->range.high,
                                                CA_QUALIFIER_EXACT)
                        : NULL);
  /* Translators: the latest report drawn on a goal's track: its value,
   * with its qualifier, and its date: "≈ CNY 200 billion (2024)" */
  return ca_chart_take_string (self, g_strdup_printf (ca_i18n_pgettext (self->lang, "goal row",
                                                                        "%1$s (%2$s)"),
                                                      value, when));
}

/* "40%", "38% to 42%", "≥ 112%"; NULL when nothing is reported. */
static const char *
share_label (CaChartLayout    *self,
             const CaProgress *progress)
{
  if (!progress->has_share)
    return NULL;
  return take_range (self, ca_format_percent (progress->share.low),
                     isfinite (progress->share.high) ? ca_format_percent (progress->share.high)
                                                     : NULL);
}

/* For a goal with no report, what is still true: how much of its time has
 * passed; NULL when its period has no start. */
static const char *
elapsed_label (CaChartLayout    *self,
               const CaProgress *progress)
{
  g_autofree char *share = NULL;

  if (!progress->has_time_elapsed)
    return NULL;
  share = ca_format_percent (progress->time_elapsed);
  /* Translators: drawn on the track of a goal of which nothing is
   * reported: the share of the goal's time that has passed, "50%" */
  return ca_chart_take_string (self, g_strdup_printf (ca_i18n_pgettext (self->lang, "goal row",
                                                                        "%s of the time passed"),
                                                      share));
}

/* One line per source of the latest report: "Reported by Bureau A, 15
 * January 2025"; NULL without reports. */
static char *
reported_by (CaChartLayout    *self,
             const CaProgress *progress)
{
  GString *out;

  if (progress->n_reports == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < progress->latest.sources->len; i++)
    {
      const CaSource *source = g_ptr_array_index (progress->latest.sources, i);
      g_autofree char *date = ca_format_date (self->lang, &source->published);
      g_autofree char *publisher = ca_chart_isolate (ca_chart_publisher (self, source));

      if (i > 0)
        g_string_append_c (out, '\n');
      /* Translators: a tooltip line naming who published the latest report
       * on a goal: publisher, date */
      g_string_append_printf (out, ca_i18n_pgettext (self->lang, "goal row", "Reported by %s, %s"),
                              publisher, date);
    }
  return g_string_free (out, FALSE);
}

/* The whole row for a screen reader: the goal, its status with its
 * inputs, the share reached and the value expected now. */
static char *
row_a11y (CaChartLayout *self,
          const Item    *item,
          const char    *explain,
          const char    *share)
{
  const CaProgress *progress = item->progress;
  /* Translators: separates the parts of a goal's description */
  const char *sep = ca_i18n_gettext (self->lang, "; ");
  g_autofree char *goal = ca_chart_figure_a11y (self, item->node, item->goal, NULL);
  g_autoptr(GString) out = g_string_new (goal);

  g_string_append_printf (out, "%s%s", sep, explain);
  if (share != NULL)
    {
      g_string_append (out, sep);
      /* Translators: for a screen reader, the share of a goal reached: "40%" */
      g_string_append_printf (out, ca_i18n_pgettext (self->lang, "goal row",
                                                     "%s of the goal reached"), share);
    }
  if (progress->has_expected_now)
    {
      g_autofree char *value = ca_format_value (self->lang, item->goal->metric,
                                                progress->expected_now);

      /* Translators: for a screen reader, the value expected of a goal
       * today, on the line from its baseline: "CNY 300 billion" */
      g_string_append (out, sep);
      g_string_append_printf (out, ca_i18n_pgettext (self->lang, "goal row", "%s expected now"),
                              value);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
describe (CaChartLayout *self,
          int            index,
          const Item    *item,
          const char    *label,
          const char    *share)
{
  CaChartMark *mark = CA_CHART_MARK (self, index);
  g_autofree char *goal = ca_chart_figure_tooltip (self, item->node, item->goal, NULL);
  g_autofree char *explain = ca_progress_explain (item->progress, self->lang);
  g_autofree char *isolated = ca_chart_isolate (explain);
  g_autofree char *reporters = reported_by (self, item->progress);

  mark->node = item->node;
  mark->figure = item->goal;
  mark->label = label;
  mark->tooltip = ca_chart_take_string (self, g_strjoin ("\n", goal, isolated, reporters, NULL));
  mark->accessible_name = ca_chart_take_string (self, row_a11y (self, item, explain, share));
}

/* Placing a row ------------------------------------------------------------ */

/* @text, made at its natural width, placed in the row at (@x, @y): made
 * again, cut with an ellipsis, when wider than @max_w; its end at @x +
 * @max_w when @right.  Consumes @text. */
static void
place_cut (CaChartLayout *self,
           const Row     *row,
           Text          *text,
           Font           font,
           double         x,
           double         y,
           double         max_w,
           gboolean       right)
{
  Ink ink = text->ink;

  if (max_w < 1)
    {
      ca_chart_text_clear (text);
      return;
    }
  if (text->w > max_w)
    {
      const char *string = text->text;

      ca_chart_text_clear (text);
      ca_chart_make_text (self, text, string, font, max_w, 1);
      text->ink = ink;
    }
  if (right)
    x += max_w - text->w;
  ca_chart_panel_text (self, row->panel, text, x, y);
}

/* Its natural width, so that a name that starts right to left is not
 * aligned at the right of a column. */
static void
make_natural (CaChartLayout *self,
              Text          *text,
              const char    *string,
              Font           font,
              Ink            ink)
{
  ca_chart_make_text (self, text, string, font, 0, 1);
  text->ink = ink;
}

/* Places @string in the row at (@x, @y), cut to @max_w (place_cut ()). */
static void
row_text (CaChartLayout *self,
          const Row     *row,
          const char    *string,
          Font           font,
          Ink            ink,
          double         x,
          double         y,
          double         max_w,
          gboolean       right)
{
  Text text;

  if (string == NULL)
    return;
  make_natural (self, &text, string, font, ink);
  place_cut (self, row, &text, font, x, y, max_w, right);
}

/* The value at the right end of the track: the goal, or more when the
 * baseline, the report or the value expected now lies beyond it; an open
 * range ("at least") gets a fifth more, so that its open end shows. */
static double
track_top (const CaProgress *progress)
{
  const CaFigure *goal = progress->goal;
  double top = goal->value;

  if (goal->has_baseline)
    top = MAX (top, goal->baseline);
  if (progress->has_expected_now)
    top = MAX (top, progress->expected_now);
  if (progress->n_reports > 0)
    {
      const CaRange *range = &progress->latest.range;

      top = MAX (top, isfinite (range->high) ? range->high : range->low * 1.2);
    }
  return top > 0 ? top : 1;
}

static double
track_x (const Columns *cols,
         const Row     *row,
         double         value)
{
  return cols->track_x + CLAMP (value / row->top, 0, 1) * cols->track_w;
}

/* The reported range: solid up to its low end, lighter up to its high
 * end, or to the track's end when it is open. */
static void
layout_report (CaChartLayout *self,
               const Columns *cols,
               const Row     *row,
               double         ty)
{
  const CaProgress *progress = row->item->progress;
  const CaRange *range = &progress->latest.range;
  Ink ink = status_ink (progress->status);
  double x0 = cols->track_x;
  double low = track_x (cols, row, range->low);
  double high = track_x (cols, row, isfinite (range->high) ? range->high : row->top);

  if (range->low > 0)
    ca_chart_add_shape (self, SHAPE_FILL, ink, 1.0, x0, ty + 1,
                        MAX (low - x0, CA_CHART_MIN_BAR), TRACK_H - 2);
  if (high > low)
    ca_chart_add_shape (self, SHAPE_FILL, ink, 0.4, low, ty + 1, high - low, TRACK_H - 2);
}

/* The track from 0 to the goal, the report on it, the value expected now. */
static void
layout_track (CaChartLayout *self,
              const Columns *cols,
              const Row     *row,
              double         ty)
{
  const CaProgress *progress = row->item->progress;
  double goal_x = track_x (cols, row, row->item->goal->value);

  ca_chart_add_shape (self, SHAPE_FILL, INK_GRID, 1.0, cols->track_x, ty,
                      goal_x - cols->track_x, TRACK_H);
  ca_chart_add_shape (self, SHAPE_OUTLINE, INK_DIM, 1.0, cols->track_x, ty,
                      goal_x - cols->track_x, TRACK_H);
  if (progress->n_reports > 0)
    layout_report (self, cols, row, ty);
  ca_chart_add_shape (self, SHAPE_LINE, INK_FOREGROUND, 1.0, goal_x, ty - 3, 0, TRACK_H + 6);
  if (progress->has_expected_now)
    ca_chart_add_shape (self, SHAPE_DIAMOND, INK_FOREGROUND, 1.0,
                        track_x (cols, row, progress->expected_now) - DIAMOND / 2,
                        ty + TRACK_H / 2 - DIAMOND / 2, DIAMOND, DIAMOND);
}

/* Two texts on one line from @x, @w wide: @left at its start and @right
 * at its end.  When both do not fit, @right (the goal) keeps its width and
 * @left a quarter of the line, or more if @right leaves it. */
static void
layout_pair (CaChartLayout *self,
             const Row     *row,
             double         x,
             double         y,
             double         w,
             const char    *left,
             Ink            left_ink,
             const char    *right)
{
  double room = w - (left != NULL ? COL_GAP : 0);
  Text left_text = { 0 }, right_text;
  double left_w, right_w;

  make_natural (self, &right_text, right, FONT_SMALL, INK_FOREGROUND);
  if (left != NULL)
    make_natural (self, &left_text, left, FONT_SMALL, left_ink);
  right_w = right_text.w;
  left_w = left_text.w;
  if (right_w + left_w > room)
    {
      right_w = MIN (right_w, room - MIN (left_w, room * 0.25));
      left_w = room - right_w;
    }
  place_cut (self, row, &right_text, FONT_SMALL, x + w - right_w, y, right_w, TRUE);
  if (left != NULL)
    place_cut (self, row, &left_text, FONT_SMALL, x, y, left_w, FALSE);
}

static void
layout_status (CaChartLayout *self,
               const Columns *cols,
               const Row     *row,
               const char    *share)
{
  CaProgressStatus status = row->item->progress->status;
  double y = row->y + cols->status_dy;
  double text_x = cols->status_x + SWATCH + 4;

  row_text (self, row, share, FONT_SMALL, INK_FOREGROUND, text_x, row->y + ROW_PAD,
            cols->status_w - SWATCH - 4, FALSE);
  ca_chart_add_shape (self, status == CA_PROGRESS_NO_REPORT ? SHAPE_OUTLINE : SHAPE_FILL,
                      status_ink (status), 1.0, cols->status_x,
                      y + (cols->line_h - SWATCH) / 2, SWATCH, SWATCH);
  row_text (self, row, ca_progress_status_word (self->lang, status), FONT_SMALL, INK_FOREGROUND,
            text_x, y, cols->status_w - SWATCH - 4, FALSE);
}

/* The texts of a row but the status: wide, the name and the metric in a
 * column of their own and the report and the goal over the track; narrow,
 * on lines of their own over the whole row: the name, the metric with the
 * goal, the report. */
static void
layout_texts (CaChartLayout *self,
              const Columns *cols,
              const Row     *row,
              const char    *goal)
{
  const CaProgress *progress = row->item->progress;
  const char *name = ca_chart_isolated_name (self, row->item->node);
  const char *metric = ca_chart_isolated_metric (self, row->item->goal->metric);
  const char *reported = progress->n_reports > 0 ? reported_label (self, progress)
                                                 : elapsed_label (self, progress);
  Ink reported_ink = progress->n_reports > 0 ? INK_FOREGROUND : INK_DIM;
  double y1 = row->y + ROW_PAD, y2 = y1 + cols->line_h + LINE_GAP;
  /* The chart's title names its own node: its goals' rows need only the
   * metric, not that name again on every row. */
  gboolean own = row->item->node == self->node;

  row_text (self, row, own ? metric : name, FONT_BODY, INK_FOREGROUND, cols->name_x, y1,
            cols->name_w, FALSE);
  if (!cols->narrow)
    {
      if (!own)
        row_text (self, row, metric, FONT_SMALL, INK_DIM, cols->name_x, y2, cols->name_w, FALSE);
      layout_pair (self, row, cols->track_x, y1, cols->track_w, reported, reported_ink, goal);
      return;
    }
  layout_pair (self, row, cols->track_x, y2, cols->track_w, own ? "" : metric, INK_DIM, goal);
  row_text (self, row, reported, FONT_SMALL, reported_ink, cols->name_x,
            y2 + cols->line_h + LINE_GAP, cols->name_w, FALSE);
}

static void
layout_row (CaChartLayout *self,
            const Columns *cols,
            Item          *item,
            const CaDate  *today,
            double         y)
{
  CaChartRect area = { self->body.x, y, self->body.width, cols->row_h };
  const CaProgress *progress;
  const char *goal = goal_label (self, item);
  const char *share;
  Row row = { item, 0, y, 0 };
  int index;

  if (item->progress == NULL)
    item->progress = ca_progress_new (item->node, item->goal, today);
  progress = item->progress;
  share = share_label (self, progress);
  row.top = track_top (progress);

  row.panel = ca_chart_add_panel (self, &area, item->goal->metric);
  layout_texts (self, cols, &row, goal);
  layout_track (self, cols, &row, y + cols->track_dy + (cols->line_h - TRACK_H) / 2);
  layout_status (self, cols, &row, share);
  ca_chart_add_shape (self, SHAPE_LINE, INK_GRID, 1.0, area.x, y + cols->row_h, area.width, 0);
  index = ca_chart_add_mark (self, CA_MARK_GOAL, row.panel, area.x, y + 1, area.width,
                             cols->row_h - 2);
  describe (self, index, item, goal, share);
}

static double
line_height (CaChartLayout *self)
{
  double h = 0;

  for (Font font = FONT_BODY; font <= FONT_SMALL; font++)
    {
      Text text;

      ca_chart_make_text (self, &text, "Ag", font, 0, 1);
      h = MAX (h, text.h);
      ca_chart_text_clear (&text);
    }
  return h;
}

/* The height of a row: two lines, or four below NARROW_WIDTH, where the
 * names and labels go on lines of their own above a track as wide as the
 * row. */
static void
measure_rows (CaChartLayout *self,
              Columns       *cols)
{
  guint lines;

  cols->line_h = line_height (self);
  cols->narrow = self->body.width < NARROW_WIDTH;
  lines = cols->narrow ? 4 : 2;
  cols->row_h = 2 * ROW_PAD + lines * cols->line_h + (lines - 1) * LINE_GAP;
  cols->track_dy = ROW_PAD + (lines - 1) * (cols->line_h + LINE_GAP);
  cols->status_dy = ROW_PAD + (cols->narrow ? 2 : 1) * (cols->line_h + LINE_GAP);
}

/* The widest name of the metrics of the @n rows shown, each measured once. */
static double
metrics_width (CaChartLayout *self,
               const Item    *items,
               guint          n)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  double w = 0;

  for (guint i = 0; i < n; i++)
    {
      const CaMetric *metric = items[i].goal->metric;

      if (!g_hash_table_add (seen, (gpointer) metric))
        continue;
      w = MAX (w, ca_chart_text_width (self, ca_chart_isolated_metric (self, metric),
                                       FONT_SMALL));
    }
  return w;
}

/* The columns of the rows: the names, wide enough for the metrics shown
 * within a quarter to two fifths of the chart; the status, as wide as its
 * longest word; the track between them.  Narrow, the names take the line
 * and the track the row. */
static void
measure_columns (CaChartLayout *self,
                 Columns       *cols,
                 const Item    *items,
                 guint          shown)
{
  const CaChartRect *body = &self->body;
  double status_w = 0;

  for (CaProgressStatus s = CA_PROGRESS_NO_REPORT; s <= CA_PROGRESS_ACHIEVED; s++)
    status_w = MAX (status_w, ca_chart_text_width (self, ca_progress_status_word (self->lang, s),
                                                   FONT_SMALL));
  cols->status_w = MIN (status_w + SWATCH + 4 + 1, body->width * (cols->narrow ? 0.4 : 0.3));
  cols->status_x = body->x + body->width - cols->status_w;
  cols->name_x = body->x;
  if (cols->narrow)
    {
      cols->name_w = cols->status_x - COL_GAP - body->x;
      cols->track_x = body->x;
      cols->track_w = body->width;
      return;
    }
  cols->name_w = CLAMP (ceil (metrics_width (self, items, shown)), body->width / 4,
                        MIN (body->width * 0.38, 300));
  cols->track_x = cols->name_x + cols->name_w + COL_GAP;
  cols->track_w = MAX (cols->status_x - COL_GAP - cols->track_x, 1);
}

/* How many rows fit the body, keeping a line for the note of the others. */
static guint
rows_shown (CaChartLayout *self,
            const Columns *cols,
            guint          n)
{
  guint fit = (guint) (self->body.height / cols->row_h);

  if (fit >= n)
    return n;
  return (guint) MAX ((self->body.height - CA_CHART_NOTE_H) / cols->row_h, 0);
}

static void
note_hidden (CaChartLayout *self,
             guint          hidden,
             double         y)
{
  g_autofree char *number = ca_format_number (hidden);
  /* Translators: under a Goals chart whose rows do not all fit (an export
   * or a printout); %s is a number */
  g_autofree char *note = g_strdup_printf (ca_i18n_ngettext (self->lang, "%s more goal",
                                                             "%s more goals", hidden),
                                           number);

  ca_chart_add_note (self, note, y);
}

/* Keeps in @legend the keys of what the rows draw: the goal's track
 * always, the report and the value expected now where there are some. */
static guint
legend_items (const Found *found,
              LegendItem  *legend,
              guint        n_legend)
{
  guint n = 1;

  g_assert (n_legend == 3);
  if (found->any_reported)
    legend[n++] = legend[1];
  if (found->any_expected)
    legend[n++] = legend[2];
  return n;
}

void
ca_chart_add_goals_sources (CaChartLayout *self)
{
  Found found;

  g_array_unref (collect (self, &found));
}

void
ca_chart_layout_goals (CaChartLayout *self)
{
  Found found;
  g_autoptr(GArray) items = collect (self, &found);
  LegendItem legend[] = {
    /* Translators: the legend of a goal's track, from 0 to the goal */
    { ca_i18n_gettext (self->lang, "Goal"), INK_DIM, SHAPE_OUTLINE },
    /* Translators: the legend of the reported value drawn on a goal's track */
    { ca_i18n_gettext (self->lang, "Reported"), INK_DIM, SHAPE_FILL },
    /* Translators: the legend of the mark of the value expected of a goal
     * today, on the straight line from its baseline */
    { ca_i18n_gettext (self->lang, "Expected now"), INK_FOREGROUND, SHAPE_DIAMOND },
  };
  Columns cols;
  guint shown, n_legend;

  if (items->len == 0)
    {
      /* Translators: %s is a place or program */
      ca_chart_show_empty (self,
                           g_strdup_printf (ca_i18n_gettext (self->lang,
                                                             "No goals are recorded for %s"),
                                            ca_chart_node_name (self, self->node)),
                           g_strdup_printf (ca_i18n_gettext (self->lang,
                                                             "No goals are recorded for %s"),
                                            ca_chart_isolated_name (self, self->node)));
      return;
    }
  g_array_sort (items, item_cmp);
  n_legend = legend_items (&found, legend, G_N_ELEMENTS (legend));
  ca_chart_place_title_legend_footer (self, legend, n_legend);
  measure_rows (self, &cols);
  self->wanted_body_height = items->len * cols.row_h;
  if (self->measure_only)
    return;
  shown = rows_shown (self, &cols, items->len);
  measure_columns (self, &cols, (const Item *) items->data, shown);
  for (guint i = 0; i < shown; i++)
    layout_row (self, &cols, &g_array_index (items, Item, i), &found.today,
                self->body.y + i * cols.row_h);
  if (shown < items->len)
    note_hidden (self, items->len - shown, self->body.y + shown * cols.row_h + 2);
}
