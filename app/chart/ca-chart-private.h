/* ca-chart-private.h: the renderer's internals, shared by its files
 *
 * What a layout holds: a display list of shapes and texts, the marks that
 * can be hovered and focused, and the panels they sit in.  Drawing only
 * walks these arrays, so a layout can be drawn many times cheaply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "ca-chart.h"
#include "ca-i18n.h"

G_BEGIN_DECLS

typedef enum {
  INK_FOREGROUND,
  INK_DIM,
  INK_GRID,
  INK_ACCENT,
  INK_BACKGROUND,
  INK_SERIES,      /* INK_SERIES + i is style->series[i]: use ca_chart_series_ink () */
} Ink;

/* Panels and series cycle through the first seven colours of the palette:
 * the eighth (black, or near white in the dark style) reads as text. */
#define CA_CHART_N_CYCLED_SERIES (CA_CHART_N_SERIES - 1)

static inline Ink
ca_chart_series_ink (guint index)
{
  return (Ink) (INK_SERIES + index % CA_CHART_N_CYCLED_SERIES);
}

typedef enum {
  SHAPE_FILL,      /* a filled rectangle */
  SHAPE_OUTLINE,   /* a rectangle's outline */
  SHAPE_LINE,      /* from (x, y) to (x + w, y + h) */
  SHAPE_DIAMOND,   /* centred in the rectangle */
  SHAPE_DOT,       /* a filled circle in the rectangle */
  SHAPE_RING,      /* a circle's outline in the rectangle */
  SHAPE_DASH,      /* a dashed line, as SHAPE_LINE */
  SHAPE_FADE,      /* a filled rectangle fading out from its left edge to its right */
} ShapeType;

typedef struct {
  ShapeType type;
  Ink       ink;
  double    alpha;
  double    x, y, w, h;
  double    line_width;
} Shape;

typedef enum {
  FONT_BODY,
  FONT_SMALL,
  FONT_TITLE,
  FONT_HEADING,
  N_FONTS,
} Font;

typedef struct {
  PangoLayout *layout;
  const char  *text;
  double       x, y;      /* where the layout's top-left corner goes */
  double       w, h;      /* logical size before rotation */
  double       angle;     /* radians, about (x, y) */
  CaChartRect  box;       /* bounding box after rotation */
  Ink          ink;
  int          panel;     /* -1 for the title, legend, footer, notes */
} Text;

typedef struct {
  CaChartRect     area;   /* the whole panel: heading, axes, labels */
  CaChartRect     plot;   /* where the marks are */
  const CaMetric *metric;
} Panel;

struct _CaChartLayout {
  CaChartOptions        options;
  const char           *lang;       /* the language it writes in, resolved */
  const char           *data_lang;  /* its xml:lang tag, for the data's names */
  const CaNode         *node;
  /* A Compare chart's nodes, options.compare points here. */
  const CaNode         *compared[CA_CHART_COMPARE_MAX];
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  GStringChunk         *strings;
  char                 *title;
  char                 *drawn_title;  /* the title with its name isolated */
  char                 *empty_message;
  const char           *description;  /* in strings; NULL for none */
  GPtrArray            *sources;    /* const CaSource *, no repeats */
  GArray               *shapes;     /* Shape */
  GArray               *texts;      /* Text */
  GArray               *marks;      /* CaChartMark */
  GArray               *mark_panels;  /* int, parallel to marks */
  GArray               *panels;     /* Panel */
  CaChartRect           body;       /* what is left for the panels */
  double                frame_height;  /* the title, legend, footer and margins around it */
  /* What the body needs to show every panel and row at its natural size:
   * every view sets it, ca_chart_layout_get_content_height () adds the frame. */
  double                wanted_body_height;
  int                   n_series;   /* series shown in the legend */
  /* Only the content height is asked for (ca_chart_measure_content_height ()):
   * a view may stop once it has set wanted_body_height. */
  gboolean              measure_only;
  /* Writes the words of a mark laid out without them (its tooltip NULL)
   * when ca_chart_layout_get_mark () first hands it out: a view with
   * thousands of marks leaves the words of those nobody asks for unwritten. */
  void                (*describe_mark) (CaChartLayout *self,
                                        CaChartMark   *mark);
};

/* The figures of one metric in a chart, one panel each: items are the
 * view's own struct. */
typedef struct {
  const CaMetric *metric;
  GArray         *items;
  double          max;
} CaChartSeries;

/* The series of @metric in @all (a GPtrArray freeing with
 * ca_chart_series_free), added with items of @item_size when missing. */
CaChartSeries *ca_chart_series_for  (GPtrArray      *all,
                                     const CaMetric *metric,
                                     guint           item_size);
