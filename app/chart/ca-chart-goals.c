/* ca-chart-goals.c: the Goals view of the chart
 *
 * One panel per metric (so money never shares an axis with counts), years
 * along the bottom, a bar per goal with its value.  Where the node that
 * set a goal also reports a count of the same metric, the count is drawn
 * inside the goal's bar with the share reached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ca-chart-private.h"
#include "ca-format.h"
#include "ca-node.h"

typedef struct {
  const CaNode   *node;       /* the goal's node; NULL for the "others" sum */
  const CaFigure *goal;       /* NULL for the "others" sum */
  const CaFigure *reached;
  double          value;
  CaQualifier     qualifier;
  int             year;
  guint           n_parts;
} Item;

typedef CaChartSeries Series;

#define HEADROOM 34.0
#define MIN_BAR_SLOT 8.0

static gboolean
collect (CaChartLayout *self,
         GPtrArray     *all)
{
  gboolean any_reached = FALSE;

  for (const CaNode *node = ca_node_next_in_subtree (self->node, NULL); node != NULL;
       node = ca_node_next_in_subtree (self->node, node))
    {
      for (guint i = 0; i < ca_node_get_n_figures (node); i++)
        {
          const CaFigure *figure = ca_node_get_figure (node, i);
          Series *series;
          Item item = { 0 };

          if (figure->type != CA_FIGURE_GOAL)
            continue;
          series = ca_chart_series_for (all, figure->metric, sizeof (Item));
          item.node = node;
          item.goal = figure;
          item.reached = ca_chart_latest_count (node, figure->metric);
          item.value = figure->value;
          item.qualifier = figure->qualifier;
          item.year = figure->date.year;
          series->max = MAX (series->max, figure->value);
          ca_chart_add_source (self, figure->source);
          if (item.reached != NULL)
            {
              series->max = MAX (series->max, item.reached->value);
              ca_chart_add_source (self, item.reached->source);
              any_reached = TRUE;
            }
          g_array_append_val (series->items, item);
        }
    }
  return any_reached;
}

static int
item_cmp (gconstpointer a,
          gconstpointer b)
{
  const Item *x = a, *y = b;

  if (x->year != y->year)
    return x->year - y->year;
  if (x->value != y->value)
    return x->value < y->value ? 1 : -1;
  return 0;
}

typedef struct {
  int          panel;
  CaChartRect  plot;
  Axis         axis;
  double       scale;
  Ink          ink;
} Bars;

static void
layout_value_axis (CaChartLayout  *self,
                   Bars           *bars,
                   const CaMetric *metric)
{
  const CaChartRect *plot = &bars->plot;

  for (guint t = 0; t < bars->axis.n_ticks; t++)
    {
      double v = t * bars->axis.step;
      double y = plot->y + plot->height - v * bars->scale;
      const char *tick = ca_chart_take_string (self, ca_format_axis_value (self->lang, metric, v));
      Text text;

      ca_chart_add_shape (self, SHAPE_LINE, t == 0 ? INK_FOREGROUND : INK_GRID, 1.0,
                          plot->x, y, plot->width, 0);
      ca_chart_make_text (self, &text, tick, FONT_SMALL, 0, 1);
      text.ink = INK_DIM;
      ca_chart_panel_text (self, bars->panel, &text, plot->x - 4 - text.w, y - text.h / 2);
    }
}

static double
tick_labels_width (CaChartLayout  *self,
                   const Axis     *axis,
                   const CaMetric *metric)
{
  double w = 0;

  for (guint t = 0; t < axis->n_ticks; t++)
    {
      g_autofree char *label = ca_format_axis_value (self->lang, metric, t * axis->step);
      Text text;

      ca_chart_make_text (self, &text, label, FONT_SMALL, 0, 1);
      w = MAX (w, text.w);
      ca_chart_text_clear (&text);
    }
  return w;
}

