/* ca-loader-build.c: builds the model from the parser's callbacks and
 * checks the rules of the format that the schema cannot say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ca-checks.h"
#include "ca-loader-private.h"

#define XML_NAMESPACE "http://www.w3.org/XML/1998/namespace"
#define BIT(kind) (1u << (kind))

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
  [FRAME_GOAL] = "goal",
  [FRAME_COUNT] = "count",
};

#define FIGURES_AND_TAGS (BIT (FRAME_NAME) | BIT (FRAME_TAG) | BIT (FRAME_GOAL) | BIT (FRAME_COUNT))

static const guint allowed_children[N_FRAME_KINDS] = {
  [FRAME_ATLAS] = BIT (FRAME_TITLE) | BIT (FRAME_METRICS) | BIT (FRAME_SOURCES)
                  | BIT (FRAME_REGION) | BIT (FRAME_PARK) | BIT (FRAME_PROGRAM),
  [FRAME_METRICS] = BIT (FRAME_METRIC),
  [FRAME_SOURCES] = BIT (FRAME_SOURCE),
  [FRAME_METRIC] = BIT (FRAME_NAME),
  [FRAME_SOURCE] = BIT (FRAME_TITLE),
  [FRAME_REGION] = FIGURES_AND_TAGS | BIT (FRAME_REGION) | BIT (FRAME_PARK)
                   | BIT (FRAME_PROGRAM),
  [FRAME_PARK] = FIGURES_AND_TAGS | BIT (FRAME_PARK) | BIT (FRAME_PROGRAM),
  [FRAME_PROGRAM] = FIGURES_AND_TAGS | BIT (FRAME_SUMMARY) | BIT (FRAME_PROGRAM),
};

/* The attributes without a namespace that each element may carry. */
static const char * const attribute_names[N_FRAME_KINDS][8] = {
  [FRAME_ATLAS] = { "version" },
  [FRAME_METRIC] = { "id", "kind", "unit" },
  [FRAME_SOURCE] = { "id", "published", "publisher", "href" },
  [FRAME_REGION] = { "id", "kind" },
  [FRAME_PARK] = { "id", "kind" },
  [FRAME_PROGRAM] = { "id", "start", "end", "status" },
  [FRAME_GOAL] = { "metric", "value", "year", "baseline", "baseline-year", "qualifier",
                   "source" },
  [FRAME_COUNT] = { "metric", "value", "date", "qualifier", "source" },
};

static const char * const qualifier_names[] = {
  [CA_QUALIFIER_EXACT] = "exact",
  [CA_QUALIFIER_ABOUT] = "about",
  [CA_QUALIFIER_NEARLY] = "nearly",
  [CA_QUALIFIER_AT_LEAST] = "at-least",
  [CA_QUALIFIER_MORE_THAN] = "more-than",
  [CA_QUALIFIER_AT_MOST] = "at-most",
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
  const char *name;
  gsize       offset;
  gboolean    in_xml_namespace;
} CaAttr;

typedef struct {
  CaLoader   *loader;
  CaFrame    *frame;
  const char *element;
  guint       n;
  CaAttr      items[CA_LOADER_MAX_ATTRIBUTES];
} CaAttrs;

CaLoader *
ca_loader_new (const char *display_name,
               GPtrArray  *problems)
{
  CaLoader *self = g_new0 (CaLoader, 1);

  self->display_name = g_strdup (display_name);
  self->problems = problems;
  self->contents = ca_dataset_contents_new ();
  self->id_lines = g_hash_table_new (g_str_hash, g_str_equal);
  self->refs = g_array_new (FALSE, FALSE, sizeof (CaPendingRef));
  self->text = g_string_sized_new (256);
  self->values = g_string_sized_new (256);
  ca_prescan_init (&self->scan, CA_LOADER_MAX_ATTRIBUTES, CA_LOADER_MAX_TAG_BYTES);
  return self;
}

