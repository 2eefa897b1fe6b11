/* test-prescan.c: the byte scanner that runs ahead of libxml2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ca-prescan.h"

/* Feeds @text whole, then byte by byte: chunk boundaries must not matter. */
static CaPrescanResult
scan (const char *text,
      gsize       step)
{
  CaPrescan scan;
  CaPrescanResult result = CA_PRESCAN_OK;
  gsize length = strlen (text);

  ca_prescan_init (&scan, 32, 1000);
  for (gsize i = 0; i < length && result == CA_PRESCAN_OK; i += step)
    result = ca_prescan_feed (&scan, (const guchar *) text + i, MIN (step, length - i));
  ca_prescan_clear (&scan);
  return result;
}

static char *
tag_with_attributes (guint       n,
                     const char *value)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<a");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, " a%u=\"%s\"", i, value);
  g_string_append (text, "/>");
  return g_string_free (text, FALSE);
}

static void
test_attributes (void)
{
  g_autofree char *ok = tag_with_attributes (32, "x");
  g_autofree char *too_many = tag_with_attributes (33, "x");
  g_autofree char *equals_in_values = tag_with_attributes (10, "a=b=c=d=e=f=g");

  for (gsize step = 1; step <= 7; step += 6)
    {
      g_assert_cmpint (scan (ok, step), ==, CA_PRESCAN_OK);
      g_assert_cmpint (scan (too_many, step), ==, CA_PRESCAN_TOO_MANY_ATTRIBUTES);
      g_assert_cmpint (scan (equals_in_values, step), ==, CA_PRESCAN_OK);
    }
}

static void
test_markup (void)
{
  /* '=' in text, comments, CDATA, processing instructions and end tags
   * belong to no start tag. */
  GString *text = g_string_new ("<r>");

  for (guint i = 0; i < 40; i++)
    g_string_append (text, "= <!-- <a b=\"c\"> == --> <![CDATA[<x y=z>]]> <?pi a=b?> "
                           "</r x=y> 'q' \"q\" ");
  g_string_append (text, "<a title='x>y' v=\"1\"/></r>");
  g_assert_cmpint (scan (text->str, text->len), ==, CA_PRESCAN_OK);
  g_assert_cmpint (scan (text->str, 1), ==, CA_PRESCAN_OK);
  g_assert_cmpint (scan (text->str, 5), ==, CA_PRESCAN_OK);
  g_string_free (text, TRUE);
}

static void
test_long_tag (void)
{
  g_autofree char *value = g_strnfill (2000, 'v');
  g_autofree char *text = g_strdup_printf ("<a b=\"%s\"/>", value);

  g_assert_cmpint (scan (text, strlen (text)), ==, CA_PRESCAN_TAG_TOO_LONG);
  g_assert_cmpint (scan (text, 3), ==, CA_PRESCAN_TAG_TOO_LONG);
}

/* The bound counts the whole tag, '<' and '>' included. */
static void
test_tag_bound (void)
{
  CaPrescan scan;

  for (gsize length = 62; length <= 66; length++)
    {
      g_autofree char *value = g_strnfill (length - 8, 'v');
      g_autofree char *text = g_strdup_printf ("<a b=\"%s\">", value);

      g_assert_cmpuint (strlen (text), ==, length);
      ca_prescan_init (&scan, 32, 64);
      g_assert_cmpint (ca_prescan_feed (&scan, (const guchar *) text, length), ==,
                       length <= 64 ? CA_PRESCAN_OK : CA_PRESCAN_TAG_TOO_LONG);
      ca_prescan_clear (&scan);
    }
}

static void
test_positions (void)
{
  const char *text = "<?xml version=\"1.0\"?>\n<a>\n  <b x=\"1\n2\"/><!-- <no> -->\n</a><c/>";
  guint expected[][2] = { { 2, 1 }, { 3, 3 }, { 5, 5 } };

  for (gsize step = 1; step <= strlen (text); step++)
    {
      g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
      CaPrescan scan;

      ca_prescan_init (&scan, 32, 1000);
      for (gsize i = 0; i < strlen (text); i += step)
        {
          g_assert_cmpint (ca_prescan_feed (&scan, (const guchar *) text + i,
                                            MIN (step, strlen (text) - i)), ==, CA_PRESCAN_OK);
          ca_prescan_move_starts (&scan, starts);
        }
      g_assert_cmpuint (starts->len, ==, 2 * G_N_ELEMENTS (expected));
      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          g_assert_cmpuint (g_array_index (starts, guint, 2 * i), ==, expected[i][0]);
          g_assert_cmpuint (g_array_index (starts, guint, 2 * i + 1), ==, expected[i][1]);
        }
      ca_prescan_move_starts (&scan, starts);
      g_assert_cmpuint (starts->len, ==, 2 * G_N_ELEMENTS (expected));
      ca_prescan_clear (&scan);
    }
}

