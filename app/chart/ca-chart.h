/* ca-chart.h: the chart renderer
 *
 * One layout, computed apart from drawing, drawn onto any cairo_t.  The
 * widget, the exports, the printout and the headless
 * --export all use it, so they are the same picture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ca-model-types.h"

G_BEGIN_DECLS

/* The values are stable (settings and tests use them); the order the views
 * are offered in is ca_chart_kind_nth ()'s. */
typedef enum {
  CA_CHART_GOALS,
  CA_CHART_COUNTS,
  CA_CHART_TIMELINE,
  CA_CHART_TREND,
  /* Several nodes side by side (CaChartOptions.compare): not a view of one
   * node, so not among the CA_CHART_N_KINDS that ca_chart_kind_nth ()
   * offers, and not a name ca_chart_kind_from_string () takes. */
  CA_CHART_COMPARE,
} CaChartKind;

/* The views of one node. */
#define CA_CHART_N_KINDS (CA_CHART_TREND + 1)

/* A comparison sets 2 to 8 nodes side by side: more bars to a metric than
 * eight do not read as one group. */
#define CA_CHART_COMPARE_MIN 2
#define CA_CHART_COMPARE_MAX 8

/* Which figures a Compare chart sets side by side. */
typedef enum {
  CA_COMPARE_ALL,     /* the latest report and the goal in force of each metric */
  CA_COMPARE_COUNTS,  /* the reports only (--chart counts) */
  CA_COMPARE_GOALS,   /* the goals, each with the latest report on it (--chart goals) */
} CaCompareFigures;

/* "Comparison", "Counts compared", "Goals compared" in @lang (NULL: the
 * interface language), for titles and file names. */
const char  *ca_chart_compare_get_label_in (const char       *lang,
                                            CaCompareFigures  figures);
/* The title of the comparison of @nodes by @figures in @lang, as its chart
 * has it: "Baoshan, Fengxian — Comparison". */
char        *ca_chart_compare_get_title_in (const char           *lang,
                                            const CaNode * const *nodes,
                                            guint                 n_nodes,
                                            CaCompareFigures      figures);

/* The views in the order the window offers them: Goals, Trend, Counts,
 * Timeline, for @position 0 to CA_CHART_N_KINDS - 1. */
CaChartKind  ca_chart_kind_nth         (guint        position);
/* Whether the view @kind of @node has something to show, not only its
 * empty message; as the view's layout decides, but without laying out. */
gboolean     ca_chart_kind_has_content (CaChartKind   kind,
                                        const CaNode *node);
/* The view to show for @node: @preferred (the user's choice) while it has
 * something to show, else the first in ca_chart_kind_nth () order that
 * has, else @preferred. */
CaChartKind  ca_chart_kind_for_node    (CaChartKind   preferred,
                                        const CaNode *node);

/* "goals", "counts", "timeline", "trend"; FALSE for an unknown name. */
gboolean     ca_chart_kind_from_string (const char  *name,
                                        CaChartKind *kind);
const char  *ca_chart_kind_to_string   (CaChartKind  kind);
/* Translated, for titles: "Goals", "Trend", "Counts", "Timeline" in @lang (NULL:
 * the interface language). */
const char  *ca_chart_kind_get_label_in (const char *lang,
                                         CaChartKind kind);
/* The same in the interface language, for the window's switcher. */
const char  *ca_chart_kind_get_label   (CaChartKind  kind);

typedef struct {
  double red, green, blue, alpha;
} CaColor;

#define CA_CHART_N_SERIES 8

typedef struct {
  CaColor background;        /* alpha 0 to draw on what is there */
  CaColor foreground;        /* text and axes */
  CaColor dim;               /* secondary text, footer */
  CaColor grid;
  CaColor accent;            /* focus ring, current-year line */
  CaColor series[CA_CHART_N_SERIES];  /* distinct for colour-blind readers */
} CaChartStyle;

void ca_chart_style_init_light (CaChartStyle *style);
void ca_chart_style_init_dark  (CaChartStyle *style);
/* White paper for PNG/SVG/PDF/print. */
void ca_chart_style_init_print (CaChartStyle *style);

typedef struct {
  CaChartKind kind;
  double      width;          /* in cairo user units (pixels at scale 1) */
  double      height;
  int         current_year;   /* for the timeline's line; 0 means this year */
  gboolean    with_title;     /* draw the title (exports do; the widget may not) */
  gboolean    with_sources;   /* draw the sources footer */
  /* The font to write in, for a chart on screen: its size for the text, in
   * bold for headings, a tenth larger and bold for the title.  NULL, as for
   * exports, for fixed sizes that do not depend on the desktop's font. */
  const PangoFontDescription *font;
  /* The language the chart writes in, a gettext code ("zh_CN"); NULL for
   * the interface language.  Its words, numbers, dates and data names. */
  const char *language;
  /* The day the chart shows the state of: the trend's "today" line and
   * where the Goals view puts the value expected now.  Year 0 (an options
   * struct set to zero) means the local date, ca_progress_today (). */
  CaDate      today;
  /* CA_CHART_COMPARE only: the nodes compared, in the order drawn, 1 to
   * CA_CHART_COMPARE_MAX of them, distinct (the layout copies the array);
   * the node given to ca_chart_layout_new () is the first.  Which of
   * their figures: @compare_figures. */
  const CaNode * const *compare;
  guint                 n_compare;
  CaCompareFigures      compare_figures;
} CaChartOptions;

