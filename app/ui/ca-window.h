/* ca-window.h: the main window of Cluster Atlas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ca-application.h"
#include "ca-dataset.h"

G_BEGIN_DECLS

#define CA_TYPE_WINDOW (ca_window_get_type ())
G_DECLARE_FINAL_TYPE (CaWindow, ca_window, CA, WINDOW, AdwApplicationWindow)

/* Takes its size, maximized state, last node and expanded rows from GSettings. */
CaWindow     *ca_window_new               (CaApplication *app);
/* Loads @file in a worker thread; a refused file leaves the dataset shown. */
void          ca_window_open_file         (CaWindow      *self,
                                           GFile         *file);
void          ca_window_open_bundled      (CaWindow      *self);
void          ca_window_present_when_ready (CaWindow     *self);
/* Stops a load in progress; the dataset shown stays. */
void          ca_window_cancel_load       (CaWindow      *self);
void          ca_window_show_open_dialog  (CaWindow      *self);
void          ca_window_set_dataset       (CaWindow      *self,
                                           CaDataset     *dataset);
CaDataset    *ca_window_get_dataset       (CaWindow      *self);
const CaNode *ca_window_get_selected_node (CaWindow      *self);
/* Expands the tree to @node, selects it and scrolls to it. */
gboolean      ca_window_select_node       (CaWindow      *self,
                                           const CaNode  *node);
AdwToastOverlay *ca_window_get_toast_overlay (CaWindow   *self);
/* The main menu's section for the export, copy, print and CSV items. */
GMenu        *ca_window_get_export_menu   (CaWindow      *self);
/* Replaces the window by a new one built in the current language, with the
 * same dataset, selection, expanded rows, size and history; returns it. */
CaWindow     *ca_window_rebuild           (CaWindow      *self);

G_END_DECLS
