/* test-threads.c: the loader on two threads says exactly what it says on
 * one
 *
 * ca_loader_run () parses on a thread of its own when the input is longer
 * than one chunk, and on the calling thread otherwise (ca-loader.c).  Each
 * input here goes through both ways, told apart by the size the loader is
 * given, and the outcomes are compared: the same problems, in the same
 * order, with the same positions, or the same dataset.  The inputs are
 * every fixture of the suite (good, bad, what fuzzing found) and long generated
 * files with their problems early, late and everywhere, in UTF-8, GBK and
 * UTF-16, plus a load cancelled half-way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ca-dataset-private.h"
#include "ca-i18n.h"
#include "ca-node.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"%s\"?>\n"
#define ATLAS "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">\n" \
  "  <metrics>\n    <metric id=\"projects\" kind=\"count\"><name xml:lang=\"en\">Projects</name>" \
  "</metric>\n  </metrics>\n  <sources>\n    <source id=\"src\" published=\"2022-11-23\" " \
  "publisher=\"Office\"><title xml:lang=\"en\">Title</title></source>\n  </sources>\n"
/* One chunk is 64 KiB: this many regions make about 1 MB. */
#define N_REGIONS 5000

typedef struct {
  gboolean      ok;
  guint         n_nodes;
  GString      *said;       /* every problem, one a line, or the error */
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_string_free (outcome->said, TRUE);
}

static void
cancel_half_way (double   fraction,
                 gpointer user_data)
{
  if (fraction > 0.5)
    g_cancellable_cancel (user_data);
}

/* @threads: whether the loader is told the input is long, which decides
 * whether it parses on a thread of its own. */
static Outcome
run (const char   *data,
     gsize         length,
     gboolean      threads,
     GCancellable *cancel)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  CaMemorySource input = { data, length, 0 };
  Outcome outcome = { FALSE, 0, g_string_new (NULL) };
  CaDatasetContents *contents;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ca_problem_free);
  contents = ca_loader_run ("input.xml", ca_memory_source_read, &input,
                            threads ? 1024 * 1024 : 1, cancel,
                            cancel != NULL ? cancel_half_way : NULL, cancel, problems, &error);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = ca_problem_format (problems->pdata[i]);

      g_string_append_printf (outcome.said, "%s\n", line);
    }
  if (error != NULL)
    g_string_append_printf (outcome.said, "error %d: %s\n", error->code, error->message);
  if (contents != NULL)
    {
      g_autoptr(CaDataset) dataset = ca_dataset_new_from_contents (contents, NULL);

      outcome.ok = TRUE;
      outcome.n_nodes = ca_dataset_get_n_nodes (dataset);
    }
  return outcome;
}

/* Loads @data both ways; returns what the loader said. */
static char *
assert_same (const char *data,
             gsize       length)
{
  Outcome one = run (data, length, FALSE, NULL);
  Outcome two = run (data, length, TRUE, NULL);
  char *said;

  g_assert_cmpstr (two.said->str, ==, one.said->str);
  g_assert_cmpint (two.ok, ==, one.ok);
  g_assert_cmpuint (two.n_nodes, ==, one.n_nodes);
  said = g_strdup (one.said->str);
  outcome_clear (&one);
  outcome_clear (&two);
  return said;
}

static void
test_file (gconstpointer user_data)
{
  const char *path = user_data;
  g_autofree char *data = NULL;
  g_autofree char *said = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  said = assert_same (data, length);
  g_test_message ("%s", said);
}

static void
add_files (const char *dir_name,
           const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_name, name, NULL);
      g_autofree char *test_path = g_strconcat (prefix, name, NULL);

      if (g_str_has_suffix (name, ".xml"))
        g_test_add_data_func_full (test_path, g_steal_pointer (&path), test_file, g_free);
    }
}

/* A long file: N_REGIONS regions, each with a park and a count; @bad
 * says which regions get what: 'a' an unknown attribute, 'x' a tag that is
 * not closed, 't' stray text, 'g' a name that is not valid GBK (with
 * @encoding GBK), 'c' the file cut short there, 'm' more attributes than
 * the scanner lets through. */