static void
frame_clear (CaFrame *frame)
{
  g_clear_pointer (&frame->names, g_array_unref);
  g_clear_pointer (&frame->summaries, g_array_unref);
  g_clear_pointer (&frame->children, g_ptr_array_unref);
  g_clear_pointer (&frame->figures, g_array_unref);
  g_clear_pointer (&frame->tags, g_ptr_array_unref);
}

void
ca_loader_free (CaLoader *self)
{
  for (guint i = 0; i < self->n_frames; i++)
    frame_clear (&self->frames[i]);
  if (self->ctxt != NULL)
    xmlFreeParserCtxt (self->ctxt);
  g_clear_pointer (&self->contents, ca_dataset_contents_free);
  g_hash_table_unref (self->id_lines);
  g_array_unref (self->refs);
  g_string_free (self->text, TRUE);
  g_string_free (self->values, TRUE);
  g_free (self->display_name);
  g_free (self);
}

static CaFrame *
top (CaLoader *self)
{
  return self->n_frames > 0 ? &self->frames[self->n_frames - 1] : NULL;
}

static const char *
intern (CaLoader   *self,
        const char *text)
{
  return g_string_chunk_insert_const (self->contents->strings, text);
}

/* Attributes ------------------------------------------------------------ */

static const char *
attrs_value (const CaAttrs *attrs,
             guint          i)
{
  return attrs->loader->values->str + attrs->items[i].offset;
}

static const char *
attrs_get (const CaAttrs *attrs,
           const char    *name)
{
  for (guint i = 0; i < attrs->n; i++)
    if (!attrs->items[i].in_xml_namespace && g_str_equal (attrs->items[i].name, name))
      return attrs_value (attrs, i);
  return NULL;
}

static const char *
attrs_get_lang (const CaAttrs *attrs)
{
  for (guint i = 0; i < attrs->n; i++)
    if (attrs->items[i].in_xml_namespace && g_str_equal (attrs->items[i].name, "lang"))
      return attrs_value (attrs, i);
  return NULL;
}

static const char *
attrs_require (const CaAttrs *attrs,
               const char    *name)
{
  const char *value = attrs_get (attrs, name);

  if (value == NULL)
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("<%s> needs the attribute “%s”"), attrs->element, name);
  return value;
}

/* libxml2's SAX2 interface hands '&' in attribute values over as "&#38;"
 * when it does not substitute entities; turn it back into '&'. */
static void
append_value (GString    *values,
              const char *start,
              const char *end)
{
  const char *amp;

  while ((amp = memchr (start, '&', (gsize) (end - start))) != NULL)
    {
      g_string_append_len (values, start, amp - start);
      g_string_append_c (values, '&');
      start = amp + 1;
      if (end - start >= 4 && memcmp (start, "#38;", 4) == 0)
        start += 4;
    }
  g_string_append_len (values, start, end - start);
  g_string_append_c (values, '\0');
}

static void
collect_attributes (CaAttrs      *attrs,
                    int           n_attributes,
                    const char  **attributes)
{
  CaLoader *self = attrs->loader;
  const char * const *known = attribute_names[attrs->frame->kind];

  g_string_truncate (self->values, 0);
  for (int i = 0; i < n_attributes && attrs->n < CA_LOADER_MAX_ATTRIBUTES; i++)
    {
      const char *name = attributes[i * 5];
      const char *uri = attributes[i * 5 + 2];
      CaAttr *attr;

      if (uri != NULL && !g_str_equal (uri, XML_NAMESPACE))
        continue;   /* attributes in other namespaces are ignored */
      if (uri == NULL && !g_strv_contains (known, name))
        {
          ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                                _("<%s> may not have the attribute “%s”"), attrs->element, name);
          continue;
        }
      attr = &attrs->items[attrs->n++];
      attr->name = name;
      attr->in_xml_namespace = uri != NULL;
      attr->offset = self->values->len;
      append_value (self->values, attributes[i * 5 + 3], attributes[i * 5 + 4]);
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

/* Checks an id and claims it; returns it in the string chunk, or NULL. */
static const char *
claim_id (const CaAttrs *attrs)
{
  CaLoader *self = attrs->loader;
  const char *id = attrs_require (attrs, "id");
  gpointer first_line;

  if (id == NULL)
    return NULL;
  if (!ca_check_ncname (id))
    {
      ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                            _("“%.64s” is not a valid id: an id is an XML name of at most %d "
                              "characters, starting with a letter or “_”, made of letters, "
                              "digits, “-”, “_” and “.”"), id, CA_LOADER_MAX_ID);
      return NULL;
    }
  if (g_hash_table_lookup_extended (self->id_lines, id, NULL, &first_line))
    {
      ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                            _("duplicate id “%s” (first defined at line %u)"),
                            id, GPOINTER_TO_UINT (first_line));
      return NULL;
    }
  id = g_string_chunk_insert (self->contents->strings, id);
  g_hash_table_insert (self->id_lines, (gpointer) id, GUINT_TO_POINTER (attrs->frame->line));
  return id;
}

