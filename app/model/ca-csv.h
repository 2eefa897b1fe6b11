/* ca-csv.h: the figures of a subtree as RFC 4180 CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ca-model-types.h"

G_BEGIN_DECLS

/* The figures of a node's subtree as CSV: UTF-8 after a byte order mark
 * (EF BB BF, for Excel), RFC 4180 quoting, CRLF line ends, one row per
 * figure in pre-order, after this header of
 * machine-readable column names (never translated):
 *
 *   node_id,node_path,kind,metric,value,unit,qualifier,year,date,
 *   source_id,source_publisher,source_date,source_title,
 *   reported_value,reported_date,share_reached,expected_value,expected_now,
 *   time_elapsed,status
 *
 * kind is the figure's type ("goal" or "count"); value is the raw number in
 * the metric's base unit, in the shortest form that reads back exactly;
 * qualifier is the dataset token ("exact", "about", "at-least", ...); dates
 * are ISO 8601.  node_path and source_title are in the language @lang
 * (NULL: the interface language), node names joined with " / ".  A text cell (an id, a name, a
 * unit, a publisher, a title) that starts with =, +, -, @, a tab or a
 * carriage return is written with a leading apostrophe, so that a
 * spreadsheet shows it instead of running it as a formula; value, year and
 * dates are never changed.
 *
 * The last seven columns are the progress of a goal (ca-progress.h), as of
 * @today, and are empty on counts: reported_value is the latest report's
 * range, "low..high", "low.." when open above, one number when both ends
 * are the same, and its date reported_date; share_reached (a range too)
 * and time_elapsed are fractions, 0.5 for half, to four decimals;
 * expected_value is expected at reported_date, expected_now at @today; a
 * number the progress computes has 12 significant digits; status is the
 * token ("on-track", ...).  A cell that is not known is empty. */

/* A figure with its node: a row of the CSV. */
typedef struct {
  const CaNode   *node;
  const CaFigure *figure;
} CaFigureRef;

/* The same for a list of figures, one row each in the order given (the
 * Figures page's rows as filtered and sorted): @n_figures of @figures. */
char     *ca_csv_format_list    (const CaFigureRef *figures,
                                 guint              n_figures,
                                 const char        *lang,
                                 const CaDate      *today);
/* Writes it to @path whole or not at all (see ca-atomic.h). */
gboolean  ca_csv_write_list     (const CaFigureRef *figures,
                                 guint              n_figures,
                                 const char        *lang,
                                 const CaDate      *today,
                                 const char        *path,
                                 GError           **error);

/* Returns the whole text; @n_rows, if given, receives the figure rows written. */
char     *ca_csv_format_subtree (const CaNode  *node,
                                 const char    *lang,
                                 const CaDate  *today,
                                 guint         *n_rows);
/* Writes it to @path whole or not at all (see ca-atomic.h). */
gboolean  ca_csv_write_figures  (const CaNode  *node,
                                 const char    *lang,
                                 const CaDate  *today,
                                 const char    *path,
                                 GError       **error);
/* The same in the interface language, as of the local date.  Kept for
 * tests/soak/soak-window.c; new code says which language and day it writes. */
gboolean  ca_csv_write_subtree  (const CaNode  *node,
                                 const char    *path,
                                 GError       **error);

G_END_DECLS