void           ca_chart_series_free (CaChartSeries  *series);

/* Text helpers, ca-chart-text.c.  A string from the data, drawn or in a
 * tooltip, goes between FSI (U+2068) and PDI (U+2069): whatever bidi
 * controls it holds (U+202E reverses what follows) then stay inside it
 * and cannot reorder the words of the chart around it. */
char       *ca_chart_isolate         (const char     *text);
/* @text without its isolates where they change nothing it shows (it holds
 * no right-to-left letter, Arabic digit or other bidi control), for a
 * Pango layout; NULL when @text must keep them or has none. */
char       *ca_chart_drop_idle_isolates (const char  *text);
const char *ca_chart_isolated_name   (CaChartLayout  *self,
                                      const CaNode   *node);
const char *ca_chart_isolated_metric (CaChartLayout  *self,
                                      const CaMetric *metric);

/* Layout helpers, ca-chart-layout.c */
/* Takes @owned (freed at once) and returns a copy that lives as long as
 * the layout. */
const char *ca_chart_take_string     (CaChartLayout  *self,
                                      char           *owned);
void        ca_chart_add_shape       (CaChartLayout  *self,
                                      ShapeType       type,
                                      Ink             ink,
                                      double          alpha,
                                      double          x,
                                      double          y,
                                      double          w,
                                      double          h);
void        ca_chart_make_text       (CaChartLayout  *self,
                                      Text           *out,
                                      const char     *text,
                                      Font            font,
                                      double          max_width,
                                      int             max_lines);
void        ca_chart_make_name       (CaChartLayout  *self,
                                      Text           *out,
                                      const char     *text,
                                      Font            font,
                                      double          max_width,
                                      int             max_lines);
gboolean    ca_chart_place_text      (CaChartLayout  *self,
                                      Text           *text,
                                      double          x,
                                      double          y,
                                      const CaChartRect *bounds);
/* The natural width of @string on one line; 0 for NULL. */
double      ca_chart_text_width      (CaChartLayout  *self,
                                      const char     *string,
                                      Font            font);
void        ca_chart_text_clear      (Text           *text);
int         ca_chart_add_mark        (CaChartLayout  *self,
                                      CaMarkType      type,
                                      int             panel,
                                      double          x,
                                      double          y,
                                      double          w,
                                      double          h);
int         ca_chart_add_panel       (CaChartLayout  *self,
                                      const CaChartRect *area,
                                      const CaMetric *metric);
void        ca_chart_add_source      (CaChartLayout  *self,
                                      const CaSource *source);
typedef struct {
  const char *label;
  Ink         ink;
  ShapeType   swatch;
} LegendItem;

/* Places the title, the legend and the sources footer, which the views
 * call once they know their figures; sets self->body to what is left. */
void        ca_chart_place_title_legend_footer (CaChartLayout    *self,
                                                const LegendItem *legend,
                                                guint             n_legend);
/* Frames the chart and centres @drawn in it; @message, the same words with
 * plain names, is what ca_chart_layout_get_empty_message () says (to a
 * screen reader).  Takes both. */
void        ca_chart_show_empty      (CaChartLayout  *self,
                                      char           *message,
                                      char           *drawn);
/* A line of dim text under the body, such as "3 more programs". */
void        ca_chart_add_note        (CaChartLayout  *self,
                                      const char     *note,
                                      double          y);

guint       ca_chart_grid            (CaChartLayout  *self,
                                      guint           n,
                                      double          min_w,
                                      double          min_h,
                                      CaChartRect    *cells);
void        ca_chart_note_hidden_panels (CaChartLayout *self,
                                         guint          hidden);
double      ca_chart_panel_heading   (CaChartLayout  *self,
                                      int             panel,
                                      const char     *heading);
gboolean    ca_chart_panel_text      (CaChartLayout  *self,
                                      int             panel,
                                      Text           *text,
                                      double          x,
                                      double          y);

/* Text of marks, ca-chart-text.c, in the layout's language */
const char *ca_chart_node_name       (CaChartLayout  *self,
                                      const CaNode   *node);
const char *ca_chart_metric_name     (CaChartLayout  *self,
                                      const CaMetric *metric);
const char *ca_chart_publisher       (CaChartLayout  *self,
                                      const CaSource *source);
/* Characters of a quote in a tooltip, the ellipsis of a cut included. */
#define CA_CHART_TOOLTIP_QUOTE 200
char       *ca_chart_quote_line      (CaChartLayout  *self,
                                      const CaNode   *node,
                                      const CaFigure *figure);
