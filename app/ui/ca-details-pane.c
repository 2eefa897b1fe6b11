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
#include "ca-hash.h"
#include "ca-details-pane.h"
#include "ca-figure-item.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-label.h"
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
  GPtrArray           *pending_figures;  /* rows not yet in the list: add_pending_cb () */
  guint                pending_id;
  /* It holds the kind shown, which the switcher follows: the one chosen
   * ("chart-kind") while it has something to show for the node, else the
   * first of Goals, Trend, Counts, Timeline that has. */
  GtkWidget           *chart_view;
  GtkWidget           *compare_button;
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
  GtkBox              *scope_box;
  GtkToggleButton     *scope_node_button;
  GtkToggleButton     *scope_branch_button;
  GtkWidget           *figures_stack;
  GtkWidget           *figures_table;
  GtkListBox          *figures_list;
  GtkLabel            *figures_more_label;
  GtkLabel            *figures_empty_label;
  /* The list shows the figures of the node's branch, not its own only. */
  gboolean             include_below;
  /* A scroll position to restore once the content is tall enough for it
   * (after a change of language rebuilt the window); < 0 when none. */
  double               pending_scroll;
};

G_DEFINE_FINAL_TYPE (CaDetailsPane, ca_details_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART_KIND,
  PROP_INCLUDE_BELOW,
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
  g_autoptr(GHashTable) seen = g_hash_table_new (ca_str_hash, g_str_equal);
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
  CaText names = ca_node_get_names (self->node);
  g_autofree char *converted = ca_format_converted_name (NULL, &names);

  gtk_label_set_text (self->title_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), converted);
  if (converted != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, converted, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->title_label),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_label_set_text (self->other_names_label, others);
  gtk_widget_set_visible (GTK_WIDGET (self->other_names_label), *others != '\0');
  gtk_label_set_text (self->facts_label, facts);
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');
  update_tags (self);
}

/* Figures list */

/* The branch's figures are listed up to this many: a region of a large
 * dataset holds tens of thousands, which the CSV export gives whole. */
#define MAX_FIGURE_ROWS 100

/* The popover is made when first opened, so rows that are never opened
 * cost nothing. */
static void
create_citation_cb (GtkMenuButton *button,
                    gpointer       user_data)
{
  const CaNode *node = g_object_get_data (G_OBJECT (button), "ca-node");
  const CaFigure *figure = g_object_get_data (G_OBJECT (button), "ca-figure");
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  if (CA_IS_CITATION_POPOVER (popover))
    ca_citation_popover_set_figure (CA_CITATION_POPOVER (popover), node, figure);
  else
    gtk_menu_button_set_popover (button, ca_citation_popover_new_for_figure (node, figure));
}

static const char *
metric_name (const CaFigure *figure)
{
  const char *name = ca_text_lookup (&figure->metric->names, data_lang ());

  return name != NULL ? name : figure->metric->id;
}

/* A count that other sources report otherwise for the same day (the rule
 * of ca_report_init ()) says so, and its tooltip names them all. */
static GtkWidget *
mark_disagreement (GtkWidget      *label,
                   const CaNode   *node,
                   const CaFigure *figure)
{
  CaReport report;
  g_autofree char *sources = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (!ca_report_init_for (&report, node, figure))
    return label;
  if (report.disagreeing)
    {
      sources = ca_report_describe_sources (&report, NULL, NULL);
      /* Translators: after the date of a reported figure when other
       * sources report another value for the same day */
      text = g_strdup_printf (C_("figure", "%s · sources disagree"),
                              gtk_label_get_text (GTK_LABEL (label)));
      /* Translators: tooltip of a figure whose sources disagree; %s lists
       * every value with its source */
      tooltip = g_strdup_printf (C_("figure", "The sources disagree: %s"), sources);
      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_set_tooltip_text (label, tooltip);
      gtk_widget_add_css_class (label, "ca-sources-disagree");
    }
  ca_report_clear (&report);
  return label;
}

/* "As of 26 November 2022" for a count, "Goal for 2030 · behind" for a
 * goal, whose tooltip says why. */
