/* ca-facets.c: the figures of a dataset as one table, filtered by facets
 * (ca-facets.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ca-collate.h"
#include "ca-facets.h"
#include "ca-hash.h"
#include "ca-i18n.h"
#include "ca-match.h"

#define NO_VALUE G_MAXUINT32

static const char * const facet_tokens[CA_N_FACETS] = {
  "tag", "metric", "kind", "status", "year", "source", "branch",
};

const char *
ca_facet_to_token (CaFacet facet)
{
  g_return_val_if_fail (facet < CA_N_FACETS, NULL);

  return facet_tokens[facet];
}

gboolean
ca_facet_from_token (const char *token,
                     CaFacet    *facet)
{
  for (guint i = 0; token != NULL && i < CA_N_FACETS; i++)
    if (g_str_equal (token, facet_tokens[i]))
      {
        *facet = i;
        return TRUE;
      }
  return FALSE;
}

/* The filter *************************************************************/

struct _CaFacetFilter
{
  GPtrArray *keys[CA_N_FACETS];  /* char *, in the order chosen */
  char      *text;
};

CaFacetFilter *
ca_facet_filter_new (void)
{
  CaFacetFilter *self = g_new0 (CaFacetFilter, 1);

  for (guint f = 0; f < CA_N_FACETS; f++)
    self->keys[f] = g_ptr_array_new_with_free_func (g_free);
  return self;
}

CaFacetFilter *
ca_facet_filter_copy (const CaFacetFilter *self)
{
  CaFacetFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = ca_facet_filter_new ();
  for (guint f = 0; f < CA_N_FACETS; f++)
    for (guint i = 0; i < self->keys[f]->len; i++)
      g_ptr_array_add (copy->keys[f], g_strdup (self->keys[f]->pdata[i]));
  copy->text = g_strdup (self->text);
  return copy;
}

void
ca_facet_filter_free (CaFacetFilter *self)
{
  if (self == NULL)
    return;
  for (guint f = 0; f < CA_N_FACETS; f++)
    g_ptr_array_unref (self->keys[f]);
  g_free (self->text);
  g_free (self);
}

static gboolean
find_key (const GPtrArray *keys,
          const char      *key,
          guint           *index)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (keys->pdata[i], key))
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
ca_facet_filter_set (CaFacetFilter *self,
                     CaFacet        facet,
                     const char    *key,
                     gboolean       chosen)
{
  guint index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (facet < CA_N_FACETS, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (find_key (self->keys[facet], key, &index) == !!chosen)
    return FALSE;
  if (chosen)
    g_ptr_array_add (self->keys[facet], g_strdup (key));
  else
    g_ptr_array_remove_index (self->keys[facet], index);
  return TRUE;
}

gboolean
ca_facet_filter_has (const CaFacetFilter *self,
                     CaFacet              facet,
                     const char          *key)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (facet < CA_N_FACETS, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return find_key (self->keys[facet], key, NULL);
}

guint
ca_facet_filter_get_n_keys (const CaFacetFilter *self,
                            CaFacet              facet)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (facet < CA_N_FACETS, 0);

  return self->keys[facet]->len;
}

const char *
ca_facet_filter_get_key (const CaFacetFilter *self,
                         CaFacet              facet,
                         guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (facet < CA_N_FACETS, NULL);
  g_return_val_if_fail (index < self->keys[facet]->len, NULL);

  return self->keys[facet]->pdata[index];
}

gboolean
ca_facet_filter_set_text (CaFacetFilter *self,
                          const char    *text)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (stripped[0] == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (stripped, self->text) == 0)
    return FALSE;
  g_free (self->text);
  self->text = g_steal_pointer (&stripped);
  return TRUE;
}

const char *
ca_facet_filter_get_text (const CaFacetFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

gboolean
ca_facet_filter_is_empty (const CaFacetFilter *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint f = 0; f < CA_N_FACETS; f++)
    if (self->keys[f]->len > 0)
      return FALSE;
  return self->text == NULL;
}

gboolean
ca_facet_filter_clear (CaFacetFilter *self)
{
  gboolean changed;

  g_return_val_if_fail (self != NULL, FALSE);

  changed = !ca_facet_filter_is_empty (self);
  for (guint f = 0; f < CA_N_FACETS; f++)
    g_ptr_array_set_size (self->keys[f], 0);
  g_clear_pointer (&self->text, g_free);
  return changed;
}

