#pragma once

#include "ca-chart.h"
#include "ca-dataset.h"

G_BEGIN_DECLS

/* Shared by the chart tests: loading fixtures and checking a layout's
 * geometry without pixels. */

CaDataset     *chart_test_load_fixture (const char   *name);
CaDataset     *chart_test_load_bundled (void);
/* A dataset with @n parks under one region, each with a count and a goal of
 * the same metric, and @n programs; built in memory. */
CaDataset     *chart_test_load_many    (guint         n);
CaChartLayout *chart_test_layout       (const CaNode *node,
                                        CaChartKind   kind,
                                        double        width,
                                        double        height);
/* The same of the node @id of @dataset, which must exist. */
CaChartLayout *chart_test_layout_of    (CaDataset    *dataset,
                                        const char   *id,
                                        CaChartKind   kind,
                                        double        width,
                                        double        height);
/* The layout drawn in the print style on a @width × @height RGB24 image. */
cairo_surface_t *chart_test_draw       (CaChartLayout *layout,
                                        int            width,
                                        int            height);
/* Asserts: labels inside their panel (or the chart) and not overlapping,
 * marks inside the chart, hit_test finding each mark's centre, and no
 * panel holding marks of two metrics kinds. */
void           chart_test_check_layout (CaChartLayout *layout,
                                        double         width,
                                        double         height);

G_END_DECLS
