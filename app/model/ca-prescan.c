/* ca-prescan.c: a cheap byte scanner that runs ahead of libxml2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ca-prescan.h"

enum {
  ENC_UNKNOWN,
  ENC_BYTES,
  ENC_UTF16LE,
  ENC_UTF16BE,
};

enum {
  ST_TEXT,
  ST_LT,          /* just after '<' */
  ST_BANG,        /* after "<!", deciding between comment, CDATA, declaration */
  ST_COMMENT_OPEN, /* after "<!-": a comment needs one more '-' */
  ST_COMMENT,
  ST_CDATA,
  ST_PI,
  ST_DECL,
  ST_END_TAG,
  ST_TAG,
};

static const char cdata_open[] = "[CDATA[";

void
ca_prescan_init (CaPrescan *self,
                 guint      max_attributes,
                 gsize      max_tag_units)
{
  *self = (CaPrescan) { 0 };
  self->line = 1;
  self->column = 1;
  self->max_attributes = max_attributes;
  self->max_tag_units = max_tag_units;
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
ca_prescan_clear (CaPrescan *self)
{
  g_clear_pointer (&self->starts, g_array_unref);
}

gboolean
ca_prescan_take_start (CaPrescan *self,
                       guint     *line,
                       guint     *column)
{
  if (self->n_taken + 2 > self->starts->len)
    return FALSE;
  *line = g_array_index (self->starts, guint, self->n_taken);
  *column = g_array_index (self->starts, guint, self->n_taken + 1);
  self->n_taken += 2;
  return TRUE;
}

static void
detect_encoding (CaPrescan    *self,
                 const guchar *data,
                 gsize         length)
{
  if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    self->encoding = ENC_UTF16LE;
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    self->encoding = ENC_UTF16BE;
  else if (length >= 2 && data[0] == '<' && data[1] == 0)
    self->encoding = ENC_UTF16LE;
  else if (length >= 2 && data[0] == 0 && data[1] == '<')
    self->encoding = ENC_UTF16BE;
  else
    self->encoding = ENC_BYTES;
}

static void
enter_tag (CaPrescan *self,
           guint      state)
{
  self->state = state;
  self->n_equals = 0;
  self->tag_units = 1;   /* the '<' */
  self->quote = 0;
}

static void
step_bang (CaPrescan *self,
           guint      c)
{
  /* "<!--" starts a comment, "<![CDATA[" a CDATA section, anything else is a
   * declaration such as DOCTYPE, which the parser callbacks deal with. */
  if (self->sub == 0 && c == '-')
    {
      self->state = ST_COMMENT_OPEN;
      return;
    }
  if (c == (guchar) cdata_open[self->sub])
    {
      self->sub++;
      if (cdata_open[self->sub] == '\0')
        {
          self->state = ST_CDATA;
          self->sub = 0;
        }
      return;
    }
  self->state = c == '>' ? ST_TEXT : ST_DECL;
  self->sub = 0;
}

/* Counts the characters of a closing sequence such as "-->": @sub is how
 * many of its leading characters were just seen. */
static gboolean
step_closer (CaPrescan  *self,
             guint       c,
             const char *closer)
{
  guint n = (guint) strlen (closer);

  if (c == (guchar) closer[self->sub])
    self->sub++;
  else if (self->sub > 0 && closer[0] == closer[1] && c == (guchar) closer[0])
    self->sub = MIN (self->sub, n - 1);   /* "--->" or "]]]>" */
  else
    self->sub = c == (guchar) closer[0] ? 1 : 0;
  if (self->sub == n)
    {
      self->sub = 0;
      return TRUE;
    }
  return FALSE;
}

static CaPrescanResult
step_tag (CaPrescan *self,
          guint      c)
{
  if (++self->tag_units > self->max_tag_units)
    return CA_PRESCAN_TAG_TOO_LONG;
  if (self->quote != 0)
    {
      if (c == self->quote)
        self->quote = 0;
      return CA_PRESCAN_OK;
    }
  if (c == '"' || c == '\'')
    self->quote = c;
  else if (c == '>')
    self->state = ST_TEXT;
  else if (c == '=' && ++self->n_equals > self->max_attributes)
    return CA_PRESCAN_TOO_MANY_ATTRIBUTES;
  return CA_PRESCAN_OK;
}

static CaPrescanResult
step (CaPrescan *self,
      guint      c)
{
  switch (self->state)
    {
    case ST_TEXT:
      if (c == '<')
        {
          self->state = ST_LT;
          self->tag_line = self->line;
          self->tag_column = self->column;
        }
      break;
    case ST_LT:
      if (c == '!')
        self->state = ST_BANG;
      else if (c == '?')
        self->state = ST_PI;
      else if (c == '/')
        self->state = ST_END_TAG;
      else
        {
          guint where[2] = { self->tag_line, self->tag_column };

          g_array_append_vals (self->starts, where, 2);
          enter_tag (self, ST_TAG);
          return step_tag (self, c);
        }
      self->sub = 0;
      break;
    case ST_BANG:
      step_bang (self, c);
      break;
    case ST_COMMENT_OPEN:
      /* Only now does the comment's text begin: in "<!--->" the "->" is
       * text, not the end. */
      self->state = c == '-' ? ST_COMMENT : ST_DECL;
      self->sub = 0;
      break;
    case ST_COMMENT:
      if (step_closer (self, c, "-->"))
        self->state = ST_TEXT;
      break;
    case ST_CDATA:
      if (step_closer (self, c, "]]>"))
        self->state = ST_TEXT;
      break;
    case ST_PI:
      if (step_closer (self, c, "?>"))
        self->state = ST_TEXT;
      break;
    case ST_DECL:
      if (self->quote != 0 && c == self->quote)
        self->quote = 0;
      else if (self->quote == 0 && (c == '"' || c == '\''))
        self->quote = c;
      else if (self->quote == 0 && c == '>')
        self->state = ST_TEXT;
      break;
    case ST_END_TAG:
      if (c == '>')
        self->state = ST_TEXT;
      break;
    case ST_TAG:
      return step_tag (self, c);
    default:
      g_assert_not_reached ();
    }
  return CA_PRESCAN_OK;
}

static void
advance_position (CaPrescan *self,
                  guint      c,
                  gboolean   counts_as_column)
{
  if (c == '\n')
    {
      self->line++;
      self->column = 1;
    }
  else if (counts_as_column)
    self->column++;
}

static CaPrescanResult
feed_utf16 (CaPrescan    *self,
            const guchar *data,
            gsize         length)
{
  for (gsize i = 0; i < length; i++)
    {
      guint unit;
      CaPrescanResult result;

      if (!self->has_pending)
        {
          self->pending = data[i];
          self->has_pending = TRUE;
          continue;
        }
      self->has_pending = FALSE;
      if (self->encoding == ENC_UTF16LE)
        unit = self->pending | ((guint) data[i] << 8);
      else
        unit = (self->pending << 8) | data[i];
      result = step (self, unit);
      if (result != CA_PRESCAN_OK)
        return result;
      /* The low half of a surrogate pair does not start a character. */
      advance_position (self, unit, unit < 0xDC00 || unit > 0xDFFF);
    }
  return CA_PRESCAN_OK;
}

/* The index of the first of the bytes @a to @e in data[i..length), or
 * @length.  Sixteen bytes at a time with SSE2, which every x86-64 has: the
 * scanner looks at every byte of a file, and most bytes are none of these. */
static inline gsize
find_any (const guchar *data,
          gsize         i,
          gsize         length,
          guchar        a,
          guchar        b,
          guchar        c,
          guchar        d,
          guchar        e)
{
#ifdef __SSE2__
  const __m128i va = _mm_set1_epi8 ((char) a), vb = _mm_set1_epi8 ((char) b);
  const __m128i vc = _mm_set1_epi8 ((char) c), vd = _mm_set1_epi8 ((char) d);
  const __m128i ve = _mm_set1_epi8 ((char) e);

  for (; i + 16 <= length; i += 16)
    {
      __m128i x = _mm_loadu_si128 ((const __m128i *) (const void *) (data + i));
      __m128i m = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (x, va), _mm_cmpeq_epi8 (x, vb)),
                                _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (x, vc),
                                                            _mm_cmpeq_epi8 (x, vd)),
                                              _mm_cmpeq_epi8 (x, ve)));
      int mask = _mm_movemask_epi8 (m);

      if (mask != 0)
        return i + (gsize) __builtin_ctz ((unsigned) mask);
    }
