/* ca-loader-build.c: builds the model from the parser's callbacks and
 * checks the rules of the format that the schema cannot say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ca-checks.h"
#include "ca-hash.h"
#include "ca-loader-private.h"

#define XML_NAMESPACE "http://www.w3.org/XML/1998/namespace"
#define BIT(kind) (1u << (kind))

/* The elements that hold only text. */
#define TEXT_ELEMENTS \
  (BIT (FRAME_NAME) | BIT (FRAME_TITLE) | BIT (FRAME_SUMMARY) | BIT (FRAME_TAG) \
   | BIT (FRAME_QUOTE) | BIT (FRAME_NOTE) | BIT (FRAME_PUBLISHER))

static const char * const element_names[N_FRAME_KINDS] = {
  [FRAME_ATLAS] = "atlas",
  [FRAME_METRICS] = "metrics",
  [FRAME_SOURCES] = "sources",
  [FRAME_METRIC] = "metric",
  [FRAME_SOURCE] = "source",
  [FRAME_REGION] = "region",
  [FRAME_PARK] = "park",
  [FRAME_PROGRAM] = "program",
  [FRAME_NAME] = "name",
  [FRAME_TITLE] = "title",
  [FRAME_SUMMARY] = "summary",
  [FRAME_TAG] = "tag",
  [FRAME_QUOTE] = "quote",
  [FRAME_NOTE] = "note",
  [FRAME_PUBLISHER] = "publisher",
  [FRAME_GOAL] = "goal",
  [FRAME_COUNT] = "count",
  [FRAME_CITE] = "cite",
};

#define FIGURES_AND_TAGS \
  (BIT (FRAME_NAME) | BIT (FRAME_TAG) | BIT (FRAME_GOAL) | BIT (FRAME_COUNT))

static const guint allowed_children[N_FRAME_KINDS] = {
  [FRAME_ATLAS] = BIT (FRAME_TITLE) | BIT (FRAME_METRICS) | BIT (FRAME_SOURCES)
                  | BIT (FRAME_REGION) | BIT (FRAME_PARK) | BIT (FRAME_PROGRAM),
  [FRAME_METRICS] = BIT (FRAME_METRIC),
  [FRAME_SOURCES] = BIT (FRAME_SOURCE),
  [FRAME_METRIC] = BIT (FRAME_NAME),
  [FRAME_SOURCE] = BIT (FRAME_PUBLISHER) | BIT (FRAME_TITLE),
  [FRAME_REGION] = FIGURES_AND_TAGS | BIT (FRAME_REGION) | BIT (FRAME_PARK)
                   | BIT (FRAME_PROGRAM),
  [FRAME_PARK] = FIGURES_AND_TAGS | BIT (FRAME_PARK) | BIT (FRAME_PROGRAM),
  [FRAME_PROGRAM] = FIGURES_AND_TAGS | BIT (FRAME_SUMMARY) | BIT (FRAME_PROGRAM),
  [FRAME_GOAL] = BIT (FRAME_QUOTE) | BIT (FRAME_NOTE) | BIT (FRAME_CITE),
  [FRAME_COUNT] = BIT (FRAME_QUOTE) | BIT (FRAME_NOTE) | BIT (FRAME_CITE),
  [FRAME_CITE] = BIT (FRAME_QUOTE),
};

/* The elements and attributes that version 2 of the format added. */
#define VERSION_2_ELEMENTS \
  (BIT (FRAME_QUOTE) | BIT (FRAME_NOTE) | BIT (FRAME_PUBLISHER) | BIT (FRAME_CITE))

static const char * const attr_names[N_ATTRS] = {
  [ATTR_VERSION] = "version",
  [ATTR_ID] = "id",
  [ATTR_KIND] = "kind",
  [ATTR_UNIT] = "unit",
  [ATTR_PUBLISHED] = "published",
  [ATTR_PUBLISHER] = "publisher",
  [ATTR_HREF] = "href",
  [ATTR_START] = "start",
  [ATTR_END] = "end",
  [ATTR_STATUS] = "status",
  [ATTR_METRIC] = "metric",
  [ATTR_VALUE] = "value",
  [ATTR_YEAR] = "year",
  [ATTR_BASELINE] = "baseline",
  [ATTR_BASELINE_YEAR] = "baseline-year",
  [ATTR_QUALIFIER] = "qualifier",
  [ATTR_SOURCE] = "source",
  [ATTR_DATE] = "date",
  [ATTR_ARCHIVED] = "archived",
  [ATTR_ACCESSED] = "accessed",
  [ATTR_XML_LANG] = "lang",
};

/* The attributes without a namespace that each element may carry. */
static const guint32 allowed_attributes[N_FRAME_KINDS] = {
  [FRAME_ATLAS] = BIT (ATTR_VERSION),
  [FRAME_METRIC] = BIT (ATTR_ID) | BIT (ATTR_KIND) | BIT (ATTR_UNIT),
  [FRAME_SOURCE] = BIT (ATTR_ID) | BIT (ATTR_PUBLISHED) | BIT (ATTR_PUBLISHER) | BIT (ATTR_HREF)
                   | BIT (ATTR_ARCHIVED) | BIT (ATTR_ACCESSED),
  [FRAME_REGION] = BIT (ATTR_ID) | BIT (ATTR_KIND),
  [FRAME_PARK] = BIT (ATTR_ID) | BIT (ATTR_KIND),
  [FRAME_PROGRAM] = BIT (ATTR_ID) | BIT (ATTR_START) | BIT (ATTR_END) | BIT (ATTR_STATUS),
  [FRAME_GOAL] = BIT (ATTR_METRIC) | BIT (ATTR_VALUE) | BIT (ATTR_YEAR) | BIT (ATTR_BASELINE)
                 | BIT (ATTR_BASELINE_YEAR) | BIT (ATTR_QUALIFIER) | BIT (ATTR_SOURCE),
  [FRAME_COUNT] = BIT (ATTR_METRIC) | BIT (ATTR_VALUE) | BIT (ATTR_DATE) | BIT (ATTR_QUALIFIER)
                  | BIT (ATTR_SOURCE),
  [FRAME_CITE] = BIT (ATTR_SOURCE),
};

static const char * const status_names[] = {
  [CA_STATUS_NONE] = "",
  [CA_STATUS_PLANNED] = "planned",
  [CA_STATUS_ACTIVE] = "active",
  [CA_STATUS_COMPLETED] = "completed",
};

static const char * const metric_kind_names[] = {
  [CA_METRIC_COUNT] = "count",
  [CA_METRIC_MONEY] = "money",
  [CA_METRIC_QUANTITY] = "quantity",
};

typedef struct {
  CaLoader   *loader;
  CaFrame    *frame;
  const char *element;
  gssize      offsets[N_ATTRS];   /* into loader->values; -1 when absent */
} CaAttrs;

static void
text_builder_reset (CaTextBuilder *builder)
{
  if (builder->langs == NULL)
    {
      builder->langs = g_ptr_array_new ();
      builder->packed = g_string_new (NULL);
    }
  if (builder->langs->len > 0)
    g_ptr_array_set_size (builder->langs, 0);
  g_string_truncate (builder->packed, 0);
  if (builder->lang_set != NULL)
    g_hash_table_remove_all (builder->lang_set);
}

static void
text_builder_clear (CaTextBuilder *builder)
{
  g_clear_pointer (&builder->langs, g_ptr_array_unref);
  if (builder->packed != NULL)
    g_string_free (g_steal_pointer (&builder->packed), TRUE);
  g_clear_pointer (&builder->lang_set, g_hash_table_unref);
}

/* Whether @items holds @key already.  A few items are compared one by one;
 * past that a table (in *@set, filled the first time it is needed; the
 * caller adds each new item to it once it is filled) keeps the check
 * linear. */
