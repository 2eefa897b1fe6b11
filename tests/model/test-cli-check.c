/* test-cli-check.c: `cluster-atlas --check FILE...` (cli.md): the function,
 * and the real program when it is built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "ca-cli.h"
#include "ca-i18n.h"

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("CA_FIXTURES"), name, NULL);
}

static void
test_good (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *good = fixture_path ("good-full.xml");
      char *files[] = { good, NULL };

      exit (ca_cli_check (files));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*good-full.xml: OK: 3 regions, 2 parks, 4 programs, 7 figures, "
                             "2 sources\n");
  g_test_trap_assert_stderr ("");
}

static void
test_bad (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *good = fixture_path ("good-full.xml");
      g_autofree char *bad = fixture_path ("bad/id-duplicate.xml");
      char *files[] = { good, bad, NULL };

      exit (ca_cli_check (files));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("*good-full.xml: OK: *");
  g_test_trap_assert_stderr ("*bad/id-duplicate.xml:19:*: duplicate id “cn” "
                             "(first defined at line 17)\n");
}

static void
test_status (void)
{
  g_autofree char *bad = fixture_path ("bad/id-duplicate.xml");
  char *no_files[] = { NULL };

  if (g_test_subprocess ())
    {
      char *files[] = { bad, NULL };

      exit (ca_cli_check (files) == 1 && ca_cli_check (no_files) == 2 ? 0 : 1);
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Usage*");
}

static void
test_program (void)
{
  const char *program = g_getenv ("CA_PROGRAM");
  g_autofree char *good = fixture_path ("good-full.xml");
  g_autofree char *bad = fixture_path ("bad/value-negative.xml");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  if (program == NULL || !g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("cluster-atlas is not built");
      return;
    }
  {
    const char *argv[] = { program, "--check", good, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                  &wait_status, &error);
    g_assert_no_error (error);
    g_test_message ("stdout: %s\nstderr: %s", out, err);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
    g_assert_true (g_str_has_suffix (out, "good-full.xml: OK: 3 regions, 2 parks, 4 programs, "
                                          "7 figures, 2 sources\n"));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { program, "--check", bad, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                  &wait_status, &error);
    g_assert_no_error (error);
    g_test_message ("stdout: %s\nstderr: %s", out, err);
    g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 1);
    g_assert_cmpstr (out, ==, "");
    g_assert_nonnull (strstr (err, "value-negative.xml:26:"));
    g_assert_nonnull (strstr (err, "negative (-5)"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();
  ca_i18n_set_language ("en");

  g_test_add_func ("/cli-check/good", test_good);
  g_test_add_func ("/cli-check/bad", test_bad);
  g_test_add_func ("/cli-check/status", test_status);
  g_test_add_func ("/cli-check/program", test_program);
  return g_test_run ();
}
