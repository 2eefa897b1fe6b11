/* ca-window.c: the main window of Cluster Atlas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-i18n.h"
#include "ca-loader-task.h"
#include "ca-node.h"
#include "ca-node-item.h"
#include "ca-resources.h"
#include "ca-stack-page.h"
#include "ca-tooltips.h"
#include "ca-tag-box.h"
#include "ca-window-private.h"

/* Problems listed in the dialog of a refused file; the rest are counted. */
/* Loads that end sooner than this never show the progress bar. */
#define PROGRESS_DELAY_MS 250
/* How long a new window waits for the file it opens before it shows with
 * the loading page instead (ca_window_present_when_ready ()). */
#define PRESENT_DELAY_MS 100

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CaWindow, ca_window, ADW_TYPE_APPLICATION_WINDOW)

CaWindow *
ca_window_new (CaApplication *app)
{
  return g_object_new (CA_TYPE_WINDOW, "application", app, NULL);
}

/* A file's name for a heading or a label: its bytes need not be UTF-8, and
 * GTK must only ever be given UTF-8. */
static char *
file_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return ca_dataset_display_basename (basename != NULL ? basename : "");
}

static void
update_title (CaWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *full_name = NULL;
  const char *dataset_title;

  if (self->dataset == NULL)
    {
      adw_view_switcher_title_set_title (self->window_title, _("Cluster Atlas"));
      adw_view_switcher_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Cluster Atlas"));
      return;
    }

  dataset_title = ca_dataset_get_title (self->dataset, ca_i18n_get_data_language ());
  basename = ca_dataset_display_basename (ca_dataset_get_path (self->dataset));
  full_name = ca_dataset_display_name (ca_dataset_get_path (self->dataset));
  /* Translators: the window title: the open dataset's title, then the program. */
  title = g_strdup_printf (_("%s — Cluster Atlas"), dataset_title);
  adw_view_switcher_title_set_title (self->window_title, dataset_title);
  adw_view_switcher_title_set_subtitle (self->window_title, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), full_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
select_initial_node (CaWindow *self)
{
  g_autofree char *last = NULL;
  g_auto(GStrv) expanded = NULL;
  const CaNode *node = NULL;

  if (self->restore_state)
    {
      expanded = g_settings_get_strv (self->settings, "expanded-nodes");
      ca_tree_model_set_expanded (self->tree_model, self->dataset,
                                  (const char * const *) expanded);
      last = g_settings_get_string (self->settings, "last-node");
      node = ca_dataset_lookup_node (self->dataset, last);
      self->restore_state = FALSE;
    }

  if (node == NULL && ca_dataset_get_n_roots (self->dataset) > 0)
    {
      g_autoptr(GtkTreeListRow) row = NULL;

      node = ca_dataset_get_root (self->dataset, 0);
      row = ca_tree_model_reveal (self->tree_model, node);
      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }

  if (node != NULL)
    ca_window_select_node (self, node);
}

void
ca_window_set_dataset (CaWindow  *self,
                       CaDataset *dataset)
{
  g_return_if_fail (CA_IS_WINDOW (self));
  g_return_if_fail (dataset == NULL || CA_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  g_clear_pointer (&self->search_index, ca_search_index_free);
  gtk_single_selection_set_model (self->results, NULL);
  g_ptr_array_set_size (self->back_stack, 0);
  g_ptr_array_set_size (self->forward_stack, 0);
  g_clear_pointer (&self->current_id, g_free);
  g_object_set (self, "search-mode", FALSE, NULL);

  self->navigating = TRUE;
  ca_window_set_tree_dataset (self, dataset);
  if (dataset != NULL)
    {
      select_initial_node (self);
      /* Where a person starts, with the arrow keys, as in a file manager. */
      ca_window_focus_tree (self);
    }
  else
    ca_details_pane_set_node (self->details, NULL, NULL);
  self->navigating = FALSE;
  if (self->figures_page != NULL)
    {
      ca_figures_page_set_dataset (self->figures_page, dataset);
      ca_figures_page_set_selected_node (self->figures_page, ca_window_get_selected_node (self));
    }
  /* The views are switched only with a dataset to show. */
  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, dataset != NULL);

  ca_window_set_compare_dataset (self, dataset);
  ca_window_update_actions (self);
  update_title (self);
  ca_stack_show_page (self->main_stack, dataset != NULL ? "explorer" : "empty");
}

CaDataset *
ca_window_get_dataset (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);

  return self->dataset;
}

