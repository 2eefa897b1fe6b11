/* ca-chart-compare.c: the Compare chart, several nodes side by side
 *
 * One panel per metric that every node compared has a figure of, with its
 * own axis (a metric has one unit, so two units never share an axis), and
 * in it one bar per node in the order of the set, in the node's colour:
 * its latest report filled, a range where its sources disagree, and its
 * goal in force as an outline to the goal's value with a line at its end,
 * as the Goals view draws a goal's track.  Under the panels, the metrics
 * only some of the nodes have, with the nodes that have them.  A node's
 * own figures are compared, not sums of the nodes below it: a sum would
 * compare a city with its own district.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-chart-private.h"
#include "ca-format.h"
#include "ca-node.h"

/* What one node has of one metric. */
typedef struct {
  const CaFigure *count;      /* the latest report, or NULL */
  double          low, high;  /* its report: high above low where sources disagree */
  CaQualifier     qualifier;
  const CaFigure *goal;       /* the goal in force, or NULL */
} Entry;

typedef struct {
  const CaMetric *metric;
  Entry           entries[CA_CHART_COMPARE_MAX];  /* parallel to the nodes */
  guint           n_having;   /* nodes with a figure the chart compares */
  /* The same in every metric: which nodes take part (see take_part ()). */
  gboolean        part[CA_CHART_COMPARE_MAX];
  guint           n_part;
  guint           n_part_having;  /* of the nodes taking part, those with a figure */
} Metric;

/* The columns of the panels, the same in every panel. */
typedef struct {
  gboolean narrow;    /* names over the bars, not beside them */
  double   line_h;
  double   row_h;
  double   name_w;
  double   heading_h;
} Columns;

#define BAR_H 12.0
#define ROW_GAP 6.0
#define TICK_H 20.0
#define PANEL_GAP 14.0
#define NARROW_WIDTH 520.0
/* Two columns of panels from this width of the body. */
#define TWO_COLUMNS_WIDTH 1400.0

static guint
n_nodes (CaChartLayout *self)
{
  return self->options.n_compare;
}

static const CaNode *
nth_node (CaChartLayout *self,
          guint          i)
{
  return self->options.compare[i];
}

/* Each node has its own colour, the same in every panel: its place in the
 * set, through all eight colours, as eight nodes at most are compared. */
static Ink
node_ink (guint index)
{
  return (Ink) (INK_SERIES + index % CA_CHART_N_SERIES);
}

static gboolean
entry_counts (const CaChartLayout *self,
              const Entry         *entry)
{
  switch (self->options.compare_figures)
    {
    case CA_COMPARE_COUNTS: return entry->count != NULL;
    case CA_COMPARE_GOALS: return entry->goal != NULL;
    case CA_COMPARE_ALL:
    default: return entry->count != NULL || entry->goal != NULL;
    }
}

/* The goal a reader holds a node to now: the first due this year or
 * later; once all are past, the last one due.  Equal years keep the
 * dataset's order. */
static gboolean
goal_in_force (const CaFigure *candidate,
               const CaFigure *kept,
               int             year)
{
  gboolean candidate_ahead = candidate->date.year >= year;
  gboolean kept_ahead = kept->date.year >= year;

  if (candidate_ahead != kept_ahead)
    return candidate_ahead;
  if (candidate_ahead)
    return candidate->date.year < kept->date.year;
  return candidate->date.year > kept->date.year;
}

static Metric *
metric_for (GArray         *metrics,
            const CaMetric *metric)
{
  Metric fresh = { 0 };

  for (guint i = 0; i < metrics->len; i++)
    if (g_array_index (metrics, Metric, i).metric == metric)
      return &g_array_index (metrics, Metric, i);
  fresh.metric = metric;
  g_array_append_val (metrics, fresh);
  return &g_array_index (metrics, Metric, metrics->len - 1);
}

static void
take_figure (CaChartLayout  *self,
             const CaNode   *node,
             const CaFigure *figure,
             Entry          *entry)
{
  if (figure->type == CA_FIGURE_GOAL)
    {
      if (self->options.compare_figures == CA_COMPARE_COUNTS)
        return;
      if (entry->goal == NULL ||
          goal_in_force (figure, entry->goal, self->options.today.year))
        entry->goal = figure;
      return;
    }
  /* The Goals comparison draws the report on the goal, as the Goals view. */
  if (figure == ca_chart_latest_count (node, figure->metric))
    entry->count = figure;
}

static void take_part (CaChartLayout *self, GArray *metrics);

