#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <pango/pangocairo.h>

#include "ca-chart.h"
#include "ca-dataset.h"
#include "ca-i18n.h"

/* Draws one chart into a PNG, to look at while working on the renderer:
 * chart-png FILE NODE-ID goals|trend|counts|timeline OUT.png [light|dark|print]
 * [WIDTH HEIGHT SCALE] (LANGUAGE picks the interface language). */

static void
draw_background (cairo_t            *cr,
                 const CaChartStyle *style,
                 gboolean            dark)
{
  if (style->background.alpha > 0)
    return;
  if (dark)
    cairo_set_source_rgb (cr, 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0);
  else
    cairo_set_source_rgb (cr, 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0);
  cairo_paint (cr);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  const char *look = argc > 5 ? argv[5] : "light";
  int width = argc > 7 ? atoi (argv[6]) : 900, height = argc > 7 ? atoi (argv[7]) : 560;
  int scale = argc > 8 ? atoi (argv[8]) : 1;
  CaChartOptions options = { 0, width, height, 0, TRUE, TRUE };
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  CaChartLayout *layout;
  CaChartStyle style;

  setlocale (LC_ALL, "");
  ca_i18n_init ();
  if (argc < 5 || !ca_chart_kind_from_string (argv[3], &options.kind))
    {
      g_printerr ("usage: chart-png FILE NODE goals|trend|counts|timeline OUT.png [light|dark|print]\n");
      return 2;
    }
  dataset = ca_dataset_load_file (argv[1], NULL, NULL, NULL, NULL, &error);
  if (dataset == NULL || ca_dataset_lookup_node (dataset, argv[2]) == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "no such node");
      return 1;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  if (g_str_equal (look, "dark"))
    ca_chart_style_init_dark (&style);
  else if (g_str_equal (look, "print"))
    ca_chart_style_init_print (&style);
  else
    ca_chart_style_init_light (&style);
  draw_background (cr, &style, g_str_equal (look, "dark"));
  layout = ca_chart_layout_new (ca_dataset_lookup_node (dataset, argv[2]), &options, context);
  ca_chart_layout_draw (layout, cr, &style,
                        g_getenv ("CA_FOCUS") != NULL ? atoi (g_getenv ("CA_FOCUS")) : -1);
  cairo_surface_write_to_png (surface, argv[4]);
  g_print ("%s: %u marks, %u labels\n", argv[4], ca_chart_layout_get_n_marks (layout),
           ca_chart_layout_get_n_labels (layout));
  ca_chart_layout_free (layout);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
