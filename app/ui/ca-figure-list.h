/* ca-figure-list.h: rows of a CaFigureTable as a GListModel, made on demand
 *
 * The Figures page's GtkColumnView lists up to every figure of a dataset
 * (200,000 in the benchmarks).  This model holds only the table's row
 * numbers, in the order shown; its items are bare objects standing for
 * positions, made when the view asks for one: the view asks for the rows on
 * screen, so no item exists for the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ca-facets.h"

G_BEGIN_DECLS

#define CA_TYPE_FIGURE_LIST (ca_figure_list_get_type ())
G_DECLARE_FINAL_TYPE (CaFigureList, ca_figure_list, CA, FIGURE_LIST, GObject)

CaFigureList  *ca_figure_list_new       (void);
/* Shows @rows (guint, rows of @table, taken) of @table (borrowed: the
 * caller keeps it until it sets another or NULL).  The positions both
 * lists have keep their items and change in place (::rows-changed):
 * items-changed is only for the rows one has more than the other.  So an
 * item is a position in the list; who shows a row reads what it holds
 * with ca_figure_list_get_row () when bound and on ::rows-changed. */
void           ca_figure_list_set_rows  (CaFigureList  *self,
                                         CaFigureTable *table,
                                         GArray        *rows);
CaFigureTable *ca_figure_list_get_table (CaFigureList  *self);
/* The rows shown, in order; NULL without a table. */
GArray        *ca_figure_list_get_rows  (CaFigureList  *self);
/* The table's row shown at @position. */
guint          ca_figure_list_get_row   (CaFigureList  *self,
                                         guint          position);

G_END_DECLS
