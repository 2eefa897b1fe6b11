/* ca-citation-popover.c: the citation of one source, in a popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ca-citation-popover.h"
#include "ca-cite.h"
#include "ca-format.h"
#include "ca-i18n.h"

struct _CaCitationPopover
{
  GtkPopover      parent_instance;

  const CaSource *source;

  GtkLabel       *publisher_label;
  GtkLabel       *title_label;
  GtkLabel       *date_label;
  GtkButton      *copy_button;
  GtkLinkButton  *link_button;
};

G_DEFINE_FINAL_TYPE (CaCitationPopover, ca_citation_popover, GTK_TYPE_POPOVER)

static void
copy_clicked_cb (CaCitationPopover *self,
                 GtkButton         *button)
{
  g_autofree char *citation = NULL;

  if (self->source == NULL)
    return;

  citation = ca_format_citation (NULL, self->source);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), citation);
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Copy as *****************************************************************/

/* The formats of the "Copy as" menu: the action's target, and the type a
 * reference manager looks for on the clipboard beside the text. */
static const struct {
  const char   *target;
  CaCiteFormat  format;
  const char   *mime_type;
} copy_formats[] = {
  { "bibtex", CA_CITE_BIBTEX, "application/x-bibtex" },
  { "ris", CA_CITE_RIS, "application/x-research-info-systems" },
  { "csl-json", CA_CITE_CSL_JSON, "application/vnd.citationstyles.csl+json" },
};

/* The citation in @format on the clipboard, as text and as its own type. */
static void
copy_as (CaCitationPopover *self,
         guint              index)
{
  const CaSource *sources[] = { self->source };
  g_autofree char *text = ca_cite_format_sources (copy_formats[index].format, sources, 1, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  GdkContentProvider *providers[] = {
    gdk_content_provider_new_typed (G_TYPE_STRING, text),
    gdk_content_provider_new_for_bytes (copy_formats[index].mime_type, bytes),
  };
  g_autoptr(GdkContentProvider) union_provider = NULL;

  union_provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), union_provider);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
copy_as_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CaCitationPopover *self = CA_CITATION_POPOVER (widget);
  const char *target = g_variant_get_string (parameter, NULL);

  if (self->source == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (copy_formats); i++)
    if (g_str_equal (target, copy_formats[i].target))
      copy_as (self, i);
}

/* Opening the address may fail (no browser, no portal) long after the
 * popover closed: the failure is told where the popover was, with the
 * address to copy instead. */
typedef struct {
  GWeakRef  anchor;   /* the widget the popover pointed at */
  char     *uri;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_weak_ref_clear (&job->anchor);
  g_free (job->uri);
  g_free (job);
}

static void
free_closure_data (gpointer  data,
                   GClosure *closure)
{
  g_free (data);
}

static void
copy_address_cb (AdwToast   *toast,
                 const char *uri)
{
  GtkWidget *overlay = g_object_get_data (G_OBJECT (toast), "ca-overlay");

  if (overlay != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (overlay), uri);
}

static void
copy_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  const char       *uri)
{
  if (g_strcmp0 (response, "copy") == 0)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), uri);
}

/* A toast in the window's overlay, or a dialog where there is none. */
static void
report_open_failure (GtkWidget  *anchor,
                     const char *uri)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (anchor, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (anchor);
  GtkWidget *dialog;

  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Could not open a web browser"));

      adw_toast_set_button_label (toast, _("Copy Address"));
      adw_toast_set_timeout (toast, 10);
      g_object_set_data (G_OBJECT (toast), "ca-overlay", overlay);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (copy_address_cb),
                             g_strdup (uri), free_closure_data, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Could not open a web browser"), uri);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"), "copy", _("_Copy Address"), NULL);
  g_signal_connect_data (dialog, "response", G_CALLBACK (copy_response_cb),
                         g_strdup (uri), free_closure_data, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_uri_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  OpenJob *job = data;
  g_autoptr(GtkWidget) anchor = g_weak_ref_get (&job->anchor);
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_message ("Could not open %s: %s", job->uri, error->message);
      if (anchor != NULL && gtk_widget_get_root (anchor) != NULL)
        report_open_failure (anchor, job->uri);
    }
  open_job_free (job);
}

/* Opens the address ourselves so the popover closes and the browser is
 * started for the window the user is in. */
static gboolean
activate_link_cb (CaCitationPopover *self,
                  GtkLinkButton     *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *anchor = gtk_widget_get_parent (GTK_WIDGET (self));
  const char *uri = gtk_link_button_get_uri (button);
  OpenJob *job;

  if (uri == NULL || *uri == '\0')
    return TRUE;

  job = g_new0 (OpenJob, 1);
  g_weak_ref_init (&job->anchor, anchor != NULL ? anchor : GTK_WIDGET (self));
  job->uri = g_strdup (uri);
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     NULL, show_uri_done_cb, job);
  gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}

static void
ca_citation_popover_class_init (CaCitationPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/clusteratlas/ClusterAtlas/"
                                               "ca-citation-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, publisher_label);
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, title_label);
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, date_label);
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, link_button);
  gtk_widget_class_install_action (widget_class, "citation.copy-as", "s", copy_as_cb);
}

static void
ca_citation_popover_init (CaCitationPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->copy_button, "clicked",
                           G_CALLBACK (copy_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_button, "activate-link",
                           G_CALLBACK (activate_link_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ca_citation_popover_new (const CaSource *source)
{
  CaCitationPopover *self = g_object_new (CA_TYPE_CITATION_POPOVER, NULL);

  ca_citation_popover_set_source (self, source);
  return GTK_WIDGET (self);
}

void
ca_citation_popover_set_source (CaCitationPopover *self,
                                const CaSource    *source)
{
  g_autofree char *date = NULL;
  const char *title = NULL;
  gboolean has_href;

  g_return_if_fail (CA_IS_CITATION_POPOVER (self));

  self->source = source;
  if (source == NULL)
    return;

  date = ca_format_date (NULL, &source->published);
  title = ca_text_lookup (&source->titles, ca_i18n_get_data_language ());
  has_href = source->href != NULL && *source->href != '\0';

  gtk_label_set_text (self->publisher_label, source->publisher);
  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL);
  gtk_label_set_text (self->date_label, date);
  gtk_link_button_set_uri (self->link_button, has_href ? source->href : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button), has_href ? source->href : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->link_button), has_href);
}

const CaSource *
ca_citation_popover_get_source (CaCitationPopover *self)
{
  g_return_val_if_fail (CA_IS_CITATION_POPOVER (self), NULL);

  return self->source;
}
