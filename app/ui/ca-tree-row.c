/* ca-tree-row.c: one row of the tree or of the search results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-progress.h"
#include "ca-match.h"
#include "ca-search.h"
#include "ca-symbolic-icon.h"
#include "ca-tree-row.h"

struct _CaTreeRow
{
  GtkWidget      parent_instance;

  CaTreeRowMode  mode;
  const CaNode  *node;
  char          *query;         /* results: what was searched for */

  GtkWidget     *icon;
  GtkWidget     *name_label;
  GtkWidget     *sub_label;
  GtkWidget     *lag_icon;      /* every goal of the node behind or may be */
  GtkWidget     *count_label;
  GtkWidget     *menu;          /* the context menu, made when first asked for */
  char          *description;
};

G_DEFINE_FINAL_TYPE (CaTreeRow, ca_tree_row, GTK_TYPE_WIDGET)

static const char *
icon_name (CaNodeType type)
{
  switch (type)
    {
    case CA_NODE_REGION:
      return "ca-region-symbolic";
    case CA_NODE_PARK:
      return "ca-park-symbolic";
    case CA_NODE_PROGRAM:
      return "ca-program-symbolic";
    default:
      g_assert_not_reached ();
    }
}

/* A node type's icon for a screen of @scale: its symbolic PNG in the
 * resources, drawn at build time at 16 and 32 px (resources/meson.build),
 * made once and shared by every row.  Not looked up by name in the icon
 * theme: ca_application_new () says why. */
GdkPaintable *
ca_tree_row_get_icon (CaNodeType type,
                      int        scale)
{
  static GdkPaintable *icons[3][2];
  int hidpi = scale > 1;

  g_return_val_if_fail ((guint) type <= CA_NODE_PROGRAM, NULL);

  if (icons[type][hidpi] == NULL)
    {
      int px = hidpi ? 32 : 16;
      g_autofree char *path = g_strdup_printf ("/org/clusteratlas/ClusterAtlas/icons/%dx%d/"
                                               "actions/%s.symbolic.png",
                                               px, px, icon_name (type));

      icons[type][hidpi] = ca_symbolic_icon_new (path, 16, scale);
    }
  return icons[type][hidpi];
}

static void
update_icon (CaTreeRow *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (self->node != NULL)
    gtk_image_set_from_paintable (GTK_IMAGE (self->icon),
                                  ca_tree_row_get_icon (ca_node_get_node_type (self->node),
                                                        scale));
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

GtkWidget *
ca_tree_row_new (CaTreeRowMode mode)
{
  CaTreeRow *self = g_object_new (CA_TYPE_TREE_ROW, NULL);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->mode = mode;
  self->icon = gtk_image_new ();
  self->name_label = new_label (NULL);
  self->sub_label = new_label ("dim-label");
  gtk_widget_add_css_class (self->sub_label, "caption");
  self->lag_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->lag_icon, "warning");
  gtk_widget_set_visible (self->lag_icon, FALSE);
  self->count_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count_label, "dim-label");
  gtk_widget_add_css_class (self->count_label, "ca-figure-count");
  gtk_widget_add_css_class (self->count_label, "numeric");
  gtk_widget_set_valign (self->count_label, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (texts), self->name_label);
  gtk_box_append (GTK_BOX (texts), self->sub_label);
  gtk_widget_set_parent (self->icon, GTK_WIDGET (self));
  gtk_widget_set_parent (texts, GTK_WIDGET (self));
  gtk_widget_set_parent (self->lag_icon, GTK_WIDGET (self));
  gtk_widget_set_parent (self->count_label, GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

/* Tells Pango the language of a label's text, so that Chinese names get
 * Chinese glyph forms whatever the interface language.  Only Chinese needs
 * it, and each language attribute costs font lookups on every bound row. */
static void
add_text_language (PangoAttrList *attrs,
                   const CaNode  *node,
                   const char    *text)
{
  CaText names = ca_node_get_names (node);
  CaTextIter iter;

  ca_text_iter_init (&iter, &names);
  while (text != NULL && ca_text_iter_next (&iter))
    if (iter.text == text && g_ascii_strncasecmp (iter.lang, "zh", 2) == 0)
      {
        PangoLanguage *language = pango_language_from_string (iter.lang);

        pango_attr_list_insert (attrs, pango_attr_language_new (language));
        return;
      }
  /* A name converted to Traditional characters is in none of the node's
   * languages: it is in the interface's (zh-TW), whose glyphs it needs. */
  if (text != NULL && text == ca_node_get_name (node, NULL) && ca_text_is_converted (&names, NULL))
    pango_attr_list_insert (attrs, pango_attr_language_new (
                              pango_language_from_string (ca_i18n_get_data_language ())));
}

static void
set_text_language (GtkWidget    *label,
                   const CaNode *node,
                   const char   *text)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  add_text_language (attrs, node, text);
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
}