/* Every metric of the nodes' own figures, in the order first met. */
static GArray *
collect (CaChartLayout *self)
{
  GArray *metrics = g_array_new (FALSE, TRUE, sizeof (Metric));

  for (guint n = 0; n < n_nodes (self); n++)
    {
      const CaNode *node = nth_node (self, n);

      for (guint i = 0; i < ca_node_get_n_figures (node); i++)
        {
          const CaFigure *figure = ca_node_get_figure (node, i);

          take_figure (self, node, figure, &metric_for (metrics, figure->metric)->entries[n]);
        }
    }
  for (guint m = 0; m < metrics->len; m++)
    {
      Metric *metric = &g_array_index (metrics, Metric, m);

      for (guint n = 0; n < n_nodes (self); n++)
        metric->n_having += entry_counts (self, &metric->entries[n]);
    }
  take_part (self, metrics);
  return metrics;
}

/* How many of the nodes in @part have a figure compared of @metric. */
static guint
n_having_of (CaChartLayout  *self,
             const Metric   *metric,
             const gboolean *part)
{
  guint n_having = 0;

  for (guint n = 0; n < n_nodes (self); n++)
    n_having += part[n] && entry_counts (self, &metric->entries[n]);
  return n_having;
}

/* How many metrics node @n has with at least one other node of @part. */
static guint
n_in_common (CaChartLayout  *self,
             GArray         *metrics,
             const gboolean *part,
             guint           n)
{
  guint common = 0;

  for (guint m = 0; m < metrics->len; m++)
    {
      const Metric *metric = &g_array_index (metrics, Metric, m);

      common += entry_counts (self, &metric->entries[n]) && n_having_of (self, metric, part) >= 2;
    }
  return common;
}

static gboolean
any_shared (CaChartLayout  *self,
            GArray         *metrics,
            const gboolean *part,
            guint           n_part)
{
  for (guint m = 0; m < metrics->len; m++)
    if (n_having_of (self, &g_array_index (metrics, Metric, m), part) == n_part)
      return TRUE;
  return FALSE;
}

/* The nodes the panels are of.  A node with no figure of the kinds
 * compared is set aside; then, while no metric is common to all the nodes
 * left and more than two are, the one with the fewest metrics in common
 * with the others (the last added of those) is set aside too.  The nodes
 * set aside are named under the panels, so that one of them does not
 * empty the chart of what the others share. */
static void
take_part (CaChartLayout *self,
           GArray        *metrics)
{
  gboolean part[CA_CHART_COMPARE_MAX] = { FALSE };
  guint n_part = 0;

  for (guint n = 0; n < n_nodes (self); n++)
    for (guint m = 0; m < metrics->len && !part[n]; m++)
      part[n] = entry_counts (self, &g_array_index (metrics, Metric, m).entries[n]);
  for (guint n = 0; n < n_nodes (self); n++)
    n_part += part[n];
  while (n_part > CA_CHART_COMPARE_MIN && !any_shared (self, metrics, part, n_part))
    {
      guint fewest = G_MAXUINT, drop = 0;

      for (guint n = 0; n < n_nodes (self); n++)
        if (part[n] && n_in_common (self, metrics, part, n) <= fewest)
          {
            fewest = n_in_common (self, metrics, part, n);
            drop = n;
          }
      part[drop] = FALSE;
      n_part--;
    }
  for (guint m = 0; m < metrics->len; m++)
    {
      Metric *metric = &g_array_index (metrics, Metric, m);

      memcpy (metric->part, part, sizeof part);
      metric->n_part = n_part;
      metric->n_part_having = n_having_of (self, metric, part);
    }
}

/* The figures drawn of a shared metric cite their sources. */
static void
add_metric_sources (CaChartLayout *self,
                    Metric        *metric)
{
  for (guint n = 0; n < n_nodes (self); n++)
    {
      Entry *entry = &metric->entries[n];

      if (entry->goal != NULL)
        ca_chart_add_source (self, entry->goal->source);
      if (entry->count != NULL)
        {
          ca_chart_add_source (self, entry->count->source);
          ca_chart_report_value (self, nth_node (self, n), entry->count, &entry->low,
                                 &entry->high, &entry->qualifier);
        }
    }
}

/* A metric every node taking part has. */
static gboolean
is_shared (CaChartLayout *self,
           const Metric  *metric)
{
  return metric->n_part >= CA_CHART_COMPARE_MIN && metric->n_part_having == metric->n_part;
}

/* The names of @nodes in the set's order, each as @name_of gives it. */
static char *
join_names (const char            *lang,
            const CaNode * const  *nodes,
            guint                  n,
            const char *         (*name_of) (gpointer data, const CaNode *node),
            gpointer               data)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: separates the names of the places compared in a
         * chart's title: "Baoshan, Fengxian — Comparison" */
        g_string_append (names, ca_i18n_pgettext (lang, "compared names", ", "));
      g_string_append (names, name_of (data, nodes[i]));
    }
  return g_string_free (names, FALSE);
}

