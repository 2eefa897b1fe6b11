/* test-checks.c: the value rules of ca-checks.c.  The fast path that parses
 * most values must give exactly what g_ascii_strtod () gives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ca-checks.h"

static void
test_values_match_strtod (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);

  for (guint n = 0; n < 200000; n++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      int whole = g_rand_int_range (rand, 0, 17);
      int drawn = g_rand_int_range (rand, 0, 17);
      int fraction = MIN (drawn, CA_VALUE_MAX_DIGITS - whole);
      double value = -1;

      for (int i = 0; i < whole; i++)
        g_string_append_c (text, (char) ('0' + g_rand_int_range (rand, 0, 10)));
      if (fraction > 0 || whole == 0)
        g_string_append_c (text, '.');
      for (int i = 0; i < fraction; i++)
        g_string_append_c (text, (char) ('0' + g_rand_int_range (rand, 0, 10)));
      if (whole == 0 && fraction == 0)
        g_string_append_c (text, '5');
      g_assert_cmpint (ca_parse_value (text->str, &value), ==, CA_VALUE_OK);
      g_assert_cmpfloat (value, ==, g_ascii_strtod (text->str, NULL));
    }
}

static void
test_values_edges (void)
{
  static const struct {
    const char  *text;
    CaValueCheck check;
    double       value;
  } cases[] = {
    { "0", CA_VALUE_OK, 0 }, { "+5", CA_VALUE_OK, 5 }, { ".5", CA_VALUE_OK, 0.5 },
    { "5.", CA_VALUE_OK, 5 }, { "00.", CA_VALUE_OK, 0 }, { "-0", CA_VALUE_OK, 0 },
    { "0.1", CA_VALUE_OK, 0.1 }, { "500000000000", CA_VALUE_OK, 5e11 },
    { "0000000000000000000000000000000000000007", CA_VALUE_OK, 7 },
    { "123456789012345678901234", CA_VALUE_OK, 123456789012345678901234.0 },
    { "0.000000000000000000000001", CA_VALUE_OK, 1e-24 },
    { "1234567890123456789012345", CA_VALUE_TOO_MANY_DIGITS, 0 },
    { ".", CA_VALUE_NOT_A_NUMBER, 0 }, { "+", CA_VALUE_NOT_A_NUMBER, 0 },
    { "", CA_VALUE_EMPTY, 0 }, { "1.2.3", CA_VALUE_NOT_A_NUMBER, 0 },
    { "1e3", CA_VALUE_NOT_A_NUMBER, 0 }, { "-1", CA_VALUE_NEGATIVE, 0 },
    { "0x10", CA_VALUE_NOT_A_NUMBER, 0 }, { " 5", CA_VALUE_NOT_A_NUMBER, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ca_parse_value (cases[i].text, &value), ==, cases[i].check);
      if (cases[i].check == CA_VALUE_OK)
        g_assert_cmpfloat (value, ==, cases[i].value);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/checks/values-match-strtod", test_values_match_strtod);
  g_test_add_func ("/checks/values-edges", test_values_edges);
  return g_test_run ();
}
