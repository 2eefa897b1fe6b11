/* ca-chart-draw.c: drawing a chart layout onto a cairo_t
 *
 * Drawing walks the display list of a layout.  Edges are snapped to the
 * device's pixel grid so that lines and bars stay crisp at scales 1, 2 and 3;
 * text goes through pango_cairo, which renders at device resolution.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ca-chart-private.h"

static const CaColor *
ink_color (const CaChartStyle *style,
           Ink                 ink)
{
  switch (ink)
    {
    case INK_FOREGROUND: return &style->foreground;
    case INK_DIM: return &style->dim;
    case INK_GRID: return &style->grid;
    case INK_ACCENT: return &style->accent;
    case INK_BACKGROUND: return &style->background;
    default: return &style->series[(ink - INK_SERIES) % CA_CHART_N_SERIES];
    }
}

static void
set_ink (cairo_t            *cr,
         const CaChartStyle *style,
         Ink                 ink,
         double              alpha)
{
  const CaColor *c = ink_color (style, ink);

  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static gboolean
can_snap (cairo_t *cr)
{
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  return m.xy == 0 && m.yx == 0;
}

/* Rounds a coordinate pair to the device grid, plus @offset device pixels. */
static void
snap_point (cairo_t *cr,
            double  *x,
            double  *y,
            double   offset)
{
  cairo_user_to_device (cr, x, y);
  *x = round (*x) + offset;
  *y = round (*y) + offset;
  cairo_device_to_user (cr, x, y);
}

static void
snap_rect (cairo_t *cr,
           double  *x,
           double  *y,
           double  *w,
           double  *h)
{
  double x1 = *x + *w, y1 = *y + *h;

  snap_point (cr, x, y, 0);
  snap_point (cr, &x1, &y1, 0);
  *w = x1 - *x;
  *h = y1 - *y;
}

static double
device_line_width (cairo_t *cr,
                   double   user_width,
                   double  *offset)
{
  double dx = user_width, dy = 0;
  double device;

  cairo_user_to_device_distance (cr, &dx, &dy);
  device = MAX (1.0, round (fabs (dx)));
  /* An odd width in device pixels is centred on a pixel's middle. */
  *offset = fmod (device, 2.0) == 1.0 ? 0.5 : 0.0;
  dx = device;
  dy = 0;
  cairo_device_to_user_distance (cr, &dx, &dy);
  return fabs (dx);
}

static void
draw_line (cairo_t     *cr,
           const Shape *shape)
{
  double x0 = shape->x, y0 = shape->y;
  double x1 = shape->x + shape->w, y1 = shape->y + shape->h;
  double offset = 0;
  double width = shape->line_width;

  if (can_snap (cr))
    {
      width = device_line_width (cr, shape->line_width, &offset);
      snap_point (cr, &x0, &y0, offset);
      snap_point (cr, &x1, &y1, offset);
    }
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

static void
draw_rect (cairo_t     *cr,
           const Shape *shape)
{
  double x = shape->x, y = shape->y, w = shape->w, h = shape->h;

  if (shape->type == SHAPE_FILL)
    {
      if (can_snap (cr))
        snap_rect (cr, &x, &y, &w, &h);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      return;
    }
  if (can_snap (cr))
    {
      double offset, x1 = x + w, y1 = y + h;
      double width = device_line_width (cr, shape->line_width, &offset);

      snap_point (cr, &x, &y, offset);
      snap_point (cr, &x1, &y1, -offset);
      w = x1 - x;
      h = y1 - y;
      cairo_set_line_width (cr, width);
    }
  else
    cairo_set_line_width (cr, shape->line_width);
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);
}

