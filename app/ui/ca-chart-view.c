/* ca-chart-view.c: the chart widget
 *
 * It draws the renderer's layout in a snapshot, and the same layout answers
 * hover, click and keyboard.  GTK 4.8 has no accessible children for custom
 * drawing, so the focused mark is announced through the widget's accessible
 * description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-chart-view.h"
#include "ca-i18n.h"

struct _CaChartView
{
  GtkWidget      parent_instance;

  CaDataset     *dataset;
  const CaNode  *node;
  CaChartKind    kind;
  /* A comparison (ca_chart_view_set_compare ()): node is compared[0]. */
  const CaNode  *compared[CA_CHART_COMPARE_MAX];
  guint          n_compared;
  CaCompareFigures compare_figures;
  CaChartLayout *layout;
  int            layout_width;
  int            layout_height;
  PangoFontDescription *layout_font;  /* the font the layout was made in */
  int            wanted_for_width;  /* the width content_height was measured at */
  int            content_height;
  int            focused;      /* index of the focused mark, or -1 */
  GtkWidget     *callout;      /* the focused mark's value, shown from the keyboard */
  CaChartStyle   style;
};

G_DEFINE_FINAL_TYPE (CaChartView, ca_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

enum {
  NODE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The card is as tall as the chart's content (an empty chart, its
 * message), within these bounds; a layout to measure it is made this tall. */
#define MIN_HEIGHT 160
#define MEASURE_HEIGHT 400
#define MAX_NATURAL_HEIGHT 4000

static void
update_accessible (CaChartView *self)
{
  const char *label = self->layout != NULL ? ca_chart_layout_get_title (self->layout) : "";
  const char *description = "";

  if (self->layout != NULL)
    {
      if (self->focused >= 0)
        description = ca_chart_layout_get_mark (self->layout, self->focused)->accessible_name;
      else if (ca_chart_layout_get_description (self->layout) != NULL)
        description = ca_chart_layout_get_description (self->layout);
      else if (ca_chart_layout_get_empty_message (self->layout) != NULL)
        description = ca_chart_layout_get_empty_message (self->layout);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

/* What hovering a mark shows in its tooltip, shown for the mark focused
 * from the keyboard: a popover that takes no input and no focus, pointing
 * at the mark, so that the arrow keys go on moving through the marks. */
static void
hide_callout (CaChartView *self)
{
  if (self->callout != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->callout));
}

static void
show_callout (CaChartView *self)
{
  const CaChartMark *mark;
  GtkWidget *label;

  if (self->layout == NULL || self->focused < 0 || !gtk_widget_has_focus (GTK_WIDGET (self)))
    return;
  mark = ca_chart_layout_get_mark (self->layout, self->focused);
  if (mark->tooltip == NULL)
    {
      hide_callout (self);
      return;
    }
  if (self->callout == NULL)
    {
      self->callout = gtk_popover_new ();
      gtk_popover_set_autohide (GTK_POPOVER (self->callout), FALSE);
      gtk_popover_set_position (GTK_POPOVER (self->callout), GTK_POS_TOP);
      gtk_widget_set_can_target (self->callout, FALSE);
      gtk_widget_set_can_focus (self->callout, FALSE);
      gtk_widget_add_css_class (self->callout, "ca-mark-callout");
      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_popover_set_child (GTK_POPOVER (self->callout), label);
      gtk_widget_set_parent (self->callout, GTK_WIDGET (self));
    }
  label = gtk_popover_get_child (GTK_POPOVER (self->callout));
  gtk_label_set_text (GTK_LABEL (label), mark->tooltip);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->callout),
                               &(GdkRectangle) { (int) mark->x, (int) mark->y,
                                                 MAX ((int) mark->width, 1),
                                                 MAX ((int) mark->height, 1) });
  gtk_popover_popup (GTK_POPOVER (self->callout));
}

