/* ca-loader.c: the streaming loader of atlas files
 *
 * libxml2's SAX2 push parser reads the file chunk by chunk, and the
 * callbacks of ca-loader-build.c build the model straight away: no document
 * tree is kept.  This file holds the loader's lifecycle, the problem API
 * the builder reports through, and everything that talks to libxml2.
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
#include <libxml/tree.h>

#include "ca-checks.h"
#include "ca-dataset-private.h"
#include "ca-loader-private.h"
#include "ca-node.h"
#include "ca-prescan.h"

/* Small enough that libxml2's own buffer stays small. */
#define CHUNK_SIZE (64 * 1024)

/* Lifecycle -------------------------------------------------------------- */

CaLoader *
ca_loader_new (const char *display_name,
               GPtrArray  *problems)
{
  CaLoader *self = g_new0 (CaLoader, 1);

  self->display_name = g_strdup (display_name);
  self->problems = problems;
  self->contents = ca_dataset_contents_new ();
  self->refs = g_array_new (FALSE, FALSE, sizeof (CaPendingRef));
  self->cite_refs = g_array_new (FALSE, FALSE, sizeof (CaPendingCite));
  self->text = g_string_sized_new (256);
  self->values = g_string_sized_new (256);
  /* The scanner cannot tell attributes from namespace declarations: it
   * bounds both together, and within_limits () each on its own. */
  ca_prescan_init (&self->scan, CA_LOADER_MAX_ATTRIBUTES + CA_LOADER_MAX_NAMESPACES,
                   CA_LOADER_MAX_TAG_BYTES);
  return self;
}

void
ca_loader_free (CaLoader *self)
{
  ca_loader_build_clear (self);
  if (self->ctxt != NULL)
    {
      /* libxml2 makes a document of its own to hold the entities of an
       * internal subset ("SAX compatibility mode"), and leaves it to us. */
      if (self->ctxt->myDoc != NULL)
        xmlFreeDoc (self->ctxt->myDoc);
      xmlFreeParserCtxt (self->ctxt);
    }
  g_clear_pointer (&self->contents, ca_dataset_contents_free);
  ca_prescan_clear (&self->scan);
  g_array_unref (self->refs);
  g_array_unref (self->cite_refs);
  g_string_free (self->text, TRUE);
  g_string_free (self->values, TRUE);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_clear_pointer (&self->line_head, g_byte_array_unref);
  g_free (self->encoding);
  g_free (self->generic_message);
  g_free (self->display_name);
  g_free (self);
}

/* Problems ---------------------------------------------------------------- */

static void
append_problem (CaLoader   *self,
                guint       line,
                guint       column,
                char       *message)
{
  CaProblem *problem = g_new0 (CaProblem, 1);

  problem->file = g_strdup (self->display_name);
  problem->line = line;
  problem->column = column;
  problem->message = message;
  g_ptr_array_add (self->problems, problem);
}

/* Nothing is added once the load stops: its first problem says why. */
static void
add_problem_at (CaLoader   *self,
                guint       line,
                guint       column,
                const char *message)
{
  if (self->stopped)
    return;
  self->failed = TRUE;
  if (self->problems->len == CA_LOADER_MAX_PROBLEMS)
    {
      /* A 101st: say that there are more, and read no further. */
      append_problem (self, line, column,
                      g_strdup_printf (_("too many problems (%d); stopped reading"),
                                       CA_LOADER_MAX_PROBLEMS));
      ca_loader_stop (self);
      return;
    }
  append_problem (self, line, column, g_strdup (message));
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


/* Values from a file can be long and can hold control characters: a
 * message quotes at most CA_LOADER_MAX_QUOTE characters of one.  The copy
 * lives as long as the loader. */
const char *
ca_loader_quote (CaLoader   *self,
                 const char *value)
{
  char *cut = ca_quote_line (value, CA_LOADER_MAX_QUOTE);

  if (self->quotes == NULL)
    self->quotes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->quotes, cut);
  return cut;
}

/* Never stops libxml2 itself: xmlStopParser () from inside a callback frees
 * the input that the parser, and the callback's own arguments, still point
 * into.  The load stops between chunks instead, and every callback returns
 * at once once this is set. */
void
ca_loader_stop (CaLoader *self)
{
  self->stopped = TRUE;
  self->failed = TRUE;
}

/* Messages for what libxml2 found -------------------------------------- */

/* "0xE9 0x20" out of libxml2's "...Bytes: 0xE9 0x20 0x3C 0x2F", keeping
 * only bytes that the file has. */