static void
describe (CaChartLayout  *self,
          int             index,
          const CaMetric *metric,
          const Item     *item)
{
  CaChartMark *mark = CA_CHART_MARK (self, index);
  g_autofree char *number = NULL;
  g_autofree char *value = NULL;

  if (item->goal != NULL)
    {
      mark->node = item->node;
      mark->figure = item->goal;
      mark->label = ca_chart_take_string (self, ca_chart_value_label (self, metric, item->value,
                                                                      item->qualifier));
      mark->tooltip = ca_chart_take_string (self, ca_chart_figure_tooltip (self, item->node,
                                                                           item->goal,
                                                                           item->reached));
      mark->accessible_name = ca_chart_take_string (self, ca_chart_figure_a11y (self, item->node,
                                                                                item->goal,
                                                                                item->reached));
      return;
    }
  number = ca_format_number (item->n_parts);
  value = ca_chart_sum_value (self, metric, item->value, item->qualifier);
  mark->label = ca_chart_take_string (self, ca_chart_value_label (self, metric, item->value,
                                                                  item->qualifier));
  /* Translators: a bar that adds up goals that did not fit: number, metric, value */
  mark->tooltip = ca_chart_take_string (self, g_strdup_printf (
      ca_i18n_ngettext (self->lang, "%s other goal\n%s: %s in all",
                        "%s other goals\n%s: %s in all", item->n_parts),
      number, ca_chart_isolated_metric (self, metric), value));
  mark->accessible_name = ca_chart_take_string (self, g_strdup_printf (
      ca_i18n_ngettext (self->lang, "%s other goal, %s: %s in all",
                        "%s other goals, %s: %s in all", item->n_parts),
      number, ca_chart_metric_name (self, metric), value));
}

/* The value label above a bar: on one or two lines if the slot is wide
 * enough, else turned upright if there is room above the bar, else left to
 * the tooltip. */
static void
label_bar (CaChartLayout *self,
           Bars          *bars,
           const char    *label,
           double         cx,
           double         slot_w,
           double         bar_top)
{
  Text text;

  /* Too narrow for any text, even turned upright: the tooltip tells it. */
  if (slot_w < 12)
    return;
  ca_chart_make_text (self, &text, label, FONT_SMALL, slot_w, 2);
  if (!pango_layout_is_ellipsized (text.layout))
    {
      pango_layout_set_alignment (text.layout, PANGO_ALIGN_CENTER);
      if (pango_layout_get_line_count (text.layout) == 1)
        pango_layout_set_width (text.layout, -1);
      else
        text.w = slot_w;
      ca_chart_panel_text (self, bars->panel, &text, cx - text.w / 2, bar_top - 2 - text.h);
      return;
    }
  ca_chart_text_clear (&text);
  ca_chart_make_text (self, &text, label, FONT_SMALL, 0, 1);
  if (text.h > slot_w || text.w > bar_top - bars->plot.y - 2)
    {
      ca_chart_text_clear (&text);
      return;
    }
  text.angle = -G_PI / 2;
  ca_chart_panel_text (self, bars->panel, &text, cx - text.h / 2, bar_top - 2);
}

static void
layout_reached (CaChartLayout *self,
                Bars          *bars,
                const Item    *item,
                double         x,
                double         w,
                double         slot_w)
{
  double base = bars->plot.y + bars->plot.height;
  double h = item->reached->value * bars->scale;
  g_autofree char *share = ca_format_percent (item->value > 0
                                              ? item->reached->value / item->value : 0);
  Text text;

  ca_chart_add_shape (self, SHAPE_FILL, bars->ink, 1.0, x + w * 0.2, base - h, w * 0.6, h);
  ca_chart_make_text (self, &text, share, FONT_SMALL, 0, 1);
  text.ink = INK_FOREGROUND;
  /* The share goes under the goal's label when there is room in the bar. */
  if (text.w <= slot_w && h > text.h + 4)
    ca_chart_panel_text (self, bars->panel, &text, x + w / 2 - text.w / 2, base - h - text.h - 2);
  else
    ca_chart_text_clear (&text);
}