static gboolean
seen_before (GPtrArray   *items,
             GHashTable **set,
             GHashFunc    hash,
             GEqualFunc   equal,
             const char  *key)
{
  if (items->len < 8)
    {
      for (guint i = 0; i < items->len; i++)
        if (equal (items->pdata[i], key))
          return TRUE;
      return FALSE;
    }
  if (*set == NULL)
    *set = g_hash_table_new (hash, equal);
  if (g_hash_table_size (*set) == 0)
    for (guint i = 0; i < items->len; i++)
      g_hash_table_add (*set, items->pdata[i]);
  return g_hash_table_contains (*set, key);
}

/* Empties a slot of the stack for the next element, keeping its arrays. */
static void
frame_reset (CaFrame *frame)
{
  CaTextBuilder names = frame->names;
  CaTextBuilder summaries = frame->summaries;
  GPtrArray *children = frame->children;
  GArray *figures = frame->figures;
  GPtrArray *tags = frame->tags;
  GArray *extras = frame->extras;
  GArray *cites = frame->cites;
  GPtrArray *cite_ids = frame->cite_ids;
  GHashTable *cite_set = frame->cite_set;

  if (children == NULL)
    {
      children = g_ptr_array_new ();
      figures = g_array_new (FALSE, FALSE, sizeof (CaFigure));
      tags = g_ptr_array_new ();
    }
  *frame = (CaFrame) { .names = names, .summaries = summaries, .children = children,
                       .figures = figures, .tags = tags, .extras = extras, .cites = cites,
                       .cite_ids = cite_ids, .cite_set = cite_set };
  if (extras != NULL && extras->len > 0)
    g_array_set_size (extras, 0);
  text_builder_reset (&frame->names);
  text_builder_reset (&frame->summaries);
  /* Most of them are empty already: a leaf has no children. */
  if (children->len > 0)
    g_ptr_array_set_size (children, 0);
  if (figures->len > 0)
    g_array_set_size (figures, 0);
  if (tags->len > 0)
    g_ptr_array_set_size (tags, 0);
}

/* Frees the arrays the slots of the stack keep for reuse. */
void
ca_loader_build_clear (CaLoader *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->frames); i++)
    {
      CaFrame *frame = &self->frames[i];

      /* A slot that only ever held figures has builders but no arrays. */
      text_builder_clear (&frame->names);
      text_builder_clear (&frame->summaries);
      g_clear_pointer (&frame->extras, g_array_unref);
      g_clear_pointer (&frame->cites, g_array_unref);
      g_clear_pointer (&frame->cite_ids, g_ptr_array_unref);
      g_clear_pointer (&frame->cite_set, g_hash_table_unref);
      if (frame->children == NULL)
        continue;
      g_ptr_array_unref (frame->children);
      g_array_unref (frame->figures);
      g_ptr_array_unref (frame->tags);
    }
  g_clear_pointer (&self->tag_sets, g_hash_table_unref);
  g_clear_pointer (&self->interned, g_hash_table_unref);
  g_clear_pointer (&self->tag_key, g_ptr_array_unref);
}

static CaFrame *
top (CaLoader *self)
{
  return self->n_frames > 0 ? &self->frames[self->n_frames - 1] : NULL;
}

/* The string chunk's own insert_const () would hash with g_str_hash ():
 * ca-hash.h says why not. */
static const char *
intern (CaLoader   *self,
        const char *text)
{
  const char *kept;

  if (self->interned == NULL)
    self->interned = g_hash_table_new (ca_str_hash, g_str_equal);
  kept = g_hash_table_lookup (self->interned, text);
  if (kept == NULL)
    {
      kept = g_string_chunk_insert (self->contents->strings, text);
      g_hash_table_add (self->interned, (gpointer) kept);
    }
  return kept;
}

/* Attributes ------------------------------------------------------------ */

static const char *
attrs_get (const CaAttrs *attrs,
           CaAttrId       id)
{
  gssize offset = attrs->offsets[id];

  return offset >= 0 ? attrs->loader->values->str + offset : NULL;
}

static const char *
attrs_require (const CaAttrs *attrs,
               CaAttrId       id)
{
  const char *value = attrs_get (attrs, id);

  if (value == NULL)
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("<%s> needs the attribute “%s”"), attrs->element, attr_names[id]);
  return value;
}

static guint
cache_slot (const char *key)
{
  /* Fibonacci hashing of the address: names next to each other in
   * libxml2's dictionary land in different slots. */
  return (guint) (((guint64) (guintptr) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 56)
         % CA_NAME_CACHE_SIZE;
}

/* Compares a namespace URI, remembering libxml2's interned copy. */
static gboolean
is_namespace (const char **known,
              const char  *uri,
              const char  *expected)
{
  if (uri == *known)
    return TRUE;
  if (uri == NULL || !g_str_equal (uri, expected))
    return FALSE;
  *known = uri;
  return TRUE;
}

static CaAttrId
lookup_attribute (CaLoader   *self,
                  const char *name)
{
  CaNameCacheEntry *entry = &self->attribute_cache[cache_slot (name)];

  if (entry->key != name)
    {
      entry->key = name;
      entry->value = ATTR_UNKNOWN;
      for (guint i = 0; i < ATTR_XML_LANG && entry->value == ATTR_UNKNOWN; i++)
        if (g_str_equal (attr_names[i], name))
          entry->value = (int) i;
    }
  return (CaAttrId) entry->value;
}

/* The attributes whose schema types collapse white space (xs:token,
 * xs:NCName, xs:integer, xs:decimal, xs:language, xs:anyURI): " 2030 "
 * is 2030, as the schema reads it.  The others (xs:string) keep it. */
#define COLLAPSED_ATTRIBUTES \
  (BIT (ATTR_ID) | BIT (ATTR_KIND) | BIT (ATTR_HREF) | BIT (ATTR_ARCHIVED) | BIT (ATTR_START) \
   | BIT (ATTR_END) \
   | BIT (ATTR_STATUS) | BIT (ATTR_METRIC) | BIT (ATTR_VALUE) | BIT (ATTR_YEAR) \
   | BIT (ATTR_BASELINE) | BIT (ATTR_BASELINE_YEAR) | BIT (ATTR_QUALIFIER) \
   | BIT (ATTR_SOURCE) | BIT (ATTR_XML_LANG))

/* Whether @text has a byte that collapsing would touch: all four white
 * space characters are below '!'. */
static inline gboolean
has_space (const char *text,
           gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] <= ' ')
      return TRUE;
  return FALSE;
}

/* g_string_append_len () without its checks for overlapping: this runs
 * for every attribute of the file. */
static inline void
append_bytes (GString    *values,
              const char *data,
              gsize       length)
{
  gsize len = values->len;

  g_string_set_size (values, len + length);
  memcpy (values->str + len, data, length);
}

static void
append_value (GString    *values,
              const char *start,
              const char *end,
              gboolean    collapse)
{
  gsize from = values->len;
  const char *amp;

  while ((amp = memchr (start, '&', (gsize) (end - start))) != NULL)
    {
      append_bytes (values, start, (gsize) (amp - start));
      g_string_append_c (values, '&');
      start = amp + 1;
      if (end - start >= 4 && memcmp (start, "#38;", 4) == 0)
        start += 4;
    }
  append_bytes (values, start, (gsize) (end - start));
  if (collapse && has_space (values->str + from, values->len - from))
    ca_collapse_spaces_from (values, from);
  g_string_append_c (values, '\0');
}

