/* ca-loader.c: the streaming loader of atlas files
 *
 * libxml2's SAX2 push parser reads the file chunk by chunk, and the
 * callbacks of ca-loader-build.c build the model straight away: no document
 * tree is kept.  This file holds the loader's lifecycle, the problem API
 * the builder reports through, and everything that talks to libxml2.
 * Every chunk goes through a cheap scanner first (ca-prescan.c), because
 * some inputs are slow for libxml2 itself.
 *
 * A file of more than one chunk is loaded by three threads in a pipeline:
 * one reads and scans chunks, one parses them, and the calling thread
 * builds the model.  The parser's callbacks write what they receive into
 * blocks of events (ca-loader-queue.c), which the builder reads in order.
 * libxml2 takes about half of a load and the builder most of the rest, so
 * two cores share it (the --check rows of bench/run-all.py).  Whatever the
 * reader or the parser finds wrong travels with the chunks and then in the
 * same blocks, so the builder sees problems in the order one thread would,
 * and only the builder adds problems or stops the load; the others stop
 * when it says so, between chunks.  A file of one chunk takes the same path
 * on the calling thread alone.
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
#include "ca-loader-queue.h"
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
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
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
  g_clear_pointer (&self->queue, ca_loader_queue_free);
  g_clear_error (&self->read_error);
  ca_prescan_clear (&self->scan);
  g_array_unref (self->starts);
  g_clear_pointer (&self->read_chunks, g_async_queue_unref);
  g_clear_pointer (&self->free_chunks, g_async_queue_unref);
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

/* Where the parser was at the event the builder is reading. */
guint
ca_loader_line (CaLoader *self)
{
  return self->event_line;
}