static const char *
data_name (gpointer      data_lang,
           const CaNode *node)
{
  return ca_node_get_name (node, data_lang);
}

static const char *
isolated_name (gpointer      layout,
               const CaNode *node)
{
  return ca_chart_isolated_name (layout, node);
}

char *
ca_chart_compare_get_title_in (const char           *lang,
                               const CaNode * const *nodes,
                               guint                 n_nodes,
                               CaCompareFigures      figures)
{
  g_autofree char *names = NULL;

  g_return_val_if_fail (nodes != NULL || n_nodes == 0, NULL);

  names = join_names (lang, nodes, n_nodes, data_name,
                      (gpointer) ca_i18n_data_language_of (lang));
  return g_strdup_printf (ca_i18n_gettext (lang, "%s — %s"), names,
                          ca_chart_compare_get_label_in (lang, figures));
}

/* The title: the names in the set's order, then the view; drawn, each
 * name isolated from the text around it. */
static void
set_title (CaChartLayout *self)
{
  g_autofree char *drawn = join_names (self->lang, self->options.compare, n_nodes (self),
                                       isolated_name, self);

  g_free (self->title);
  g_free (self->drawn_title);
  self->title = ca_chart_compare_get_title_in (self->lang, self->options.compare, n_nodes (self),
                                               self->options.compare_figures);
  self->drawn_title = g_strdup_printf (ca_i18n_gettext (self->lang, "%s — %s"), drawn,
                                       ca_chart_compare_get_label_in (self->lang,
                                                                      self->options.compare_figures));
}

void
ca_chart_add_compare_sources (CaChartLayout *self)
{
  g_autoptr(GArray) metrics = collect (self);

  set_title (self);
  for (guint m = 0; m < metrics->len; m++)
    if (is_shared (self, &g_array_index (metrics, Metric, m)))
      add_metric_sources (self, &g_array_index (metrics, Metric, m));
}

/* Words of a bar ------------------------------------------------------------ */

static double
entry_top (const Entry *entry)
{
  double top = 0;

  if (entry->count != NULL)
    top = MAX (entry->low, entry->high);
  if (entry->goal != NULL)
    top = MAX (top, entry->goal->value);
  return top;
}

/* A panel writes its numbers in one scale, that of its largest value,
 * which its heading names with the unit: "Floor area (million square
 * metres)", then "1.2" on the axis and by the bar. */
static double
panel_scale_of (CaChartLayout *self,
                const Metric  *metric)
{
  double top = 0;

  for (guint n = 0; n < n_nodes (self); n++)
    if (metric->part[n])
      top = MAX (top, entry_top (&metric->entries[n]));
  return top;
}

/* "≈ 1.2", in the scale of @scale_of. */
static char *
scaled_label (CaChartLayout *self,
              double         value,
              CaQualifier    qualifier,
              double         scale_of)
{
  g_autofree char *number = ca_format_number_scaled (self->lang, value, scale_of);

  return ca_format_qualified (self->lang, ca_format_qualifier_symbol (qualifier), number);
}

/* "≈ 60 (2024)", "60 to 64 (2024)", "≈ 60 (2024); goal 100 by 2030", in
 * the panel's scale. */
static char *
entry_label (CaChartLayout  *self,
             const Entry    *entry,
             double          scale_of)
{
  g_autofree char *report = NULL;
  g_autofree char *goal = NULL;

  if (entry->count != NULL)
    {
      g_autofree char *low = scaled_label (self, entry->low, entry->qualifier, scale_of);
      g_autofree char *high = entry->high > entry->low
                              ? scaled_label (self, entry->high, CA_QUALIFIER_EXACT, scale_of)
                              : NULL;
      g_autofree char *value = high != NULL
        ? g_strdup_printf (ca_i18n_pgettext (self->lang, "range", "%s to %s"), low, high)
        : g_strdup (low);
      g_autofree char *when = ca_format_date (self->lang, &entry->count->date);

      /* Translators: a node's latest report in a Compare chart: its value,
       * with its qualifier or as a range where sources disagree, and its
       * date: "≈ 60 (2024)" */
      report = g_strdup_printf (ca_i18n_pgettext (self->lang, "compare bar", "%1$s (%2$s)"),
                                value, when);
    }
  if (entry->goal != NULL)
    {
      CaDate year = { entry->goal->date.year, 0, 0 };
      g_autofree char *value = scaled_label (self, entry->goal->value, entry->goal->qualifier,
                                             scale_of);
      g_autofree char *when = ca_format_date (self->lang, &year);

      /* Translators: a node's goal in a Compare chart: its value, with its
       * qualifier, and the year it is due: "goal ≈ 100 by 2030" */
      goal = g_strdup_printf (ca_i18n_pgettext (self->lang, "compare bar", "goal %1$s by %2$s"),
                              value, when);
    }
  if (report != NULL && goal != NULL)
    /* Translators: the report and the goal of a node in a Compare chart */
    return g_strdup_printf (ca_i18n_pgettext (self->lang, "compare bar", "%1$s; %2$s"),
                            report, goal);
  return g_strdup (report != NULL ? report : goal);
}