static void
collect_attributes (CaAttrs      *attrs,
                    int           n_attributes,
                    const char  **attributes)
{
  CaLoader *self = attrs->loader;
  guint32 allowed = allowed_attributes[attrs->frame->kind];

  /* Inline: this runs for every element. */
  self->values->len = 0;
  self->values->str[0] = '\0';
  for (guint i = 0; i < N_ATTRS; i++)
    attrs->offsets[i] = -1;
  for (int i = 0; i < n_attributes; i++)
    {
      const char *name = attributes[i * 5];
      const char *uri = attributes[i * 5 + 2];
      CaAttrId id;

      if (uri != NULL && is_namespace (&self->atlas_uri, uri, CA_ATLAS_NAMESPACE))
        {
          /* The format's attributes have no namespace: one in its own
           * namespace is none of them. */
          ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                                _("<%s> may not have the attribute “%s” in the atlas "
                                  "namespace: write it without a prefix"), attrs->element,
                                ca_loader_quote (self, name));
          continue;
        }
      if (uri != NULL)
        {
          /* Of the XML namespace only xml:lang matters; others are ignored. */
          if (!is_namespace (&self->xml_uri, uri, XML_NAMESPACE) || !g_str_equal (name, "lang"))
            continue;
          id = ATTR_XML_LANG;
        }
      else if ((id = lookup_attribute (self, name)) == ATTR_UNKNOWN || !(allowed & BIT (id)))
        {
          ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                                _("<%s> may not have the attribute “%s”"), attrs->element,
                                ca_loader_quote (self, name));
          continue;
        }
      attrs->offsets[id] = (gssize) self->values->len;
      append_value (self->values, attributes[i * 5 + 3], attributes[i * 5 + 4],
                    (COLLAPSED_ATTRIBUTES & BIT (id)) != 0);
    }
}

static int
parse_enum (const char * const *names,
            guint               n_names,
            const char         *value)
{
  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (names[i], value))
      return (int) i;
  return -1;
}

/* The line where @id was first defined, or 0 when it is new. */
static guint
find_id (CaLoader   *self,
         const char *id)
{
  CaDatasetContents *contents = self->contents;
  const CaNode *node = ca_dataset_contents_find (contents, id);
  const CaMetricPriv *metric;
  const CaSourcePriv *source;

  if (node != NULL)
    return MAX (node->line, 1);
  if ((metric = g_hash_table_lookup (contents->metric_ids, id)) != NULL)
    return MAX (metric->line, 1);
  if ((source = g_hash_table_lookup (contents->source_ids, id)) != NULL)
    return MAX (source->line, 1);
  return 0;
}

/* Checks an id; returns it in the string chunk, or NULL.  The caller then
 * enters it in its table. */
static const char *
claim_id (const CaAttrs *attrs)
{
  CaLoader *self = attrs->loader;
  const char *id = attrs_require (attrs, ATTR_ID);
  guint first_line;

  if (id == NULL)
    return NULL;
  if (!ca_check_ncname (id))
    {
      ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                            _("“%s” is not a valid id: an id is an XML name of at most %d "
                              "characters, starting with a letter or “_”, made of letters, "
                              "digits, “-”, “_” and “.”"), ca_loader_quote (self, id),
                            CA_LOADER_MAX_ID);
      return NULL;
    }
  if ((first_line = find_id (self, id)) != 0)
    {
      ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                            _("duplicate id “%s” (first defined at line %u)"),
                            ca_loader_quote (self, id), first_line);
      return NULL;
    }
  return id;
}

static int
check_year (const CaAttrs *attrs,
            CaAttrId       id)
{
  const char *text = attrs_get (attrs, id);
  int year = 0;

  if (text == NULL)
    return 0;
  switch (ca_parse_year (text, &year))
    {
    case CA_YEAR_OK:
      return year;
    case CA_YEAR_RANGE:
      ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                            _("the year %s in “%s” is outside %d..%d"),
                            ca_loader_quote (attrs->loader, text), attr_names[id],
                            CA_YEAR_MIN, CA_YEAR_MAX);
      return 0;
    case CA_YEAR_SYNTAX:
    default:
      ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                            _("“%s” in “%s” is not a year (four digits, %d..%d)"),
                            ca_loader_quote (attrs->loader, text), attr_names[id],
                            CA_YEAR_MIN, CA_YEAR_MAX);
      return 0;
    }
}

static gboolean
check_date (const CaAttrs *attrs,
            CaAttrId       id,
            CaDate        *date)
{
  const char *text = attrs_require (attrs, id);

  if (text == NULL)
    return FALSE;
  if (ca_parse_date (text, date))
    return TRUE;
  ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                        _("“%s” in “%s” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, "
                          "with a real day and a year in %d..%d"),
                        ca_loader_quote (attrs->loader, text), attr_names[id],
                        CA_YEAR_MIN, CA_YEAR_MAX);
  return FALSE;
}

static gboolean
check_value (const CaAttrs *attrs,
             CaAttrId       id,
             gboolean       required,
             double        *value)
{
  const char *text = required ? attrs_require (attrs, id) : attrs_get (attrs, id);
  CaLoader *self = attrs->loader;
  guint line = attrs->frame->line;
  guint column = attrs->frame->column;
  const char *cut;
  CaValueCheck check;

  if (text == NULL)
    return FALSE;
  if ((check = ca_parse_value (text, value)) == CA_VALUE_OK)
    return TRUE;
  cut = ca_loader_quote (self, text);
  switch (check)
    {
    case CA_VALUE_OK:
      return TRUE;
    case CA_VALUE_EMPTY:
      ca_loader_problem_at (self, line, column, _("“%s” is empty: it needs a number"),
                            attr_names[id]);
      break;
    case CA_VALUE_NEGATIVE:
      ca_loader_problem_at (self, line, column,
                            _("“%s” is negative (%s): values are amounts of zero or more"),
                            attr_names[id], cut);
      break;
    case CA_VALUE_TOO_MANY_DIGITS:
      ca_loader_problem_at (self, line, column,
                            _("“%s” has more than %d digits (%s): a value has at most %d, "
                              "not counting zeros before the first other digit"),
                            attr_names[id], CA_VALUE_MAX_DIGITS, cut, CA_VALUE_MAX_DIGITS);
      break;
    case CA_VALUE_NOT_A_NUMBER:
    default:
      ca_loader_problem_at (self, line, column,
                            _("“%s” is not a number (%s): write digits with an optional "
                              "decimal point, in the metric’s base unit"), attr_names[id], cut);
      break;
    }
  return FALSE;
}

static void
ca_loader_problem_at_enum (const CaAttrs *attrs,
                           const char    *name,
                           const char    *value,
                           const char    *allowed)
{
  ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                        _("“%s” is not a valid %s: use one of %s"),
                        ca_loader_quote (attrs->loader, value), name, allowed);
}

/* Elements --------------------------------------------------------------- */

/* Version 1 or 2; what version 2 added is refused in a file of version 1
 * (require_version_2 ()).  Without a version, nothing more is said. */
static void
start_atlas (const CaAttrs *attrs)
{
  const char *version = attrs_get (attrs, ATTR_VERSION);

  if (version == NULL)
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("<atlas> has no version: this program reads versions 1 to %d "
                            "of the atlas format"), CA_ATLAS_VERSION_MAX);
  else if (g_str_equal (version, "1") || g_str_equal (version, "2"))
    attrs->loader->version = (guint) (version[0] - '0');
  else
    {
      ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                            _("this file is in version %s of the atlas format; this program "
                              "reads versions 1 to %d"), ca_loader_quote (attrs->loader, version),
                            CA_ATLAS_VERSION_MAX);
      ca_loader_stop (attrs->loader);
    }
}

