/* ca-compare-page.c: the Compare page, the comparison set and its chart
 *
 * The set is the settings key "compare-nodes", read again whenever it
 * changes, so that every window shows the same set and a change made
 * elsewhere (another window, dconf) shows at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ca-chart-actions.h"
#include "ca-compare-page.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-print-operation.h"
#include "ca-stack-page.h"
#include "ca-tag-box.h"

/* Ids of other datasets are kept, but not without end. */
#define MAX_STORED_IDS 64
/* A chip's name at most this wide, in characters. */
#define MAX_CHIP_CHARS 24

struct _CaComparePage
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *chart_tools;
  GtkWidget     *chips_scroller;
  GtkWidget     *clear_button;
  GtkWidget     *export_button;
  CaTagBox      *chips;
  GtkDropDown   *figures_dropdown;
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  CaChartView   *chart_view;

  GSettings     *settings;
  CaDataset     *dataset;
  /* The nodes of the set the dataset holds, in the order added. */
  const CaNode  *nodes[CA_CHART_COMPARE_MAX];
  guint          n_nodes;
  GPtrArray     *remove_buttons;
};

G_DEFINE_FINAL_TYPE (CaComparePage, ca_compare_page, GTK_TYPE_WIDGET)
G_DEFINE_QUARK (ca-compare-error-quark, ca_compare_error)

enum {
  NODE_ACTIVATED,
  SET_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
remove_clicked_cb (GtkButton     *button,
                   CaComparePage *self)
{
  const CaNode *node = g_object_get_data (G_OBJECT (button), "ca-node");

  ca_compare_page_remove (self, node);
}

/* A chip: the node's name and a button that takes it out of the set. */
static void
add_chip (CaComparePage *self,
          const CaNode  *node)
{
  const char *name = ca_node_get_name (node, ca_i18n_get_data_language ());
  /* Translators: the tooltip and accessible name of the button that takes
   * a place out of the comparison; %s is its name */
  g_autofree char *what = g_strdup_printf (_("Remove “%s” from the Comparison"), name);
  GtkWidget *remove = ca_tag_box_add_chip (self->chips, name, what);
  GtkWidget *label = gtk_widget_get_first_child (gtk_widget_get_parent (remove));

  /* On one line that scrolls, a long name would push its own remove button
   * out of a narrow window: it is cut, whole in its tooltip. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CHIP_CHARS);
  g_object_set_data (G_OBJECT (remove), "ca-node", (gpointer) node);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  g_ptr_array_add (self->remove_buttons, remove);
}

static void
update_empty_page (CaComparePage *self)
{
  if (self->n_nodes == 1)
    {
      /* Translators: the Compare page with one place in it; %s is its name */
      const char *name = ca_node_get_name (self->nodes[0], ca_i18n_get_data_language ());
      g_autofree char *title = g_strdup_printf (_("Add a Place to Compare with “%s”"), name);

      adw_status_page_set_title (self->empty_page, title);
    }
  else
    adw_status_page_set_title (self->empty_page, _("Nothing to Compare Yet"));
  /* Translators: how to add places to the comparison; the words in quotes
   * are the menu item and the button that add one */
  adw_status_page_set_description (self->empty_page,
                                   _("Compare 2 to 8 regions, parks or programs side by side. "
                                     "Right-click one in the list and choose “Add to "
                                     "Comparison”, or press “Add to Comparison” in its "
                                     "details."));
}

/* The chips, the chart or the empty state, from the set. */
static void
update_view (CaComparePage *self)
{
  gboolean chart = self->n_nodes >= CA_CHART_COMPARE_MIN;

  ca_tag_box_remove_all (self->chips);
  g_ptr_array_set_size (self->remove_buttons, 0);
  for (guint i = 0; i < self->n_nodes; i++)
    add_chip (self, self->nodes[i]);
  gtk_widget_set_visible (self->chips_scroller, self->n_nodes > 0);
  gtk_widget_set_visible (self->chart_tools, self->n_nodes > 0);
  /* What the chart is of, and its export, with the chart only. */
  gtk_widget_set_visible (GTK_WIDGET (self->figures_dropdown), chart);
  gtk_widget_set_visible (self->export_button, chart);
  ca_chart_view_set_compare (self->chart_view, chart ? self->dataset : NULL, self->nodes,
                             chart ? self->n_nodes : 0,
                             gtk_drop_down_get_selected (self->figures_dropdown));
  update_empty_page (self);
  ca_stack_show_page (self->stack, chart ? "chart" : "empty");
}

