/* ca-chart-counts.c: the Counts view of the chart
 *
 * One panel per metric, a horizontal bar per child of the node (or per
 * figure of the node itself when nothing below it reports), sorted.
 * Bars that do not fit are summed, metric by metric, into "N others".
 * The panels share one column of names, so that their axes start at the
 * same x, and a colour stands for one place in every panel.
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
  const CaFigure *figure;    /* NULL for a sum */
  const char     *name;      /* the row's label */
  double          value;     /* the low end of a range */
  double          high;      /* sources that disagree: the highest value; else 0 */
  CaQualifier     qualifier;
  guint           n_parts;   /* nodes summed into an "others" row */
  guint           order;     /* the child's position, to break ties */
  CaDate          date;
} Item;

typedef CaChartSeries Series;

#define MIN_ROW 18.0

static gboolean
is_others (const Item *item)
{
  return item->node == NULL && item->figure == NULL;
}

static Item *
item_for (CaChartLayout *self,
          Series        *series,
          const CaNode  *node)
{
  Item item = { 0 };

  /* Items of one child are added together, so the last one is the match. */
  if (series->items->len > 0)
    {
      Item *last = &g_array_index (series->items, Item, series->items->len - 1);

      if (last->node == node)
        return last;
    }
  item.node = node;
  item.name = ca_chart_isolated_name (self, node);
  item.order = ca_node_get_index (node);
  g_array_append_val (series->items, item);
  return &g_array_index (series->items, Item, series->items->len - 1);
}

/* A count stands for its report (ca_chart_report_value ()); FALSE when
 * @figure is not the first of it. */
static gboolean
take_report (CaChartLayout  *self,
             Item           *item,
             const CaNode   *node,
             const CaFigure *figure)
{
  return ca_chart_report_value (self, node, figure, &item->value, &item->high,
                                &item->qualifier);
}

/* A child's own latest count of a metric stands for it; when it has none,
 * the latest counts of the nodes below it are added up. */
static void
collect_child (CaChartLayout *self,
               GPtrArray     *all,
               const CaNode  *child)
{
  for (const CaNode *node = ca_node_next_in_subtree (child, NULL); node != NULL;
       node = ca_node_next_in_subtree (child, node))
    {
      for (guint i = 0; i < ca_node_get_n_figures (node); i++)
        {
          const CaFigure *figure = ca_node_get_figure (node, i);
          Series *series;
          Item *item;

          if (figure->type != CA_FIGURE_COUNT ||
              figure != ca_chart_latest_count (node, figure->metric))
            continue;
          series = ca_chart_series_for (all, figure->metric, sizeof (Item));
          item = item_for (self, series, child);
          /* The child's own count is set only from the child (below). */
          if (item->figure != NULL)
            continue;
          if (node == child)
            {
              item->figure = figure;
              take_report (self, item, node, figure);
            }
          else
            {
              item->qualifier = item->n_parts == 0 ? figure->qualifier
                : ca_qualifier_join (item->qualifier, figure->qualifier);
              item->value += figure->value;
              item->n_parts++;
            }
          ca_chart_add_source (self, figure->source);
        }
    }
}

static void
collect_self (CaChartLayout *self,
              GPtrArray     *all)
{
  for (guint i = 0; i < ca_node_get_n_figures (self->node); i++)
    {
      const CaFigure *figure = ca_node_get_figure (self->node, i);
      Item item = { 0 };
      Series *series;

      if (figure->type != CA_FIGURE_COUNT)
        continue;
      ca_chart_add_source (self, figure->source);
      if (!take_report (self, &item, self->node, figure))
        continue;
      item.node = self->node;
      item.figure = figure;
      item.name = ca_chart_take_string (self, ca_format_date (self->lang, &figure->date));
      item.date = figure->date;
      series = ca_chart_series_for (all, figure->metric, sizeof (Item));
      g_array_append_val (series->items, item);
    }
}

/* The children's counts; the node's own when no child reports any. */
static void
collect (CaChartLayout *self,
         GPtrArray     *all)
{
  for (guint i = 0; i < ca_node_get_n_children (self->node); i++)
    collect_child (self, all, ca_node_get_child (self->node, i));
  if (all->len == 0)
    collect_self (self, all);
}

static int
item_by_value (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a, *y = b;

  if (x->value != y->value)
    return x->value < y->value ? 1 : -1;
  return (x->order > y->order) - (x->order < y->order);
}