static GtkWidget *
create_meta_label (const CaNode   *node,
                   const CaFigure *figure)
{
  CaDate year_only = { figure->date.year, 0, 0 };
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (figure->type != CA_FIGURE_GOAL)
    {
      date = ca_format_date (NULL, &figure->date);
      /* Translators: under a reported figure; %s is the date it was reported. */
      text = g_strdup_printf (C_("figure", "As of %s"), date);
      return mark_disagreement (ca_label_new_wrapped (text, "ca-figure-meta"), node, figure);
    }
  {
    CaDate today = ca_progress_today ();
    g_autoptr(CaProgress) progress = ca_progress_new (node, figure, &today);
    g_autofree char *why = ca_progress_explain (progress, NULL);

    date = ca_format_date (NULL, &year_only);
    /* Translators: under a goal: the year it is due, then its status
     * ("on track", "behind", "no report"…). */
    text = g_strdup_printf (C_("figure", "Goal for %s · %s"), date,
                            ca_progress_status_word (NULL, progress->status));
    label = ca_label_new_wrapped (text, "ca-figure-meta");
    gtk_widget_set_tooltip_text (label, why);
  }
  return label;
}

/* The source as a link, "publisher, date", wrapped rather than cut; its
 * accessible name says which figure it is the source of. */
static GtkWidget *
create_source_button (const CaNode   *node,
                      const CaFigure *figure,
                      const char     *value)
{
  g_autofree char *published = ca_format_date (NULL, &figure->source->published);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label;

  /* Translators: a source in the figures list: its publisher, then the date
   * it was published. */
  text = g_strdup_printf (C_("source link", "%s, %s"),
                          ca_source_get_publisher (figure->source, data_lang (), NULL), published);
  label = ca_label_new_wrapped (text, "ca-source-link");
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "ca-source-button");
  gtk_widget_set_tooltip_text (button, _("Show where this figure was published"));
  /* Translators: accessible name of a source button: the figure's metric and
   * value, then its source, "Source of Innovation consortia, 10: Jiangsu
   * Provincial Department of Science and Technology, 26 November 2022". */
  accessible = g_strdup_printf (C_("source button", "Source of %s, %s: %s"),
                                metric_name (figure), value, text);
  /* The button inside, which takes the focus, is labelled by the menu
   * button (GTK 4.8 relates them): a label of its own too made a screen
   * reader read the name twice over. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "ca-node", (gpointer) node);
  g_object_set_data (G_OBJECT (button), "ca-figure", (gpointer) figure);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_citation_cb,
                                         NULL, NULL);
  return button;
}

/* The name of a figure's node, often a long one ("Action Plan for Shanghai
 * to Build…").  GTK measures a wrapped label's least width by laying it out
 * at width 0, a line a letter, whose cost grows with the square of its
 * length; at 20 letters it takes a few lines (first frame 849 to 837 M
 * instructions, callgrind).  The row is never that narrow: the chart above
 * it needs 240 pixels. */
static GtkWidget *
create_node_label (const CaNode *node)
{
  GtkWidget *label = ca_label_new_wrapped (ca_node_get_name (node, data_lang ()), "ca-figure-node");

  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  return label;
}

/* One figure: its node when it is below the one shown, the metric and the
 * value side by side, when it was reported or is due, and its source. */
static GtkWidget *
create_figure_row (gpointer item,
                   gpointer user_data)
{
  CaDetailsPane *self = user_data;
  const CaNode *node = ca_figure_item_get_node (item);
  const CaFigure *figure = ca_figure_item_get_figure (item);
  g_autofree char *value = ca_format_figure_value_bare (NULL, figure);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *metric = ca_label_new_wrapped (metric_name (figure), NULL);
  GtkWidget *amount = ca_label_new_wrapped (value, "ca-figure-value");

  /* Only the source buttons are Tab stops. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "ca-figure-row");
  if (node != self->node)
    gtk_box_append (GTK_BOX (box), create_node_label (node));
  gtk_widget_set_hexpand (metric, TRUE);
  /* A value is short, and "154" broken into "15" and "4" is another number:
   * the metric's name wraps instead. */
  gtk_label_set_wrap (GTK_LABEL (amount), FALSE);
  gtk_label_set_xalign (GTK_LABEL (amount), 1);
  gtk_label_set_justify (GTK_LABEL (amount), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_valign (amount, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (line), metric);
  gtk_box_append (GTK_BOX (line), amount);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), create_meta_label (node, figure));
  gtk_box_append (GTK_BOX (box), create_source_button (node, figure, value));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
setup_figures_list (CaDetailsPane *self)
{
  self->figures = g_list_store_new (CA_TYPE_FIGURE_ITEM);
  gtk_list_box_bind_model (self->figures_list, G_LIST_MODEL (self->figures),
                           create_figure_row, self, NULL);
}

/* The node's figures, then those of its descendants in the tree's order,
 * up to MAX_FIGURE_ROWS. */
