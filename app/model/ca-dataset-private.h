/* ca-dataset-private.h: the structures behind the model, shared by the
 * loader, the dataset and the node accessors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "ca-arena.h"
#include "ca-dataset.h"
#include "ca-node.h"

G_BEGIN_DECLS

/* Public CaMetric and CaSource plus what the loader and the sums need. */
typedef struct {
  CaMetric metric;
  guint    index;   /* in declaration order, which sums follow */
  guint    line;    /* where it is defined, for messages */
} CaMetricPriv;

typedef struct {
  CaSource source;
  guint    line;
} CaSourcePriv;

/* What a figure has beyond its attributes (format version 2): the quotes
 * of its own source, the editor's notes and the further sources, each with
 * its quotes.  In the arena; the node's block reaches it (see below). */
typedef struct _CaFigureExtra {
  CaText         quotes;
  CaText         notes;
  guint          n_cites;
  CaFigureSource cites[];
} CaFigureExtra;

/* Packed into 56 bytes: a dataset of 100,000 nodes holds 100,000 of these,
 * and a loaded file must stay under half the file's size.  The node's
 * arrays share one block of the arena (see the accessors below). */
struct _CaNode {
  /* The id, then the names packed as a CaText's, n_names of them: one
   * string of the dataset, "n1\0\1\7Baoshan\0\2\6宝山\0" (see
   * ca_text_append_entry ()).  While the node is being read it is only the
   * id, in the loader. */
  const char    *strings;
  union {
    const char  *kind;          /* regions and parks */
    struct {
      gint16     start_year;    /* programs; 0 when absent */
      gint16     end_year;
      guint8     status;
    } program;
  } u;
  CaNode        *parent;
  /* In order: the figures below it (a guint64, when it has children), the
   * summaries (a CaText, when has_summaries), the children, the tags (one
   * slot: the tag itself when there is one, else an array of them that
   * nodes with the same tags share), the figures and, when has_extras, one
   * slot: an array of a CaFigureExtra pointer per figure (NULL for those
   * without); NULL when all of them are empty. */
  gpointer       block;
  guint          n_names;
  guint          line;          /* where it is defined, for messages */
  guint          index;
  guint          n_children;
  guint          n_figures;
  guint16        n_tags;
  guint8         type : 2;
  guint8         has_summaries : 1;
  guint8         has_extras : 1;
  guint8         depth;
};

/* The packed entries of a CaText (see ca-model-types.h): the length of a
 * text sits between its language and itself.  A language spelt exactly as
 * one of these is written as one byte, its index + 1 (a tag never starts
 * with a control character), which spares 3 to 8 bytes a name. */
#define CA_TEXT_LONG 255

static const char * const ca_text_common_langs[] = {
  "en", "zh-CN", "zh", "zh-TW", "zh-HK", "zh-Hans", "zh-Hant", "zh-Latn-pinyin",
  "ja", "ko", "de", "fr", "es", "ru",
};

static inline void
ca_text_append_entry (GString    *packed,
                      const char *lang,
                      const char *text,
                      gsize       length)
{
  guint code = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ca_text_common_langs) && code == 0; i++)
    if (strcmp (lang, ca_text_common_langs[i]) == 0)
      code = i + 1;
  if (code > 0)
    g_string_append_c (packed, (char) code);
  else
    g_string_append_len (packed, lang, (gssize) strlen (lang) + 1);
  if (length < CA_TEXT_LONG)
    g_string_append_c (packed, (char) length);
  else
    {
      guchar bytes[5] = { CA_TEXT_LONG, length & 0xff, (length >> 8) & 0xff,
                          (length >> 16) & 0xff, (length >> 24) & 0xff };

      g_string_append_len (packed, (const char *) bytes, sizeof bytes);
    }
  g_string_append_len (packed, text, (gssize) length + 1);
}

/* The language of the entry that starts at @entry, and where its length is. */
static inline const char *
ca_text_entry_lang (const char    *entry,
                    const guchar **after)
{
  guchar first = (guchar) *entry;

  if (first > 0 && first <= G_N_ELEMENTS (ca_text_common_langs))
    {
      *after = (const guchar *) entry + 1;
      return ca_text_common_langs[first - 1];
    }
  *after = (const guchar *) entry + strlen (entry) + 1;
  return entry;
}

/* The text of an entry, from where its length is, and its length. */
static inline const char *
ca_text_entry_text (const guchar *p,
                    gsize        *length)
{

  if (*p < CA_TEXT_LONG)
    {
      *length = *p;
      return (const char *) p + 1;
    }
  *length = (gsize) p[1] | (gsize) p[2] << 8 | (gsize) p[3] << 16 | (gsize) p[4] << 24;
  return (const char *) p + 5;
}

static inline const char *
ca_node_priv_id (const CaNode *node)
{
  return node->strings;
}

static inline const char *
ca_node_priv_names (const CaNode *node)
{
  return node->n_names > 0 ? node->strings + strlen (node->strings) + 1 : NULL;
}

