/* ca-chart.c: chart kinds, styles and the life of a layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>


#include "ca-chart-private.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-progress.h"

static const char * const kind_names[] = { "goals", "counts", "timeline", "trend" };

/* Goals first, as what a place promised; then how its figures moved, what
 * it reports now and when its programs run. */
static const CaChartKind kind_order[] = {
  CA_CHART_GOALS, CA_CHART_TREND, CA_CHART_COUNTS, CA_CHART_TIMELINE,
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == CA_CHART_N_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (kind_order) == CA_CHART_N_KINDS);

CaChartKind
ca_chart_kind_nth (guint position)
{
  g_return_val_if_fail (position < CA_CHART_N_KINDS, CA_CHART_GOALS);

  return kind_order[position];
}

static gboolean
has_figure (const CaNode *node,
            CaFigureType  type)
{
  for (guint i = 0; i < ca_node_get_n_figures (node); i++)
    if (ca_node_get_figure (node, i)->type == type)
      return TRUE;
  return FALSE;
}

static gboolean
subtree_has_figure (const CaNode *root,
                    CaFigureType  type)
{
  for (const CaNode *node = ca_node_next_in_subtree (root, NULL); node != NULL;
       node = ca_node_next_in_subtree (root, node))
    if (has_figure (node, type))
      return TRUE;
  return FALSE;
}

/* The timeline draws a program that has a period or a goal. */
static gboolean
subtree_has_program (const CaNode *root)
{
  for (const CaNode *node = ca_node_next_in_subtree (root, NULL); node != NULL;
       node = ca_node_next_in_subtree (root, node))
    {
      if (ca_node_get_node_type (node) != CA_NODE_PROGRAM)
        continue;
      if (ca_node_get_start_year (node) != 0 || ca_node_get_end_year (node) != 0 ||
          has_figure (node, CA_FIGURE_GOAL))
        return TRUE;
    }
  return FALSE;
}

/* The trend draws the node's reports, or its children's when it has none. */
static gboolean
trend_has_reports (const CaNode *node)
{
  if (has_figure (node, CA_FIGURE_COUNT))
    return TRUE;
  for (guint i = 0; i < ca_node_get_n_children (node); i++)
    if (has_figure (ca_node_get_child (node, i), CA_FIGURE_COUNT))
      return TRUE;
  return FALSE;
}

gboolean
ca_chart_kind_has_content (CaChartKind   kind,
                           const CaNode *node)
{
  g_return_val_if_fail (node != NULL, FALSE);

  switch (kind)
    {
    case CA_CHART_GOALS: return subtree_has_figure (node, CA_FIGURE_GOAL);
    case CA_CHART_COUNTS: return subtree_has_figure (node, CA_FIGURE_COUNT);
    case CA_CHART_TIMELINE: return subtree_has_program (node);
    case CA_CHART_TREND: return trend_has_reports (node);
    default: g_return_val_if_reached (FALSE);
    }
}

CaChartKind
ca_chart_kind_for_node (CaChartKind   preferred,
                        const CaNode *node)
{
  g_return_val_if_fail (node != NULL, preferred);

  if (ca_chart_kind_has_content (preferred, node))
    return preferred;
  for (guint i = 0; i < CA_CHART_N_KINDS; i++)
    if (ca_chart_kind_has_content (kind_order[i], node))
      return kind_order[i];
  return preferred;
}

