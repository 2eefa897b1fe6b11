/* ca-export.c: PNG, SVG and PDF files of a chart, with their metadata.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ca-atomic.h"
#include "ca-chart-private.h"
#include "ca-export.h"
#include "ca-node.h"

/* What the file says about itself, in the chart's language. */
typedef struct {
  char *title;
  char *sources;   /* one citation a line; "" when the chart shows no figure */
} ExportMeta;

static void
export_meta_clear (ExportMeta *meta)
{
  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->sources, g_free);
}

static const char *software = "Cluster Atlas " PACKAGE_VERSION;

gboolean
ca_export_format_from_path (const char     *path,
                            CaExportFormat *format)
{
  static const char * const extensions[] = { "png", "svg", "pdf" };
  int index;

  g_return_val_if_fail (path != NULL, FALSE);

  index = ca_path_extension_index (path, extensions, G_N_ELEMENTS (extensions));
  if (index >= 0 && format != NULL)
    *format = (CaExportFormat) index;
  return index >= 0;
}

const char *
ca_export_format_to_extension (CaExportFormat format)
{
  switch (format)
    {
    case CA_EXPORT_PNG: return "png";
    case CA_EXPORT_SVG: return "svg";
    case CA_EXPORT_PDF: return "pdf";
    default: g_return_val_if_reached ("png");
    }
}

/* Text metrics must not depend on the device: the same layout then serves
 * a PNG at any scale, an SVG and a PDF. */
static void
setup_context (PangoContext *context)
{
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
}

/* What a chart is of, but its size and format: the view, the language
 * and the nodes of a comparison, as the export options say them. */
static CaExportOptions
view_of (CaChartKind  kind,
         const char  *language)
{
  CaExportOptions view = { .kind = kind, .language = language };

  return view;
}

static CaChartLayout *
layout_chart (const CaNode          *node,
              const CaExportOptions *view,
              PangoContext          *context,
              double                 width,
              double                 height)
{
  CaChartOptions options = {
    .kind = view->kind,
    .width = width,
    .height = height,
    .current_year = 0,
    .with_title = TRUE,
    .with_sources = TRUE,
    .language = view->language,
    .compare = view->compare,
    .n_compare = view->n_compare,
    .compare_figures = view->compare_figures,
  };

  setup_context (context);
  return ca_chart_layout_new (node, &options, context);
}

