/* ca-chart-actions.c: the jobs behind Export Chart, Copy Chart, Print and
 * Export Figures.  Each is given what it writes (dataset, node, view,
 * language, size) and knows nothing of the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ca-bundle.h"
#include "ca-chart-actions.h"
#include "ca-csv.h"
#include "ca-export-dialog.h"
#include "ca-export.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-print-operation.h"
#include "ca-progress.h"

/* What an export writes: the chart, the figures, or a citation bundle of
 * both with the sources (ca-bundle.h). */
typedef enum {
  SAVE_CHART,
  SAVE_CSV,
  SAVE_BUNDLE,
} SaveKind;

/* One export on its way from the dialog to the file; shared by the signal
 * handlers it passes through, hence reference-counted. */
typedef struct {
  GtkWindow            *parent;
  AdwToastOverlay      *toasts;
  CaDataset            *dataset;   /* owns node */
  const CaNode         *node;
  CaExportOptions       options;
  /* A comparison's nodes, options.compare points here. */
  const CaNode         *compared[CA_CHART_COMPARE_MAX];
  SaveKind              kind;
  GArray               *figures;   /* CaFigureRef: a CSV of these, not of node's */
  GtkFileChooserNative *chooser;
} SaveJob;

static void
save_job_clear (SaveJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->toasts);
  g_clear_object (&job->dataset);
  g_clear_pointer (&job->figures, g_array_unref);
  if (job->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (job->chooser));
  g_clear_object (&job->chooser);
}

static SaveJob *
save_job_new (GtkWindow       *parent,
              AdwToastOverlay *toasts,
              CaDataset       *dataset,
              const CaNode    *node)
{
  SaveJob *job = g_rc_box_new0 (SaveJob);

  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;
  job->dataset = g_object_ref (dataset);
  job->node = node;
  return job;
}

static gpointer
save_job_ref (SaveJob *job)
{
  return g_rc_box_acquire (job);
}

static void
save_job_unref (gpointer job)
{
  g_rc_box_release_full (job, (GDestroyNotify) save_job_clear);
}

static void
save_job_closure_notify (gpointer  job,
                         GClosure *closure)
{
  save_job_unref (job);
}

static void
object_closure_notify (gpointer  object,
                       GClosure *closure)
{
  g_object_unref (object);
}

static const char *
save_job_extension (SaveJob *job)
{
  if (job->kind == SAVE_CHART)
    return ca_export_format_to_extension (job->options.format);
  return job->kind == SAVE_CSV ? "csv" : "zip";
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_file_cb (AdwToast *toast,
              GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkWidget *overlay = g_object_get_data (G_OBJECT (toast), "ca-overlay");
  GtkRoot *root = overlay != NULL ? gtk_widget_get_root (overlay) : NULL;

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
show_saved_toast (SaveJob    *job,
                  const char *path)
{
  AdwToast *toast;

  if (job->toasts == NULL)
    return;
  toast = adw_toast_new (job->kind == SAVE_CSV ? _("Figures exported")
                         : job->kind == SAVE_BUNDLE ? _("Bundle exported")
                         : _("Chart exported"));
  /* Translators: a button in the notice of an export, to open the file. */
  adw_toast_set_button_label (toast, _("Open"));
  g_object_set_data (G_OBJECT (toast), "ca-overlay", job->toasts);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file_cb),
                         g_file_new_for_path (path), object_closure_notify, 0);
  adw_toast_overlay_add_toast (job->toasts, toast);
}

