/* ca-details-pane.c: the details of the selected node, beside the tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ca-chart-view.h"
#include "ca-citation-popover.h"
#include "ca-details-pane.h"
#include "ca-figure-item.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-progress.h"
#include "ca-stack-page.h"
#include "ca-tag-box.h"

struct _CaDetailsPane
{
  GtkWidget            parent_instance;

  CaDataset           *dataset;
  const CaNode        *node;
  GListStore          *figures;
  /* It holds the kind shown, which the switcher follows: the one chosen
   * ("chart-kind") while it has something to show for the node, else the
   * first of Goals, Trend, Counts, Timeline that has. */
  GtkWidget           *chart_view;
  GtkToggleButton     *kind_buttons[CA_CHART_N_KINDS];
  CaChartKind          chosen_kind;

  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkScrolledWindow   *scrolled;
  GtkWidget           *path_scroller;
  GtkBox              *path_box;
  GtkLabel            *title_label;
  GtkLabel            *other_names_label;
  GtkLabel            *facts_label;
  CaTagBox            *tags_box;
  GtkLabel            *summary_label;
  GtkBox              *switcher_box;
  GtkBox              *chart_box;
  GtkWidget           *figures_heading;
  GtkStack            *figures_stack;
  GtkWidget           *table_scroller;
  GtkColumnView       *figures_view;
  GtkLabel            *figures_empty_label;
  GtkColumnViewColumn *metric_column;
  GtkColumnViewColumn *value_column;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *source_column;
};

G_DEFINE_FINAL_TYPE (CaDetailsPane, ca_details_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART_KIND,
  N_PROPS
};

enum {
  NODE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
data_lang (void)
{
  return ca_i18n_get_data_language ();
}

static void
remove_all_children (GtkBox *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (parent))) != NULL)
    gtk_box_remove (parent, child);
}

/* Path bar */