/* The table **************************************************************/

/* A node that holds figures of the table. */
typedef struct {
  const CaNode *node;
  guint32       tags;      /* its tags' values, at tag_values[tags] */
  guint32       n_tags;
} Entry;

typedef struct {
  const CaFigure *figure;
  guint32         entry;
  guint32         values[CA_N_FACETS];   /* values[CA_FACET_TAG] is unused */
  guint8          status;                /* CaProgressStatus, goals only */
} Row;

/* The values of one facet: their keys and what each stands for. */
typedef struct {
  GHashTable    *index;    /* key -> value + 1 */
  GPtrArray     *keys;     /* char * */
  GPtrArray     *data;     /* gconstpointer */
} Values;

struct _CaFigureTable
{
  CaDataset    *dataset;
  const CaNode *scope;
  const char   *lang;        /* gettext code, interned */
  const char   *data_lang;   /* xml:lang of names, interned */
  GArray       *entries;     /* Entry */
  GArray       *rows;        /* Row */
  GArray       *tag_values;  /* guint32 */
  Values        values[CA_N_FACETS];
  /* Ranks for sorting by names, made when first sorted by: per entry for
   * the node and path columns, per value for the metric and source ones. */
  guint32      *ranks[CA_N_FIGURE_COLUMNS];
};

static guint32
intern_value (Values        *values,
              const char    *key,
              gconstpointer  data)
{
  gpointer found = g_hash_table_lookup (values->index, key);
  char *copy;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  copy = g_strdup (key);
  g_ptr_array_add (values->keys, copy);
  g_ptr_array_add (values->data, (gpointer) data);
  g_hash_table_insert (values->index, copy, GUINT_TO_POINTER (values->keys->len));
  return values->keys->len - 1;
}

static const CaNode *
branch_of (const CaNode *node)
{
  while (ca_node_get_depth (node) > 1)
    node = ca_node_get_parent (node);
  return node;
}

static void
add_row (CaFigureTable  *self,
         guint32         entry,
         const CaNode   *branch,
         const CaFigure *figure,
         const CaDate   *today)
{
  const CaNode *node = g_array_index (self->entries, Entry, entry).node;
  Row row = { .figure = figure, .entry = entry };
  char year[16];

  row.values[CA_FACET_TAG] = NO_VALUE;
  row.values[CA_FACET_METRIC] = intern_value (&self->values[CA_FACET_METRIC],
                                              figure->metric->id, figure->metric);
  row.values[CA_FACET_KIND] = intern_value (&self->values[CA_FACET_KIND],
                                            figure->type == CA_FIGURE_GOAL ? "goal" : "count",
                                            NULL);
  row.values[CA_FACET_STATUS] = NO_VALUE;
  if (figure->type == CA_FIGURE_GOAL)
    {
      g_autoptr(CaProgress) progress = ca_progress_new (node, figure, today);

      row.status = progress->status;
      row.values[CA_FACET_STATUS] =
        intern_value (&self->values[CA_FACET_STATUS],
                      ca_progress_status_to_token (progress->status), NULL);
    }
  row.values[CA_FACET_YEAR] = NO_VALUE;
  if (figure->date.year > 0)
    {
      g_snprintf (year, sizeof year, "%d", figure->date.year);
      row.values[CA_FACET_YEAR] = intern_value (&self->values[CA_FACET_YEAR], year, NULL);
    }
  row.values[CA_FACET_SOURCE] = NO_VALUE;
  if (figure->source != NULL)
    row.values[CA_FACET_SOURCE] = intern_value (&self->values[CA_FACET_SOURCE],
                                                figure->source->id, figure->source);
  row.values[CA_FACET_BRANCH] = intern_value (&self->values[CA_FACET_BRANCH],
                                              ca_node_get_id (branch), branch);
  g_array_append_val (self->rows, row);
}