static void
clear_layout (CaChartView *self)
{
  /* The keyboard's callout pointed at a mark of it. */
  hide_callout (self);
  g_clear_pointer (&self->layout, ca_chart_layout_free);
  g_clear_pointer (&self->layout_font, pango_font_description_free);
  self->layout_width = self->layout_height = 0;
  self->wanted_for_width = self->content_height = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The options of the chart at @width × @height, in the widget's font. */
static PangoContext *
init_options (CaChartView    *self,
              CaChartOptions *options,
              int             width,
              int             height)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  memset (options, 0, sizeof *options);
  options->kind = self->kind;
  options->width = width;
  options->height = height;
  options->with_title = TRUE;
  options->with_sources = TRUE;
  options->font = pango_context_get_font_description (context);
  if (self->kind == CA_CHART_COMPARE)
    {
      options->compare = self->compared;
      options->n_compare = self->n_compared;
      options->compare_figures = self->compare_figures;
    }
  return context;
}

static CaChartLayout *
new_layout (CaChartView *self,
            int          width,
            int          height)
{
  CaChartOptions options;
  PangoContext *context = init_options (self, &options, width, height);

  return ca_chart_layout_new (self->node, &options, context);
}

/* The chart writes in the widget's font: a new font or text size (from the
 * style or the desktop's settings) makes a new layout, as a new size does. */
static gboolean
same_font (CaChartView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  return self->layout_font != NULL
         && pango_font_description_equal (self->layout_font,
                                          pango_context_get_font_description (context));
}

static void
ensure_layout (CaChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->node == NULL || width <= 0 || height <= 0)
    {
      g_clear_pointer (&self->layout, ca_chart_layout_free);
      return;
    }
  if (self->layout != NULL && width == self->layout_width && height == self->layout_height
      && same_font (self))
    return;
  g_clear_pointer (&self->layout, ca_chart_layout_free);
  g_clear_pointer (&self->layout_font, pango_font_description_free);
  self->layout = new_layout (self, width, height);
  self->layout_font = pango_font_description_copy (
      pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self))));
  self->layout_width = width;
  self->layout_height = height;
  if (self->focused >= (int) ca_chart_layout_get_n_marks (self->layout))
    self->focused = (int) ca_chart_layout_get_n_marks (self->layout) - 1;
  update_accessible (self);
}

static void
ca_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CaChartView *self = CA_CHART_VIEW (widget);
  graphene_rect_t bounds;
  cairo_t *cr;

  ensure_layout (self);
  if (self->layout == NULL)
    return;
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget),
                      gtk_widget_get_height (widget));
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  ca_chart_layout_draw (self->layout, cr, &self->style,
                        gtk_widget_has_focus (widget) ? self->focused : -1);
  cairo_destroy (cr);
}

static void
ca_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  CaChartView *self = CA_CHART_VIEW (widget);

  if (width != self->layout_width || height != self->layout_height)
    {
      /* The marks moved: the callout would point at the old place. */
      hide_callout (self);
      ensure_layout (self);
      gtk_widget_queue_draw (widget);
    }
  if (self->callout != NULL)
    gtk_popover_present (GTK_POPOVER (self->callout));
}

/* The height of the chart's content at @width (its title, legend, footer,
 * every panel and row), so that the card follows the chart: the scrolled
 * details pane grows it rather than hide metrics, and a small chart leaves
 * no blank space under it. */
static int
content_height (CaChartView *self,
                int          width)
{
  CaChartOptions options;
  PangoContext *context;
  double height;

  if (self->node == NULL)
    return MIN_HEIGHT;
  if (width <= 0)
    width = 640;
  if (self->content_height > 0 && self->wanted_for_width == width)
    return self->content_height;
  /* Measured without a whole layout where the view can: the layout that
   * draws is made once, at the size allocated. */
  context = init_options (self, &options, width, MEASURE_HEIGHT);
  height = ceil (ca_chart_measure_content_height (self->node, &options, context));
  self->wanted_for_width = width;
  self->content_height = (int) CLAMP (height, MIN_HEIGHT, MAX_NATURAL_HEIGHT);
  return self->content_height;
}

/* Its height depends on its width: a narrow Goals view gives each row
 * more lines, so GTK must ask for the height at the width given. */
static GtkSizeRequestMode
ca_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ca_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = content_height (CA_CHART_VIEW (widget), for_size);
    }
}

static CaColor
color_from_rgba (const GdkRGBA *rgba,
                 double         alpha)
{
  CaColor color = { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };

  return color;
}

/* Follows the theme: the style's text colour, light or dark series colours
 * chosen by how bright that text is, and the theme's accent. */
