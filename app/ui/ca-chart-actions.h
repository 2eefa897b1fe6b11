#pragma once

#include <adwaita.h>

#include "ca-chart.h"
#include "ca-dataset.h"
#include "ca-window.h"

G_BEGIN_DECLS

/* What the window's export, copy, print and CSV actions do.  @toasts shows
 * the result ("Exported … [Open]"); errors are shown in a dialog. */

void ca_chart_actions_export_chart (GtkWindow       *parent,
                                    AdwToastOverlay *toasts,
                                    CaDataset       *dataset,
                                    const CaNode    *node,
                                    CaChartKind      kind);
void ca_chart_actions_copy_chart   (GtkWidget       *widget,
                                    AdwToastOverlay *toasts,
                                    CaDataset       *dataset,
                                    const CaNode    *node,
                                    CaChartKind      kind);
void ca_chart_actions_print        (GtkWindow       *parent,
                                    CaDataset       *dataset,
                                    const CaNode    *node,
                                    CaChartKind      kind);
void ca_chart_actions_export_csv   (GtkWindow       *parent,
                                    AdwToastOverlay *toasts,
                                    CaDataset       *dataset,
                                    const CaNode    *node);

/* Adds win.export-chart, win.copy-chart, win.print and win.export-csv to
 * @window, acting on its selected node and chart view, enabled only while a
 * node is selected, and their items to its main menu's export section.
 * Called once from the window's init. */
void ca_chart_actions_add_to_window (CaWindow *window);

/* The operation Print runs, drawing the chart fitted to the page in the
 * print style; added so that tests can run it with an export-filename. */
GtkPrintOperation *ca_chart_actions_new_print_operation (CaDataset    *dataset,
                                                         const CaNode *node,
                                                         CaChartKind   kind);

G_END_DECLS