static void
add_node (CaFigureTable *self,
          const CaNode  *node,
          const CaDate  *today)
{
  guint n_figures = ca_node_get_n_figures (node);
  const CaNode *branch;
  Entry entry = { .node = node };

  if (n_figures == 0)
    return;
  entry.tags = self->tag_values->len;
  entry.n_tags = ca_node_get_n_tags (node);
  for (guint i = 0; i < entry.n_tags; i++)
    {
      guint32 value = intern_value (&self->values[CA_FACET_TAG], ca_node_get_tag (node, i),
                                    NULL);

      g_array_append_val (self->tag_values, value);
    }
  g_array_append_val (self->entries, entry);
  branch = branch_of (node);
  for (guint i = 0; i < n_figures; i++)
    add_row (self, self->entries->len - 1, branch, ca_node_get_figure (node, i), today);
}

static void
add_subtree (CaFigureTable *self,
             const CaNode  *root,
             const CaDate  *today)
{
  for (const CaNode *n = ca_node_next_in_subtree (root, NULL);
       n != NULL;
       n = ca_node_next_in_subtree (root, n))
    add_node (self, n, today);
}

CaFigureTable *
ca_figure_table_new (CaDataset    *dataset,
                     const CaNode *scope,
                     const char   *lang,
                     const CaDate *today)
{
  CaFigureTable *self;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self = g_new0 (CaFigureTable, 1);
  self->dataset = g_object_ref (dataset);
  self->scope = scope;
  self->lang = ca_i18n_resolve (lang);
  self->data_lang = ca_i18n_data_language_of (self->lang);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->rows = g_array_sized_new (FALSE, FALSE, sizeof (Row),
                                  scope != NULL ? ca_node_get_n_figures_below (scope)
                                                : ca_dataset_get_n_figures (dataset));
  self->tag_values = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint f = 0; f < CA_N_FACETS; f++)
    {
      self->values[f].index = g_hash_table_new (ca_str_hash, g_str_equal);
      self->values[f].keys = g_ptr_array_new_with_free_func (g_free);
      self->values[f].data = g_ptr_array_new ();
    }

  if (scope != NULL)
    add_subtree (self, scope, today);
  else
    for (guint i = 0; i < ca_dataset_get_n_roots (dataset); i++)
      add_subtree (self, ca_dataset_get_root (dataset, i), today);
  return self;
}

void
ca_figure_table_free (CaFigureTable *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->entries);
  g_array_unref (self->rows);
  g_array_unref (self->tag_values);
  for (guint f = 0; f < CA_N_FACETS; f++)
    {
      g_hash_table_unref (self->values[f].index);
      g_ptr_array_unref (self->values[f].keys);
      g_ptr_array_unref (self->values[f].data);
    }
  for (guint c = 0; c < CA_N_FIGURE_COLUMNS; c++)
    g_free (self->ranks[c]);
  g_object_unref (self->dataset);
  g_free (self);
}

CaDataset *
ca_figure_table_get_dataset (CaFigureTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dataset;
}

const CaNode *
ca_figure_table_get_scope (CaFigureTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->scope;
}

guint
ca_figure_table_get_n_rows (CaFigureTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

static const Row *
get_row (CaFigureTable *self,
         guint          row)
{
  return &g_array_index (self->rows, Row, row);
}

static const Entry *
get_entry (CaFigureTable *self,
           const Row     *row)
{
  return &g_array_index (self->entries, Entry, row->entry);
}

const CaNode *
ca_figure_table_get_node (CaFigureTable *self,
                          guint          row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return get_entry (self, get_row (self, row))->node;
}

const CaFigure *
ca_figure_table_get_figure (CaFigureTable *self,
                            guint          row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return get_row (self, row)->figure;
}

gboolean
ca_figure_table_get_status (CaFigureTable    *self,
                            guint             row,
                            CaProgressStatus *status)
{
  const Row *r;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row < self->rows->len, FALSE);

  r = get_row (self, row);
  if (r->figure->type != CA_FIGURE_GOAL)
    return FALSE;
  if (status != NULL)
    *status = r->status;
  return TRUE;
}

guint
ca_figure_table_get_n_values (CaFigureTable *self,
                              CaFacet        facet)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (facet < CA_N_FACETS, 0);

  return self->values[facet].keys->len;
}

const char *
ca_figure_table_get_value_key (CaFigureTable *self,
                               CaFacet        facet,
                               guint          value)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (facet < CA_N_FACETS, NULL);
  g_return_val_if_fail (value < self->values[facet].keys->len, NULL);

  return self->values[facet].keys->pdata[value];
}

