/* test-hash.c: the keyed string hashes (ca-hash.h) on keys that collide
 * under g_str_hash (), and a file made of such keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ca-dataset.h"
#include "ca-hash.h"

#define BITS 13   /* 8192 keys */

/* "aZ" and "b9" have the same g_str_hash () step (97·33 + 90 = 98·33 + 57),
 * so every string of BITS such pairs has the same hash: key @i spells @i's
 * bits. */
static char *
colliding_key (guint       i,
               const char *prefix)
{
  GString *key = g_string_new (prefix);

  for (guint bit = 0; bit < BITS; bit++)
    {
      /* Subtags of at most 8 letters, as a language tag's are. */
      if (bit > 0 && bit % 4 == 0)
        g_string_append_c (key, '-');
      g_string_append (key, (i >> bit) & 1 ? "b9" : "aZ");
    }
  return g_string_free (key, FALSE);
}

static guint
distinct_hashes (GHashFunc hash)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < 1u << BITS; i++)
    {
      g_autofree char *key = colliding_key (i, "");

      g_hash_table_add (seen, GUINT_TO_POINTER (hash (key)));
    }
  return g_hash_table_size (seen);
}

static void
test_hash_collisions (void)
{
  /* The keys do collide under GLib's hash, */
  g_assert_cmpuint (distinct_hashes (g_str_hash), ==, 1);
  /* and not under ours: at most a few share a value by chance. */
  g_assert_cmpuint (distinct_hashes (ca_str_hash), >=, (1u << BITS) - 8);
  g_assert_cmpuint (distinct_hashes (ca_str_hash_ascii_fold), >=, (1u << BITS) - 8);
}

static void
test_hash_fold (void)
{
  g_assert_cmpuint (ca_str_hash_ascii_fold ("zh-Hant-TW"), ==, ca_str_hash_ascii_fold ("ZH-hant-tw"));
  g_assert_cmpuint (ca_str_hash ("zh-Hant-TW"), ==, ca_str_hash ("zh-Hant-TW"));
  g_assert_cmpuint (ca_str_hash ("zh-Hant-TW"), !=, ca_str_hash ("zh-hant-tw"));
  /* Lengths across a block of 16 bytes, and the empty string. */
  g_assert_cmpuint (ca_str_hash ("0123456789abcdef"), !=, ca_str_hash ("0123456789abcdef0"));
  g_assert_cmpuint (ca_str_hash (""), !=, ca_str_hash ("a"));
}

/* A file whose node ids, tags, kinds and one node's languages all collide
 * under g_str_hash () loads whole; the time is printed, as bench/ does
 * (with g_str_hash () it took seconds, against milliseconds). */
static void
test_hash_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ca-hash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "collide.xml", NULL);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">\n"
                                         "<title xml:lang=\"en\">Collisions</title>\n"
                                         "<region id=\"root\" kind=\"country\"><name xml:lang=\"en\">Root</name>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  gint64 start;

  for (guint i = 0; i < 1u << BITS; i++)
    {
      g_autofree char *lang = colliding_key (i, "x-");
      g_autofree char *id = colliding_key (i, "n");

      g_string_append_printf (xml, "<name xml:lang=\"%s\">L</name>\n", lang);
      g_string_append_printf (xml, "<region id=\"%s\" kind=\"%s\"><name xml:lang=\"en\">R</name>"
                              "<tag>%s</tag></region>\n", id, id + 1, id + 1);
    }
  g_string_append (xml, "</region>\n</atlas>\n");
  g_file_set_contents (path, xml->str, (gssize) xml->len, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  dataset = ca_dataset_load_file (path, NULL, NULL, NULL, &problems, &error);
  g_test_message ("%u colliding ids, tags, kinds and languages: loaded in %.0f ms",
                  1u << BITS, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (ca_dataset_get_n_nodes (dataset), ==, (1u << BITS) + 1);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hash/collisions", test_hash_collisions);
  g_test_add_func ("/hash/fold", test_hash_fold);
  g_test_add_func ("/hash/file", test_hash_file);
  return g_test_run ();
}