static GString *
long_file (const char *encoding,
           char      (*bad) (guint i))
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, HEAD ATLAS, encoding);
  for (guint i = 0; i < N_REGIONS; i++)
    {
      char what = bad (i);

      if (what == 'c')
        return out;
      g_string_append_printf (out, "  <region id=\"r%u\" kind=\"country\"%s", i,
                              what == 'a' ? " size=\"big\"" : "");
      for (guint k = 0; what == 'm' && k < 80; k++)
        g_string_append_printf (out, " a%u=\"%u\"", k, k);
      g_string_append (out, ">\n");
      g_string_append_printf (out, "    <name xml:lang=\"en\">Region %u%s</name>\n", i,
                              what == 'g' ? "\x81\x20" : "");
      if (what == 't')
        g_string_append (out, "    stray\n");
      g_string_append_printf (out, "    <park id=\"p%u\" kind=\"chemical-park\"><name "
                              "xml:lang=\"zh-Hans\">\xd4\xb0\xc7\xf8 %u</name>\n"
                              "      <count metric=\"projects\" value=\"%u\" date=\"2024-04-07\" "
                              "qualifier=\"exact\" source=\"src\"/>\n    </park>\n", i, i, i);
      g_string_append (out, what == 'x' ? "  <region>\n" : "  </region>\n");
    }
  g_string_append (out, "</atlas>\n");
  return out;
}

static char good (guint i) { return ' '; }
static char late_attribute (guint i) { return i == N_REGIONS - 3 ? 'a' : ' '; }
static char every_attribute (guint i) { return 'a'; }
static char late_unclosed (guint i) { return i == N_REGIONS - 10 ? 'x' : ' '; }
static char early_unclosed (guint i) { return i == 2 ? 'x' : ' '; }
static char late_text (guint i) { return i % 997 == 5 ? 't' : ' '; }
static char late_gbk (guint i) { return i == N_REGIONS / 2 ? 'g' : ' '; }
static char cut_short (guint i) { return i == N_REGIONS / 3 ? 'c' : ' '; }
static char late_many (guint i) { return i == N_REGIONS - 2 ? 'm' : ' '; }

typedef struct {
  const char *name;
  const char *encoding;
  char      (*bad) (guint i);
  const char *message;      /* in the first problem; NULL for none */
} LongCase;

static const LongCase long_cases[] = {
  { "good", "UTF-8", good, NULL },
  { "good-gbk", "GBK", good, NULL },
  { "late-attribute", "UTF-8", late_attribute, "may not have the attribute “size”" },
  { "every-attribute", "UTF-8", every_attribute, "may not have the attribute “size”" },
  { "late-unclosed", "UTF-8", late_unclosed, NULL },
  { "early-unclosed", "UTF-8", early_unclosed, NULL },
  { "late-text", "UTF-8", late_text, "may not contain text" },
  { "late-gbk", "GBK", late_gbk, "not valid GBK" },
  { "cut-short", "UTF-8", cut_short, "cut short" },
  { "late-many-attributes", "UTF-8", late_many, "more than 32 attributes" },
};

static void
test_long (gconstpointer user_data)
{
  const LongCase *c = user_data;
  g_autoptr(GString) file = long_file (c->encoding, c->bad);
  g_autofree char *said = NULL;

  /* The names of the parks are GBK bytes: as UTF-8 they are not valid. */
  if (strcmp (c->encoding, "UTF-8") == 0)
    for (char *p = strstr (file->str, "\xd4\xb0"); p != NULL; p = strstr (p, "\xd4\xb0"))
      memcpy (p, "Pa", 2), memcpy (p + 2, "rk", 2);
  g_assert_cmpuint (file->len, >, 4 * 64 * 1024);   /* chunks */
  said = assert_same (file->str, file->len);
  g_test_message ("%s", said);
  if (c->message == NULL && c->bad == good)
    g_assert_cmpstr (said, ==, "");
  else
    g_assert_cmpstr (said, !=, "");
  if (c->message != NULL)
    g_assert_nonnull (strstr (said, c->message));
  if (c->bad == every_attribute)
    g_assert_nonnull (strstr (said, "too many problems"));
}

/* The same long file in UTF-16, with a problem near its end, and with a
 * byte too many at its end. */
