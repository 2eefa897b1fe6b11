/* ca-print-operation.c: printing a node's chart or a comparison's, one
 * page fitted to it, drawn by the same renderer as the exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include <string.h>

#include "ca-chart-actions.h"
#include "ca-export.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-print-operation.h"

struct _CaPrintOperation
{
  GtkPrintOperation  parent_instance;

  CaDataset         *dataset;   /* owns node and compared */
  const CaNode      *node;      /* the node drawn, the first compared */
  CaExportOptions    view;      /* kind, language, comparison */
  const CaNode      *compared[CA_CHART_COMPARE_MAX];
  char              *language;
  char              *title;     /* the chart's, the job's name and the PDF's Title */
  GtkWindow         *parent;    /* weak: where a failure is shown */
  /* run () returned "in progress": "done" reports and drops the operation. */
  gboolean           running;
};

/* Layout units: two panels side by side (the renderer puts three from 960
 * up), each wide enough that a long title ends before the next begins. */
#define PRINT_MIN_WIDTH 940.0

G_DEFINE_FINAL_TYPE (CaPrintOperation, ca_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
ca_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page)
{
  CaPrintOperation *self = CA_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  cairo_surface_t *target = cairo_get_target (cr);

  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = MIN (1.0, width / PRINT_MIN_WIDTH);

  /* Printed to a file (or exported), the page is a PDF: give it its title
   * as an export has it. */
  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF)
    cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_TITLE, self->title);
  /* Laid out as an export at least PRINT_MIN_WIDTH wide, then fitted to
   * the page: on A4 the panels side by side keep apart as they do in a
   * picture, instead of their titles running into each other. */
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  ca_export_draw (self->node, &self->view, cr, width / scale, height / scale);
  cairo_restore (cr);
}

static void
report_result (CaPrintOperation        *self,
               GtkPrintOperationResult  result,
               const GError            *error)
{
  GtkWidget *dialog;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR || error == NULL)
    return;

  g_warning ("Printing failed: %s", error->message);
  dialog = adw_message_dialog_new (self->parent, _("Could not print the chart"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ca_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  CaPrintOperation *self = CA_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;

  /* A run that finished before returning reports through its return. */
  if (!self->running)
    return;

  self->running = FALSE;
  /* GTK 4.8 hands on its error with g_propagate_error (), which is a
   * critical when there is none (a cancel, a print that went well). */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  report_result (self, result, error);
  g_object_unref (self);
}

static void
ca_print_operation_finalize (GObject *object)
{
  CaPrintOperation *self = CA_PRINT_OPERATION (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (ca_print_operation_parent_class)->finalize (object);
}

static void
ca_print_operation_class_init (CaPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = ca_print_operation_finalize;
  operation_class->draw_page = ca_print_operation_draw_page;
  operation_class->done = ca_print_operation_done;
}

static void
ca_print_operation_init (CaPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();

  /* Charts are wider than tall: landscape fits them best.  Points keep the
   * chart's text at the size it has in a PDF export. */
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
}

/* Print to File proposes the name an export of the chart would have
 * (@file_name, its ".pdf" dropped: the dialog adds the format's). */
static void
propose_file_name (CaPrintOperation *self,
                   const char       *file_name)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *base = g_strdup (file_name);

  if (g_str_has_suffix (base, ".pdf"))
    base[strlen (base) - strlen (".pdf")] = '\0';
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, base);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
}

static CaPrintOperation *
print_operation_new (CaDataset             *dataset,
                     const CaNode          *node,
                     const CaExportOptions *view,
                     const char            *title)
{
  CaPrintOperation *self = g_object_new (CA_TYPE_PRINT_OPERATION, NULL);

  self->dataset = g_object_ref (dataset);
  self->node = node;
  self->language = g_strdup (view->language);
  self->view = *view;
  self->view.language = self->language;
  self->title = g_strdup (title);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), self->title);
  return self;
}

CaPrintOperation *
ca_print_operation_new (CaDataset    *dataset,
                        const CaNode *node,
                        CaChartKind   kind,
                        const char   *language)
{
  CaExportOptions view = { .kind = kind, .language = language };
  g_autofree char *title = NULL, *file_name = NULL;
  CaPrintOperation *self;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  /* The chart's own title, "Shanghai — Goals", in the language printed. */
  title = g_strdup_printf (ca_i18n_gettext (language, "%s — %s"),
                           ca_node_get_name (node, ca_i18n_data_language_of (language)),
                           ca_chart_kind_get_label_in (language, kind));
  self = print_operation_new (dataset, node, &view, title);
  file_name = ca_chart_actions_file_name (node, kind, FALSE, "pdf", language);
  propose_file_name (self, file_name);
  return self;
}

CaPrintOperation *
ca_print_operation_new_compare (CaDataset            *dataset,
                                const CaNode * const *nodes,
                                guint                 n_nodes,
                                CaCompareFigures      figures,
                                const char           *language)
{
  CaExportOptions view = {
    .kind = CA_CHART_COMPARE, .language = language, .n_compare = n_nodes,
    .compare_figures = figures,
  };
  g_autofree char *title = NULL, *file_name = NULL;
  CaPrintOperation *self;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (n_nodes >= CA_CHART_COMPARE_MIN && n_nodes <= CA_CHART_COMPARE_MAX, NULL);

  /* As the chart's own title: "Baoshan, Fengxian — Goals compared". */
  title = ca_chart_compare_get_title_in (language, nodes, n_nodes, figures);
  self = print_operation_new (dataset, nodes[0], &view, title);
  memcpy (self->compared, nodes, n_nodes * sizeof nodes[0]);
  self->view.compare = self->compared;
  file_name = ca_chart_actions_compare_file_name (nodes, n_nodes, figures, "pdf", language);
  propose_file_name (self, file_name);
  return self;
}

void
ca_print_operation_run (CaPrintOperation *self,
                        GtkWindow        *parent)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  GtkPrintOperationResult result;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CA_IS_PRINT_OPERATION (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  g_set_weak_pointer (&self->parent, parent);
  gtk_print_operation_set_allow_async (operation, TRUE);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      self->running = TRUE;
      g_object_ref (self);
      return;
    }
  report_result (self, result, error);
}