static void
layout_bar (CaChartLayout  *self,
            Bars           *bars,
            const CaMetric *metric,
            const Item     *item,
            double          x,
            double          w,
            double          slot_w)
{
  double base = bars->plot.y + bars->plot.height;
  double h = item->value * bars->scale;
  Ink ink = item->goal != NULL ? bars->ink : INK_DIM;
  int index;

  if (h > bars->plot.height)
    {
      /* An "others" sum taller than the plot is drawn broken at the top. */
      h = bars->plot.height;
      ca_chart_add_shape (self, SHAPE_FILL, ink, 0.4, x, bars->plot.y + 14, w, h - 14);
      ca_chart_add_shape (self, SHAPE_FILL, ink, 0.4, x, bars->plot.y, w, 10);
    }
  else
    {
      ca_chart_add_shape (self, SHAPE_FILL, ink, 0.28, x, base - h, w, h);
      ca_chart_add_shape (self, SHAPE_OUTLINE, ink, 1.0, x, base - h, w, h);
    }
  index = ca_chart_add_mark (self, CA_MARK_GOAL, bars->panel, x, base - MAX (h, CA_CHART_MIN_BAR),
                             w, MAX (h, CA_CHART_MIN_BAR));
  describe (self, index, metric, item);
  label_bar (self, bars, CA_CHART_MARK (self, index)->label, x + w / 2, slot_w, base - h);
  if (item->reached != NULL)
    layout_reached (self, bars, item, x, w, slot_w);
}

/* Appends the goals of one year to @out, the ones beyond @keep summed into
 * one "others" bar. */
static void
group_year (GArray     *out,
            const Item *items,
            guint       n,
            guint       keep)
{
  Item others = { 0 };

  if (n <= keep + 1)
    {
      g_array_append_vals (out, items, n);
      return;
    }
  g_array_append_vals (out, items, keep);
  others.year = items[0].year;
  for (guint i = keep; i < n; i++)
    {
      others.qualifier = i == keep ? items[i].qualifier
        : ca_qualifier_join (others.qualifier, items[i].qualifier);
      others.value += items[i].value;
      others.n_parts++;
    }
  g_array_append_val (out, others);
}

static void
layout_year (CaChartLayout  *self,
             Bars           *bars,
             const CaMetric *metric,
             GArray         *items,
             double          slot_x,
             double          slot_w)
{
  CaDate date = { g_array_index (items, Item, 0).year, 0, 0 };
  g_autofree char *year = ca_format_date (self->lang, &date);
  double bar_slot, w;
  Text text;

  bar_slot = slot_w * 0.85 / items->len;
  w = MIN (bar_slot * 0.8, 56.0);
  for (guint i = 0; i < items->len; i++)
    {
      double cx = slot_x + slot_w * 0.075 + bar_slot * (i + 0.5);

      layout_bar (self, bars, metric, &g_array_index (items, Item, i), cx - w / 2, w,
                  items->len == 1 ? slot_w : bar_slot);
    }
  ca_chart_make_text (self, &text, year, FONT_SMALL, slot_w, 1);
  text.ink = INK_DIM;
  ca_chart_panel_text (self, bars->panel, &text, slot_x + (slot_w - text.w) / 2,
                       bars->plot.y + bars->plot.height + 3);
}

static guint
count_years (GArray *items)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    if (i == 0 || g_array_index (items, Item, i).year != g_array_index (items, Item, i - 1).year)
      n++;
  return n;
}

/* Keeps the bars of each year that fit in @width and sums the rest.  The
 * sums do not set the axis, so that the goals shown stay readable. */
static void
group_series (Series *series,
              double  width)
{
  double slot_w = width / count_years (series->items);
  guint keep = MAX (2, (guint) (slot_w * 0.85 / MIN_BAR_SLOT)) - 1;
  GArray *out = g_array_new (FALSE, TRUE, sizeof (Item));
  guint first = 0;

  for (guint i = 1; i <= series->items->len; i++)
    {
      const Item *items = &g_array_index (series->items, Item, first);

      if (i < series->items->len && g_array_index (series->items, Item, i).year == items->year)
        continue;
      group_year (out, items, i - first, keep);
      first = i;
    }
  g_array_unref (series->items);
  series->items = out;
}

