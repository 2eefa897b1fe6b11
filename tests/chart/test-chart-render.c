#include "config.h"

#include <locale.h>
#include <pango/pangocairo.h>

#include "chart-test-common.h"
#include "ca-i18n.h"
#include "ca-node.h"

/* Rendering tests: each view drawn onto an image surface at scales 1 and 2
 * is not blank, every label lies inside the surface, and Chinese text finds
 * glyphs for every character. */

#define WIDTH 800
#define HEIGHT 500

/* Counts the pixels that differ from the paper. */
static guint
count_ink (cairo_surface_t *surface)
{
  const guchar *data;
  int stride, w, h;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (data + y * stride);

      for (int x = 0; x < w; x++)
        n += row[x] != 0xffffffff;
    }
  return n;
}

static void
check_labels_inside (CaChartLayout *layout)
{
  for (guint i = 0; i < ca_chart_layout_get_n_labels (layout); i++)
    {
      CaChartRect r;
      const char *text = ca_chart_layout_get_label (layout, i, &r, NULL);

      if (r.x < 0 || r.y < 0 || r.x + r.width > WIDTH || r.y + r.height > HEIGHT)
        g_error ("label “%s” leaves the surface", text);
    }
}

static void
render (const CaNode *node,
        CaChartKind   kind,
        int           scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * scale,
                                                         HEIGHT * scale);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  CaChartOptions options = { kind, WIDTH, HEIGHT, 2026, TRUE, TRUE };
  CaChartLayout *layout;
  CaChartStyle style;
  guint ink;

  cairo_surface_set_device_scale (surface, scale, scale);
  layout = ca_chart_layout_new (node, &options, context);
  ca_chart_style_init_print (&style);
  ca_chart_layout_draw (layout, cr, &style, 0);
  ink = count_ink (surface);
  /* Not blank, not all ink. */
  g_assert_cmpuint (ink, >, 200u * scale * scale);
  g_assert_cmpuint (ink, <, (guint) (WIDTH * HEIGHT * scale * scale / 2));
  check_labels_inside (layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  ca_chart_layout_free (layout);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_render_views (void)
{
  g_autoptr(CaDataset) basic = chart_test_load_fixture ("chart-basic.xml");
  g_autoptr(CaDataset) edge = chart_test_load_fixture ("chart-edge.xml");
  const CaNode *nodes[] = { ca_dataset_lookup_node (basic, "r"),
                            ca_dataset_lookup_node (edge, "none") };

  for (guint n = 0; n < G_N_ELEMENTS (nodes); n++)
    for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
      for (int scale = 1; scale <= 2; scale++)
        render (nodes[n], kind, scale);
}

static void
test_render_bundled (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();

  for (guint r = 0; r < ca_dataset_get_n_roots (dataset); r++)
    for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
      render (ca_dataset_get_root (dataset, r), kind, 1);
}

static void
check_glyphs (CaDataset *dataset)
{
  for (guint r = 0; r < ca_dataset_get_n_roots (dataset); r++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, r);

      for (const CaNode *node = ca_node_next_in_subtree (root, NULL); node != NULL;
           node = ca_node_next_in_subtree (root, node))
        for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
          {
            g_autoptr(CaChartLayout) layout = chart_test_layout (node, kind, WIDTH, HEIGHT);

            g_assert_cmpint (ca_chart_layout_count_unknown_glyphs (layout), ==, 0);
          }
    }
}

static void
test_chinese_glyphs (void)
{
  g_autoptr(CaDataset) bundled = chart_test_load_bundled ();
  g_autoptr(CaDataset) basic = chart_test_load_fixture ("chart-basic.xml");

  ca_i18n_set_language ("zh_CN");
  check_glyphs (bundled);
  check_glyphs (basic);
  render (ca_dataset_lookup_node (basic, "r"), CA_CHART_COUNTS, 2);
  ca_i18n_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();
  ca_i18n_set_language ("en");

  g_test_add_func ("/chart/render/views", test_render_views);
  g_test_add_func ("/chart/render/bundled", test_render_bundled);
  g_test_add_func ("/chart/render/chinese-glyphs", test_chinese_glyphs);
  return g_test_run ();
}