static void
path_button_clicked_cb (CaDetailsPane *self,
                        GtkButton     *button)
{
  const CaNode *node = g_object_get_data (G_OBJECT (button), "ca-node");

  g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

static GtkWidget *
create_path_separator (void)
{
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "pan-end-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_widget_add_css_class (image, "dim-label");
  return image;
}

static GtkWidget *
create_path_button (CaDetailsPane *self,
                    const CaNode  *node)
{
  const char *name = ca_node_get_name (node, data_lang ());
  g_autofree char *tooltip = NULL;
  GtkWidget *button = gtk_button_new_with_label (name);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  /* Long names are cut short; the tooltip gives them whole. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: tooltip of a path bar button; %s is a region, park or program. */
  tooltip = g_strdup_printf (_("Show %s"), name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  g_object_set_data (G_OBJECT (button), "ca-node", (gpointer) node);
  g_signal_connect_object (button, "clicked",
                           G_CALLBACK (path_button_clicked_cb), self, G_CONNECT_SWAPPED);
  return button;
}

static void
update_path_bar (CaDetailsPane *self)
{
  g_autoptr(GPtrArray) path = ca_node_get_path (self->node);
  GtkWidget *current;

  remove_all_children (self->path_box);
  gtk_widget_set_visible (self->path_scroller, path->len > 1);

  for (guint i = 0; i + 1 < path->len; i++)
    {
      gtk_box_append (self->path_box, create_path_button (self, g_ptr_array_index (path, i)));
      gtk_box_append (self->path_box, create_path_separator ());
    }

  /* The node itself ends the path, as text: it is already shown. */
  current = gtk_label_new (ca_node_get_name (self->node, data_lang ()));
  gtk_label_set_ellipsize (GTK_LABEL (current), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (current), 0);
  gtk_widget_add_css_class (current, "ca-path-current");
  gtk_widget_set_margin_start (current, 6);
  gtk_widget_set_margin_end (current, 6);
  gtk_box_append (self->path_box, current);
}

/* Names, kind, period, status, tags, summary */

/* The node's names in the other languages, each once. */
static char *
join_other_names (const CaNode *node,
                  const char   *shown)
{
  CaText names = ca_node_get_names (node);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  CaTextIter iter;

  ca_text_iter_init (&iter, &names);
  while (ca_text_iter_next (&iter))
    {
      if (g_strcmp0 (iter.text, shown) == 0 || !g_hash_table_add (seen, (gpointer) iter.text))
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, iter.text);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_facts (const CaNode *node)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *kind = ca_node_get_kind (node);
  int start = ca_node_get_start_year (node);
  int end = ca_node_get_end_year (node);
  CaStatus status = ca_node_get_status (node);

  if (kind != NULL)
    g_ptr_array_add (parts, g_strdup (ca_format_kind (NULL, kind)));
  else
    g_ptr_array_add (parts, g_strdup (ca_format_node_type (NULL, ca_node_get_node_type (node))));

  if (start != 0 || end != 0)
    g_ptr_array_add (parts, ca_format_period (NULL, start, end));
  if (status != CA_STATUS_NONE)
    g_ptr_array_add (parts, g_strdup (ca_format_status (NULL, status)));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
update_tags (CaDetailsPane *self)
{
  guint n_tags = ca_node_get_n_tags (self->node);

  ca_tag_box_remove_all (self->tags_box);
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), n_tags > 0);

  for (guint i = 0; i < n_tags; i++)
    ca_tag_box_add_tag (self->tags_box, ca_node_get_tag (self->node, i));
}

static void
update_header (CaDetailsPane *self)
{
  const char *name = ca_node_get_name (self->node, data_lang ());
  const char *summary = ca_node_get_summary (self->node, data_lang ());
  g_autofree char *others = join_other_names (self->node, name);
  g_autofree char *facts = format_facts (self->node);

  gtk_label_set_text (self->title_label, name);
  gtk_label_set_text (self->other_names_label, others);
  gtk_widget_set_visible (GTK_WIDGET (self->other_names_label), *others != '\0');
  gtk_label_set_text (self->facts_label, facts);
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');
  update_tags (self);
}

/* Figures table */

static const CaFigure *
list_item_get_figure (GtkListItem *list_item)
{
  CaFigureItem *item = gtk_list_item_get_item (list_item);

  return item != NULL ? ca_figure_item_get_figure (item) : NULL;
}

static void
setup_metric_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *type = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 14);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 32);
  gtk_label_set_xalign (GTK_LABEL (type), 0);
  gtk_widget_add_css_class (type, "caption");
  gtk_widget_add_css_class (type, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), type);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_metric_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  const CaFigure *figure = list_item_get_figure (list_item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *type = gtk_widget_get_next_sibling (name);
  const char *metric = ca_text_lookup (&figure->metric->names, data_lang ());

  gtk_label_set_text (GTK_LABEL (name), metric != NULL ? metric : figure->metric->id);
  gtk_widget_set_tooltip_text (name, metric != NULL ? metric : figure->metric->id);
  if (figure->type == CA_FIGURE_GOAL)
    {
      CaDate today = ca_progress_today ();
      CaFigureItem *item = gtk_list_item_get_item (list_item);
      g_autoptr(CaProgress) progress = ca_progress_new (ca_figure_item_get_node (item), figure,
                                                        &today);
      g_autofree char *why = ca_progress_explain (progress, NULL);
      /* Translators: under a goal's metric in the table: "Goal · behind", the
       * goal's status ("on track", "no report"…) after the dot. */
      g_autofree char *text = g_strdup_printf (C_("figure", "Goal · %s"),
                                               ca_progress_status_word (NULL, progress->status));

      gtk_label_set_text (GTK_LABEL (type), text);
      gtk_widget_set_tooltip_text (type, why);
      return;
    }
  /* Translators: the kind of a figure, under its metric in the table. */
  gtk_label_set_text (GTK_LABEL (type), C_("figure", "Reported"));
  gtk_widget_set_tooltip_text (type, NULL);
}

/* Cells keep to one line: the table measures its rows before it knows its
 * column widths, so a wrapped cell would be cut off.  A narrow pane scrolls
 * the table sideways instead. */
