/* bench-export.c: export time per format beside the renderer alone.
 *
 * For a goals chart of 10 goals (1200x800) and one of 1,000 goals at the
 * tallest export (1200x10000: a row per goal, as many rows as fit, the rest
 * counted), prints for each format the median time of ca_export_render ()
 * (layout, drawing, encoding, metadata, in memory) with its ratio to the
 * renderer alone (layout and draw onto an image surface of the same size),
 * and of ca_export_write () (the same plus the atomic write with fsync).
 * Usage: bench-export [RUNS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "bench-common.h"
#include "ca-chart.h"
#include "ca-dataset.h"
#include "ca-export.h"
#include "ca-i18n.h"

/* @n goals of one metric, all due the same year, one per program. */
static CaDataset *
make_dataset (guint n)
{
  g_autoptr(GString) xml = g_string_new (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\"><title xml:lang=\"en\">Bench</title>"
      "<metrics><metric id=\"projects\" kind=\"count\"><name xml:lang=\"en\">Projects</name>"
      "</metric></metrics><sources><source id=\"s\" published=\"2024-01-01\" "
      "publisher=\"Publisher\"><title xml:lang=\"en\">Report</title></source></sources>"
      "<region id=\"root\" kind=\"country\"><name xml:lang=\"en\">Root</name>\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml,
        "<program id=\"g%u\" start=\"2020\" end=\"2030\"><name xml:lang=\"en\">Program %u"
        "</name><goal metric=\"projects\" value=\"%u\" year=\"2030\" source=\"s\"/></program>\n",
        i, i, (i * 7919) % 1000 + 1);
  g_string_append (xml, "</region></atlas>\n");
  return bench_load_xml (xml);
}

static guint
count_marks (const CaNode *node,
             int           width,
             int           height)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  CaChartOptions options = { CA_CHART_GOALS, width, height, 0, TRUE, TRUE };
  CaChartLayout *layout = ca_chart_layout_new (node, &options, context);
  guint marks = ca_chart_layout_get_n_marks (layout);

  ca_chart_layout_free (layout);
  g_object_unref (context);
  return marks;
}

/* The renderer alone: what the widget pays to draw the same chart. */
static double
time_renderer (const CaNode *node,
               int           width,
               int           height)
{
  CaChartOptions options = { CA_CHART_GOALS, width, height, 0, TRUE, TRUE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  gint64 start = g_get_monotonic_time ();
  PangoContext *context = pango_cairo_create_context (cr);
  CaChartLayout *layout = ca_chart_layout_new (node, &options, context);
  CaChartStyle style;
  double elapsed;

  ca_chart_style_init_print (&style);
  ca_chart_layout_draw (layout, cr, &style, -1);
  cairo_surface_flush (surface);
  elapsed = (g_get_monotonic_time () - start) / 1000.0;

  ca_chart_layout_free (layout);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return elapsed;
}

/* With @path NULL, in memory only. */
static double
time_export (const CaNode   *node,
             CaExportFormat  format,
             int             width,
             int             height,
             const char     *path)
{
  CaExportOptions options = { format, CA_CHART_GOALS, width, height, 1, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (path != NULL && !ca_export_write (node, &options, path, &error))
    g_error ("%s", error->message);
  if (path == NULL)
    {
      g_autoptr(GBytes) bytes = ca_export_render (node, &options, &error);

      if (bytes == NULL)
        g_error ("%s", error->message);
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_case (const CaNode *node,
            int           width,
            int           height,
            guint         runs,
            const char   *folder)
{
  g_autofree double *times = g_new (double, runs);
  double renderer;

  for (guint r = 0; r < runs; r++)
    times[r] = time_renderer (node, width, height);
  renderer = bench_median (times, runs);
  g_print ("%6u  %5dx%-4d  %9.1f", count_marks (node, width, height), width, height, renderer);

  for (CaExportFormat format = CA_EXPORT_PNG; format <= CA_EXPORT_PDF; format++)
    {
      g_autofree char *name = g_strdup_printf ("chart.%s", ca_export_format_to_extension (format));
      g_autofree char *path = g_build_filename (folder, name, NULL);
      double memory;
      GStatBuf st;

      for (guint r = 0; r < runs; r++)
        times[r] = time_export (node, format, width, height, NULL);
      memory = bench_median (times, runs);
      for (guint r = 0; r < runs; r++)
        times[r] = time_export (node, format, width, height, path);
      g_stat (path, &st);
      g_print ("  %7.1f %6.2fx %7.1f %5.0fk", memory, memory / renderer,
               bench_median (times, runs), st.st_size / 1024.0);
    }
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 9;
  g_autofree char *folder = g_dir_make_tmp ("ca-bench-export-XXXXXX", NULL);
  g_autoptr(CaDataset) small = NULL;
  g_autoptr(CaDataset) big = NULL;

  ca_i18n_init ();
  ca_i18n_set_language ("en");
  runs = MAX (runs, 1);
  small = make_dataset (10);
  big = make_dataset (1000);

  g_print ("Goals chart; median of %u runs, in ms.  For each format: the export in memory,\n"
           "its ratio to the renderer alone, the export written to a file (atomic, fsync),\n"
           "and the file's size.\n", runs);
  g_print (" marks  size        renderer      png  ratio    file  size      svg  ratio    file"
           "  size      pdf  ratio    file  size\n");
  bench_case (ca_dataset_lookup_node (small, "root"), 1200, 800, runs, folder);
  bench_case (ca_dataset_lookup_node (big, "root"), 1200, 800, runs, folder);
  bench_case (ca_dataset_lookup_node (big, "root"), 1200, 10000, runs, folder);

  for (CaExportFormat format = CA_EXPORT_PNG; format <= CA_EXPORT_PDF; format++)
    {
      g_autofree char *name = g_strdup_printf ("chart.%s", ca_export_format_to_extension (format));
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
  return 0;
}