/* A result's name: a long one starts shortly before the words that matched,
 * so that the label's ellipsis at its end never hides them; those words are
 * in bold. */
#define NAME_LEAD 24
#define NAME_ROOM 48

static void
show_matched_name (CaTreeRow           *self,
                   const CaSearchMatch *match)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *text = NULL;
  glong start = match->start;
  PangoAttribute *bold;

  if (start > NAME_ROOM - NAME_LEAD && g_utf8_strlen (match->name, -1) > NAME_ROOM)
    {
      const char *from = g_utf8_offset_to_pointer (match->name, start - NAME_LEAD);
      const char *word = g_utf8_offset_to_pointer (match->name, start);
      const char *space = from;

      /* From the start of a word, where there are words: the one @from is
       * in, if it begins a little before, else the next. */
      for (int i = 0; i < NAME_LEAD && space > match->name && *space != ' '; i++)
        space = g_utf8_prev_char (space);
      if (*space != ' ')
        space = strchr (from, ' ');
      if (space != NULL && space + 1 <= word)
        from = space + 1;
      text = g_strconcat ("…", from, NULL);
      start = g_utf8_pointer_to_offset (from, word) + 1;
    }
  else
    text = g_strdup (match->name);
  gtk_label_set_text (GTK_LABEL (self->name_label), text);
  add_text_language (attrs, self->node, match->name);
  if (start >= 0)
    {
      const char *first = g_utf8_offset_to_pointer (text, start);
      const char *end = g_utf8_offset_to_pointer (first, match->length);

      bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      bold->start_index = (guint) (first - text);
      bold->end_index = (guint) (end - text);
      pango_attr_list_insert (attrs, bold);
    }
  gtk_label_set_attributes (GTK_LABEL (self->name_label), attrs);
}

/* The name in another language than the one shown, for readers who know
 * the place by that name; NULL when the node has only one. */
static const char *
other_name (const CaNode *node,
            const char   *shown)
{
  CaText names = ca_node_get_names (node);
  CaTextIter iter;

  ca_text_iter_init (&iter, &names);
  while (ca_text_iter_next (&iter))
    if (g_strcmp0 (iter.text, shown) != 0)
      return iter.text;

  return NULL;
}

/* The second line: the other name in the tree; among the results, what
 * else matched and the path. */
static char *
sub_text (CaTreeRow           *self,
          const char          *name,
          const CaSearchMatch *match)
{
  g_autofree char *path = NULL;

  if (self->mode != CA_TREE_ROW_RESULT)
    return g_strdup (other_name (self->node, name));
  if (ca_node_get_parent (self->node) != NULL)
    path = ca_match_format_path (self->node, NULL, FALSE);
  if (match->reason == NULL)
    return g_steal_pointer (&path);
  if (path == NULL)
    return g_strdup (match->reason);
  /* Translators: a search result's second line: why it matched ("tag
   * “robotics”"), then its path ("China › Shanghai") */
  return g_strdup_printf (C_("search result", "%s · %s"), match->reason, path);
}

/* What the badge counts: the figures of the node and of everything below
 * it, as the chart does, while the details list may show the node's own. */
static char *
format_branch_figures (guint n_figures)
{
  g_autofree char *count = ca_format_number (n_figures);

  /* Translators: the tooltip and accessible name of a tree row's badge;
   * %s is a number written out, "29 figures in this branch". */
  return g_strdup_printf (ngettext ("%s figure in this branch", "%s figures in this branch",
                                    n_figures), count);
}