static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_value_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  const CaFigure *figure = list_item_get_figure (list_item);
  g_autofree char *value = ca_format_figure_value_worded (NULL, figure);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), value);
}

static void
bind_date_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const CaFigure *figure = list_item_get_figure (list_item);
  CaDate year_only = { figure->date.year, 0, 0 };
  g_autofree char *date = NULL;

  /* A goal is due in a year; a count carries the date it was reported. */
  date = ca_format_date (NULL, figure->type == CA_FIGURE_GOAL ? &year_only : &figure->date);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), date);
}

/* The popover is made when first opened, so rows that are never opened
 * cost nothing. */
static void
create_citation_cb (GtkMenuButton *button,
                    gpointer       user_data)
{
  const CaSource *source = g_object_get_data (G_OBJECT (button), "ca-source");
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  if (CA_IS_CITATION_POPOVER (popover))
    ca_citation_popover_set_source (CA_CITATION_POPOVER (popover), source);
  else
    gtk_menu_button_set_popover (button, ca_citation_popover_new (source));
}

static void
setup_source_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "ca-source-link");
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Show where this figure was published"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button),
                                         create_citation_cb,
                                         NULL, NULL);
  gtk_list_item_set_child (list_item, button);
}

static void
bind_source_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  const CaFigure *figure = list_item_get_figure (list_item);
  GtkWidget *button = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_menu_button_get_child (GTK_MENU_BUTTON (button));
  g_autofree char *accessible = NULL;

  gtk_label_set_text (GTK_LABEL (label), figure->source->publisher);
  /* Translators: accessible name of the source button; %s is a publisher. */
  accessible = g_strdup_printf (C_("source button", "Source: %s"), figure->source->publisher);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "ca-source", (gpointer) figure->source);
}

static void
set_column_factory (GtkColumnViewColumn *column,
                    GCallback            setup,
                    GCallback            bind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);
  gtk_column_view_column_set_factory (column, factory);
}

/* A table wider than the pane scrolls sideways in its own scrolled window,
 * which would then take every wheel event: pass the vertical ones on to the
 * pane, moved as far as GTK moves it for a wheel step. */
static gboolean
table_scroll_cb (CaDetailsPane            *self,
                 double                    dx,
                 double                    dy,
                 GtkEventControllerScroll *controller)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double step = 1.0;

  if (fabs (dy) <= fabs (dx) || (state & GDK_SHIFT_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return GDK_EVENT_STOP;
}

static void
setup_figures_table (CaDetailsPane *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkEventController *scroll;

  self->figures = g_list_store_new (CA_TYPE_FIGURE_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->figures)));
  gtk_column_view_set_model (self->figures_view, GTK_SELECTION_MODEL (selection));

  set_column_factory (self->metric_column, G_CALLBACK (setup_metric_cb),
                      G_CALLBACK (bind_metric_cb));
  set_column_factory (self->value_column, G_CALLBACK (setup_label_cb),
                      G_CALLBACK (bind_value_cb));
  set_column_factory (self->date_column, G_CALLBACK (setup_label_cb),
                      G_CALLBACK (bind_date_cb));
  set_column_factory (self->source_column, G_CALLBACK (setup_source_cb),
                      G_CALLBACK (bind_source_cb));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (table_scroll_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->table_scroller, scroll);
}

/* An empty node says so once: under a chart that says it has nothing to
 * show, the table does not say it has no figures as well. */
static void
update_figures_shown (CaDetailsPane *self)
{
  gboolean shown = self->node == NULL || ca_node_get_n_figures (self->node) > 0
                   || ca_chart_kind_has_content (ca_details_pane_get_shown_kind (self),
                                                 self->node);

  gtk_widget_set_visible (self->figures_heading, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_stack), shown);
}