const CaNode *
ca_window_get_selected_node (CaWindow *self)
{
  g_autoptr(CaNodeItem) item = NULL;
  GtkTreeListRow *row;

  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);

  if (self->selection == NULL)
    return NULL;

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;

  /* The node belongs to the dataset, which the window keeps. */
  item = gtk_tree_list_row_get_item (row);
  return ca_node_item_get_node (item);
}

gboolean
ca_window_select_node (CaWindow     *self,
                       const CaNode *node)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position;

  g_return_val_if_fail (CA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (self->tree_model == NULL)
    return FALSE;

  row = ca_tree_model_reveal (self->tree_model, node);
  if (row == NULL)
    return FALSE;

  position = gtk_tree_list_row_get_position (row);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

/* Loading */

static void
stop_progress (CaWindow *self)
{
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_spinner_stop (self->loading_spinner);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  CaWindow *self = user_data;

  self->progress_timeout = 0;
  /* Hidden until first needed, like the stacks' pages (ca-stack-page.h). */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  return G_SOURCE_REMOVE;
}

static void
load_progress_cb (double   fraction,
                  gpointer user_data)
{
  CaWindow *self = user_data;

  if (self->load_cancellable != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

/* Every problem the loader kept (it stops at CA_LOADER_MAX_PROBLEMS), one a
 * line, in file order; with @with_file, each line names the file, as the
 * list copied for a bug report or a colleague does. */
static char *
problems_text (GPtrArray *problems,
               gboolean   with_file)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = with_file ? ca_problem_format (problems->pdata[i])
                                        : ca_problem_format_short (problems->pdata[i]);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
copy_problems_clicked_cb (GtkButton *button,
                          gpointer   user_data)
{
  const char *text = g_object_get_data (G_OBJECT (button), "ca-problems-text");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  /* Said where the person looks; the dialog has no room for a toast. */
  gtk_button_set_label (button, _("Copied"));
}

/* Up to this many problems show whole; more scroll. */
#define PROBLEMS_UNSCROLLED 8

/* The problems, all of them, and a button that copies them.  A long list
 * scrolls in a box of a fixed height with its scroll bar always shown: a
 * scrolled window cannot take the natural height of wrapped lines (it asks
 * at one width and lays out at another), so a list sized that way showed two
 * of four problems, the rest behind a scroll bar seen only under the
 * pointer. */
static GtkWidget *
problems_view (GPtrArray *problems)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *shown = problems_text (problems, FALSE);
  GtkWidget *label = gtk_label_new (shown);
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("Co_py Problems"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "ca-problems");
  if (problems->len > PROBLEMS_UNSCROLLED)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
      gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller), FALSE);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_box_append (GTK_BOX (box), scroller);
    }
  else
    gtk_box_append (GTK_BOX (box), label);

  g_object_set_data_full (G_OBJECT (copy), "ca-problems-text", problems_text (problems, TRUE),
                          g_free);
  gtk_widget_set_halign (copy, GTK_ALIGN_START);
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_problems_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (box), copy);
  return box;
}

static void
problems_dialog_destroyed_cb (CaWindow  *self,
                              GtkWidget *dialog)
{
  if (self->problems_dialog == dialog)
    self->problems_dialog = NULL;
}

static void
show_load_error (CaWindow  *self,
                 GFile     *file,
                 GPtrArray *problems,
                 GError    *error)
{
  g_autofree char *name = file_display_basename (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Open “%s”"), name);
  if (problems != NULL && problems->len > 0)
    {
      const char *body = self->dataset != NULL
        ? _("The file is not a valid atlas dataset, so none of it is shown, and the "
            "dataset that was open stays open. The problems found:")
        : _("The file is not a valid atlas dataset, so none of it is shown. The problems "
            "found:");

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), problems_view (problems));
    }
  else if (self->dataset != NULL)
    /* Translators: %s is why a file could not be opened. */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("%s\n\nThe dataset that was open stays open."),
                                    error->message);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);

  /* The user sees the dialog; the log sees what was refused. */
  if (problems != NULL && problems->len > 0)
    g_message ("Refused “%s”: %u problem%s", name, problems->len, problems->len == 1 ? "" : "s");
  else
    g_message ("Refused “%s”: %s", name, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* Wide enough that most FILE:LINE:COLUMN: message lines fit on one line. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (problems_dialog_destroyed_cb),
                           self, G_CONNECT_SWAPPED);
  self->problems_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