gconstpointer
ca_figure_table_get_value_data (CaFigureTable *self,
                                CaFacet        facet,
                                guint          value)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (facet < CA_N_FACETS, NULL);
  g_return_val_if_fail (value < self->values[facet].keys->len, NULL);

  return self->values[facet].data->pdata[value];
}

gboolean
ca_figure_table_lookup_value (CaFigureTable *self,
                              CaFacet        facet,
                              const char    *key,
                              guint         *value)
{
  gpointer found;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (facet < CA_N_FACETS, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  found = g_hash_table_lookup (self->values[facet].index, key);
  if (found == NULL)
    return FALSE;
  if (value != NULL)
    *value = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

/* Applying a filter ******************************************************/

/* The filter in the table's terms: for each facet, NULL when nothing is
 * chosen in it, else which of its values are; and for each entry, whether
 * its node matches the text (NULL without a text). */
typedef struct {
  gboolean *chosen[CA_N_FACETS];
  gboolean *text_ok;
} Resolved;

static void
resolve_text (CaFigureTable *self,
              const char    *text,
              Resolved      *resolved)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) matching = g_hash_table_new (NULL, NULL);

  /* As the window's search matches (pinyin, initials, Traditional for
   * Simplified), through the index it uses, kept with the dataset. */
  found = ca_match_index_find (ca_match_index_get (self->dataset), text, G_MAXUINT, NULL);
  for (guint i = 0; i < found->len; i++)
    g_hash_table_add (matching, found->pdata[i]);
  resolved->text_ok = g_new (gboolean, self->entries->len);
  for (guint i = 0; i < self->entries->len; i++)
    resolved->text_ok[i] = g_hash_table_contains (matching,
                                                  g_array_index (self->entries, Entry, i).node);
}

static void
resolve (CaFigureTable       *self,
         const CaFacetFilter *filter,
         Resolved            *resolved)
{
  memset (resolved, 0, sizeof *resolved);
  for (guint f = 0; f < CA_N_FACETS; f++)
    {
      guint n_keys = ca_facet_filter_get_n_keys (filter, f);

      if (n_keys == 0)
        continue;
      /* A key the table lacks chooses nothing here: no row has it. */
      resolved->chosen[f] = g_new0 (gboolean, MAX (1, self->values[f].keys->len));
      for (guint k = 0; k < n_keys; k++)
        {
          guint value;

          if (ca_figure_table_lookup_value (self, f, ca_facet_filter_get_key (filter, f, k),
                                            &value))
            resolved->chosen[f][value] = TRUE;
        }
    }
  if (ca_facet_filter_get_text (filter) != NULL)
    resolve_text (self, ca_facet_filter_get_text (filter), resolved);
}

static void
resolved_clear (Resolved *resolved)
{
  for (guint f = 0; f < CA_N_FACETS; f++)
    g_free (resolved->chosen[f]);
  g_free (resolved->text_ok);
}

static gboolean
row_in_facet (CaFigureTable  *self,
              const Row      *row,
              const Entry    *entry,
              CaFacet         facet,
              const gboolean *chosen)
{
  if (facet == CA_FACET_TAG)
    {
      const guint32 *tags = &g_array_index (self->tag_values, guint32, entry->tags);

      for (guint i = 0; i < entry->n_tags; i++)
        if (chosen[tags[i]])
          return TRUE;
      return FALSE;
    }
  return row->values[facet] != NO_VALUE && chosen[row->values[facet]];
}

static void
count_row (CaFigureTable *self,
           const Row     *row,
           const Entry   *entry,
           CaFacet        facet,
           guint         *counts)
{
  if (facet == CA_FACET_TAG)
    {
      const guint32 *tags = &g_array_index (self->tag_values, guint32, entry->tags);

      for (guint i = 0; i < entry->n_tags; i++)
        counts[tags[i]]++;
    }
  else if (row->values[facet] != NO_VALUE)
    counts[row->values[facet]]++;
}

/* One pass: a row that every filter lets through is listed and counted in
 * every facet; one that only one facet's filter stops is counted in that
 * facet alone, as its counts leave its own filter out. */
