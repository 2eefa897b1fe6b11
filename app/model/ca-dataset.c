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
#include "ca-hash.h"
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
  return ca_str_hash (ca_node_priv_id (node));
}

static gboolean
node_id_equal (gconstpointer a,
               gconstpointer b)
{
  return g_str_equal (ca_node_priv_id (a), ca_node_priv_id (b));
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
  contents->metric_ids = g_hash_table_new (ca_str_hash, g_str_equal);
  contents->source_ids = g_hash_table_new (ca_str_hash, g_str_equal);
  return contents;
}

CaNode *
ca_dataset_contents_find (CaDatasetContents *contents,
                          const char        *id)
{
  CaNode key = { .strings = id };

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

gssize
ca_memory_source_read (gpointer  source,
                       char     *buffer,
                       gsize     size,
                       GError  **error)
{
  CaMemorySource *memory = source;
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

char *
ca_dataset_display_name (const char *path)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  display = g_filename_display_name (path);
  return ca_escape_line (display);
}

char *
ca_dataset_display_basename (const char *path)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  display = g_filename_display_basename (path);
  return ca_escape_line (display);
}

static void
set_open_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *name = ca_dataset_display_name (path);

  g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_IO,
               _("Could not open “%s”: %s"), name, g_strerror (saved_errno));
}

/* A folder cannot be read, as before; anything else that is not a regular
 * file is refused like a file that is not a dataset. */
static void
set_not_regular_error (GError            **error,
                       const char         *path,
                       const struct stat  *st)
{
  g_autofree char *name = ca_dataset_display_name (path);

  g_set_error (error, CA_DATASET_ERROR,
               S_ISDIR (st->st_mode) ? CA_DATASET_ERROR_IO : CA_DATASET_ERROR_INVALID,
               _("“%s” is not a regular file"), name);
}

/* Only a regular file is read.  A FIFO would block open () and read ()
 * for ever, and a device such as /dev/zero never ends, so neither is
 * opened in blocking mode: stat () refuses them without opening them, and
 * O_NONBLOCK with fstat () covers a file swapped in between. */