static void
require_version_2 (const CaAttrs *attrs,
                   CaAttrId       attribute)
{
  if (attrs->loader->version != 1)
    return;
  if (attribute == ATTR_UNKNOWN)
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("<%s> belongs to version 2 of the atlas format: the file says "
                            "version=\"1\"; write version=\"2\" on <atlas>"), attrs->element);
  else
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("the attribute “%s” belongs to version 2 of the atlas format: the "
                            "file says version=\"1\"; write version=\"2\" on <atlas>"),
                          attr_names[attribute]);
}

static void
check_unit (const CaAttrs *attrs,
            CaMetricKind   kind,
            const char    *unit)
{
  CaLoader *self = attrs->loader;

  if (kind == CA_METRIC_COUNT && unit != NULL)
    ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                          _("a metric of kind “count” has no unit; remove “unit”"));
  else if (kind != CA_METRIC_COUNT && unit == NULL)
    attrs_require (attrs, ATTR_UNIT);
  else if (kind == CA_METRIC_MONEY && !ca_check_currency (unit))
    ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                          _("“%s” is not a currency code: money needs an ISO 4217 code "
                            "such as CNY or USD"), ca_loader_quote (self, unit));
  else if (kind == CA_METRIC_QUANTITY && ca_is_blank (unit))
    ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                          _("“unit” is empty: a quantity needs its unit"));
}

/* The id of a metric or a source, kept in the dataset's strings. */
static const char *
claim_id_copy (const CaAttrs *attrs)
{
  const char *id = claim_id (attrs);

  return id != NULL ? g_string_chunk_insert (attrs->loader->contents->strings, id) : NULL;
}

static void
start_metric (const CaAttrs *attrs)
{
  CaLoader *self = attrs->loader;
  const char *id = claim_id_copy (attrs);
  const char *kind = attrs_require (attrs, ATTR_KIND);
  const char *unit = attrs_get (attrs, ATTR_UNIT);
  CaMetricPriv *metric = ca_arena_alloc (&self->contents->arena, sizeof (CaMetricPriv));
  int k = kind != NULL ? parse_enum (metric_kind_names, G_N_ELEMENTS (metric_kind_names), kind)
                       : 0;

  attrs->frame->metric = metric;
  metric->index = self->contents->metrics->len;
  metric->line = attrs->frame->line;
  g_ptr_array_add (self->contents->metrics, metric);
  if (k < 0)
    ca_loader_problem_at_enum (attrs, "kind", kind, "count, money, quantity");
  metric->metric.kind = (CaMetricKind) MAX (k, 0);
  if (kind != NULL && k >= 0)
    check_unit (attrs, metric->metric.kind, unit);
  metric->metric.unit = unit != NULL ? intern (self, unit) : NULL;
  metric->metric.id = id;
  if (id != NULL)
    g_hash_table_insert (self->contents->metric_ids, (gpointer) id, metric);
}

/* A web address that a browser opens: http or https, then a host. */
static gboolean
is_web_address (const char *text)
{
  const char *rest = g_str_has_prefix (text, "https://") ? text + 8
                     : g_str_has_prefix (text, "http://") ? text + 7 : NULL;

  return rest != NULL && *rest != '\0' && *rest != '/' && ca_check_uri (text);
}

/* "archived" and "accessed". */
static void
start_source_v2 (const CaAttrs *attrs,
                 CaSource      *source)
{
  CaLoader *self = attrs->loader;
  const char *archived = attrs_get (attrs, ATTR_ARCHIVED);
  const char *accessed = attrs_get (attrs, ATTR_ACCESSED);

  if (archived != NULL)
    {
      require_version_2 (attrs, ATTR_ARCHIVED);
      if (!is_web_address (archived))
        ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                              _("“%s” in “archived” is not a web address: write the address "
                                "of the archived copy, starting with http:// or https://"),
                              ca_loader_quote (self, archived));
      else
        source->archived = intern (self, archived);
    }
  if (accessed != NULL)
    {
      require_version_2 (attrs, ATTR_ACCESSED);
      if (!ca_parse_date (accessed, &source->accessed) || source->accessed.day == 0)
        {
          ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                                _("“%s” in “accessed” is not a day: write YYYY-MM-DD, with a "
                                  "year in %d..%d"), ca_loader_quote (self, accessed),
                                CA_YEAR_MIN, CA_YEAR_MAX);
          source->accessed = (CaDate) { 0, 0, 0 };
        }
    }
}

static void
start_source (const CaAttrs *attrs)
{
  CaLoader *self = attrs->loader;
  const char *id = claim_id_copy (attrs);
  const char *publisher = attrs_require (attrs, ATTR_PUBLISHER);
  const char *href = attrs_get (attrs, ATTR_HREF);
  CaSourcePriv *priv = ca_arena_alloc (&self->contents->arena, sizeof (CaSourcePriv));
  CaSource *source = &priv->source;

  attrs->frame->source = priv;
  priv->line = attrs->frame->line;
  g_ptr_array_add (self->contents->sources, priv);
  check_date (attrs, ATTR_PUBLISHED, &source->published);
  if (publisher != NULL && ca_is_blank (publisher))
    ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                          _("“publisher” is empty"));
  source->id = id;
  source->publisher = publisher != NULL ? intern (self, publisher) : "";
  if (href != NULL && !ca_check_uri (href))
    ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                          _("“%s” in “href” is not a web address (URI)"),
                          ca_loader_quote (self, href));
  source->href = href != NULL && *href != '\0' ? intern (self, href) : NULL;
  start_source_v2 (attrs, source);
  if (id != NULL)
    g_hash_table_insert (self->contents->source_ids, (gpointer) id, priv);
}

static void
start_program_attributes (const CaAttrs *attrs,
                          CaNode        *node)
{
  const char *status = attrs_get (attrs, ATTR_STATUS);
  int start = check_year (attrs, ATTR_START);
  int end = check_year (attrs, ATTR_END);
  int s;

  node->u.program.start_year = (gint16) start;
  node->u.program.end_year = (gint16) end;
  if (start != 0 && end != 0 && start > end)
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("the program starts in %d, after it ends (%d)"), start, end);
  if (status == NULL)
    return;
  s = parse_enum (status_names, G_N_ELEMENTS (status_names), status);
  node->u.program.status = s > 0 ? (guint8) s : CA_STATUS_NONE;
  if (s <= 0)
    ca_loader_problem_at_enum (attrs, "status", status, "planned, active, completed");
}

static void
start_node (const CaAttrs *attrs)
{
  CaLoader *self = attrs->loader;
  CaDatasetContents *contents = self->contents;
  CaFrame *frame = attrs->frame;
  CaFrame *parent = frame - 1;
  CaNode *node = ca_arena_alloc (&contents->arena, sizeof (CaNode));

  char *id_copy = self->frame_ids[frame - self->frames];
  const char *id = claim_id (attrs);

  node->type = frame->kind == FRAME_REGION ? CA_NODE_REGION
               : frame->kind == FRAME_PARK ? CA_NODE_PARK : CA_NODE_PROGRAM;
  /* A valid id has at most CA_LOADER_MAX_ID characters of 4 bytes at most. */
  g_strlcpy (id_copy, id != NULL ? id : "", CA_LOADER_MAX_ID * 4 + 1);
  node->strings = id_copy;
  g_string_append_len (frame->names.packed, id_copy, (gssize) strlen (id_copy) + 1);
  node->line = frame->line;
  node->parent = parent->node;
  node->depth = parent->node != NULL ? parent->node->depth + 1 : 0;
  node->index = parent->children->len;
  g_ptr_array_add (parent->children, node);
  frame->node = node;
  contents->n_nodes++;
  contents->n_nodes_by_type[node->type]++;
  if (id != NULL)
    g_hash_table_add (contents->node_ids, node);

  if (node->type == CA_NODE_PROGRAM)
    start_program_attributes (attrs, node);
  else
    {
      const char *kind = attrs_require (attrs, ATTR_KIND);

      if (kind != NULL && (*kind == '\0' || strpbrk (kind, " \t\r\n") != NULL))
        ca_loader_problem_at (self, frame->line, frame->column,
                              _("“%s” is not a valid kind: a kind is one word such as "
                                "“province” or “hi-tech-park”"), ca_loader_quote (self, kind));
      node->u.kind = intern (self, kind != NULL ? kind : "");
    }
}

