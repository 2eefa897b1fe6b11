/* ca-chart-layout.c: the building blocks the three views share
 *
 * The display list, text placement that refuses overlaps, and the frame
 * around the panels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-chart-private.h"
#include "ca-format.h"

const char *
ca_chart_take_string (CaChartLayout *self,
                      char          *owned)
{
  const char *kept;

  if (owned == NULL)
    return NULL;
  kept = g_string_chunk_insert (self->strings, owned);
  g_free (owned);
  return kept;
}

void
ca_chart_add_shape (CaChartLayout *self,
                    ShapeType      type,
                    Ink            ink,
                    double         alpha,
                    double         x,
                    double         y,
                    double         w,
                    double         h)
{
  Shape shape = { type, ink, alpha, x, y, w, h, 1.0 };

  g_array_append_val (self->shapes, shape);
}

/* The size of what @text's layout draws: its widest line, and never more
 * than the width it was given (pixel extents round outwards). */
static void
measure_text (Text *text)
{
  PangoRectangle logical;
  int width = pango_layout_get_width (text->layout);

  pango_layout_get_pixel_extents (text->layout, NULL, &logical);
  text->w = 0;
  for (int i = 0; i < pango_layout_get_line_count (text->layout); i++)
    {
      PangoRectangle line;

      pango_layout_line_get_pixel_extents (pango_layout_get_line_readonly (text->layout, i),
                                           NULL, &line);
      text->w = MAX (text->w, line.width);
    }
  if (width > 0)
    text->w = MIN (text->w, width / (double) PANGO_SCALE);
  text->h = logical.height;
}

