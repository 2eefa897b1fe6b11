/* test-fuzz-regressions.c: every input the fuzzer ever found a fault with,
 * replayed through the normal build.  Each must be refused (with its
 * problems) or loaded, never crash, warn or leak.  Run under the sanitizer
 * build and the valgrind setup, this keeps the fixes fixed. */

#include "ca-dataset.h"
#include "ca-node.h"

static void
check_result (CaDataset    *dataset,
              GPtrArray    *problems,
              const GError *error)
{
  if (dataset != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (ca_dataset_get_n_nodes (dataset), >, 0);
      return;
    }
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >, 0);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = ca_problem_format (g_ptr_array_index (problems, i));

      g_assert_true (g_utf8_validate (line, -1, NULL));
    }
}

static void
test_regression (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CaDataset) from_file = NULL;
  g_autoptr(CaDataset) from_data = NULL;

  /* From disk, as --check and the window load it. */
  from_file = ca_dataset_load_file (path, NULL, NULL, NULL, &problems, &error);
  check_result (from_file, problems, error);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* From memory, as the fuzzer found it: both paths must agree. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  from_data = ca_dataset_load_data (contents, length, path, &problems, &error);
  check_result (from_data, problems, error);
  g_assert_true ((from_file == NULL) == (from_data == NULL));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
list_regressions (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (!g_str_has_suffix (name, ".md"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = NULL;

  g_test_init (&argc, &argv, NULL);
  /* The directory of findings: tests/fuzz/regressions. */
  g_assert_cmpint (argc, ==, 2);
  paths = list_regressions (argv[1]);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *test_path = g_strdup_printf ("/fuzz/regression/%s", base);

      g_test_add_data_func (test_path, path, test_regression);
    }
  return g_test_run ();
}