static int
open_regular_file (const char   *path,
                   struct stat  *st,
                   GError      **error)
{
  int fd, flags;

  if (g_stat (path, st) != 0)
    {
      set_open_error (error, path, errno);
      return -1;
    }
  if (!S_ISREG (st->st_mode))
    {
      set_not_regular_error (error, path, st);
      return -1;
    }
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_open_error (error, path, errno);
      return -1;
    }
  if (fstat (fd, st) != 0)
    {
      int saved = errno;

      close (fd);
      set_open_error (error, path, saved);
      return -1;
    }
  if (!S_ISREG (st->st_mode))
    {
      close (fd);
      set_not_regular_error (error, path, st);
      return -1;
    }
  /* Reads of a regular file then block as usual instead of failing with EAGAIN. */
  flags = fcntl (fd, F_GETFL);
  if (flags == -1 || fcntl (fd, F_SETFL, flags & ~O_NONBLOCK) == -1)
    {
      int saved = errno;

      close (fd);
      set_open_error (error, path, saved);
      return -1;
    }
  return fd;
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
  fd = open_regular_file (path, &st, error);
  if (fd < 0)
    return NULL;
  /* FILE in the problems and the loader's messages is text for people,
   * so UTF-8 whatever bytes the name is made of. */
  /* As given: ca_problem_format () escapes what is not UTF-8 when the
   * problems are printed. */
  display_name = g_strdup (path);
  contents = ca_loader_run (display_name, read_fd, GINT_TO_POINTER (fd), st.st_size,
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
  CaMemorySource memory = { data, length, 0 };
  CaDatasetContents *contents;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;
  if (display_name == NULL)
    display_name = "-";
  contents = ca_loader_run (display_name, ca_memory_source_read, &memory, (goffset) length,
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

/* Ids are compared up to the longest a dataset may hold (the loader refuses
 * longer ones), and the tables of all ids together up to a budget of cells:
 * however long the typed id and however many nodes, a message answers in a
 * small fraction of a second.  Beyond the budget the ids found so far are
 * the suggestion. */
#define SUGGEST_MAX_CHARS  256
#define SUGGEST_MAX_CELLS  (G_GUINT64_CONSTANT (20) * 1000 * 1000)

typedef struct {
  gunichar chars[SUGGEST_MAX_CHARS];
  guint    len;
} FoldedId;

/* @text in lower case, cut to @max characters (at most SUGGEST_MAX_CHARS). */
static void
fold_id (const char *text,
         guint       max,
         FoldedId   *out)
{
  max = MIN (max, SUGGEST_MAX_CHARS);
  out->len = 0;
  for (const char *p = text; *p != '\0' && out->len < max; p = g_utf8_next_char (p))
    out->chars[out->len++] = g_unichar_tolower (g_utf8_get_char (p));
}

/* The case-blind edit distance between @a and @b when it is at most @k,
 * else k + 1.  Only the cells within @k of the diagonal can hold such a
 * distance, so each row fills at most 2k + 1 of them, and a row whose cells
 * all exceed @k ends the search.  @cells counts the cells filled. */
static guint
distance_within (const FoldedId *a,
                 const FoldedId *b,
                 guint           k,
                 guint64        *cells)
{
  const guint far = k + 1;
  guint row[SUGGEST_MAX_CHARS + 1];

  if ((a->len > b->len ? a->len - b->len : b->len - a->len) > k)
    return far;
  for (guint j = 0; j <= b->len; j++)
    row[j] = MIN (j, far);
  for (guint i = 1; i <= a->len; i++)
    {
      guint lo = i > k ? i - k : 1, hi = MIN (b->len, i + k);
      guint diagonal = row[lo - 1], best;

      /* Left of the band the distance exceeds k. */
      row[lo - 1] = lo == 1 ? MIN (i, far) : far;
      best = row[lo - 1];
      for (guint j = lo; j <= hi; j++)
        {
          guint above = row[j];
          guint cost = a->chars[i - 1] == b->chars[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (MIN (above + 1, row[j - 1] + 1), diagonal + cost), far);
          diagonal = above;
          best = MIN (best, row[j]);
        }
      *cells += hi >= lo ? hi - lo + 1 : 0;
      if (best > k)
        return far;
    }
  return row[b->len];
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

/* Keeps the @max best of @found in order, so that the search can refuse
 * anything farther than the worst of them. */
static void
keep_best (GArray           *found,
           const Suggestion *s,
           guint             max)
{
  guint at = found->len;

  while (at > 0 && compare_suggestions (s, &g_array_index (found, Suggestion, at - 1)) < 0)
    at--;
  if (at >= max)
    return;
  g_array_insert_val (found, at, *s);
  if (found->len > max)
    g_array_set_size (found, max);
}

/* Scores @node's id against @typed; FALSE when it is too far to keep. */
static gboolean
score_id (const CaNode   *node,
          const char     *id,
          const FoldedId *typed,
          guint           limit,
          guint64        *cells,
          Suggestion     *s)
{
  FoldedId other;

  s->id = ca_node_priv_id (node);
  *cells += 1;
  /* An id that starts with what was typed is always suggested; its
   * distance is the characters it adds. */
  if (g_str_has_prefix (ca_node_priv_id (node), id))
    {
      s->distance = (guint) g_utf8_strlen (ca_node_priv_id (node), -1)
                    - (guint) g_utf8_strlen (id, -1);
      return TRUE;
    }
  /* Past typed->len + limit characters an id is too far already. */
  fold_id (ca_node_priv_id (node), typed->len + limit + 1, &other);
  *cells += other.len;
  s->distance = distance_within (typed, &other, limit, cells);
  return s->distance <= limit;
}

GPtrArray *
ca_dataset_suggest_ids (CaDataset  *self,
                        const char *id,
                        guint       max)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  g_autofree FoldedId *typed = g_new (FoldedId, 1);
  guint64 cells = 0;
  guint limit;

  g_return_val_if_fail (CA_IS_DATASET (self), result);
  g_return_val_if_fail (id != NULL, result);

  fold_id (id, SUGGEST_MAX_CHARS, typed);
  /* Far-off ids are no help: allow about a third of the id to differ. */
  limit = MAX (2, typed->len / 3 + 1);
  for (guint r = 0; r < self->contents->roots->len && cells < SUGGEST_MAX_CELLS; r++)
    {
      const CaNode *root = self->contents->roots->pdata[r];

      for (const CaNode *node = root; node != NULL && cells < SUGGEST_MAX_CELLS;
           node = ca_node_next_in_subtree (root, node))
        {
          /* Once @max are found, only nearer ids can change the list. */
          guint k = found->len >= max && max > 0
                    ? g_array_index (found, Suggestion, max - 1).distance : limit;
          Suggestion s;

          if (score_id (node, id, typed, MIN (k, limit), &cells, &s))
            keep_best (found, &s, max);
        }
    }
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (result, g_strdup (g_array_index (found, Suggestion, i).id));
  return result;
}