guint
ca_loader_column (CaLoader *self)
{
  return self->event_column;
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
 * into.  The parser stops between chunks instead, once it sees @halt, and
 * the builder reads no further event once this is set. */
void
ca_loader_stop (CaLoader *self)
{
  self->stopped = TRUE;
  self->failed = TRUE;
  g_atomic_int_set (&self->halt, 1);
}

/* Events: what the parser hands the builder ------------------------------ */

typedef enum {
  EVENT_START,
  EVENT_END,
  EVENT_TEXT,
  EVENT_CDATA,
  EVENT_PROBLEM,     /* a problem the parser found */
  EVENT_REFUSED,     /* libxml2 gave up: this message unless one was said */
} CaEventKind;

typedef struct {
  guint32 kind;
  guint32 size;       /* of the whole event, a multiple of 8 */
  guint32 line;       /* where the parser was */
  guint32 column;
} CaEventHead;

typedef struct {
  CaEventHead  head;
  guint32      start_line;   /* of the start tag's '<' */
  guint32      start_column;
  gint32       n_namespaces;
  gint32       n_attributes;
  const char  *localname;    /* interned by libxml2, alive with the parser */
  const char  *uri;
  const char  *attributes[]; /* five per attribute, the values copied after */
} CaStartEvent;

typedef struct {
  CaEventHead head;
  gsize       length;
  char        text[];
} CaTextEvent;

typedef struct {
  CaEventHead head;
  char       *message;      /* the builder frees it */
  gboolean    stop;
} CaProblemEvent;

#define ROUND8(n) (((n) + 7) & ~(gsize) 7)

/* Where libxml2 is, as xmlSAX2GetLineNumber () and
 * xmlSAX2GetColumnNumber () say, without a call for each event. */
static inline guint
parser_line (CaLoader *self)
{
  return self->ctxt != NULL && self->ctxt->input != NULL
         ? (guint) MAX (0, self->ctxt->input->line) : 0;
}

static inline guint
parser_column (CaLoader *self)
{
  return self->ctxt != NULL && self->ctxt->input != NULL
         ? (guint) MAX (0, self->ctxt->input->col) : 0;
}

static gboolean
parser_halted (CaLoader *self)
{
  return self->parse_stopped || g_atomic_int_get (&self->halt);
}

static gpointer
new_event (CaLoader    *self,
           CaEventKind  kind,
           gsize        size,
           guint        line,
           guint        column)
{
  CaEventHead *head;

  size = ROUND8 (size);
  head = ca_loader_queue_reserve (self->queue, size, self->parse_read);
  head->kind = kind;
  head->size = (guint32) size;
  head->line = line;
  head->column = column;
  return head;
}

/* A problem, at @line and @column, taking @message; with @stop the parser
 * reads no further.  Nothing is said once it stopped: its first problem
 * says why. */
static void
emit_problem (CaLoader    *self,
              CaEventKind  kind,
              guint        line,
              guint        column,
              gboolean     stop,
              char        *message)
{
  CaProblemEvent *event;

  if (self->parse_stopped)
    {
      g_free (message);
      return;
    }
  event = new_event (self, kind, sizeof *event, line, column);
  event->message = message;
  event->stop = stop;
  self->parse_stopped |= stop;
}

/* What makes the parser stop, at @line and @column. */
static void G_GNUC_PRINTF (4, 5)
parser_refuse (CaLoader   *self,
               guint       line,
               guint       column,
               const char *format,
               ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  emit_problem (self, EVENT_PROBLEM, line, column, TRUE, message);
}

/* The builder's side: one event. */
static void
dispatch (CaLoader          *self,
          const CaEventHead *head)
{
  const CaStartEvent *start = (const CaStartEvent *) head;
  const CaTextEvent *text = (const CaTextEvent *) head;
  const CaProblemEvent *problem = (const CaProblemEvent *) head;

  self->event_line = head->line;
  self->event_column = head->column;
  switch ((CaEventKind) head->kind)
    {
    case EVENT_START:
      ca_loader_start_element (self, start->start_line, start->start_column, start->localname,
                               start->uri, start->n_namespaces, start->n_attributes,
                               (const char **) start->attributes);
      break;
    case EVENT_END:
      ca_loader_end_element (self);
      break;
    case EVENT_TEXT:
      ca_loader_characters (self, text->text, text->length);
      break;
    case EVENT_CDATA:
      ca_loader_cdata (self, text->text, text->length);
      break;
    case EVENT_REFUSED:
      if (!self->failed)
        add_problem_at (self, head->line, head->column, problem->message);
      ca_loader_stop (self);
      break;
    case EVENT_PROBLEM:
    default:
      add_problem_at (self, head->line, head->column, problem->message);
      if (problem->stop)
        ca_loader_stop (self);
      break;
    }
}

/* Reads one block; once the load stopped, only frees what it holds. */
static void
consume_block (CaLoaderBlock *block,
               gpointer       user_data)
{
  CaLoader *self = user_data;

  for (gsize at = 0; at < block->used;)
    {
      const CaEventHead *head = (const CaEventHead *) (block->data + at);

      if (!self->stopped)
        dispatch (self, head);
      if (head->kind == EVENT_PROBLEM || head->kind == EVENT_REFUSED)
        g_free (((const CaProblemEvent *) head)->message);
      at += head->size;
    }
  if (self->progress != NULL && self->input.total_size > 0)
    self->progress (MIN (1.0, (double) block->read / (double) self->input.total_size),
                    self->progress_data);
  ca_loader_queue_release (self->queue, block);
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

/* The characters of @bytes in the file's encoding, into *@n_chars, and how
 * many bytes they take, into *@used (fewer when @bytes ends inside a
 * character); FALSE if they are not that encoding. */
static gboolean
count_converted (CaLoader     *self,
                 const guchar *bytes,
                 gsize         length,
                 guint64      *n_chars,
                 gsize        *used)
{
  g_autofree char *text = NULL;
  gsize read = 0;

  *n_chars = 0;
  *used = 0;
  if (length == 0)
    return TRUE;
  /* With a place for the bytes read, a character cut at the end is no
   * error: the bytes before it are converted. */
  text = g_convert ((const char *) bytes, (gssize) length, "UTF-8", self->encoding, &read, NULL,
                    NULL);
  if (text == NULL)
    return FALSE;
  *n_chars = (guint64) g_utf8_strlen (text, -1);
  *used = read;
  return TRUE;
}

/* In a multi-byte encoding, the column counts the characters from
 * @line_start to @offset: those of the line before the chunk were counted
 * as it went by (keep_line_head ()). */
static void
count_characters (CaLoader *self,
                  guint64   line_start,
                  guint64   offset,
                  guint    *column)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint64 before = 0, n_chars;
  gsize used;

  if (line_start < self->chunk_offset)
    {
      if (self->line_head == NULL || self->line_head_offset != line_start)
        return;
      before = self->line_head_chars;
      if (self->line_head->len > 0)
        g_byte_array_append (bytes, self->line_head->data, self->line_head->len);
    }
  if (offset > MAX (line_start, self->chunk_offset))
    {
      guint64 from = MAX (line_start, self->chunk_offset);

      g_byte_array_append (bytes, self->chunk + (from - self->chunk_offset),
                           (guint) (offset - from));
    }
  if (count_converted (self, bytes->data, bytes->len, &n_chars, &used))
    *column = (guint) MIN (before + n_chars + 1, G_MAXUINT);
}

/* Counts the characters of the chunk's last line, for count_characters ()
 * in the next chunks: the line may go on through many of them. */
static void
keep_line_head (CaLoader     *self,
                const guchar *data,
                gsize         length)
{
  const guchar *newline = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint64 n_chars;
  gsize from, used;

  for (gsize i = length; i > 0 && newline == NULL; i--)
    if (data[i - 1] == '\n')
      newline = data + i - 1;
  from = newline != NULL ? (gsize) (newline - data) + 1 : 0;

  if (self->line_head == NULL)
    {
      self->line_head = g_byte_array_new ();
      self->line_head_offset = G_MAXUINT64;
    }
  if (newline != NULL || self->line_head_offset == G_MAXUINT64)
    {
      /* A new line starts here (or the file's first one). */
      if (newline == NULL && self->chunk_offset > 0)
        return;   /* the line began where it could not be counted */
      g_byte_array_set_size (self->line_head, 0);
      self->line_head_offset = self->chunk_offset + from;
      self->line_head_chars = 0;
    }
  if (self->line_head->len > 0)
    g_byte_array_append (bytes, self->line_head->data, self->line_head->len);
  if (from < length)
    g_byte_array_append (bytes, data + from, (guint) (length - from));
  g_byte_array_set_size (self->line_head, 0);
  if (!count_converted (self, bytes->data, bytes->len, &n_chars, &used))
    {
      self->line_head_offset = G_MAXUINT64;
      return;
    }
  self->line_head_chars += n_chars;
  if (used < bytes->len)
    g_byte_array_append (self->line_head, bytes->data + used, (guint) (bytes->len - used));
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

static gboolean
is_utf16 (CaLoader *self)
{
  return self->newlines.encoding == CA_ENCODING_UTF16LE
         || self->newlines.encoding == CA_ENCODING_UTF16BE;
}

static const char *
encoding_name (CaLoader *self)
{
  if (is_utf16 (self))
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
    parser_refuse (self, line, column, _("the byte %s is not valid %s"),
                   *bytes != '\0' ? bytes : "?", encoding_name (self));
  else
    parser_refuse (self, line, column, _("the bytes %s are not valid %s"), bytes,
                   encoding_name (self));
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

  if (self->parse_seen_element || self->chunk_offset > 0)
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
  g_autofree char *plain = NULL;

  if (error->code == XML_ERR_DOCUMENT_EMPTY
      || (error->code == XML_ERR_DOCUMENT_END && !self->parse_seen_element))
    return describe_start (self);
  if (error->code == XML_ERR_DOCUMENT_END && self->parse_depth > 0)
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
  /* libxml2's messages end in a line end, which is not part of them. */
  plain = g_strchomp (g_strdup (text));
  return ca_quote_line (plain, 2 * CA_LOADER_MAX_QUOTE);
}

/* Errors from libxml2: the parser's own through the SAX handler, and those
 * of its converters, which name no parser, through the handler that
 * feed_chunk () sets for this thread while it parses. */
static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  CaLoader *self = user_data;
  char *message;

  if (error == NULL || error->level == XML_ERR_WARNING || parser_halted (self))
    return;
  if (error->domain == XML_FROM_I18N)
    {
      report_conversion (self, error);
      return;
    }
  message = message_for (self, error);
  /* One problem, one line: libxml2 puts details on a second line. */
  g_strdelimit (message, "\r\n", ' ');
  emit_problem (self, EVENT_PROBLEM, (guint) MAX (0, error->line), (guint) MAX (0, error->int2),
                error->level == XML_ERR_FATAL, message);
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

  if (parser_halted (self))
    return;
  if (system_id != NULL || external_id != NULL)
    parser_refuse (self, parser_line (self), parser_column (self),
                   _("the DOCTYPE names an external DTD “%s”: a dataset may not load other "
                     "files"),
                   system_id != NULL ? (const char *) system_id : (const char *) external_id);
  else
    parser_refuse (self, parser_line (self), parser_column (self),
                   _("a DOCTYPE is not allowed in a dataset: it could declare entities"));
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

  if (parser_halted (self))
    return;
  parser_refuse (self, parser_line (self), parser_column (self),
                 _("the entity declaration “%s” is not allowed: a dataset may not declare "
                   "entities"), (const char *) name);
}

static xmlEntityPtr
get_entity_cb (void          *user_data,
               const xmlChar *name)
{
  /* Only the five predefined entities exist, and libxml2 resolves those
   * before asking. */
  return NULL;
}

/* The parser reports the end of a start tag; the reader saw where each one
 * began.  Start tags come out in the order the parser meets them. */
static gboolean
take_start (CaLoader *self,
            guint32  *line,
            guint32  *column)
{
  if (self->starts_taken + 2 > self->starts->len)
    return FALSE;
  *line = g_array_index (self->starts, guint, self->starts_taken);
  *column = g_array_index (self->starts, guint, self->starts_taken + 1);
  self->starts_taken += 2;
  return TRUE;
}

/* Those taken are dropped first: a start tag across the chunks' border
 * leaves one behind every time, and the array must not grow with the file. */
static void
add_starts (CaLoader     *self,
            const GArray *starts)
{
  g_array_remove_range (self->starts, 0, self->starts_taken);
  self->starts_taken = 0;
  g_array_append_vals (self->starts, starts->data, starts->len);
}

static void
emit_text (CaLoader      *self,
           CaEventKind    kind,
           const xmlChar *text,
           int            length)
{
  CaTextEvent *event;
  gsize n = (gsize) MAX (0, length);

  if (parser_halted (self))
    return;
  event = new_event (self, kind, sizeof *event + n + 1, parser_line (self), parser_column (self));
  event->length = n;
  memcpy (event->text, text, n);
  event->text[n] = '\0';
}

/* Elements whose text the builder keeps (ca_loader_is_text_name ()), by
 * name whatever the namespace: in any other, white space is indentation,
 * which the builder skips (ca_loader_characters ()), so it is not handed
 * over.  Half of the events of a file are such white space.  libxml2
 * interns names, so the answer is kept by address. */
static gboolean
may_hold_text (CaLoader   *self,
               const char *name)
{
  CaNameCacheEntry *entry = &self->text_cache[(GPOINTER_TO_SIZE (name) >> 3)
                                              % CA_NAME_CACHE_SIZE];

  if (entry->key != name)
    {
      entry->key = name;
      entry->value = ca_loader_is_text_name (name);
    }
  return entry->value;
}

static void
enter_element (CaLoader   *self,
               const char *name)
{
  guint depth = self->parse_depth++;

  if (depth < CA_LOADER_TEXT_LEVELS)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << (depth % 64);

      if (may_hold_text (self, name))
        self->parse_text_levels[depth / 64] |= bit;
      else
        self->parse_text_levels[depth / 64] &= ~bit;
    }
}