static int
check_year (const CaAttrs *attrs,
            const char    *name)
{
  const char *text = attrs_get (attrs, name);
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
                            text, name, CA_YEAR_MIN, CA_YEAR_MAX);
      return 0;
    case CA_YEAR_SYNTAX:
    default:
      ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                            _("“%s” in “%s” is not a year (four digits, %d..%d)"),
                            text, name, CA_YEAR_MIN, CA_YEAR_MAX);
      return 0;
    }
}

static gboolean
check_date (const CaAttrs *attrs,
            const char    *name,
            CaDate        *date)
{
  const char *text = attrs_require (attrs, name);

  if (text == NULL)
    return FALSE;
  if (ca_parse_date (text, date))
    return TRUE;
  ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                        _("“%s” in “%s” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, "
                          "with a real day and a year in %d..%d"),
                        text, name, CA_YEAR_MIN, CA_YEAR_MAX);
  return FALSE;
}

static gboolean
check_value (const CaAttrs *attrs,
             const char    *name,
             gboolean       required,
             double        *value)
{
  const char *text = required ? attrs_require (attrs, name) : attrs_get (attrs, name);
  CaLoader *self = attrs->loader;
  guint line = attrs->frame->line;
  guint column = attrs->frame->column;

  if (text == NULL)
    return FALSE;
  switch (ca_parse_value (text, value))
    {
    case CA_VALUE_OK:
      return TRUE;
    case CA_VALUE_EMPTY:
      ca_loader_problem_at (self, line, column, _("“%s” is empty: it needs a number"), name);
      break;
    case CA_VALUE_NEGATIVE:
      ca_loader_problem_at (self, line, column,
                            _("“%s” is negative (%s): values are amounts of zero or more"),
                            name, text);
      break;
    case CA_VALUE_OUT_OF_RANGE:
      ca_loader_problem_at (self, line, column, _("“%s” is out of range (%.40s…)"), name, text);
      break;
    case CA_VALUE_NOT_A_NUMBER:
    default:
      ca_loader_problem_at (self, line, column,
                            _("“%s” is not a number (%.100s): write digits with an optional "
                              "decimal point, in the metric’s base unit"), name, text);
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
                        _("“%s” is not a valid %s: use one of %s"), value, name, allowed);
}

/* Elements --------------------------------------------------------------- */

static void
start_atlas (const CaAttrs *attrs)
{
  const char *version = attrs_get (attrs, "version");

  if (version == NULL)
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("<atlas> has no version: this program reads version %s of the "
                            "atlas format"), CA_ATLAS_VERSION);
  else if (!g_str_equal (version, CA_ATLAS_VERSION))
    {
      ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                            _("this file is in version %s of the atlas format; this program "
                              "reads version %s"), version, CA_ATLAS_VERSION);
      ca_loader_stop (attrs->loader);
    }
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
    attrs_require (attrs, "unit");
  else if (kind == CA_METRIC_MONEY && !ca_check_currency (unit))
    ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                          _("“%s” is not a currency code: money needs an ISO 4217 code "
                            "such as CNY or USD"), unit);
  else if (kind == CA_METRIC_QUANTITY && *unit == '\0')
    ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                          _("“unit” is empty: a quantity needs its unit"));
}