static void
test_long_utf16 (void)
{
  g_autoptr(GString) file = long_file ("UTF-16", late_attribute);
  g_autofree gunichar2 *units = NULL;
  g_autofree char *said = NULL;
  glong n_units;
  GString *bytes;

  for (char *p = strstr (file->str, "\xd4\xb0\xc7\xf8"); p != NULL; p = strstr (p, "\xd4\xb0"))
    memcpy (p, "Park", 4);
  units = g_utf8_to_utf16 (file->str, (glong) file->len, NULL, &n_units, NULL);
  g_assert_nonnull (units);
  bytes = g_string_new_len ("\xff\xfe", 2);
  g_string_append_len (bytes, (const char *) units, n_units * 2);
  said = assert_same (bytes->str, bytes->len);
  g_assert_nonnull (strstr (said, "may not have the attribute “size”"));
  g_clear_pointer (&said, g_free);
  g_string_append_c (bytes, ' ');
  said = assert_same (bytes->str, bytes->len);
  g_assert_nonnull (strstr (said, "in the middle of a character (UTF-16)"));
  g_string_free (bytes, TRUE);
}

/* Memory reads that count how often they are asked, and fail past
 * @fail_at bytes when that is not 0. */
typedef struct {
  CaMemorySource memory;
  guint          n_reads;
  gsize          fail_at;
} CountedSource;

static gssize
counted_read (gpointer  source,
              char     *buffer,
              gsize     size,
              GError  **error)
{
  CountedSource *counted = source;

  counted->n_reads++;
  if (counted->fail_at > 0 && counted->memory.offset + size > counted->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Input/output error");
      return -1;
    }
  return ca_memory_source_read (&counted->memory, buffer, size, error);
}

static GPtrArray *
run_counted (CountedSource *source,
             gboolean       threads)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ca_problem_free);
  g_autoptr(GError) error = NULL;
  CaDatasetContents *contents;

  contents = ca_loader_run ("input.xml", counted_read, source,
                            threads ? 1024 * 1024 : 1, NULL, NULL, NULL, problems, &error);
  g_assert_null (contents);
  return problems;
}

/* A long file that libxml2 gives up on at its start: a few chunks are
 * read, not the whole file, on either path. */
static void
test_stop_reading (void)
{
  g_autoptr(GString) file = long_file ("UTF-8", good);
  char *at = strstr (file->str, "</region>");

  memcpy (at, "</regio>>", 9);
  for (int threads = 0; threads < 2; threads++)
    {
      CountedSource source = { { file->str, file->len, 0 }, 0, 0 };
      g_autoptr(GPtrArray) problems = run_counted (&source, threads);

      g_assert_cmpuint (problems->len, >=, 1);
      g_test_message ("%s: %u reads of %zu bytes", threads ? "threads" : "one thread",
                      source.n_reads, file->len);
      g_assert_cmpuint (source.n_reads, <=, threads ? 6 : 2);
    }
}

/* A read that fails after problems were found: the problems stay in file
 * order (the region's missing name is found after the element inside it). */
static void
test_read_error_sorted (void)
{
  g_autoptr(GString) file = long_file ("UTF-8", good);
  char *at = strstr (file->str, "  <region id=\"r0\"");

  g_string_insert (file, at - file->str, "<region id=\"a\" kind=\"d\">\n<bogus/>\n</region>\n");
  for (int threads = 0; threads < 2; threads++)
    {
      CountedSource source = { { file->str, file->len, 0 }, 0, 3 * 65536 };
      g_autoptr(GPtrArray) problems = run_counted (&source, threads);

      g_assert_cmpuint (problems->len, >=, 2);
      for (guint i = 1; i < problems->len; i++)
        g_assert_cmpuint (((CaProblem *) problems->pdata[i - 1])->line, <=,
                          ((CaProblem *) problems->pdata[i])->line);
    }
}

static gsize
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  hwm = strstr (status, "VmHWM:");
  g_assert_nonnull (hwm);
  return (gsize) g_ascii_strtoull (hwm + strlen ("VmHWM:"), NULL, 10);
}

/* Every chunk boundary inside a start tag: the parser's list of where
 * start tags begin must not grow with the file. */