static char *
quoted_bytes (const char *text,
              guint       available)
{
  g_auto(GStrv) words = NULL;
  GString *out = g_string_new (NULL);

  if (text == NULL)
    return g_string_free (out, FALSE);
  words = g_strsplit_set (text, " \n", -1);
  for (guint i = 0; words[i] != NULL && available > 0; i++)
    if (g_str_has_prefix (words[i], "0x") && strlen (words[i]) == 4)
      {
        g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
        available--;
      }
  return g_string_free (out, FALSE);
}

/* The offset in the file of the first byte libxml2 could not convert: it
 * converts each chunk as it gets it, so what is left unconverted starts
 * there. */
static guint64
unconverted_offset (CaLoader *self)
{
  xmlParserInputBufferPtr buf;
  guint64 left;

  if (self->ctxt == NULL || self->ctxt->input == NULL || self->ctxt->input->buf == NULL)
    return self->chunk_offset;
  buf = self->ctxt->input->buf;
  left = buf->raw != NULL ? xmlBufUse (buf->raw) : 0;
  return left <= self->fed ? self->fed - left : self->chunk_offset;
}

/* In a multi-byte encoding, the column counts the characters from
 * @line_start to @offset: the bytes of the chunk before that line's part in
 * it were kept (self->line_head), unless the line is long. */
static void
count_characters (CaLoader *self,
                  guint64   line_start,
                  guint64   offset,
                  guint    *column)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *prefix = NULL;

  if (line_start < self->chunk_offset)
    {
      if (self->line_head_offset != line_start)
        return;
      g_byte_array_append (bytes, self->line_head->data, self->line_head->len);
    }
  if (offset > MAX (line_start, self->chunk_offset))
    {
      guint64 from = MAX (line_start, self->chunk_offset);

      g_byte_array_append (bytes, self->chunk + (from - self->chunk_offset),
                           (guint) (offset - from));
    }
  prefix = g_convert ((const char *) bytes->data, (gssize) bytes->len, "UTF-8", self->encoding,
                      NULL, NULL, NULL);
  if (prefix != NULL)
    *column = (guint) g_utf8_strlen (prefix, -1) + 1;
}

/* Keeps the bytes of the chunk's last line, for count_characters () in the
 * next chunk. */
static void
keep_line_head (CaLoader     *self,
                const guchar *data,
                gsize         length)
{
  const guchar *newline = NULL;
  gsize from;

  for (gsize i = length; i > 0 && newline == NULL; i--)
    if (data[i - 1] == '\n')
      newline = data + i - 1;
  from = newline != NULL ? (gsize) (newline - data) + 1 : 0;

  if (self->line_head == NULL)
    self->line_head = g_byte_array_new ();
  if (newline == NULL && self->line_head_offset == self->chunk_offset - self->line_head->len
      && self->line_head->len + length <= 4096)
    {
      g_byte_array_append (self->line_head, data, (guint) length);   /* the line goes on */
      return;
    }
  g_byte_array_set_size (self->line_head, 0);
  self->line_head_offset = G_MAXUINT64;
  if (length - from <= 4096)
    {
      g_byte_array_append (self->line_head, data + from, (guint) (length - from));
      self->line_head_offset = self->chunk_offset + from;
    }
}

/* The line and column of a byte offset in the chunk being parsed. */
static void
position_of_offset (CaLoader *self,
                    guint64   offset,
                    guint    *line,
                    guint    *column)
{
  gsize unit = ca_newlines_unit (&self->newlines);
  guint64 line_start = self->chunk_line_start;
  const guchar *data = self->chunk;
  gsize end;

  *line = self->chunk_line;
  /* A character cut by the chunk's start begins in the chunk before, on
   * the line the chunk starts on. */
  offset = CLAMP (offset, MIN (line_start, self->chunk_offset),
                  self->chunk_offset + self->chunk_length);
  end = offset > self->chunk_offset ? (gsize) (offset - self->chunk_offset) : 0;
  for (gsize i = 0; data != NULL && i + unit <= end; i += unit)
    if (data[i + (self->newlines.encoding == CA_ENCODING_UTF16BE)] == '\n'
        && (unit == 1 || data[i + (self->newlines.encoding != CA_ENCODING_UTF16BE)] == 0))
      {
        (*line)++;
        line_start = self->chunk_offset + i + unit;
      }
  *column = (guint) ((offset - line_start) / unit) + 1;
  if (unit == 1 && self->encoding != NULL && offset > line_start)
    count_characters (self, line_start, offset, column);
}