gboolean
ca_chart_kind_from_string (const char  *name,
                           CaChartKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_str_equal (name, kind_names[i]))
        {
          *kind = (CaChartKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
ca_chart_kind_to_string (CaChartKind kind)
{
  g_return_val_if_fail (kind <= CA_CHART_COMPARE, NULL);

  return kind == CA_CHART_COMPARE ? "compare" : kind_names[kind];
}

const char *
ca_chart_kind_get_label_in (const char  *lang,
                            CaChartKind  kind)
{
  switch (kind)
    {
    /* Translators: a chart of what a place has promised */
    case CA_CHART_GOALS: return ca_i18n_gettext (lang, "Goals");
    /* Translators: a chart of the figures a place reports */
    case CA_CHART_COUNTS: return ca_i18n_gettext (lang, "Counts");
    case CA_CHART_TIMELINE: return ca_i18n_gettext (lang, "Timeline");
    /* Translators: a chart of the figures a place reported over time */
    case CA_CHART_TREND: return ca_i18n_gettext (lang, "Trend");
    case CA_CHART_COMPARE: return ca_chart_compare_get_label_in (lang, CA_COMPARE_ALL);
    default: g_return_val_if_reached (NULL);
    }
}

const char *
ca_chart_compare_get_label_in (const char       *lang,
                               CaCompareFigures  figures)
{
  switch (figures)
    {
    /* Translators: a chart that sets several places side by side */
    case CA_COMPARE_ALL: return ca_i18n_gettext (lang, "Comparison");
    /* Translators: a chart that sets the reports of several places side by side */
    case CA_COMPARE_COUNTS: return ca_i18n_gettext (lang, "Counts compared");
    /* Translators: a chart that sets the goals of several places side by side */
    case CA_COMPARE_GOALS: return ca_i18n_gettext (lang, "Goals compared");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
ca_chart_kind_get_label (CaChartKind kind)
{
  return ca_chart_kind_get_label_in (NULL, kind);
}

static void
set_color (CaColor *color,
           guint32  rgb,
           double   alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

/* The Okabe–Ito palette, which stays distinct for the common colour vision
 * deficiencies; dark backgrounds get lighter variants of the same hues. */
static const guint32 okabe_ito[CA_CHART_N_SERIES] = {
  0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00, 0xf0e442, 0x000000,
};
static const guint32 okabe_ito_dark[CA_CHART_N_SERIES] = {
  0x4fa3e0, 0xf0b432, 0x2fc79a, 0xe09cc4, 0x8dcff5, 0xff8a3d, 0xf5ec6e, 0xdedede,
};

void
ca_chart_style_init_light (CaChartStyle *style)
{
  g_return_if_fail (style != NULL);

  set_color (&style->background, 0xffffff, 0.0);
  set_color (&style->foreground, 0x241f31, 1.0);
  set_color (&style->dim, 0x5e5c64, 1.0);
  set_color (&style->grid, 0x241f31, 0.12);
  set_color (&style->accent, 0x1c71d8, 1.0);
  for (guint i = 0; i < CA_CHART_N_SERIES; i++)
    set_color (&style->series[i], okabe_ito[i], 1.0);
}

void
ca_chart_style_init_dark (CaChartStyle *style)
{
  g_return_if_fail (style != NULL);

  set_color (&style->background, 0x242424, 0.0);
  set_color (&style->foreground, 0xffffff, 1.0);
  set_color (&style->dim, 0xc0bfbc, 1.0);
  set_color (&style->grid, 0xffffff, 0.15);
  set_color (&style->accent, 0x78aeed, 1.0);
  for (guint i = 0; i < CA_CHART_N_SERIES; i++)
    set_color (&style->series[i], okabe_ito_dark[i], 1.0);
}

void
ca_chart_style_init_print (CaChartStyle *style)
{
  g_return_if_fail (style != NULL);

  ca_chart_style_init_light (style);
  set_color (&style->background, 0xffffff, 1.0);
  set_color (&style->foreground, 0x000000, 1.0);
  set_color (&style->dim, 0x4d4d4d, 1.0);
  set_color (&style->grid, 0x000000, 0.15);
}

/* On screen, the window's own font (see CaChartOptions.font): the chart's
 * text looks like the window's, follows the desktop's text size, and needs
 * no font the window has not loaded already.  The title is 1.1 times the
 * size, reckoned in points at the context's resolution: GTK gives the font
 * in pixels, 10 pt as 13.333 px, and 1.1 times that, cut to Pango units,
 * missed 11 pt (libadwaita's .heading) by one unit, so that Pango sorted
 * the fonts twice more for a size that looks the same (22 sorts of the
 * first frame to 20). */
static void
make_fonts_from (CaChartLayout              *self,
                 const PangoFontDescription *font,
                 double                      dpi)
{
  double size = pango_font_description_get_size (font);

  for (guint i = 0; i < N_FONTS; i++)
    self->fonts[i] = pango_font_description_copy (font);
  if (pango_font_description_get_size_is_absolute (font))
    size *= 72.0 / (dpi > 0 ? dpi : 96.0);
  pango_font_description_set_size (self->fonts[FONT_TITLE], (int) lround (size * 1.1));
}

/* For exports: fixed sizes of libadwaita's type scale at 96 dpi, 9 pt
 * (.caption) for the text and 11 pt (.heading) for the title. */
static void
make_fixed_fonts (CaChartLayout *self)
{
  const double px[N_FONTS] = { 12.0, 12.0, 44.0 / 3.0, 12.0 };

  for (guint i = 0; i < N_FONTS; i++)
    {
      self->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (self->fonts[i], "Sans");
      pango_font_description_set_absolute_size (self->fonts[i], px[i] * PANGO_SCALE);
    }
}

static void
prepare_context (CaChartLayout              *self,
                 PangoContext               *context,
                 const PangoFontDescription *font)
{
  const char *language = self->lang;

  /* Tell Pango when the text is Chinese, so that it gets Chinese glyph forms
   * and fonts, not Japanese ones.  Other text keeps the default language,
   * the one the window's own labels use, so that on screen the chart shares
   * their fonts instead of looking up its own. */
  pango_context_set_language (context, g_ascii_strncasecmp (language, "zh", 2) == 0
                                       ? pango_language_from_string (language)
                                       : pango_language_get_default ());
  if (pango_cairo_context_get_font_options (context) == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      /* Unhinted metrics keep the layout the same at every scale. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
    }
  self->context = g_object_ref (context);
  if (font != NULL && pango_font_description_get_size (font) > 0)
    make_fonts_from (self, font, pango_cairo_context_get_resolution (context));
  else
    make_fixed_fonts (self);
  pango_font_description_set_weight (self->fonts[FONT_TITLE], PANGO_WEIGHT_BOLD);
  pango_font_description_set_weight (self->fonts[FONT_HEADING], PANGO_WEIGHT_BOLD);
}

static int
this_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

/* What a chart says before anything is measured: its language, options
 * and title, with empty arrays for the display list. */
static CaChartLayout *
layout_begin (const CaNode         *node,
              const CaChartOptions *options)
{
  CaChartLayout *self = g_new0 (CaChartLayout, 1);

  self->options = *options;
  self->options.width = MAX (options->width, 1.0);
  self->options.height = MAX (options->height, 1.0);
  if (self->options.current_year == 0)
    self->options.current_year = this_year ();
  if (self->options.today.year == 0)
    self->options.today = ca_progress_today ();
  self->lang = ca_i18n_resolve (options->language);
  self->data_lang = ca_i18n_data_language_of (self->lang);
  /* The copy must not point at the caller's string. */
  self->options.language = self->lang;
  self->node = node;
  /* A comparison keeps its own copy of the nodes (nothing else for other kinds). */
  self->options.n_compare = options->kind == CA_CHART_COMPARE
                            ? MIN (options->n_compare, CA_CHART_COMPARE_MAX) : 0;
  for (guint i = 0; i < self->options.n_compare; i++)
    self->compared[i] = options->compare[i];
  self->options.compare = self->options.n_compare > 0 ? self->compared : NULL;
  self->strings = g_string_chunk_new (1024);
  self->sources = g_ptr_array_new ();
  self->shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  self->texts = g_array_new (FALSE, FALSE, sizeof (Text));
  g_array_set_clear_func (self->texts, (GDestroyNotify) ca_chart_text_clear);
  self->marks = g_array_new (FALSE, TRUE, sizeof (CaChartMark));
  self->mark_panels = g_array_new (FALSE, FALSE, sizeof (int));
  self->panels = g_array_new (FALSE, FALSE, sizeof (Panel));
  /* Translators: a chart's title: the place, a dash, the view ("Shanghai — Goals") */
  self->title = g_strdup_printf (ca_i18n_gettext (self->lang, "%s — %s"),
                                 ca_chart_node_name (self, node),
                                 ca_chart_kind_get_label_in (self->lang, options->kind));
  /* The same title as drawn, where the name cannot reorder the rest. */
  self->drawn_title = g_strdup_printf (ca_i18n_gettext (self->lang, "%s — %s"),
                                       ca_chart_isolated_name (self, node),
                                       ca_chart_kind_get_label_in (self->lang, options->kind));
  return self;
}

/* Each view lays itself out, or only reads the sources it would cite. */
static const struct {
  void (*layout)      (CaChartLayout *self);
  void (*add_sources) (CaChartLayout *self);
} views[] = {
  [CA_CHART_GOALS] = { ca_chart_layout_goals, ca_chart_add_goals_sources },
  [CA_CHART_COUNTS] = { ca_chart_layout_counts, ca_chart_add_counts_sources },
  [CA_CHART_TIMELINE] = { ca_chart_layout_timeline, ca_chart_add_timeline_sources },
  [CA_CHART_TREND] = { ca_chart_layout_trend, ca_chart_add_trend_sources },
  [CA_CHART_COMPARE] = { ca_chart_layout_compare, ca_chart_add_compare_sources },
};

/* A comparison names its nodes, the first being the node laid out. */
static gboolean
check_compare (const CaNode         *node,
               const CaChartOptions *options)
{
  if (options->kind != CA_CHART_COMPARE)
    return TRUE;
  return options->compare != NULL && options->n_compare >= 1 &&
         options->n_compare <= CA_CHART_COMPARE_MAX && options->compare[0] == node;
}

CaChartLayout *
ca_chart_layout_new (const CaNode         *node,
                     const CaChartOptions *options,
                     PangoContext         *context)
{
  CaChartLayout *self;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (options->kind < G_N_ELEMENTS (views), NULL);
  g_return_val_if_fail (check_compare (node, options), NULL);

  self = layout_begin (node, options);
  prepare_context (self, context, options->font);
  views[options->kind].layout (self);
  return self;
}

double
ca_chart_measure_content_height (const CaNode         *node,
                                 const CaChartOptions *options,
                                 PangoContext         *context)
{
  g_autoptr(CaChartLayout) self = NULL;

  g_return_val_if_fail (node != NULL, 0);
  g_return_val_if_fail (options != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (options->kind < G_N_ELEMENTS (views), 0);
  g_return_val_if_fail (check_compare (node, options), 0);

  self = layout_begin (node, options);
  self->measure_only = TRUE;
  prepare_context (self, context, options->font);
  views[options->kind].layout (self);
  return ca_chart_layout_get_content_height (self);
}

CaChartLayout *
ca_chart_layout_new_unplaced (const CaNode         *node,
                              const CaChartOptions *options)
{
  CaChartLayout *self;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->kind < G_N_ELEMENTS (views), NULL);
  g_return_val_if_fail (check_compare (node, options), NULL);

  self = layout_begin (node, options);
  views[options->kind].add_sources (self);
  return self;
}

void
ca_chart_layout_free (CaChartLayout *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
  g_string_chunk_free (self->strings);
  g_free (self->title);
  g_free (self->drawn_title);
  g_free (self->empty_message);
  g_ptr_array_unref (self->sources);
  g_array_unref (self->shapes);
  g_array_unref (self->texts);
  g_array_unref (self->marks);
  g_array_unref (self->mark_panels);
  g_array_unref (self->panels);
  g_free (self);
}

double
ca_chart_layout_get_content_height (CaChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->frame_height + self->wanted_body_height;
}

double
ca_chart_layout_get_wanted_height (CaChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return MAX (self->options.height, ca_chart_layout_get_content_height (self));
}

const char *
ca_chart_layout_get_title (CaChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const char *
ca_chart_layout_get_description (CaChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->description;
}

const char *
ca_chart_layout_get_empty_message (CaChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->empty_message;
}

GPtrArray *
ca_chart_layout_get_sources (CaChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sources;
}

char *
ca_chart_layout_get_citation (CaChartLayout *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (self->title);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < self->sources->len; i++)
    {
      g_autofree char *line = ca_format_citation (self->lang, g_ptr_array_index (self->sources,
                                                                                 i));

      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

guint
ca_chart_layout_get_n_marks (CaChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->marks->len;
}

const CaChartMark *
ca_chart_layout_get_mark (CaChartLayout *self,
                          guint          index)
{
  CaChartMark *mark;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);

  mark = &g_array_index (self->marks, CaChartMark, index);
  if (mark->tooltip == NULL && self->describe_mark != NULL)
    self->describe_mark (self, mark);
  return mark;
}

int
ca_chart_layout_hit_test (CaChartLayout *self,
                          double         x,
                          double         y)
{
  g_return_val_if_fail (self != NULL, -1);

  /* Later marks are drawn on top, so they win. */
  for (guint i = self->marks->len; i > 0; i--)
    {
      const CaChartMark *mark = &g_array_index (self->marks, CaChartMark, i - 1);

      if (x >= mark->x && x < mark->x + mark->width &&
          y >= mark->y && y < mark->y + mark->height)
        return (int) i - 1;
    }
  return -1;
}

guint
ca_chart_layout_get_n_panels (CaChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->panels->len;
}

void
ca_chart_layout_get_panel_area (CaChartLayout *self,
                                guint          index,
                                CaChartRect   *area)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->panels->len);

  *area = g_array_index (self->panels, Panel, index).area;
}

const CaMetric *
ca_chart_layout_get_panel_metric (CaChartLayout *self,
                                  guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->panels->len, NULL);

  return g_array_index (self->panels, Panel, index).metric;
}

int
ca_chart_layout_get_mark_panel (CaChartLayout *self,
                                guint          index)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (index < self->marks->len, -1);

  return g_array_index (self->mark_panels, int, index);
}

guint
ca_chart_layout_get_n_labels (CaChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->texts->len;
}

const char *
ca_chart_layout_get_label (CaChartLayout *self,
                           guint          index,
                           CaChartRect   *rect,
                           int           *panel)
{
  const Text *text;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->texts->len, NULL);

  text = &g_array_index (self->texts, Text, index);
  if (rect != NULL)
    *rect = text->box;
  if (panel != NULL)
    *panel = text->panel;
  return text->text;
}

int
ca_chart_layout_count_unknown_glyphs (CaChartLayout *self)
{
  int n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->texts->len; i++)
    n += pango_layout_get_unknown_glyphs_count (g_array_index (self->texts, Text, i).layout);
  return n;
}
