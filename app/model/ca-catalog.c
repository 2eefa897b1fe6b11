/* ca-catalog.c: a compiled message catalogue (GNU .mo), read by us
 *
 * The format is a header of 32-bit words (magic, revision, count, offsets
 * of the original and translation tables), then two tables of (length,
 * offset) pairs that point at NUL-terminated strings.  A message with a
 * context is "context\004msgid"; one with plurals is "singular\0plural",
 * translated as the forms one after another, each ending in NUL.  See
 * "The Format of GNU MO Files" in the gettext manual.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "ca-catalog.h"

#define MO_MAGIC         0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u
#define MO_HEADER_SIZE   28

typedef struct {
  const char *text;    /* into the file's bytes */
  gsize       length;  /* all forms, with the NULs between them */
} Entry;

struct _CaCatalog {
  GBytes     *bytes;
  GHashTable *entries;   /* msgid (into bytes) -> Entry */
  Entry      *storage;
  char       *plural;    /* the Plural-Forms expression */
  gulong      n_plurals;
};

static guint32
read_word (const guint8 *data,
           gsize         offset,
           gboolean      swapped)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The string of table @table's entry @i, checked to lie in the file and end
 * in NUL; NULL when it does not. */
static const char *
read_string (const guint8 *data,
             gsize         size,
             guint32       table,
             guint32       i,
             gboolean      swapped,
             gsize        *length)
{
  guint64 at = (guint64) table + (guint64) i * 8;
  guint32 len, offset;

  if (at + 8 > size)
    return NULL;
  len = read_word (data, at, swapped);
  offset = read_word (data, at + 4, swapped);
  if ((guint64) offset + len >= size || data[(gsize) offset + len] != '\0')
    return NULL;
  *length = len;
  return (const char *) data + offset;
}

/* Plural-Forms expressions ------------------------------------------------ */

/* The C subset gettext accepts: n, numbers, ! * / % + - < > <= >= == !=
 * && || ?: and parentheses.  Evaluated as it is parsed: the expressions are
 * a few dozen characters and asked for seldom. */
typedef struct {
  const char *p;
  gulong      n;
  gboolean    failed;
} Parser;

static gulong parse_conditional (Parser *parser);