static void
collect_figures (const CaNode *node,
                 gboolean      below,
                 GPtrArray    *items)
{
  guint n_figures = ca_node_get_n_figures (node);

  for (guint i = 0; i < n_figures && items->len < MAX_FIGURE_ROWS; i++)
    g_ptr_array_add (items, ca_figure_item_new (node, ca_node_get_figure (node, i)));
  if (!below)
    return;
  for (guint i = 0; i < ca_node_get_n_children (node) && items->len < MAX_FIGURE_ROWS; i++)
    collect_figures (ca_node_get_child (node, i), TRUE, items);
}

/* The switch is offered only where it changes something. */
static gboolean
has_figures_below (const CaNode *node)
{
  return ca_node_get_n_figures_below (node) > ca_node_get_n_figures (node);
}

static guint
n_figures_in_scope (CaDetailsPane *self)
{
  return self->include_below ? ca_node_get_n_figures_below (self->node)
                             : ca_node_get_n_figures (self->node);
}

/* An empty node says so once: under a chart that says it has nothing to
 * show, the list does not say it has no figures as well. */
static void
update_figures_shown (CaDetailsPane *self)
{
  gboolean shown = self->node == NULL || n_figures_in_scope (self) > 0
                   || has_figures_below (self->node)
                   || ca_chart_kind_has_content (ca_details_pane_get_shown_kind (self),
                                                 self->node);

  gtk_widget_set_visible (self->figures_heading, shown);
  gtk_widget_set_visible (self->figures_stack, shown);
}

static void
update_figures_more (CaDetailsPane *self,
                     guint          n_shown,
                     guint          n_all)
{
  g_autofree char *all = ca_format_number (n_all);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->figures_more_label), n_shown < n_all);
  if (n_shown >= n_all)
    return;
  /* Translators: under a list cut short; %u is how many it shows, %s how
   * many there are (more than it shows). */
  text = g_strdup_printf (ngettext ("The first %u of %s figure are shown; "
                                    "Export Figures as CSV gives them all.",
                                    "The first %u of %s figures are shown; "
                                    "Export Figures as CSV gives them all.", n_all),
                          n_shown, all);
  gtk_label_set_text (self->figures_more_label, text);
}

/* The rows of a long list come in after the first frame that shows the
 * node, FIRST_ROWS at once, then ROWS_AN_IDLE at a time: a row of wrapped
 * labels costs some 35 to 45 million instructions to lay out (callgrind,
 * bench/first-frame-app: China's first frame with all 32 rows 1.5 billion,
 * with six 1.0, with three 0.99, with one 0.90).  At the default size only
 * the first row shows, under the chart; the others are out of sight. */
#define FIRST_ROWS   1
#define ROWS_AN_IDLE 8

static gboolean
add_pending_cb (gpointer user_data)
{
  CaDetailsPane *self = user_data;
  guint n = MIN (self->pending_figures->len, ROWS_AN_IDLE);

  g_list_store_splice (self->figures, g_list_model_get_n_items (G_LIST_MODEL (self->figures)),
                       0, self->pending_figures->pdata, n);
  g_ptr_array_remove_range (self->pending_figures, 0, n);
  if (self->pending_figures->len > 0)
    return G_SOURCE_CONTINUE;
  self->pending_id = 0;
  return G_SOURCE_REMOVE;
}

static void
cancel_pending (CaDetailsPane *self)
{
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_pointer (&self->pending_figures, g_ptr_array_unref);
}

static void
update_figures (CaDetailsPane *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_all = n_figures_in_scope (self);
  guint n_first;

  cancel_pending (self);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_box), has_figures_below (self->node));
  collect_figures (self->node, self->include_below, items);
  n_first = MIN (items->len, FIRST_ROWS);
  g_list_store_splice (self->figures, 0, g_list_model_get_n_items (G_LIST_MODEL (self->figures)),
                       items->pdata, n_first);
  if (items->len > n_first)
    {
      g_ptr_array_remove_range (items, 0, n_first);
      self->pending_figures = g_ptr_array_ref (items);
      self->pending_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, add_pending_cb, self, NULL);
    }
  update_figures_more (self, n_first + (self->pending_figures != NULL ?
                                         self->pending_figures->len : 0), n_all);

  if (n_first == 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the name of a region, park or program. */
      message = g_strdup_printf (_("No figures are recorded for %s"),
                                 ca_node_get_name (self->node, data_lang ()));
      gtk_label_set_text (self->figures_empty_label, message);
    }
  gtk_widget_set_visible (self->figures_table, n_first > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_empty_label), n_first == 0);
  update_figures_shown (self);
}

