/* ca-prescan.h: a cheap byte scanner that runs ahead of libxml2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CA_PRESCAN_OK,
  CA_PRESCAN_TOO_MANY_ATTRIBUTES,
  CA_PRESCAN_TAG_TOO_LONG,
} CaPrescanResult;

/* libxml2 2.9 takes time quadratic in the number of attributes of one
 * element, so the loader looks at every chunk with this scanner before the
 * parser sees it, and refuses a start tag with too many attributes and
 * namespace declarations (counted together as '=' outside quotes) or too
 * many bytes while it is still cheap to do so.  It understands UTF-8, the
 * ASCII-compatible encodings of ca-encoding.c, and UTF-16. */
typedef struct {
  guint   encoding;
  guint   state;
  guint   sub;            /* progress through "-->", "]]>", "?>", "<![CDATA[" */
  guint   line;
  guint   column;
  guint   tag_line;
  guint   tag_column;
  guint   n_equals;
  gsize   tag_units;
  guint64 tag_start;      /* offset of the current start tag's '<' (bytes mode) */
  guint   quote;
  guint   pending;        /* first byte of a UTF-16 unit split across chunks */
  gboolean has_pending;
  guint64 n_bytes;        /* fed before the current chunk */
  guint64 line_start;     /* offset of the current line (bytes mode) */
  guint   line_cont;      /* UTF-8 continuation bytes in it so far */
  gboolean utf8;          /* set by the caller: columns count UTF-8 characters */
  guint   max_attributes;
  gsize   max_tag_units;
  guint  *starts;         /* pairs: line and column of start tags met */
  guint   n_starts;
  guint   starts_size;
} CaPrescan;

void            ca_prescan_init (CaPrescan    *self,
                                 guint         max_attributes,
                                 gsize         max_tag_units);
void            ca_prescan_clear (CaPrescan   *self);
CaPrescanResult ca_prescan_feed (CaPrescan    *self,
                                 const guchar *data,
                                 gsize         length);
/* Appends where each start tag met since the last call begins (line and
 * column, two guints each) to @starts, in the order of the input, which is
 * the order the parser meets them in. */
void            ca_prescan_move_starts (CaPrescan *self,
                                        GArray    *starts);

G_END_DECLS
