/* ca-encoding.c: which encodings an atlas file may be in, and the line
 * endings of its bytes
 *
 * The loader accepts UTF-8, UTF-16 and the encodings in which every byte
 * below 0x40 is the ASCII character it looks like: then the byte scanner
 * that bounds tags before libxml2 sees them (ca-prescan.c) reads the file
 * right.  EBCDIC, UTF-32 and stateful encodings such as ISO-2022-JP are
 * refused at once: in them '<', '=' and '"' are other bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ca-encoding.h"

static const char * const accepted_names[] = {
  "UTF-8", "UTF8", "US-ASCII", "ASCII",
  "ISO-8859-1", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5", "ISO-8859-6",
  "ISO-8859-7", "ISO-8859-8", "ISO-8859-9", "ISO-8859-10", "ISO-8859-11", "ISO-8859-13",
  "ISO-8859-14", "ISO-8859-15", "ISO-8859-16", "LATIN1",
  "WINDOWS-1250", "WINDOWS-1251", "WINDOWS-1252", "WINDOWS-1253", "WINDOWS-1254",
  "WINDOWS-1255", "WINDOWS-1256", "WINDOWS-1257", "WINDOWS-1258",
  "CP1250", "CP1251", "CP1252", "CP1253", "CP1254", "CP1255", "CP1256", "CP1257", "CP1258",
  "GBK", "GB2312", "GB18030", "CP936", "EUC-CN",
  "BIG5", "BIG5-HKSCS", "CP950", "EUC-TW",
  "SHIFT_JIS", "SHIFT-JIS", "SJIS", "CP932", "WINDOWS-31J", "EUC-JP",
  "EUC-KR", "CP949", "UHC",
  "KOI8-R", "KOI8-U", "TIS-620",
};

gboolean
ca_encoding_is_accepted (const char *name)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (accepted_names); i++)
    if (g_ascii_strcasecmp (accepted_names[i], name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether @text starts with an XML declaration: "<?xml" then white space
 * ("<?xml-stylesheet" is a processing instruction). */
static gboolean
has_declaration (const char *text,
                 gsize       length)
{
  return length >= 6 && memcmp (text, "<?xml", 5) == 0 && is_xml_space (text[5]);
}

/* The value of encoding="..." in the XML declaration at the start of
 * @text, written in ASCII; NULL when it names none.  @open is set when the
 * declaration does not end within @text. */
static char *
declared_encoding (const char *text,
                   gsize       length,
                   gboolean   *open)
{
  const char *end, *p, *close;
  char quote;

  *open = FALSE;
  if (!has_declaration (text, length))
    return NULL;
  end = g_strstr_len (text, (gssize) length, "?>");
  if (end == NULL)
    {
      *open = TRUE;
      return NULL;
    }
  p = g_strstr_len (text, end - text, "encoding");
  if (p == NULL)
    return NULL;
  for (p += strlen ("encoding"); p < end && is_xml_space (*p); p++)
    ;
  if (p >= end || *p != '=')
    return NULL;
  for (p++; p < end && is_xml_space (*p); p++)
    ;
  if (p >= end || (*p != '"' && *p != '\''))
    return NULL;
  quote = *p++;
  close = memchr (p, quote, (gsize) (end - p));
  return close != NULL ? g_strndup (p, (gsize) (close - p)) : NULL;
}

static gboolean
starts_with (const guchar *data,
             gsize         length,
             const char   *bytes,
             gsize         n)
{
  return length >= n && memcmp (data, bytes, n) == 0;
}

/* The ASCII of a UTF-16 text: other characters become '?'. */
static char *
utf16_as_ascii (const guchar *data,
                gsize         length,
                gboolean      little_endian,
                gsize        *n_out)
{
  char *ascii = g_malloc (length / 2 + 1);
  gsize n = 0;

  for (gsize i = 0; i + 1 < length; i += 2)
    {
      guint unit = little_endian ? data[i] | (data[i + 1] << 8) : (data[i] << 8) | data[i + 1];

      ascii[n++] = unit > 0 && unit < 0x80 ? (char) unit : '?';
    }
  ascii[n] = '\0';
  *n_out = n;
  return ascii;
}

static gboolean
is_utf16_name (const char *name)
{
  return g_ascii_strcasecmp (name, "UTF-16") == 0 || g_ascii_strcasecmp (name, "UTF-16LE") == 0
         || g_ascii_strcasecmp (name, "UTF-16BE") == 0;
}