static void
start_metric (const CaAttrs *attrs)
{
  CaLoader *self = attrs->loader;
  const char *id = claim_id (attrs);
  const char *kind = attrs_require (attrs, "kind");
  const char *unit = attrs_get (attrs, "unit");
  CaMetricPriv *metric = g_new0 (CaMetricPriv, 1);
  int k = kind != NULL ? parse_enum (metric_kind_names, G_N_ELEMENTS (metric_kind_names), kind) : 0;

  attrs->frame->metric = metric;
  metric->index = self->contents->metrics->len;
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

static void
start_source (const CaAttrs *attrs)
{
  CaLoader *self = attrs->loader;
  const char *id = claim_id (attrs);
  const char *publisher = attrs_require (attrs, "publisher");
  const char *href = attrs_get (attrs, "href");
  CaSource *source = g_new0 (CaSource, 1);

  attrs->frame->source = source;
  g_ptr_array_add (self->contents->sources, source);
  check_date (attrs, "published", &source->published);
  if (publisher != NULL && *publisher == '\0')
    ca_loader_problem_at (self, attrs->frame->line, attrs->frame->column,
                          _("“publisher” is empty"));
  source->id = id;
  source->publisher = publisher != NULL ? intern (self, publisher) : "";
  source->href = href != NULL ? intern (self, href) : NULL;
  if (id != NULL)
    g_hash_table_insert (self->contents->source_ids, (gpointer) id, source);
}

static void
start_program_attributes (const CaAttrs *attrs,
                          CaNode        *node)
{
  const char *status = attrs_get (attrs, "status");
  int s;

  node->start_year = check_year (attrs, "start");
  node->end_year = check_year (attrs, "end");
  if (node->start_year != 0 && node->end_year != 0 && node->start_year > node->end_year)
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("the program starts in %d, after it ends (%d)"),
                          node->start_year, node->end_year);
  if (status == NULL)
    return;
  s = parse_enum (status_names, G_N_ELEMENTS (status_names), status);
  node->status = s > 0 ? (CaStatus) s : CA_STATUS_NONE;
  if (s <= 0)
    ca_loader_problem_at_enum (attrs, "status", status, "planned, active, completed");
}

static void
start_node (const CaAttrs *attrs)
{
  CaLoader *self = attrs->loader;
  CaFrame *frame = attrs->frame;
  CaFrame *parent = frame - 1;
  CaNode *node = g_new0 (CaNode, 1);

  node->type = frame->kind == FRAME_REGION ? CA_NODE_REGION
               : frame->kind == FRAME_PARK ? CA_NODE_PARK : CA_NODE_PROGRAM;
  node->id = claim_id (attrs);
  node->parent = parent->node;
  node->depth = parent->node != NULL ? parent->node->depth + 1 : 0;
  if (parent->children == NULL)
    parent->children = g_ptr_array_sized_new (4);
  node->index = parent->children->len;
  g_ptr_array_add (parent->children, node);
  g_ptr_array_add (self->contents->nodes, node);
  frame->node = node;
  if (node->id != NULL)
    g_hash_table_insert (self->contents->node_ids, (gpointer) node->id, node);

  if (node->type == CA_NODE_PROGRAM)
    start_program_attributes (attrs, node);
  else
    {
      const char *kind = attrs_require (attrs, "kind");

      if (kind != NULL && (*kind == '\0' || strpbrk (kind, " \t\r\n") != NULL))
        ca_loader_problem_at (self, frame->line, frame->column,
                              _("“%s” is not a valid kind: a kind is one word such as "
                                "“province” or “hi-tech-park”"), kind);
      node->kind = intern (self, kind != NULL ? kind : "");
    }
}

