/* ca-chart-axis.c: the value and year axes of a panel, with round ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ca-chart-private.h"
#include "ca-format.h"

/* Round ticks ("nice numbers"): steps of 1, 2 or 5 times a power of ten. */
static double
nice_step (double raw)
{
  double power = pow (10.0, floor (log10 (raw)));
  double fraction = raw / power;

  if (fraction <= 1.0)
    return power;
  if (fraction <= 2.0)
    return 2.0 * power;
  if (fraction <= 5.0)
    return 5.0 * power;
  return 10.0 * power;
}

void
ca_chart_axis_init (Axis     *axis,
                    double    max_value,
                    guint     max_ticks,
                    gboolean  integers)
{
  double step;

  if (!(max_value > 0) || !isfinite (max_value))
    {
      /* Nothing but zeros: a baseline alone, not ticks of fractions. */
      axis->top = 1.0;
      axis->step = 1.0;
      axis->n_ticks = 1;
      return;
    }
  max_ticks = MAX (max_ticks, 2);
  step = nice_step (max_value / (max_ticks - 1));
  if (integers && step < 1.0)
    step = 1.0;
  axis->step = step;
  axis->n_ticks = (guint) ceil (max_value / step - 1e-9) + 1;
  axis->top = step * (axis->n_ticks - 1);
}

/* The ticks with the metric's unit, or numbers alone in the scale of
 * @scale_of without a metric. */
static void
value_axis (CaChartLayout     *self,
            int                panel,
            const CaChartRect *plot,
            const Axis        *axis,
            double             scale,
            const CaMetric    *metric,
            double             scale_of)
{
  const CaChartRect *area = &g_array_index (self->panels, Panel, panel).area;

  for (guint t = 0; t < axis->n_ticks; t++)
    {
      double v = t * axis->step;
      double x = plot->x + v * scale;
      const char *tick = ca_chart_take_string (
          self, metric != NULL ? ca_format_axis_tick (self->lang, metric, v, axis->top)
                               : ca_format_number_scaled (self->lang, v, scale_of));
      Text text;

      ca_chart_add_shape (self, SHAPE_LINE, t == 0 ? INK_FOREGROUND : INK_GRID, 1.0,
                          x, plot->y, 0, plot->height);
      ca_chart_make_text (self, &text, tick, FONT_SMALL, 0, 1);
      text.ink = INK_DIM;
      ca_chart_panel_text (self, panel, &text,
                           CLAMP (x - text.w / 2, area->x, area->x + area->width - text.w),
                           plot->y + plot->height + 3);
    }
}

void
ca_chart_value_axis (CaChartLayout     *self,
                     int                panel,
                     const CaChartRect *plot,
                     const Axis        *axis,
                     double             scale,
                     const CaMetric    *metric)
{
  value_axis (self, panel, plot, axis, scale, metric, 0);
}

void
ca_chart_value_axis_scaled (CaChartLayout     *self,
                            int                panel,
                            const CaChartRect *plot,
                            const Axis        *axis,
                            double             scale,
                            double             scale_of)
{
  value_axis (self, panel, plot, axis, scale, NULL, scale_of);
}

void
ca_chart_axis_years (int   first,
                     int   last,
                     guint max_ticks,
                     int  *step)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 50, 100 };
  guint i;

  max_ticks = MAX (max_ticks, 1);
  for (i = 0; i < G_N_ELEMENTS (steps) - 1; i++)
    {
      if ((guint) ((last - first) / steps[i] + 1) <= max_ticks)
        break;
    }
  *step = steps[i];
}
