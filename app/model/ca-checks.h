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

typedef enum {
  CA_VALUE_OK,
  CA_VALUE_EMPTY,
  CA_VALUE_NOT_A_NUMBER,
  CA_VALUE_NEGATIVE,
  CA_VALUE_OUT_OF_RANGE,
} CaValueCheck;

typedef enum {
  CA_YEAR_OK,
  CA_YEAR_SYNTAX,
  CA_YEAR_RANGE,
} CaYearCheck;

/* An XML NCName of at most CA_LOADER_MAX_ID characters. */
gboolean     ca_check_ncname      (const char *text);
/* A BCP 47 shape: "en", "zh-CN", "zh-Hans-CN". */
gboolean     ca_check_lang_tag    (const char *text);
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

G_END_DECLS