static void
start_figure (const CaAttrs *attrs)
{
  CaLoader *self = attrs->loader;
  CaFrame *parent = attrs->frame - 1;
  const char *metric = attrs_require (attrs, "metric");
  const char *source = attrs_require (attrs, "source");
  const char *qualifier = attrs_get (attrs, "qualifier");
  CaFigure figure = { 0 };
  CaPendingRef ref = { 0 };

  figure.node = parent->node;
  figure.type = attrs->frame->kind == FRAME_GOAL ? CA_FIGURE_GOAL : CA_FIGURE_COUNT;
  check_value (attrs, "value", TRUE, &figure.value);
  if (qualifier != NULL)
    {
      int q = parse_enum (qualifier_names, G_N_ELEMENTS (qualifier_names), qualifier);

      if (q < 0)
        ca_loader_problem_at_enum (attrs, "qualifier", qualifier,
                                   "exact, about, nearly, at-least, more-than, at-most");
      figure.qualifier = (CaQualifier) MAX (q, 0);
    }
  if (figure.type == CA_FIGURE_GOAL)
    {
      if (attrs_require (attrs, "year") != NULL)
        figure.year = check_year (attrs, "year");
      figure.date.year = figure.year;
      figure.has_baseline = check_value (attrs, "baseline", FALSE, &figure.baseline);
      figure.baseline_year = check_year (attrs, "baseline-year");
    }
  else if (check_date (attrs, "date", &figure.date))
    figure.year = figure.date.year;

  if (parent->figures == NULL)
    parent->figures = g_array_sized_new (FALSE, FALSE, sizeof (CaFigure), 2);
  ref.node = parent->node;
  ref.index = parent->figures->len;
  ref.metric_id = metric != NULL ? intern (self, metric) : NULL;
  ref.source_id = source != NULL ? intern (self, source) : NULL;
  ref.line = attrs->frame->line;
  ref.column = attrs->frame->column;
  g_array_append_val (parent->figures, figure);
  g_array_append_val (self->refs, ref);
}

static void
start_text (const CaAttrs *attrs)
{
  const char *lang = attrs_get_lang (attrs);

  g_string_truncate (attrs->loader->text, 0);
  if (attrs->frame->kind == FRAME_TAG)
    return;
  if (lang == NULL)
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("<%s> needs an “xml:lang” attribute naming its language, "
                            "such as “en” or “zh-CN”"), attrs->element);
  else if (!ca_check_lang_tag (lang))
    ca_loader_problem_at (attrs->loader, attrs->frame->line, attrs->frame->column,
                          _("“%s” is not a language tag (BCP 47), such as “en” or “zh-CN”"),
                          lang);
  else
    attrs->frame->lang = intern (attrs->loader, lang);
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
lookup_kind (const char *localname)
{
  for (guint i = 0; i < N_FRAME_KINDS; i++)
    if (g_str_equal (element_names[i], localname))
      return (int) i;
  return -1;
}

/* Decides what to do with an element: returns its kind, or -1 when its
 * subtree is to be skipped (foreign, or refused with a problem). */
static int
classify (CaLoader   *self,
          const char *localname,
          const char *uri)
{
  CaFrame *parent = top (self);
  int kind;

  if (parent == NULL)
    {
      if (g_strcmp0 (uri, CA_ATLAS_NAMESPACE) != 0 || !g_str_equal (localname, "atlas"))
        {
          ca_loader_problem (self, _("the root element is <%s> in the namespace “%s”; an atlas "
                                     "file has <atlas> in the namespace “%s”"),
                             localname, uri != NULL ? uri : "", CA_ATLAS_NAMESPACE);
          ca_loader_stop (self);
          return -1;
        }
      return FRAME_ATLAS;
    }
  if (uri != NULL && !g_str_equal (uri, CA_ATLAS_NAMESPACE))
    return -1;   /* another namespace: ignored with its whole subtree */
  kind = uri != NULL ? lookup_kind (localname) : -1;
  if (kind < 0)
    ca_loader_problem (self, _("unknown element <%s> in <%s>%s"), localname,
                       element_names[parent->kind],
                       uri == NULL ? _(" (it has no namespace)") : "");
  else if (!(allowed_children[parent->kind] & BIT (kind)))
    {
      ca_loader_problem (self, _("<%s> is not allowed in <%s>"), localname,
                         element_names[parent->kind]);
      kind = -1;
    }
  return kind;
}