static void
test_starts_bounded (void)
{
  GString *file = g_string_new (NULL);
  gsize before, n;

  g_string_append_printf (file, HEAD ATLAS "  <region id=\"z\" kind=\"d\" xmlns:f=\"urn:f\">"
                          "<name xml:lang=\"en\">z</name>\n", "UTF-8");
  for (gsize k = 1; file->len < 24 * 1024 * 1024; k++)
    {
      gsize target = k * 65536;

      for (n = file->len; n + 6 < target - 20; n += 6)
        g_string_append (file, "<f:a/>");
      while (file->len < target - 10)
        g_string_append_c (file, ' ');
      g_string_append (file, "<f:b a=\"0123456789\"/>");
    }
  g_string_append (file, "</region>\n</atlas>\n");
  before = peak_kib ();
  {
    Outcome outcome = run (file->str, file->len, TRUE, NULL);

    g_assert_true (outcome.ok);
    outcome_clear (&outcome);
  }
  g_test_message ("peak %zu KiB before, %zu after, for %zu KiB of input", before, peak_kib (),
                  file->len / 1024);
  g_assert_cmpuint (peak_kib () - before, <, 8 * 1024);
  g_string_free (file, TRUE);
}

/* White space that comes on its own inside a name (between comments, or
 * from a character reference) is the name's: only indentation between
 * elements that hold no text is dropped. */
static void
test_text_white_space (void)
{
  g_autoptr(GString) file = long_file ("UTF-8", good);
  char *at;

  for (char *p = strstr (file->str, "\xd4\xb0\xc7\xf8"); p != NULL; p = strstr (p, "\xd4\xb0"))
    memcpy (p, "Park", 4);
  at = strstr (file->str, "Region 7<");
  g_string_insert (file, at - file->str + strlen ("Region 7"), "<!-- a --> <!-- b -->x&#32;y");
  for (int threads = 0; threads < 2; threads++)
    {
      CaMemorySource input = { file->str, file->len, 0 };
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      CaDatasetContents *contents;
      g_autoptr(CaDataset) dataset = NULL;

      problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ca_problem_free);
      contents = ca_loader_run ("input.xml", ca_memory_source_read, &input,
                                threads ? 1024 * 1024 : 1, NULL, NULL, NULL, problems, &error);
      g_assert_no_error (error);
      dataset = ca_dataset_new_from_contents (contents, NULL);
      g_assert_cmpstr (ca_node_get_name (ca_dataset_lookup_node (dataset, "r7"), "en"), ==,
                       "Region 7 x y");
    }
}

/* Cancelled half-way: refused as cancelled, and no thread is left. */
static void
test_cancel (void)
{
  g_autoptr(GString) file = long_file ("UTF-8", good);
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  Outcome outcome;

  for (char *p = strstr (file->str, "\xd4\xb0\xc7\xf8"); p != NULL; p = strstr (p, "\xd4\xb0"))
    memcpy (p, "Park", 4);
  outcome = run (file->str, file->len, TRUE, cancel);
  g_assert_false (outcome.ok);
  g_assert_nonnull (strstr (outcome.said->str, "error"));
  outcome_clear (&outcome);
}

int
main (int    argc,
      char **argv)
{
  const char *fixtures = g_getenv ("CA_FIXTURES");
  g_autofree char *bad = g_build_filename (fixtures, "bad", NULL);
  g_autofree char *found = g_build_filename (fixtures, "..", "fuzz", "regressions", NULL);

  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();
  ca_i18n_set_language ("en");
  g_assert_nonnull (fixtures);
  add_files (fixtures, "/threads/fixture/");
  add_files (bad, "/threads/bad/");
  add_files (found, "/threads/fuzz/");
  for (guint i = 0; i < G_N_ELEMENTS (long_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/threads/long/", long_cases[i].name, NULL);

      g_test_add_data_func (test_path, &long_cases[i], test_long);
    }
  g_test_add_func ("/threads/long/utf-16", test_long_utf16);
  g_test_add_func ("/threads/cancel", test_cancel);
  g_test_add_func ("/threads/stop-reading", test_stop_reading);
  g_test_add_func ("/threads/read-error-sorted", test_read_error_sorted);
  g_test_add_func ("/threads/starts-bounded", test_starts_bounded);
  g_test_add_func ("/threads/text-white-space", test_text_white_space);
  return g_test_run ();
}