/* Whether text here is indentation only, which no element's rules need. */
static gboolean
is_indentation (CaLoader      *self,
                const xmlChar *text,
                int            length)
{
  guint depth = self->parse_depth;

  if (depth == 0 || depth > CA_LOADER_TEXT_LEVELS
      || (self->parse_text_levels[(depth - 1) / 64] >> ((depth - 1) % 64)) & 1)
    return FALSE;
  for (int i = 0; i < length; i++)
    if (text[i] != ' ' && text[i] != '\n' && text[i] != '\t' && text[i] != '\r')
      return FALSE;
  return TRUE;
}

static void
characters_cb (void          *user_data,
               const xmlChar *text,
               int            length)
{
  if (!is_indentation (user_data, text, length))
    emit_text (user_data, EVENT_TEXT, text, length);
}

static void
cdata_cb (void          *user_data,
          const xmlChar *text,
          int            length)
{
  emit_text (user_data, EVENT_CDATA, text, length);
}

/* The attributes come as five pointers each (name, prefix, namespace,
 * value, end of value) with the values in libxml2's input: the names stay
 * (interned), the values are copied after the pointers. */
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
  CaLoader *self = user_data;
  gsize n = (gsize) MAX (0, nb_attributes);
  gsize values = 0;
  CaStartEvent *event;
  char *copy;
  guint line, column;

  if (parser_halted (self))
    return;
  self->parse_seen_element = TRUE;
  enter_element (self, (const char *) localname);
  for (gsize i = 0; i < n; i++)
    values += (gsize) (attributes[5 * i + 4] - attributes[5 * i + 3]) + 1;
  /* Where the start tag begins; libxml2 is now at its end. */
  line = parser_line (self);
  column = parser_column (self);
  event = new_event (self, EVENT_START, sizeof *event + 5 * n * sizeof (char *) + values,
                     line, column);
  if (!take_start (self, &event->start_line, &event->start_column))
    {
      event->start_line = line;
      event->start_column = column;
    }
  event->n_namespaces = nb_namespaces;
  event->n_attributes = nb_attributes;
  event->localname = (const char *) localname;
  event->uri = (const char *) uri;
  copy = (char *) (event->attributes + 5 * n);
  for (gsize i = 0; i < n; i++)
    {
      gsize length = (gsize) (attributes[5 * i + 4] - attributes[5 * i + 3]);

      memcpy (event->attributes + 5 * i, attributes + 5 * i, 3 * sizeof (char *));
      memcpy (copy, attributes[5 * i + 3], length);
      copy[length] = '\0';
      event->attributes[5 * i + 3] = copy;
      event->attributes[5 * i + 4] = copy + length;
      copy += length + 1;
    }
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  CaLoader *self = user_data;

  if (parser_halted (self))
    return;
  self->parse_depth--;
  new_event (self, EVENT_END, sizeof (CaEventHead), parser_line (self), parser_column (self));
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
  if (self->ctxt != NULL && !parser_halted (self))
    {
      self->fed += length;
      status = xmlParseChunk (self->ctxt, data, (int) length, last);
    }
  xmlSetStructuredErrorFunc (old_structured_data, old_structured);
  xmlSetGenericErrorFunc (old_generic_data, old_generic);
  /* Whatever libxml2 gave up on is refused, even if it said nothing. */
  if ((self->ctxt == NULL || status != 0) && !self->parse_stopped)
    emit_problem (self, EVENT_REFUSED, parser_line (self), parser_column (self), TRUE,
                  self->generic_message != NULL
                  ? ca_quote_line (self->generic_message, 2 * CA_LOADER_MAX_QUOTE)
                  : g_strdup (_("the file could not be read as XML")));
  if (self->ctxt == NULL || status != 0)
    self->parse_stopped = TRUE;
}