static const char *
encoding_name (CaLoader *self)
{
  if (self->newlines.encoding == CA_ENCODING_UTF16LE
      || self->newlines.encoding == CA_ENCODING_UTF16BE)
    return "UTF-16";
  return self->encoding != NULL ? self->encoding : "UTF-8";
}

/* Whether every character of the file's encoding is one byte. */
static gboolean
is_single_byte (CaLoader *self)
{
  static const char * const prefixes[] = { "ISO-8859", "WINDOWS-125", "CP125", "LATIN", "KOI8",
                                           "TIS-620", "US-ASCII", "ASCII" };

  for (guint i = 0; self->encoding != NULL && i < G_N_ELEMENTS (prefixes); i++)
    if (g_ascii_strncasecmp (self->encoding, prefixes[i], strlen (prefixes[i])) == 0)
      return TRUE;
  return FALSE;
}

/* libxml2 names the four bytes from the first one it cannot convert, and
 * no position.  The bad sequence is one character: one byte in a
 * single-byte encoding, else (at most) two. */
static void
report_conversion (CaLoader    *self,
                   xmlErrorPtr  error)
{
  guint64 offset = unconverted_offset (self);
  guint64 total = self->chunk_offset + self->chunk_length;
  guint wanted = is_single_byte (self) ? 1 : 2;
  g_autofree char *bytes = quoted_bytes (error->str1 != NULL ? error->str1 : error->message,
                                         (guint) MIN (wanted, total > offset ? total - offset
                                                                             : wanted));
  guint line, column;

  position_of_offset (self, offset, &line, &column);
  if (strchr (bytes, ' ') == NULL)
    ca_loader_problem_at (self, line, column, _("the byte %s is not valid %s"),
                          *bytes != '\0' ? bytes : "?", encoding_name (self));
  else
    ca_loader_problem_at (self, line, column, _("the bytes %s are not valid %s"), bytes,
                          encoding_name (self));
  ca_loader_stop (self);
}

/* What a file that is not XML at all starts with. */
static char *
describe_start (CaLoader *self)
{
  const guchar *data = self->chunk;
  gsize length = data != NULL ? MIN (self->chunk_length, 4096) : 0;
  gsize i = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  gboolean zeros = length > 0;
  g_autofree char *quoted = NULL;
  GString *bytes;

  if (self->seen_element || self->chunk_offset > 0)
    return g_strdup (_("the file has no root element: an atlas file is one <atlas> element"));
  for (gsize j = 0; j < length && zeros; j++)
    zeros = data[j] == 0;
  if (zeros)
    return g_strdup (_("the file holds only zero bytes: it is not an atlas file"));
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i >= length || data[i] == '<' || self->newlines.encoding != CA_ENCODING_BYTES)
    return g_strdup (_("the file has no root element: an atlas file is one <atlas> element"));
  bytes = g_string_new (NULL);
  for (gsize j = i; j < MIN (length, i + 4); j++)
    g_string_append_printf (bytes, "%s0x%02X", j > i ? " " : "", data[j]);
  quoted = g_string_free (bytes, FALSE);
  return g_strdup_printf (_("the file is not XML: it starts with the bytes %s, not with “<”"),
                          quoted);
}