/* Metrics and sources usually come first; one declared later is looked up
 * when the whole file is read. */
static void
resolve_references (const CaAttrs *attrs,
                    CaFigure      *figure,
                    const char    *metric,
                    const char    *source)
{
  CaLoader *self = attrs->loader;
  CaFrame *parent = attrs->frame - 1;
  CaPendingRef ref = { parent->node, parent->figures->len, NULL, NULL,
                       attrs->frame->line, attrs->frame->column };

  if (metric != NULL)
    figure->metric = g_hash_table_lookup (self->contents->metric_ids, metric);
  if (source != NULL)
    figure->source = g_hash_table_lookup (self->contents->source_ids, source);
  if (metric != NULL && figure->metric == NULL)
    ref.metric_id = intern (self, metric);
  if (source != NULL && figure->source == NULL)
    ref.source_id = intern (self, source);
  if (ref.metric_id != NULL || ref.source_id != NULL)
    g_array_append_val (self->refs, ref);
}

static void
start_figure (const CaAttrs *attrs)
{
  CaFrame *parent = attrs->frame - 1;
  const char *metric = attrs_require (attrs, ATTR_METRIC);
  const char *source = attrs_require (attrs, ATTR_SOURCE);
  const char *qualifier = attrs_get (attrs, ATTR_QUALIFIER);
  CaFigure figure = { 0 };

  figure.type = attrs->frame->kind == FRAME_GOAL ? CA_FIGURE_GOAL : CA_FIGURE_COUNT;
  check_value (attrs, ATTR_VALUE, TRUE, &figure.value);
  if (qualifier != NULL)
    {
      CaQualifier q = CA_QUALIFIER_EXACT;

      if (!ca_qualifier_from_token (qualifier, &q))
        ca_loader_problem_at_enum (attrs, "qualifier", qualifier,
                                   "exact, about, nearly, at-least, more-than, at-most");
      figure.qualifier = (guint8) q;
    }
  if (figure.type == CA_FIGURE_GOAL)
    {
      if (attrs_require (attrs, ATTR_YEAR) != NULL)
        figure.date.year = (gint16) check_year (attrs, ATTR_YEAR);
      figure.has_baseline = check_value (attrs, ATTR_BASELINE, FALSE, &figure.baseline);
      figure.baseline_year = (gint16) check_year (attrs, ATTR_BASELINE_YEAR);
    }
  else
    check_date (attrs, ATTR_DATE, &figure.date);

  resolve_references (attrs, &figure, metric, source);
  g_array_append_val (parent->figures, figure);
  /* For its cites, which may not name it: a valid id fits. */
  g_strlcpy (attrs->loader->frame_ids[attrs->frame - attrs->loader->frames],
             source != NULL ? source : "", CA_LOADER_MAX_ID * 4 + 1);
}

/* Empties the builders and cites of a figure or a cite at its first quote,
 * note or cite: most figures have none, and are spared the work. */
static void
start_extras (CaFrame *owner)
{
  if (owner->extra_started)
    return;
  owner->extra_started = TRUE;
  text_builder_reset (&owner->names);
  text_builder_reset (&owner->summaries);
  if (owner->cites == NULL)
    {
      owner->cites = g_array_new (FALSE, FALSE, sizeof (CaCiteEntry));
      owner->cite_ids = g_ptr_array_new ();
    }
  g_array_set_size (owner->cites, 0);
  g_ptr_array_set_size (owner->cite_ids, 0);
  if (owner->cite_set != NULL)
    g_hash_table_remove_all (owner->cite_set);
}

/* In a figure, its quotes come first, then its notes, then its cites; in a
 * source, its publishers before its titles. */
static void
check_order (const CaAttrs *attrs,
             CaFrame       *owner)
{
  CaFrameKind kind = attrs->frame->kind;
  CaFrameKind last = owner->last_extra;

  if (owner->kind == FRAME_SOURCE)
    {
      if (kind == FRAME_PUBLISHER && last == FRAME_TITLE)
        ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                              _("<publisher> comes after a <title>: in <source>, the "
                                "<publisher> elements come before the <title> elements"));
      if (kind == FRAME_TITLE)
        owner->last_extra = FRAME_TITLE;
      return;
    }
  if (owner->kind != FRAME_GOAL && owner->kind != FRAME_COUNT)
    return;
  if (last > kind)
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("<%s> comes after a <%s>: in <%s>, the <quote> elements come "
                            "first, then the <note> elements, then the <cite> elements"),
                          attrs->element, element_names[last], element_names[owner->kind]);
  owner->last_extra = MAX (last, kind);
}


/* A further source of the figure: declared (checked once the file is
 * read), not the figure's own source, and cited once. */
static void
start_cite (const CaAttrs *attrs)
{
  CaLoader *self = attrs->loader;
  CaFrame *frame = attrs->frame;
  CaFrame *figure = frame - 1;
  const char *source = attrs_require (attrs, ATTR_SOURCE);
  const char *own = self->frame_ids[figure - self->frames];

  start_extras (figure);
  start_extras (frame);
  frame->ref_id = NULL;
  if (source == NULL)
    return;
  if (g_str_equal (source, own))
    ca_loader_problem_at (self, frame->line, frame->column,
                          _("<cite> names “%s”, the figure’s own source: a <cite> names "
                            "another source that states the same figure"),
                          ca_loader_quote (self, source));
  else if (seen_before (figure->cite_ids, &figure->cite_set, g_direct_hash, g_direct_equal,
                        intern (self, source)))
    ca_loader_problem_at (self, frame->line, frame->column,
                          _("a second <cite> of the source “%s” in one figure"),
                          ca_loader_quote (self, source));
  else
    frame->ref_id = intern (self, source);
}

/* Files use two or three languages over and over: the last ones are kept
 * to spare a lookup in the string chunk for each name. */
static const char *
intern_lang (CaLoader   *self,
             const char *lang)
{
  static const guint n = G_N_ELEMENTS (self->recent_langs);

  for (guint i = 0; i < n; i++)
    if (self->recent_langs[i] != NULL && strcmp (self->recent_langs[i], lang) == 0)
      return self->recent_langs[i];
  memmove (self->recent_langs + 1, self->recent_langs, (n - 1) * sizeof (char *));
  self->recent_langs[0] = intern (self, lang);
  return self->recent_langs[0];
}

static void
start_text (const CaAttrs *attrs)
{
  const char *lang = attrs_get (attrs, ATTR_XML_LANG);
  CaFrame *owner = attrs->frame - 1;

  g_string_truncate (attrs->loader->text, 0);
  if (attrs->frame->kind == FRAME_TAG)
    return;
  if (owner->kind == FRAME_GOAL || owner->kind == FRAME_COUNT || owner->kind == FRAME_CITE)
    start_extras (owner);
  if (owner->kind != FRAME_CITE)
    check_order (attrs, owner);
  if (lang == NULL)
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("<%s> needs an “xml:lang” attribute naming its language, "
                            "such as “en” or “zh-CN”"), attrs->element);
  else if (!ca_check_lang_tag (lang))
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("“%s” is not a language tag (BCP 47), such as “en” or “zh-CN”"),
                          ca_loader_quote (attrs->loader, lang));
  else
    attrs->frame->lang = intern_lang (attrs->loader, lang);
}