static int
item_by_date (gconstpointer a,
              gconstpointer b)
{
  const Item *x = a, *y = b;

  if (x->date.year != y->date.year)
    return x->date.year - y->date.year;
  if (x->date.month != y->date.month)
    return x->date.month - y->date.month;
  return x->date.day - y->date.day;
}

/* Keeps the first @keep items and sums the rest into one "others" item. */
static void
group_others (CaChartLayout *self,
              GArray        *items,
              guint          keep)
{
  Item others = { 0 };
  g_autofree char *number = NULL;
  char *name;

  if (items->len <= keep + 1)
    return;
  for (guint i = keep; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      others.qualifier = i == keep ? item->qualifier
        : ca_qualifier_join (others.qualifier, item->qualifier);
      others.value += item->value;
      others.n_parts++;
    }
  number = ca_format_number (others.n_parts);
  /* Translators: a bar that sums the rows that do not fit; %s is a number */
  name = g_strdup_printf (ca_i18n_ngettext (self->lang, "%s other", "%s others", others.n_parts),
                          number);
  others.name = ca_chart_take_string (self, name);
  g_array_set_size (items, keep);
  g_array_append_val (items, others);
}

static const char *
item_value (CaChartLayout  *self,
            const CaMetric *metric,
            const Item     *item)
{
  return ca_chart_take_string (self, ca_chart_range_label (self, metric, item->value, item->high,
                                                           item->qualifier));
}

static void
describe_sum (CaChartLayout  *self,
              CaChartMark    *mark,
              const CaMetric *metric,
              const Item     *item)
{
  g_autofree char *number = ca_format_number (item->n_parts);

  if (item->node != NULL)
    /* Translators: a tooltip of a bar that adds up the counts of the places
     * below one: place, metric, value, number of places added */
    mark->tooltip = ca_chart_take_string (self, g_strdup_printf (
        ca_i18n_ngettext (self->lang, "%s\n%s: %s, the sum of %s place below it",
                  "%s\n%s: %s, the sum of %s places below it", item->n_parts),
        item->name, ca_chart_isolated_metric (self, metric), mark->label, number));
  else
    /* Translators: a tooltip of the bar that sums the rows that did not fit */
    mark->tooltip = ca_chart_take_string (self, g_strdup_printf (
        ca_i18n_gettext (self->lang,
                         "%s\n%s: %s in all"), item->name, ca_chart_isolated_metric (self, metric),
        mark->label));
  mark->accessible_name = ca_chart_take_string (self, g_strdup_printf (
      /* Translators: a screen reader's name of a summed bar: metric, value, what */
      ca_i18n_gettext (self->lang, "%s: %s (%s)"), ca_chart_metric_name (self,
                                                                         metric), mark->label,
      item->node != NULL ? ca_chart_node_name (self, item->node) : item->name));
}

static void
describe (CaChartLayout  *self,
          int             index,
          const CaMetric *metric,
          const Item     *item)
{
  CaChartMark *mark = CA_CHART_MARK (self, index);

  mark->node = item->node;
  mark->figure = item->figure;
  mark->label = item_value (self, metric, item);
  if (item->figure != NULL)
    {
      mark->tooltip = ca_chart_take_string (self, ca_chart_figure_tooltip (self, item->node,
                                                                           item->figure, NULL));
      mark->accessible_name = ca_chart_take_string (self, ca_chart_figure_a11y (self, item->node,
                                                                                item->figure,
                                                                                NULL));
    }
  else
    describe_sum (self, mark, metric, item);
}

typedef struct {
  int          panel;
  CaChartRect  plot;
  double       label_w;   /* the names' column */
  double       row_h;
  Axis         axis;
  double       scale;     /* pixels per unit of the metric */
} Bars;

/* Chooses the axis so that every bar and its value label fit the plot. */
static void
fit_axis (CaChartLayout *self,
          Bars          *bars,
          Series        *series,
          Text          *values)
{
  double extent = 0;
  double w = bars->plot.width;

  for (guint i = 0; i < series->items->len; i++)
    {
      const Item *item = &g_array_index (series->items, Item, i);
      double v = MAX (item->value, item->high);
      double room;

      if (is_others (&g_array_index (series->items, Item, i)))
        continue;
      room = w - CA_CHART_PAD / 2 - values[i].w;
      if (room > w / 3)
        extent = MAX (extent, v * w / room);
      else
        extent = MAX (extent, v * 1.5);
    }
  ca_chart_axis_init (&bars->axis, extent, MAX (2, (guint) (w / 90)),
                      series->metric->kind == CA_METRIC_COUNT);
  bars->scale = w / bars->axis.top;
}