static void
save_job_write (SaveJob    *job,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  CaDate today = ca_progress_today ();
  gboolean ok;

  if (job->kind == SAVE_CSV && job->figures != NULL)
    ok = ca_csv_write_list ((const CaFigureRef *) (gconstpointer) job->figures->data,
                            job->figures->len, job->options.language, &today, path, &error);
  else if (job->kind == SAVE_CSV)
    ok = ca_csv_write_figures (job->node, job->options.language, &today, path, &error);
  else if (job->kind == SAVE_BUNDLE)
    ok = ca_bundle_write (job->node, &job->options, &today, path, &error);
  else
    ok = ca_export_write (job->node, &job->options, path, &error);

  if (ok)
    show_saved_toast (job, path);
  else
    show_error (job->parent,
                job->kind == SAVE_CSV ? _("Could not export the figures")
                : job->kind == SAVE_BUNDLE ? _("Could not export the bundle")
                : _("Could not export the chart"),
                error->message);
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SaveJob          *job)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "ca-path");

  if (g_strcmp0 (response, "replace") == 0)
    save_job_write (job, path);
}

/* Only for a name the chooser never saw: it asked about the name typed,
 * and this is that name with the extension added. */
static void
confirm_replace (SaveJob    *job,
                 const char *path)
{
  g_autofree char *base = g_filename_display_basename (path);
  g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), base);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (job->parent, heading,
                                   _("A file with this name already exists. "
                                     "Replacing it overwrites its contents."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ca-path", g_strdup (path), g_free);
  g_signal_connect_data (dialog, "response", G_CALLBACK (replace_response_cb),
                         save_job_ref (job), save_job_closure_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  gsize length = strlen (path), suffix_length = strlen (suffix);

  return length > suffix_length
         && g_ascii_strcasecmp (path + length - suffix_length, suffix) == 0;
}

/* The folder of the last export of either kind, kept for the next. */
static void
remember_folder (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (path == NULL)
    return;
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "export-folder", path);
}

/* The last folder used while it is there, else Pictures for a chart and
 * Documents for the figures and a bundle, else the home folder: never the
 * folder the program happened to start in, where the chooser would go. */
static char *
start_folder (SaveJob *job)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *last = g_settings_get_string (settings, "export-folder");
  const char *fallback = g_get_user_special_dir (job->kind != SAVE_CHART
                                                 ? G_USER_DIRECTORY_DOCUMENTS
                                                 : G_USER_DIRECTORY_PICTURES);

  if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&last);
  if (fallback != NULL && g_file_test (fallback, G_FILE_TEST_IS_DIR))
    return g_strdup (fallback);
  return g_strdup (g_get_home_dir ());
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SaveJob         *job)
{
  /* Dropped on return: the job and the chooser no longer hold each other. */
  g_autoptr(GtkFileChooserNative) held = g_steal_pointer (&job->chooser);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *suffix = g_strconcat (".", save_job_extension (job), NULL);

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path != NULL)
    remember_folder (file);
  if (path == NULL)
    {
      show_error (job->parent, _("Could not export the chart"),
                  _("Only files on this computer can be written."));
      return;
    }

  if (has_suffix (path, suffix))
    save_job_write (job, path);
  else
    {
      g_autofree char *full = g_strconcat (path, suffix, NULL);

      if (g_file_test (full, G_FILE_TEST_EXISTS))
        confirm_replace (job, full);
      else
        save_job_write (job, full);
    }
}