/* The nodes of the stored ids the dataset holds, the first eight, into
 * @nodes; returns how many. */
static guint
collect_set (GSettings    *settings,
             CaDataset    *dataset,
             const CaNode *nodes[CA_CHART_COMPARE_MAX])
{
  g_auto(GStrv) ids = g_settings_get_strv (settings, "compare-nodes");
  guint n = 0;

  for (guint i = 0; dataset != NULL && ids[i] != NULL && n < CA_CHART_COMPARE_MAX; i++)
    if ((nodes[n] = ca_dataset_lookup_node (dataset, ids[i])) != NULL)
      n++;
  return n;
}

gboolean
ca_compare_set_contains (GSettings    *settings,
                         CaDataset    *dataset,
                         const CaNode *node)
{
  const CaNode *nodes[CA_CHART_COMPARE_MAX];
  guint n;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  n = collect_set (settings, dataset, nodes);
  for (guint i = 0; i < n; i++)
    if (nodes[i] == node)
      return TRUE;
  return FALSE;
}

static void
read_set (CaComparePage *self)
{
  self->n_nodes = collect_set (self->settings, self->dataset, self->nodes);
  update_view (self);
  g_signal_emit (self, signals[SET_CHANGED], 0);
}

static void
settings_changed_cb (CaComparePage *self)
{
  read_set (self);
}

/* Stores the ids with @node added (@add) or taken out. */
static void
write_set (CaComparePage *self,
           const CaNode  *node,
           gboolean       add)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "compare-nodes");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  guint n = g_strv_length (ids);
  /* The oldest ids go first when too many are stored. */
  guint start = add && n >= MAX_STORED_IDS ? n - MAX_STORED_IDS + 1 : 0;

  for (guint i = start; i < n; i++)
    if (!g_str_equal (ids[i], ca_node_get_id (node)))
      g_strv_builder_add (builder, ids[i]);
  if (add)
    g_strv_builder_add (builder, ca_node_get_id (node));
  kept = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "compare-nodes", (const char * const *) kept);
}

gboolean
ca_compare_page_contains (CaComparePage *self,
                          const CaNode  *node)
{
  g_return_val_if_fail (CA_IS_COMPARE_PAGE (self), FALSE);

  for (guint i = 0; i < self->n_nodes; i++)
    if (self->nodes[i] == node)
      return TRUE;
  return FALSE;
}

gboolean
ca_compare_page_add (CaComparePage *self,
                     const CaNode  *node,
                     GError       **error)
{
  g_return_val_if_fail (CA_IS_COMPARE_PAGE (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ca_compare_page_contains (self, node))
    return TRUE;
  if (self->n_nodes >= CA_CHART_COMPARE_MAX)
    {
      /* Translators: %s is a place's name; 8 is how many places a
       * comparison holds */
      g_set_error (error, CA_COMPARE_ERROR, CA_COMPARE_ERROR_FULL,
                   _("“%s” cannot be added: a comparison holds 8 places at most. "
                     "Remove one first."),
                   ca_node_get_name (node, ca_i18n_get_data_language ()));
      return FALSE;
    }
  write_set (self, node, TRUE);
  return TRUE;
}

void
ca_compare_page_remove (CaComparePage *self,
                        const CaNode  *node)
{
  g_return_if_fail (CA_IS_COMPARE_PAGE (self));
  g_return_if_fail (node != NULL);

  write_set (self, node, FALSE);
}

/* Undo of Remove All: the ids as they were, then those added since. */
static void
undo_clear_cb (AdwToast      *toast,
               CaComparePage *self)
{
  const char * const *before = g_object_get_data (G_OBJECT (toast), "ca-before");
  g_auto(GStrv) now = g_settings_get_strv (self->settings, "compare-nodes");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint n_before = g_strv_length ((char **) before), n_now = g_strv_length (now);
  /* No more than MAX_STORED_IDS, the oldest dropped. */
  guint skip = n_before + n_now > MAX_STORED_IDS ? n_before + n_now - MAX_STORED_IDS : 0;

  for (guint i = skip; i < n_before; i++)
    g_strv_builder_add (builder, before[i]);
  for (guint i = skip > n_before ? skip - n_before : 0; i < n_now; i++)
    if (!g_strv_contains (before, now[i]))
      g_strv_builder_add (builder, now[i]);
  ids = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "compare-nodes", (const char * const *) ids);
}