/* The "others" bar does not set the axis, so that the bars shown stay
 * readable; when it is longer than the plot it is drawn broken, with its
 * value inside. */
static double
layout_others (CaChartLayout *self,
               Bars          *bars,
               Text          *value,
               double         bar_y,
               double         thick)
{
  const CaChartRect *plot = &bars->plot;
  double end = plot->x + plot->width;

  ca_chart_add_shape (self, SHAPE_FILL, INK_DIM, 0.4, plot->x, bar_y, plot->width - 14, thick);
  ca_chart_add_shape (self, SHAPE_FILL, INK_DIM, 0.4, end - 10, bar_y, 10, thick);
  value->ink = INK_FOREGROUND;
  if (value->w < plot->width - 26)
    ca_chart_panel_text (self, bars->panel, value, end - 18 - value->w,
                         bar_y + (thick - value->h) / 2);
  else
    ca_chart_text_clear (value);
  return plot->width;
}

static void
layout_row (CaChartLayout  *self,
            Bars           *bars,
            const CaMetric *metric,
            const Item     *item,
            Text           *value,
            guint           row,
            Ink             ink)
{
  const CaChartRect *plot = &bars->plot;
  double y = plot->y + row * bars->row_h;
  double thick = MIN (bars->row_h * 0.7, 22.0);
  double len = item->value * bars->scale;
  double high = MAX (item->high, item->value) * bars->scale;
  double bar_y = y + (bars->row_h - thick) / 2;
  Text name;
  int index;

  if (is_others (item) && len + CA_CHART_PAD / 2 + value->w > plot->width)
    len = layout_others (self, bars, value, bar_y, thick);
  else
    {
      ca_chart_add_shape (self, SHAPE_FILL, ink, 1.0, plot->x, bar_y, len, thick);
      /* Where the sources disagree, the bar goes on, paler, to the highest
       * value, and a line closes the range. */
      if (high > len)
        {
          ca_chart_add_shape (self, SHAPE_FILL, ink, 0.35, plot->x + len, bar_y, high - len,
                              thick);
          ca_chart_add_shape (self, SHAPE_LINE, ink, 1.0, plot->x + high, bar_y, 0, thick);
        }
      ca_chart_panel_text (self, bars->panel, value, plot->x + high + CA_CHART_PAD / 2,
                           y + (bars->row_h - value->h) / 2);
      len = high;
    }
  index = ca_chart_add_mark (self, CA_MARK_BAR, bars->panel, plot->x, bar_y,
                             MAX (len, CA_CHART_MIN_BAR), thick);
  describe (self, index, metric, item);
  /* Long names wrap onto a second line where the rows are tall enough. */
  ca_chart_make_name (self, &name, item->name, FONT_SMALL, bars->label_w,
                      bars->row_h >= 30 ? 2 : 1);
  ca_chart_panel_text (self, bars->panel, &name, plot->x - CA_CHART_PAD - name.w,
                       y + (bars->row_h - name.h) / 2);
}

static double
names_width (CaChartLayout *self,
             Series        *series,
             double         max_w)
{
  double w = 0;

  for (guint i = 0; i < series->items->len && i < 200; i++)
    {
      Text text;

      ca_chart_make_text (self, &text, g_array_index (series->items, Item, i).name,
                          FONT_SMALL, max_w, 1);
      w = MAX (w, text.w);
      ca_chart_text_clear (&text);
    }
  return w;
}

/* A panel's heading and the height of its rows: as many as fit, the rest
 * summed into "N others". */
static void
begin_panel (CaChartLayout     *self,
             Series            *series,
             const CaChartRect *cell,
             Bars              *bars)
{
  g_autofree char *heading = NULL;
  double top, tick_h = 16;
  guint fit;

  bars->panel = ca_chart_add_panel (self, cell, series->metric);
  g_array_index (self->panels, Panel, bars->panel).area.width -= CA_CHART_PAD;
  heading = ca_chart_heading (self, series->metric, g_array_index (series->items, Item, 0).value);
  top = ca_chart_panel_heading (self, bars->panel, heading);
  bars->plot.y = top + 2;
  bars->plot.height = MAX (cell->y + cell->height - CA_CHART_PAD - tick_h - bars->plot.y, 1);
  fit = MAX (1, (guint) (bars->plot.height / MIN_ROW));
  group_others (self, series->items, fit - 1);
  bars->row_h = MIN (bars->plot.height / series->items->len, 32.0);
}