static inline gsize
ca_node_block_size (gboolean has_summaries,
                    gsize    n_children,
                    gsize    n_tags,
                    gsize    n_figures,
                    gboolean has_extras)
{
  return (n_children > 0 ? sizeof (guint64) : 0) + (has_summaries ? sizeof (CaText) : 0)
         + (n_children + (n_tags > 0) + (has_extras != 0)) * sizeof (gpointer)
         + n_figures * sizeof (CaFigure);
}

/* The number of figures of the node's children and everything below them
 * (a leaf has none, and no room for the count). */
static inline guint64 *
ca_node_priv_figures_below (const CaNode *node)
{
  return node->n_children > 0 ? node->block : NULL;
}

static inline const CaText *
ca_node_priv_summaries (const CaNode *node)
{
  if (!node->has_summaries)
    return NULL;
  return (const CaText *) ((guchar *) node->block + (node->n_children > 0 ? sizeof (guint64) : 0));
}

static inline CaNode **
ca_node_priv_children (const CaNode *node)
{
  if (node->block == NULL)
    return NULL;
  return (CaNode **) ((guchar *) node->block + (node->n_children > 0 ? sizeof (guint64) : 0)
                      + (node->has_summaries ? sizeof (CaText) : 0));
}

/* The one slot of the tags. */
static inline const char **
ca_node_priv_tag_slot (const CaNode *node)
{
  if (node->block == NULL)
    return NULL;
  return (const char **) (ca_node_priv_children (node) + node->n_children);
}

static inline const char * const *
ca_node_priv_tags (const CaNode *node)
{
  if (node->n_tags == 0)
    return NULL;
  if (node->n_tags == 1)
    return ca_node_priv_tag_slot (node);
  return *(const char * const **) ca_node_priv_tag_slot (node);
}

static inline CaFigure *
ca_node_priv_figures (const CaNode *node)
{
  if (node->block == NULL)
    return NULL;
  return (CaFigure *) (ca_node_priv_tag_slot (node) + (node->n_tags > 0));
}

/* The slot of the extras of the figures, after them. */
static inline CaFigureExtra ***
ca_node_priv_extras_slot (const CaNode *node)
{
  if (!node->has_extras)
    return NULL;
  return (CaFigureExtra ***) (ca_node_priv_figures (node) + node->n_figures);
}

#define CA_NODE_MAX_TAGS G_MAXUINT16

/* Everything a dataset owns; the loader fills it and hands it over whole. */
typedef struct {
  CaArena       arena;      /* nodes, figures, text entries and arrays */
  GStringChunk *strings;
  GPtrArray    *roots;      /* CaNode, in the arena */
  GPtrArray    *metrics;    /* CaMetricPriv, in the arena */
  GPtrArray    *sources;    /* CaSourcePriv, in the arena */
  GHashTable   *node_ids;   /* a set of CaNode, hashed by id */
  GHashTable   *metric_ids; /* id -> CaMetricPriv */
  GHashTable   *source_ids; /* id -> CaSourcePriv */
  CaText        titles;
  guint         n_nodes;
  guint         n_nodes_by_type[3];
  guint         n_figures;
} CaDatasetContents;

CaDatasetContents *ca_dataset_contents_new   (void);
void               ca_dataset_contents_free  (CaDatasetContents *contents);
CaNode            *ca_dataset_contents_find  (CaDatasetContents *contents,
                                              const char        *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaDatasetContents, ca_dataset_contents_free)

CaDataset *ca_dataset_new_from_contents (CaDatasetContents *contents,
                                         const char        *path);

/* The streaming loader (ca-loader.c).  Reads from a file descriptor-like
 * source through @read_func until it returns 0; returns NULL and fills
 * @problems when the input is refused. */
typedef gssize (*CaLoaderReadFunc) (gpointer  source,
                                    char     *buffer,
                                    gsize     size,
                                    GError  **error);

/* Bytes in memory, read as a CaLoaderReadFunc reads. */
typedef struct {
  const char *data;
  gsize       length;
  gsize       offset;
} CaMemorySource;

gssize ca_memory_source_read (gpointer  source,
                              char     *buffer,
                              gsize     size,
                              GError  **error);

CaDatasetContents *ca_loader_run (const char       *display_name,
                                  CaLoaderReadFunc  read_func,
                                  gpointer          source,
                                  goffset           total_size,
                                  GCancellable     *cancellable,
                                  CaLoadProgressFunc progress,
                                  gpointer          progress_data,
                                  GPtrArray        *problems,
                                  GError          **error);

/* Bounds on input, shared with tests and documentation. */
#define CA_LOADER_MAX_FILE_SIZE  (256 * 1024 * 1024)
#define CA_LOADER_MAX_DEPTH      64
#define CA_LOADER_MAX_TEXT       (1024 * 1024)
#define CA_LOADER_MAX_ID         256
#define CA_LOADER_MAX_ATTRIBUTES 32
#define CA_LOADER_MAX_NAMESPACES 32   /* declarations on one element */
#define CA_LOADER_MAX_QUOTE      80   /* characters of a value quoted in a message */
#define CA_LOADER_MAX_TAG_BYTES  (64 * 1024)
#define CA_LOADER_MAX_PROBLEMS   100
/* Characters of a quote, a note or a publisher's name, once its white
 * space is collapsed. */
#define CA_LOADER_MAX_EXTRA_TEXT 4096

G_END_DECLS