static void
start_by_kind (const CaAttrs *attrs)
{
  switch (attrs->frame->kind)
    {
    case FRAME_ATLAS:
      start_atlas (attrs);
      break;
    case FRAME_METRIC:
      start_metric (attrs);
      break;
    case FRAME_SOURCE:
      start_source (attrs);
      break;
    case FRAME_REGION:
    case FRAME_PARK:
    case FRAME_PROGRAM:
      start_node (attrs);
      break;
    case FRAME_GOAL:
    case FRAME_COUNT:
      start_figure (attrs);
      break;
    case FRAME_CITE:
      require_version_2 (attrs, ATTR_UNKNOWN);
      check_order (attrs, attrs->frame - 1);
      start_cite (attrs);
      break;
    case FRAME_QUOTE:
    case FRAME_NOTE:
    case FRAME_PUBLISHER:
      require_version_2 (attrs, ATTR_UNKNOWN);
      start_text (attrs);
      break;
    case FRAME_NAME:
    case FRAME_TITLE:
    case FRAME_SUMMARY:
    case FRAME_TAG:
      start_text (attrs);
      break;
    case FRAME_METRICS:
    case FRAME_SOURCES:
    case N_FRAME_KINDS:
    default:
      break;
    }
}

static int
lookup_kind (CaLoader   *self,
             const char *localname)
{
  CaNameCacheEntry *entry = &self->element_cache[cache_slot (localname)];

  if (entry->key != localname)
    {
      entry->key = localname;
      entry->value = -1;
      for (guint i = 0; i < N_FRAME_KINDS && entry->value < 0; i++)
        if (g_str_equal (element_names[i], localname))
          entry->value = (int) i;
    }
  return entry->value;
}

/* Decides what to do with an element: returns its kind, or -1 when its
 * subtree is to be skipped (foreign, or refused with a problem). */
static int
classify (CaLoader   *self,
          const char *localname,
          const char *uri,
          guint       line,
          guint       column)
{
  CaFrame *parent = top (self);
  int kind;

  if (parent == NULL)
    {
      if (g_strcmp0 (uri, CA_ATLAS_NAMESPACE) != 0 || !g_str_equal (localname, "atlas"))
        {
          ca_loader_problem_at (self, line, column,
                                _("the root element is <%s> in the namespace “%s”; an atlas "
                                  "file has <atlas> in the namespace “%s”"),
                                ca_loader_quote (self, localname),
                                ca_loader_quote (self, uri != NULL ? uri : ""),
                                CA_ATLAS_NAMESPACE);
          ca_loader_stop (self);
          return -1;
        }
      return FRAME_ATLAS;
    }
  if (uri != NULL && !is_namespace (&self->atlas_uri, uri, CA_ATLAS_NAMESPACE))
    {
      /* Another namespace: ignored with its whole subtree, but a text is
       * only text, as the schema says. */
      if (TEXT_ELEMENTS & BIT (parent->kind))
        ca_loader_problem_at (self, line, column,
                              _("<%s> holds only text: the element <%s> of another namespace "
                                "may not be inside it"), element_names[parent->kind],
                              ca_loader_quote (self, localname));
      return -1;
    }
  kind = uri != NULL ? lookup_kind (self, localname) : -1;
  if (kind < 0)
    ca_loader_problem_at (self, line, column, _("unknown element <%s> in <%s>%s"),
                          ca_loader_quote (self, localname), element_names[parent->kind],
                          uri == NULL ? _(" (it has no namespace)") : "");
  else if (!(allowed_children[parent->kind] & BIT (kind)))
    {
      ca_loader_problem_at (self, line, column, _("<%s> is not allowed in <%s>"),
                            ca_loader_quote (self, localname), element_names[parent->kind]);
      kind = -1;
    }
  return kind;
}

/* The bounds that stop the whole load. */
static gboolean
within_limits (CaLoader *self,
               int       n_namespaces,
               int       n_attributes,
               guint     line,
               guint     column)
{
  if (++self->element_depth > CA_LOADER_MAX_DEPTH)
    ca_loader_problem_at (self, line, column, _("elements are nested deeper than %d levels"),
                          CA_LOADER_MAX_DEPTH);
  else if (n_attributes > CA_LOADER_MAX_ATTRIBUTES)
    ca_loader_problem_at (self, line, column, _("an element has more than %d attributes"),
                          CA_LOADER_MAX_ATTRIBUTES);
  else if (n_namespaces > CA_LOADER_MAX_NAMESPACES)
    ca_loader_problem_at (self, line, column,
                          _("an element has more than %d namespace declarations"),
                          CA_LOADER_MAX_NAMESPACES);
  else
    return TRUE;
  ca_loader_stop (self);
  return FALSE;
}

static CaFrame *
push_frame (CaLoader    *self,
            CaFrameKind  kind,
            guint        line,
            guint        column)
{
  CaFrame *frame = &self->frames[self->n_frames++];

  /* Only these elements collect children; the others need no arrays. */
  if (kind <= FRAME_PROGRAM)
    frame_reset (frame);
  else
    {
      frame->text_reported = FALSE;
      frame->extra_started = FALSE;
      frame->last_extra = FRAME_ATLAS;
    }
  frame->kind = kind;
  frame->lang = NULL;
  frame->line = line;
  frame->column = column;
  return frame;
}

void
ca_loader_start_element (CaLoader    *self,
                         guint        line,
                         guint        column,
                         const char  *localname,
                         const char  *uri,
                         int          n_namespaces,
                         int          n_attributes,
                         const char **attributes)
{
  CaAttrs attrs;   /* collect_attributes () fills its offsets */
  int kind;

  if (self->stopped)
    return;
  self->seen_element = TRUE;
  if (!within_limits (self, n_namespaces, n_attributes, line, column))
    return;
  if (self->skip_depth > 0 || (kind = classify (self, localname, uri, line, column)) < 0)
    {
      self->skip_depth++;
      return;
    }
  self->seen_root = TRUE;
  attrs.loader = self;
  attrs.frame = push_frame (self, (CaFrameKind) kind, line, column);
  attrs.element = element_names[kind];
  collect_attributes (&attrs, n_attributes, attributes);
  if (!self->stopped)
    start_by_kind (&attrs);
}

/* Ends ------------------------------------------------------------------- */

static CaText
take_text (CaLoader      *self,
           CaTextBuilder *builder)
{
  CaText text = { NULL, builder->langs->len };

  /* The packed entries end in a zero byte, which the chunk adds. */
  if (text.n_entries > 0)
    text.packed = g_string_chunk_insert_len (self->contents->strings, builder->packed->str,
                                             (gssize) builder->packed->len - 1);
  return text;
}

static void
require_names (CaLoader   *self,
               CaFrame    *frame,
               const char *what)
{
  if (frame->names.langs->len == 0)
    ca_loader_problem_at (self, frame->line, frame->column,
                          _("<%s> needs at least one <%s> with an xml:lang"),
                          element_names[frame->kind], what);
}

/* A tag set is an array of tags (interned, so compared by address) after
 * its length: the key is the address of its first tag. */
static guint
tag_set_hash (gconstpointer key)
{
  const char * const *tags = key;
  gsize n = GPOINTER_TO_SIZE (tags[-1]);
  guint hash = (guint) n;

  for (gsize i = 0; i < n; i++)
    hash = hash * 31 + (guint) (GPOINTER_TO_SIZE (tags[i]) >> 3);
  return hash;
}

static gboolean
tag_set_equal (gconstpointer a,
               gconstpointer b)
{
  const char * const *x = a;
  const char * const *y = b;

  return x[-1] == y[-1] && memcmp (x, y, GPOINTER_TO_SIZE (x[-1]) * sizeof (char *)) == 0;
}