/* The axis and the bars of a panel begun, its names in a column of
 * @label_w, the same in every panel. */
/* The colour of @node's bars: its own (see colour_places ()), or the one
 * colour of every bar when @node_inks is NULL. */
static Ink
node_ink (GHashTable   *node_inks,
          const CaNode *node)
{
  if (node_inks == NULL)
    return ca_chart_series_ink (0);
  return (Ink) GPOINTER_TO_INT (g_hash_table_lookup (node_inks, node));
}

static void
layout_panel (CaChartLayout     *self,
              Series            *series,
              const CaChartRect *cell,
              Bars              *bars,
              double             label_w,
              GHashTable        *node_inks)
{
  g_autofree Text *values = NULL;

  bars->label_w = label_w;
  bars->plot.x = cell->x + bars->label_w + CA_CHART_PAD;
  bars->plot.width = MAX (cell->x + cell->width - 2 * CA_CHART_PAD - bars->plot.x, 1);
  g_array_index (self->panels, Panel, bars->panel).plot = bars->plot;
  values = g_new0 (Text, series->items->len);
  for (guint i = 0; i < series->items->len; i++)
    ca_chart_make_text (self, &values[i],
                        item_value (self, series->metric,
                                    &g_array_index (series->items, Item, i)),
                        FONT_SMALL, 0, 1);
  fit_axis (self, bars, series, values);
  ca_chart_value_axis (self, bars->panel, &bars->plot, &bars->axis, bars->scale,
                       series->metric);
  for (guint i = 0; i < series->items->len; i++)
    {
      const Item *item = &g_array_index (series->items, Item, i);

      layout_row (self, bars, series->metric, item, &values[i], i,
                  is_others (item) ? INK_DIM : node_ink (node_inks, item->node));
    }
}

/* Lays out the @n panels in @cells with one column of names, as wide as
 * the widest name shown needs, at most a third of a panel. */
static void
layout_panels (CaChartLayout     *self,
               GPtrArray         *all,
               guint              n,
               const CaChartRect *cells,
               GHashTable        *node_inks)
{
  g_autofree Bars *bars = g_new0 (Bars, n);
  double label_w = 0, max_w = cells[0].width * 0.35;

  for (guint i = 0; i < n; i++)
    {
      Series *series = g_ptr_array_index (all, i);

      begin_panel (self, series, &cells[i], &bars[i]);
      label_w = MAX (label_w, names_width (self, series, max_w));
    }
  for (guint i = 0; i < n; i++)
    layout_panel (self, g_ptr_array_index (all, i), &cells[i], &bars[i],
                  MIN (label_w, cells[i].width * 0.35), node_inks);
}

/* A colour per place when a few places (two to seven, the colours that
 * keep apart) report in more than one panel: it follows a place from panel
 * to panel, and the legend names it.  Otherwise the names beside the bars
 * say it all and every bar has one colour: NULL. */
static GHashTable *
colour_places (CaChartLayout *self,
               GPtrArray     *all,
               LegendItem    *legend,
               guint         *n_legend)
{
  g_autoptr(GHashTable) first_panel = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  GHashTable *inks;
  gboolean shared = FALSE;

  for (guint s = 0; s < all->len; s++)
    {
      Series *series = g_ptr_array_index (all, s);

      for (guint i = 0; i < series->items->len; i++)
        {
          const CaNode *node = g_array_index (series->items, Item, i).node;
          gpointer seen;

          if (node == NULL)
            continue;
          if (g_hash_table_lookup_extended (first_panel, node, NULL, &seen))
            shared |= GPOINTER_TO_UINT (seen) != s;
          else
            {
              g_hash_table_insert (first_panel, (gpointer) node, GUINT_TO_POINTER (s));
              g_ptr_array_add (places, (gpointer) node);
            }
        }
    }
  *n_legend = 0;
  if (!shared || places->len < 2 || places->len > CA_CHART_N_CYCLED_SERIES)
    return NULL;
  inks = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < places->len; i++)
    {
      const CaNode *node = g_ptr_array_index (places, i);

      g_hash_table_insert (inks, (gpointer) node, GINT_TO_POINTER (ca_chart_series_ink (i)));
      legend[i].label = ca_chart_isolated_name (self, node);
      legend[i].ink = ca_chart_series_ink (i);
      legend[i].swatch = SHAPE_FILL;
    }
  *n_legend = places->len;
  return inks;
}