/* The tooltip and the screen reader's name: every figure drawn. */
static void
describe (CaChartLayout *self,
          int            index,
          const CaNode  *node,
          const Entry   *entry,
          const char    *label)
{
  CaChartMark *mark = CA_CHART_MARK (self, index);
  g_autofree char *count_tip = NULL, *goal_tip = NULL, *count_a11y = NULL, *goal_a11y = NULL;
  g_autofree char *goal_line = NULL;

  mark->node = node;
  mark->figure = entry->count != NULL ? entry->count : entry->goal;
  mark->label = label;
  if (entry->count != NULL)
    {
      count_tip = ca_chart_figure_tooltip (self, node, entry->count, NULL);
      count_a11y = ca_chart_figure_a11y (self, node, entry->count, NULL);
    }
  if (entry->goal != NULL)
    {
      goal_tip = ca_chart_figure_tooltip (self, node, entry->goal, NULL);
      goal_a11y = ca_chart_figure_a11y (self, node, entry->goal, NULL);
    }
  /* The goal's tooltip names the node again: the report's first line did. */
  goal_line = count_tip != NULL && goal_tip != NULL && strchr (goal_tip, '\n') != NULL
              ? g_strdup (strchr (goal_tip, '\n') + 1) : g_strdup (goal_tip);
  mark->tooltip = ca_chart_take_string (self, count_tip != NULL && goal_line != NULL
                                        ? g_strjoin ("\n", count_tip, goal_line, NULL)
                                        : g_strdup (count_tip != NULL ? count_tip : goal_line));
  mark->accessible_name = ca_chart_take_string (
      self, count_a11y != NULL && goal_a11y != NULL
      /* Translators: separates the parts of a goal's description */
      ? g_strjoin (ca_i18n_gettext (self->lang, "; "), count_a11y, goal_a11y, NULL)
      : g_strdup (count_a11y != NULL ? count_a11y : goal_a11y));
}

/* Placing a panel ------------------------------------------------------------ */

/* The axis of a panel: wide, so that every bar and its label fit beside
 * each other, as the Counts view fits its axis; narrow, the labels go
 * over the bars and the axis needs only the bars. */
static void
fit_axis (CaChartLayout  *self,
          const Columns  *cols,
          const Metric   *metric,
          const double   *label_w,
          double          w,
          Axis           *axis)
{
  double extent = 0;

  for (guint n = 0; n < n_nodes (self); n++)
    {
      double v = entry_top (&metric->entries[n]);
      double room = w - CA_CHART_PAD / 2 - label_w[n];

      if (cols->narrow || room <= w / 3)
        extent = MAX (extent, cols->narrow ? v : v * 1.5);
      else
        extent = MAX (extent, v * w / room);
    }
  ca_chart_axis_init (axis, extent, MAX (2, (guint) (w / 90)),
                      metric->metric->kind == CA_METRIC_COUNT);
}

/* The bars of one node: the goal's outline and end line under the report,
 * solid to its low end and paler to its high end. */
static double
layout_bars (CaChartLayout     *self,
             const CaChartRect *plot,
             const Entry       *entry,
             double             scale,
             double             y,
             Ink                ink)
{
  double end = 0;

  if (entry->goal != NULL)
    {
      double goal = entry->goal->value * scale;

      ca_chart_add_shape (self, SHAPE_FILL, ink, 0.12, plot->x, y, goal, BAR_H);
      ca_chart_add_shape (self, SHAPE_OUTLINE, ink, 1.0, plot->x, y, goal, BAR_H);
      ca_chart_add_shape (self, SHAPE_LINE, INK_FOREGROUND, 1.0, plot->x + goal, y - 3, 0,
                          BAR_H + 6);
      end = goal;
    }
  if (entry->count != NULL)
    {
      double low = entry->low * scale, high = MAX (entry->high, entry->low) * scale;
      double inset = entry->goal != NULL ? 3 : 0;

      ca_chart_add_shape (self, SHAPE_FILL, ink, 1.0, plot->x, y + inset,
                          MAX (low, CA_CHART_MIN_BAR), BAR_H - 2 * inset);
      if (high > low)
        {
          ca_chart_add_shape (self, SHAPE_FILL, ink, 0.4, plot->x + low, y + inset, high - low,
                              BAR_H - 2 * inset);
          ca_chart_add_shape (self, SHAPE_LINE, ink, 1.0, plot->x + high, y + inset, 0,
                              BAR_H - 2 * inset);
        }
      end = MAX (end, high);
    }
  return MAX (end, CA_CHART_MIN_BAR);
}

