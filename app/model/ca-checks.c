/* ca-checks.c: checks of attribute values that the schema cannot make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "ca-checks.h"
#include "ca-dataset-private.h"

static gboolean
is_name_start (gunichar c)
{
  return c == '_' || g_unichar_isalpha (c);
}

static gboolean
is_name_char (gunichar c)
{
  return is_name_start (c) || c == '-' || c == '.' || c == 0xB7
         || g_unichar_isdigit (c) || g_unichar_ismark (c);
}

gboolean
ca_check_ncname (const char *text)
{
  guint n = 0;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; n++)
    {
      gunichar c = (guchar) *p;

      if (n >= CA_LOADER_MAX_ID)
        return FALSE;
      if (c < 0x80)
        {
          /* Most ids are ASCII: letters, digits, '-', '_' and '.'. */
          if (!(g_ascii_isalpha (c) || c == '_'
                || (n > 0 && (g_ascii_isdigit (c) || c == '-' || c == '.'))))
            return FALSE;
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;
      if (n == 0 ? !is_name_start (c) : !is_name_char (c))
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
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
          /* The primary subtag has 2 to 8 letters, the others 1 to 8 characters. */
          if (len < (part == 0 ? 2u : 1u) || len > 8)
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
ca_check_currency (const char *text)
{
  return text != NULL && strlen (text) == 3 && g_ascii_isupper (text[0])
         && g_ascii_isupper (text[1]) && g_ascii_isupper (text[2]);
}

/* xs:decimal without a sign other than '+': digits, an optional point and
 * digits.  This keeps out what g_ascii_strtod would also take: "inf",
 * "nan", hexadecimal and exponents. */
static gboolean
is_decimal (const char *text)
{
  const char *p = text;
  guint digits = 0;

  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits++;
  return digits > 0 && *p == '\0';
}

CaValueCheck
ca_parse_value (const char *text,
                double     *value)
{
  char *end = NULL;
  double parsed;

  if (text == NULL || *text == '\0')
    return CA_VALUE_EMPTY;
  if (!is_decimal (text))
    return CA_VALUE_NOT_A_NUMBER;
  errno = 0;
  parsed = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    return CA_VALUE_NOT_A_NUMBER;
  if (errno == ERANGE || !isfinite (parsed))
    return CA_VALUE_OUT_OF_RANGE;
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
ca_collapse_spaces (GString *text)
{
  gsize out = 0;
  gboolean pending_space = FALSE;

  for (gsize i = 0; i < text->len; i++)
    {
      char c = text->str[i];

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          pending_space = out > 0;
          continue;
        }
      if (pending_space)
        text->str[out++] = ' ';
      pending_space = FALSE;
      text->str[out++] = c;
    }
  g_string_truncate (text, out);
}
