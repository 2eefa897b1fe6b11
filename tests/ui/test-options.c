/* test-options.c: the program's options, run as a user runs them, with no
 * display (cli.md): exit statuses and messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("CA_FIXTURES"), name, NULL);
}

/* Runs cluster-atlas with @args (NULL-terminated) and no display. */
static void
run (Run        *result,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("CA_PROGRAM"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static void
test_version (void)
{
  g_auto(Run) result = { 0 };

  run (&result, "--version", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(Run) result = { 0 };

  run (&result, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--check"));
  g_assert_nonnull (strstr (result.out, "--lang"));
}

static void
test_usage_errors (void)
{
  g_auto(Run) unknown = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) language = { 0 };
  g_auto(Run) no_files = { 0 };

  run (&unknown, "--no-such-option", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "--no-such-option"));

  run (&missing, "--lang", NULL);
  g_assert_cmpint (missing.status, ==, 2);

  run (&language, "--lang", "xx_YY", "--check", "x.xml", NULL);
  g_assert_cmpint (language.status, ==, 2);
  g_assert_nonnull (strstr (language.err, "xx_YY"));
  g_assert_nonnull (strstr (language.err, "zh_CN"));

  run (&no_files, "--check", NULL);
  g_assert_cmpint (no_files.status, ==, 2);
  g_assert_cmpstr (no_files.out, ==, "");
}

static void
test_check (void)
{
  g_autofree char *good = fixture ("ui-good.xml");
  g_autofree char *bad = fixture ("ui-bad.xml");
  g_autofree char *expected = g_strdup_printf ("%s: OK: ", good);
  g_auto(Run) valid = { 0 };
  g_auto(Run) invalid = { 0 };

  run (&valid, "--check", good, NULL);
  g_assert_cmpint (valid.status, ==, 0);
  g_assert_true (g_str_has_prefix (valid.out, expected));

  /* A valid file still reports OK when another one fails. */
  run (&invalid, "--lang", "en", "--check", good, bad, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  g_assert_true (g_str_has_prefix (invalid.out, expected));
  g_assert_nonnull (strstr (invalid.err, "ui-bad.xml:18:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/options/version", test_version);
  g_test_add_func ("/options/help", test_help);
  g_test_add_func ("/options/usage-errors", test_usage_errors);
  g_test_add_func ("/options/check", test_check);

  return g_test_run ();
}