#endif
  for (; i < length; i++)
    {
      guchar x = data[i];

      if (x == a || x == b || x == c || x == d || x == e)
        return i;
    }
  return length;
}

static inline void
new_line (CaPrescan *self,
          gsize      i)
{
  self->line++;
  self->line_start = self->n_bytes + i + 1;
}

/* Text: up to the next '<', counting lines on the way. */
static gsize
scan_text (CaPrescan    *self,
           const guchar *data,
           gsize         i,
           gsize         length)
{
  for (;;)
    {
      i = find_any (data, i, length, '<', '\n', '<', '<', '<');
      if (i == length)
        return length;
      if (data[i] == '<')
        break;
      new_line (self, i++);
    }
  self->state = ST_LT;
  self->tag_line = self->line;
  self->tag_column = (guint) (self->n_bytes + i - self->line_start + 1);
  return i + 1;
}

/* A start tag, up to its '>'. */
static CaPrescanResult
scan_tag (CaPrescan    *self,
          const guchar *data,
          gsize        *index,
          gsize         length)
{
  gsize i = *index;
  gsize start = i;
  guint quote = self->quote;
  CaPrescanResult result = CA_PRESCAN_OK;

  for (; i < length; i++)
    {
      guint c;

      if (quote != 0)
        i = find_any (data, i, length, (guchar) quote, '\n', '\n', '\n', '\n');
      else
        i = find_any (data, i, length, '"', '\'', '=', '>', '\n');
      if (i == length)
        break;
      c = data[i];
      if (c == '\n')
        new_line (self, i);
      else if (quote != 0)
        quote = 0;
      else if (c == '"' || c == '\'')
        quote = c;
      else if (c == '>')
        {
          self->state = ST_TEXT;
          i++;
          break;
        }
      else if (++self->n_equals > self->max_attributes)
        {
          result = CA_PRESCAN_TOO_MANY_ATTRIBUTES;
          break;
        }
    }
  self->quote = quote;
  self->tag_units += i - start;
  if (result == CA_PRESCAN_OK && self->tag_units > self->max_tag_units)
    result = CA_PRESCAN_TAG_TOO_LONG;
  *index = i;
  return result;
}

