/* test-hostile.c: inputs written to hurt a parser, generated into a
 * temporary directory; each must be refused with a message.  The time each
 * takes is printed (the targets are checked by bench/, not asserted here).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ca-dataset.h"
#include "ca-i18n.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ATLAS "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">\n"

static char *tmp_dir;

typedef void (*WriteFunc) (FILE *out);

typedef struct {
  const char *name;
  WriteFunc   write;
  const char *message;   /* a part of one problem; NULL for any */
} Hostile;

static void
write_billion_laughs (FILE *out)
{
  fputs (HEAD "<!DOCTYPE atlas [\n <!ENTITY lol \"lol\">\n", out);
  for (int i = 1; i <= 9; i++)
    {
      fprintf (out, " <!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        fprintf (out, i == 1 ? "&lol;" : "&lol%d;", i - 1);
      fputs ("\">\n", out);
    }
  fputs ("]>\n" ATLAS "<title xml:lang=\"en\">&lol9;</title></atlas>\n", out);
}

static void
write_entity_file (FILE *out)
{
  fputs (HEAD "<!DOCTYPE atlas [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
         ATLAS "<title xml:lang=\"en\">&x;</title></atlas>\n", out);
}

static void
write_entity_http (FILE *out)
{
  fputs (HEAD "<!DOCTYPE atlas [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x.txt\">]>\n"
         ATLAS "<title xml:lang=\"en\">&x;</title></atlas>\n", out);
}

static void
write_parameter_entity (FILE *out)
{
  fputs (HEAD "<!DOCTYPE atlas [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]>\n"
         ATLAS "</atlas>\n", out);
}

static void
write_external_dtd (FILE *out)
{
  fputs (HEAD "<!DOCTYPE atlas SYSTEM \"http://127.0.0.1:9/atlas.dtd\">\n" ATLAS "</atlas>\n",
         out);
}

static void
write_external_dtd_file (FILE *out)
{
  fputs (HEAD "<!DOCTYPE atlas PUBLIC \"-//X//Y\" \"file:///etc/passwd\">\n" ATLAS "</atlas>\n",
         out);
}

static void
write_deep (FILE *out)
{
  fputs (HEAD ATLAS, out);
  for (int i = 0; i < 10000; i++)
    fprintf (out, "<region id=\"r%d\" kind=\"x\">", i);
  for (int i = 0; i < 10000; i++)
    fputs ("</region>", out);
  fputs ("</atlas>\n", out);
}

static void
write_text (FILE  *out,
            gsize  size)
{
  g_autofree char *block = g_malloc (1024 * 1024);

  memset (block, 'a', 1024 * 1024);
  fputs (HEAD ATLAS "<title xml:lang=\"en\">", out);
  for (gsize written = 0; written < size; written += 1024 * 1024)
    fwrite (block, 1, 1024 * 1024, out);
  fputs ("</title></atlas>\n", out);
}

static void
write_huge_text (FILE *out)
{
  write_text (out, 300 * 1024 * 1024);
}

static void
write_long_text (FILE *out)
{
  write_text (out, 2 * 1024 * 1024);
}

static void
write_attributes (FILE *out)
{
  fputs (HEAD "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\"", out);
  for (int i = 0; i < 30000; i++)
    fprintf (out, " a%d=\"%d\"", i, i);
  fputs ("></atlas>\n", out);
}

static void
write_foreign_attributes (FILE *out)
{
  fputs (HEAD ATLAS "<x:e xmlns:x=\"urn:x\"", out);
  for (int i = 0; i < 30000; i++)
    fprintf (out, " x:a%d='%d'", i, i);
  fputs ("/></atlas>\n", out);
}

static void
write_long_tag (FILE *out)
{
  fputs (HEAD ATLAS "<title xml:lang=\"en\" xmlns:x=\"urn:x\" x:a=\"", out);
  for (int i = 0; i < 100000; i++)
    fputc ('v', out);
  fputs ("\">t</title></atlas>\n", out);
}

static void
write_invalid_utf8 (FILE *out)
{
  fputs (HEAD ATLAS "<title xml:lang=\"en\">bad \xff\xfe\xc3 bytes</title></atlas>\n", out);
}

static void
write_random (FILE *out)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);

  for (int i = 0; i < 65536; i++)
    fputc ((int) g_rand_int_range (rand, 0, 256), out);
}

static void
write_random_markup (FILE *out)
{
  static const char *pieces[] = { "<", ">", "\"", "'", "=", "<!--", "-->", "<![CDATA[",
                                  "]]>", "<?", "?>", "&", ";", "region", " ", "\n", "<!" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  fputs (HEAD ATLAS, out);
  for (int i = 0; i < 20000; i++)
    fputs (pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))], out);
}

static void
write_empty (FILE *out)
{
}

static void
write_truncated (FILE *out)
{
  fputs (HEAD ATLAS "<region id=\"cn\" kind=\"country\"><name xml:lang=\"en\">Ch", out);
}

static void
write_many_problems (FILE *out)
{
  fputs (HEAD ATLAS, out);
  for (int i = 0; i < 1000; i++)
    fprintf (out, "<program id=\"p%d\" start=\"1000\"><name xml:lang=\"en\">P</name></program>\n",
             i);
  fputs ("</atlas>\n", out);
}

/* Version 2: a figure citing 100,000 sources, then one of them again, and
 * one quoting itself in 100,000 languages, then one of them again: both
 * must be refused in linear time, not by comparing each with the others. */