typedef enum {
  CA_MARK_BAR,       /* a count, a goal, or a sum */
  CA_MARK_GOAL,      /* a goal marker on a time axis */
  CA_MARK_PROGRAM,   /* a program's bar on the timeline */
  CA_MARK_POINT,     /* a reported value on the trend */
  CA_MARK_BASELINE,  /* a goal's baseline on the trend */
} CaMarkType;

typedef struct {
  CaMarkType      type;
  double          x, y, width, height;   /* hit rectangle, in layout units */
  const CaNode   *node;     /* the node the mark stands for, or NULL */
  const CaFigure *figure;   /* the figure drawn, or NULL (sums, programs) */
  const char     *label;    /* the value label drawn beside it */
  const char     *accessible_name;  /* "Projects: 16 (Baoshan, April 2024)" */
  const char     *tooltip;  /* exact value, qualifier, date and source */
} CaChartMark;

typedef struct _CaChartLayout CaChartLayout;

/* Lays out the chart of @node.  @context measures text; the caller gives
 * the same one it will draw with (pango_cairo_create_context () or a widget's). */
CaChartLayout      *ca_chart_layout_new         (const CaNode         *node,
                                                 const CaChartOptions *options,
                                                 PangoContext         *context);
void                ca_chart_layout_free        (CaChartLayout        *layout);
void                ca_chart_layout_draw        (CaChartLayout        *layout,
                                                 cairo_t              *cr,
                                                 const CaChartStyle   *style,
                                                 int                   focused_mark);
/* The title drawn ("Shanghai — Goals") and the empty-state message, if any. */
const char         *ca_chart_layout_get_title   (CaChartLayout        *layout);
/* The height the chart's content needs at the width laid out, whatever the
 * height it was laid out at: its title, legend, footer, and every panel and
 * row the view has, shown at its natural size (an empty chart, its
 * message).  Less than the height laid out when the content is short; the
 * window's chart card and an export given no height are this tall. */
double              ca_chart_layout_get_content_height (CaChartLayout *layout);
/* The content height of @node's chart at @options->width, the same as
 * ca_chart_layout_get_content_height () of its layout, for a widget that
 * asks its height before it has a size: the Goals view reads it from its
 * frame and its rows' line height, without laying the rows out; the other
 * views lay out. */
double              ca_chart_measure_content_height (const CaNode         *node,
                                                     const CaChartOptions *options,
                                                     PangoContext         *context);
/* The content height, or the height laid out when taller. */
double              ca_chart_layout_get_wanted_height (CaChartLayout  *layout);
/* NULL when the chart has marks; else "No goals are recorded for Baoshan". */
const char         *ca_chart_layout_get_empty_message (CaChartLayout *layout);
/* What a screen reader says of the whole chart when no mark has the focus,
 * every figure drawn and what the chart lists under them; NULL when the
 * chart's title and empty message say it (every chart but Compare). */
const char         *ca_chart_layout_get_description (CaChartLayout *layout);
/* The sources of the figures drawn, as const CaSource *, without repeats. */
GPtrArray          *ca_chart_layout_get_sources (CaChartLayout        *layout);
/* The citation as text: title, then one line per source. */
char               *ca_chart_layout_get_citation (CaChartLayout       *layout);
guint               ca_chart_layout_get_n_marks (CaChartLayout        *layout);
const CaChartMark  *ca_chart_layout_get_mark    (CaChartLayout        *layout,
                                                 guint                 index);
/* The index of the mark under (x, y), or -1. */
int                 ca_chart_layout_hit_test    (CaChartLayout        *layout,
                                                 double                x,
                                                 double                y);

/* Added for tests and tools: where things went, without pixels. */
typedef struct {
  double x, y, width, height;
} CaChartRect;

/* Panels are the boxes that hold one axis (one metric, so one unit). */
guint               ca_chart_layout_get_n_panels   (CaChartLayout *layout);
void                ca_chart_layout_get_panel_area (CaChartLayout *layout,
                                                    guint          index,
                                                    CaChartRect   *area);
const CaMetric     *ca_chart_layout_get_panel_metric (CaChartLayout *layout,
                                                      guint          index);
/* The panel a mark sits in, or -1. */
int                 ca_chart_layout_get_mark_panel (CaChartLayout *layout,
                                                    guint          index);
/* Every text drawn: its bounding box and panel (-1 for title, legend,
 * footer and notes, which belong to the whole chart). */
guint               ca_chart_layout_get_n_labels   (CaChartLayout *layout);
const char         *ca_chart_layout_get_label      (CaChartLayout *layout,
                                                    guint          index,
                                                    CaChartRect   *rect,
                                                    int           *panel);
/* Glyphs missing from the fonts over every text drawn, 0 when all render. */
int                 ca_chart_layout_count_unknown_glyphs (CaChartLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaChartLayout, ca_chart_layout_free)

G_END_DECLS
