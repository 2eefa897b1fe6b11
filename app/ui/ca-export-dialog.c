/* ca-export-dialog.c: the choices of Export Chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-export-dialog.h"
#include "ca-i18n.h"

struct _CaExportDialog
{
  AdwWindow       parent_instance;

  AdwComboRow    *format_row;
  AdwComboRow    *scale_row;
  AdwComboRow    *language_row;
  AdwComboRow    *preset_row;
  GtkSpinButton  *width_spin;
  GtkSpinButton  *height_spin;

  GSettings      *settings;
  /* Set while a preset writes the spin buttons, so that they do not flip
   * the preset back to Custom. */
  gboolean        applying_preset;
};

G_DEFINE_FINAL_TYPE (CaExportDialog, ca_export_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A4 landscape is in points, so that a PDF of it is an A4 page. */
static const struct {
  int         width;
  int         height;
  const char *name;   /* NULL: just the size */
} presets[] = {
  { 1200, 800, NULL },
  { 1600, 900, NULL },
  { 1920, 1080, NULL },
  { 842, 595, N_("A4 landscape") },
};

#define PRESET_CUSTOM G_N_ELEMENTS (presets)

static GListModel *
create_preset_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      /* Translators: an image size in pixels, width × height. */
      g_autofree char *size = g_strdup_printf (_("%d × %d"), presets[i].width,
                                               presets[i].height);
      g_autofree char *label = NULL;

      if (presets[i].name != NULL)
        /* Translators: a paper size and its size in points, "A4 landscape (842 × 595)". */
        label = g_strdup_printf (_("%s (%s)"), _(presets[i].name), size);
      gtk_string_list_append (list, label != NULL ? label : size);
    }
  /* Translators: a size typed in by the user rather than a preset. */
  gtk_string_list_append (list, _("Custom"));
  return G_LIST_MODEL (list);
}

static GListModel *
create_language_model (void)
{
  const char * const *available = ca_i18n_get_available ();
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; available[i] != NULL; i++)
    gtk_string_list_append (list, ca_i18n_get_native_name (available[i]));
  return G_LIST_MODEL (list);
}

static guint
find_preset (int width,
             int height)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (presets[i].width == width && presets[i].height == height)
      return i;
  return PRESET_CUSTOM;
}

static void
preset_changed_cb (CaExportDialog *self)
{
  guint preset = adw_combo_row_get_selected (self->preset_row);

  if (preset >= PRESET_CUSTOM)
    return;
  self->applying_preset = TRUE;
  gtk_spin_button_set_value (self->width_spin, presets[preset].width);
  gtk_spin_button_set_value (self->height_spin, presets[preset].height);
  self->applying_preset = FALSE;
}

static void
size_changed_cb (CaExportDialog *self)
{
  int width = gtk_spin_button_get_value_as_int (self->width_spin);
  int height = gtk_spin_button_get_value_as_int (self->height_spin);

  if (!self->applying_preset)
    adw_combo_row_set_selected (self->preset_row, find_preset (width, height));
}

static void
format_changed_cb (CaExportDialog *self)
{
  /* Only a PNG has pixels to multiply. */
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row),
                          adw_combo_row_get_selected (self->format_row) == CA_EXPORT_PNG);
}

static void
save_settings (CaExportDialog *self)
{
  CaExportOptions options;

  ca_export_dialog_get_options (self, &options);
  g_settings_set_enum (self->settings, "export-format", options.format);
  g_settings_set_int (self->settings, "export-width", options.width);
  g_settings_set_int (self->settings, "export-height", options.height);
  g_settings_set_int (self->settings, "export-scale", options.scale);
}

static void
export_clicked_cb (CaExportDialog *self)
{
  ca_export_dialog_export (self);
}

static void
load_settings (CaExportDialog *self)
{
  ca_export_dialog_set_format (self, g_settings_get_enum (self->settings, "export-format"));
  ca_export_dialog_set_size (self, g_settings_get_int (self->settings, "export-width"),
                             g_settings_get_int (self->settings, "export-height"));
  ca_export_dialog_set_scale (self, g_settings_get_int (self->settings, "export-scale"));
  ca_export_dialog_set_language (self, ca_i18n_get_language ());
}

static void
ca_export_dialog_dispose (GObject *object)
{
  CaExportDialog *self = CA_EXPORT_DIALOG (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CA_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (ca_export_dialog_parent_class)->dispose (object);
}

static void
ca_export_dialog_class_init (CaExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ca_export_dialog_dispose;

  signals[SIGNAL_EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/clusteratlas/ClusterAtlas/ca-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, height_spin);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, size_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ca_export_dialog_init (CaExportDialog *self)
{
  g_autoptr(GListModel) presets_model = create_preset_model ();
  g_autoptr(GListModel) languages = create_language_model ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->preset_row, presets_model);
  adw_combo_row_set_model (self->language_row, languages);

  self->settings = g_settings_new (APPLICATION_ID);
  load_settings (self);
  format_changed_cb (self);
}

CaExportDialog *
ca_export_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CA_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
}

void
ca_export_dialog_get_options (CaExportDialog  *self,
                              CaExportOptions *options)
{
  const char * const *available = ca_i18n_get_available ();
  guint language = adw_combo_row_get_selected (self->language_row);

  g_return_if_fail (CA_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  options->format = MIN (adw_combo_row_get_selected (self->format_row), CA_EXPORT_PDF);
  options->width = gtk_spin_button_get_value_as_int (self->width_spin);
  options->height = gtk_spin_button_get_value_as_int (self->height_spin);
  options->scale = CLAMP ((int) adw_combo_row_get_selected (self->scale_row) + 1,
                          CA_EXPORT_MIN_SCALE, CA_EXPORT_MAX_SCALE);
  options->language = language < g_strv_length ((char **) available)
                      ? available[language] : ca_i18n_get_language ();
}

void
ca_export_dialog_set_format (CaExportDialog *self,
                             CaExportFormat  format)
{
  g_return_if_fail (CA_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->format_row, format);
}

void
ca_export_dialog_set_size (CaExportDialog *self,
                           int             width,
                           int             height)
{
  g_return_if_fail (CA_IS_EXPORT_DIALOG (self));

  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
  size_changed_cb (self);
}

void
ca_export_dialog_set_scale (CaExportDialog *self,
                            int             scale)
{
  g_return_if_fail (CA_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->scale_row,
                              CLAMP (scale, CA_EXPORT_MIN_SCALE, CA_EXPORT_MAX_SCALE) - 1);
}

void
ca_export_dialog_set_language (CaExportDialog *self,
                               const char     *language)
{
  const char * const *available = ca_i18n_get_available ();

  g_return_if_fail (CA_IS_EXPORT_DIALOG (self));

  for (guint i = 0; available[i] != NULL; i++)
    if (g_strcmp0 (available[i], language) == 0)
      adw_combo_row_set_selected (self->language_row, i);
}

void
ca_export_dialog_export (CaExportDialog *self)
{
  g_return_if_fail (CA_IS_EXPORT_DIALOG (self));

  save_settings (self);
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_EXPORT], 0);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}