static void
update_style (CaChartView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg, accent;
  gboolean dark;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  dark = 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
  if (dark)
    ca_chart_style_init_dark (&self->style);
  else
    ca_chart_style_init_light (&self->style);
  self->style.background.alpha = 0;
  self->style.foreground = color_from_rgba (&fg, 1.0);
  self->style.dim = color_from_rgba (&fg, 0.7);
  self->style.grid = color_from_rgba (&fg, 0.13);
  if (gtk_style_context_lookup_color (context, "accent_color", &accent))
    self->style.accent = color_from_rgba (&accent, 1.0);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
ca_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  CaChartView *self = CA_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (ca_chart_view_parent_class)->css_changed (widget, change);
  update_style (self);
  /* Colours are drawn from the style; a font change needs a new layout,
   * and the height the chart wants may change with it. */
  if (self->layout != NULL && !same_font (self))
    clear_layout (self);
  gtk_widget_queue_draw (widget);
}

static void
focus_mark (CaChartView *self,
            int          index)
{
  if (self->focused == index)
    return;
  self->focused = index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_mark (CaChartView *self,
               int          index)
{
  const CaChartMark *mark;

  if (self->layout == NULL || index < 0)
    return;
  mark = ca_chart_layout_get_mark (self->layout, index);
  if (mark->node != NULL)
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, mark->node);
}

static void
move_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  CaChartView *self = CA_CHART_VIEW (widget);
  int n, step = g_variant_get_int32 (parameter);

  ensure_layout (self);
  if (self->layout == NULL || (n = (int) ca_chart_layout_get_n_marks (self->layout)) == 0)
    return;
  /* ±1 moves to the next or previous mark, ±2 to the last or first. */
  if (step == 2)
    focus_mark (self, n - 1);
  else if (step == -2)
    focus_mark (self, 0);
  else if (self->focused < 0)
    focus_mark (self, step > 0 ? 0 : n - 1);
  else
    focus_mark (self, CLAMP (self->focused + step, 0, n - 1));
  show_callout (self);
}

static void
activate_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CaChartView *self = CA_CHART_VIEW (widget);

  activate_mark (self, self->focused);
}

/* A click on a mark focuses and activates it; elsewhere it does nothing. */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CaChartView     *self)
{
  int index;

  ensure_layout (self);
  if (self->layout == NULL)
    return;
  index = ca_chart_layout_hit_test (self->layout, x, y);
  if (index < 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  focus_mark (self, index);
  activate_mark (self, index);
}

static gboolean
query_tooltip_cb (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip,
                  CaChartView *self)
{
  const CaChartMark *mark;
  GdkRectangle area;
  int index;

  ensure_layout (self);
  if (self->layout == NULL)
    return FALSE;
  index = keyboard_mode ? self->focused : ca_chart_layout_hit_test (self->layout, x, y);
  if (index < 0)
    return FALSE;
  mark = ca_chart_layout_get_mark (self->layout, index);
  if (mark->tooltip == NULL)
    return FALSE;
  area.x = (int) mark->x;
  area.y = (int) mark->y;
  area.width = MAX ((int) mark->width, 1);
  area.height = MAX ((int) mark->height, 1);
  gtk_tooltip_set_text (tooltip, mark->tooltip);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           CaChartView              *self)
{
  int index = self->layout != NULL ? ca_chart_layout_hit_test (self->layout, x, y) : -1;
  gboolean link = index >= 0 && ca_chart_layout_get_mark (self->layout, index)->node != NULL;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), link ? "pointer" : NULL);
}