static void
draw_diamond (cairo_t     *cr,
              const Shape *shape)
{
  double cx = shape->x + shape->w / 2, cy = shape->y + shape->h / 2;

  cairo_move_to (cr, cx, shape->y);
  cairo_line_to (cr, shape->x + shape->w, cy);
  cairo_line_to (cr, cx, shape->y + shape->h);
  cairo_line_to (cr, shape->x, cy);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* Dots and rings are not snapped: a point sits where its date puts it. */
static void
draw_circle (cairo_t     *cr,
             const Shape *shape)
{
  double r = MIN (shape->w, shape->h) / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, shape->x + shape->w / 2, shape->y + shape->h / 2,
             shape->type == SHAPE_RING ? r - shape->line_width / 2 : r, 0, 2 * G_PI);
  if (shape->type == SHAPE_DOT)
    {
      cairo_fill (cr);
      return;
    }
  cairo_set_line_width (cr, shape->line_width);
  cairo_stroke (cr);
}

static void
draw_dash (cairo_t     *cr,
           const Shape *shape)
{
  const double dashes[] = { 5.0, 3.0 };

  cairo_save (cr);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, shape->line_width);
  cairo_move_to (cr, shape->x, shape->y);
  cairo_line_to (cr, shape->x + shape->w, shape->y + shape->h);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A gradient, so that an open end reads the same in PNG, SVG and PDF. */
static void
draw_fade (cairo_t            *cr,
           const CaChartStyle *style,
           const Shape        *shape)
{
  const CaColor *c = ink_color (style, shape->ink);
  double x = shape->x, y = shape->y, w = shape->w, h = shape->h;
  cairo_pattern_t *fade;

  if (can_snap (cr))
    snap_rect (cr, &x, &y, &w, &h);
  fade = cairo_pattern_create_linear (x, 0, x + w, 0);
  cairo_pattern_add_color_stop_rgba (fade, 0, c->red, c->green, c->blue,
                                     c->alpha * shape->alpha);
  cairo_pattern_add_color_stop_rgba (fade, 1, c->red, c->green, c->blue, 0);
  cairo_set_source (cr, fade);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  cairo_pattern_destroy (fade);
}

static void
draw_shape (cairo_t            *cr,
            const CaChartStyle *style,
            const Shape        *shape)
{
  set_ink (cr, style, shape->ink, shape->alpha);
  switch (shape->type)
    {
    case SHAPE_LINE: draw_line (cr, shape); break;
    case SHAPE_FILL:
    case SHAPE_OUTLINE: draw_rect (cr, shape); break;
    case SHAPE_DIAMOND: draw_diamond (cr, shape); break;
    case SHAPE_DOT:
    case SHAPE_RING: draw_circle (cr, shape); break;
    case SHAPE_DASH: draw_dash (cr, shape); break;
    case SHAPE_FADE: draw_fade (cr, style, shape); break;
    default: g_assert_not_reached ();
    }
}

static void
draw_text (cairo_t            *cr,
           const CaChartStyle *style,
           const Text         *text)
{
  cairo_save (cr);
  set_ink (cr, style, text->ink, 1.0);
  cairo_move_to (cr, text->x, text->y);
  if (text->angle != 0)
    cairo_rotate (cr, text->angle);
  pango_cairo_show_layout (cr, text->layout);
  cairo_restore (cr);
}

static void
draw_focus (cairo_t            *cr,
            const CaChartStyle *style,
            const CaChartMark  *mark)
{
  Shape ring = { SHAPE_OUTLINE, INK_ACCENT, 1.0,
                 mark->x - 3, mark->y - 3, mark->width + 6, mark->height + 6, 2.0 };

  draw_shape (cr, style, &ring);
}

void
ca_chart_layout_draw (CaChartLayout      *self,
                      cairo_t            *cr,
                      const CaChartStyle *style,
                      int                 focused_mark)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      set_ink (cr, style, INK_BACKGROUND, 1.0);
      cairo_rectangle (cr, 0, 0, self->options.width, self->options.height);
      cairo_fill (cr);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < self->shapes->len; i++)
    draw_shape (cr, style, &g_array_index (self->shapes, Shape, i));
  for (guint i = 0; i < self->texts->len; i++)
    draw_text (cr, style, &g_array_index (self->texts, Text, i));
  if (focused_mark >= 0 && (guint) focused_mark < self->marks->len)
    draw_focus (cr, style, &g_array_index (self->marks, CaChartMark, focused_mark));
  cairo_restore (cr);
}