static void
scope_toggled_cb (CaDetailsPane   *self,
                  GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  ca_details_pane_set_include_below (self, button == self->scope_branch_button);
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

/* Scroll position */

/* Sets the position kept while the content grows to it; a scroll of the
 * user's own (a value other than the one set) gives it up. */
static void
apply_pending_scroll (CaDetailsPane *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double room = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (self->pending_scroll < 0 || gtk_adjustment_get_page_size (adjustment) <= 0)
    return;
  gtk_adjustment_set_value (adjustment, MIN (self->pending_scroll, MAX (room, 0)));
  if (room >= self->pending_scroll)
    self->pending_scroll = -1;
}

static void
scroll_value_changed_cb (CaDetailsPane *self,
                         GtkAdjustment *adjustment)
{
  double room = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (self->pending_scroll >= 0 &&
      fabs (gtk_adjustment_get_value (adjustment) - MIN (self->pending_scroll, room)) > 1)
    self->pending_scroll = -1;
}

/* GObject */

static void
ca_details_pane_dispose (GObject *object)
{
  CaDetailsPane *self = CA_DETAILS_PANE (object);

  cancel_pending (self);
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
    case PROP_INCLUDE_BELOW:
      g_value_set_boolean (value, self->include_below);
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
    case PROP_INCLUDE_BELOW:
      ca_details_pane_set_include_below (self, g_value_get_boolean (value));
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
  /* Whether the figures list shows the branch's figures (the default, as
   * the tree's badge counts them) or the node's own. */
  properties[PROP_INCLUDE_BELOW] =
    g_param_spec_boolean ("include-below", NULL, NULL, TRUE,
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
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, compare_button);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, figures_heading);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, scope_box);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, scope_node_button);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, scope_branch_button);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, figures_stack);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, figures_table);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, figures_list);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, figures_more_label);
  gtk_widget_class_bind_template_child (widget_class, CaDetailsPane, figures_empty_label);
  gtk_widget_class_bind_template_callback (widget_class, scope_toggled_cb);
}

static void
ca_details_pane_init (CaDetailsPane *self)
{
  g_type_ensure (CA_TYPE_TAG_BOX);
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_figures_list (self);
  setup_chart (self);
  self->pending_scroll = -1;
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);

    g_signal_connect_object (adjustment, "changed", G_CALLBACK (apply_pending_scroll), self,
                             G_CONNECT_SWAPPED);
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scroll_value_changed_cb),
                             self, G_CONNECT_SWAPPED);
  }
  self->include_below = TRUE;
  gtk_toggle_button_set_active (self->scope_branch_button, TRUE);
}

GtkWidget *
ca_details_pane_new (void)
{
  return g_object_new (CA_TYPE_DETAILS_PANE, NULL);
}

double
ca_details_pane_get_scroll (CaDetailsPane *self)
{
  g_return_val_if_fail (CA_IS_DETAILS_PANE (self), 0);

  if (self->pending_scroll >= 0)
    return self->pending_scroll;
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled));
}

void
ca_details_pane_set_scroll (CaDetailsPane *self,
                            double         value)
{
  g_return_if_fail (CA_IS_DETAILS_PANE (self));

  self->pending_scroll = MAX (value, 0);
  apply_pending_scroll (self);
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
ca_details_pane_set_in_comparison (CaDetailsPane *self,
                                   gboolean       in_comparison)
{
  const char *label = in_comparison ? _("Remove from _Comparison") : _("Add to _Comparison");

  g_return_if_fail (CA_IS_DETAILS_PANE (self));

  gtk_button_set_label (GTK_BUTTON (self->compare_button), label);
  /* GTK 4.8 makes the label, underline and all, the button's accessible
   * label, and names it by that and its text: the text alone names it. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->compare_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->compare_button),
                                  in_comparison ? "win.compare-remove" : "win.compare-add");
}

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

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->compare_button), "s",
                                    ca_node_get_id (node));
  update_path_bar (self);
  update_header (self);
  update_figures (self);
  ca_stack_show_page (self->stack, "details");
  if (other_node)
    {
      self->pending_scroll = -1;
      scroll_to_top (self);
    }
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

gboolean
ca_details_pane_get_include_below (CaDetailsPane *self)
{
  g_return_val_if_fail (CA_IS_DETAILS_PANE (self), FALSE);

  return self->include_below;
}

void
ca_details_pane_set_include_below (CaDetailsPane *self,
                                   gboolean       include_below)
{
  g_return_if_fail (CA_IS_DETAILS_PANE (self));

  include_below = !!include_below;
  if (self->include_below == include_below)
    return;
  self->include_below = include_below;
  /* A settings binding may still set it after dispose. */
  if (self->scope_branch_button != NULL)
    gtk_toggle_button_set_active (include_below ? self->scope_branch_button
                                                : self->scope_node_button, TRUE);
  if (self->node != NULL && self->figures != NULL)
    update_figures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_BELOW]);
}