/* libxml2's own US-ASCII reader stops at a byte above 0x7F without an
 * error: the file would seem cut short there.  Returns how many of the
 * @length bytes come before the first such byte. */
static gsize
ascii_length (CaLoader     *self,
              const guchar *data,
              gsize         length)
{
  if (self->encoding == NULL
      || (g_ascii_strcasecmp (self->encoding, "US-ASCII") != 0
          && g_ascii_strcasecmp (self->encoding, "ASCII") != 0))
    return length;
  for (gsize i = 0; i < length; i++)
    if (data[i] >= 0x80)
      return i;
  return length;
}

/* Reading ------------------------------------------------------------------
 *
 * The reader reads the input chunk by chunk, makes its line ends plain and
 * scans it (ca-prescan.c); the parser then hands each chunk to libxml2.  On
 * a long input the reader has a thread of its own too, a chunk or two
 * ahead.  Whatever the reader refuses travels in the chunk, for the parser
 * to say in its turn. */

/* The first bytes decide the encoding; the ones atlas files may not use
 * are refused before libxml2 sees anything.  Returns why, or NULL. */
static char *
encoding_problem (CaLoader     *self,
                  const guchar *data,
                  gsize         length)
{
  g_autofree char *declared = NULL;
  CaEncoding encoding = ca_encoding_sniff (data, length, &declared);
  g_autofree char *quoted = declared != NULL ? ca_quote_line (declared, CA_LOADER_MAX_QUOTE)
                                             : NULL;

  switch (encoding)
    {
    case CA_ENCODING_UTF32:
      return g_strdup (_("the file is in UTF-32, which atlas files may not use: save it as "
                         "UTF-8"));
    case CA_ENCODING_EBCDIC:
      return g_strdup (_("the file is in EBCDIC, which atlas files may not use: save it as "
                         "UTF-8"));
    case CA_ENCODING_REFUSED:
      return g_strdup_printf (_("the encoding “%s” is not accepted: save the file as UTF-8 "
                                "(atlas files may be in UTF-8, UTF-16 or an encoding such as "
                                "GBK, GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR, ISO-8859-1 or "
                                "windows-1252)"), quoted);
    case CA_ENCODING_MISMATCH:
      return g_strdup_printf (_("the file declares the encoding “%s”, but its first bytes say "
                                "another: save it as UTF-8"), quoted);
    case CA_ENCODING_UNMARKED:
      return g_strdup (_("the file looks like UTF-16 without a byte order mark or an XML "
                         "declaration: save it with one, or as UTF-8"));
    case CA_ENCODING_OPEN:
      if (length < CHUNK_SIZE)
        return g_strdup (_("the file ends inside its XML declaration: it may be cut short"));
      return g_strdup_printf (_("the XML declaration does not end within the first %d KiB"),
                              CHUNK_SIZE / 1024);
    case CA_ENCODING_BYTES:
    case CA_ENCODING_UTF16LE:
    case CA_ENCODING_UTF16BE:
    default:
      self->newlines.encoding = encoding;
      if (declared != NULL && encoding == CA_ENCODING_BYTES
          && g_ascii_strcasecmp (declared, "UTF-8") != 0)
        self->encoding = g_steal_pointer (&declared);
      return NULL;
    }
}