void
ca_loader_start_element (CaLoader    *self,
                         const char  *localname,
                         const char  *uri,
                         int          n_attributes,
                         const char **attributes)
{
  CaAttrs attrs = { 0 };
  int kind;

  if (self->stopped)
    return;
  if (++self->element_depth > CA_LOADER_MAX_DEPTH)
    {
      ca_loader_problem (self, _("elements are nested deeper than %d levels"),
                         CA_LOADER_MAX_DEPTH);
      ca_loader_stop (self);
      return;
    }
  if (n_attributes > CA_LOADER_MAX_ATTRIBUTES)
    {
      ca_loader_problem (self, _("an element has more than %d attributes"),
                         CA_LOADER_MAX_ATTRIBUTES);
      ca_loader_stop (self);
      return;
    }
  if (self->skip_depth > 0 || (kind = classify (self, localname, uri)) < 0)
    {
      self->skip_depth++;
      return;
    }
  self->seen_root = TRUE;
  attrs.frame = &self->frames[self->n_frames++];
  *attrs.frame = (CaFrame) { .kind = (CaFrameKind) kind };
  attrs.frame->line = ca_loader_line (self);
  attrs.frame->column = ca_loader_column (self);
  attrs.loader = self;
  attrs.element = element_names[kind];
  collect_attributes (&attrs, n_attributes, attributes);
  start_by_kind (&attrs);
}

/* Ends ------------------------------------------------------------------- */

static CaText
take_text (GArray **array)
{
  CaText text = { 0, NULL };
  gsize len = 0;

  if (*array == NULL)
    return text;
  text.entries = g_array_steal (*array, &len);
  text.n_entries = (guint) len;
  g_clear_pointer (array, g_array_unref);
  return text;
}

static gpointer
take_exact (gpointer data,
            gsize    n,
            gsize    size)
{
  return data != NULL ? g_realloc (data, MAX (n, 1) * size) : NULL;
}

static void
require_names (CaLoader   *self,
               CaFrame    *frame,
               const char *what)
{
  if (frame->names == NULL || frame->names->len == 0)
    ca_loader_problem_at (self, frame->line, frame->column,
                          _("<%s> needs at least one <%s> with an xml:lang"),
                          element_names[frame->kind], what);
}

static void
end_node (CaLoader *self,
          CaFrame  *frame)
{
  CaNode *node = frame->node;
  gsize n = 0;

  require_names (self, frame, "name");
  node->names = take_text (&frame->names);
  node->summaries = take_text (&frame->summaries);
  if (frame->tags != NULL)
    {
      node->tags = (const char **) g_ptr_array_steal (frame->tags, &n);
      node->n_tags = (guint) n;
      g_clear_pointer (&frame->tags, g_ptr_array_unref);
    }
  if (frame->children != NULL)
    {
      gpointer data = g_ptr_array_steal (frame->children, &n);

      node->children = take_exact (data, n, sizeof (CaNode *));
      node->n_children = (guint) n;
      g_clear_pointer (&frame->children, g_ptr_array_unref);
    }
  if (frame->figures != NULL)
    {
      gpointer data = g_array_steal (frame->figures, &n);

      node->figures = take_exact (data, n, sizeof (CaFigure));
      node->n_figures = (guint) n;
      g_clear_pointer (&frame->figures, g_array_unref);
    }
  node->n_figures_below = node->n_figures;
  for (guint i = 0; i < node->n_children; i++)
    node->n_figures_below += node->children[i]->n_figures_below;
  self->contents->n_figures += node->n_figures;
}

static gboolean
has_lang (GArray     *entries,
          const char *lang)
{
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_ascii_strcasecmp (g_array_index (entries, CaTextEntry, i).lang, lang) == 0)
      return TRUE;
  return FALSE;
}

