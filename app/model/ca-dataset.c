/* ca-dataset.c: a loaded atlas file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ca-dataset-private.h"
#include "ca-i18n.h"

struct _CaDataset
{
  GObject            parent_instance;

  char              *path;
  CaDatasetContents *contents;
};

G_DEFINE_TYPE (CaDataset, ca_dataset, G_TYPE_OBJECT)

G_DEFINE_QUARK (ca-dataset-error-quark, ca_dataset_error)

static guint
node_id_hash (gconstpointer node)
{
  return g_str_hash (((const CaNode *) node)->id);
}

static gboolean
node_id_equal (gconstpointer a,
               gconstpointer b)
{
  return g_str_equal (((const CaNode *) a)->id, ((const CaNode *) b)->id);
}

CaDatasetContents *
ca_dataset_contents_new (void)
{
  CaDatasetContents *contents = g_new0 (CaDatasetContents, 1);

  contents->strings = g_string_chunk_new (64 * 1024);
  contents->roots = g_ptr_array_new ();
  contents->metrics = g_ptr_array_new ();
  contents->sources = g_ptr_array_new ();
  /* A set: keys only, half the memory of a map from id to node. */
  contents->node_ids = g_hash_table_new (node_id_hash, node_id_equal);
  contents->metric_ids = g_hash_table_new (g_str_hash, g_str_equal);
  contents->source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  return contents;
}

CaNode *
ca_dataset_contents_find (CaDatasetContents *contents,
                          const char        *id)
{
  CaNode key = { .id = id };

  return g_hash_table_lookup (contents->node_ids, &key);
}

void
ca_dataset_contents_free (CaDatasetContents *contents)
{
  g_ptr_array_unref (contents->roots);
  g_ptr_array_unref (contents->metrics);
  g_ptr_array_unref (contents->sources);
  g_hash_table_unref (contents->node_ids);
  g_hash_table_unref (contents->metric_ids);
  g_hash_table_unref (contents->source_ids);
  g_string_chunk_free (contents->strings);
  ca_arena_clear (&contents->arena);
  g_free (contents);
}

static void
ca_dataset_finalize (GObject *object)
{
  CaDataset *self = CA_DATASET (object);

  g_clear_pointer (&self->contents, ca_dataset_contents_free);
  g_clear_pointer (&self->path, g_free);
  G_OBJECT_CLASS (ca_dataset_parent_class)->finalize (object);
}

static void
ca_dataset_class_init (CaDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ca_dataset_finalize;
}

static void
ca_dataset_init (CaDataset *self)
{
}

CaDataset *
ca_dataset_new_from_contents (CaDatasetContents *contents,
                              const char        *path)
{
  CaDataset *self = g_object_new (CA_TYPE_DATASET, NULL);

  self->contents = contents;
  self->path = g_strdup (path);
  return self;
}

/* Loading ---------------------------------------------------------------- */

static gssize
read_fd (gpointer  source,
         char     *buffer,
         gsize     size,
         GError  **error)
{
  int fd = GPOINTER_TO_INT (source);

  for (;;)
    {
      gssize n = read (fd, buffer, size);

      if (n >= 0)
        return n;
      if (errno != EINTR)
        {
          int saved = errno;

          g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_IO,
                       _("Could not read the file: %s"), g_strerror (saved));
          return -1;
        }
    }
}

typedef struct {
  const char *data;
  gsize       length;
  gsize       offset;
} MemorySource;

static gssize
read_memory (gpointer  source,
             char     *buffer,
             gsize     size,
             GError  **error)
{
  MemorySource *memory = source;
  gsize n = MIN (size, memory->length - memory->offset);

  memcpy (buffer, memory->data + memory->offset, n);
  memory->offset += n;
  return (gssize) n;
}

static CaDataset *
finish_load (CaDatasetContents *contents,
             const char        *path,
             GPtrArray         *found,
             GPtrArray        **problems,
             GError           **error)
{
  if (problems != NULL)
    *problems = g_ptr_array_ref (found);
  if (contents == NULL)
    {
      if (error != NULL && *error != NULL && g_error_matches (*error, G_IO_ERROR,
                                                              G_IO_ERROR_CANCELLED))
        {
          g_clear_error (error);
          g_set_error_literal (error, CA_DATASET_ERROR, CA_DATASET_ERROR_CANCELLED,
                               _("Loading was cancelled"));
        }
      return NULL;
    }
  return ca_dataset_new_from_contents (contents, path);
}

CaDataset *
ca_dataset_load_file (const char          *path,
                      GCancellable        *cancellable,
                      CaLoadProgressFunc   progress,
                      gpointer             progress_data,
                      GPtrArray          **problems,
                      GError             **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ca_problem_free);
  g_autofree char *display_name = NULL;
  CaDatasetContents *contents;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0 || S_ISDIR (st.st_mode))
    {
      int saved = fd < 0 ? errno : (S_ISDIR (st.st_mode) ? EISDIR : errno);

      if (fd >= 0)
        close (fd);
      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_IO,
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  display_name = g_strdup (path);
  contents = ca_loader_run (display_name, read_fd, GINT_TO_POINTER (fd),
                            S_ISREG (st.st_mode) ? st.st_size : 0,
                            cancellable, progress, progress_data, found, error);
  close (fd);
  return finish_load (contents, path, found, problems, error);
}