static int
fit_height (const CaNode          *node,
            const CaExportOptions *view,
            int                    width)
{
  PangoContext *context;
  CaChartLayout *layout;
  double height;

  /* Unhinted metrics (setup_context ()) measure the same on every surface;
   * the content's height does not depend on the height laid out. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  layout = layout_chart (node, view, context, width, CA_EXPORT_MAX_HEIGHT);
  height = ceil (ca_chart_layout_get_content_height (layout));
  ca_chart_layout_free (layout);
  g_object_unref (context);
  return (int) CLAMP (height, CA_EXPORT_MIN_FIT_HEIGHT, CA_EXPORT_MAX_HEIGHT);
}

int
ca_export_fit_height (const CaNode *node,
                      CaChartKind   kind,
                      const char   *language,
                      int           width)
{
  CaExportOptions view = view_of (kind, language);

  g_return_val_if_fail (node != NULL, CA_EXPORT_MIN_FIT_HEIGHT);
  g_return_val_if_fail (width > 0, CA_EXPORT_MIN_FIT_HEIGHT);

  return fit_height (node, &view, width);
}

static void
fill_meta (CaChartLayout *layout,
           ExportMeta    *meta)
{
  g_autofree char *citation = ca_chart_layout_get_citation (layout);
  const char *newline = citation != NULL ? strchr (citation, '\n') : NULL;

  meta->title = g_strdup (ca_chart_layout_get_title (layout));
  meta->sources = g_strdup (newline != NULL ? newline + 1 : "");
  g_strchomp (meta->sources);
}

/* The drawing every export shares; fills @meta when given. */
static void
draw_chart (const CaNode          *node,
            const CaExportOptions *view,
            cairo_t               *cr,
            double                 width,
            double                 height,
            ExportMeta            *meta)
{
  PangoContext *context;
  CaChartLayout *layout;
  CaChartStyle style;

  context = pango_cairo_create_context (cr);
  layout = layout_chart (node, view, context, width, height);
  ca_chart_style_init_print (&style);

  cairo_save (cr);
  cairo_set_source_rgba (cr, style.background.red, style.background.green,
                         style.background.blue, style.background.alpha);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
  ca_chart_layout_draw (layout, cr, &style, -1);

  if (meta != NULL)
    fill_meta (layout, meta);
  ca_chart_layout_free (layout);
  g_object_unref (context);
}

void
ca_export_draw (const CaNode          *node,
                const CaExportOptions *view,
                cairo_t               *cr,
                double                 width,
                double                 height)
{
  g_return_if_fail (node != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (cr != NULL);

  draw_chart (node, view, cr, width, height, NULL);
}

static cairo_surface_t *
render_image (const CaNode          *node,
              const CaExportOptions *view,
              int                    width,
              int                    height,
              int                    scale,
              ExportMeta            *meta)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  draw_chart (node, view, cr, width, height, meta);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

cairo_surface_t *
ca_export_render_image (const CaNode *node,
                        CaChartKind   kind,
                        const char   *language,
                        int           width,
                        int           height,
                        int           scale)
{
  CaExportOptions view = view_of (kind, language);

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, NULL);

  return render_image (node, &view, width, height, scale, NULL);
}

char *
ca_export_get_citation (const CaNode *node,
                        CaChartKind   kind,
                        const char   *language)
{
  CaChartOptions options = { .kind = kind, .language = language };
  g_autoptr(CaChartLayout) unplaced = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  unplaced = ca_chart_layout_new_unplaced (node, &options);
  return ca_chart_layout_get_citation (unplaced);
}

/* PNG ************************************************************/

static guint32 crc_table[256];

static void
crc_table_init (void)
{
  for (guint32 n = 0; n < 256; n++)
    {
      guint32 c = n;

      for (int k = 0; k < 8; k++)
        c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      crc_table[n] = c;
    }
}

/* The CRC-32 of the PNG specification, over a chunk's type and data. */
static guint32
png_crc (const guint8 *data,
         gsize         length)
{
  static gsize initialized = 0;
  guint32 c = 0xffffffffu;

  if (g_once_init_enter (&initialized))
    {
      crc_table_init ();
      g_once_init_leave (&initialized, 1);
    }
  for (gsize i = 0; i < length; i++)
    c = crc_table[(c ^ data[i]) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

/* A tEXt chunk when the text is Latin-1, as tEXt must be; else an
 * uncompressed iTXt chunk, which holds UTF-8: Chinese titles need it. */
static void
append_text_chunk (GByteArray *out,
                   const char *keyword,
                   const char *text)
{
  gsize latin1_length = 0;
  g_autofree char *latin1 = g_convert (text, -1, "ISO-8859-1", "UTF-8",
                                       NULL, &latin1_length, NULL);
  g_autoptr(GByteArray) body = g_byte_array_new ();
  static const guint8 itxt_flags[] = { 0, 0, 0, 0 };  /* flag, method, "", "" */

  g_byte_array_append (body, (const guint8 *) (latin1 != NULL ? "tEXt" : "iTXt"), 4);
  g_byte_array_append (body, (const guint8 *) keyword, strlen (keyword) + 1);
  if (latin1 != NULL)
    g_byte_array_append (body, (const guint8 *) latin1, latin1_length);
  else
    {
      g_byte_array_append (body, itxt_flags, sizeof itxt_flags);
      g_byte_array_append (body, (const guint8 *) text, strlen (text));
    }

  append_be32 (out, body->len - 4);
  g_byte_array_append (out, body->data, body->len);
  append_be32 (out, png_crc (body->data, body->len));
}

static cairo_status_t
write_to_array_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* cairo 1.16 writes no text chunks: they go right after IHDR, which is
 * always the first chunk (8 bytes of signature, then 25 of IHDR). */
static GBytes *
png_with_text (GByteArray       *png,
               const ExportMeta *meta)
{
  const gsize after_ihdr = 8 + 4 + 4 + 13 + 4;
  GByteArray *out;

  g_assert (png->len > after_ihdr && memcmp (png->data + 12, "IHDR", 4) == 0);

  out = g_byte_array_sized_new (png->len + 1024);
  g_byte_array_append (out, png->data, after_ihdr);
  append_text_chunk (out, "Title", meta->title);
  if (meta->sources[0] != '\0')
    append_text_chunk (out, "Source", meta->sources);
  append_text_chunk (out, "Software", software);
  g_byte_array_append (out, png->data + after_ihdr, png->len - after_ihdr);
  return g_byte_array_free_to_bytes (out);
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not draw the chart: %s"), cairo_status_to_string (status));
  return FALSE;
}

static GBytes *
render_png (const CaNode          *node,
            const CaExportOptions *options,
            GError               **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  ExportMeta meta = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  GBytes *bytes = NULL;

  surface = render_image (node, options, options->width, options->height, options->scale,
                          &meta);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_array_cb, png);
  cairo_surface_destroy (surface);

  if (check_status (status, error))
    bytes = png_with_text (png, &meta);
  export_meta_clear (&meta);
  return bytes;
}

/* Draws the chart on a vector @surface, lets @tag_cb write the document's
 * metadata from what was drawn, and finishes the surface.  Consumes the
 * surface; returns the first error of the drawing or the surface. */
static cairo_status_t
draw_vector (cairo_surface_t       *surface,
             const CaNode          *node,
             const CaExportOptions *options,
             ExportMeta            *meta,
             void                 (*tag_cb) (cairo_surface_t  *surface,
                                             const ExportMeta *meta))
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  draw_chart (node, options, cr, options->width, options->height, meta);
  if (tag_cb != NULL)
    tag_cb (surface, meta);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* SVG ************************************************************/

/* cairo 1.16 has no API for an SVG title: insert <title> and <desc> as the
 * first children of the root element, where readers look for them. */
static GBytes *
svg_with_text (GByteArray       *svg,
               const ExportMeta *meta)
{
  const char *text = (const char *) svg->data;
  const char *root = g_strstr_len (text, svg->len, "<svg");
  const char *end = root != NULL ? memchr (root, '>', svg->len - (root - text)) : NULL;
  g_autofree char *title = g_markup_escape_text (meta->title, -1);
  g_autofree char *desc = g_markup_escape_text (meta->sources, -1);
  GString *out;

  g_assert (end != NULL);

  out = g_string_new_len (text, end + 1 - text);
  g_string_append_printf (out, "\n<title>%s</title>\n", title);
  if (*desc != '\0')
    g_string_append_printf (out, "<desc>%s</desc>\n", desc);
  g_string_append_len (out, end + 1, svg->len - (end + 1 - text));
  return g_string_free_to_bytes (out);
}

static GBytes *
render_svg (const CaNode          *node,
            const CaExportOptions *options,
            GError               **error)
{
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  ExportMeta meta = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  GBytes *bytes = NULL;

  surface = cairo_svg_surface_create_for_stream (write_to_array_cb, svg,
                                                 options->width, options->height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  status = draw_vector (surface, node, options, &meta, NULL);

  if (check_status (status, error))
    bytes = svg_with_text (svg, &meta);
  export_meta_clear (&meta);
  return bytes;
}

/* PDF ************************************************************/

static void
tag_pdf (cairo_surface_t  *surface,
         const ExportMeta *meta)
{
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, meta->title);
  if (meta->sources[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, meta->sources);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, software);
}

static GBytes *
render_pdf (const CaNode          *node,
            const CaExportOptions *options,
            GError               **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  ExportMeta meta = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (write_to_array_cb, pdf,
                                                 options->width, options->height);
  status = draw_vector (surface, node, options, &meta, tag_pdf);
  export_meta_clear (&meta);

  if (!check_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

/* Files **********************************************************/

static gboolean
check_options (const CaExportOptions  *options,
               GError                **error)
{
  double pixels = (double) options->width * options->scale
                  * (double) options->height * options->scale;

  if (options->format != CA_EXPORT_PNG || pixels <= CA_EXPORT_MAX_PIXELS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("The picture would be too large: %d × %d pixels"),
               options->width * options->scale, options->height * options->scale);
  return FALSE;
}

GBytes *
ca_export_render (const CaNode           *node,
                  const CaExportOptions  *options,
                  GError                **error)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->width > 0 && options->height >= 0, NULL);
  g_return_val_if_fail (options->scale > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options->height == 0)
    {
      CaExportOptions fitted = *options;

      fitted.height = fit_height (node, options, options->width);
      return ca_export_render (node, &fitted, error);
    }
  if (!check_options (options, error))
    return NULL;
  switch (options->format)
    {
    case CA_EXPORT_PNG: return render_png (node, options, error);
    case CA_EXPORT_SVG: return render_svg (node, options, error);
    case CA_EXPORT_PDF: return render_pdf (node, options, error);
    default: g_return_val_if_reached (NULL);
    }
}

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
         || c == 0x200E || c == 0x200F || c == 0x061C;
}

char *
ca_export_clean_file_name (const char *name)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (name != NULL, NULL);

  valid = g_utf8_make_valid (name, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_bidi_control (c) || g_unichar_iscntrl (c))
        continue;
      if (c == '/')
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
ca_export_default_name (const CaNode   *node,
                        CaChartKind     kind,
                        CaExportFormat  format,
                        gboolean        csv)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  if (csv)
    /* Translators: a file name; keep %s, the node's id. */
    name = g_strdup_printf (_("%s-figures.csv"), ca_node_get_id (node));
  else
    /* Translators: a file name; keep the %s parts: node id, chart view, extension. */
    name = g_strdup_printf (_("%s-%s.%s"), ca_node_get_id (node), ca_chart_kind_to_string (kind),
                            ca_export_format_to_extension (format));
  return ca_export_clean_file_name (name);
}

gboolean
ca_export_write (const CaNode           *node,
                 const CaExportOptions  *options,
                 const char             *path,
                 GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = ca_export_render (node, options, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return ca_atomic_write (path, data, length, error);
}
