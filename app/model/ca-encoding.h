/* ca-encoding.h: which encodings an atlas file may be in, and the line
 * endings of its bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CA_ENCODING_BYTES,       /* UTF-8 or an ASCII-compatible encoding */
  CA_ENCODING_UTF16LE,
  CA_ENCODING_UTF16BE,
  CA_ENCODING_UTF32,       /* refused */
  CA_ENCODING_EBCDIC,      /* refused */
  CA_ENCODING_REFUSED,     /* a declared encoding that is not on the list */
  CA_ENCODING_MISMATCH,    /* a byte order mark, and another encoding declared */
  CA_ENCODING_UNMARKED,    /* UTF-16 with neither a byte order mark nor a declaration */
  CA_ENCODING_OPEN,        /* an XML declaration that does not end in the first chunk */
} CaEncoding;

/* Looks at the first chunk of a file: its byte order mark or first
 * characters, and the encoding its XML declaration names, wherever in the
 * chunk the declaration ends.  @declared gets that name (or NULL when there
 * is none); the caller frees it. */
CaEncoding ca_encoding_sniff       (const guchar *data,
                                    gsize         length,
                                    char        **declared);
gboolean   ca_encoding_is_accepted (const char   *name);

/* XML reads a lone CR as a line end, but libxml2 counts lines by LF only,
 * so a file with CR line ends would be all one line in messages.  This
 * turns each lone CR into LF in place, which XML itself would do to the
 * text; CR LF stays.  A CR at the end of @data may be followed by LF in the
 * next chunk: it is held back (the length shrinks) and @pending_cr says so;
 * the caller puts back one unit before the next chunk with
 * ca_newlines_resume (). */
typedef struct {
  CaEncoding encoding;
  gboolean   pending_cr;
} CaNewlines;

gsize      ca_newlines_normalize   (CaNewlines   *self,
                                    guchar       *data,
                                    gsize         length);
/* @front is the unit before @data, free for writing; @data has @length
 * bytes (0 at the end of the file).  Returns how many bytes were written
 * in front (0 when nothing was held back). */
gsize      ca_newlines_resume      (CaNewlines   *self,
                                    guchar       *front,
                                    const guchar *data,
                                    gsize         length);
gsize      ca_newlines_unit        (const CaNewlines *self);

G_END_DECLS