static char *
size_problem (goffset size)
{
  if (size <= CA_LOADER_MAX_FILE_SIZE)
    return NULL;
  return g_strdup_printf (_("the file is larger than the limit of %d MiB"),
                          CA_LOADER_MAX_FILE_SIZE / (1024 * 1024));
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

/* The chunk refuses the input: @problem at line and column @position. */
static gboolean
refuse_chunk (CaChunk *chunk,
              guint    position,
              char    *problem)
{
  chunk->problem = problem;
  chunk->problem_at = position;
  return FALSE;
}

/* One chunk read, its line ends made plain, scanned; FALSE when no chunk
 * comes after it: the input ended, or was refused, or could not be read. */
static gboolean
read_chunk (CaLoader *self,
            CaChunk  *chunk)
{
  guchar *data = chunk->buffer + 2;
  char *problem;
  gssize n;
  gsize unit, front, length;
  guint64 start;

  chunk->length = 0;
  chunk->end_of_input = chunk->odd_unit = chunk->failed = FALSE;
  g_clear_pointer (&chunk->problem, g_free);
  g_array_set_size (chunk->starts, 0);
  chunk->scanned = CA_PRESCAN_OK;
  if (self->bytes_read == 0 && (problem = size_problem (self->input.total_size)) != NULL)
    return refuse_chunk (chunk, 0, problem);
  if (g_cancellable_set_error_if_cancelled (self->input.cancellable, &self->read_error))
    n = -1;
  else
    n = read_full (self->input.read_func, self->input.source, data, CHUNK_SIZE,
                   &self->read_error);
  chunk->failed = n < 0;
  if (chunk->failed)
    return FALSE;
  if (self->bytes_read == 0 && n == 0)
    return refuse_chunk (chunk, 0, g_strdup (_("the file is empty")));
  if (self->bytes_read == 0 && (problem = encoding_problem (self, data, (gsize) n)) != NULL)
    return refuse_chunk (chunk, 1, problem);
  /* In UTF-8 a start tag's column counts characters, as libxml2's do. */
  if (self->bytes_read == 0)
    self->scan.utf8 = ca_newlines_unit (&self->newlines) == 1 && self->encoding == NULL;
  if ((problem = size_problem ((goffset) (self->bytes_read + (guint64) n))) != NULL)
    return refuse_chunk (chunk, 0, problem);
  self->bytes_read += (guint64) n;
  chunk->read = self->bytes_read;
  unit = ca_newlines_unit (&self->newlines);
  front = ca_newlines_resume (&self->newlines, data - unit, data, (gsize) n);
  length = ca_newlines_normalize (&self->newlines, data, (gsize) n);
  chunk->data = data - front;
  chunk->length = front + length;
  /* Chunks are whole units but for the last: an odd byte there is half a
   * character, which libxml2 would drop without a word. */
  chunk->odd_unit = unit == 2 && n % 2 != 0;
  chunk->length -= chunk->odd_unit;
  chunk->end_of_input = n == 0;
  chunk->line = self->scan.line;
  chunk->line_start = self->scan.line_start;
  start = self->scan.n_bytes;
  if (chunk->length > 0)
    chunk->scanned = ca_prescan_feed (&self->scan, chunk->data, chunk->length);
  /* What comes before the tag the scanner refuses is parsed, for the
   * problems there (the scanner knows where tags begin in bytes only). */
  chunk->sound = chunk->length;
  if (chunk->scanned != CA_PRESCAN_OK)
    chunk->sound = unit == 2 || self->scan.tag_start < start
                   ? 0 : (gsize) (self->scan.tag_start - start);
  chunk->tag_line = self->scan.tag_line;
  chunk->tag_column = self->scan.tag_column;
  ca_prescan_move_starts (&self->scan, chunk->starts);
  return n > 0 && !chunk->odd_unit && chunk->scanned == CA_PRESCAN_OK;
}

static CaChunk *
chunk_new (void)
{
  CaChunk *chunk = g_new0 (CaChunk, 1);

  /* Two bytes in front for a CR held back from the chunk before. */
  chunk->buffer = g_malloc (CHUNK_SIZE + 2);
  chunk->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  return chunk;
}

static void
chunk_free (CaChunk *chunk)
{
  g_free (chunk->buffer);
  g_free (chunk->problem);
  g_array_unref (chunk->starts);
  g_free (chunk);
}

/* Parsing ------------------------------------------------------------------ */

/* Refuses what the scanner refused in @chunk; FALSE then. */
static gboolean
scanned_whole (CaLoader      *self,
               const CaChunk *chunk)
{
  switch (chunk->scanned)
    {
    case CA_PRESCAN_OK:
      return TRUE;
    case CA_PRESCAN_TOO_MANY_ATTRIBUTES:
      parser_refuse (self, chunk->tag_line, chunk->tag_column,
                     _("an element has more than %d attributes or more than %d "
                       "namespace declarations"),
                     CA_LOADER_MAX_ATTRIBUTES, CA_LOADER_MAX_NAMESPACES);
      break;
    case CA_PRESCAN_TAG_TOO_LONG:
      parser_refuse (self, chunk->tag_line, chunk->tag_column,
                     _("a start tag is longer than %d bytes"), CA_LOADER_MAX_TAG_BYTES);
      break;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* libxml2 keeps the bytes of a character that a chunk cuts for the next
 * one; after the last chunk they are a character the file does not end,
 * which libxml2 would drop without a word: in UTF-16, the first half of
 * a surrogate pair (D800 to DBFF) with nothing after it. */
static void
check_all_converted (CaLoader *self)
{
  xmlParserInputBufferPtr buf;
  guint line, column;

  if ((self->encoding == NULL && !is_utf16 (self)) || self->ctxt == NULL
      || self->ctxt->input == NULL || (buf = self->ctxt->input->buf) == NULL
      || buf->raw == NULL || xmlBufUse (buf->raw) == 0)
    return;
  if (is_utf16 (self))
    {
      /* The UTF-16 columns are the parser's (as for an odd byte). */
      line = parser_line (self);
      column = parser_column (self);
    }
  else
    position_of_offset (self, unconverted_offset (self), &line, &column);
  parser_refuse (self, line, column,
                 _("the file ends in the middle of a character (%s): it may be cut short"),
                 encoding_name (self));
}

/* Hands one chunk to libxml2, after what the reader found in it. */
static void
parse_chunk (CaLoader      *self,
             const CaChunk *chunk)
{
  gsize sound;

  if (chunk->failed)
    {
      self->parse_stopped = TRUE;
      return;
    }
  if (chunk->problem != NULL)
    {
      emit_problem (self, EVENT_PROBLEM, chunk->problem_at, chunk->problem_at, TRUE,
                    g_strdup (chunk->problem));
      return;
    }
  self->parse_read = chunk->read;
  self->chunk = chunk->data;
  self->chunk_length = chunk->length;
  self->chunk_offset = self->fed;
  self->chunk_line = chunk->line;
  self->chunk_line_start = chunk->line_start;
  add_starts (self, chunk->starts);
  /* What comes before a refused tag or byte is parsed first, for the
   * problems there. */
  sound = ascii_length (self, chunk->data, chunk->sound);
  if ((sound > 0 || sound == chunk->length) && !parser_halted (self))
    parse (self, (const char *) chunk->data, sound,
           chunk->end_of_input && sound == chunk->length);
  if (sound < chunk->sound)
    {
      guint line, column;

      position_of_offset (self, self->chunk_offset + sound, &line, &column);
      parser_refuse (self, line, column, _("the byte 0x%02X is not valid %s"),
                     chunk->data[sound], encoding_name (self));
    }
  else
    scanned_whole (self, chunk);
  if (self->encoding != NULL && chunk->length > 0)
    keep_line_head (self, chunk->data, chunk->length);
  self->chunk = NULL;
  if (chunk->odd_unit)
    parser_refuse (self, parser_line (self), parser_column (self),
                   _("the file ends in the middle of a character (%s): it may be cut short"),
                   "UTF-16");
  else if (chunk->end_of_input)
    check_all_converted (self);
  /* The builder gets the chunk's events at once. */
  ca_loader_queue_flush (self->queue, self->parse_read, FALSE);
}

/* Threads ------------------------------------------------------------------ */

/* Chunks that go round between the reader's thread and the parser's: one
 * read while the other is parsed. */
#define N_CHUNKS 2

static gpointer
reader_thread (gpointer user_data)
{
  CaLoader *self = user_data;
  gboolean more;

  do
    {
      CaChunk *chunk = g_async_queue_pop (self->free_chunks);

      more = read_chunk (self, chunk) && !g_atomic_int_get (&self->reader_halt);
      chunk->last = !more;
      g_async_queue_push (self->read_chunks, chunk);
    }
  while (more);
  return NULL;
}

/* The parser's side of the load: every chunk, until the input ends or the
 * parser or the builder stops. */
static gpointer
parser_thread (gpointer user_data)
{
  CaLoader *self = user_data;
  gboolean threaded = ca_loader_queue_is_threaded (self->queue);
  CaChunk *own = threaded ? NULL : chunk_new ();
  GThread *reader = NULL;
  gboolean last;

  if (threaded)
    {
      self->read_chunks = g_async_queue_new_full ((GDestroyNotify) chunk_free);
      self->free_chunks = g_async_queue_new_full ((GDestroyNotify) chunk_free);
      for (guint i = 0; i < N_CHUNKS; i++)
        g_async_queue_push (self->free_chunks, chunk_new ());
      reader = g_thread_new ("ca-loader-read", reader_thread, self);
    }
  do
    {
      CaChunk *chunk = threaded ? g_async_queue_pop (self->read_chunks) : own;

      if (!threaded)
        chunk->last = !read_chunk (self, chunk);
      last = chunk->last;
      if (!parser_halted (self))
        parse_chunk (self, chunk);
      if (parser_halted (self))
        g_atomic_int_set (&self->reader_halt, 1);
      if (threaded)
        g_async_queue_push (self->free_chunks, chunk);
    }
  /* Once stopped, nothing more is read: the reader's thread sees
   * @reader_halt and sends its last chunk soon. */
  while (!last && (threaded || !parser_halted (self)));
  if (reader != NULL)
    g_thread_join (reader);
  g_clear_pointer (&own, chunk_free);
  self->read_ok = self->read_error == NULL;
  ca_loader_queue_flush (self->queue, self->parse_read, TRUE);
  return NULL;
}

/* Reads, parses and builds: on three threads when there is more than one
 * chunk, the calling thread building. */
static gboolean
parse_and_build (CaLoader *self,
                 GError  **error)
{
  self->queue = ca_loader_queue_new (self->input.total_size > CHUNK_SIZE, consume_block, self);
  if (ca_loader_queue_is_threaded (self->queue))
    {
      GThread *thread = g_thread_new ("ca-loader", parser_thread, self);
      gboolean last;

      do
        {
          CaLoaderBlock *block = ca_loader_queue_pop (self->queue);

          last = block->last;
          consume_block (block, self);
        }
      while (!last);
      g_thread_join (thread);
    }
  else
    parser_thread (self);
  if (self->read_ok)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&self->read_error));
  return FALSE;
}

/* The last safety net: libxml2 may end a parse that went wrong without a
 * fatal error, and a tree that is not closed is not the whole file. */
static void
check_complete (CaLoader *self)
{
  if (self->stopped || self->failed)
    return;
  if (!self->seen_element)
    ca_loader_problem_at (self, parser_line (self), 0, "%s",
                          _("the file has no root element: an atlas file is one <atlas> "
                            "element"));
  else if (!self->root_closed)
    ca_loader_problem_at (self, parser_line (self), parser_column (self), "%s",
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

  self->input = (CaLoaderInput) { read_func, source, total_size, cancellable };
  self->progress = progress;
  self->progress_data = progress_data;
  if (!parse_and_build (self, error))
    {
      sort_problems (self);
      return NULL;
    }
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