static void
test_utf16 (void)
{
  g_autofree char *utf8 = tag_with_attributes (33, "中");
  g_autofree char *ok8 = tag_with_attributes (32, "中");
  gsize length = 0;
  g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16", "UTF-8", NULL, &length, NULL);
  g_autofree char *ok16 = NULL;
  CaPrescan scan;

  g_assert_nonnull (utf16);
  ca_prescan_init (&scan, 32, 1000);
  g_assert_cmpint (ca_prescan_feed (&scan, (const guchar *) utf16, length), ==,
                   CA_PRESCAN_TOO_MANY_ATTRIBUTES);
  ca_prescan_clear (&scan);

  ok16 = g_convert (ok8, -1, "UTF-16", "UTF-8", NULL, &length, NULL);
  ca_prescan_init (&scan, 32, 1000);
  for (gsize i = 0; i < length; i++)
    g_assert_cmpint (ca_prescan_feed (&scan, (const guchar *) ok16 + i, 1), ==, CA_PRESCAN_OK);
  ca_prescan_clear (&scan);
}

/* A document of random start tags: attributes quoted either way, values
 * holding '=', '>', the other quote mark and line breaks, line breaks
 * between attributes, and now and then more attributes than the bound. */
static GString *
random_tags (GRand *rand)
{
  static const char value_bytes[] = "x=>'\"\n ";
  GString *text = g_string_new ("<r>\n");
  /* In half of the documents, one tag has one attribute too many. */
  int excess = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 60) : -1;

  for (int t = 0; t < 60; t++)
    {
      guint n = t == excess ? 33 : (guint) g_rand_int_range (rand, 0, 8);

      g_string_append (text, "<a");
      for (guint i = 0; i < n; i++)
        {
          char quote = g_rand_boolean (rand) ? '"' : '\'';
          guint length = g_rand_int_range (rand, 0, 24);

          g_string_append (text, g_rand_int_range (rand, 0, 6) == 0 ? "\n  " : " ");
          g_string_append_printf (text, "k%u=%c", i, quote);
          for (guint k = 0; k < length; k++)
            {
              char c = value_bytes[g_rand_int_range (rand, 0, sizeof value_bytes - 1)];

              g_string_append_c (text, c == quote ? 'q' : c);
            }
          g_string_append_c (text, quote);
        }
      g_string_append (text, g_rand_boolean (rand) ? "/>" : ">t</a>");
      g_string_append (text, g_rand_int_range (rand, 0, 3) == 0 ? "\n" : "");
    }
  g_string_append (text, "</r>");
  return text;
}

/* What the scanner makes of @data fed in chunks of @step bytes: the result,
 * the start tags' lines and columns ahead of it, and the line it ends on. */
static CaPrescanResult
scan_starts_at (const guchar *data,
                gsize         length,
                gsize         step,
                guint         max_attributes,
                GArray       *starts,
                guint        *line)
{
  CaPrescan scan;
  CaPrescanResult result = CA_PRESCAN_OK;

  ca_prescan_init (&scan, max_attributes, G_MAXSIZE);
  for (gsize i = 0; i < length && result == CA_PRESCAN_OK; i += step)
    result = ca_prescan_feed (&scan, data + i, MIN (step, length - i));
  ca_prescan_move_starts (&scan, starts);
  *line = scan.line;
  ca_prescan_clear (&scan);
  return result;
}

static CaPrescanResult
scan_starts (const guchar *data,
             gsize         length,
             gsize         step,
             GArray       *starts)
{
  guint line;

  return scan_starts_at (data, length, step, 32, starts, &line);
}

/* The bytes path looks at 64 bytes at a time for the bytes it must look
 * at; the UTF-16 path steps one unit at a time.  On ASCII text both
 * must find the same tags at the same places and the same excess of
 * attributes, in whole and in split chunks. */
