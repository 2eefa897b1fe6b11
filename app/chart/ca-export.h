/* ca-export.h: PNG, SVG and PDF files of a chart, with their metadata
 *
 * Exports of a node's chart: the renderer's own drawing on white paper, with
 * the title and the sources footer, and the same title and sources in the
 * file's metadata (PNG text chunks, SVG <title>/<desc>, PDF document info).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ca-chart.h"

G_BEGIN_DECLS

typedef enum {
  CA_EXPORT_PNG,
  CA_EXPORT_SVG,
  CA_EXPORT_PDF,
} CaExportFormat;

/* Bounds shared by the dialog, the settings and the command line. */
#define CA_EXPORT_MIN_WIDTH   200
#define CA_EXPORT_MAX_WIDTH   10000
#define CA_EXPORT_MIN_HEIGHT  150
#define CA_EXPORT_MAX_HEIGHT  10000
/* An export given no height is as tall as its content, and at least this. */
#define CA_EXPORT_MIN_FIT_HEIGHT 300
#define CA_EXPORT_MIN_SCALE   1
#define CA_EXPORT_MAX_SCALE   3
/* cairo image surfaces stop at 32767 pixels a side; this also keeps a PNG
 * export under about a gigabyte of memory. */
#define CA_EXPORT_MAX_PIXELS  (16384.0 * 16384.0)

typedef struct {
  CaExportFormat  format;
  CaChartKind     kind;
  int             width;     /* layout units: PNG/SVG pixels at scale 1, PDF points */
  int             height;    /* 0: the chart's content height, see ca_export_fit_height () */
  int             scale;     /* PNG only: pixels per layout unit */
  const char     *language;  /* a gettext code ("zh_CN"); NULL for the interface's */
  /* CA_CHART_COMPARE only: the nodes compared, the node exported first
   * (CaChartOptions.compare). */
  const CaNode * const *compare;
  guint                 n_compare;
  CaCompareFigures      compare_figures;
} CaExportOptions;

/* From a file name's extension (".png", ".svg", ".pdf", any case). */
gboolean         ca_export_format_from_path     (const char            *path,
                                                 CaExportFormat        *format);
const char      *ca_export_format_to_extension  (CaExportFormat         format);

/* Lays out and draws the chart of @node at @width x @height layout units
 * onto @cr in the print style, with title and sources, as @view says (its
 * kind, language and comparison; NULL language: the interface's; nothing
 * process-wide changes for another one).  Used by the printout. */
void             ca_export_draw                 (const CaNode          *node,
                                                 const CaExportOptions *view,
                                                 cairo_t               *cr,
                                                 double                 width,
                                                 double                 height);
/* The height of the chart of @node at @width that fits its content
 * (ca_chart_layout_get_content_height ()), from CA_EXPORT_MIN_FIT_HEIGHT
 * to CA_EXPORT_MAX_HEIGHT. */
int              ca_export_fit_height           (const CaNode          *node,
                                                 CaChartKind            kind,
                                                 const char            *language,
                                                 int                    width);
/* The chart as an image surface of (width * scale) x (height * scale) pixels. */
cairo_surface_t *ca_export_render_image         (const CaNode          *node,
                                                 CaChartKind            kind,
                                                 const char            *language,
                                                 int                    width,
                                                 int                    height,
                                                 int                    scale);
/* The citation of the chart as text: its title, then one line per source,
 * the sources its footer names; read from the data, with no layout. */
char            *ca_export_get_citation         (const CaNode          *node,
                                                 CaChartKind            kind,
                                                 const char            *language);

/* The whole file in memory, with its metadata. */
GBytes          *ca_export_render               (const CaNode          *node,
                                                 const CaExportOptions *options,
                                                 GError               **error);
/* The file name an export proposes: "ID-VIEW.EXT" for a chart (@csv
 * FALSE), "ID-figures.csv" for the figures, in the words of the interface
 * language, as the file chooser it goes to.  Made safe with ca_export_clean_file_name (). */
char            *ca_export_default_name         (const CaNode          *node,
                                                 CaChartKind            kind,
                                                 CaExportFormat         format,
                                                 gboolean               csv);
/* @name without the characters that would make a file name read other than
 * it is: the bidi controls U+202A to U+202E, U+2066 to U+2069, U+200E,
 * U+200F and U+061C ("photo\u202Egnp.exe" shows as "photoexe.png"), and
 * control characters; "/" becomes "-". */
char            *ca_export_clean_file_name      (const char            *name);

/* Renders and writes to @path whole or not at all (see ca-atomic.h). */
gboolean         ca_export_write                (const CaNode          *node,
                                                 const CaExportOptions *options,
                                                 const char            *path,
                                                 GError               **error);

G_END_DECLS