CaDataset *
ca_dataset_load_data (const char  *data,
                      gsize        length,
                      const char  *display_name,
                      GPtrArray  **problems,
                      GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ca_problem_free);
  MemorySource memory = { data, length, 0 };
  CaDatasetContents *contents;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;
  if (display_name == NULL)
    display_name = "-";
  contents = ca_loader_run (display_name, read_memory, &memory, (goffset) length,
                            NULL, NULL, NULL, found, error);
  return finish_load (contents, NULL, found, problems, error);
}

char *
ca_dataset_get_bundled_path (void)
{
  const char *env = g_getenv ("CLUSTER_ATLAS_DATADIR");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "atlas.xml", NULL);

  if (env != NULL && *env != '\0')
    return g_build_filename (env, "atlas.xml", NULL);
  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);
  return g_build_filename (SOURCE_DATADIR, "atlas.xml", NULL);
}

/* Accessors -------------------------------------------------------------- */

const char *
ca_dataset_get_path (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  return self->path;
}

const char *
ca_dataset_get_title (CaDataset  *self,
                      const char *lang)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  return ca_text_lookup (&self->contents->titles, lang);
}

const CaText *
ca_dataset_get_titles (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  return &self->contents->titles;
}

guint
ca_dataset_get_n_roots (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  return self->contents->roots->len;
}

const CaNode *
ca_dataset_get_root (CaDataset *self,
                     guint      index)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->contents->roots->len, NULL);
  return self->contents->roots->pdata[index];
}

const CaNode *
ca_dataset_lookup_node (CaDataset  *self,
                        const char *id)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return ca_dataset_contents_find (self->contents, id);
}

guint
ca_dataset_get_n_metrics (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  return self->contents->metrics->len;
}

const CaMetric *
ca_dataset_get_metric (CaDataset *self,
                       guint      index)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->contents->metrics->len, NULL);
  return self->contents->metrics->pdata[index];
}

const CaMetric *
ca_dataset_lookup_metric (CaDataset  *self,
                          const char *id)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->contents->metric_ids, id);
}

guint
ca_dataset_get_n_sources (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  return self->contents->sources->len;
}

const CaSource *
ca_dataset_get_source (CaDataset *self,
                       guint      index)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->contents->sources->len, NULL);
  return self->contents->sources->pdata[index];
}

const CaSource *
ca_dataset_lookup_source (CaDataset  *self,
                          const char *id)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->contents->source_ids, id);
}

guint
ca_dataset_count_nodes (CaDataset  *self,
                        CaNodeType  type)
{
  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (self->contents->n_nodes_by_type), 0);
  return self->contents->n_nodes_by_type[type];
}

guint
ca_dataset_get_n_nodes (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  return self->contents->n_nodes;
}

guint
ca_dataset_get_n_figures (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  return self->contents->n_figures;
}

/* Suggestions ------------------------------------------------------------ */

/* Edit distance between two UTF-8 strings, in characters. */
static guint
levenshtein (const char *a,
             const char *b)
{
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong la = g_utf8_strlen (a, -1);
  glong lb = g_utf8_strlen (b, -1);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (glong j = 0; j <= lb; j++)
    row[j] = (guint) j;
  for (glong i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = (guint) i;
      for (glong j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_unichar_tolower (ua[i - 1]) == g_unichar_tolower (ub[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[lb];
}

typedef struct {
  const char *id;
  guint       distance;
} Suggestion;

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *sa = a;
  const Suggestion *sb = b;

  if (sa->distance != sb->distance)
    return sa->distance < sb->distance ? -1 : 1;
  return strcmp (sa->id, sb->id);
}

GPtrArray *
ca_dataset_suggest_ids (CaDataset  *self,
                        const char *id,
                        guint       max)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  guint limit;

  g_return_val_if_fail (CA_IS_DATASET (self), result);
  g_return_val_if_fail (id != NULL, result);

  /* Far-off ids are no help: allow about a third of the id to differ. */
  limit = MAX (2, (guint) g_utf8_strlen (id, -1) / 3 + 1);
  for (guint r = 0; r < self->contents->roots->len; r++)
    {
      const CaNode *root = self->contents->roots->pdata[r];

      for (const CaNode *node = root; node != NULL; node = ca_node_next_in_subtree (root, node))
        {
          Suggestion s = { node->id, levenshtein (id, node->id) };

          if (s.distance <= limit || g_str_has_prefix (node->id, id))
            g_array_append_val (found, s);
        }
    }
  g_array_sort (found, compare_suggestions);
  for (guint i = 0; i < found->len && i < max; i++)
    g_ptr_array_add (result, g_strdup (g_array_index (found, Suggestion, i).id));
  return result;
}
