/* ca-export-dialog.h: the choices of Export Chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ca-export.h"

G_BEGIN_DECLS

#define CA_TYPE_EXPORT_DIALOG (ca_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CaExportDialog, ca_export_dialog, CA, EXPORT_DIALOG, AdwWindow)

/* The choices of Export Chart: format, size, PNG scale and the chart's
 * language.  They start from, and are saved to, the export-* settings.
 * "export" is emitted when the user presses Export; the dialog then closes. */
CaExportDialog *ca_export_dialog_new          (GtkWindow       *parent);
/* Fills all but options->kind; options->language lives as long as the process. */
void            ca_export_dialog_get_options  (CaExportDialog  *self,
                                               CaExportOptions *options);
/* Set the choices as the user would, for tests and callers. */
void            ca_export_dialog_set_format   (CaExportDialog  *self,
                                               CaExportFormat   format);
void            ca_export_dialog_set_size     (CaExportDialog  *self,
                                               int              width,
                                               int              height);
void            ca_export_dialog_set_scale    (CaExportDialog  *self,
                                               int              scale);
void            ca_export_dialog_set_language (CaExportDialog  *self,
                                               const char      *language);
/* Saves the choices to the settings and emits "export", as the button does. */
void            ca_export_dialog_export       (CaExportDialog  *self);

G_END_DECLS