static GtkFileFilter *
create_filter (SaveJob *job)
{
  static const char * const mime_types[] = {
    [CA_EXPORT_PNG] = "image/png",
    [CA_EXPORT_SVG] = "image/svg+xml",
    [CA_EXPORT_PDF] = "application/pdf",
  };
  static const char * const names[] = {
    [CA_EXPORT_PNG] = N_("PNG images"),
    [CA_EXPORT_SVG] = N_("SVG drawings"),
    [CA_EXPORT_PDF] = N_("PDF documents"),
  };
  g_autofree char *pattern = g_strconcat ("*.", save_job_extension (job), NULL);
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (job->kind == SAVE_CHART)
    {
      gtk_file_filter_set_name (filter, _(names[job->options.format]));
      gtk_file_filter_add_mime_type (filter, mime_types[job->options.format]);
    }
  else
    {
      gtk_file_filter_set_name (filter, job->kind == SAVE_CSV ? _("CSV files")
                                                              : _("Zip archives"));
      gtk_file_filter_add_mime_type (filter, job->kind == SAVE_CSV ? "text/csv"
                                                                   : "application/zip");
    }
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

/* GTK 4's chooser always asks before it replaces a file, so no second
 * question is asked about the name it returns. */
static void
choose_file (SaveJob    *job,
             const char *title,
             const char *name)
{
  g_autoptr(GtkFileFilter) filter = create_filter (job);
  g_autofree char *folder = start_folder (job);

  job->chooser = gtk_file_chooser_native_new (title, job->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                              _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (job->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (job->chooser), filter);
  if (folder != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (job->chooser), file, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (job->chooser), name);
  g_signal_connect_data (job->chooser, "response", G_CALLBACK (chooser_response_cb),
                         save_job_ref (job), save_job_closure_notify, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (job->chooser));
}

/* Characters that some file system refuses in a name. */
static gboolean
is_unsafe_in_name (gunichar c)
{
  return c != 0 && strchr ("/\\:*?\"<>|", (int) c) != NULL && c < 0x80;
}

/* The node's name in @language, made a file name that every file system
 * takes: none of / \ : * ? " < > |, no control or bidi characters, no
 * leading dot or space, at most MAX_NAME_BYTES; the node's id if no letter
 * or digit is left. */
#define MAX_NAME_BYTES 120

static char *
safe_base_name (const CaNode *node,
                const char   *language)
{
  g_autofree char *clean = ca_export_clean_file_name (
      ca_node_get_name (node, ca_i18n_data_language_of (language)));
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean has_word = FALSE;

  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = is_unsafe_in_name (c) || g_unichar_isspace (c);

      has_word |= g_unichar_isalnum (c);
      if (space && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      if (!space && out->len == 0 && c == '.')
        continue;
      if (out->len + (g_unichar_to_utf8 (c, NULL)) > MAX_NAME_BYTES)
        break;
      if (space)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '.'))
    g_string_truncate (out, out->len - 1);
  if (out->len == 0 || !has_word)
    return ca_export_clean_file_name (ca_node_get_id (node));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
ca_chart_actions_file_name (const CaNode *node,
                            CaChartKind   kind,
                            gboolean      csv,
                            const char   *extension,
                            const char   *language)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (node != NULL && extension != NULL, NULL);

  base = safe_base_name (node, language);
  if (csv)
    /* Translators: the proposed name of an exported CSV file: the node's
     * name, then the word for its figures; no / \ : * ? " < > |. */
    return g_strdup_printf (ca_i18n_pgettext (language, "file name", "%s - figures.%s"),
                            base, extension);
  /* Translators: the proposed name of an exported chart: the node's name,
   * then the chart's view ("Goals"); no / \ : * ? " < > |. */
  return g_strdup_printf (ca_i18n_pgettext (language, "file name", "%s - %s.%s"),
                          base, ca_chart_kind_get_label_in (language, kind), extension);
}

/* The longest name proposed for a comparison: under the 255 bytes most
 * file systems take, with room for a chooser's " (2)". */
#define MAX_COMPARE_NAME_BYTES 200

/* @str cut to at most @max bytes, on a character's first byte, without
 * the spaces and dots left at its end. */
static void
cut_utf8 (GString *str,
          gsize    max)
{
  gsize len = MIN (str->len, max);

  while (len > 0 && len < str->len && (str->str[len] & 0xC0) == 0x80)
    len--;
  g_string_truncate (str, len);
  while (str->len > 0 && (str->str[str->len - 1] == ' ' || str->str[str->len - 1] == '.'))
    g_string_truncate (str, str->len - 1);
}

/* The first @k names of @nodes, the first cut to @first_max bytes, then
 * how many more there are. */
static GString *
compare_names (const CaNode * const *nodes,
               guint                 n_nodes,
               guint                 k,
               gsize                 first_max,
               const char           *language)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < k; i++)
    {
      g_autofree char *base = safe_base_name (nodes[i], language);

      if (i > 0)
        g_string_append (names, ca_i18n_pgettext (language, "compared names", ", "));
      g_string_append (names, base);
      if (i == 0)
        cut_utf8 (names, first_max);
    }
  if (k < n_nodes)
    {
      g_autofree char *first = g_string_free (names, FALSE);

      names = g_string_new (NULL);
      /* Translators: the proposed file name of a comparison whose names are
       * too long for one: "North, South and 3 more"; %s is the first
       * names, %u how many places are left out */
      g_string_printf (names, ca_i18n_ngettext (language, "%s and %u more", "%s and %u more",
                                                n_nodes - k), first, n_nodes - k);
    }
  return names;
}