/* "Sources disagree: 60 (A); 64 (B)" for a count whose report (the counts
 * of its metric on its node for its day) disagrees; NULL otherwise. */
char       *ca_chart_disagreement_line (CaChartLayout  *self,
                                        const CaNode   *node,
                                        const CaFigure *figure);
char       *ca_chart_figure_tooltip  (CaChartLayout  *self,
                                      const CaNode   *node,
                                      const CaFigure *figure,
                                      const CaFigure *reached);
char       *ca_chart_figure_a11y     (CaChartLayout  *self,
                                      const CaNode   *node,
                                      const CaFigure *figure,
                                      const CaFigure *reached);
char       *ca_chart_heading         (CaChartLayout  *self,
                                      const CaMetric *metric,
                                      double          max_value);
char       *ca_chart_value_label     (CaChartLayout  *self,
                                      const CaMetric *metric,
                                      double          value,
                                      CaQualifier     qualifier);
char       *ca_chart_sum_value       (CaChartLayout  *self,
                                      const CaMetric *metric,
                                      double          total,
                                      CaQualifier     qualifier);
const CaFigure *ca_chart_latest_count (const CaNode  *node,
                                       const CaMetric *metric);
/* The report @count of @node belongs to (ca_report_init_for ()) as one
 * bar: its lowest value in @low, its highest in @high where sources
 * disagree (else 0), their qualifiers joined; cites every source of it.
 * FALSE when @count is not the first figure of its report, which stands
 * for them all. */
gboolean    ca_chart_report_value    (CaChartLayout  *self,
                                      const CaNode   *node,
                                      const CaFigure *count,
                                      double         *low,
                                      double         *high,
                                      CaQualifier    *qualifier);
/* "≈ 60", or "60 to 64" when @high is above @low (sources that disagree). */
char       *ca_chart_range_label     (CaChartLayout  *self,
                                      const CaMetric *metric,
                                      double          low,
                                      double          high,
                                      CaQualifier     qualifier);

/* Axes, ca-chart-axis.c */
typedef struct {
  double top;     /* the axis runs from 0 to top */
  double step;
  guint  n_ticks; /* ticks at 0, step, ... top */
} Axis;

void        ca_chart_axis_init       (Axis           *axis,
                                      double          max_value,
                                      guint           max_ticks,
                                      gboolean        integers);
/* The ticks of a value axis from 0 to @axis->top along the bottom of
 * @plot, @scale pixels a unit, with grid lines up through @plot, labelled
 * in the panel @panel. */
void        ca_chart_value_axis      (CaChartLayout     *self,
                                      int                panel,
                                      const CaChartRect *plot,
                                      const Axis        *axis,
                                      double             scale,
                                      const CaMetric    *metric);
/* The same with numbers alone, in the scale of @scale_of
 * (ca_format_number_scaled ()), for a panel whose heading names it. */
void        ca_chart_value_axis_scaled (CaChartLayout     *self,
                                        int                panel,
                                        const CaChartRect *plot,
                                        const Axis        *axis,
                                        double             scale,
                                        double             scale_of);
void        ca_chart_axis_years      (int             first,
                                      int             last,
                                      guint           max_ticks,
                                      int            *step);

/* The views */
void        ca_chart_layout_goals    (CaChartLayout  *self);
void        ca_chart_layout_counts   (CaChartLayout  *self);
void        ca_chart_layout_timeline (CaChartLayout  *self);
void        ca_chart_layout_trend    (CaChartLayout  *self);
void        ca_chart_layout_compare  (CaChartLayout  *self);
/* The sources a view's layout cites (its footer), from the same walk of
 * the figures, with nothing measured or placed. */
void        ca_chart_add_goals_sources    (CaChartLayout *self);
void        ca_chart_add_counts_sources   (CaChartLayout *self);
void        ca_chart_add_timeline_sources (CaChartLayout *self);
void        ca_chart_add_trend_sources    (CaChartLayout *self);
/* Also sets the Compare chart's title, which names every node compared. */
void        ca_chart_add_compare_sources  (CaChartLayout *self);

/* A chart's title and sources, read from the data as ca_chart_layout_new ()
 * reads them, but with no text measured and nothing placed: only the
 * title, the sources and the citation may be asked of it. */
CaChartLayout *ca_chart_layout_new_unplaced (const CaNode         *node,
                                             const CaChartOptions *options);

#define CA_CHART_MARK(self, i) (&g_array_index ((self)->marks, CaChartMark, (i)))
#define CA_CHART_PAD 8.0
#define CA_CHART_MARGIN 12.0
#define CA_CHART_NOTE_H 18.0
#define CA_CHART_MIN_BAR 3.0

G_END_DECLS