/* libxml2's message, or a plainer one for what people meet most. */
static char *
message_for (CaLoader    *self,
             xmlErrorPtr  error)
{
  const char *text = error->message != NULL ? error->message : "?";

  if (error->code == XML_ERR_DOCUMENT_EMPTY
      || (error->code == XML_ERR_DOCUMENT_END && !self->seen_element))
    return describe_start (self);
  if (error->code == XML_ERR_DOCUMENT_END && self->element_depth > 0)
    return g_strdup (_("the file ends before its elements are closed: it may be cut short"));
  if (self->at_eof && (error->code == XML_ERR_ATTRIBUTE_NOT_FINISHED
                       || error->code == XML_ERR_ATTRIBUTE_NOT_STARTED))
    return g_strdup (_("the file ends inside an attribute value: it may be cut short"));
  if (self->at_eof && (error->code == XML_ERR_COMMENT_NOT_FINISHED
                       || error->code == XML_ERR_PI_NOT_FINISHED
                       || error->code == XML_ERR_CDATA_NOT_FINISHED))
    return g_strdup (_("the file ends inside a comment, CDATA section or processing "
                       "instruction: it may be cut short"));
  if (self->at_eof && (error->code == XML_ERR_GT_REQUIRED
                       || error->code == XML_ERR_ATTRIBUTE_WITHOUT_VALUE
                       || error->code == XML_ERR_TAG_NOT_FINISHED
                       || error->code == XML_ERR_LTSLASH_REQUIRED
                       || error->code == XML_ERR_NAME_REQUIRED
                       || error->code == XML_ERR_TAG_NAME_MISMATCH))
    return g_strdup (_("the file ends inside a tag: it may be cut short"));
  if (strstr (text, "xmlParseCharRef") != NULL)
    return g_strdup (_("a character reference names a character that XML does not allow "
                       "(a control character, U+FFFE or U+FFFF)"));
  if (strstr (text, "Huge input lookup") != NULL)
    return g_strdup_printf (_("a comment, processing instruction or CDATA section is longer "
                              "than %d MB, the most libxml2 reads"), 10);
  if (error->code == XML_ERR_INVALID_CHAR && strstr (text, "Bytes:") != NULL)
    {
      g_autofree char *bytes = quoted_bytes (strstr (text, "Bytes:"), 2);

      return g_strdup_printf (_("the bytes %s are not valid %s"), bytes, encoding_name (self));
    }
  return ca_quote_line (text, 2 * CA_LOADER_MAX_QUOTE);
}

/* Errors from libxml2: the parser's own through the SAX handler, and those
 * of its converters, which name no parser, through the handler that
 * feed_chunk () sets for this thread while it parses. */
static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  CaLoader *self = user_data;
  g_autofree char *message = NULL;

  if (error == NULL || error->level == XML_ERR_WARNING || self->stopped)
    return;
  if (error->domain == XML_FROM_I18N)
    {
      report_conversion (self, error);
      return;
    }
  message = message_for (self, error);
  /* One problem, one line: libxml2 puts details on a second line. */
  g_strdelimit (message, "\r\n", ' ');
  add_problem_at (self, (guint) MAX (0, error->line), (guint) MAX (0, error->int2), message);
  if (error->level == XML_ERR_FATAL)
    ca_loader_stop (self);
}

/* libxml2's unstructured messages never reach standard error: the last one
 * is kept, for a parse that fails without any other message. */
static void
generic_error_cb (void       *user_data,
                  const char *format,
                  ...)
{
  CaLoader *self = user_data;
  va_list args;

  va_start (args, format);
  g_free (self->generic_message);
  self->generic_message = g_strdup_vprintf (format, args);
  va_end (args);
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
cdata_cb (void          *user_data,
          const xmlChar *text,
          int            length)
{
  ca_loader_cdata (user_data, (const char *) text, (gsize) MAX (0, length));
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
                           nb_namespaces, nb_attributes, (const char **) attributes);
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
  sax->cdataBlock = cdata_cb;
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
                            _("an element has more than %d attributes or more than %d "
                              "namespace declarations"),
                            CA_LOADER_MAX_ATTRIBUTES, CA_LOADER_MAX_NAMESPACES);
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

static xmlSAXHandler *
get_sax (void)
{
  static xmlSAXHandler sax;
  static gsize sax_ready;

  if (g_once_init_enter (&sax_ready))
    {
      xmlInitParser ();
      init_sax (&sax);
      g_once_init_leave (&sax_ready, 1);
    }
  return &sax;
}

/* Hands bytes to libxml2 with this loader's error handlers set for the
 * thread (libxml2 keeps them per thread), and the old ones put back. */
