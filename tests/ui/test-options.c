/* test-options.c: the program's options, run as a user runs them, with no
 * display (README, "Command line"; cluster-atlas.1): exit statuses and
 * messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>

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
  /* GLib's own messages (--help, parse errors) in English and UTF-8. */
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
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

/* --help as in every GNOME program: GApplication's, with every option of
 * every form, on standard output. */
static void
test_help (void)
{
  static const char *options[] = {
    "-h, --help", "--help-all", "--help-gapplication", "--version", "--lang=LANG",
    "--check", "--export=OUT", "--node=ID", "--chart=VIEW", "--width=PX",
    "--height=PX", "--scale=N",
  };
  g_auto(Run) result = { 0 };
  g_auto(Run) all = { 0 };

  run (&result, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (g_str_has_prefix (result.out, "Usage:\n  cluster-atlas [OPTION…] [FILE…]\n"));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", options[i]);

      g_test_message ("looking for %s", options[i]);
      g_assert_nonnull (strstr (result.out, line));
    }

  run (&all, "--help-all", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_nonnull (strstr (all.out, "--gapplication-service"));
  g_assert_nonnull (strstr (all.out, "--export=OUT"));
}

/* Whatever GLib's parser refuses is a usage error: status 2, the program's
 * name, the reason and where to look, on standard error only. */
static void
test_parse_errors (void)
{
  static const char *cases[][3] = {
    { "--no-such-option", NULL, "Unknown option --no-such-option" },
    { "--lang", NULL, "Missing argument for --lang" },
    { "--check", "--width", "Missing argument for --width" },
    { "--export", NULL, "Missing argument for --export" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = g_strdup_printf ("cluster-atlas: %s\n"
                                                   "Run “cluster-atlas --help” to see the "
                                                   "options.\n", cases[i][2]);
      g_auto(Run) result = { 0 };

      run (&result, "--lang", "en", cases[i][0], cases[i][1], NULL);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpstr (result.err, ==, expected);
    }
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

/* After "--" everything is a FILE: "--check" there is no command, so the
 * explorer's own checks answer (here, the unknown language). */
static void
test_double_dash (void)
{
  g_auto(Run) result = { 0 };

  run (&result, "--lang", "xx_YY", "--", "--check", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "xx_YY"));
  g_assert_null (strstr (result.err, "needs at least one FILE"));
}

static void
test_one_command (void)
{
  g_autofree char *good = fixture ("ui-good.xml");
  g_auto(Run) result = { 0 };

  run (&result, "--check", good, "--export", "out.png", "--node", "sh", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_nonnull (strstr (result.err, "--check and --export cannot be combined"));
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
  g_test_add_func ("/options/parse-errors", test_parse_errors);
  g_test_add_func ("/options/usage-errors", test_usage_errors);
  g_test_add_func ("/options/double-dash", test_double_dash);
  g_test_add_func ("/options/one-command", test_one_command);
  g_test_add_func ("/options/check", test_check);

  return g_test_run ();
}