/* One node's row: its name, its bars and their label. */
static void
layout_row (CaChartLayout     *self,
            const Columns     *cols,
            int                panel,
            const CaChartRect *plot,
            const Metric      *metric,
            guint              n,
            double             scale,
            double             y)
{
  const CaChartRect *area = &g_array_index (self->panels, Panel, panel).area;
  const Entry *entry = &metric->entries[n];
  const char *label = ca_chart_take_string (self, entry_label (self, entry,
                                                              panel_scale_of (self, metric)));
  double bar_y = cols->narrow ? y + 2 * cols->line_h + 4 : y + (cols->row_h - BAR_H) / 2;
  double end, text_y;
  Text name, value;
  int index;

  end = layout_bars (self, plot, entry, scale, bar_y, node_ink (n));
  index = ca_chart_add_mark (self, CA_MARK_BAR, panel, plot->x, bar_y - 3, end, BAR_H + 6);
  describe (self, index, nth_node (self, n), entry, label);

  if (cols->narrow)
    {
      /* The name and the label on lines of their own over the bar, which
       * the label does not set the axis for. */
      const double indent = 4;

      ca_chart_make_text (self, &name, ca_chart_isolated_name (self, nth_node (self, n)),
                          FONT_SMALL, area->width - indent, 1);
      ca_chart_make_text (self, &value, label, FONT_SMALL, area->width - indent, 1);
      /* Clear of the axis's line at the start of the row. */
      ca_chart_panel_text (self, panel, &name, area->x + indent, y);
      ca_chart_panel_text (self, panel, &value, area->x + indent, y + cols->line_h + 1);
      return;
    }
  ca_chart_make_text (self, &value, label, FONT_SMALL, 0, 1);
  ca_chart_make_name (self, &name, ca_chart_isolated_name (self, nth_node (self, n)),
                      FONT_SMALL, cols->name_w, 1);
  text_y = y + (cols->row_h - value.h) / 2;
  ca_chart_panel_text (self, panel, &value, plot->x + end + CA_CHART_PAD / 2, text_y);
  ca_chart_panel_text (self, panel, &name, plot->x - CA_CHART_PAD - name.w,
                       y + (cols->row_h - name.h) / 2);
}

static double
panel_height (const Columns *cols,
              guint          n_rows)
{
  return cols->heading_h + n_rows * cols->row_h + TICK_H;
}

/* The metric and its unit in the panel's scale: "Output value (CNY
 * billion)"; a count's unit is its name: "Projects (million)". */
static char *
panel_heading (CaChartLayout  *self,
               const CaMetric *metric,
               double          scale_of)
{
  const char *word = ca_format_scale_word (self->lang, scale_of);
  g_autofree char *name = NULL;

  if (metric->kind != CA_METRIC_COUNT || word == NULL)
    return ca_chart_heading (self, metric, scale_of);
  name = ca_chart_isolate (ca_chart_metric_name (self, metric));
  return g_strdup_printf (ca_i18n_gettext (self->lang, "%s (%s)"), name, word);
}

static void
layout_panel (CaChartLayout     *self,
              const Columns     *cols,
              const Metric      *metric,
              const CaChartRect *cell)
{
  double label_w[CA_CHART_COMPARE_MAX], top;
  g_autofree char *heading = NULL;
  CaChartRect plot;
  Axis axis;
  int panel = ca_chart_add_panel (self, cell, metric->metric);
  double scale_of = panel_scale_of (self, metric);

  guint row = 0;

  for (guint n = 0; n < n_nodes (self); n++)
    {
      g_autofree char *label = metric->part[n]
                               ? entry_label (self, &metric->entries[n], scale_of) : NULL;

      label_w[n] = label != NULL ? ca_chart_text_width (self, label, FONT_SMALL) : 0;
    }
  plot.x = cell->x + (cols->narrow ? 0 : cols->name_w + CA_CHART_PAD);
  plot.width = MAX (cell->x + cell->width - CA_CHART_PAD - plot.x, 1);
  fit_axis (self, cols, metric, label_w, plot.width, &axis);
  heading = panel_heading (self, metric->metric, scale_of);
  top = ca_chart_panel_heading (self, panel, heading);
  plot.y = top + 2;
  plot.height = metric->n_part * cols->row_h;
  g_array_index (self->panels, Panel, panel).plot = plot;
  ca_chart_value_axis_scaled (self, panel, &plot, &axis, plot.width / axis.top, scale_of);
  for (guint n = 0; n < n_nodes (self); n++)
    if (metric->part[n])
      layout_row (self, cols, panel, &plot, metric, n, plot.width / axis.top,
                  plot.y + row++ * cols->row_h);
}