static void
test_bytes_agree_with_units (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  guint n_refused = 0;

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GString) text = random_tags (rand);
      g_autoptr(GArray) by_units = g_array_new (FALSE, FALSE, sizeof (guint));
      gsize length = 0;
      g_autofree char *utf16 = g_convert (text->str, text->len, "UTF-16LE", "UTF-8",
                                          NULL, &length, NULL);
      CaPrescanResult expected;

      g_assert_nonnull (utf16);
      expected = scan_starts ((const guchar *) utf16, length, length, by_units);
      n_refused += expected == CA_PRESCAN_TOO_MANY_ATTRIBUTES;
      for (gsize step = 1; step <= text->len; step = step * 3 + 4)
        {
          g_autoptr(GArray) by_bytes = g_array_new (FALSE, FALSE, sizeof (guint));
          gsize chunk = step >= 100 ? text->len : step;

          g_assert_cmpint (scan_starts ((const guchar *) text->str, text->len, chunk, by_bytes),
                           ==, expected);
          g_assert_cmpuint (by_bytes->len, ==, by_units->len);
          g_assert_cmpmem (by_bytes->data, by_bytes->len * sizeof (guint),
                           by_units->data, by_units->len * sizeof (guint));
        }
    }
  /* Both outcomes were tried, many times each. */
  g_assert_cmpuint (n_refused, >, 50);
  g_assert_cmpuint (n_refused, <, 150);
}

/* Markup soup: comments (with "<!--->" and "--->"), CDATA, processing
 * instructions, a DOCTYPE with quotes, end tags, empty elements, text with
 * '>' and '=', double-quoted values only in some stretches (the bytes path
 * masks those a block at a time) and line breaks everywhere.  Most of it is
 * not XML; the scanner must still read it the same way both paths. */
static GString *
random_markup (GRand *rand)
{
  static const char *const pieces[] = {
    "<", ">", "\"", "'", "=", "\n", "t", " ", "<!--", "-->", "<!-", "--->", "<!--->",
    "<![CDATA[", "]]>", "]]]>", "<?", "?>", "</", "/>", "<!DOCTYPE r [", "]>", "\n\n",
    "<a x=\"1\" y=\"2\">", "<b\n z=\"=>\"/>", " w='v'", "</a>", "<c k=\"v\"\n>",
  };
  GString *text = g_string_new ("<r ");
  guint n = (guint) g_rand_int_range (rand, 1, 600);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return text;
}

static void
test_markup_agrees_with_units (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (31);
  guint n_refused = 0;

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GString) text = random_markup (rand);
      guint max_attributes = (guint) g_rand_int_range (rand, 0, 12);
      gsize length = 0;
      g_autofree char *utf16 = g_convert (text->str, text->len, "UTF-16LE", "UTF-8",
                                          NULL, &length, NULL);
      g_autoptr(GArray) by_units = g_array_new (FALSE, FALSE, sizeof (guint));
      CaPrescanResult expected;
      guint expected_line;

      g_assert_nonnull (utf16);
      expected = scan_starts_at ((const guchar *) utf16, length, length, max_attributes,
                                 by_units, &expected_line);
      n_refused += expected != CA_PRESCAN_OK;
      for (gsize step = 1; step <= text->len + 70; step = step * 2 + 5)
        {
          g_autoptr(GArray) by_bytes = g_array_new (FALSE, FALSE, sizeof (guint));
          guint line;

          g_assert_cmpint (scan_starts_at ((const guchar *) text->str, text->len,
                                           MIN (step, text->len), max_attributes, by_bytes,
                                           &line),
                           ==, expected);
          g_assert_cmpmem (by_bytes->data, by_bytes->len * sizeof (guint),
                           by_units->data, by_units->len * sizeof (guint));
          if (expected == CA_PRESCAN_OK)
            g_assert_cmpuint (line, ==, expected_line);
        }
    }
  g_assert_cmpuint (n_refused, >, 40);
  g_assert_cmpuint (n_refused, <, 360);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/prescan/attributes", test_attributes);
  g_test_add_func ("/prescan/markup", test_markup);
  g_test_add_func ("/prescan/long-tag", test_long_tag);
  g_test_add_func ("/prescan/tag-bound", test_tag_bound);
  g_test_add_func ("/prescan/positions", test_positions);
  g_test_add_func ("/prescan/utf16", test_utf16);
  g_test_add_func ("/prescan/bytes-agree-with-units", test_bytes_agree_with_units);
  g_test_add_func ("/prescan/markup-agrees-with-units", test_markup_agrees_with_units);
  return g_test_run ();
}