/* Places the first @n panels in one or two columns, each the height its
 * rows need, the shortest column filled first; returns the tallest column. */
static double
masonry (GPtrArray         *all,
         guint              n,
         guint              cols,
         const CaChartRect *body,
         CaChartRect       *cells)
{
  const double overhead = 50, row = 28;
  double heights[2] = { 0, 0 };

  for (guint i = 0; i < n; i++)
    {
      Series *series = g_ptr_array_index (all, i);
      guint c = (cols == 2 && heights[1] < heights[0]) ? 1 : 0;

      cells[i].width = body->width / cols;
      cells[i].height = overhead + MIN (series->items->len, 24) * row;
      cells[i].x = body->x + c * cells[i].width;
      cells[i].y = heights[c];
      heights[c] += cells[i].height;
    }
  return MAX (heights[0], heights[1]);
}

/* Shows as many panels as fit when squeezed to 85% of the height they
 * want, notes the rest; an even grid when not even one fits. */
static guint
stack_panels (CaChartLayout *self,
              GPtrArray     *all,
              CaChartRect   *cells)
{
  const CaChartRect *body = &self->body;
  guint cols = (all->len > 1 && body->width >= 720) ? 2 : 1;
  double tallest = 0, room = body->height, scale;
  /* The content: every panel at the height its rows want. */
  double wanted = masonry (all, all->len, cols, body, cells);
  guint n;

  for (n = all->len; n > 0; n--)
    {
      room = body->height - (n < all->len ? CA_CHART_NOTE_H : 0);
      tallest = masonry (all, n, cols, body, cells);
      if (tallest * 0.85 <= room)
        break;
    }
  if (n == 0)
    {
      n = ca_chart_grid (self, all->len, 360, 110, cells);
      self->wanted_body_height = wanted;
      return n;
    }
  self->wanted_body_height = wanted;
  scale = MIN (room / tallest, 32.0 / 28.0);
  for (guint i = 0; i < n; i++)
    {
      cells[i].y = body->y + cells[i].y * scale;
      cells[i].height *= scale;
    }
  if (n < all->len)
    ca_chart_note_hidden_panels (self, all->len - n);
  return n;
}

/* Metrics reported by more places come first: they say the most. */
static int
series_by_size (gconstpointer a,
                gconstpointer b)
{
  const Series *x = *(Series * const *) a, *y = *(Series * const *) b;

  return (int) y->items->len - (int) x->items->len;
}

void
ca_chart_add_counts_sources (CaChartLayout *self)
{
  g_autoptr(GPtrArray) all =
    g_ptr_array_new_with_free_func ((GDestroyNotify) ca_chart_series_free);

  collect (self, all);
}

void
ca_chart_layout_counts (CaChartLayout *self)
{
  g_autoptr(GPtrArray) all =
    g_ptr_array_new_with_free_func ((GDestroyNotify) ca_chart_series_free);
  g_autofree CaChartRect *cells = NULL;
  g_autoptr(GHashTable) node_inks = NULL;
  LegendItem legend[CA_CHART_N_CYCLED_SERIES];
  guint shown, n_legend;

  collect (self, all);
  if (all->len == 0)
    {
      /* Translators: %s is a place or program */
      ca_chart_show_empty (self,
                           g_strdup_printf (ca_i18n_gettext (self->lang,
                                                             "No counts are recorded for %s"),
                                            ca_chart_node_name (self, self->node)),
                           g_strdup_printf (ca_i18n_gettext (self->lang,
                                                             "No counts are recorded for %s"),
                                            ca_chart_isolated_name (self, self->node)));
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      Series *series = g_ptr_array_index (all, i);
      gboolean by_date = g_array_index (series->items, Item, 0).date.year != 0;

      g_array_sort (series->items, by_date ? item_by_date : item_by_value);
    }
  /* g_ptr_array_sort is a merge sort, so equal sizes keep the dataset's order. */
  g_ptr_array_sort (all, series_by_size);
  node_inks = colour_places (self, all, legend, &n_legend);
  ca_chart_place_title_legend_footer (self, legend, n_legend);
  cells = g_new0 (CaChartRect, all->len);
  shown = stack_panels (self, all, cells);
  if (shown > 0)
    layout_panels (self, all, shown, cells, node_inks);
}
