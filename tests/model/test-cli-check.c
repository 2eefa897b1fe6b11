/* test-cli-check.c: `cluster-atlas --check FILE...` (README, "Command line";
 * cluster-atlas.1): the function, and the real program when it is built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
  g_test_trap_assert_stderr ("*: --check needs at least one FILE*");
}

static GString *captured;

static void
capture_cb (const char *text)
{
  g_string_append (captured, text);
}

/* Runs ca_cli_check () on one file, its stderr kept in `captured`. */
static int
check_captured (const char *path)
{
  char *files[] = { (char *) path, NULL };
  GPrintFunc old;
  int status;

  captured = g_string_new (NULL);
  old = g_set_printerr_handler (capture_cb);
  status = ca_cli_check (files);
  g_set_printerr_handler (old);
  return status;
}

/* Checks @path in a subprocess killed after five seconds, so that a check
 * that blocks fails instead of hanging; the check itself must take less
 * than a tenth of a second. */
static void
check_not_regular (const char *path)
{
  if (g_test_subprocess ())
    {
      g_autofree char *name = g_filename_display_name (path);
      g_autofree char *expected = g_strdup_printf ("%s:0:0: “%s” is not a regular file\n",
                                                   name, name);
      gint64 start = g_get_monotonic_time ();
      int status = check_captured (path);

      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 10);
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (captured->str, ==, expected);
      exit (0);
    }
  g_test_trap_subprocess (NULL, 5 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_assert_false (g_test_trap_reached_timeout ());
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
}

static char *scratch_dir;

static void
test_fifo (void)
{
  g_autofree char *fifo = g_build_filename (scratch_dir, "fifo.xml", NULL);

  if (!g_test_subprocess ())
    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  check_not_regular (fifo);
  g_unlink (fifo);
}

static void
test_dev_zero (void)
{
  check_not_regular ("/dev/zero");
}

static void
test_directory (void)
{
  check_not_regular (scratch_dir);
}

static void
copy_fixture (const char *name,
              const char *path)
{
  g_autofree char *source = fixture_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Checks ui-bad.xml (twelve problems) copied under @name: one line per
 * problem, each FILE:LINE:COLUMN: message with FILE shown as @shown. */
static void
check_escaped_name (const char *name,
                    const char *shown)
{
  g_autofree char *path = g_build_filename (scratch_dir, name, NULL);
  g_autofree char *shown_path = g_build_filename (scratch_dir, shown, NULL);
  g_auto(GStrv) lines = NULL;

  copy_fixture ("ui-bad.xml", path);
  g_assert_cmpint (check_captured (path), ==, 1);
  g_unlink (path);

  lines = g_strsplit (captured->str, "\n", -1);
  g_string_free (g_steal_pointer (&captured), TRUE);
  g_assert_cmpuint (g_strv_length (lines), ==, 12 + 1);
  g_assert_cmpstr (lines[12], ==, "");
  for (guint i = 0; i < 12; i++)
    {
      const char *rest = lines[i] + strlen (shown_path);

      g_test_message ("%s", lines[i]);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_true (g_str_has_prefix (lines[i], shown_path));
      g_assert_true (g_regex_match_simple ("^:[0-9]+:[0-9]+: the source “src-missing-[0-9]+” ",
                                           rest, 0, 0));
    }
}

static void
test_latin1_name (void)
{
  /* café.xml in ISO 8859-1; its é is not UTF-8, so it is written \xE9. */
  check_escaped_name ("caf\xe9.xml", "caf\\xE9.xml");
}

/* The OK line of a good file names it the same way. */
static void
test_latin1_good (void)
{
  g_autofree char *path = g_build_filename (scratch_dir, "caf\xe9.xml", NULL);
  g_autofree char *expected = g_strdup_printf ("%s/caf\\xE9.xml: OK: 3 regions, 2 parks, "
                                               "4 programs, 7 figures, 2 sources\n",
                                               scratch_dir);

  if (g_test_subprocess ())
    {
      char *files[] = { path, NULL };

      exit (ca_cli_check (files));
    }
  copy_fixture ("good-full.xml", path);
  g_test_trap_subprocess (NULL, 5 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_unlink (path);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (expected);
  g_test_trap_assert_stderr ("");
}

static void
test_newline_name (void)
{
  /* A newline in the name would start a line that looks like a problem. */
  check_escaped_name ("bad.xml\nbad.xml:1:1: forged\n.xml",
                      "bad.xml\\nbad.xml:1:1: forged\\n.xml");
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
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The parent makes the folder; its subprocesses, run with the same
   * environment, find it by name. */
  if (g_test_subprocess ())
    scratch_dir = g_strdup (g_getenv ("CA_TEST_CLI_SCRATCH"));
  else
    {
      scratch_dir = g_dir_make_tmp ("ca-test-cli-check-XXXXXX", NULL);
      g_setenv ("CA_TEST_CLI_SCRATCH", scratch_dir, TRUE);
    }
  ca_i18n_init ();
  ca_i18n_set_language ("en");

  g_test_add_func ("/cli-check/good", test_good);
  g_test_add_func ("/cli-check/bad", test_bad);
  g_test_add_func ("/cli-check/status", test_status);
  g_test_add_func ("/cli-check/program", test_program);
  g_test_add_func ("/cli-check/fifo", test_fifo);
  g_test_add_func ("/cli-check/dev-zero", test_dev_zero);
  g_test_add_func ("/cli-check/directory", test_directory);
  g_test_add_func ("/cli-check/latin1-name", test_latin1_name);
  g_test_add_func ("/cli-check/latin1-good", test_latin1_good);
  g_test_add_func ("/cli-check/newline-name", test_newline_name);
  status = g_test_run ();
  if (!g_test_subprocess ())
    g_rmdir (scratch_dir);
  g_free (scratch_dir);
  return status;
}