static guint
n_cols_for (CaChartLayout *self,
            guint          n_shared)
{
  return n_shared > 1 && self->body.width >= TWO_COLUMNS_WIDTH ? 2 : 1;
}

/* The widest label of the bars of the shared metrics. */
static double
labels_width (CaChartLayout *self,
              GArray        *metrics)
{
  double w = 0;

  for (guint m = 0; m < metrics->len; m++)
    {
      const Metric *metric = &g_array_index (metrics, Metric, m);

      for (guint n = 0; n < n_nodes (self) && is_shared (self, metric); n++)
        {
          g_autofree char *label = NULL;

          if (!metric->part[n])
            continue;
          label = entry_label (self, &metric->entries[n], panel_scale_of (self, metric));
          w = MAX (w, ca_chart_text_width (self, label, FONT_SMALL));
        }
    }
  return w;
}

/* The column of names: as wide as the widest name needs, at most a third
 * of a panel.  Narrow, when a panel is too narrow for a column of names,
 * bars and their labels beside them, the names and labels go on a line of
 * their own over each bar. */
static void
measure_columns (CaChartLayout *self,
                 Columns       *cols,
                 GArray        *metrics,
                 guint          n_shared)
{
  double cell_w = self->body.width / n_cols_for (self, n_shared);
  Text text;

  ca_chart_make_text (self, &text, "Ag", FONT_HEADING, 0, 1);
  cols->heading_h = text.h + 6 + PANEL_GAP;
  ca_chart_text_clear (&text);
  ca_chart_make_text (self, &text, "Ag", FONT_SMALL, 0, 1);
  cols->line_h = text.h;
  ca_chart_text_clear (&text);
  cols->name_w = 0;
  for (guint n = 0; n < n_nodes (self); n++)
    {
      const char *name = ca_chart_isolated_name (self, nth_node (self, n));

      cols->name_w = MAX (cols->name_w, ca_chart_text_width (self, name, FONT_SMALL));
    }
  cols->name_w = MIN (ceil (cols->name_w), cell_w / 3);
  /* The bars want at least the room of their longest label. */
  cols->narrow = cell_w < NARROW_WIDTH ||
                 cell_w - cols->name_w - 2 * CA_CHART_PAD < 1.5 * labels_width (self, metrics);
  cols->row_h = cols->narrow ? 2 * cols->line_h + 4 + BAR_H + ROW_GAP
                             : MAX (cols->line_h, BAR_H + 6) + ROW_GAP;
}

/* The list of what only some have ------------------------------------------- */

/* "Patents: Baoshan, Jiading" */
static char *
partial_line (CaChartLayout *self,
              const Metric  *metric)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint n = 0; n < n_nodes (self); n++)
    {
      if (!entry_counts (self, &metric->entries[n]))
        continue;
      if (names->len > 0)
        g_string_append (names, ca_i18n_pgettext (self->lang, "compared names", ", "));
      g_string_append (names, ca_chart_isolated_name (self, nth_node (self, n)));
    }
  /* Translators: a metric that only some of the places compared have, and
   * those places: "Patents: Baoshan, Jiading" */
  return g_strdup_printf (ca_i18n_pgettext (self->lang, "compare list", "%1$s: %2$s"),
                          ca_chart_isolated_metric (self, metric->metric), names->str);
}

/* A line of the list at @y, wrapped to two lines at most; returns the y
 * under it, or @y when it did not fit. */
static double
list_text (CaChartLayout *self,
           const char    *line,
           Font           font,
           Ink            ink,
           double         y)
{
  CaChartRect all = { 0, 0, self->options.width, self->options.height };
  Text text;
  double h;

  ca_chart_make_text (self, &text, line, font, self->body.width, 2);
  text.ink = ink;
  h = text.h;
  if (!ca_chart_place_text (self, &text, self->body.x, y, &all))
    return y;
  return y + h + 2;
}

/* The height of @lines, the first a heading if @heading. */
static double
list_height (CaChartLayout *self,
             GPtrArray     *lines,
             gboolean       heading)
{
  double h = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Text text;

      ca_chart_make_text (self, &text, g_ptr_array_index (lines, i),
                          i == 0 && heading ? FONT_HEADING : FONT_SMALL, self->body.width, 2);
      h += text.h + 2;
      ca_chart_text_clear (&text);
    }
  return h > 0 ? h + PANEL_GAP : 0;
}