#define ATLAS_2 "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"2\">\n"
#define MANY 100000

static void
write_many_cites (FILE *out)
{
  fputs (HEAD ATLAS_2 "<metrics><metric id=\"m\" kind=\"count\"><name xml:lang=\"en\">M</name>"
         "</metric></metrics><sources>\n", out);
  for (int i = 0; i < MANY; i++)
    fprintf (out, "<source id=\"s%d\" published=\"2024\" publisher=\"P\">"
             "<title xml:lang=\"en\">T</title></source>\n", i);
  fputs ("</sources><region id=\"r\" kind=\"x\"><name xml:lang=\"en\">R</name>"
         "<count metric=\"m\" value=\"1\" date=\"2024\" source=\"s0\">\n", out);
  for (int i = 1; i < MANY; i++)
    fprintf (out, "<cite source=\"s%d\"/>\n", i);
  fputs ("<cite source=\"s77\"/></count></region></atlas>\n", out);
}

static void
write_many_quotes (FILE *out)
{
  fputs (HEAD ATLAS_2 "<metrics><metric id=\"m\" kind=\"count\"><name xml:lang=\"en\">M</name>"
         "</metric></metrics><sources><source id=\"s\" published=\"2024\" publisher=\"P\">"
         "<title xml:lang=\"en\">T</title></source></sources><region id=\"r\" kind=\"x\">"
         "<name xml:lang=\"en\">R</name><count metric=\"m\" value=\"1\" date=\"2024\" "
         "source=\"s\">\n", out);
  for (int i = 0; i < MANY; i++)
    fprintf (out, "<quote xml:lang=\"x-q%d\">words</quote>\n", i);
  fputs ("<quote xml:lang=\"X-Q77\">again</quote></count></region></atlas>\n", out);
}

static const Hostile hostiles[] = {
  { "many-cites", write_many_cites, "a second <cite> of the source “s77”" },
  { "many-quote-languages", write_many_quotes, "a second <quote> in the language “X-Q77”" },
  { "billion-laughs", write_billion_laughs, "DOCTYPE" },
  { "entity-file", write_entity_file, "DOCTYPE" },
  { "entity-http", write_entity_http, "DOCTYPE" },
  { "parameter-entity", write_parameter_entity, "DOCTYPE" },
  { "external-dtd-http", write_external_dtd, "external DTD" },
  { "external-dtd-file", write_external_dtd_file, "external DTD" },
  { "deep-nesting", write_deep, "nested deeper than 64" },
  { "huge-text-300MB", write_huge_text, "larger than the limit of 256 MiB" },
  { "long-text-2MB", write_long_text, "a text is longer than" },
  { "attributes-30000", write_attributes, "more than 32 attributes" },
  { "foreign-attributes-30000", write_foreign_attributes, "more than 32 attributes" },
  { "long-start-tag", write_long_tag, "a start tag is longer than" },
  { "invalid-utf8", write_invalid_utf8, "UTF-8" },
  { "random-bytes", write_random, NULL },
  { "random-markup", write_random_markup, NULL },
  { "empty", write_empty, "the file is empty" },
  { "truncated", write_truncated, "cut short" },
  { "many-problems", write_many_problems, "too many problems" },
};

static void
test_hostile (gconstpointer data)
{
  const Hostile *hostile = data;
  g_autofree char *path = g_build_filename (tmp_dir, hostile->name, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  gboolean found = hostile->message == NULL;
  FILE *out = fopen (path, "wb");
  gint64 start;

  g_assert_nonnull (out);
  hostile->write (out);
  g_assert_cmpint (fclose (out), ==, 0);

  start = g_get_monotonic_time ();
  dataset = ca_dataset_load_file (path, NULL, NULL, NULL, &problems, &error);
  g_test_message ("%s refused in %.3f s", hostile->name,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_null (dataset);
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID);
  g_assert_cmpuint (problems->len, >, 0);
  g_assert_cmpuint (problems->len, <=, 101);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = ca_problem_format (problems->pdata[i]);

      if (i < 3)
        g_test_message ("%s", line);
      g_assert_true (g_str_has_prefix (line, path));
      g_assert_true (g_utf8_validate (line, -1, NULL));
      if (hostile->message != NULL && strstr (line, hostile->message) != NULL)
        found = TRUE;
    }
  if (!found)
    g_test_fail_printf ("no problem mentions “%s”", hostile->message);
  g_unlink (path);
}

static void
test_dev_zero (void)
{
  g_autoptr(GError) error = NULL;
  CaDataset *dataset;

  dataset = ca_dataset_load_file ("/dev/zero", NULL, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID);
}

static void
test_memory (void)
{
  static const char doc[] = HEAD "<!DOCTYPE atlas [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                            ATLAS "<title xml:lang=\"en\">&x;</title></atlas>";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  CaDataset *dataset;

  dataset = ca_dataset_load_data (doc, strlen (doc), "doc.xml", &problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID);
  g_assert_cmpstr (((CaProblem *) problems->pdata[0])->file, ==, "doc.xml");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();
  ca_i18n_set_language ("en");
  tmp_dir = g_dir_make_tmp ("ca-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (hostiles); i++)
    {
      g_autofree char *test_path = g_strconcat ("/hostile/", hostiles[i].name, NULL);

      g_test_add_data_func (test_path, &hostiles[i], test_hostile);
    }
  g_test_add_func ("/hostile/dev-zero", test_dev_zero);
  g_test_add_func ("/hostile/memory", test_memory);
  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