static void
parse (CaLoader   *self,
       const char *data,
       gsize       length,
       gboolean    last)
{
  xmlStructuredErrorFunc old_structured = xmlStructuredError;
  void *old_structured_data = xmlStructuredErrorContext;
  xmlGenericErrorFunc old_generic = xmlGenericError;
  void *old_generic_data = xmlGenericErrorContext;
  int status = 0;

  xmlSetStructuredErrorFunc (self, structured_error_cb);
  xmlSetGenericErrorFunc (self, generic_error_cb);
  self->at_eof = last;
  if (self->ctxt == NULL)
    {
      /* libxml2 detects the encoding (a UTF-16 BOM) from the first bytes. */
      int head = (int) MIN (length, 4);

      self->fed += (guint64) head;
      self->ctxt = xmlCreatePushParserCtxt (get_sax (), self, data, head, self->display_name);
      if (self->ctxt != NULL)
        xmlCtxtUseOptions (self->ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
      data += head;
      length -= (gsize) head;
    }
  if (self->ctxt != NULL && !self->stopped)
    {
      self->fed += length;
      status = xmlParseChunk (self->ctxt, data, (int) length, last);
    }
  xmlSetStructuredErrorFunc (old_structured_data, old_structured);
  xmlSetGenericErrorFunc (old_generic_data, old_generic);
  /* Whatever libxml2 gave up on is refused, even if it said nothing. */
  if ((self->ctxt == NULL || status != 0) && !self->failed)
    {
      g_autofree char *said = self->generic_message != NULL
                              ? ca_quote_line (self->generic_message, 2 * CA_LOADER_MAX_QUOTE)
                              : g_strdup (_("the file could not be read as XML"));

      ca_loader_problem_at (self, ca_loader_line (self), ca_loader_column (self), "%s", said);
    }
  if (self->ctxt == NULL || status != 0)
    ca_loader_stop (self);
}

/* libxml2's own US-ASCII reader stops at a byte above 0x7F without an
 * error: the file would seem cut short there. */
static gboolean
check_ascii (CaLoader     *self,
             const guchar *data,
             gsize         length)
{
  guint line, column;

  if (g_ascii_strcasecmp (self->encoding, "US-ASCII") != 0
      && g_ascii_strcasecmp (self->encoding, "ASCII") != 0)
    return TRUE;
  for (gsize i = 0; i < length; i++)
    if (data[i] >= 0x80)
      {
        position_of_offset (self, self->chunk_offset + i, &line, &column);
        ca_loader_problem_at (self, line, column, _("the byte 0x%02X is not valid %s"), data[i],
                              encoding_name (self));
        ca_loader_stop (self);
        return FALSE;
      }
  return TRUE;
}

static gboolean
feed_chunk (CaLoader     *self,
            const guchar *data,
            gsize         length,
            gboolean      last)
{
  self->chunk = data;
  self->chunk_length = length;
  self->chunk_offset = self->fed;
  self->chunk_line = self->scan.line;
  self->chunk_line_start = self->scan.line_start;
  if (length > 0 && !prescan_chunk (self, data, length))
    return FALSE;
  if (self->encoding != NULL && !check_ascii (self, data, length))
    return FALSE;
  if (!self->stopped)
    parse (self, (const char *) data, length, last);
  if (self->encoding != NULL && length > 0)
    keep_line_head (self, data, length);
  self->chunk = NULL;
  return !self->stopped;
}

/* The first bytes decide the encoding; the ones atlas files may not use
 * are refused before libxml2 sees anything. */
static gboolean
check_encoding (CaLoader     *self,
                const guchar *data,
                gsize         length)
{
  g_autofree char *declared = NULL;
  CaEncoding encoding = ca_encoding_sniff (data, length, &declared);

  switch (encoding)
    {
    case CA_ENCODING_UTF32:
      ca_loader_problem_at (self, 1, 1, _("the file is in UTF-32, which atlas files may not "
                                          "use: save it as UTF-8"));
      break;
    case CA_ENCODING_EBCDIC:
      ca_loader_problem_at (self, 1, 1, _("the file is in EBCDIC, which atlas files may not "
                                          "use: save it as UTF-8"));
      break;
    case CA_ENCODING_REFUSED:
      ca_loader_problem_at (self, 1, 1, _("the encoding “%s” is not accepted: save the file as "
                                          "UTF-8 (atlas files may be in UTF-8, UTF-16 or an "
                                          "encoding such as GBK, GB18030, Big5, Shift_JIS, "
                                          "EUC-JP, EUC-KR, ISO-8859-1 or windows-1252)"),
                            ca_loader_quote (self, declared));
      break;
    case CA_ENCODING_MISMATCH:
      ca_loader_problem_at (self, 1, 1, _("the file declares the encoding “%s”, but its first "
                                          "bytes say another: save it as UTF-8"),
                            ca_loader_quote (self, declared));
      break;
    case CA_ENCODING_UNMARKED:
      ca_loader_problem_at (self, 1, 1, _("the file looks like UTF-16 without a byte order "
                                          "mark or an XML declaration: save it with one, or "
                                          "as UTF-8"));
      break;
    case CA_ENCODING_OPEN:
      ca_loader_problem_at (self, 1, 1, _("the XML declaration does not end within the first "
                                          "%d KiB"), CHUNK_SIZE / 1024);
      break;
    case CA_ENCODING_BYTES:
    case CA_ENCODING_UTF16LE:
    case CA_ENCODING_UTF16BE:
    default:
      self->newlines.encoding = encoding;
      if (declared != NULL && encoding == CA_ENCODING_BYTES
          && g_ascii_strcasecmp (declared, "UTF-8") != 0)
        self->encoding = g_steal_pointer (&declared);
      return TRUE;
    }
  ca_loader_stop (self);
  return FALSE;
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

/* Fills @buffer unless the input ends: chunks of whole UTF-16 units. */
static gssize
read_full (CaLoaderReadFunc   read_func,
           gpointer           source,
           guchar            *buffer,
           gsize              size,
           GError           **error)
{
  gsize got = 0;

  while (got < size)
    {
      gssize n = read_func (source, (char *) buffer + got, size - got, error);

      if (n < 0)
        return -1;
      if (n == 0)
        break;
      got += (gsize) n;
    }
  return (gssize) got;
}

/* One chunk, its line ends made plain; @n is 0 at the end of the input. */
static gboolean
feed_read (CaLoader *self,
           guchar   *data,
           gsize     n)
{
  gsize unit = ca_newlines_unit (&self->newlines);
  gsize front = ca_newlines_resume (&self->newlines, data - unit, data, n);
  gsize length = ca_newlines_normalize (&self->newlines, data, n);

  /* Chunks are whole units but for the last: an odd byte there is half a
   * character, which libxml2 would drop without a word. */
  if (unit == 2 && n % 2 != 0)
    {
      if (feed_chunk (self, data - front, front + length - 1, FALSE))
        ca_loader_problem_at (self, ca_loader_line (self), ca_loader_column (self), "%s",
                              _("the file ends in the middle of a UTF-16 character: it may "
                                "be cut short"));
      ca_loader_stop (self);
      return FALSE;
    }
  return feed_chunk (self, data - front, front + length, n == 0);
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
  /* Two bytes in front for a CR held back from the chunk before. */
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE + 2);
  guchar *data = buffer + 2;
  goffset read = 0;

  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      n = read_full (read_func, source, data, CHUNK_SIZE, error);
      if (n < 0)
        return FALSE;
      if (read == 0 && n == 0)
        {
          ca_loader_problem_at (self, 0, 0, _("the file is empty"));
          return TRUE;
        }
      if (read == 0 && !check_encoding (self, data, (gsize) n))
        return TRUE;
      read += n;
      if (!check_size (self, read))
        return TRUE;
      if (!feed_read (self, data, (gsize) n) || n == 0)
        return TRUE;
      if (progress != NULL && total_size > 0)
        progress (MIN (1.0, (double) read / (double) total_size), progress_data);
    }
}

