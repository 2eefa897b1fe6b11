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
}

void
ca_prescan_clear (CaPrescan *self)
{
  g_clear_pointer (&self->starts, g_free);
}

void
ca_prescan_move_starts (CaPrescan *self,
                        GArray    *starts)
{
  g_array_append_vals (starts, self->starts, self->n_starts);
  self->n_starts = 0;
}

/* Keeps where the start tag just met begins, for the parser to take. */
static void
push_start (CaPrescan *self)
{
  if (self->n_starts + 2 > self->starts_size)
    {
      self->starts_size = MAX (64, 2 * self->starts_size);
      self->starts = g_renew (guint, self->starts, self->starts_size);
    }
  self->starts[self->n_starts++] = self->tag_line;
  self->starts[self->n_starts++] = self->tag_column;
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
  /* The bound on a start tag is in bytes: a UTF-16 unit is two. */
  if (self->encoding != ENC_BYTES)
    self->max_tag_units /= 2;
  /* A UTF-8 byte order mark is not a column of the first line. */
  if (self->encoding == ENC_BYTES && length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->line_start = 3;
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
          push_start (self);
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

/* @end: the offset just after the unit, where a new line starts after
 * '\n' (the loader places encoding errors from it). */
static void
advance_position (CaPrescan *self,
                  guint      c,
                  gboolean   counts_as_column,
                  guint64    end)
{
  if (c == '\n')
    {
      self->line++;
      self->column = 1;
      self->line_start = end;
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
      /* The low half of a surrogate pair does not start a character, and
       * the byte order mark is not one. */
      advance_position (self, unit,
                        (unit < 0xDC00 || unit > 0xDFFF) && (unit != 0xFEFF || self->n_bytes + i > 1),
                        self->n_bytes + i + 1);
    }
  return CA_PRESCAN_OK;
}

/* Where the bytes the fast states look for are in one block of up to 64
 * bytes: bit k of a mask is set when byte k of the block is that byte.  Most
 * bytes of a file are none of them, and many tags are short, so the block is
 * looked at once (with SSE2, which every x86-64 has) and the scanner then
 * goes from one set bit to the next. */
#define BLOCK 64

typedef struct {
  guint64 lt, gt, dq, sq, eq, nl;
  guint64 cont;   /* UTF-8 continuation bytes, 0x80 to 0xBF */
} Masks;

#ifdef __SSE2__
static inline guint64
byte_mask (const __m128i *v,
           char           byte)
{
  const __m128i k = _mm_set1_epi8 (byte);
  guint64 m0 = (guint16) _mm_movemask_epi8 (_mm_cmpeq_epi8 (v[0], k));
  guint64 m1 = (guint16) _mm_movemask_epi8 (_mm_cmpeq_epi8 (v[1], k));
  guint64 m2 = (guint16) _mm_movemask_epi8 (_mm_cmpeq_epi8 (v[2], k));
  guint64 m3 = (guint16) _mm_movemask_epi8 (_mm_cmpeq_epi8 (v[3], k));

  return m0 | (m1 << 16) | (m2 << 32) | (m3 << 48);
}
#endif

/* @block holds BLOCK bytes; the caller pads a short one with zeros, which
 * are none of the bytes looked for. */
static void
find_masks (const guchar *block,
            Masks        *masks)
{
#ifdef __SSE2__
  __m128i v[4];

  for (int k = 0; k < 4; k++)
    v[k] = _mm_loadu_si128 ((const __m128i *) (const void *) (block + 16 * k));
  masks->lt = byte_mask (v, '<');
  masks->gt = byte_mask (v, '>');
  masks->dq = byte_mask (v, '"');
  masks->sq = byte_mask (v, '\'');
  masks->eq = byte_mask (v, '=');
  masks->nl = byte_mask (v, '\n');
  masks->cont = 0;
  for (int k = 0; k < 4; k++)
    masks->cont |= (guint64) (guint16) _mm_movemask_epi8 (
                     _mm_cmpeq_epi8 (_mm_and_si128 (v[k], _mm_set1_epi8 ((char) 0xC0)),
                                     _mm_set1_epi8 ((char) 0x80))) << (16 * k);
#else
  *masks = (Masks) { 0 };
  for (guint k = 0; k < BLOCK; k++)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << k;

      switch (block[k])
        {
        case '<': masks->lt |= bit; break;
        case '>': masks->gt |= bit; break;
        case '"': masks->dq |= bit; break;
        case '\'': masks->sq |= bit; break;
        case '=': masks->eq |= bit; break;
        case '\n': masks->nl |= bit; break;
        default: break;
        }
      if ((block[k] & 0xC0) == 0x80)
        masks->cont |= bit;
    }
#endif
}

static inline void
new_line (CaPrescan *self,
          guint64    offset)
{
  self->line++;
  self->line_start = offset + 1;
  self->line_cont = 0;
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
  push_start (self);
  enter_tag (self, ST_TAG);
  return TRUE;
}

/* A start tag is measured from its '<' (at @tag_start, an offset in the
 * input) to @end, just after the last byte read of it. */
static inline CaPrescanResult
check_tag_length (CaPrescan *self,
                  guint64    end)
{
  self->tag_units = (gsize) (end - self->tag_start);
  return self->tag_units > self->max_tag_units ? CA_PRESCAN_TAG_TOO_LONG : CA_PRESCAN_OK;
}

/* The start tag ends with the '>' just before @end. */
static inline CaPrescanResult
close_tag (CaPrescan *self,
           guint64    end)
{
  self->state = ST_TEXT;
  self->quote = 0;
  return check_tag_length (self, end);
}

/* The number of bits set in @m, which has few (x86-64 has no popcount
 * instruction without -mpopcnt, and libgcc's is a call). */
static inline guint
count_bits (guint64 m)
{
  guint n = 0;

  for (; m != 0; m &= m - 1)
    n++;
  return n;
}

/* The bits of @mask from @pos on. */
static inline guint64
from (guint64 mask,
      guint   pos)
{
  return pos >= BLOCK ? 0 : mask & (~G_GUINT64_CONSTANT (0) << pos);
}

/* Counts the line ends of the block in [*@counted, @end), the block being
 * at input offset @base.  Lines are only needed where a tag starts and where
 * the block is left, so they are counted there, not one by one. */
static inline void
count_lines (CaPrescan     *self,
             const Masks   *masks,
             guint64        base,
             guint         *counted,
             guint          end)
{
  guint64 range = from (~G_GUINT64_CONSTANT (0), *counted) & ~from (~G_GUINT64_CONSTANT (0), end);
  guint64 m = masks->nl & range;

  if (m != 0)
    {
      guint last = (guint) (63 - __builtin_clzll (m));

      self->line += count_bits (m);
      self->line_start = base + (guint64) last + 1;
      self->line_cont = 0;
      range = from (range, last + 1);
    }
  /* In UTF-8 a column is a character: the continuation bytes of the line
   * so far are not columns (nor those of a byte order mark before it). */
  if (self->utf8 && self->line_start > base)
    range = from (range, (guint) MIN (self->line_start - base, BLOCK));
  if (self->utf8)
    self->line_cont += count_bits (masks->cont & range);
  *counted = end;
}

/* The next byte of @mask from @i on, or @n. */
static inline guint
next (guint64 mask,
      guint   i,
      guint   n)
{
  guint64 m = from (mask, i);

  return m == 0 ? n : MIN ((guint) __builtin_ctzll (m), n);
}

/* Bit k of the result is the parity of the bits of @x at k and below: with
 * @x the quotes of a block, the bytes from an opening quote up to its
 * closing one. */
static inline guint64
prefix_parity (guint64 x)
{
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

/* The rest of a start tag in a block, from byte *@i, when the rest of the
 * block has no single quote and the tag is not in one: the quoted parts
 * are masked at once, and the '=' outside them counted together. */
static CaPrescanResult
scan_tag_quick (CaPrescan   *self,
                const Masks *masks,
                guint64      base,
                guint       *i,
                guint        n)
{
  guint64 rest = from (~G_GUINT64_CONSTANT (0), *i);
  guint64 quoted = prefix_parity (from (masks->dq, *i));
  guint64 outside, before;
  guint k;

  if (self->quote == '"')
    quoted = ~quoted;
  outside = ~quoted & rest;
  k = next (masks->gt & outside, *i, n);
  before = k >= BLOCK ? outside : outside & ~from (~G_GUINT64_CONSTANT (0), k);
  self->n_equals += count_bits (masks->eq & before);
  if (self->n_equals > self->max_attributes)
    {
      *i = k;
      return CA_PRESCAN_TOO_MANY_ATTRIBUTES;
    }
  if (k < n)
    {
      *i = k + 1;
      return close_tag (self, base + *i);
    }
  self->quote = (quoted >> (n - 1)) & 1 ? '"' : 0;
  *i = n;
  return CA_PRESCAN_OK;
}

/* The same, one quote, '=' or '>' at a time: for tags with single quotes. */
static CaPrescanResult
scan_tag_step (CaPrescan    *self,
               const guchar *block,
               const Masks  *masks,
               guint64       base,
               guint        *i,
               guint         n)
{
  const guint64 in_tag = masks->dq | masks->sq | masks->eq | masks->gt;
  guint k;

  while (*i < n)
    {
      if (self->quote != 0)
        {
          k = next (self->quote == '"' ? masks->dq : masks->sq, *i, n);
          if (k < n)
            self->quote = 0;
          *i = MIN (k + 1, n);
          continue;
        }
      k = next (in_tag, *i, n);
      if (k == n)
        {
          *i = n;
          break;
        }
      *i = k + 1;
      if (block[k] == '=')
        {
          if (++self->n_equals > self->max_attributes)
            return CA_PRESCAN_TOO_MANY_ATTRIBUTES;
        }
      else if (block[k] == '>')
        return close_tag (self, base + *i);
      else
        self->quote = block[k];
    }
  return CA_PRESCAN_OK;
}

/* Text, start tags and end tags, through one block of @n bytes at input
 * offset @base, from byte @pos on.  Returns where it stopped in *@pos: at
 * @n, or at a byte for step () (after "<!" or "<?"). */
static CaPrescanResult
scan_block (CaPrescan    *self,
            const guchar *block,
            const Masks  *masks,
            guint64       base,
            guint        *pos,
            guint         n)
{
  CaPrescanResult result = CA_PRESCAN_OK;
  guint i = *pos, counted = i;

  while (i < n && result == CA_PRESCAN_OK)
    {
      guint k;

      switch (self->state)
        {
        case ST_TEXT:
          k = next (masks->lt, i, n);
          if (k == n)
            {
              i = n;
              break;
            }
          count_lines (self, masks, base, &counted, k);
          self->state = ST_LT;
          self->tag_line = self->line;
          self->tag_column = (guint) (base + k - self->line_start + 1 - self->line_cont);
          self->tag_start = base + k;
          i = k + 1;
          break;
        case ST_LT:
          if (!begin_tag (self, block[i]))
            goto out;
          /* A start tag's first byte may be '=' or a quote: it is looked
           * at again in ST_TAG. */
          i += self->state == ST_END_TAG;
          break;
        case ST_END_TAG:
          k = next (masks->gt, i, n);
          if (k < n)
            self->state = ST_TEXT;
          i = MIN (k + 1, n);
          break;
        case ST_TAG:
          if (from (masks->sq, i) == 0 && self->quote != '\'')
            result = scan_tag_quick (self, masks, base, &i, n);
          else
            result = scan_tag_step (self, block, masks, base, &i, n);
          break;
        default:
          goto out;
        }
    }
out:
  count_lines (self, masks, base, &counted, i);
  *pos = i;
  return result;
}

static CaPrescanResult
feed_bytes (CaPrescan    *self,
            const guchar *data,
            gsize         length)
{
  gsize i = 0;

  while (i < length)
    {
      CaPrescanResult result;
      guint c;

      if (self->state == ST_TEXT || self->state == ST_TAG || self->state == ST_END_TAG ||
          self->state == ST_LT)
        {
          guchar padded[BLOCK];
          const guchar *block = data + i;
          guint n = (guint) MIN (length - i, BLOCK), pos = 0;
          Masks masks;

          if (n < BLOCK)
            {
              memset (padded, 0, sizeof padded);
              memcpy (padded, data + i, n);
              block = padded;
            }
          find_masks (block, &masks);
          result = scan_block (self, block, &masks, self->n_bytes + i, &pos, n);
          if (result != CA_PRESCAN_OK)
            return result;
          i += pos;
          if (pos == n)
            continue;
        }
      /* Comments, declarations and the byte after "<!" or "<?". */
      c = data[i];
      result = step (self, c);
      if (result != CA_PRESCAN_OK)
        return result;
      if (c == '\n')
        new_line (self, self->n_bytes + i);
      else if (self->utf8 && (c & 0xC0) == 0x80 && self->n_bytes + i >= self->line_start)
        self->line_cont++;
      i++;
    }
  /* A start tag that goes on in the next chunk is measured so far. */
  if (self->state == ST_TAG && check_tag_length (self, self->n_bytes + length) != CA_PRESCAN_OK)
    return CA_PRESCAN_TAG_TOO_LONG;
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
  if (self->encoding == ENC_UNKNOWN)
    detect_encoding (self, data, length);
  if (self->encoding == ENC_BYTES)
    return feed_bytes (self, data, length);
  result = feed_utf16 (self, data, length);
  self->n_bytes += length;
  return result;
}