static void
skip_blanks (Parser *parser)
{
  while (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n')
    parser->p++;
}

static gboolean
accept (Parser     *parser,
        const char *token)
{
  gsize len = strlen (token);

  skip_blanks (parser);
  if (strncmp (parser->p, token, len) != 0)
    return FALSE;
  /* "<" must not take the first half of "<=", nor "!" of "!=". */
  if (len == 1 && strchr ("<>!=", token[0]) != NULL && parser->p[1] == '=')
    return FALSE;
  parser->p += len;
  return TRUE;
}

static gulong
parse_primary (Parser *parser)
{
  gulong value = 0;

  skip_blanks (parser);
  if (accept (parser, "("))
    {
      value = parse_conditional (parser);
      if (!accept (parser, ")"))
        parser->failed = TRUE;
      return value;
    }
  if (*parser->p == 'n')
    {
      parser->p++;
      return parser->n;
    }
  if (!g_ascii_isdigit (*parser->p))
    {
      parser->failed = TRUE;
      return 0;
    }
  while (g_ascii_isdigit (*parser->p))
    value = value * 10 + (gulong) (*parser->p++ - '0');
  return value;
}

static gulong
parse_unary (Parser *parser)
{
  if (accept (parser, "!"))
    return !parse_unary (parser);
  return parse_primary (parser);
}

static gulong
parse_product (Parser *parser)
{
  gulong value = parse_unary (parser);

  for (;;)
    {
      gulong right;

      if (accept (parser, "*"))
        value *= parse_unary (parser);
      else if (accept (parser, "/"))
        value = (right = parse_unary (parser)) != 0 ? value / right : 0;
      else if (accept (parser, "%"))
        value = (right = parse_unary (parser)) != 0 ? value % right : 0;
      else
        return value;
    }
}

static gulong
parse_sum (Parser *parser)
{
  gulong value = parse_product (parser);

  for (;;)
    {
      if (accept (parser, "+"))
        value += parse_product (parser);
      else if (accept (parser, "-"))
        value -= parse_product (parser);
      else
        return value;
    }
}

static gulong
parse_relation (Parser *parser)
{
  gulong value = parse_sum (parser);

  for (;;)
    {
      if (accept (parser, "<="))
        value = value <= parse_sum (parser);
      else if (accept (parser, ">="))
        value = value >= parse_sum (parser);
      else if (accept (parser, "<"))
        value = value < parse_sum (parser);
      else if (accept (parser, ">"))
        value = value > parse_sum (parser);
      else
        return value;
    }
}

static gulong
parse_equality (Parser *parser)
{
  gulong value = parse_relation (parser);

  for (;;)
    {
      if (accept (parser, "=="))
        value = value == parse_relation (parser);
      else if (accept (parser, "!="))
        value = value != parse_relation (parser);
      else
        return value;
    }
}

static gulong
parse_and (Parser *parser)
{
  gulong value = parse_equality (parser);

  while (accept (parser, "&&"))
    value = parse_equality (parser) && value;
  return value;
}

static gulong
parse_or (Parser *parser)
{
  gulong value = parse_and (parser);

  while (accept (parser, "||"))
    value = parse_and (parser) || value;
  return value;
}

static gulong
parse_conditional (Parser *parser)
{
  gulong condition = parse_or (parser);
  gulong then_value, else_value;

  if (!accept (parser, "?"))
    return condition;
  then_value = parse_conditional (parser);
  if (!accept (parser, ":"))
    parser->failed = TRUE;
  else_value = parse_conditional (parser);
  return condition ? then_value : else_value;
}

gboolean
ca_catalog_eval_plural (const char *expression,
                        gulong      n,
                        gulong     *result)
{
  Parser parser = { expression, n, FALSE };
  gulong value;

  g_return_val_if_fail (expression != NULL, FALSE);

  value = parse_conditional (&parser);
  skip_blanks (&parser);
  if (parser.failed || (*parser.p != '\0' && *parser.p != ';'))
    return FALSE;
  if (result != NULL)
    *result = value;
  return TRUE;
}

/* The header ---------------------------------------------------------- */

/* From "Plural-Forms: nplurals=2; plural=(n != 1);" in the header. */
static void
read_plural_forms (CaCatalog  *self,
                   const char *header)
{
  const char *line = header != NULL ? strstr (header, "Plural-Forms:") : NULL;
  const char *nplurals = line != NULL ? strstr (line, "nplurals=") : NULL;
  const char *plural = line != NULL ? strstr (line, "plural=") : NULL;
  g_autofree char *expression = NULL;
  guint64 count = 0;

  if (nplurals != NULL && plural != NULL)
    {
      expression = g_strndup (plural + 7, strcspn (plural + 7, ";\n"));
      count = g_ascii_strtoull (nplurals + 9, NULL, 10);
    }
  if (expression != NULL && count >= 1 && count <= 16
      && ca_catalog_eval_plural (expression, 1, NULL))
    {
      self->plural = g_steal_pointer (&expression);
      self->n_plurals = (gulong) count;
      return;
    }
  self->plural = g_strdup ("n != 1");
  self->n_plurals = 2;
}

/* The file ---------------------------------------------------------- */

static gboolean
check_header (const guint8  *data,
              gsize          size,
              gboolean      *swapped,
              GError       **error)
{
  guint32 magic;

  if (size < MO_HEADER_SIZE)
    goto bad;
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto bad;
  *swapped = magic == MO_MAGIC_SWAPPED;
  /* Revisions 0 and 1 share the tables we read. */
  if ((read_word (data, 4, *swapped) >> 16) > 1)
    goto bad;
  return TRUE;

bad:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Not a GNU message catalogue");
  return FALSE;
}

/* The forms of a plural are NUL-separated: each must be UTF-8. */
static gboolean
forms_are_utf8 (const char *text,
                gsize       length)
{
  const char *end = text + length;

  for (const char *form = text; form <= end; form += strlen (form) + 1)
    if (!g_utf8_validate (form, -1, NULL))
      return FALSE;
  return TRUE;
}

static void
read_entries (CaCatalog    *self,
              const guint8 *data,
              gsize         size,
              gboolean      swapped)
{
  guint32 count = read_word (data, 8, swapped);
  guint32 originals = read_word (data, 12, swapped);
  guint32 translations = read_word (data, 16, swapped);

  /* Each entry takes 16 bytes of tables: a larger count is a lie. */
  count = MIN (count, size / 16);
  self->storage = g_new0 (Entry, count);
  for (guint32 i = 0; i < count; i++)
    {
      gsize msgid_length, length;
      const char *msgid = read_string (data, size, originals, i, swapped, &msgid_length);
      const char *text = read_string (data, size, translations, i, swapped, &length);

      if (msgid == NULL || text == NULL || !forms_are_utf8 (text, length))
        continue;
      self->storage[i].text = text;
      self->storage[i].length = length;
      g_hash_table_replace (self->entries, (gpointer) msgid, &self->storage[i]);
    }
}

CaCatalog *
ca_catalog_new_from_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(CaCatalog) self = NULL;
  const guint8 *data;
  gboolean swapped;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!check_header (data, size, &swapped, error))
    return NULL;

  self = g_new0 (CaCatalog, 1);
  self->bytes = g_bytes_ref (bytes);
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  read_entries (self, data, size, swapped);
  read_plural_forms (self, ca_catalog_lookup (self, ""));
  return g_steal_pointer (&self);
}

CaCatalog *
ca_catalog_new_from_file (const char  *path,
                          GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (file);
  return ca_catalog_new_from_bytes (bytes, error);
}

void
ca_catalog_free (CaCatalog *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->storage);
  g_free (self->plural);
  g_free (self);
}

const char *
ca_catalog_lookup (const CaCatalog *self,
                   const char      *msgid)
{
  const Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, msgid);
  return entry != NULL ? entry->text : NULL;
}

gulong
ca_catalog_get_plural_index (const CaCatalog *self,
                             gulong           n)
{
  gulong index = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (!ca_catalog_eval_plural (self->plural, n, &index) || index >= self->n_plurals)
    return 0;
  return index;
}

const char *
ca_catalog_lookup_plural (const CaCatalog *self,
                          const char      *msgid,
                          gulong           n)
{
  const Entry *entry;
  const char *form;
  gulong index;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, msgid);
  if (entry == NULL)
    return NULL;
  index = ca_catalog_get_plural_index (self, n);
  form = entry->text;
  /* Walk the forms; a catalogue with fewer than asked for gives none. */
  for (gulong i = 0; i < index; i++)
    {
      form += strlen (form) + 1;
      if (form > entry->text + entry->length)
        return NULL;
    }
  return form;
}