void
ca_chart_make_text (CaChartLayout *self,
                    Text          *out,
                    const char    *text,
                    Font           font,
                    double         max_width,
                    int            max_lines)
{
  g_autofree char *shown = ca_chart_drop_idle_isolates (text);

  memset (out, 0, sizeof *out);
  out->layout = pango_layout_new (self->context);
  out->text = g_string_chunk_insert (self->strings, text);
  out->ink = INK_FOREGROUND;
  out->panel = -1;
  pango_layout_set_font_description (out->layout, self->fonts[font]);
  pango_layout_set_text (out->layout, shown != NULL ? shown : text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (out->layout, (int) floor (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (out->layout, PANGO_ELLIPSIZE_END);
      if (max_lines > 1)
        {
          pango_layout_set_wrap (out->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (out->layout, -max_lines);
        }
    }
  measure_text (out);
}

/* A name right-aligned in a column of @max_width: one line when it fits;
 * else up to @max_lines balanced lines, so that a wrapped name does not
 * leave one word or character alone on its last line. */
void
ca_chart_make_name (CaChartLayout *self,
                    Text          *out,
                    const char    *text,
                    Font           font,
                    double         max_width,
                    int            max_lines)
{
  double natural, widths[2];

  ca_chart_make_text (self, out, text, font, 0, 1);
  natural = out->w;
  if (natural <= max_width)
    return;
  ca_chart_text_clear (out);
  widths[0] = MIN (max_width, natural / max_lines + 24);
  widths[1] = max_width;
  for (guint i = max_lines > 1 ? 0 : 1; i < 2; i++)
    {
      ca_chart_make_text (self, out, text, font, widths[i], max_lines);
      if (i == 1 || !pango_layout_is_ellipsized (out->layout))
        break;
      ca_chart_text_clear (out);
    }
  /* Several lines are right-aligned within the layout's width, which is
   * then the width of the text; one line, even ellipsized, starts at 0. */
  if (pango_layout_get_line_count (out->layout) > 1)
    {
      pango_layout_set_alignment (out->layout, PANGO_ALIGN_RIGHT);
      out->w = pango_layout_get_width (out->layout) / (double) PANGO_SCALE;
    }
}

double
ca_chart_text_width (CaChartLayout *self,
                     const char    *string,
                     Font           font)
{
  Text text;
  double w;

  if (string == NULL)
    return 0;
  ca_chart_make_text (self, &text, string, font, 0, 1);
  w = text.w;
  ca_chart_text_clear (&text);
  return w;
}

void
ca_chart_text_clear (Text *text)
{
  g_clear_object (&text->layout);
}

static void
text_box (Text *text)
{
  double c = cos (text->angle), s = sin (text->angle);
  double xs[4] = { 0, text->w * c, text->w * c - text->h * s, -text->h * s };
  double ys[4] = { 0, text->w * s, text->w * s + text->h * c, text->h * c };
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  for (guint i = 1; i < 4; i++)
    {
      x0 = MIN (x0, xs[i]);
      x1 = MAX (x1, xs[i]);
      y0 = MIN (y0, ys[i]);
      y1 = MAX (y1, ys[i]);
    }
  text->box.x = text->x + x0;
  text->box.y = text->y + y0;
  text->box.width = x1 - x0;
  text->box.height = y1 - y0;
}

static gboolean
rects_overlap (const CaChartRect *a,
               const CaChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_inside (const CaChartRect *inner,
             const CaChartRect *outer)
{
  const double e = 0.01;

  return inner->x >= outer->x - e && inner->y >= outer->y - e &&
         inner->x + inner->width <= outer->x + outer->width + e &&
         inner->y + inner->height <= outer->y + outer->height + e;
}

/* Adds @text at (@x, @y) when it stays inside @bounds and overlaps no text
 * placed before; otherwise drops it.  Either way @text is consumed. */
gboolean
ca_chart_place_text (CaChartLayout     *self,
                     Text              *text,
                     double             x,
                     double             y,
                     const CaChartRect *bounds)
{
  text->x = x;
  text->y = y;
  text_box (text);
  if (text->w <= 0 || (bounds != NULL && !rect_inside (&text->box, bounds)))
    {
      ca_chart_text_clear (text);
      return FALSE;
    }
  for (guint i = 0; i < self->texts->len; i++)
    {
      if (rects_overlap (&text->box, &g_array_index (self->texts, Text, i).box))
        {
          ca_chart_text_clear (text);
          return FALSE;
        }
    }
  g_array_append_val (self->texts, *text);
  return TRUE;
}

int
ca_chart_add_mark (CaChartLayout *self,
                   CaMarkType     type,
                   int            panel,
                   double         x,
                   double         y,
                   double         w,
                   double         h)
{
  CaChartMark mark = { 0 };

  mark.type = type;
  mark.x = x;
  mark.y = y;
  mark.width = w;
  mark.height = h;
  g_array_append_val (self->marks, mark);
  g_array_append_val (self->mark_panels, panel);
  return (int) self->marks->len - 1;
}

int
ca_chart_add_panel (CaChartLayout     *self,
                    const CaChartRect *area,
                    const CaMetric    *metric)
{
  Panel panel = { *area, *area, metric };

  g_array_append_val (self->panels, panel);
  return (int) self->panels->len - 1;
}

void
ca_chart_add_source (CaChartLayout  *self,
                     const CaSource *source)
{
  if (source != NULL && !g_ptr_array_find (self->sources, source, NULL))
    g_ptr_array_add (self->sources, (gpointer) source);
}

static double
place_title (CaChartLayout *self,
             double         top)
{
  CaChartRect all = { 0, 0, self->options.width, self->options.height };
  Text text;

  ca_chart_make_text (self, &text, self->drawn_title, FONT_TITLE,
                      self->options.width - 2 * CA_CHART_MARGIN, 1);
  if (!ca_chart_place_text (self, &text, CA_CHART_MARGIN, top, &all))
    return top;
  return top + text.h + CA_CHART_PAD;
}

static double
place_legend (CaChartLayout    *self,
              const LegendItem *items,
              guint             n_items,
              double            top)
{
  CaChartRect all = { 0, 0, self->options.width, self->options.height };
  double x = CA_CHART_MARGIN, right = self->options.width - CA_CHART_MARGIN;
  double row_h = 0;

  for (guint i = 0; i < n_items; i++)
    {
      /* A fade needs some length to be seen as one. */
      const double swatch = items[i].swatch == SHAPE_FADE ? 24.0 : 10.0;
      Text text;

      /* A label may be a name from the data, right to left: as a name, it
       * gets a width only when it must be shortened. */
      /* At most what a line holds after its swatch, so that a long name is
       * shortened rather than left out (its swatch would stand alone). */
      ca_chart_make_name (self, &text, items[i].label, FONT_SMALL,
                          right - CA_CHART_MARGIN - swatch - 4, 1);
      text.ink = INK_DIM;
      if (x > CA_CHART_MARGIN && x + swatch + 4 + text.w > right)
        {
          x = CA_CHART_MARGIN;
          top += row_h + 4;
        }
      row_h = MAX (row_h, text.h);
      ca_chart_add_shape (self, items[i].swatch, items[i].ink, 1.0,
                          x, top + (text.h - 10.0) / 2, swatch, 10.0);
      x += swatch + 4;
      if (ca_chart_place_text (self, &text, x, top, &all))
        x += text.w + 16;
    }
  return top + row_h + CA_CHART_PAD;
}

static char *
sources_line (CaChartLayout *self)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = self->sources->len;

  for (guint i = 0; i < n; i++)
    {
      const CaSource *source = g_ptr_array_index (self->sources, i);
      g_autofree char *date = ca_format_date (self->lang, &source->published);
      g_autofree char *publisher = ca_chart_isolate (ca_chart_publisher (self, source));

      if (i > 0)
        /* Translators: separates sources in a chart's footer */
        g_string_append (list, ca_i18n_gettext (self->lang, "; "));
      /* Translators: a source in a chart's footer: publisher, date */
      g_string_append_printf (list, ca_i18n_gettext (self->lang, "%s, %s"), publisher, date);
    }
  /* Translators: the footer of a chart that names where its figures come from */
  return g_strdup_printf (ca_i18n_ngettext (self->lang, "Source: %s", "Sources: %s", n),
                          list->str);
}

static double
place_footer (CaChartLayout *self,
              double         bottom)
{
  CaChartRect all = { 0, 0, self->options.width, self->options.height };
  g_autofree char *line = NULL;
  Text text;

  if (!self->options.with_sources || self->sources->len == 0)
    return bottom;
  line = sources_line (self);
  ca_chart_make_text (self, &text, line, FONT_SMALL,
                      self->options.width - 2 * CA_CHART_MARGIN, 2);
  text.ink = INK_DIM;
  if (!ca_chart_place_text (self, &text, CA_CHART_MARGIN, bottom - text.h, &all))
    return bottom;
  return bottom - text.h - CA_CHART_PAD;
}

void
ca_chart_place_title_legend_footer (CaChartLayout    *self,
                                    const LegendItem *legend,
                                    guint             n_legend)
{
  double top = CA_CHART_MARGIN, bottom = self->options.height - CA_CHART_MARGIN;

  if (self->options.with_title)
    top = place_title (self, top);
  if (n_legend > 1)
    top = place_legend (self, legend, n_legend, top);
  self->n_series = n_legend;
  bottom = place_footer (self, bottom);
  self->body.x = CA_CHART_MARGIN;
  self->body.y = top;
  self->body.width = MAX (self->options.width - 2 * CA_CHART_MARGIN, 1.0);
  self->body.height = MAX (bottom - top, 1.0);
  self->frame_height = top + self->options.height - bottom;
}

void
ca_chart_show_empty (CaChartLayout *self,
                     char          *message,
                     char          *drawn)
{
  CaChartRect all = { 0, 0, self->options.width, self->options.height };
  Text text;
  double x, y;

  g_free (self->empty_message);
  self->empty_message = message;
  ca_chart_place_title_legend_footer (self, NULL, 0);
  ca_chart_make_text (self, &text, ca_chart_take_string (self, drawn), FONT_BODY,
                      self->body.width, 3);
  pango_layout_set_alignment (text.layout, PANGO_ALIGN_CENTER);
  text.ink = INK_DIM;
  if (pango_layout_get_line_count (text.layout) > 1)
    {
      /* Wrapped lines are centred within the layout's width. */
      text.w = self->body.width;
      x = self->body.x;
    }
  else
    {
      pango_layout_set_width (text.layout, -1);
      x = self->body.x + (self->body.width - text.w) / 2;
    }
  y = self->body.y + (self->body.height - text.h) / 2;
  /* The message wants some room around it, not a whole chart's. */
  self->wanted_body_height = text.h + 4 * CA_CHART_MARGIN;
  ca_chart_place_text (self, &text, x, MAX (y, 0), &all);
}

void
ca_chart_add_note (CaChartLayout *self,
                   const char    *note,
                   double         y)
{
  CaChartRect all = { 0, 0, self->options.width, self->options.height };
  Text text;

  ca_chart_make_text (self, &text, note, FONT_SMALL, self->body.width, 1);
  text.ink = INK_DIM;
  ca_chart_place_text (self, &text, self->body.x, y, &all);
}

CaChartSeries *
ca_chart_series_for (GPtrArray      *all,
                     const CaMetric *metric,
                     guint           item_size)
{
  CaChartSeries *series;

  for (guint i = 0; i < all->len; i++)
    {
      series = g_ptr_array_index (all, i);
      if (series->metric == metric)
        return series;
    }
  series = g_new0 (CaChartSeries, 1);
  series->metric = metric;
  series->items = g_array_new (FALSE, TRUE, item_size);
  g_ptr_array_add (all, series);
  return series;
}

void
ca_chart_series_free (CaChartSeries *series)
{
  g_array_unref (series->items);
  g_free (series);
}

/* Splits the body into a grid of @n cells no smaller than @min_w by @min_h;
 * returns how many are shown and notes the rest. */
guint
ca_chart_grid (CaChartLayout *self,
               guint          n,
               double         min_w,
               double         min_h,
               CaChartRect   *cells)
{
  const CaChartRect *body = &self->body;
  guint cols = CLAMP ((guint) (body->width / min_w), 1, MIN (n, 3));
  guint rows = (n + cols - 1) / cols;
  guint shown = n;
  double note_h = 0;

  self->wanted_body_height = rows * min_h;
  if (rows * min_h > body->height)
    {
      note_h = CA_CHART_NOTE_H;
      rows = MAX (1, (guint) ((body->height - note_h) / min_h));
      shown = MIN (n, rows * cols);
    }
  for (guint i = 0; i < shown; i++)
    {
      cells[i].width = body->width / cols;
      cells[i].height = (body->height - note_h) / rows;
      cells[i].x = body->x + (i % cols) * cells[i].width;
      cells[i].y = body->y + (i / cols) * cells[i].height;
    }
  if (shown < n)
    ca_chart_note_hidden_panels (self, n - shown);
  return shown;
}

/* Says under the panels how many metrics did not fit. */
void
ca_chart_note_hidden_panels (CaChartLayout *self,
                             guint          hidden)
{
  g_autofree char *number = ca_format_number (hidden);
  /* Translators: under a chart with too many panels to show; %s is a number */
  g_autofree char *note = g_strdup_printf (ca_i18n_ngettext (self->lang,
                                                             "%s more metric is not shown",
                                                     "%s more metrics are not shown",
                                                     hidden), number);

  ca_chart_add_note (self, note, self->body.y + self->body.height - CA_CHART_NOTE_H + 2);
}

/* A panel's heading, the metric's name and the axis unit, at its top. */
double
ca_chart_panel_heading (CaChartLayout  *self,
                        int             panel,
                        const char     *heading)
{
  Panel *p = &g_array_index (self->panels, Panel, panel);
  Text text;

  ca_chart_make_text (self, &text, heading, FONT_HEADING, p->area.width, 1);
  text.panel = panel;
  if (!ca_chart_place_text (self, &text, p->area.x, p->area.y, &p->area))
    return p->area.y;
  return p->area.y + text.h + 4;
}

/* Places a label in panel @panel if it fits; returns TRUE when placed. */
gboolean
ca_chart_panel_text (CaChartLayout *self,
                     int            panel,
                     Text          *text,
                     double         x,
                     double         y)
{
  text->panel = panel;
  return ca_chart_place_text (self, text, x, y,
                              &g_array_index (self->panels, Panel, panel).area);
}