CaFacetResult *
ca_figure_table_apply (CaFigureTable       *self,
                       const CaFacetFilter *filter)
{
  CaFacetResult *result;
  guint *counts[CA_N_FACETS];
  Resolved resolved;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  resolve (self, filter, &resolved);
  result = g_new0 (CaFacetResult, 1);
  result->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint f = 0; f < CA_N_FACETS; f++)
    {
      result->counts[f] = g_array_sized_new (FALSE, TRUE, sizeof (guint),
                                             self->values[f].keys->len);
      g_array_set_size (result->counts[f], self->values[f].keys->len);
      counts[f] = (guint *) (gpointer) result->counts[f]->data;
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      const Row *row = get_row (self, r);
      const Entry *entry = get_entry (self, row);
      guint n_failed = 0, failed = 0;

      if (resolved.text_ok != NULL && !resolved.text_ok[row->entry])
        continue;
      for (guint f = 0; f < CA_N_FACETS && n_failed < 2; f++)
        if (resolved.chosen[f] != NULL &&
            !row_in_facet (self, row, entry, f, resolved.chosen[f]))
          {
            n_failed++;
            failed = f;
          }
      if (n_failed == 1)
        count_row (self, row, entry, failed, counts[failed]);
      else if (n_failed == 0)
        {
          g_array_append_val (result->rows, r);
          for (guint f = 0; f < CA_N_FACETS; f++)
            count_row (self, row, entry, f, counts[f]);
        }
    }

  resolved_clear (&resolved);
  return result;
}

void
ca_facet_result_free (CaFacetResult *result)
{
  if (result == NULL)
    return;
  g_array_unref (result->rows);
  for (guint f = 0; f < CA_N_FACETS; f++)
    g_array_unref (result->counts[f]);
  g_free (result);
}

/* Sorting ****************************************************************/

typedef struct {
  char    *key;
  guint32  index;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *ka = a, *kb = b;
  int cmp = strcmp (ka->key, kb->key);

  if (cmp != 0)
    return cmp;
  return ka->index < kb->index ? -1 : ka->index > kb->index;
}

/* Each of @n things ranked by their names' collation keys: rank[i] is
 * the place of thing i among them. */
static guint32 *
rank_by_name (guint      n,
              char    *(*name) (CaFigureTable *, guint),
              CaFigureTable *self)
{
  Keyed *keyed = g_new (Keyed, MAX (n, 1));
  guint32 *ranks = g_new (guint32, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = name (self, i);

      keyed[i].key = ca_collate_key (text, self->lang);
      keyed[i].index = i;
    }
  qsort (keyed, n, sizeof *keyed, compare_keyed);
  for (guint i = 0; i < n; i++)
    {
      ranks[keyed[i].index] = i;
      g_free (keyed[i].key);
    }
  g_free (keyed);
  return ranks;
}

static char *
entry_name (CaFigureTable *self,
            guint          i)
{
  return g_strdup (ca_node_get_name (g_array_index (self->entries, Entry, i).node,
                                     self->data_lang));
}

static char *
entry_path (CaFigureTable *self,
            guint          i)
{
  return ca_match_format_path (g_array_index (self->entries, Entry, i).node, self->lang, TRUE);
}

static char *
metric_name (CaFigureTable *self,
             guint          i)
{
  const CaMetric *metric = self->values[CA_FACET_METRIC].data->pdata[i];
  const char *name = ca_text_lookup (&metric->names, self->data_lang);

  return g_strdup (name != NULL ? name : metric->id);
}

/* A source by its publisher, then its date. */
static char *
source_name (CaFigureTable *self,
             guint          i)
{
  const CaSource *source = self->values[CA_FACET_SOURCE].data->pdata[i];

  return g_strdup_printf ("%s\x01%04d%02d%02d",
                          ca_source_get_publisher (source, self->data_lang, NULL),
                          source->published.year, source->published.month,
                          source->published.day);
}

static const guint32 *
get_ranks (CaFigureTable  *self,
           CaFigureColumn  column)
{
  if (self->ranks[column] != NULL)
    return self->ranks[column];
  switch ((int) column)
    {
    case CA_FIGURE_COLUMN_NODE:
      self->ranks[column] = rank_by_name (self->entries->len, entry_name, self);
      break;
    case CA_FIGURE_COLUMN_PATH:
      self->ranks[column] = rank_by_name (self->entries->len, entry_path, self);
      break;
    case CA_FIGURE_COLUMN_METRIC:
      self->ranks[column] = rank_by_name (self->values[CA_FACET_METRIC].keys->len,
                                          metric_name, self);
      break;
    case CA_FIGURE_COLUMN_SOURCE:
      self->ranks[column] = rank_by_name (self->values[CA_FACET_SOURCE].keys->len,
                                          source_name, self);
      break;
    default:
      g_assert_not_reached ();
    }
  return self->ranks[column];
}