char *
ca_chart_actions_compare_file_name (const CaNode * const *nodes,
                                    guint                 n_nodes,
                                    CaCompareFigures      figures,
                                    const char           *extension,
                                    const char           *language)
{
  const char *label = ca_chart_compare_get_label_in (language, figures);
  g_autofree char *rest = NULL;
  g_autoptr(GString) names = NULL;
  guint k = n_nodes;

  g_return_val_if_fail (nodes != NULL && n_nodes >= 1 && extension != NULL, NULL);

  /* As many names as fit, then the first name cut if even it does not. */
  rest = g_strdup_printf (ca_i18n_pgettext (language, "file name", "%s - %s.%s"), "", label,
                          extension);
  names = compare_names (nodes, n_nodes, k, G_MAXSIZE, language);
  while (k > 1 && names->len + strlen (rest) > MAX_COMPARE_NAME_BYTES)
    {
      g_string_free (names, TRUE);
      names = compare_names (nodes, n_nodes, --k, G_MAXSIZE, language);
    }
  if (names->len + strlen (rest) > MAX_COMPARE_NAME_BYTES)
    {
      g_autofree char *first = safe_base_name (nodes[0], language);
      gsize over = names->len + strlen (rest) - MAX_COMPARE_NAME_BYTES;

      g_string_free (names, TRUE);
      names = compare_names (nodes, n_nodes, 1, strlen (first) - MIN (over, strlen (first)),
                             language);
    }
  return g_strdup_printf (ca_i18n_pgettext (language, "file name", "%s - %s.%s"), names->str,
                          label, extension);
}

static void
dialog_export_cb (CaExportDialog *dialog,
                  SaveJob        *job)
{
  g_autofree char *name = NULL;
  CaChartKind kind = job->options.kind;

  ca_export_dialog_get_options (dialog, &job->options);
  job->options.kind = kind;
  /* Named in the chart's language, without the bidi controls a name could
   * hide an extension behind. */
  if (kind == CA_CHART_COMPARE)
    name = ca_chart_actions_compare_file_name (job->compared, job->options.n_compare,
                                               job->options.compare_figures,
                                               ca_export_format_to_extension (
                                                 job->options.format),
                                               job->options.language);
  else
    name = ca_chart_actions_file_name (job->node, kind, FALSE,
                                       ca_export_format_to_extension (job->options.format),
                                       job->options.language);
  choose_file (job, _("Export Chart"), name);
}