static void
update_figures (CaDetailsPane *self)
{
  guint n_figures = ca_node_get_n_figures (self->node);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_figures; i++)
    g_ptr_array_add (items, ca_figure_item_new (self->node, ca_node_get_figure (self->node, i)));
  g_list_store_splice (self->figures, 0, g_list_model_get_n_items (G_LIST_MODEL (self->figures)),
                       items->pdata, items->len);

  if (n_figures == 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the name of a region, park or program. */
      message = g_strdup_printf (_("No figures are recorded for %s"),
                                 ca_node_get_name (self->node, data_lang ()));
      gtk_label_set_text (self->figures_empty_label, message);
    }
  ca_stack_show_page (self->figures_stack, n_figures > 0 ? "table" : "empty");
  update_figures_shown (self);
}

/* Chart and its switcher */

static void
chart_node_activated_cb (CaDetailsPane *self,
                         const CaNode  *node)
{
  if (node != NULL)
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

/* The view for the node: the chosen one while it has something to show. */
static void
show_kind_for_node (CaDetailsPane *self)
{
  CaChartKind kind = self->node != NULL
    ? ca_chart_kind_for_node (self->chosen_kind, self->node) : self->chosen_kind;

  ca_chart_view_set_kind (CA_CHART_VIEW (self->chart_view), kind);
}

static void
choose_kind (CaDetailsPane *self,
             CaChartKind    kind)
{
  if (self->chosen_kind == kind)
    return;
  self->chosen_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_KIND]);
}

/* A click shows the view asked for, even one with nothing to show for
 * this node; the button the switcher turns on to follow the view is no
 * choice of the user's. */
static void
kind_button_toggled_cb (CaDetailsPane   *self,
                        GtkToggleButton *button)
{
  CaChartKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ca-kind"));

  if (!gtk_toggle_button_get_active (button) ||
      kind == ca_details_pane_get_shown_kind (self))
    return;
  choose_kind (self, kind);
  ca_chart_view_set_kind (CA_CHART_VIEW (self->chart_view), kind);
}

static void
shown_kind_changed_cb (CaDetailsPane *self)
{
  gtk_toggle_button_set_active (self->kind_buttons[ca_details_pane_get_shown_kind (self)], TRUE);
  update_figures_shown (self);
}

static void
update_switcher_labels (CaDetailsPane *self)
{
  for (int kind = 0; kind < CA_CHART_N_KINDS; kind++)
    gtk_button_set_label (GTK_BUTTON (self->kind_buttons[kind]), ca_chart_kind_get_label (kind));
}