static void
update_accessible (CaTreeRow  *self,
                   const char *name,
                   const char *sub,
                   const char *figures,
                   const char *lag)
{
  g_autofree char *label = NULL;

  if (sub != NULL && sub[0] != '\0')
    /* Translators: a row of the tree for screen readers: name, other name or path,
     * node type and number of figures, e.g. "Shanghai (上海), Region, 12 figures
     * in this branch". */
    label = g_strdup_printf (_("%s (%s), %s, %s"), name, sub,
                             ca_format_node_type (NULL, ca_node_get_node_type (self->node)),
                             figures);
  else
    /* Translators: a row of the tree for screen readers: name, node type and
     * number of figures, e.g. "China, Region, 40 figures in this branch". */
    label = g_strdup_printf (_("%s, %s, %s"), name,
                             ca_format_node_type (NULL, ca_node_get_node_type (self->node)),
                             figures);
  if (lag != NULL)
    {
      char *with_lag = g_strconcat (label, "; ", lag, NULL);

      g_free (label);
      label = with_lag;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (self->description);
  self->description = g_steal_pointer (&label);
}

/* Long names are ellipsized in a narrow sidebar, so hovering a row shows
 * what a screen reader says of it.  Made on demand: setting a tooltip on
 * every bound row costs a round trip to the X server each time. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  CaTreeRow *self = CA_TREE_ROW (widget);
  graphene_rect_t badge;

  if (self->node == NULL || self->description == NULL)
    return FALSE;

  /* Over the badge, what it counts. */
  if (gtk_widget_get_visible (self->count_label) &&
      gtk_widget_compute_bounds (self->count_label, widget, &badge) &&
      graphene_rect_contains_point (&badge, &GRAPHENE_POINT_INIT (x, y)))
    {
      g_autofree char *figures =
        format_branch_figures (ca_node_get_n_figures_below (self->node));

      gtk_tooltip_set_text (tooltip, figures);
      return TRUE;
    }
  gtk_tooltip_set_text (tooltip, self->description);
  return TRUE;
}

void
ca_tree_row_set_node (CaTreeRow    *self,
                      const CaNode *node)
{
  const char *name;
  g_autofree char *sub = NULL;
  g_autofree char *count = NULL;
  g_autofree char *lag = NULL;
  g_autofree char *note = NULL;
  g_autofree char *figures = NULL;
  CaText names;
  CaDate today = ca_progress_today ();
  guint n_figures, n_goals, n_lagging;
  g_auto(CaSearchMatch) match = { NULL, -1, 0, NULL };

  g_return_if_fail (CA_IS_TREE_ROW (self));

  self->node = node;
  if (node == NULL)
    return;

  name = ca_node_get_name (node, ca_i18n_get_data_language ());
  names = ca_node_get_names (node);
  if (self->mode == CA_TREE_ROW_RESULT && self->query != NULL)
    {
      ca_search_explain (node, self->query, ca_i18n_get_data_language (), &match);
      if (match.name != NULL)
        name = match.name;
    }
  sub = sub_text (self, name, &match);
  n_figures = ca_node_get_n_figures_below (node);
  count = ca_format_number (n_figures);
  figures = format_branch_figures (n_figures);

  update_icon (self);
  if (match.name != NULL)
    show_matched_name (self, &match);
  else
    {
      gtk_label_set_text (GTK_LABEL (self->name_label), name);
      set_text_language (self->name_label, node, name);
    }
  gtk_label_set_text (GTK_LABEL (self->sub_label), sub != NULL ? sub : "");
  if (self->mode == CA_TREE_ROW_TREE)
    set_text_language (self->sub_label, node, other_name (node, name));
  gtk_widget_set_visible (self->sub_label, sub != NULL && sub[0] != '\0');
  gtk_label_set_text (GTK_LABEL (self->count_label), count);
  gtk_widget_set_visible (self->count_label, n_figures > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, figures, -1);
  n_lagging = ca_progress_count_lagging (node, &today, &n_goals);
  if (n_goals > 0 && n_lagging == n_goals)
    lag = g_strdup_printf (ngettext ("its goal is behind or may be behind",
                                     "all its %u goals are behind or may be behind", n_goals),
                           n_goals);
  gtk_widget_set_visible (self->lag_icon, lag != NULL);
  note = ca_format_converted_name (NULL, &names);
  if (note != NULL)
    {
      char *both = lag != NULL ? g_strconcat (lag, "; ", note, NULL) : g_strdup (note);

      g_free (lag);
      lag = both;
    }
  update_accessible (self, name, sub, figures, lag);
}

void
ca_tree_row_set_query (CaTreeRow  *self,
                       const char *query)
{
  g_return_if_fail (CA_IS_TREE_ROW (self));

  g_free (self->query);
  self->query = g_strdup (query);
}

const CaNode *
ca_tree_row_get_node (CaTreeRow *self)
{
  g_return_val_if_fail (CA_IS_TREE_ROW (self), NULL);

  return self->node;
}

GtkLabel *
ca_tree_row_get_label (CaTreeRow *self)
{
  g_return_val_if_fail (CA_IS_TREE_ROW (self), NULL);

  return GTK_LABEL (self->name_label);
}

