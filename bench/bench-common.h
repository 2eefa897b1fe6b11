/* bench-common.h: what the C benchmarks share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ca-chart.h"
#include "ca-dataset.h"

G_BEGIN_DECLS

/* The median of @n values (sorts them). */
double     bench_median     (double  *values,
                             guint    n);
/* Loads a dataset written in memory; aborts with the loader's message if it
 * is refused, since a benchmark on a wrong dataset measures nothing. */
CaDataset *bench_load_xml   (GString *xml);
/* The median time in ms of @runs layouts of @node, text measured with a
 * context of the font map (no surface); @marks gets the layout's marks. */
double     bench_layout_ms  (const CaNode         *node,
                             const CaChartOptions *options,
                             guint                 runs,
                             guint                *marks);

G_END_DECLS