static void
layout_years (CaChartLayout  *self,
              Bars           *bars,
              Series         *series)
{
  double slot_w = bars->plot.width / count_years (series->items);
  guint slot = 0, first = 0;

  for (guint i = 1; i <= series->items->len; i++)
    {
      if (i < series->items->len &&
          g_array_index (series->items, Item, i).year ==
          g_array_index (series->items, Item, first).year)
        continue;
      {
        g_autoptr(GArray) year = g_array_sized_new (FALSE, TRUE, sizeof (Item), i - first);

        g_array_append_vals (year, &g_array_index (series->items, Item, first), i - first);
        layout_year (self, bars, series->metric, year, bars->plot.x + slot * slot_w, slot_w);
      }
      slot++;
      first = i;
    }
}

static void
layout_panel (CaChartLayout     *self,
              Series            *series,
              const CaChartRect *cell,
              Ink                ink)
{
  g_autofree char *heading = NULL;
  Bars bars = { 0 };
  double top, tick_w;

  group_series (series, MAX (cell->width - 2 * CA_CHART_PAD - 72, 1));
  heading = ca_chart_heading (self, series->metric, series->max);
  bars.ink = ink;
  bars.panel = ca_chart_add_panel (self, cell, series->metric);
  g_array_index (self->panels, Panel, bars.panel).area.width -= CA_CHART_PAD;
  top = ca_chart_panel_heading (self, bars.panel, heading);
  bars.plot.y = top + 4;
  bars.plot.height = MAX (cell->y + cell->height - CA_CHART_PAD - 16 - bars.plot.y, 1);
  ca_chart_axis_init (&bars.axis, series->max, MAX (2, (guint) (bars.plot.height / 40)),
                      series->metric->kind == CA_METRIC_COUNT);
  tick_w = tick_labels_width (self, &bars.axis, series->metric);
  bars.plot.x = cell->x + tick_w + 6;
  bars.plot.width = MAX (cell->x + cell->width - 2 * CA_CHART_PAD - bars.plot.x, 1);
  bars.scale = MAX (bars.plot.height - HEADROOM, 1) / bars.axis.top;
  g_array_index (self->panels, Panel, bars.panel).plot = bars.plot;
  layout_value_axis (self, &bars, series->metric);
  layout_years (self, &bars, series);
}

/* Money first, as the headline goals are; then the metrics with most goals. */
static int
series_cmp (gconstpointer a,
            gconstpointer b)
{
  const Series *x = *(Series * const *) a, *y = *(Series * const *) b;
  gboolean x_money = x->metric->kind == CA_METRIC_MONEY;
  gboolean y_money = y->metric->kind == CA_METRIC_MONEY;

  if (x_money != y_money)
    return x_money ? -1 : 1;
  return (int) y->items->len - (int) x->items->len;
}

void
ca_chart_add_goals_sources (CaChartLayout *self)
{
  g_autoptr(GPtrArray) all =
    g_ptr_array_new_with_free_func ((GDestroyNotify) ca_chart_series_free);

  collect (self, all);
}

void
ca_chart_layout_goals (CaChartLayout *self)
{
  g_autoptr(GPtrArray) all =
    g_ptr_array_new_with_free_func ((GDestroyNotify) ca_chart_series_free);
  g_autofree CaChartRect *cells = NULL;
  LegendItem legend[] = {
    /* Translators: the legend of a goal's bar */
    { ca_i18n_gettext (self->lang, "Goal"), INK_SERIES, SHAPE_OUTLINE },
    /* Translators: the legend of what was reached against a goal */
    { ca_i18n_gettext (self->lang, "Reported"), INK_SERIES, SHAPE_FILL },
  };
  gboolean any_reached = collect (self, all);
  guint shown;

  if (all->len == 0)
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
  for (guint i = 0; i < all->len; i++)
    g_array_sort (((Series *) g_ptr_array_index (all, i))->items, item_cmp);
  g_ptr_array_sort (all, series_cmp);
  ca_chart_place_title_legend_footer (self, legend, any_reached ? G_N_ELEMENTS (legend) : 0);
  cells = g_new0 (CaChartRect, all->len);
  shown = ca_chart_grid (self, all->len, 230, 130, cells);
  for (guint i = 0; i < shown; i++)
    layout_panel (self, g_ptr_array_index (all, i), &cells[i], ca_chart_series_ink (i));
}
