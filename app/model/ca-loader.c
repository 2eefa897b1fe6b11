/* ca-loader.c: the streaming loader of atlas files
 *
 * libxml2's SAX2 push parser reads the file chunk by chunk, and the
 * callbacks below build the model straight away: no document tree is kept.
 * Every chunk goes through a cheap scanner first (ca-prescan.c), because
 * some inputs are slow for libxml2 itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "ca-checks.h"
#include "ca-dataset-private.h"
#include "ca-loader-private.h"
#include "ca-prescan.h"

/* Small enough that libxml2's own buffer stays small. */
#define CHUNK_SIZE (64 * 1024)

static void
add_problem_at (CaLoader   *self,
                guint       line,
                guint       column,
                const char *message)
{
  CaProblem *problem;

  if (self->problems->len >= CA_LOADER_MAX_PROBLEMS)
    {
      ca_loader_stop (self);
      return;
    }
  problem = g_new0 (CaProblem, 1);
  problem->file = g_strdup (self->display_name);
  problem->line = line;
  problem->column = column;
  problem->message = g_strdup (message);
  g_ptr_array_add (self->problems, problem);
  self->failed = TRUE;
  if (self->problems->len == CA_LOADER_MAX_PROBLEMS)
    {
      problem = g_new0 (CaProblem, 1);
      problem->file = g_strdup (self->display_name);
      problem->line = line;
      problem->column = column;
      problem->message = g_strdup_printf (_("too many problems (%d); stopped reading"),
                                          CA_LOADER_MAX_PROBLEMS);
      g_ptr_array_add (self->problems, problem);
      ca_loader_stop (self);
    }
}

void
ca_loader_problem_at (CaLoader   *self,
                      guint       line,
                      guint       column,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem_at (self, line, column, message);
}

void
ca_loader_problem (CaLoader   *self,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem_at (self, ca_loader_line (self), ca_loader_column (self), message);
}

guint
ca_loader_line (CaLoader *self)
{
  return self->ctxt != NULL ? (guint) MAX (0, xmlSAX2GetLineNumber (self->ctxt)) : 0;
}

guint
ca_loader_column (CaLoader *self)
{
  return self->ctxt != NULL ? (guint) MAX (0, xmlSAX2GetColumnNumber (self->ctxt)) : 0;
}

void
ca_loader_stop (CaLoader *self)
{
  self->stopped = TRUE;
  self->failed = TRUE;
  if (self->ctxt != NULL)
    xmlStopParser (self->ctxt);
}

/* Well-formedness errors from libxml2; its fatal errors end the parse. */
static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  CaLoader *self = user_data;
  g_autofree char *message = NULL;

  if (error == NULL || error->level == XML_ERR_WARNING || self->stopped)
    return;
  if (error->code == XML_ERR_DOCUMENT_END && self->element_depth > 0)
    message = g_strdup (_("the file ends before its elements are closed: it may be cut short"));
  else  /* libxml2 quotes the input, which may be broken UTF-8 */
    message = g_strchomp (g_utf8_make_valid (error->message != NULL ? error->message : "?", -1));
  /* One problem, one line: libxml2 puts details on a second line. */
  g_strdelimit (message, "\r\n", ' ');
  add_problem_at (self, (guint) MAX (0, error->line), (guint) MAX (0, error->int2), message);
  if (error->level == XML_ERR_FATAL)
    ca_loader_stop (self);
}

static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  CaLoader *self = user_data;

  if (self->stopped)
    return;
  if (system_id != NULL || external_id != NULL)
    ca_loader_problem (self, _("the DOCTYPE names an external DTD “%s”: a dataset may not "
                               "load other files"),
                       system_id != NULL ? (const char *) system_id : (const char *) external_id);
  else
    ca_loader_problem (self, _("a DOCTYPE is not allowed in a dataset: it could declare "
                               "entities"));
  ca_loader_stop (self);
}

static void
external_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  internal_subset_cb (user_data, name, external_id, system_id);
}

static void
entity_decl_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  CaLoader *self = user_data;

  if (self->stopped)
    return;
  ca_loader_problem (self, _("the entity declaration “%s” is not allowed: a dataset may not "
                             "declare entities"), (const char *) name);
  ca_loader_stop (self);
}

static xmlEntityPtr
get_entity_cb (void          *user_data,
               const xmlChar *name)
{
  /* Only the five predefined entities exist, and libxml2 resolves those
   * before asking. */
  return NULL;
}

static void
characters_cb (void          *user_data,
               const xmlChar *text,
               int            length)
{
  ca_loader_characters (user_data, (const char *) text, (gsize) MAX (0, length));
}

static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  ca_loader_start_element (user_data, (const char *) localname, (const char *) uri,
                           nb_attributes, (const char **) attributes);
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  ca_loader_end_element (user_data);
}

