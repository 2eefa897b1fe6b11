/* ca-checks.h: checks of attribute values that the schema cannot make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ca-model-types.h"

G_BEGIN_DECLS

#define CA_YEAR_MIN 1900
#define CA_YEAR_MAX 2200
/* libxml2's xs:decimal holds 24 digits, not counting leading zeros of the
 * integer part; the loader takes the same values as the schema. */
#define CA_VALUE_MAX_DIGITS 24

typedef enum {
  CA_VALUE_OK,
  CA_VALUE_EMPTY,
  CA_VALUE_NOT_A_NUMBER,
  CA_VALUE_NEGATIVE,
  CA_VALUE_TOO_MANY_DIGITS,
} CaValueCheck;

typedef enum {
  CA_YEAR_OK,
  CA_YEAR_SYNTAX,
  CA_YEAR_RANGE,
} CaYearCheck;

/* An XML NCName of at most CA_LOADER_MAX_ID characters, by the same
 * character classes as libxml2's schema validation. */
gboolean     ca_check_ncname      (const char *text);
/* xs:language: 1 to 8 letters, then subtags of 1 to 8 letters or digits
 * ("en", "zh-CN", "x-klingon"). */
gboolean     ca_check_lang_tag    (const char *text);
/* xs:anyURI as libxml2 checks it. */
gboolean     ca_check_uri         (const char *text);
/* Empty or only XML white space. */
gboolean     ca_is_blank          (const char *text);
/* Three uppercase ASCII letters. */
gboolean     ca_check_currency    (const char *text);
/* Decimal digits with an optional fraction, parsed with g_ascii_strtod. */
CaValueCheck ca_parse_value       (const char *text,
                                   double     *value);
CaYearCheck  ca_parse_year        (const char *text,
                                   int        *year);
/* YYYY, YYYY-MM or YYYY-MM-DD, a real day, the year within range. */
gboolean     ca_parse_date        (const char *text,
                                   CaDate     *date);
/* Collapses runs of XML whitespace into one space and trims, in place. */
void         ca_collapse_spaces   (GString    *text);
/* The same for the end of @text from byte @from, as XML Schema's
 * whiteSpace="collapse" reads an attribute value. */
void         ca_collapse_spaces_from (GString *text,
                                      gsize    from);

G_END_DECLS