/* A row's place in a column as a number; FALSE when it has none there. */
static gboolean
sort_key (CaFigureTable  *self,
          const Row      *row,
          CaFigureColumn  column,
          const guint32  *ranks,
          double         *key)
{
  const CaFigure *figure = row->figure;

  switch (column)
    {
    case CA_FIGURE_COLUMN_NODE:
    case CA_FIGURE_COLUMN_PATH:
      *key = ranks[row->entry];
      return TRUE;
    case CA_FIGURE_COLUMN_METRIC:
      *key = ranks[row->values[CA_FACET_METRIC]];
      return TRUE;
    case CA_FIGURE_COLUMN_SOURCE:
      *key = row->values[CA_FACET_SOURCE] != NO_VALUE ? ranks[row->values[CA_FACET_SOURCE]] : 0;
      return row->values[CA_FACET_SOURCE] != NO_VALUE;
    case CA_FIGURE_COLUMN_KIND:
      *key = figure->type;
      return TRUE;
    case CA_FIGURE_COLUMN_VALUE:
      *key = figure->value;
      return TRUE;
    case CA_FIGURE_COLUMN_DATE:
      *key = figure->date.year > 0 ? ca_progress_date_day (&figure->date) : 0;
      return figure->date.year > 0;
    case CA_FIGURE_COLUMN_STATUS:
      *key = row->status;
      return figure->type == CA_FIGURE_GOAL;
    case CA_N_FIGURE_COLUMNS:
    default:
      break;
    }
  g_assert_not_reached ();
}

typedef struct {
  double   key;
  guint32  missing;   /* 1 when the row has no value: after all that have */
  guint32  row;
} SortItem;

static int
compare_items (gconstpointer a,
            gconstpointer b)
{
  const SortItem *sa = a, *sb = b;

  if (sa->missing != sb->missing)
    return sa->missing < sb->missing ? -1 : 1;
  if (sa->key != sb->key)
    return sa->key < sb->key ? -1 : 1;
  return sa->row < sb->row ? -1 : sa->row > sb->row;
}

void
ca_figure_table_sort (CaFigureTable  *self,
                      GArray         *rows,
                      CaFigureColumn  column,
                      gboolean        descending)
{
  const guint32 *ranks = NULL;
  SortItem *items;
  guint *data;

  g_return_if_fail (self != NULL);
  g_return_if_fail (rows != NULL);
  g_return_if_fail (column < CA_N_FIGURE_COLUMNS);

  if (column == CA_FIGURE_COLUMN_NODE || column == CA_FIGURE_COLUMN_PATH ||
      column == CA_FIGURE_COLUMN_METRIC || column == CA_FIGURE_COLUMN_SOURCE)
    ranks = get_ranks (self, column);
  data = (guint *) (gpointer) rows->data;
  items = g_new (SortItem, MAX (rows->len, 1));
  for (guint i = 0; i < rows->len; i++)
    {
      g_return_if_fail (data[i] < self->rows->len);
      items[i].row = data[i];
      items[i].missing = !sort_key (self, get_row (self, data[i]), column, ranks, &items[i].key);
      /* Descending is ascending by the opposite key: ties stay in order. */
      if (descending)
        items[i].key = -items[i].key;
    }
  qsort (items, rows->len, sizeof *items, compare_items);
  for (guint i = 0; i < rows->len; i++)
    data[i] = items[i].row;
  g_free (items);
}

GHashTable *
ca_figure_table_collect_nodes (CaFigureTable *self,
                               const GArray  *rows)
{
  GHashTable *nodes;
  const guint *data;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  nodes = g_hash_table_new (NULL, NULL);
  data = (const guint *) (gconstpointer) rows->data;
  for (guint i = 0; i < rows->len; i++)
    {
      const CaNode *node;

      g_return_val_if_fail (data[i] < self->rows->len, nodes);
      /* Up to the first ancestor already there: its own are too. */
      for (node = get_entry (self, get_row (self, data[i]))->node;
           node != NULL && g_hash_table_add (nodes, (gpointer) node);
           node = ca_node_get_parent (node))
        ;
    }
  return nodes;
}