/* The byte after '<' of most tags: a start tag's name or an end tag's '/'.
 * Returns FALSE for the others, which step () reads. */
static gboolean
begin_tag (CaPrescan *self,
           guint      c)
{
  if (c == '!' || c == '?')
    return FALSE;
  if (c == '/')
    {
      self->state = ST_END_TAG;
      return TRUE;
    }
  {
    guint where[2] = { self->tag_line, self->tag_column };

    g_array_append_vals (self->starts, where, 2);
  }
  enter_tag (self, ST_TAG);
  return TRUE;
}

static CaPrescanResult
feed_bytes (CaPrescan    *self,
            const guchar *data,
            gsize         length)
{
  gsize i = 0;

  while (i < length)
    {
      CaPrescanResult result = CA_PRESCAN_OK;
      guint c;

      if (self->state == ST_TEXT)
        {
          i = scan_text (self, data, i, length);
          continue;
        }
      if (self->state == ST_LT && begin_tag (self, data[i]))
        {
          /* A start tag's first byte is read again by scan_tag (). */
          i += self->state == ST_END_TAG;
          continue;
        }
      if (self->state == ST_TAG)
        {
          result = scan_tag (self, data, &i, length);
          if (result != CA_PRESCAN_OK)
            return result;
          continue;
        }
      if (self->state == ST_END_TAG)
        {
          i = find_any (data, i, length, '>', '\n', '>', '>', '>');
          if (i < length && data[i] == '\n')
            new_line (self, i);
          else if (i < length)
            self->state = ST_TEXT;
          i++;
          continue;
        }
      /* Comments, declarations and the byte after "<!" or "<?". */
      c = data[i];
      result = step (self, c);
      if (result != CA_PRESCAN_OK)
        return result;
      if (c == '\n')
        {
          self->line++;
          self->line_start = self->n_bytes + i + 1;
        }
      i++;
    }
  self->n_bytes += length;
  return CA_PRESCAN_OK;
}

CaPrescanResult
ca_prescan_feed (CaPrescan    *self,
                 const guchar *data,
                 gsize         length)
{
  CaPrescanResult result;

  if (length == 0)
    return CA_PRESCAN_OK;
  /* Forget the start tags the parser has already met. */
  g_array_remove_range (self->starts, 0, self->n_taken);
  self->n_taken = 0;
  if (self->encoding == ENC_UNKNOWN)
    detect_encoding (self, data, length);
  if (self->encoding == ENC_BYTES)
    return feed_bytes (self, data, length);
  result = feed_utf16 (self, data, length);
  self->n_bytes += length;
  return result;
}
