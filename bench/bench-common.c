/* bench-common.c: what the C benchmarks share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>

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
