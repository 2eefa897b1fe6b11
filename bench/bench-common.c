/* bench-common.c: what the C benchmarks share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>

#include <pango/pangocairo.h>

#include "bench-common.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (double *values,
              guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

CaDataset *
bench_load_xml (GString *xml)
{
  g_autoptr(GError) error = NULL;
  CaDataset *dataset = ca_dataset_load_data (xml->str, xml->len, "bench.xml", NULL, &error);

  if (dataset == NULL)
    g_error ("%s", error->message);
  return dataset;
}

double
bench_layout_ms (const CaNode         *node,
                 const CaChartOptions *options,
                 guint                 runs,
                 guint                *marks)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autofree double *ms = g_new (double, runs);
  double median;

  for (guint r = 0; r < runs; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      CaChartLayout *layout = ca_chart_layout_new (node, options, context);

      ms[r] = (g_get_monotonic_time () - t0) / 1000.0;
      *marks = ca_chart_layout_get_n_marks (layout);
      ca_chart_layout_free (layout);
    }
  median = bench_median (ms, runs);
  g_object_unref (context);
  return median;
}