/* Remove All takes out the places the chips show, those of the open
 * dataset; the ids of other datasets stay.  A toast offers to undo it. */
static void
clear_clicked_cb (CaComparePage *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "compare-nodes");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  GtkWidget *toasts = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  for (guint i = 0; ids[i] != NULL; i++)
    if (self->dataset == NULL || ca_dataset_lookup_node (self->dataset, ids[i]) == NULL)
      g_strv_builder_add (builder, ids[i]);
  kept = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "compare-nodes", (const char * const *) kept);
  if (toasts == NULL)
    return;
  /* Translators: a toast after Remove All on the Compare page */
  toast = adw_toast_new (_("Comparison cleared"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "ca-before", g_steal_pointer (&ids),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clear_cb), self, 0);
  /* Shown at once, before any notice still waiting, and long enough to
   * reach the button. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (toasts), toast);
}

static void
export_clicked_cb (CaComparePage *self)
{
  ca_compare_page_export (self);
}

void
ca_compare_page_export (CaComparePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *toasts = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_return_if_fail (CA_IS_COMPARE_PAGE (self));

  if (self->n_nodes < CA_CHART_COMPARE_MIN)
    return;
  ca_chart_actions_export_compare (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   toasts != NULL ? ADW_TOAST_OVERLAY (toasts) : NULL,
                                   self->dataset, self->nodes, self->n_nodes,
                                   gtk_drop_down_get_selected (self->figures_dropdown));
}

void
ca_compare_page_copy (CaComparePage *self)
{
  g_return_if_fail (CA_IS_COMPARE_PAGE (self));

  if (self->n_nodes < CA_CHART_COMPARE_MIN)
    return;
  /* As Copy Chart copies a node's: at the size last chosen for exports,
   * sharp on this screen, in the language the window shows. */
  ca_chart_actions_copy_compare (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->dataset,
                                 self->nodes, self->n_nodes,
                                 gtk_drop_down_get_selected (self->figures_dropdown),
                                 ca_i18n_get_language (),
                                 g_settings_get_int (self->settings, "export-width"),
                                 g_settings_get_int (self->settings, "export-height"),
                                 gtk_widget_get_scale_factor (GTK_WIDGET (self)));
}

