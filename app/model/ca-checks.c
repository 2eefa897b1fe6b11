/* ca-checks.c: checks of attribute values that the schema cannot make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/uri.h>

#include "ca-checks.h"
#include "ca-dataset-private.h"

gboolean
ca_check_ncname (const char *text)
{
  guint n = 0;
  gboolean ascii = TRUE;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      guchar c = (guchar) *p;

      if (n >= CA_LOADER_MAX_ID)
        return FALSE;
      if (c >= 0x80)
        ascii = FALSE;
      /* Most ids are ASCII: letters, digits, '-', '_' and '.'. */
      else if (!(g_ascii_isalpha (c) || c == '_'
                 || (n > 0 && (g_ascii_isdigit (c) || c == '-' || c == '.'))))
        return FALSE;
    }
  /* Others by libxml2's own rule (the letters of XML 1.0, fourth edition),
   * which is what its schema validation applies to xs:NCName. */
  return ascii || (g_utf8_validate (text, -1, NULL)
                   && xmlValidateNCName ((const xmlChar *) text, 0) == 0);
}

gboolean
ca_check_lang_tag (const char *text)
{
  guint part = 0;
  guint len = 0;

  if (text == NULL)
    return FALSE;
  for (const char *p = text;; p++)
    {
      if (*p == '-' || *p == '\0')
        {
          /* Each subtag has 1 to 8 characters, as xs:language says. */
          if (len < 1 || len > 8)
            return FALSE;
          if (*p == '\0')
            return TRUE;
          part++;
          len = 0;
        }
      else if (part == 0 ? !g_ascii_isalpha (*p) : !g_ascii_isalnum (*p))
        return FALSE;
      else
        len++;
    }
}

gboolean
ca_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return TRUE;
}

/* libxml2 validates xs:anyURI by replacing the characters a URI may not
 * hold with '_' and parsing what is left; an address the schema takes is
 * one this takes. */
gboolean
ca_check_uri (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  xmlURIPtr uri;

  if (*copy == '\0')
    return TRUE;
  for (guchar *p = (guchar *) copy; *p != '\0'; p++)
    if (*p < 32 || *p >= 127 || strchr (" <>\"{}|\\^`'", *p) != NULL)
      *p = '_';
  uri = xmlParseURI (copy);
  if (uri == NULL)
    return FALSE;
  xmlFreeURI (uri);
  return TRUE;
}

gboolean
ca_check_currency (const char *text)
{
  return text != NULL && strlen (text) == 3 && g_ascii_isupper (text[0])
         && g_ascii_isupper (text[1]) && g_ascii_isupper (text[2]);
}

/* xs:decimal without a sign other than '+': digits, an optional point and
 * digits.  This keeps out what g_ascii_strtod would also take: "inf",
 * "nan", hexadecimal and exponents. */
static gboolean
is_decimal (const char *text,
            guint      *significant)
{
  const char *p = text;
  guint digits = 0;

  if (*p == '+' || *p == '-')
    p++;
  /* Leading zeros of the integer part do not count towards the bound. */
  for (; *p == '0'; p++)
    digits++;
  *significant = 0;
  for (; g_ascii_isdigit (*p); p++)
    digits++, (*significant)++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits++, (*significant)++;
  return digits > 0 && *p == '\0';
}

/* Most values have few digits: as an integer of at most 15 digits divided
 * by an exact power of ten (up to 10^22), a double is correctly rounded,
 * the same as g_ascii_strtod () gives, for a fraction of its cost. */
static gboolean
parse_small_decimal (const char *text,
                     double     *value)
{
  static const double powers[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                                   1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
                                   1e20, 1e21, 1e22 };
  guint64 mantissa = 0;
  guint digits = 0, fraction = 0;
  gboolean point = FALSE, any = FALSE;
  const char *p = text;

  if (*p == '+')
    p++;
  for (; *p != '\0'; p++)
    {
      if (*p == '.' && !point)
        {
          point = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return FALSE;
      any = TRUE;
      /* Zeros before the first other digit add nothing to the mantissa. */
      if ((mantissa != 0 || *p != '0') && ++digits > 15)
        return FALSE;
      mantissa = mantissa * 10 + (guint64) (*p - '0');
      fraction += point;
    }
  if (!any)
    return FALSE;
  if (fraction >= G_N_ELEMENTS (powers))
    return FALSE;
  *value = (double) mantissa / powers[fraction];
  return TRUE;
}

CaValueCheck
ca_parse_value (const char *text,
                double     *value)
{
  char *end = NULL;
  guint significant;
  double parsed;

  if (text == NULL || *text == '\0')
    return CA_VALUE_EMPTY;
  /* Most values: one pass, which also checks their syntax. */
  if (parse_small_decimal (text, &parsed))
    {
      *value = parsed;
      return CA_VALUE_OK;
    }
  if (!is_decimal (text, &significant))
    return CA_VALUE_NOT_A_NUMBER;
  if (significant > CA_VALUE_MAX_DIGITS)
    return CA_VALUE_TOO_MANY_DIGITS;
  errno = 0;
  parsed = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    return CA_VALUE_NOT_A_NUMBER;
  /* 24 digits fit a double: nothing overflows, nothing underflows to 0. */
  if (!isfinite (parsed))
    return CA_VALUE_NOT_A_NUMBER;
  if (text[0] == '-' && parsed != 0.0)
    return CA_VALUE_NEGATIVE;
  *value = parsed == 0.0 ? 0.0 : parsed;   /* no "-0" */
  return CA_VALUE_OK;
}

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

CaYearCheck
ca_parse_year (const char *text,
               int        *year)
{
  int value;

  if (text == NULL || strlen (text) != 4 || !parse_digits (text, 4, &value))
    return CA_YEAR_SYNTAX;
  if (value < CA_YEAR_MIN || value > CA_YEAR_MAX)
    return CA_YEAR_RANGE;
  *year = value;
  return CA_YEAR_OK;
}

gboolean
ca_parse_date (const char *text,
               CaDate     *date)
{
  int year = 0, month = 0, day = 0;
  gsize len = text != NULL ? strlen (text) : 0;

  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  if (!parse_digits (text, 4, &year) || year < CA_YEAR_MIN || year > CA_YEAR_MAX)
    return FALSE;
  if (len >= 7 && (text[4] != '-' || !parse_digits (text + 5, 2, &month)
                   || month < 1 || month > 12))
    return FALSE;
  if (len == 10 && (text[7] != '-' || !parse_digits (text + 8, 2, &day)
                    || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month,
                                          (GDateYear) year)))
    return FALSE;
  *date = (CaDate) { (gint16) year, (guint8) month, (guint8) day };
  return TRUE;
}

void
ca_collapse_spaces_from (GString *text,
                         gsize    from)
{
  gsize out = from;
  gboolean pending_space = FALSE;

  for (gsize i = from; i < text->len; i++)
    {
      char c = text->str[i];

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          pending_space = out > from;
          continue;
        }
      if (pending_space)
        text->str[out++] = ' ';
      pending_space = FALSE;
      text->str[out++] = c;
    }
  g_string_truncate (text, out);
}

void
ca_collapse_spaces (GString *text)
{
  ca_collapse_spaces_from (text, 0);
}