/* Most nodes of a dataset carry one of a few combinations of tags (a
 * cluster and an industry), so nodes with the same tags share one array.
 * Past this many combinations the tags are not shared but still stored. */
#define MAX_TAG_SETS 4096

static const char * const *
share_tags (CaLoader  *self,
            GPtrArray *tags)
{
  const char **copy;

  if (self->tag_sets == NULL)
    {
      self->tag_sets = g_hash_table_new (tag_set_hash, tag_set_equal);
      self->tag_key = g_ptr_array_new ();
    }
  g_ptr_array_set_size (self->tag_key, 0);
  g_ptr_array_add (self->tag_key, GSIZE_TO_POINTER ((gsize) tags->len));
  g_ptr_array_extend (self->tag_key, tags, NULL, NULL);
  copy = g_hash_table_lookup (self->tag_sets, self->tag_key->pdata + 1);
  if (copy != NULL)
    return copy;
  copy = ca_arena_dup (&self->contents->arena, self->tag_key->pdata,
                       self->tag_key->len * sizeof (char *));
  if (g_hash_table_size (self->tag_sets) < MAX_TAG_SETS)
    g_hash_table_add (self->tag_sets, copy + 1);
  return copy + 1;
}

/* Copies the node's arrays into its one block of the arena. */
static void
fill_block (CaLoader *self,
            CaFrame  *frame,
            CaNode   *node)
{
  gsize size = ca_node_block_size (node->has_summaries, node->n_children, node->n_tags,
                                   node->n_figures, node->has_extras);

  if (size == 0)
    return;
  node->block = ca_arena_alloc (&self->contents->arena, size);
  if (node->has_summaries)
    *(CaText *) ca_node_priv_summaries (node) = take_text (self, &frame->summaries);
  if (node->n_children > 0)
    memcpy (ca_node_priv_children (node), frame->children->pdata,
            node->n_children * sizeof (CaNode *));
  if (node->n_tags == 1)
    *ca_node_priv_tag_slot (node) = frame->tags->pdata[0];
  else if (node->n_tags > 1)
    *(const char * const **) ca_node_priv_tag_slot (node) = share_tags (self, frame->tags);
  if (node->n_figures > 0)
    memcpy (ca_node_priv_figures (node), frame->figures->data,
            node->n_figures * sizeof (CaFigure));
  if (node->has_extras)
    {
      CaFigureExtra **table = ca_arena_alloc (&self->contents->arena,
                                              node->n_figures * sizeof (CaFigureExtra *));

      for (guint i = 0; i < frame->extras->len; i++)
        {
          const CaExtraEntry *entry = &g_array_index (frame->extras, CaExtraEntry, i);

          table[entry->index] = entry->extra;
        }
      *ca_node_priv_extras_slot (node) = table;
    }
}

static void
end_node (CaLoader *self,
          CaFrame  *frame)
{
  CaNode *node = frame->node;
  CaNode **children;
  guint64 below;

  require_names (self, frame, "name");
  /* The id and the names move into the dataset's strings together. */
  node->strings = g_string_chunk_insert_len (self->contents->strings, frame->names.packed->str,
                                             (gssize) frame->names.packed->len - 1);
  node->n_names = frame->names.langs->len;
  if (frame->tags->len > CA_NODE_MAX_TAGS)
    ca_loader_problem_at (self, frame->line, frame->column,
                          _("<%s> has more than %d tags"), element_names[frame->kind],
                          CA_NODE_MAX_TAGS);
  node->has_summaries = frame->summaries.langs->len > 0;
  node->n_tags = (guint16) MIN (frame->tags->len, CA_NODE_MAX_TAGS);
  node->n_children = frame->children->len;
  node->n_figures = frame->figures->len;
  node->has_extras = frame->extras != NULL && frame->extras->len > 0;
  fill_block (self, frame, node);
  children = ca_node_priv_children (node);
  below = node->n_figures;
  for (guint i = 0; i < node->n_children; i++)
    below += ca_node_get_n_figures_below (children[i]);
  if (node->n_children > 0)
    *ca_node_priv_figures_below (node) = below;
  self->contents->n_figures += node->n_figures;
}

static gboolean
lang_equal (gconstpointer a,
            gconstpointer b)
{
  return g_ascii_strcasecmp (a, b) == 0;
}

static gboolean
text_builder_has (CaTextBuilder *builder,
                  const char    *lang)
{
  return seen_before (builder->langs, &builder->lang_set, ca_str_hash_ascii_fold, lang_equal, lang);
}

static void
text_builder_add (CaTextBuilder *builder,
                  const char    *lang,
                  const GString *text)
{
  g_ptr_array_add (builder->langs, (gpointer) lang);
  if (builder->lang_set != NULL && g_hash_table_size (builder->lang_set) > 0)
    g_hash_table_add (builder->lang_set, (gpointer) lang);
  ca_text_append_entry (builder->packed, lang, text->str, text->len);
}

/* Quotes, notes and publishers' names (version 2) are bounded in
 * characters and hold no control character (C0 or C1). */
static gboolean
check_extra_text (CaLoader *self,
                  CaFrame  *frame)
{
  glong n = 0;

  for (const char *p = self->text->str; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        {
          ca_loader_problem_at (self, frame->line, frame->column,
                                _("<%s> holds the control character U+%04X"),
                                element_names[frame->kind], c);
          return FALSE;
        }
    }
  if (n <= CA_LOADER_MAX_EXTRA_TEXT)
    return TRUE;
  ca_loader_problem_at (self, frame->line, frame->column,
                        _("<%s> is longer than %d characters"), element_names[frame->kind],
                        CA_LOADER_MAX_EXTRA_TEXT);
  return FALSE;
}

static void
end_text (CaLoader *self,
          CaFrame  *frame,
          CaFrame  *owner)
{
  gboolean second = frame->kind == FRAME_SUMMARY || frame->kind == FRAME_NOTE
                    || frame->kind == FRAME_PUBLISHER;
  CaTextBuilder *target = second ? &owner->summaries : &owner->names;

  ca_collapse_spaces (self->text);
  if (self->text->len == 0)
    {
      ca_loader_problem_at (self, frame->line, frame->column, _("<%s> is empty"),
                            element_names[frame->kind]);
      return;
    }
  if (frame->kind >= FRAME_QUOTE && frame->kind <= FRAME_PUBLISHER
      && !check_extra_text (self, frame))
    return;
  if (frame->kind == FRAME_TAG)
    {
      g_ptr_array_add (owner->tags, (gpointer) intern (self, self->text->str));
      return;
    }
  if (frame->lang == NULL)
    return;
  if (text_builder_has (target, frame->lang))
    {
      ca_loader_problem_at (self, frame->line, frame->column,
                            _("a second <%s> in the language “%s”"),
                            element_names[frame->kind], ca_loader_quote (self, frame->lang));
      return;
    }
  text_builder_add (target, frame->lang, self->text);
}

static void
end_cite (CaLoader *self,
          CaFrame  *frame)
{
  CaFrame *figure = frame - 1;
  CaCiteEntry entry = { frame->ref_id, { NULL, 0 }, frame->line, frame->column };

  if (frame->ref_id == NULL)
    return;
  entry.quotes = take_text (self, &frame->names);
  g_array_append_val (figure->cites, entry);
  g_ptr_array_add (figure->cite_ids, (gpointer) entry.source_id);
  if (figure->cite_set != NULL && g_hash_table_size (figure->cite_set) > 0)
    g_hash_table_add (figure->cite_set, (gpointer) entry.source_id);
}