present_now (CaWindow *self)
{
  if (self->present_timeout == 0)
    return;
  g_clear_handle_id (&self->present_timeout, g_source_remove);
  gtk_window_present (GTK_WINDOW (self));
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  CaWindow *self = user_data;

  self->present_timeout = 0;
  gtk_window_present (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* A new window that opens a file shows once the file is read, so that its
 * first frame shows the data instead of the loading page a frame before
 * it, or after PRESENT_DELAY_MS with the loading page if the file takes
 * longer.  Its widgets for the data then exist when GTK validates their
 * style as the window shows; made after that, GTK 4.8 measures them once
 * with the style they had before and again on the first frame.  A window
 * already shown, or one not loading, is presented now. */
void
ca_window_present_when_ready (CaWindow *self)
{
  g_return_if_fail (CA_IS_WINDOW (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self)) || self->load_cancellable == NULL)
    {
      g_clear_handle_id (&self->present_timeout, g_source_remove);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  if (self->present_timeout == 0)
    self->present_timeout = g_timeout_add (PRESENT_DELAY_MS, present_timeout_cb, self);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CaWindow) self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *parse_name = NULL;

  dataset = ca_loader_load_finish (result, &problems, &error);

  /* A load that another one replaced, that the user stopped (see
   * ca_window_cancel_load ()), or that a closed window started. */
  if (cancellable == NULL || cancellable != self->load_cancellable)
    return;

  file = g_object_ref (self->loading_file);
  stop_progress (self);

  /* What was shown stays unless the new file was accepted whole: a dataset
   * that comes with problems is refused like one that does not come. */
  if (g_cancellable_is_cancelled (cancellable) || (problems != NULL && problems->len > 0))
    g_clear_object (&dataset);

  if (dataset != NULL)
    {
      ca_window_set_dataset (self, dataset);
      ca_window_add_recent (self, file);
      present_now (self);
      return;
    }

  if (self->dataset == NULL)
    ca_stack_show_page (self->main_stack, "empty");
  /* Before the dialog that says why, which needs its window on screen. */
  present_now (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, CA_DATASET_ERROR, CA_DATASET_ERROR_CANCELLED))
    return;

  parse_name = g_file_get_parse_name (file);
  g_debug ("Could not load %s: %s", parse_name,
           error != NULL ? error->message : "problems found");
  show_load_error (self, file, problems, error);
}

void
ca_window_open_file (CaWindow *self,
                     GFile    *file)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (CA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  stop_progress (self);

  self->load_cancellable = g_cancellable_new ();
  self->loading_file = g_object_ref (file);
  name = file_display_basename (file);
  /* Translators: shown above the progress bar while a file loads. */
  label = g_strdup_printf (_("Loading “%s”…"), name);
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  self->progress_timeout = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, self);

  if (self->dataset == NULL)
    {
      ca_stack_show_page (self->main_stack, "loading");
      gtk_spinner_start (self->loading_spinner);
    }

  ca_loader_load_async (file, self->load_cancellable, load_progress_cb, self,
                        load_done_cb, g_object_ref (self));
}

void
ca_window_open_bundled (CaWindow *self)
{
  g_autofree char *path = ca_dataset_get_bundled_path ();
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (CA_IS_WINDOW (self));

  if (path == NULL)
    {
      ca_stack_show_page (self->main_stack, "empty");
      return;
    }

  file = g_file_new_for_path (path);
  ca_window_open_file (self, file);
}