static CaEncoding
sniff_utf16 (const guchar *data,
             gsize         length,
             gboolean      little_endian,
             char        **declared)
{
  gboolean bom = starts_with (data, length, little_endian ? "\xFF\xFE" : "\xFE\xFF", 2);
  gsize skip = bom ? 2 : 0;
  gsize n;
  g_autofree char *ascii = utf16_as_ascii (data + skip, length - skip, little_endian, &n);
  gboolean open;

  *declared = declared_encoding (ascii, n, &open);
  if (open)
    return CA_ENCODING_OPEN;
  if (*declared != NULL && !is_utf16_name (*declared))
    return CA_ENCODING_MISMATCH;
  /* A byte order the declaration contradicts: libxml2 would follow the
   * declaration and read every character wrong. */
  if (*declared != NULL
      && g_ascii_strcasecmp (*declared, little_endian ? "UTF-16BE" : "UTF-16LE") == 0)
    return CA_ENCODING_MISMATCH;
  /* Without a mark, libxml2 only takes UTF-16 that starts "<?xml". */
  if (!bom && !has_declaration (ascii, n))
    return CA_ENCODING_UNMARKED;
  return little_endian ? CA_ENCODING_UTF16LE : CA_ENCODING_UTF16BE;
}

CaEncoding
ca_encoding_sniff (const guchar *data,
                   gsize         length,
                   char        **declared)
{
  gboolean bom = starts_with (data, length, "\xEF\xBB\xBF", 3);
  gsize skip = bom ? 3 : 0;
  gboolean open;

  *declared = NULL;
  if (starts_with (data, length, "\x00\x00\xFE\xFF", 4)
      || starts_with (data, length, "\xFF\xFE\x00\x00", 4)
      || starts_with (data, length, "\x00\x00\x00<", 4)
      || starts_with (data, length, "<\x00\x00\x00", 4))
    return CA_ENCODING_UTF32;
  if (starts_with (data, length, "\x4C\x6F\xA7\x94", 4))
    return CA_ENCODING_EBCDIC;
  if (starts_with (data, length, "\xFF\xFE", 2) || starts_with (data, length, "<\x00", 2))
    return sniff_utf16 (data, length, TRUE, declared);
  if (starts_with (data, length, "\xFE\xFF", 2) || starts_with (data, length, "\x00<", 2))
    return sniff_utf16 (data, length, FALSE, declared);
  *declared = declared_encoding ((const char *) data + skip, length - skip, &open);
  if (open)
    return CA_ENCODING_OPEN;
  if (*declared != NULL && is_utf16_name (*declared))
    return CA_ENCODING_MISMATCH;   /* UTF-16 declared in bytes that are not */
  if (*declared != NULL && !ca_encoding_is_accepted (*declared))
    return CA_ENCODING_REFUSED;
  if (*declared != NULL && bom && g_ascii_strcasecmp (*declared, "UTF-8") != 0
      && g_ascii_strcasecmp (*declared, "UTF8") != 0)
    return CA_ENCODING_MISMATCH;   /* a UTF-8 byte order mark on another encoding */
  return CA_ENCODING_BYTES;
}

/* Newlines ---------------------------------------------------------------- */

gsize
ca_newlines_unit (const CaNewlines *self)
{
  return self->encoding == CA_ENCODING_UTF16LE || self->encoding == CA_ENCODING_UTF16BE ? 2 : 1;
}

static gboolean
is_unit (const CaNewlines *self,
         const guchar     *p,
         guchar            c)
{
  if (self->encoding == CA_ENCODING_UTF16LE)
    return p[0] == c && p[1] == 0;
  if (self->encoding == CA_ENCODING_UTF16BE)
    return p[0] == 0 && p[1] == c;
  return p[0] == c;
}

static void
put_unit (const CaNewlines *self,
          guchar           *p,
          guchar            c)
{
  if (self->encoding == CA_ENCODING_UTF16LE)
    p[0] = c, p[1] = 0;
  else if (self->encoding == CA_ENCODING_UTF16BE)
    p[0] = 0, p[1] = c;
  else
    p[0] = c;
}

gsize
ca_newlines_normalize (CaNewlines *self,
                       guchar     *data,
                       gsize       length)
{
  gsize unit = ca_newlines_unit (self);
  guchar *end = data + length - length % unit;
  guchar *p = data;

  while (p < end && (p = memchr (p, '\r', (gsize) (end - p))) != NULL)
    {
      /* In UTF-16 the byte must be a whole unit, at an even offset. */
      guchar *start = self->encoding == CA_ENCODING_UTF16BE ? p - 1 : p;

      if (start < data || (gsize) (start - data) % unit != 0 || !is_unit (self, start, '\r'))
        {
          p++;
          continue;
        }
      /* A run of line ends is read here, not one memchr () a byte. */
      for (; start + unit <= end && is_unit (self, start, '\r'); start += unit)
        {
          if (start + unit == end && end == data + length)
            {
              self->pending_cr = TRUE;
              return length - unit;
            }
          if (start + unit < end && !is_unit (self, start + unit, '\n'))
            put_unit (self, start, '\n');
        }
      p = start;
    }
  return length;
}

gsize
ca_newlines_resume (CaNewlines   *self,
                    guchar       *front,
                    const guchar *data,
                    gsize         length)
{
  gsize unit = ca_newlines_unit (self);

  if (!self->pending_cr)
    return 0;
  self->pending_cr = FALSE;
  put_unit (self, front, length >= unit && is_unit (self, data, '\n') ? '\r' : '\n');
  return unit;
}