static CaTreeRowInComparison in_comparison;

void
ca_tree_row_set_comparison_query (CaTreeRowInComparison query)
{
  in_comparison = query;
}

/* GTK 4.8 leaves the row the menu came from hovered and pressed after the
 * menu closes (the menu's grab takes the pointer's leaving and the button's
 * release), so several rows look selected: the states are dropped then. */
static void
menu_closed_cb (GtkPopover *popover,
                GtkWidget  *parent)
{
  GtkWidget *quiet = g_object_get_data (G_OBJECT (popover), "ca-quiet-tooltip");

  for (GtkWidget *widget = parent; widget != NULL && !GTK_IS_LIST_VIEW (widget)
       && !GTK_IS_COLUMN_VIEW (widget); widget = gtk_widget_get_parent (widget))
    gtk_widget_unset_state_flags (widget, GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_ACTIVE);
  if (quiet != NULL)
    gtk_widget_set_has_tooltip (quiet, TRUE);
  g_object_set_data (G_OBJECT (popover), "ca-quiet-tooltip", NULL);
}

/* The tooltip of what is at (@x, @y) in @parent would stay over the menu
 * (GTK 4.8 does not hide it for a secondary click): it is hidden while the
 * menu is open. */
static void
quiet_tooltip (GtkWidget *popover,
               GtkWidget *parent,
               double     x,
               double     y)
{
  GtkWidget *widget = gtk_widget_pick (parent, x, y, GTK_PICK_DEFAULT);

  for (; widget != NULL && !gtk_widget_get_has_tooltip (widget) && widget != parent;
       widget = gtk_widget_get_parent (widget))
    ;
  if (widget == NULL || !gtk_widget_get_has_tooltip (widget))
    return;
  gtk_widget_set_has_tooltip (widget, FALSE);
  gtk_widget_trigger_tooltip_query (widget);
  /* Kept until closed: the widget outlives its menu's opening. */
  g_object_set_data_full (G_OBJECT (popover), "ca-quiet-tooltip", g_object_ref (widget),
                          g_object_unref);
}

void
ca_tree_row_popup_node_menu (GtkWidget    *parent,
                             GtkWidget   **popover,
                             const CaNode *node,
                             double        x,
                             double        y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) add = NULL;
  gboolean in = FALSE;

  g_return_if_fail (GTK_IS_WIDGET (parent) && popover != NULL && node != NULL);

  in = in_comparison != NULL && in_comparison (parent, node);
  add = g_menu_item_new (in ? _("Remove from _Comparison") : _("Add to _Comparison"), NULL);
  g_menu_item_set_action_and_target (add, in ? "win.compare-remove" : "win.compare-add", "s",
                                     ca_node_get_id (node));
  g_menu_append_item (menu, add);
  if (*popover == NULL)
    {
      *popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (*popover), FALSE);
      gtk_widget_set_halign (*popover, GTK_ALIGN_START);
      gtk_widget_set_parent (*popover, parent);
      g_signal_connect (*popover, "closed", G_CALLBACK (menu_closed_cb), parent);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (*popover), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (*popover),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  quiet_tooltip (*popover, parent, x, y);
  gtk_popover_popup (GTK_POPOVER (*popover));
}

/* The row's menu at (@x, @y), or under the row for -1. */
static void
popup_menu (CaTreeRow *self,
            double     x,
            double     y)
{
  if (self->node == NULL)
    return;
  if (x < 0)
    {
      x = 0;
      y = gtk_widget_get_height (GTK_WIDGET (self));
    }
  ca_tree_row_popup_node_menu (GTK_WIDGET (self), &self->menu, self->node, x, y);
}

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      CaTreeRow       *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, x, y);
}

static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 CaTreeRow           *self)
{
  popup_menu (self, x, y);
}

static void
menu_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  popup_menu (CA_TREE_ROW (widget), -1, -1);
}

static void
ca_tree_row_dispose (GObject *object)
{
  CaTreeRow *self = CA_TREE_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (ca_tree_row_parent_class)->dispose (object);
}

static void
ca_tree_row_class_init (CaTreeRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ca_tree_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ca-tree-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  /* The tree opens the selected row's menu from the keyboard (Menu, Shift+F10). */
  gtk_widget_class_install_action (widget_class, "row.menu", NULL, menu_action_cb);
}

static void
ca_tree_row_init (CaTreeRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkGesture *secondary, *long_press;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (update_icon), NULL);

  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (secondary, "pressed", G_CALLBACK (secondary_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));
  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (long_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}