static void
setup_chart (CaDetailsPane *self)
{
  GtkToggleButton *group = NULL;

  self->chart_view = ca_chart_view_new ();
  g_signal_connect_object (self->chart_view, "notify::kind",
                           G_CALLBACK (shown_kind_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart_view, "node-activated",
                           G_CALLBACK (chart_node_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->chart_box, self->chart_view);

  /* The buttons in the order the views are offered in, indexed by kind. */
  for (guint i = 0; i < CA_CHART_N_KINDS; i++)
    {
      CaChartKind kind = ca_chart_kind_nth (i);
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      group = group != NULL ? group : GTK_TOGGLE_BUTTON (button);
      g_object_set_data (G_OBJECT (button), "ca-kind", GINT_TO_POINTER (kind));
      g_signal_connect_object (button, "toggled",
                               G_CALLBACK (kind_button_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->switcher_box, button);
      self->kind_buttons[kind] = GTK_TOGGLE_BUTTON (button);
    }
  update_switcher_labels (self);
  gtk_toggle_button_set_active (self->kind_buttons[ca_details_pane_get_shown_kind (self)], TRUE);
}

/* GObject */

static void
ca_details_pane_dispose (GObject *object)
{
  CaDetailsPane *self = CA_DETAILS_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CA_TYPE_DETAILS_PANE);
  /* They lived inside the template and went with it. */
  self->chart_view = NULL;
  memset (self->kind_buttons, 0, sizeof self->kind_buttons);
  g_clear_object (&self->figures);
  g_clear_object (&self->dataset);
  self->node = NULL;

  G_OBJECT_CLASS (ca_details_pane_parent_class)->dispose (object);
}

static void
ca_details_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CaDetailsPane *self = CA_DETAILS_PANE (object);

  switch (prop_id)
    {
    case PROP_CHART_KIND:
      g_value_set_int (value, ca_details_pane_get_chart_kind (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_details_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CaDetailsPane *self = CA_DETAILS_PANE (object);

  switch (prop_id)
    {
    case PROP_CHART_KIND:
      ca_details_pane_set_chart_kind (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_details_pane_class_init (CaDetailsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ca_details_pane_dispose;
  object_class->get_property = ca_details_pane_get_property;
  object_class->set_property = ca_details_pane_set_property;

  properties[PROP_CHART_KIND] =
    g_param_spec_int ("chart-kind", NULL, NULL,
                      0, CA_CHART_N_KINDS - 1, CA_CHART_GOALS,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/clusteratlas/ClusterAtlas/"
                                               "ca-details-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, path_scroller);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, path_box);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, other_names_label);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, facts_label);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, tags_box);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, switcher_box);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, chart_box);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, figures_heading);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, figures_stack);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, figures_view);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, figures_empty_label);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, metric_column);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, value_column);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, date_column);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, source_column);
}

static void
ca_details_pane_init (CaDetailsPane *self)
{
  g_type_ensure (CA_TYPE_TAG_BOX);
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_figures_table (self);
  setup_chart (self);
}

GtkWidget *
ca_details_pane_new (void)
{
  return g_object_new (CA_TYPE_DETAILS_PANE, NULL);
}

static void
scroll_to_top (CaDetailsPane *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* Rebuilds everything even for the node already shown, so that calling it
 * again after a change of language redraws the pane in the new language. */
void
ca_details_pane_set_node (CaDetailsPane *self,
                          CaDataset     *dataset,
                          const CaNode  *node)
{
  gboolean other_node;

  g_return_if_fail (CA_IS_DETAILS_PANE (self));
  g_return_if_fail (dataset == NULL || CA_IS_DATASET (dataset));
  g_return_if_fail (node == NULL || dataset != NULL);

  other_node = node != self->node;
  g_set_object (&self->dataset, dataset);
  self->node = node;

  update_switcher_labels (self);
  /* Another node may show another view: the chart is emptied first, so that
   * it lays out once, the new node in its view. */
  if (other_node)
    {
      ca_chart_view_set_node (CA_CHART_VIEW (self->chart_view), NULL, NULL);
      show_kind_for_node (self);
    }
  ca_chart_view_set_node (CA_CHART_VIEW (self->chart_view), node != NULL ? dataset : NULL, node);

  if (node == NULL)
    {
      g_list_store_remove_all (self->figures);
      ca_stack_show_page (self->stack, "empty");
      return;
    }

  update_path_bar (self);
  update_header (self);
  update_figures (self);
  ca_stack_show_page (self->stack, "details");
  if (other_node)
    scroll_to_top (self);
}

const CaNode *
ca_details_pane_get_node (CaDetailsPane *self)
{
  g_return_val_if_fail (CA_IS_DETAILS_PANE (self), NULL);

  return self->node;
}

CaChartKind
ca_details_pane_get_chart_kind (CaDetailsPane *self)
{
  g_return_val_if_fail (CA_IS_DETAILS_PANE (self), CA_CHART_GOALS);

  return self->chosen_kind;
}

void
ca_details_pane_set_chart_kind (CaDetailsPane *self,
                                CaChartKind    kind)
{
  g_return_if_fail (CA_IS_DETAILS_PANE (self));
  g_return_if_fail (kind < CA_CHART_N_KINDS);

  choose_kind (self, kind);
  /* A settings binding may still set the kind after dispose. */
  if (self->chart_view != NULL)
    show_kind_for_node (self);
}

CaChartKind
ca_details_pane_get_shown_kind (CaDetailsPane *self)
{
  g_return_val_if_fail (CA_IS_DETAILS_PANE (self), CA_CHART_GOALS);

  /* What was chosen, once the chart has gone with the template. */
  if (self->chart_view == NULL)
    return self->chosen_kind;
  return ca_chart_view_get_kind (CA_CHART_VIEW (self->chart_view));
}
