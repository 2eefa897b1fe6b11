#include "config.h"

#include <pango/pangocairo.h>

#include "chart-test-common.h"
#include "ca-chart-private.h"
#include "ca-node.h"

CaDataset *
chart_test_load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CA_FIXTURES"), name, NULL);
  g_autoptr(GError) error = NULL;
  CaDataset *dataset = ca_dataset_load_file (path, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

CaDataset *
chart_test_load_bundled (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CLUSTER_ATLAS_DATADIR"), "atlas.xml",
                                            NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  CaDataset *dataset = ca_dataset_load_file (path, NULL, NULL, NULL, &problems, &error);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = ca_problem_format (g_ptr_array_index (problems, i));

      g_test_message ("%s", line);
    }
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

CaDataset *
chart_test_load_many (guint n)
{
  g_autoptr(GString) xml = g_string_new (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">\n"
      "<title xml:lang=\"en\">Many</title>\n<metrics>\n"
      "<metric id=\"projects\" kind=\"count\"><name xml:lang=\"en\">Projects</name></metric>\n"
      "<metric id=\"money\" kind=\"money\" unit=\"CNY\"><name xml:lang=\"en\">Money</name>"
      "</metric>\n</metrics>\n<sources>\n"
      "<source id=\"s\" published=\"2024-01-01\" publisher=\"P\">"
      "<title xml:lang=\"en\">T</title></source>\n</sources>\n"
      "<region id=\"many\" kind=\"country\"><name xml:lang=\"en\">Many</name>\n");
  g_autoptr(GError) error = NULL;
  CaDataset *dataset;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (xml,
          "<park id=\"p%u\" kind=\"park\"><name xml:lang=\"en\">Park number %u</name>"
          "<count metric=\"projects\" value=\"%u\" date=\"2024\" source=\"s\"/>"
          "<goal metric=\"money\" value=\"%u000000\" year=\"%u\" source=\"s\"/></park>\n",
          i, i, i + 1, i + 1, 2025 + i % 6);
      g_string_append_printf (xml,
          "<program id=\"g%u\" start=\"%u\" end=\"%u\"><name xml:lang=\"en\">Program %u</name>"
          "</program>\n", i, 2020 + i % 5, 2026 + i % 5, i);
    }
  g_string_append (xml, "</region>\n</atlas>\n");
  dataset = ca_dataset_load_data (xml->str, xml->len, "many.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

CaChartLayout *
chart_test_layout (const CaNode *node,
                   CaChartKind   kind,
                   double        width,
                   double        height)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  CaChartOptions options = { kind, width, height, 2026, TRUE, TRUE };
  CaChartLayout *layout = ca_chart_layout_new (node, &options, context);

  g_object_unref (context);
  return layout;
}

CaChartLayout *
chart_test_layout_of (CaDataset   *dataset,
                      const char  *id,
                      CaChartKind  kind,
                      double       width,
                      double       height)
{
  const CaNode *node = ca_dataset_lookup_node (dataset, id);

  g_assert_nonnull (node);
  return chart_test_layout (node, kind, width, height);
}

cairo_surface_t *
chart_test_draw (CaChartLayout *layout,
                 int            width,
                 int            height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  CaChartStyle style;

  ca_chart_style_init_print (&style);
  ca_chart_layout_draw (layout, cr, &style, -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
inside (const CaChartRect *r,
        const CaChartRect *outer)
{
  const double e = 0.5;

  return r->x >= outer->x - e && r->y >= outer->y - e &&
         r->x + r->width <= outer->x + outer->width + e &&
         r->y + r->height <= outer->y + outer->height + e;
}

static gboolean
overlap (const CaChartRect *a,
         const CaChartRect *b)
{
  const double e = 0.5;

  return a->x + e < b->x + b->width && b->x + e < a->x + a->width &&
         a->y + e < b->y + b->height && b->y + e < a->y + a->height;
}

static void
check_labels (CaChartLayout     *layout,
              const CaChartRect *all)
{
  guint n = ca_chart_layout_get_n_labels (layout);

  for (guint i = 0; i < n; i++)
    {
      CaChartRect rect, area = *all;
      int panel;
      const char *text = ca_chart_layout_get_label (layout, i, &rect, &panel);

      g_assert_nonnull (text);
      if (panel >= 0)
        ca_chart_layout_get_panel_area (layout, panel, &area);
      if (!inside (&rect, &area) || !inside (&rect, all))
        g_error ("label “%s” at %g,%g %gx%g leaves its area %g,%g %gx%g", text,
                 rect.x, rect.y, rect.width, rect.height, area.x, area.y, area.width, area.height);
      for (guint j = 0; j < i; j++)
        {
          CaChartRect other;
          const char *other_text = ca_chart_layout_get_label (layout, j, &other, NULL);

          if (overlap (&rect, &other))
            g_error ("label “%s” overlaps “%s”", text, other_text);
        }
    }
}

static void
check_marks (CaChartLayout     *layout,
             const CaChartRect *all)
{
  guint n = ca_chart_layout_get_n_marks (layout);

  for (guint i = 0; i < n; i++)
    {
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);
      CaChartRect rect = { mark->x, mark->y, mark->width, mark->height };
      int panel = ca_chart_layout_get_mark_panel (layout, i);
      int hit = ca_chart_layout_hit_test (layout, mark->x + mark->width / 2,
                                          mark->y + mark->height / 2);
      const CaChartMark *found;

      if (!inside (&rect, all))
        g_error ("mark “%s” at %g,%g %gx%g leaves the chart", mark->label,
                 rect.x, rect.y, rect.width, rect.height);
      g_assert_nonnull (mark->label);
      g_assert_nonnull (mark->tooltip);
      g_assert_nonnull (mark->accessible_name);
      g_assert_cmpint (hit, >=, 0);
      /* A goal's diamond may sit on its program's bar; it then wins.  Two
       * lines of a trend may report one value on one day: the point drawn
       * on top takes the pointer, the keyboard reaches both. */
      found = ca_chart_layout_get_mark (layout, hit);
      g_assert_true (hit == (int) i || found->type == CA_MARK_GOAL ||
                     (found->type == CA_MARK_POINT && mark->type == CA_MARK_POINT &&
                      found->x == mark->x && found->y == mark->y));
      if (panel >= 0 && mark->figure != NULL)
        {
          const CaMetric *metric = ca_chart_layout_get_panel_metric (layout, panel);

          /* One axis, one unit: money never shares a panel with counts. */
          if (metric != NULL)
            {
              g_assert_cmpint (mark->figure->metric->kind, ==, metric->kind);
              g_assert_cmpstr (mark->figure->metric->unit, ==, metric->unit);
            }
        }
    }
}

/* What each layout draws stays inside the box the layout code measured,
 * which the checks above rely on: an ellipsis dropped, a width unset, and
 * the text would run over its neighbours unseen. */
static void
check_ink (CaChartLayout *layout)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const Text *text = &g_array_index (layout->texts, Text, i);
      PangoRectangle ink;

      pango_layout_get_pixel_extents (text->layout, &ink, NULL);
      if (ink.width == 0)
        continue;
      if (ink.x < -2 || ink.x + ink.width > text->w + 2)
        g_error ("“%s” draws %d..%d, outside its measured width %g", text->text,
                 ink.x, ink.x + ink.width, text->w);
    }
}

void
chart_test_check_layout (CaChartLayout *layout,
                         double         width,
                         double         height)
{
  CaChartRect all = { 0, 0, width, height };

  g_assert_nonnull (ca_chart_layout_get_title (layout));
  if (ca_chart_layout_get_empty_message (layout) != NULL)
    g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 0);
  else
    g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), >, 0);
  check_labels (layout, &all);
  check_ink (layout);
  check_marks (layout, &all);
}
