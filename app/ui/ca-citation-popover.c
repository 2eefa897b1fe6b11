/* ca-citation-popover.c: the citation of one source, in a popover; for a
 * figure, also what its sources say and the further sources that state it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ca-citation-popover.h"
#include "ca-cite.h"
#include "ca-hash.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-label.h"
#include "ca-node.h"

struct _CaCitationPopover
{
  GtkPopover      parent_instance;

  const CaSource *source;
  const CaNode   *node;     /* and the figure shown, or NULL for a source alone */
  const CaFigure *figure;

  GtkLabel       *publisher_label;
  GtkLabel       *other_names_label;
  GtkLabel       *title_label;
  GtkLabel       *date_label;
  GtkBox         *words_box;
  GtkButton      *copy_button;
  GtkLinkButton  *link_button;
  GtkLinkButton  *archive_button;
  GtkBox         *sources_box;
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

/* GTK 4.8 gives a popover's content a little less width than the width it
 * measured the content's height at (329 px measured, 317 given, with a
 * compositor): wrapped Chinese text, which breaks at any character, then
 * takes a line more than measured, and the last row (Copy Citation, Open in
 * Browser) was cut off.  The height is asked for at a width with room for
 * that difference. */
#define ALLOCATION_SLACK 24

static void
ca_citation_popover_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size > ALLOCATION_SLACK)
    for_size -= ALLOCATION_SLACK;
  GTK_WIDGET_CLASS (ca_citation_popover_parent_class)->measure (widget, orientation, for_size,
                                                               minimum, natural,
                                                               minimum_baseline,
                                                               natural_baseline);
}

static void
ca_citation_popover_class_init (CaCitationPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = ca_citation_popover_measure;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/clusteratlas/ClusterAtlas/"
                                               "ca-citation-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, publisher_label);
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, other_names_label);
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, title_label);
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, date_label);
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, words_box);
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, link_button);
  gtk_widget_class_install_action (widget_class, "citation.copy-as", "s", copy_as_cb);
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, archive_button);
  gtk_widget_class_bind_template_child (widget_class, CaCitationPopover, sources_box);
}