/* The heading, then a line per metric only some have; empty when none. */
static GPtrArray *
partial_lines (CaChartLayout *self,
               GArray        *metrics)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint m = 0; m < metrics->len; m++)
    {
      const Metric *metric = &g_array_index (metrics, Metric, m);

      if (metric->n_having == 0 || is_shared (self, metric))
        continue;
      if (lines->len == 0)
        /* Translators: the heading of the list under a Compare chart */
        g_ptr_array_add (lines, g_strdup (ca_i18n_pgettext (self->lang, "compare list",
                                                            "Only some of them have")));
      g_ptr_array_add (lines, partial_line (self, metric));
    }
  return lines;
}

/* The names of the nodes set aside for @no_figures (no figure of the kinds
 * compared) or not (no metric in common with all the others), or NULL. */
static char *
aside_line (CaChartLayout *self,
            GArray        *metrics,
            gboolean       no_figures)
{
  const Metric *first = &g_array_index (metrics, Metric, 0);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GPtrArray) aside = g_ptr_array_new ();
  guint n_aside;

  for (guint n = 0; n < n_nodes (self); n++)
    {
      gboolean any = FALSE;

      for (guint m = 0; m < metrics->len; m++)
        any |= entry_counts (self, &g_array_index (metrics, Metric, m).entries[n]);
      if (first->part[n] || any == no_figures)
        continue;
      g_ptr_array_add (aside, (gpointer) ca_chart_isolated_name (self, nth_node (self, n)));
    }
  n_aside = aside->len;
  if (n_aside == 0)
    return NULL;
  /* "Baoshan, Jiading and Fengxian" */
  for (guint i = 0; i < n_aside; i++)
    {
      if (i > 0)
        g_string_append (names, i + 1 < n_aside
                                ? ca_i18n_pgettext (self->lang, "compared names", ", ")
                                : ca_i18n_pgettext (self->lang, "compared names", " and "));
      g_string_append (names, aside->pdata[i]);
    }
  if (no_figures)
    /* Translators: under a Compare chart, the places compared that have no
     * figure of their own of the kinds drawn (a place's figures below it,
     * in the places it holds, are not its own); %s is their names,
     * "Baoshan and Jiading" */
    return g_strdup_printf (ca_i18n_ngettext (self->lang, "%s has no figures of its own to compare",
                                              "%s have no figures of their own to compare",
                                              n_aside),
                            names->str);
  /* Translators: under a Compare chart, the places compared that have no
   * metric in common with all the others, and are not drawn; %s is their
   * names */
  return g_strdup_printf (ca_i18n_ngettext (self->lang,
                                            "%s is left out: it has no metric in common with "
                                            "all the others",
                                            "%s are left out: they have no metric in common "
                                            "with all the others", n_aside),
                          names->str);
}

/* The lines that name the nodes set aside; none when no node has figures,
 * as the chart says that already. */
static GPtrArray *
aside_lines (CaChartLayout *self,
             GArray        *metrics,
             guint          n_any)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  char *line;

  if (n_any == 0 || metrics->len == 0)
    return lines;
  if ((line = aside_line (self, metrics, TRUE)) != NULL)
    g_ptr_array_add (lines, line);
  if ((line = aside_line (self, metrics, FALSE)) != NULL)
    g_ptr_array_add (lines, line);
  return lines;
}

/* The whole chart ------------------------------------------------------------ */

/* How many metrics every node has, and in @n_any how many some node has. */
static guint
count_shared (CaChartLayout *self,
              GArray        *metrics,
              guint         *n_any)
{
  guint n = 0;

  *n_any = 0;
  for (guint m = 0; m < metrics->len; m++)
    {
      n += is_shared (self, &g_array_index (metrics, Metric, m));
      *n_any += g_array_index (metrics, Metric, m).n_having > 0;
    }
  return n;
}

/* What the chart says when the nodes share no metric, over the list. */
static double
layout_nothing_shared (CaChartLayout *self,
                       guint          n_metrics)
{
  const char *message = n_metrics == 0
    /* Translators: a Compare chart of places that have no figures */
    ? ca_i18n_pgettext (self->lang, "compare", "None of them has figures to compare")
    /* Translators: a Compare chart of places with no metric in common */
    : ca_i18n_pgettext (self->lang, "compare", "No metric is recorded for all of them");

  g_free (self->empty_message);
  self->empty_message = g_strdup (message);
  return list_text (self, message, FONT_BODY, INK_DIM, self->body.y) + PANEL_GAP;
}