static void
init_sax (xmlSAXHandler *sax)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = start_element_cb;
  sax->endElementNs = end_element_cb;
  sax->characters = characters_cb;
  sax->ignorableWhitespace = characters_cb;
  sax->cdataBlock = characters_cb;
  sax->internalSubset = internal_subset_cb;
  sax->externalSubset = external_subset_cb;
  sax->entityDecl = entity_decl_cb;
  sax->getEntity = get_entity_cb;
  sax->serror = structured_error_cb;
}

static gboolean
prescan_chunk (CaLoader     *self,
               const guchar *data,
               gsize         length)
{
  switch (ca_prescan_feed (&self->scan, data, length))
    {
    case CA_PRESCAN_OK:
      return TRUE;
    case CA_PRESCAN_TOO_MANY_ATTRIBUTES:
      ca_loader_problem_at (self, self->scan.tag_line, self->scan.tag_column,
                            _("an element has more than %d attributes"),
                            CA_LOADER_MAX_ATTRIBUTES);
      break;
    case CA_PRESCAN_TAG_TOO_LONG:
      ca_loader_problem_at (self, self->scan.tag_line, self->scan.tag_column,
                            _("a start tag is longer than %d bytes"),
                            CA_LOADER_MAX_TAG_BYTES);
      break;
    default:
      g_assert_not_reached ();
    }
  ca_loader_stop (self);
  return FALSE;
}

static gboolean
feed_chunk (CaLoader   *self,
            const char *data,
            gsize       length,
            gboolean    last)
{
  static xmlSAXHandler sax;
  static gsize sax_ready;

  if (g_once_init_enter (&sax_ready))
    {
      xmlInitParser ();
      init_sax (&sax);
      g_once_init_leave (&sax_ready, 1);
    }
  if (length > 0 && !prescan_chunk (self, (const guchar *) data, length))
    return FALSE;
  if (self->ctxt == NULL)
    {
      /* libxml2 detects the encoding (a UTF-16 BOM) from the first bytes. */
      int head = (int) MIN (length, 4);

      self->ctxt = xmlCreatePushParserCtxt (&sax, self, data, head, self->display_name);
      if (self->ctxt == NULL)
        return FALSE;
      xmlCtxtUseOptions (self->ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
      data += head;
      length -= (gsize) head;
    }
  if (!self->stopped)
    xmlParseChunk (self->ctxt, data, (int) length, last);
  return !self->stopped;
}

static gboolean
check_size (CaLoader *self,
            goffset   size)
{
  if (size <= CA_LOADER_MAX_FILE_SIZE)
    return TRUE;
  ca_loader_problem_at (self, 0, 0,
                        _("the file is larger than the limit of %d MiB"),
                        CA_LOADER_MAX_FILE_SIZE / (1024 * 1024));
  ca_loader_stop (self);
  return FALSE;
}

static gboolean
read_all (CaLoader          *self,
          CaLoaderReadFunc   read_func,
          gpointer           source,
          goffset            total_size,
          GCancellable      *cancellable,
          CaLoadProgressFunc progress,
          gpointer           progress_data,
          GError           **error)
{
  g_autofree char *buffer = g_malloc (CHUNK_SIZE);
  goffset fed = 0;

  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      n = read_func (source, buffer, CHUNK_SIZE, error);
      if (n < 0)
        return FALSE;
      fed += n;
      if (!check_size (self, fed))
        return TRUE;
      if (n == 0 && fed == 0)
        {
          ca_loader_problem_at (self, 0, 0, _("the file is empty"));
          return TRUE;
        }
      if (!feed_chunk (self, buffer, (gsize) n, n == 0) || n == 0)
        return TRUE;
      if (progress != NULL && total_size > 0)
        progress (MIN (1.0, (double) fed / (double) total_size), progress_data);
    }
}

CaDatasetContents *
ca_loader_run (const char        *display_name,
               CaLoaderReadFunc   read_func,
               gpointer           source,
               goffset            total_size,
               GCancellable      *cancellable,
               CaLoadProgressFunc progress,
               gpointer           progress_data,
               GPtrArray         *problems,
               GError           **error)
{
  g_autoptr(CaLoader) self = ca_loader_new (display_name, problems);
  gboolean ok;

  if (!check_size (self, total_size))
    ok = TRUE;
  else
    ok = read_all (self, read_func, source, total_size, cancellable,
                   progress, progress_data, error);
  if (!ok)
    return NULL;
  /* Unresolved references are reported beside the other problems, unless
   * reading stopped early, when they would be noise. */
  if (!self->stopped)
    ca_loader_finish (self);
  if (self->ctxt != NULL && !self->ctxt->wellFormed && problems->len == 0)
    ca_loader_problem_at (self, 0, 0, _("the file is not well-formed XML"));
  if (self->failed || problems->len > 0)
    {
      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID,
                   _("“%s” is not a valid atlas file"), display_name);
      return NULL;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&self->contents);
}