void
ca_compare_page_print (CaComparePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(CaPrintOperation) operation = NULL;

  g_return_if_fail (CA_IS_COMPARE_PAGE (self));

  if (self->n_nodes < CA_CHART_COMPARE_MIN)
    return;
  operation = ca_print_operation_new_compare (self->dataset, self->nodes, self->n_nodes,
                                              gtk_drop_down_get_selected (self->figures_dropdown),
                                              ca_i18n_get_language ());
  ca_print_operation_run (operation, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

gboolean
ca_compare_page_has_chart (CaComparePage *self)
{
  g_return_val_if_fail (CA_IS_COMPARE_PAGE (self), FALSE);

  return self->n_nodes >= CA_CHART_COMPARE_MIN;
}

static void
node_activated_cb (CaComparePage *self,
                   const CaNode  *node)
{
  g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

static gboolean
get_figures_cb (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (nick, "counts") ? CA_COMPARE_COUNTS
                           : g_str_equal (nick, "goals") ? CA_COMPARE_GOALS : CA_COMPARE_ALL);
  return TRUE;
}

static GVariant *
set_figures_cb (const GValue       *value,
                const GVariantType *type,
                gpointer            user_data)
{
  static const char * const nicks[] = { "all", "counts", "goals" };

  return g_variant_new_string (nicks[MIN (g_value_get_uint (value), G_N_ELEMENTS (nicks) - 1)]);
}

static void
ca_compare_page_dispose (GObject *object)
{
  CaComparePage *self = CA_COMPARE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CA_TYPE_COMPARE_PAGE);
  g_clear_object (&self->settings);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->remove_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (ca_compare_page_parent_class)->dispose (object);
}

static void
ca_compare_page_class_init (CaComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ca_compare_page_dispose;

  /* The chart view's and the tag box's types, for the template. */
  g_type_ensure (CA_TYPE_CHART_VIEW);
  g_type_ensure (CA_TYPE_TAG_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/clusteratlas/ClusterAtlas/"
                                               "ca-compare-page.ui");
  /* Bound, so that disposing the template unparents it. */
  gtk_widget_class_bind_template_child (widget_class, CaComparePage, box);
  gtk_widget_class_bind_template_child (widget_class, CaComparePage, chart_tools);
  gtk_widget_class_bind_template_child (widget_class, CaComparePage, chips_scroller);
  gtk_widget_class_bind_template_child (widget_class, CaComparePage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CaComparePage, export_button);
  gtk_widget_class_bind_template_child (widget_class, CaComparePage, chips);
  gtk_widget_class_bind_template_child (widget_class, CaComparePage, figures_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CaComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CaComparePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CaComparePage, chart_view);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* A mark of the chart was activated: its const CaNode *. */
  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* The nodes of the set changed, or which of them the dataset holds. */
  signals[SET_CHANGED] =
    g_signal_new ("set-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ca_compare_page_init (CaComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->remove_buttons = g_ptr_array_new ();
  g_signal_connect_object (self->chart_view, "node-activated", G_CALLBACK (node_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
ca_compare_page_new (GSettings *settings)
{
  CaComparePage *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CA_TYPE_COMPARE_PAGE, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "compare-figures", self->figures_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_figures_cb, set_figures_cb,
                                NULL, NULL);
  g_signal_connect_object (settings, "changed::compare-nodes", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->figures_dropdown, "notify::selected", G_CALLBACK (update_view),
                           self, G_CONNECT_SWAPPED);
  read_set (self);
  return GTK_WIDGET (self);
}

void
ca_compare_page_set_dataset (CaComparePage *self,
                             CaDataset     *dataset)
{
  g_return_if_fail (CA_IS_COMPARE_PAGE (self));
  g_return_if_fail (dataset == NULL || CA_IS_DATASET (dataset));

  g_set_object (&self->dataset, dataset);
  read_set (self);
}

guint
ca_compare_page_get_n_nodes (CaComparePage *self)
{
  g_return_val_if_fail (CA_IS_COMPARE_PAGE (self), 0);

  return self->n_nodes;
}

const CaNode *
ca_compare_page_get_node (CaComparePage *self,
                          guint          index)
{
  g_return_val_if_fail (CA_IS_COMPARE_PAGE (self), NULL);
  g_return_val_if_fail (index < self->n_nodes, NULL);

  return self->nodes[index];
}

CaChartView *
ca_compare_page_get_chart_view (CaComparePage *self)
{
  g_return_val_if_fail (CA_IS_COMPARE_PAGE (self), NULL);

  return self->chart_view;
}

GtkWidget *
ca_compare_page_get_remove_button (CaComparePage *self,
                                   guint          index)
{
  g_return_val_if_fail (CA_IS_COMPARE_PAGE (self), NULL);
  g_return_val_if_fail (index < self->remove_buttons->len, NULL);

  return g_ptr_array_index (self->remove_buttons, index);
}
