/* ca-chart-actions.h: the jobs behind Export Chart, Copy Chart, Print and
 * Export Figures
 *
 * Each is given what it writes; the window's actions are in
 * ca-window-actions.c.  @toasts shows the result ("Chart exported [Open]");
 * errors are shown in a dialog over @parent.  @language is a gettext code,
 * NULL for the interface's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ca-chart.h"
#include "ca-dataset.h"
#include "ca-export.h"

G_BEGIN_DECLS

/* Asks for the format, size and language, then for the file. */
void ca_chart_actions_export_chart (GtkWindow       *parent,
                                    AdwToastOverlay *toasts,
                                    CaDataset       *dataset,
                                    const CaNode    *node,
                                    CaChartKind      kind);
/* The CSV of @figures (CaFigureRef, taken), in their order: the Figures
 * page's rows. */
void ca_chart_actions_export_figures_csv (GtkWindow       *parent,
                                          AdwToastOverlay *toasts,
                                          CaDataset       *dataset,
                                          GArray          *figures,
                                          const char      *language);
/* The same for the Compare chart of @n_nodes nodes (copied) of @dataset. */
void ca_chart_actions_export_compare (GtkWindow            *parent,
                                      AdwToastOverlay      *toasts,
                                      CaDataset            *dataset,
                                      const CaNode * const *nodes,
                                      guint                 n_nodes,
                                      CaCompareFigures      figures);
void ca_chart_actions_export_csv   (GtkWindow       *parent,
                                    AdwToastOverlay *toasts,
                                    CaDataset       *dataset,
                                    const CaNode    *node,
                                    const char      *language);
/* Asks for the file, then writes a citation bundle (ca-bundle.h) of @node's
 * chart at @options (its format unused), its figures and their sources. */
void ca_chart_actions_export_bundle (GtkWindow             *parent,
                                     AdwToastOverlay       *toasts,
                                     CaDataset             *dataset,
                                     const CaNode          *node,
                                     const CaExportOptions *options);
/* The name proposed for an export of @node: its name in @language (a gettext
 * code, NULL for the interface's) made safe for every file system, then
 * the view's name (or "figures" if @csv) and @extension. */
char *ca_chart_actions_file_name   (const CaNode    *node,
                                    CaChartKind      kind,
                                    gboolean         csv,
                                    const char      *extension,
                                    const char      *language);
/* The same for a comparison of @n_nodes nodes: as many of their names as
 * fit in 200 bytes, then "and 3 more", the first name cut on a character
 * when even it does not fit. */
char *ca_chart_actions_compare_file_name (const CaNode * const *nodes,
                                          guint                 n_nodes,
                                          CaCompareFigures      figures,
                                          const char           *extension,
                                          const char           *language);
/* Puts the chart, @width x @height layout units at @scale pixels per unit,
 * and its citation as text on @clipboard; the chart is laid out once. */
void ca_chart_actions_copy         (GdkClipboard    *clipboard,
                                    CaDataset       *dataset,
                                    const CaNode    *node,
                                    CaChartKind      kind,
                                    const char      *language,
                                    int              width,
                                    int              height,
                                    int              scale);

/* The same for the comparison of @nodes (2 to CA_CHART_COMPARE_MAX) by
 * @figures. */
void ca_chart_actions_copy_compare (GdkClipboard         *clipboard,
                                    CaDataset            *dataset,
                                    const CaNode * const *nodes,
                                    guint                 n_nodes,
                                    CaCompareFigures      figures,
                                    const char           *language,
                                    int                   width,
                                    int                   height,
                                    int                   scale);

/* Older entry points that tests/ui/test-export-ui.c still calls: Copy at
 * the export size from the settings, in the interface language, with the
 * "Chart copied" toast; and a CaPrintOperation in the interface language
 * (ca-print-operation.h). */
void ca_chart_actions_copy_chart   (GtkWidget       *widget,
                                    AdwToastOverlay *toasts,
                                    CaDataset       *dataset,
                                    const CaNode    *node,
                                    CaChartKind      kind);
GtkPrintOperation *ca_chart_actions_new_print_operation (CaDataset    *dataset,
                                                         const CaNode *node,
                                                         CaChartKind   kind);

G_END_DECLS
