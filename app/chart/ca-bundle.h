/* ca-bundle.h: a citation bundle, one zip with everything to cite a chart
 *
 * The zip holds the chart as chart.png, chart.svg and chart.pdf (as
 * ca_export_render () draws them), the figures of the node's subtree as
 * figures.csv (ca-csv.h), their sources as sources.bib, sources.ris and
 * sources.json (ca-cite.h), and README.txt: the chart's citation as text
 * (ca_export_get_citation ()), every source of the files, and what each
 * file is, in the chart's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ca-export.h"

G_BEGIN_DECLS

/* The members of a bundle, in the order the zip holds them. */
extern const char * const ca_bundle_members[];
#define CA_BUNDLE_N_MEMBERS 8

/* The zip in memory.  @options as for ca_export_render (), its format
 * unused: each chart format is drawn at that size, the PNG at its scale;
 * @today is the day the CSV's progress columns are computed for. */
GBytes   *ca_bundle_render (const CaNode           *node,
                            const CaExportOptions  *options,
                            const CaDate           *today,
                            GError                **error);
/* Renders and writes to @path whole or not at all (see ca-atomic.h). */
gboolean  ca_bundle_write  (const CaNode           *node,
                            const CaExportOptions  *options,
                            const CaDate           *today,
                            const char             *path,
                            GError                **error);

G_END_DECLS