void
ca_chart_actions_export_chart (GtkWindow       *parent,
                               AdwToastOverlay *toasts,
                               CaDataset       *dataset,
                               const CaNode    *node,
                               CaChartKind      kind)
{
  SaveJob *job;
  CaExportDialog *dialog;

  g_return_if_fail (CA_IS_DATASET (dataset));
  g_return_if_fail (node != NULL);

  job = save_job_new (parent, toasts, dataset, node);
  job->options.kind = kind;
  dialog = ca_export_dialog_new (parent);
  g_signal_connect_data (dialog, "export", G_CALLBACK (dialog_export_cb),
                         job, save_job_closure_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ca_chart_actions_export_compare (GtkWindow            *parent,
                                 AdwToastOverlay      *toasts,
                                 CaDataset            *dataset,
                                 const CaNode * const *nodes,
                                 guint                 n_nodes,
                                 CaCompareFigures      figures)
{
  SaveJob *job;
  CaExportDialog *dialog;

  g_return_if_fail (CA_IS_DATASET (dataset));
  g_return_if_fail (n_nodes >= 1 && n_nodes <= CA_CHART_COMPARE_MAX);

  job = save_job_new (parent, toasts, dataset, nodes[0]);
  job->options.kind = CA_CHART_COMPARE;
  for (guint i = 0; i < n_nodes; i++)
    job->compared[i] = nodes[i];
  job->options.compare = job->compared;
  job->options.n_compare = n_nodes;
  job->options.compare_figures = figures;
  dialog = ca_export_dialog_new (parent);
  g_signal_connect_data (dialog, "export", G_CALLBACK (dialog_export_cb),
                         job, save_job_closure_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ca_chart_actions_export_csv (GtkWindow       *parent,
                             AdwToastOverlay *toasts,
                             CaDataset       *dataset,
                             const CaNode    *node,
                             const char      *language)
{
  SaveJob *job;
  g_autofree char *name = NULL;

  g_return_if_fail (CA_IS_DATASET (dataset));
  g_return_if_fail (node != NULL);

  job = save_job_new (parent, toasts, dataset, node);
  job->kind = SAVE_CSV;
  job->options.language = language;
  name = ca_chart_actions_file_name (node, CA_CHART_GOALS, TRUE, "csv", language);
  choose_file (job, _("Export Figures as CSV"), name);
  save_job_unref (job);
}

void
ca_chart_actions_export_figures_csv (GtkWindow       *parent,
                                     AdwToastOverlay *toasts,
                                     CaDataset       *dataset,
                                     GArray          *figures,
                                     const char      *language)
{
  SaveJob *job;

  g_return_if_fail (CA_IS_DATASET (dataset));
  g_return_if_fail (figures != NULL);

  job = save_job_new (parent, toasts, dataset, NULL);
  job->kind = SAVE_CSV;
  job->figures = figures;
  job->options.language = language;
  /* Translators: the proposed name of the CSV of the Figures page's rows */
  choose_file (job, _("Export Figures as CSV"), C_("file name", "Figures.csv"));
  save_job_unref (job);
}

void
ca_chart_actions_export_bundle (GtkWindow             *parent,
                                AdwToastOverlay       *toasts,
                                CaDataset             *dataset,
                                const CaNode          *node,
                                const CaExportOptions *options)
{
  SaveJob *job;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (CA_IS_DATASET (dataset));
  g_return_if_fail (node != NULL);
  g_return_if_fail (options != NULL);

  job = save_job_new (parent, toasts, dataset, node);
  job->kind = SAVE_BUNDLE;
  job->options = *options;
  base = safe_base_name (node, options->language);
  /* Translators: the proposed name of an exported citation bundle (a zip
   * of the chart, the figures and their sources): the node's name, then
   * the word for the bundle; no / \ : * ? " < > |. */
  name = g_strdup_printf (ca_i18n_pgettext (options->language, "file name",
                                            "%s - citation.%s"), base, "zip");
  choose_file (job, _("Export Bundle"), name);
  save_job_unref (job);
}

/* Copy *********************************************************/

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  /* The bytes keep the surface alive, so the pixels are not copied. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* One layout gives both the picture and its citation.  The font options
 * are the exports' (ca-export.c), so that the copy is the PNG export. */
static cairo_surface_t *
render_chart (const CaNode         *node,
              const CaChartOptions *chart,
              int                   width,
              int                   height,
              int                   scale,
              char                **citation)
{
  CaChartOptions options = *chart;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  g_autoptr(CaChartLayout) layout = NULL;
  cairo_font_options_t *font_options = cairo_font_options_create ();
  CaChartStyle style;

  options.width = width;
  options.height = height;
  options.with_title = TRUE;
  options.with_sources = TRUE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  context = pango_cairo_create_context (cr);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);

  layout = ca_chart_layout_new (node, &options, context);
  ca_chart_style_init_print (&style);
  cairo_set_source_rgba (cr, style.background.red, style.background.green,
                         style.background.blue, style.background.alpha);
  cairo_paint (cr);
  ca_chart_layout_draw (layout, cr, &style, -1);
  *citation = ca_chart_layout_get_citation (layout);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
copy_chart (GdkClipboard         *clipboard,
            const CaNode         *node,
            const CaChartOptions *chart,
            int                   width,
            int                   height,
            int                   scale)
{
  g_autofree char *citation = NULL;
  cairo_surface_t *surface;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  GdkContentProvider *providers[2];

  surface = render_chart (node, chart, width, height, scale, &citation);
  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  providers[0] = gdk_content_provider_new_typed (GDK_TYPE_TEXTURE, texture);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, citation);
  content = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (clipboard, content);
}

void
ca_chart_actions_copy (GdkClipboard *clipboard,
                       CaDataset    *dataset,
                       const CaNode *node,
                       CaChartKind   kind,
                       const char   *language,
                       int           width,
                       int           height,
                       int           scale)
{
  CaChartOptions chart = { .kind = kind, .language = language };

  g_return_if_fail (GDK_IS_CLIPBOARD (clipboard));
  g_return_if_fail (CA_IS_DATASET (dataset));
  g_return_if_fail (node != NULL);
  g_return_if_fail (width > 0 && height > 0 && scale > 0);

  copy_chart (clipboard, node, &chart, width, height, scale);
}

void
ca_chart_actions_copy_compare (GdkClipboard         *clipboard,
                               CaDataset            *dataset,
                               const CaNode * const *nodes,
                               guint                 n_nodes,
                               CaCompareFigures      figures,
                               const char           *language,
                               int                   width,
                               int                   height,
                               int                   scale)
{
  CaChartOptions chart = {
    .kind = CA_CHART_COMPARE, .language = language, .compare = nodes, .n_compare = n_nodes,
    .compare_figures = figures,
  };

  g_return_if_fail (GDK_IS_CLIPBOARD (clipboard));
  g_return_if_fail (CA_IS_DATASET (dataset));
  g_return_if_fail (n_nodes >= CA_CHART_COMPARE_MIN && n_nodes <= CA_CHART_COMPARE_MAX);
  g_return_if_fail (width > 0 && height > 0 && scale > 0);

  copy_chart (clipboard, nodes[0], &chart, width, height, scale);
}

void
ca_chart_actions_copy_chart (GtkWidget       *widget,
                             AdwToastOverlay *toasts,
                             CaDataset       *dataset,
                             const CaNode    *node,
                             CaChartKind      kind)
{
  g_autoptr(GSettings) settings = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  settings = g_settings_new (APPLICATION_ID);
  ca_chart_actions_copy (gtk_widget_get_clipboard (widget), dataset, node, kind, NULL,
                         g_settings_get_int (settings, "export-width"),
                         g_settings_get_int (settings, "export-height"),
                         gtk_widget_get_scale_factor (widget));
  if (toasts != NULL)
    adw_toast_overlay_add_toast (toasts, adw_toast_new (_("Chart copied")));
}

/* Print ********************************************************/

GtkPrintOperation *
ca_chart_actions_new_print_operation (CaDataset    *dataset,
                                      const CaNode *node,
                                      CaChartKind   kind)
{
  return GTK_PRINT_OPERATION (ca_print_operation_new (dataset, node, kind, NULL));
}