void
ca_window_cancel_load (CaWindow *self)
{
  g_return_if_fail (CA_IS_WINDOW (self));

  if (self->load_cancellable == NULL)
    return;

  /* The worker may be in a read that no cancellable interrupts, so the
   * window lets go of the load at once; whatever it returns later is
   * dropped by load_done_cb (). */
  g_cancellable_cancel (self->load_cancellable);
  stop_progress (self);
  if (self->dataset == NULL)
    ca_stack_show_page (self->main_stack, "empty");
}

static void
cancel_load_clicked_cb (CaWindow *self)
{
  ca_window_cancel_load (self);
}

/* Layout */

static gboolean
update_header_cb (gpointer user_data)
{
  CaWindow *self = user_data;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean content = adw_leaflet_get_visible_child (self->leaflet) == self->content_box;
  gboolean explorer = g_strcmp0 (ca_window_get_view (self), "explorer") == 0;

  self->header_idle = 0;
  gtk_widget_set_visible (self->show_sidebar_button, explorer && folded && content);
  /* Search lives in the sidebar: when only the details show, the button
   * that brings the sidebar back takes its place (Ctrl+F still works). */
  gtk_widget_set_visible (self->search_button, !(folded && content));
  /* A narrow header has no room for it; the main menu has the same items. */
  gtk_widget_set_visible (self->export_button, explorer && !folded);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while the window is being laid out, after the header
 * bar was: changing the bar's buttons then would leave it to be drawn
 * without a size (a GTK warning, and a bar drawn with its old buttons).
 * The buttons change before the next frame instead. */
static void
leaflet_folded_cb (CaWindow *self)
{
  if (self->header_idle == 0)
    self->header_idle = g_idle_add (update_header_cb, self);
}

static void
show_sidebar_clicked_cb (CaWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* The views */

void
ca_window_show_view (CaWindow   *self,
                     const char *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* The Figures and Compare pages are built when first shown (the getters
 * build them).  The page shown takes the focus unless it has it already or
 * it is in the header bar (the switcher's button, a menu button): the stack
 * cannot move it into a page it did not have yet, and a focus left outside
 * every page, on a toast's button, would keep it from the page's keys. */
static void
build_view (CaWindow *self)
{
  const char *view = ca_window_get_view (self);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *page;

  if (g_strcmp0 (view, "figures") == 0 && self->figures_page == NULL)
    ca_window_get_figures_page (self);
  else if (g_strcmp0 (view, "compare") == 0 && self->compare_page == NULL)
    ca_window_get_compare_page (self);
  page = adw_view_stack_get_visible_child (self->view_stack);
  if (page == NULL || !gtk_widget_get_mapped (page))
    return;
  /* GTK moves a focus that the switch hid to the page's first button: on
   * the Explorer, the notice's of a narrowed tree; on Compare, the first
   * place's remove button, which an Enter pressed next would take out of
   * the comparison.  The tree and the chart take it instead. */
  if (focus != NULL && gtk_widget_get_mapped (focus) &&
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->narrowed_revealer)) &&
      gtk_widget_get_ancestor (focus, CA_TYPE_TAG_BOX) == NULL &&
      (gtk_widget_is_ancestor (focus, page) ||
       gtk_widget_is_ancestor (focus, GTK_WIDGET (self->header_bar))))
    return;
  if (gtk_widget_is_ancestor (GTK_WIDGET (self->tree_view), page)
      && gtk_widget_get_mapped (GTK_WIDGET (self->tree_view))
      && (gtk_widget_grab_focus (GTK_WIDGET (self->tree_view))
          || gtk_widget_child_focus (GTK_WIDGET (self->tree_view), GTK_DIR_TAB_FORWARD)))
    return;
  if (self->compare_page != NULL && gtk_widget_is_ancestor (self->compare_page, page))
    {
      GtkWidget *chart =
        GTK_WIDGET (ca_compare_page_get_chart_view (CA_COMPARE_PAGE (self->compare_page)));

      if (gtk_widget_get_mapped (chart) && gtk_widget_grab_focus (chart))
        return;
    }
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* The header's buttons are the explorer's: leaflet_folded_cb () sets them. */
static void
view_changed_cb (CaWindow *self)
{
  if (self->view_stack == NULL)   /* disposed */
    return;
  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    build_view (self);
  ca_window_update_actions (self);
  leaflet_folded_cb (self);
}

/* A row of the Figures page: its node, shown in the explorer. */
static void
figures_node_activated_cb (CaWindow     *self,
                           const CaNode *node)
{
  ca_window_show_view (self, "explorer");
  if (ca_window_select_node (self, node) && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
tree_nodes_changed_cb (CaWindow *self)
{
  ca_window_set_tree_filter (self, ca_figures_page_get_tree_nodes (self->figures_page));
}

/* The branch stays when the tree loses its selection (narrowed without it). */
static void
selection_changed_cb (CaWindow *self)
{
  const CaNode *node = ca_window_get_selected_node (self);

  if (node != NULL && self->figures_page != NULL)
    ca_figures_page_set_selected_node (self->figures_page, node);
}

/* The bar at the bottom takes the switcher when the header has no room,
 * while the views are shown (not the empty, loading or error pages).  It
 * gets the view stack, and so its buttons, when it first shows, not with
 * the window (first frame 9 M instructions fewer, callgrind). */
static void
update_switcher_bar (CaWindow *self)
{
  gboolean reveal;

  if (self->switcher_bar == NULL || self->window_title == NULL || self->main_stack == NULL)
    return;
  reveal = adw_view_switcher_title_get_title_visible (self->window_title) &&
           g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "explorer") == 0;
  if (reveal && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal);
}

static void
init_views (CaWindow *self)
{
  g_signal_connect_object (self->window_title, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  update_switcher_bar (self);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The Figures page is built when first shown, not with the window: only
 * the explorer shows in the first frame (21 M instructions of it, callgrind,
 * bench/first-frame-app). */
static void
init_figures_page (CaWindow *self)
{
  self->figures_page = CA_FIGURES_PAGE (ca_figures_page_new ());
  g_signal_connect_object (self->figures_page, "node-activated",
                           G_CALLBACK (figures_node_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->figures_page, "tree-nodes-changed",
                           G_CALLBACK (tree_nodes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_model (
                             ca_figures_page_get_column_view (self->figures_page)),
                           "items-changed", G_CALLBACK (ca_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->figures_bin, GTK_WIDGET (self->figures_page));
  ca_window_init_figures_menu (self);
  ca_figures_page_set_dataset (self->figures_page, self->dataset);
  ca_figures_page_set_selected_node (self->figures_page, ca_window_get_selected_node (self));
}

static void
details_node_activated_cb (CaWindow     *self,
                           const CaNode *node)
{
  ca_window_select_node (self, node);
}

/* State kept across runs and language switches */

static void
save_state (CaWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  if (self->tree_model != NULL)
    {
      g_auto(GStrv) expanded = ca_tree_model_get_expanded (self->tree_model);
      const CaNode *node = ca_window_get_selected_node (self);

      g_settings_set_strv (self->settings, "expanded-nodes", (const char * const *) expanded);
      g_settings_set_string (self->settings, "last-node",
                             node != NULL ? ca_node_get_id (node) : "");
    }
  g_settings_apply (self->settings);
}

static gboolean
ca_window_close_request (GtkWindow *window)
{
  save_state (CA_WINDOW (window));

  return GTK_WINDOW_CLASS (ca_window_parent_class)->close_request (window);
}

static void
copy_history (GPtrArray *to,
              GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_strdup (from->pdata[i]));
}

static void
copy_view_state (CaWindow *self,
                 CaWindow *other)
{
  g_auto(GStrv) expanded = ca_tree_model_get_expanded (self->tree_model);
  const CaNode *node = ca_window_get_selected_node (self);

  other->navigating = TRUE;
  /* Undo the default expansion of the first root: only the rows that were
   * open in @self are open in @other. */
  if (ca_dataset_get_n_roots (other->dataset) > 0)
    {
      g_autoptr(GtkTreeListRow) root = gtk_tree_list_model_get_child_row (other->tree_model, 0);

      gtk_tree_list_row_set_expanded (root, FALSE);
    }
  ca_tree_model_set_expanded (other->tree_model, other->dataset, (const char * const *) expanded);
  if (node != NULL)
    ca_window_select_node (other, node);
  other->navigating = FALSE;

  g_ptr_array_set_size (other->back_stack, 0);
  copy_history (other->back_stack, self->back_stack);
  copy_history (other->forward_stack, self->forward_stack);
  g_free (other->current_id);
  other->current_id = g_strdup (self->current_id);
  ca_window_update_actions (other);
  ca_details_pane_set_chart_kind (other->details, ca_details_pane_get_chart_kind (self->details));
  ca_details_pane_set_scroll (other->details, ca_details_pane_get_scroll (self->details));
  /* The page shown, and what the Figures page was asked. */
  if (self->figures_page != NULL)
    ca_figures_page_copy_state (ca_window_get_figures_page (other), self->figures_page);
  ca_window_show_view (other, ca_window_get_view (self));
}

CaWindow *
ca_window_rebuild (CaWindow *self)
{
  GtkApplication *app;
  CaWindow *other;
  int width, height;

  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);

  app = gtk_window_get_application (GTK_WINDOW (self));
  other = g_object_new (CA_TYPE_WINDOW, "application", app, NULL);
  other->restore_state = FALSE;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (other), width, height);
  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    gtk_window_maximize (GTK_WINDOW (other));

  if (self->dataset != NULL)
    {
      ca_window_set_dataset (other, self->dataset);
      copy_view_state (self, other);
    }
  if (self->loading_file != NULL)
    ca_window_open_file (other, self->loading_file);

  gtk_window_present (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (self));
  return other;
}

/* Files dropped on the window */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  CaWindow *self = user_data;
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  ca_window_open_file (self, files->data);
  return TRUE;
}

/* Mouse buttons 8 and 9 are the back and forward buttons of many mice. */
static void
mouse_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  gpointer         user_data)
{
  CaWindow *self = user_data;
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == 8)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-back", NULL);
  else if (button == 9)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-forward", NULL);
  else
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
init_controllers (CaWindow *self)
{
  GtkDropTarget *drop;
  GtkGesture *click;

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  self->drop_target = drop;
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (mouse_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* The sidebar between its narrowest and what leaves the details their
 * 360 px, so that a drag never folds the window. */
#define SIDEBAR_MIN 240
#define SIDEBAR_MAX 600
#define CONTENT_MIN 360

static int
clamp_sidebar (CaWindow *self,
               int       width)
{
  int room = gtk_widget_get_width (GTK_WIDGET (self->leaflet)) - CONTENT_MIN -
             gtk_widget_get_width (self->sidebar_handle);

  return CLAMP (width, SIDEBAR_MIN, MAX (SIDEBAR_MIN, MIN (SIDEBAR_MAX, room)));
}

static void
sidebar_drag_begin_cb (GtkGestureDrag *drag,
                       double          x,
                       double          y,
                       gpointer        user_data)
{
  CaWindow *self = user_data;
  graphene_rect_t handle;

  /* The drag is the leaflet's, which stays put while the handle moves
   * under the pointer; it begins only on the handle. */
  if (adw_leaflet_get_folded (self->leaflet) ||
      !gtk_widget_compute_bounds (self->sidebar_handle, GTK_WIDGET (self->leaflet), &handle) ||
      !graphene_rect_contains_point (&handle, &GRAPHENE_POINT_INIT ((float) x, (float) y)))
    {
      gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_start_width = gtk_widget_get_width (self->sidebar);
  gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
sidebar_drag_update_cb (GtkGestureDrag *drag,
                        double          dx,
                        double          dy,
                        gpointer        user_data)
{
  CaWindow *self = user_data;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int width = clamp_sidebar (self, self->drag_start_width + (int) (rtl ? -dx : dx));

  gtk_widget_set_size_request (self->sidebar, width, -1);
}

/* Kept in "sidebar-width" for the next window and the next run. */
static void
sidebar_drag_end_cb (GtkGestureDrag *drag,
                     double          dx,
                     double          dy,
                     gpointer        user_data)
{
  CaWindow *self = user_data;
  int width;

  gtk_widget_get_size_request (self->sidebar, &width, NULL);
  g_settings_set_int (self->settings, "sidebar-width", width);
}

static void
init_sidebar_handle (CaWindow *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_widget_set_cursor_from_name (self->sidebar_handle, "col-resize");
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (sidebar_drag_begin_cb), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (sidebar_drag_update_cb), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (sidebar_drag_end_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->leaflet), GTK_EVENT_CONTROLLER (drag));
}

static void
restore_window_state (CaWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");
  int sidebar = g_settings_get_int (self->settings, "sidebar-width");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 400));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_widget_set_size_request (self->sidebar, CLAMP (sidebar, SIDEBAR_MIN, SIDEBAR_MAX), -1);
}

static gboolean
chart_kind_get_mapping (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  CaChartKind kind;

  if (!ca_chart_kind_from_string (g_variant_get_string (variant, NULL), &kind))
    return FALSE;

  g_value_set_int (value, kind);
  return TRUE;
}

static GVariant *
chart_kind_set_mapping (const GValue       *value,
                        const GVariantType *expected_type,
                        gpointer            user_data)
{
  return g_variant_new_string (ca_chart_kind_to_string (g_value_get_int (value)));
}

/* The empty page shows the application's icon, which the icon theme has
 * only once asked for it (see ca_application_new ()). */
static void
empty_page_mapped_cb (GtkWidget *page)
{
  ca_application_ensure_app_icon ();
}

static void
init_details (CaWindow *self)
{
  self->details = CA_DETAILS_PANE (ca_details_pane_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->details), TRUE);
  gtk_box_append (GTK_BOX (self->content_box), GTK_WIDGET (self->details));
  g_signal_connect_object (self->details, "node-activated",
                           G_CALLBACK (details_node_activated_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind_with_mapping (self->settings, "chart-view", self->details, "chart-kind",
                                G_SETTINGS_BIND_DEFAULT,
                                chart_kind_get_mapping, chart_kind_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "figures-include-below", self->details, "include-below",
                   G_SETTINGS_BIND_DEFAULT);
}

/* GObject */

static void
ca_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CaWindow *self = CA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_bar != NULL &&
                                  gtk_search_bar_get_search_mode (self->search_bar));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CaWindow *self = CA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      if (self->search_bar != NULL)
        gtk_search_bar_set_search_mode (self->search_bar, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
search_mode_changed_cb (CaWindow *self)
{
  gboolean active = gtk_search_bar_get_search_mode (self->search_bar);

  /* The search is the explorer's: its results are in the tree's place. */
  if (active)
    ca_window_show_view (self, "explorer");
  if (active && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  if (!active)
    ca_stack_show_page (self->sidebar_stack, "tree");
  else
    ca_window_run_search (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
ca_window_dispose (GObject *object)
{
  CaWindow *self = CA_WINDOW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  stop_progress (self);
  g_clear_handle_id (&self->present_timeout, g_source_remove);
  g_clear_weak_pointer (&self->compare_toast);
  if (self->recent_changed_id != 0)
    g_clear_signal_handler (&self->recent_changed_id, gtk_recent_manager_get_default ());
  if (self->focus_tree_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->tree_view), self->focus_tree_tick);
      self->focus_tree_tick = 0;
    }
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  if (self->help_overlay != NULL)
    {
      GtkWidget *overlay = g_steal_pointer (&self->help_overlay);

      g_object_remove_weak_pointer (G_OBJECT (overlay), (gpointer *) &self->help_overlay);
      gtk_window_destroy (GTK_WINDOW (overlay));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CA_TYPE_WINDOW);
  /* After the template: the view stack, as it goes, changes its page. */
  g_clear_handle_id (&self->header_idle, g_source_remove);

  G_OBJECT_CLASS (ca_window_parent_class)->dispose (object);
}

static void
ca_window_finalize (GObject *object)
{
  CaWindow *self = CA_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->dataset);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_pointer (&self->search_index, ca_search_index_free);
  g_clear_pointer (&self->results_query, g_free);
  g_clear_pointer (&self->back_stack, g_ptr_array_unref);
  g_clear_pointer (&self->forward_stack, g_ptr_array_unref);
  g_clear_pointer (&self->current_id, g_free);

  G_OBJECT_CLASS (ca_window_parent_class)->finalize (object);
}

static void
ca_window_class_init (CaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  ca_tooltips_init ();

  object_class->dispose = ca_window_dispose;
  object_class->finalize = ca_window_finalize;
  object_class->get_property = ca_window_get_property;
  object_class->set_property = ca_window_set_property;
  window_class->close_request = ca_window_close_request;

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the resource bundle links it in from the static library,
   * and its constructor registers it. */
  (void) ca_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/clusteratlas/ClusterAtlas/ca-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CaWindow, name)
  BIND (header_bar);
  BIND (narrowed_revealer);
  BIND (show_sidebar_button);
  BIND (back_button);
  BIND (forward_button);
  BIND (search_button);
  BIND (window_title);
  BIND (menu_button);
  BIND (export_button);
  BIND (progress_revealer);
  BIND (progress_label);
  BIND (progress_bar);
  BIND (toast_overlay);
  BIND (main_stack);
  BIND (empty_page);
  BIND (no_results_page);
  BIND (loading_spinner);
  BIND (views_box);
  BIND (view_stack);
  BIND (switcher_bar);
  BIND (figures_bin);
  BIND (compare_bin);
  BIND (leaflet);
  BIND (sidebar);
  BIND (sidebar_handle);
  BIND (search_bar);
  BIND (search_entry);
  BIND (sidebar_stack);
  BIND (tree_view);
  BIND (results_label);
  BIND (results_view);
  BIND (content_box);
  BIND (main_menu);
  BIND (recent_menu);
  BIND (export_section);
  BIND (language_menu);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, show_sidebar_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_load_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  ca_window_class_init_actions (widget_class);
  ca_window_class_init_compare (widget_class);
}

static void
ca_window_init (CaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->empty_page, "map", G_CALLBACK (empty_page_mapped_cb), NULL);

  self->settings = g_settings_new (APPLICATION_ID);
  self->back_stack = g_ptr_array_new_with_free_func (g_free);
  self->forward_stack = g_ptr_array_new_with_free_func (g_free);
  self->restore_state = TRUE;

  restore_window_state (self);
  init_details (self);
  init_sidebar_handle (self);
  init_controllers (self);
  ca_window_init_tree (self);
  ca_window_init_search (self);
  init_views (self);
  ca_window_init_actions (self);
  ca_window_init_compare (self);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);

  ca_stack_show_page (self->main_stack, "empty");
  update_title (self);
}

AdwToastOverlay *
ca_window_get_toast_overlay (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);

  return self->toast_overlay;
}

GMenu *
ca_window_get_export_menu (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);

  return self->export_section;
}

/* Getters for tests */

GtkListView *
ca_window_get_tree_view (CaWindow *self)
{
  return self->tree_view;
}

GtkSingleSelection *
ca_window_get_selection (CaWindow *self)
{
  return self->selection;
}

GtkTreeListModel *
ca_window_get_tree_model (CaWindow *self)
{
  return self->tree_model;
}

CaDetailsPane *
ca_window_get_details_pane (CaWindow *self)
{
  return self->details;
}

GtkSearchEntry *
ca_window_get_search_entry (CaWindow *self)
{
  return self->search_entry;
}

GListModel *
ca_window_get_search_results (CaWindow *self)
{
  return gtk_single_selection_get_model (self->results);
}

AdwViewSwitcherTitle *
ca_window_get_title_widget (CaWindow *self)
{
  return self->window_title;
}

CaFiguresPage *
ca_window_get_figures_page (CaWindow *self)
{
  if (self->figures_page == NULL)
    init_figures_page (self);
  return self->figures_page;
}

const char *
ca_window_get_view (CaWindow *self)
{
  if (self->view_stack == NULL)   /* disposed */
    return NULL;
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
ca_window_get_back_button (CaWindow *self)
{
  return self->back_button;
}

const char *
ca_window_get_visible_page (CaWindow *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
ca_window_get_sidebar_page (CaWindow *self)
{
  return gtk_stack_get_visible_child_name (self->sidebar_stack);
}

gboolean
ca_window_is_loading (CaWindow *self)
{
  return self->load_cancellable != NULL;
}

GtkWidget *
ca_window_get_help_overlay (CaWindow *self)
{
  return self->help_overlay;
}

GtkDropTarget *
ca_window_get_drop_target (CaWindow *self)
{
  return self->drop_target;
}

GtkWidget *
ca_window_get_problems_dialog (CaWindow *self)
{
  return self->problems_dialog;
}