static void
ca_citation_popover_init (CaCitationPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->copy_button, "clicked",
                           G_CALLBACK (copy_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_button, "activate-link",
                           G_CALLBACK (activate_link_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->archive_button, "activate-link",
                           G_CALLBACK (activate_link_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ca_citation_popover_new (const CaSource *source)
{
  CaCitationPopover *self = g_object_new (CA_TYPE_CITATION_POPOVER, NULL);

  ca_citation_popover_set_source (self, source);
  return GTK_WIDGET (self);
}

GtkWidget *
ca_citation_popover_new_for_figure (const CaNode   *node,
                                    const CaFigure *figure)
{
  CaCitationPopover *self = g_object_new (CA_TYPE_CITATION_POPOVER, NULL);

  ca_citation_popover_set_figure (self, node, figure);
  return GTK_WIDGET (self);
}

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
  gtk_widget_set_visible (GTK_WIDGET (box), FALSE);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = ca_label_new_wrapped (text, css_class);

  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  return label;
}

static void
append (GtkBox    *box,
        GtkWidget *child)
{
  gtk_box_append (box, child);
  gtk_widget_set_visible (GTK_WIDGET (box), TRUE);
}

/* The text of @label is in @tag's language (none: the interface's): Pango
 * picks its fonts and line breaks by it (Chinese glyphs, not Japanese
 * ones). */
static void
set_language (GtkLabel   *label,
              const char *tag)
{
  PangoAttrList *attrs;

  if (tag == NULL)
    {
      gtk_label_set_attributes (label, NULL);
      return;
    }
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (tag)));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

static GtkWidget *
new_text_in (const char *text,
             const char *tag,
             const char *css_class)
{
  GtkWidget *label = new_label (text, css_class);

  set_language (GTK_LABEL (label), tag);
  return label;
}

/* Each quote in its language, in quotation marks; its accessible name says
 * which language it is in. */
static void
append_quotes (GtkBox       *box,
               const CaText *quotes)
{
  CaTextIter iter;

  ca_text_iter_init (&iter, quotes);
  while (ca_text_iter_next (&iter))
    {
      g_autofree char *quoted = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *label;

      /* Translators: a source's own words in the citation popover */
      quoted = g_strdup_printf (C_("quote", "“%s”"), iter.text);
      label = new_text_in (quoted, iter.lang, "ca-quote");
      /* Translators: the accessible name of a quote: its language, then the
       * quote, "Quote in Chinese: 到2030年……" */
      accessible = g_strdup_printf (C_("quote", "Quote in %s: %s"),
                                    ca_format_language_name (NULL, iter.lang), iter.text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      append (box, label);
    }
}

static void
append_note (GtkBox       *box,
             const CaText *notes)
{
  CaTextIter iter;
  const char *note = ca_text_lookup (notes, ca_i18n_get_data_language ());
  const char *lang = NULL;
  g_autofree char *text = NULL;

  if (note == NULL)
    return;
  ca_text_iter_init (&iter, notes);
  while (lang == NULL && ca_text_iter_next (&iter))
    if (iter.text == note)
      lang = iter.lang;
  /* Translators: an editor's note on what a figure rests on, in the
   * citation popover */
  text = g_strdup_printf (C_("citation", "Note: %s"), note);
  append (box, new_text_in (text, lang, "ca-figure-note"));
}

/* The source's names in the other languages, each once. */
static char *
other_publisher_names (const CaSource *source,
                       const char     *shown)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (ca_str_hash, g_str_equal);
  CaTextIter iter;

  g_hash_table_add (seen, (gpointer) shown);
  if (g_hash_table_add (seen, (gpointer) source->publisher))
    g_string_append (out, source->publisher);
  ca_text_iter_init (&iter, &source->publishers);
  while (ca_text_iter_next (&iter))
    if (g_hash_table_add (seen, (gpointer) iter.text))
      g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", iter.text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
set_link (GtkLinkButton *button,
          const char    *uri)
{
  gboolean has = uri != NULL && *uri != '\0';

  gtk_link_button_set_uri (button, has ? uri : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), has ? uri : NULL);
  gtk_widget_set_visible (GTK_WIDGET (button), has);
}

static void
show_source (CaCitationPopover *self,
             const CaSource    *source)
{
  const char *lang = ca_i18n_get_data_language ();
  const char *publisher = ca_source_get_publisher (source, lang, NULL);
  const char *title_lang = NULL;
  const char *title = ca_source_get_title (source, lang, &title_lang);
  g_autofree char *others = other_publisher_names (source, publisher);
  g_autofree char *date = ca_format_date (NULL, &source->published);

  gtk_label_set_text (self->publisher_label, publisher);
  gtk_label_set_text (self->other_names_label, others);
  gtk_widget_set_visible (GTK_WIDGET (self->other_names_label), *others != '\0');
  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL);
  set_language (self->title_label, title_lang);
  gtk_label_set_text (self->date_label, date);
  set_link (self->link_button, source->href);
  set_link (self->archive_button, source->archived);
}

static GtkWidget *
new_link (CaCitationPopover *self,
          const char        *label,
          const char        *uri)
{
  GtkWidget *button = gtk_link_button_new_with_label (uri, label);

  gtk_button_set_use_underline (GTK_BUTTON (button), TRUE);
  gtk_widget_set_tooltip_text (button, uri);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_object (button, "activate-link", G_CALLBACK (activate_link_cb), self,
                           G_CONNECT_SWAPPED);
  return button;
}

/* A further source: its publisher and title as above, its date, its own
 * quotes and its two addresses. */
static void
append_cited (CaCitationPopover    *self,
              const CaFigureSource *cited)
{
  const CaSource *source = cited->source;
  const char *lang = ca_i18n_get_data_language ();
  const char *title_lang = NULL;
  const char *title = ca_source_get_title (source, lang, &title_lang);
  g_autofree char *date = ca_format_date (NULL, &source->published);
  GtkWidget *links;
  GtkWidget *publisher = new_label (ca_source_get_publisher (source, lang, NULL), "heading");

  gtk_widget_set_margin_top (publisher, 6);
  append (self->sources_box, publisher);
  if (title != NULL)
    append (self->sources_box, new_text_in (title, title_lang, NULL));
  append (self->sources_box, new_label (date, "dim-label"));
  append_quotes (self->sources_box, &cited->quotes);
  if (source->href == NULL && source->archived == NULL)
    return;
  links = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  if (source->href != NULL)
    gtk_box_append (GTK_BOX (links), new_link (self, _("_Open in Browser"), source->href));
  if (source->archived != NULL)
    gtk_box_append (GTK_BOX (links), new_link (self, _("_Archived Copy"), source->archived));
  append (self->sources_box, links);
}

static void
show_figure (CaCitationPopover *self)
{
  CaText quotes = ca_node_get_figure_quotes (self->node, self->figure);
  CaText notes = ca_node_get_figure_notes (self->node, self->figure);
  guint n_sources = ca_node_get_figure_n_sources (self->node, self->figure);

  append_quotes (self->words_box, &quotes);
  append_note (self->words_box, &notes);
  for (guint i = 1; i < n_sources; i++)
    {
      CaFigureSource cited = ca_node_get_figure_source (self->node, self->figure, i);

      if (i == 1)
        {
          /* Translators: heading of the further sources of a figure in
           * its citation popover */
          GtkWidget *heading = new_label (C_("citation", "Also stated by"), "caption-heading");

          gtk_widget_add_css_class (heading, "dim-label");
          gtk_widget_set_margin_top (heading, 6);
          append (self->sources_box, heading);
        }
      append_cited (self, &cited);
    }
}

void
ca_citation_popover_set_source (CaCitationPopover *self,
                                const CaSource    *source)
{
  g_return_if_fail (CA_IS_CITATION_POPOVER (self));

  self->source = source;
  self->node = NULL;
  self->figure = NULL;
  remove_children (self->words_box);
  remove_children (self->sources_box);
  if (source != NULL)
    show_source (self, source);
}

void
ca_citation_popover_set_figure (CaCitationPopover *self,
                                const CaNode      *node,
                                const CaFigure    *figure)
{
  g_return_if_fail (CA_IS_CITATION_POPOVER (self));
  g_return_if_fail (node != NULL && figure != NULL);

  ca_citation_popover_set_source (self, figure->source);
  self->node = node;
  self->figure = figure;
  show_figure (self);
}

const CaSource *
ca_citation_popover_get_source (CaCitationPopover *self)
{
  g_return_val_if_fail (CA_IS_CITATION_POPOVER (self), NULL);

  return self->source;
}