static void
end_text (CaLoader *self,
          CaFrame  *frame,
          CaFrame  *owner)
{
  GArray **target = frame->kind == FRAME_SUMMARY ? &owner->summaries : &owner->names;
  CaTextEntry entry;

  ca_collapse_spaces (self->text);
  if (self->text->len == 0)
    {
      ca_loader_problem_at (self, frame->line, frame->column, _("<%s> is empty"),
                            element_names[frame->kind]);
      return;
    }
  if (frame->kind == FRAME_TAG)
    {
      if (owner->tags == NULL)
        owner->tags = g_ptr_array_sized_new (2);
      g_ptr_array_add (owner->tags, (gpointer) intern (self, self->text->str));
      return;
    }
  if (frame->lang == NULL)
    return;
  if (has_lang (*target, frame->lang))
    {
      ca_loader_problem_at (self, frame->line, frame->column,
                            _("a second <%s> in the language “%s”"),
                            element_names[frame->kind], frame->lang);
      return;
    }
  if (*target == NULL)
    *target = g_array_sized_new (FALSE, FALSE, sizeof (CaTextEntry), 2);
  entry.lang = frame->lang;
  entry.text = g_string_chunk_insert_len (self->contents->strings, self->text->str,
                                          (gssize) self->text->len);
  g_array_append_val (*target, entry);
}

static void
end_atlas (CaLoader *self,
           CaFrame  *frame)
{
  self->contents->titles = take_text (&frame->names);
  if (frame->children != NULL)
    {
      for (guint i = 0; i < frame->children->len; i++)
        g_ptr_array_add (self->contents->roots, frame->children->pdata[i]);
      g_clear_pointer (&frame->children, g_ptr_array_unref);
    }
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
      break;
    case FRAME_REGION:
    case FRAME_PARK:
    case FRAME_PROGRAM:
      end_node (self, frame);
      break;
    case FRAME_METRIC:
      require_names (self, frame, "name");
      frame->metric->metric.names = take_text (&frame->names);
      break;
    case FRAME_SOURCE:
      require_names (self, frame, "title");
      frame->source->titles = take_text (&frame->names);
      break;
    case FRAME_NAME:
    case FRAME_TITLE:
    case FRAME_SUMMARY:
    case FRAME_TAG:
      end_text (self, frame, frame - 1);
      break;
    case FRAME_METRICS:
    case FRAME_SOURCES:
    case FRAME_GOAL:
    case FRAME_COUNT:
    case N_FRAME_KINDS:
    default:
      break;
    }
  frame_clear (frame);
  self->n_frames--;
}

void
ca_loader_characters (CaLoader   *self,
                      const char *text,
                      gsize       length)
{
  CaFrame *frame = top (self);

  if (self->stopped || self->skip_depth > 0 || frame == NULL)
    return;
  if (frame->kind >= FRAME_NAME && frame->kind <= FRAME_TAG)
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
  for (gsize i = 0; i < length && !frame->text_reported; i++)
    if (!g_ascii_isspace (text[i]))
      {
        /* The parser is at the end of the text: count back to where the
         * stray text begins. */
        guint newlines = 0;

        for (gsize j = i; j < length; j++)
          newlines += text[j] == '\n';
        ca_loader_problem_at (self, ca_loader_line (self) - MIN (newlines, ca_loader_line (self)),
                              0, _("<%s> may not contain text"), element_names[frame->kind]);
        frame->text_reported = TRUE;
      }
}

/* References ------------------------------------------------------------- */

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
  for (guint i = 0; i < self->refs->len; i++)
    {
      CaPendingRef *ref = &g_array_index (self->refs, CaPendingRef, i);
      CaFigure *figure;

      if (ref->node->figures == NULL)
        continue;
      figure = &ref->node->figures[ref->index];
      if (ref->metric_id != NULL
          && (figure->metric = g_hash_table_lookup (metrics, ref->metric_id)) == NULL)
        ca_loader_problem_at (self, ref->line, ref->column,
                              _("the metric “%s” is not declared in <metrics>"), ref->metric_id);
      if (ref->source_id != NULL
          && (figure->source = g_hash_table_lookup (sources, ref->source_id)) == NULL)
        ca_loader_problem_at (self, ref->line, ref->column,
                              _("the source “%s” is not declared in <sources>"), ref->source_id);
    }
}