/* The last safety net: libxml2 may end a parse that went wrong without a
 * fatal error, and a tree that is not closed is not the whole file. */
static void
check_complete (CaLoader *self)
{
  if (self->stopped || self->failed)
    return;
  if (!self->seen_element)
    ca_loader_problem_at (self, ca_loader_line (self), 0, "%s",
                          _("the file has no root element: an atlas file is one <atlas> "
                            "element"));
  else if (!self->root_closed)
    ca_loader_problem_at (self, ca_loader_line (self), ca_loader_column (self), "%s",
                          _("the file ends before </atlas>: it may be cut short"));
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const CaProblem *x = *(CaProblem * const *) a, *y = *(CaProblem * const *) b;

  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->column < y->column ? -1 : x->column > y->column;
}

/* In file order, as a person reads them: references are checked once the
 * file has been read, but each names its own line.  The sort is stable, and
 * the line that says reading stopped at the cap stays last. */
static void
sort_problems (CaLoader *self)
{
  guint n = MIN (self->problems->len, CA_LOADER_MAX_PROBLEMS);

  g_qsort_with_data (self->problems->pdata, (gint) n, sizeof (gpointer), compare_problems, NULL);
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
  check_complete (self);
  /* Unresolved references are reported beside the other problems, unless
   * reading stopped early, when they would be noise. */
  if (!self->stopped)
    ca_loader_finish (self);
  /* Refused whole, and never without saying why. */
  if ((self->failed || (self->ctxt != NULL && !self->ctxt->wellFormed)) && problems->len == 0)
    append_problem (self, 0, 0, g_strdup (_("the file is not well-formed XML")));
  sort_problems (self);
  if (self->failed || problems->len > 0)
    {
      g_autofree char *shown = ca_escape_line (display_name);

      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID,
                   _("“%s” is not a valid atlas file"), shown);
      return NULL;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&self->contents);
}