static void
place_frame (CaChartLayout *self,
             GArray        *metrics)
{
  LegendItem legend[2];
  guint n_legend = 0;
  gboolean any_count = FALSE, any_goal = FALSE;

  for (guint m = 0; m < metrics->len; m++)
    {
      const Metric *metric = &g_array_index (metrics, Metric, m);

      for (guint n = 0; n < n_nodes (self) && is_shared (self, metric); n++)
        {
          any_count |= metric->entries[n].count != NULL;
          any_goal |= metric->entries[n].goal != NULL;
        }
    }
  if (any_count)
    /* Translators: the legend of the filled bar of a report */
    legend[n_legend++] = (LegendItem) { ca_i18n_gettext (self->lang, "Reported"), INK_DIM,
                                        SHAPE_FILL };
  if (any_goal)
    /* Translators: the legend of the outline bar of a goal */
    legend[n_legend++] = (LegendItem) { ca_i18n_gettext (self->lang, "Goal"), INK_DIM,
                                        SHAPE_OUTLINE };
  ca_chart_place_title_legend_footer (self, legend, n_legend);
}

/* The panels in one column, or two on a wide chart, as many as fit with
 * the list under them; the rest are counted. */
static double
layout_panels (CaChartLayout *self,
               const Columns *cols,
               GArray        *metrics,
               guint          n_shared,
               double         list_h)
{
  guint n_cols = n_cols_for (self, n_shared);
  double cell_h = panel_height (cols, g_array_index (metrics, Metric, 0).n_part);
  double cell_w = self->body.width / n_cols;
  guint rows = (n_shared + n_cols - 1) / n_cols;
  guint fit = (guint) MAX ((self->body.height - list_h + PANEL_GAP) / cell_h, 0);
  guint shown = 0;

  self->wanted_body_height = rows * cell_h + list_h;
  if (self->measure_only)
    return self->body.y;
  if (fit < rows)
    fit = (guint) MAX ((self->body.height - list_h - CA_CHART_NOTE_H) / cell_h, 0);
  for (guint m = 0; m < metrics->len && shown < MIN (rows, fit) * n_cols; m++)
    {
      const Metric *metric = &g_array_index (metrics, Metric, m);
      CaChartRect cell;

      if (!is_shared (self, metric))
        continue;
      cell.x = self->body.x + (shown % n_cols) * cell_w;
      cell.y = self->body.y + (shown / n_cols) * cell_h;
      cell.width = cell_w - (n_cols > 1 ? PANEL_GAP : 0);
      cell.height = cell_h - PANEL_GAP;
      layout_panel (self, cols, metric, &cell);
      shown++;
    }
  if (shown < n_shared)
    {
      ca_chart_note_hidden_panels (self, n_shared - shown);
      return self->body.y + self->body.height;
    }
  return self->body.y + ((shown + n_cols - 1) / n_cols) * cell_h;
}

/* For a screen reader: each figure drawn, as its mark names it ("Projects:
 * 16 (North District, April 2024)"), a line each, then the lines under the
 * panels. */
static void
set_description (CaChartLayout *self,
                 GPtrArray     *aside,
                 GPtrArray     *lines)
{
  g_autoptr(GString) text = g_string_new (self->empty_message);

  for (guint i = 0; i < self->marks->len; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, CA_CHART_MARK (self, i)->accessible_name);
    }
  for (guint i = 0; i < aside->len + lines->len; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (i < aside->len ? aside : lines,
                                                i < aside->len ? i : i - aside->len));
    }
  self->description = ca_chart_take_string (self, g_string_free (g_steal_pointer (&text),
                                                                 FALSE));
}

void
ca_chart_layout_compare (CaChartLayout *self)
{
  g_autoptr(GArray) metrics = collect (self);
  g_autoptr(GPtrArray) lines = partial_lines (self, metrics);
  g_autoptr(GPtrArray) aside = NULL;
  guint n_any, n_shared = count_shared (self, metrics, &n_any);
  double y, list_h;
  Columns cols;

  set_title (self);
  for (guint m = 0; m < metrics->len; m++)
    if (is_shared (self, &g_array_index (metrics, Metric, m)))
      add_metric_sources (self, &g_array_index (metrics, Metric, m));
  place_frame (self, metrics);
  measure_columns (self, &cols, metrics, n_shared);
  aside = aside_lines (self, metrics, n_any);
  list_h = list_height (self, aside, FALSE) + list_height (self, lines, TRUE);
  if (n_shared == 0)
    {
      y = layout_nothing_shared (self, n_any);
      self->wanted_body_height = y - self->body.y + list_h;
    }
  else
    y = layout_panels (self, &cols, metrics, n_shared, list_h);
  if (self->measure_only)
    return;
  for (guint i = 0; i < aside->len; i++)
    y = list_text (self, g_ptr_array_index (aside, i), FONT_SMALL, INK_FOREGROUND, y);
  if (aside->len > 0)
    y += PANEL_GAP;
  for (guint i = 0; i < lines->len; i++)
    y = list_text (self, g_ptr_array_index (lines, i), i == 0 ? FONT_HEADING : FONT_SMALL,
                   i == 0 ? INK_FOREGROUND : INK_DIM, y);
  set_description (self, aside, lines);
}