/* A figure with quotes, notes or cites: they go into the arena, and the
 * node keeps them beside its figures when it ends (fill_block ()). */
static void
end_figure (CaLoader *self,
            CaFrame  *frame)
{
  CaFrame *node = frame - 1;
  GArray *cites = frame->cites;
  CaExtraEntry entry;
  CaFigureExtra *extra;

  if (!frame->extra_started
      || (frame->names.langs->len == 0 && frame->summaries.langs->len == 0 && cites->len == 0))
    return;
  extra = ca_arena_alloc (&self->contents->arena,
                          sizeof (CaFigureExtra) + cites->len * sizeof (CaFigureSource));
  extra->quotes = take_text (self, &frame->names);
  extra->notes = take_text (self, &frame->summaries);
  extra->n_cites = cites->len;
  for (guint i = 0; i < cites->len; i++)
    {
      const CaCiteEntry *cite = &g_array_index (cites, CaCiteEntry, i);
      CaFigureSource *out = &extra->cites[i];

      out->quotes = cite->quotes;
      out->source = g_hash_table_lookup (self->contents->source_ids, cite->source_id);
      if (out->source == NULL)
        {
          CaPendingCite ref = { &out->source, cite->source_id, cite->line, cite->column };

          g_array_append_val (self->cite_refs, ref);
        }
    }
  g_array_index (node->figures, CaFigure, node->figures->len - 1).has_extra = 1;
  if (node->extras == NULL)
    node->extras = g_array_new (FALSE, FALSE, sizeof (CaExtraEntry));
  entry = (CaExtraEntry) { node->figures->len - 1, extra };
  g_array_append_val (node->extras, entry);
}

static void
end_atlas (CaLoader *self,
           CaFrame  *frame)
{
  GPtrArray *roots = self->contents->roots;

  self->contents->titles = take_text (self, &frame->names);
  /* The top-level nodes are handed over, not copied: a file may have a
   * million of them. */
  self->contents->roots = frame->children;
  frame->children = roots;
  g_ptr_array_set_size (roots, 0);
}

void
ca_loader_end_element (CaLoader *self)
{
  CaFrame *frame;

  if (self->stopped)
    return;
  self->element_depth--;
  if (self->skip_depth > 0)
    {
      self->skip_depth--;
      return;
    }
  frame = top (self);
  g_assert (frame != NULL);
  switch (frame->kind)
    {
    case FRAME_ATLAS:
      end_atlas (self, frame);
      self->root_closed = TRUE;
      break;
    case FRAME_REGION:
    case FRAME_PARK:
    case FRAME_PROGRAM:
      end_node (self, frame);
      break;
    case FRAME_METRIC:
      require_names (self, frame, "name");
      frame->metric->metric.names = take_text (self, &frame->names);
      break;
    case FRAME_SOURCE:
      require_names (self, frame, "title");
      frame->source->source.titles = take_text (self, &frame->names);
      frame->source->source.publishers = take_text (self, &frame->summaries);
      break;
    case FRAME_NAME:
    case FRAME_TITLE:
    case FRAME_SUMMARY:
    case FRAME_TAG:
    case FRAME_QUOTE:
    case FRAME_NOTE:
    case FRAME_PUBLISHER:
      end_text (self, frame, frame - 1);
      break;
    case FRAME_GOAL:
    case FRAME_COUNT:
      end_figure (self, frame);
      break;
    case FRAME_CITE:
      end_cite (self, frame);
      break;
    case FRAME_METRICS:
    case FRAME_SOURCES:
    case N_FRAME_KINDS:
    default:
      break;
    }
  self->n_frames--;
}

gboolean
ca_loader_is_text_name (const char *localname)
{
  for (guint i = 0; i < N_FRAME_KINDS; i++)
    if ((TEXT_ELEMENTS & BIT (i)) != 0 && g_str_equal (element_names[i], localname))
      return TRUE;
  return FALSE;
}

/* The element whose text is being read, or NULL when text is skipped. */
static CaFrame *
reading_frame (CaLoader *self)
{
  return self->stopped || self->skip_depth > 0 ? NULL : top (self);
}

static gboolean
is_text (const CaFrame *frame)
{
  return (TEXT_ELEMENTS & BIT (frame->kind)) != 0;
}

/* A CDATA section is text, even when it holds only white space: in an
 * element that holds only elements it is refused, as the schema does. */
void
ca_loader_cdata (CaLoader   *self,
                 const char *text,
                 gsize       length)
{
  CaFrame *frame = reading_frame (self);

  if (frame == NULL || is_text (frame))
    {
      ca_loader_characters (self, text, length);
      return;
    }
  if (!frame->text_reported)
    ca_loader_problem (self, _("<%s> may not contain text (a CDATA section)"),
                       element_names[frame->kind]);
  frame->text_reported = TRUE;
}

void
ca_loader_characters (CaLoader   *self,
                      const char *text,
                      gsize       length)
{
  CaFrame *frame = reading_frame (self);

  if (frame == NULL)
    return;
  if (is_text (frame))
    {
      if (self->text->len + length > CA_LOADER_MAX_TEXT)
        {
          ca_loader_problem (self, _("a text is longer than %d bytes"), CA_LOADER_MAX_TEXT);
          ca_loader_stop (self);
          return;
        }
      g_string_append_len (self->text, text, (gssize) length);
      return;
    }
  if (frame->text_reported)
    return;
  /* Mostly the indentation between elements. */
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];
      guint newlines = 0;

      if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
        continue;
      /* The parser is at the end of the text: count back to where the
       * stray text begins. */
      for (gsize j = i; j < length; j++)
        newlines += text[j] == '\n';
      ca_loader_problem_at (self, ca_loader_line (self) - MIN (newlines, ca_loader_line (self)),
                            0, _("<%s> may not contain text"), element_names[frame->kind]);
      frame->text_reported = TRUE;
      return;
    }
}

/* References ------------------------------------------------------------- */

static void
report_undeclared_source (CaLoader   *self,
                          guint       line,
                          guint       column,
                          const char *id)
{
  ca_loader_problem_at (self, line, column, _("the source “%s” is not declared in <sources>"),
                        ca_loader_quote (self, id));
}

void
ca_loader_finish (CaLoader *self)
{
  GHashTable *metrics = self->contents->metric_ids;
  GHashTable *sources = self->contents->source_ids;

  if (!self->seen_root)
    {
      ca_loader_problem_at (self, 0, 0, _("the file holds no <atlas> element"));
      return;
    }
  /* Past the cap of problems nothing more would be said. */
  for (guint i = 0; i < self->refs->len && !self->stopped; i++)
    {
      CaPendingRef *ref = &g_array_index (self->refs, CaPendingRef, i);
      CaFigure *figure;

      if (ref->index >= ref->node->n_figures)
        continue;
      figure = &ca_node_priv_figures (ref->node)[ref->index];
      if (ref->metric_id != NULL
          && (figure->metric = g_hash_table_lookup (metrics, ref->metric_id)) == NULL)
        ca_loader_problem_at (self, ref->line, ref->column,
                              _("the metric “%s” is not declared in <metrics>"),
                              ca_loader_quote (self, ref->metric_id));
      if (ref->source_id != NULL
          && (figure->source = g_hash_table_lookup (sources, ref->source_id)) == NULL)
        report_undeclared_source (self, ref->line, ref->column, ref->source_id);
    }
  for (guint i = 0; i < self->cite_refs->len && !self->stopped; i++)
    {
      CaPendingCite *ref = &g_array_index (self->cite_refs, CaPendingCite, i);

      if ((*ref->slot = g_hash_table_lookup (sources, ref->source_id)) == NULL)
        report_undeclared_source (self, ref->line, ref->column, ref->source_id);
    }
}