static void
focus_changed_cb (GtkEventControllerFocus *focus,
                  CaChartView             *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ca_chart_view_dispose (GObject *object)
{
  CaChartView *self = CA_CHART_VIEW (object);

  g_clear_pointer (&self->callout, gtk_widget_unparent);
  g_clear_pointer (&self->layout, ca_chart_layout_free);
  g_clear_pointer (&self->layout_font, pango_font_description_free);
  self->node = NULL;
  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (ca_chart_view_parent_class)->dispose (object);
}

static void
ca_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CaChartView *self = CA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CaChartView *self = CA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ca_chart_view_set_kind (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_bindings (GtkWidgetClass *widget_class)
{
  const struct { guint key; int step; } moves[] = {
    { GDK_KEY_Left, -1 }, { GDK_KEY_Up, -1 }, { GDK_KEY_KP_Left, -1 }, { GDK_KEY_KP_Up, -1 },
    { GDK_KEY_Right, 1 }, { GDK_KEY_Down, 1 }, { GDK_KEY_KP_Right, 1 }, { GDK_KEY_KP_Down, 1 },
    { GDK_KEY_Home, -2 }, { GDK_KEY_KP_Home, -2 }, { GDK_KEY_End, 2 }, { GDK_KEY_KP_End, 2 },
  };
  const guint activators[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter,
                               GDK_KEY_space, GDK_KEY_KP_Space };

  gtk_widget_class_install_action (widget_class, "chart.move", "i", move_cb);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, activate_cb);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, 0, "chart.move",
                                         "i", moves[i].step);
  for (guint i = 0; i < G_N_ELEMENTS (activators); i++)
    gtk_widget_class_add_binding_action (widget_class, activators[i], 0, "chart.activate",
                                         NULL);
}

static void
ca_chart_view_class_init (CaChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ca_chart_view_dispose;
  object_class->get_property = ca_chart_view_get_property;
  object_class->set_property = ca_chart_view_set_property;
  widget_class->snapshot = ca_chart_view_snapshot;
  widget_class->size_allocate = ca_chart_view_size_allocate;
  widget_class->measure = ca_chart_view_measure;
  widget_class->get_request_mode = ca_chart_view_get_request_mode;
  widget_class->css_changed = ca_chart_view_css_changed;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, CA_CHART_N_KINDS - 1, CA_CHART_GOALS,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  add_bindings (widget_class);
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ca_chart_view_init (CaChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->focused = -1;
  ca_chart_style_init_light (&self->style);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_changed_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_changed_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (hide_callout), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect_object (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self, 0);
}

GtkWidget *
ca_chart_view_new (void)
{
  return g_object_new (CA_TYPE_CHART_VIEW, NULL);
}

void
ca_chart_view_set_node (CaChartView  *self,
                        CaDataset    *dataset,
                        const CaNode *node)
{
  g_return_if_fail (CA_IS_CHART_VIEW (self));
  g_return_if_fail (dataset == NULL || CA_IS_DATASET (dataset));

  /* Always lay out again: the same node may now read in another language. */
  g_clear_pointer (&self->layout, ca_chart_layout_free);
  self->node = NULL;
  g_set_object (&self->dataset, dataset);
  self->node = dataset != NULL ? node : NULL;
  self->focused = -1;
  clear_layout (self);
  ensure_layout (self);
  update_accessible (self);
}

void
ca_chart_view_set_compare (CaChartView          *self,
                           CaDataset            *dataset,
                           const CaNode * const *nodes,
                           guint                 n_nodes,
                           CaCompareFigures      figures)
{
  g_return_if_fail (CA_IS_CHART_VIEW (self));
  g_return_if_fail (dataset == NULL || CA_IS_DATASET (dataset));
  g_return_if_fail (n_nodes <= CA_CHART_COMPARE_MAX);

  self->kind = CA_CHART_COMPARE;
  self->n_compared = dataset != NULL ? n_nodes : 0;
  for (guint i = 0; i < self->n_compared; i++)
    self->compared[i] = nodes[i];
  self->compare_figures = figures;
  ca_chart_view_set_node (self, self->n_compared > 0 ? dataset : NULL,
                          self->n_compared > 0 ? nodes[0] : NULL);
}

const CaNode *
ca_chart_view_get_node (CaChartView *self)
{
  g_return_val_if_fail (CA_IS_CHART_VIEW (self), NULL);

  return self->node;
}

void
ca_chart_view_set_kind (CaChartView *self,
                        CaChartKind  kind)
{
  g_return_if_fail (CA_IS_CHART_VIEW (self));
  g_return_if_fail (kind < CA_CHART_N_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  self->focused = -1;
  clear_layout (self);
  ensure_layout (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

CaChartKind
ca_chart_view_get_kind (CaChartView *self)
{
  g_return_val_if_fail (CA_IS_CHART_VIEW (self), CA_CHART_GOALS);

  return self->kind;
}

CaChartLayout *
ca_chart_view_get_layout (CaChartView *self)
{
  g_return_val_if_fail (CA_IS_CHART_VIEW (self), NULL);

  ensure_layout (self);
  return self->layout;
}
