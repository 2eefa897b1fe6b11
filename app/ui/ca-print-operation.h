/* ca-print-operation.h: printing a node's chart, one page fitted to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ca-chart.h"
#include "ca-dataset.h"

G_BEGIN_DECLS

#define CA_TYPE_PRINT_OPERATION (ca_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (CaPrintOperation, ca_print_operation, CA, PRINT_OPERATION,
                      GtkPrintOperation)

/* Prints the @kind chart of @node, which @dataset owns, in @language (NULL:
 * the interface language), on one landscape page in the print style. */
CaPrintOperation *ca_print_operation_new (CaDataset        *dataset,
                                          const CaNode     *node,
                                          CaChartKind       kind,
                                          const char       *language);
/* Prints the comparison of @nodes (2 to CA_CHART_COMPARE_MAX, which
 * @dataset owns) by @figures, as ca_print_operation_new () does. */
CaPrintOperation *ca_print_operation_new_compare (CaDataset            *dataset,
                                                  const CaNode * const *nodes,
                                                  guint                 n_nodes,
                                                  CaCompareFigures      figures,
                                                  const char           *language);
/* Shows the print dialog over @parent and prints in the background; a
 * failure is shown in a dialog.  The operation keeps itself until done. */
void              ca_print_operation_run (CaPrintOperation *self,
                                          GtkWindow        *parent);

G_END_DECLS
