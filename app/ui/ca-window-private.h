/* ca-window-private.h: the parts of CaWindow shared by its source files,
 * and getters for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ca-compare-page.h"
#include "ca-details-pane.h"
#include "ca-figures-page.h"
#include "ca-search.h"
#include "ca-tree-model.h"
#include "ca-window.h"

G_BEGIN_DECLS

#define CA_HISTORY_MAX 200

struct _CaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwHeaderBar         *header_bar;
  GtkWidget            *show_sidebar_button;
  GtkWidget            *back_button;
  GtkWidget            *forward_button;
  GtkWidget            *search_button;
  AdwViewSwitcherTitle *window_title;
  GtkMenuButton        *menu_button;
  GtkWidget            *export_button;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *no_results_page;
  GtkSpinner           *loading_spinner;
  GtkWidget            *views_box;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  AdwBin               *figures_bin;
  CaFiguresPage        *figures_page;   /* NULL until first shown or asked for */
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_handle;
  int                   drag_start_width;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *tree_view;
  GtkLabel             *results_label;
  GtkListView          *results_view;
  GtkWidget            *content_box;
  GMenu                *main_menu;
  GMenu                *recent_menu;
  GMenu                *export_section;
  GMenu                *language_menu;

  CaDetailsPane        *details;
  GSettings            *settings;

  CaDataset            *dataset;
  GtkTreeListModel     *tree_model;
  GtkRevealer          *narrowed_revealer;  /* shown while the tree is narrowed */
  GtkSingleSelection   *selection;
  GtkSingleSelection   *results;
  CaSearchIndex        *search_index;
  char                 *results_query;   /* what the results list was searched for */

  /* Ids of the nodes left behind and ahead, most recent last. */
  GPtrArray            *back_stack;
  GPtrArray            *forward_stack;
  char                 *current_id;
  gboolean              navigating;

  GCancellable         *load_cancellable;
  GFile                *loading_file;
  guint                 progress_timeout;
  guint                 present_timeout;   /* ca_window_present_when_ready () */
  gboolean              restore_state;
  GtkWidget            *problems_dialog;
  GtkNativeDialog      *file_chooser;
  gulong                recent_changed_id;
  GtkDropTarget        *drop_target;
  GtkWidget            *help_overlay;
  guint                 focus_tree_tick;
  guint                 header_idle;

  /* ca-window-compare.c */
  AdwBin               *compare_bin;
  GtkWidget            *compare_page;   /* NULL until first shown or asked for */
  GtkWidget            *figures_menu;   /* a Figures row's menu, a child of the page */
  AdwToast             *compare_toast;  /* the last notice of a change to the set, while shown */
};

/* ca-window-actions.c */
void ca_window_class_init_actions  (GtkWidgetClass *widget_class);
void ca_window_init_actions        (CaWindow       *self);
void ca_window_update_actions      (CaWindow       *self);
void ca_window_history_push        (CaWindow       *self,
                                    const CaNode   *node);
void ca_window_rebuild_recent_menu (CaWindow       *self);
void ca_window_add_recent          (CaWindow       *self,
                                    GFile          *file);

/* The old name, still called by ca-window-tree.c. */
static inline void
ca_window_update_history (CaWindow *self)
{
  ca_window_update_actions (self);
}

/* ca-window-search.c */
void ca_window_init_search         (CaWindow       *self);
void ca_window_run_search          (CaWindow       *self);
void ca_window_activate_result     (CaWindow       *self,
                                    guint           position);

/* ca-window-tree.c */
void ca_window_init_tree           (CaWindow       *self);
/* Gives the keyboard focus to the selected row, once the list has built it. */
void ca_window_focus_tree          (CaWindow       *self);
void ca_window_set_tree_dataset    (CaWindow       *self,
                                    CaDataset      *dataset);
/* The tree narrowed to the nodes in @keep (ca_tree_model_new_filtered ()),
 * or whole for NULL; the selection kept where it can be. */
void ca_window_set_tree_filter     (CaWindow       *self,
                                    GHashTable     *keep);

/* ca-window.c: "explorer" or "figures". */
void ca_window_show_view           (CaWindow       *self,
                                    const char     *name);

/* ca-window-compare.c */
void ca_window_class_init_compare  (GtkWidgetClass *widget_class);
void ca_window_init_compare        (CaWindow       *self);
void ca_window_set_compare_dataset (CaWindow       *self,
                                    CaDataset      *dataset);
/* Exports the comparison when the Compare page is shown: TRUE then. */
gboolean ca_window_compare_chart_action (CaWindow *self,
                                         void    (*action) (CaComparePage *page));
void ca_window_update_compare_button (CaWindow   *self);
void ca_window_init_figures_menu   (CaWindow       *self);

/* Getters for tests: the parts of the window a test looks at. */
GtkListView        *ca_window_get_tree_view       (CaWindow   *self);
GtkSingleSelection *ca_window_get_selection       (CaWindow   *self);
GtkTreeListModel   *ca_window_get_tree_model      (CaWindow   *self);
CaDetailsPane      *ca_window_get_details_pane    (CaWindow   *self);
GtkSearchEntry     *ca_window_get_search_entry    (CaWindow   *self);
GListModel         *ca_window_get_search_results  (CaWindow   *self);
AdwViewSwitcherTitle *ca_window_get_title_widget  (CaWindow   *self);
/* Builds the Figures page if it was not yet shown. */
CaFiguresPage      *ca_window_get_figures_page    (CaWindow   *self);
/* "explorer" or "figures". */
const char         *ca_window_get_view            (CaWindow   *self);
GtkWidget          *ca_window_get_back_button     (CaWindow   *self);
/* The CaComparePage, built if it was not yet shown. */
GtkWidget          *ca_window_get_compare_page    (CaWindow   *self);
/* "loading", "empty" or "explorer"; and "tree", "results" or "no-results". */
const char         *ca_window_get_visible_page    (CaWindow   *self);
const char         *ca_window_get_sidebar_page    (CaWindow   *self);
gboolean            ca_window_is_loading          (CaWindow   *self);
GtkDropTarget      *ca_window_get_drop_target     (CaWindow   *self);
/* The shortcuts window, once win.show-help-overlay has built it. */
GtkWidget          *ca_window_get_help_overlay    (CaWindow   *self);
/* The dialog that lists the problems of the last refused file, or NULL. */
GtkWidget          *ca_window_get_problems_dialog (CaWindow   *self);
/* The name label of the tree row shown for node @id, or NULL when that
 * row is not on screen. */
GtkLabel           *ca_window_find_row_label      (CaWindow   *self,
                                                   const char *id);

G_END_DECLS
