/* ca-node.c: regions, parks and programs of a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ca-dataset-private.h"
#include "ca-hanzi.h"
#include "ca-i18n.h"

void
ca_problem_free (CaProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}

/* Control characters, and the separators some programs end a line at. */
static gboolean
needs_escape (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_CONTROL || type == G_UNICODE_LINE_SEPARATOR
         || type == G_UNICODE_PARAGRAPH_SEPARATOR;
}

static void
append_escaped (GString  *out,
                gunichar  c)
{
  if (c == '\n')
    g_string_append (out, "\\n");
  else if (c == '\r')
    g_string_append (out, "\\r");
  else if (c == '\t')
    g_string_append (out, "\\t");
  else if (c < 0x100)
    g_string_append_printf (out, "\\x%02X", c);
  else
    g_string_append_printf (out, "\\u%04X", c);
}

char *
ca_escape_line (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* A byte that is not UTF-8, as in a file name from a Windows zip:
           * written as its value, so the name can still be told apart. */
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (needs_escape (c))
        append_escaped (out, c);
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

char *
ca_quote_line (const char *text,
               guint       max)
{
  g_autofree char *line = NULL;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  line = ca_escape_line (text);
  if (g_utf8_strlen (line, -1) <= max)
    return g_steal_pointer (&line);
  end = g_utf8_offset_to_pointer (line, max > 0 ? max - 1 : 0);
  return g_strdup_printf ("%.*s…", (int) (end - line), line);
}

/* Both parts are escaped: a message may quote the file's name too. */
static char *
format_problem (const char      *file,
                const CaProblem *problem)
{
  g_autofree char *safe_file = ca_escape_line (file);
  g_autofree char *safe_message = ca_escape_line (problem->message);

  return g_strdup_printf ("%s:%u:%u: %s", safe_file, problem->line, problem->column,
                          safe_message);
}

char *
ca_problem_format (const CaProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return format_problem (problem->file, problem);
}

char *
ca_problem_format_short (const CaProblem *problem)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (problem != NULL, NULL);
  base = g_path_get_basename (problem->file);
  return format_problem (base, problem);
}

/* Language tags compare without case, and '_' equals '-'. */
static gboolean
tag_equal (const char *a,
           const char *b,
           gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      char ca = a[i] == '_' ? '-' : g_ascii_tolower (a[i]);
      char cb = b[i] == '_' ? '-' : g_ascii_tolower (b[i]);

      if (ca != cb)
        return FALSE;
      if (ca == '\0')
        return TRUE;
    }
  return TRUE;
}

static gsize
primary_length (const char *tag)
{
  return strcspn (tag, "-_");
}

/* Whether @tag writes its language in Latin letters ("zh-Latn-pinyin", a
 * reading) where @wanted does not: no stand-in for the characters. */
static gboolean
is_other_script (const char *tag,
                 const char *wanted)
{
  gsize primary = primary_length (tag);

  return tag[primary] != '\0' && tag_equal (tag + primary + 1, "latn", 4)
         && (tag[primary + 5] == '\0' || tag[primary + 5] == '-' || tag[primary + 5] == '_')
         && !tag_equal (wanted, tag, primary + 5);
}

void
ca_text_iter_init (CaTextIter   *iter,
                   const CaText *text)
{
  g_return_if_fail (iter != NULL && text != NULL);
  *iter = (CaTextIter) { .next = text->packed,
                         .left = text->packed != NULL ? text->n_entries : 0 };
}

/* Steps to the next entry, setting iter->lang and iter->text; FALSE after
 * the last. */
gboolean
ca_text_iter_next (CaTextIter *iter)
{
  const guchar *after;
  gsize length;

  g_return_val_if_fail (iter != NULL, FALSE);
  if (iter->left == 0)
    return FALSE;
  iter->lang = ca_text_entry_lang (iter->next, &after);
  iter->text = ca_text_entry_text (after, &length);
  iter->next = iter->text + length + 1;
  iter->left--;
  return TRUE;
}

/* The entry in @lang, else in its primary language ("zh" for "zh-TW"),
 * and with @fallback else in English, else the first; its language in
 * *found_lang. */
static const char *
text_find (const CaText  *text,
           const char    *lang,
           gboolean       fallback,
           const char   **found_lang)
{
  CaTextIter iter;
  const char *primary_match = NULL, *primary_lang = NULL;
  const char *english = NULL, *english_lang = NULL;
  const char *first = NULL, *first_lang = NULL;
  gsize primary = primary_length (lang);

  *found_lang = NULL;
  ca_text_iter_init (&iter, text);
  while (ca_text_iter_next (&iter))
    {
      if (tag_equal (iter.lang, lang, G_MAXSIZE))
        {
          *found_lang = iter.lang;
          return iter.text;
        }
      if (primary_match == NULL && primary_length (iter.lang) == primary
          && tag_equal (iter.lang, lang, primary) && !is_other_script (iter.lang, lang))
        primary_match = iter.text, primary_lang = iter.lang;
      if (english == NULL && tag_equal (iter.lang, "en", G_MAXSIZE))
        english = iter.text, english_lang = iter.lang;
      if (first == NULL)
        first = iter.text, first_lang = iter.lang;
    }
  if (primary_match != NULL || !fallback)
    {
      *found_lang = primary_lang;
      return primary_match;
    }
  *found_lang = english != NULL ? english_lang : first_lang;
  return english != NULL ? english : first;
}

/* Whether @tag is Chinese in Traditional characters: zh-TW, zh-HK, zh-MO,
 * zh-Hant and its regions. */
static gboolean
is_traditional_tag (const char *tag)
{
  static const char * const tags[] = { "zh-tw", "zh-hk", "zh-mo", "zh-hant" };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      gsize n = strlen (tags[i]);

      if (tag_equal (tag, tags[i], n) && (tag[n] == '\0' || tag[n] == '-' || tag[n] == '_'))
        return TRUE;
    }
  return FALSE;
}

/* For a reader of Traditional characters: the entry in @lang, else one in
 * Traditional characters (zh-Hant, zh-HK), else the usual fallback, a
 * Chinese one converted to Taiwan's usage (OpenCC's s2twp, ca-hanzi.h);
 * *converted says whether it was. */
static const char *
traditional_find (const CaText *text,
                  const char   *lang,
                  gboolean     *converted)
{
  const char *traditional = NULL, *found, *found_lang;
  CaTextIter iter;

  *converted = FALSE;
  ca_text_iter_init (&iter, text);
  while (ca_text_iter_next (&iter))
    {
      if (tag_equal (iter.lang, lang, G_MAXSIZE))
        return iter.text;
      if (traditional == NULL && is_traditional_tag (iter.lang))
        traditional = iter.text;
    }
  if (traditional != NULL)
    return traditional;
  found = text_find (text, lang, TRUE, &found_lang);
  if (found == NULL || found_lang == NULL || !tag_equal (found_lang, "zh", 2)
      || (found_lang[2] != '\0' && found_lang[2] != '-' && found_lang[2] != '_')
      || is_other_script (found_lang, lang))
    return found;
  traditional = ca_hanzi_to_taiwan_interned (found);
  /* 上海市 is the same in both scripts: nothing to tell the reader. */
  *converted = strcmp (traditional, found) != 0;
  return *converted ? traditional : found;
}

const char *
ca_text_lookup (const CaText *text,
                const char   *lang)
{
  const char *found_lang;
  gboolean converted;

  g_return_val_if_fail (text != NULL, NULL);
  if (lang == NULL)
    lang = ca_i18n_get_data_language ();
  if (is_traditional_tag (lang))
    return traditional_find (text, lang, &converted);
  return text_find (text, lang, TRUE, &found_lang);
}

gboolean
ca_text_is_converted (const CaText *text,
                      const char   *lang)
{
  gboolean converted = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  if (lang == NULL)
    lang = ca_i18n_get_data_language ();
  if (is_traditional_tag (lang))
    traditional_find (text, lang, &converted);
  return converted;
}

CaNodeType
ca_node_get_node_type (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, CA_NODE_REGION);
  return self->type;
}

const char *
ca_node_get_id (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return ca_node_priv_id (self);
}

const char *
ca_node_get_kind (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->type == CA_NODE_PROGRAM ? NULL : self->u.kind;
}

const char *
ca_node_get_name (const CaNode *self,
                  const char   *lang)
{
  CaText names;

  g_return_val_if_fail (self != NULL, NULL);
  names = ca_node_get_names (self);
  return ca_text_lookup (&names, lang);
}

CaText
ca_node_get_names (const CaNode *self)
{
  CaText none = { NULL, 0 };

  g_return_val_if_fail (self != NULL, none);
  return (CaText) { ca_node_priv_names (self), self->n_names };
}

const char *
ca_node_get_summary (const CaNode *self,
                     const char   *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->has_summaries ? ca_text_lookup (ca_node_priv_summaries (self), lang) : NULL;
}

int
ca_node_get_start_year (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->type == CA_NODE_PROGRAM ? self->u.program.start_year : 0;
}

int
ca_node_get_end_year (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->type == CA_NODE_PROGRAM ? self->u.program.end_year : 0;
}

CaStatus
ca_node_get_status (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, CA_STATUS_NONE);
  return self->type == CA_NODE_PROGRAM ? (CaStatus) self->u.program.status : CA_STATUS_NONE;
}

guint
ca_node_get_n_tags (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_tags;
}

const char *
ca_node_get_tag (const CaNode *self,
                 guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_tags, NULL);
  return ca_node_priv_tags (self)[index];
}

const CaNode *
ca_node_get_parent (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->parent;
}

guint
ca_node_get_depth (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->depth;
}

guint
ca_node_get_n_children (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_children;
}

const CaNode *
ca_node_get_child (const CaNode *self,
                   guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_children, NULL);
  return ca_node_priv_children (self)[index];
}

guint
ca_node_get_index (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->index;
}

guint
ca_node_get_n_figures (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_figures;
}

const CaFigure *
ca_node_get_figure (const CaNode *self,
                    guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_figures, NULL);
  return &ca_node_priv_figures (self)[index];
}

guint
ca_node_get_n_figures_below (const CaNode *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_children > 0 ? (guint) *ca_node_priv_figures_below (self) : self->n_figures;
}

/* The extras of @figure, which must be one of @self's figures. */
static const CaFigureExtra *
figure_extra (const CaNode   *self,
              const CaFigure *figure)
{
  const CaFigure *figures;

  if (!figure->has_extra || !self->has_extras)
    return NULL;
  figures = ca_node_priv_figures (self);
  g_return_val_if_fail (figure >= figures && figure < figures + self->n_figures, NULL);
  return (*ca_node_priv_extras_slot (self))[figure - figures];
}

static CaText
figure_text (const CaNode   *self,
             const CaFigure *figure,
             gboolean        notes)
{
  const CaFigureExtra *extra = figure_extra (self, figure);

  if (extra == NULL)
    return (CaText) { NULL, 0 };
  return notes ? extra->notes : extra->quotes;
}

CaText
ca_node_get_figure_quotes (const CaNode   *self,
                           const CaFigure *figure)
{
  g_return_val_if_fail (self != NULL && figure != NULL, ((CaText) { NULL, 0 }));
  return figure_text (self, figure, FALSE);
}

CaText
ca_node_get_figure_notes (const CaNode   *self,
                          const CaFigure *figure)
{
  g_return_val_if_fail (self != NULL && figure != NULL, ((CaText) { NULL, 0 }));
  return figure_text (self, figure, TRUE);
}

guint
ca_node_get_figure_n_sources (const CaNode   *self,
                              const CaFigure *figure)
{
  const CaFigureExtra *extra;

  g_return_val_if_fail (self != NULL && figure != NULL, 0);
  extra = figure_extra (self, figure);
  return 1 + (extra != NULL ? extra->n_cites : 0);
}

CaFigureSource
ca_node_get_figure_source (const CaNode   *self,
                           const CaFigure *figure,
                           guint           index)
{
  const CaFigureExtra *extra;
  CaFigureSource own;

  g_return_val_if_fail (self != NULL && figure != NULL, ((CaFigureSource) { NULL }));
  extra = figure_extra (self, figure);
  own = (CaFigureSource) { figure->source, extra != NULL ? extra->quotes : (CaText) { 0 } };
  if (index == 0)
    return own;
  g_return_val_if_fail (extra != NULL && index <= extra->n_cites, own);
  return extra->cites[index - 1];
}

const char *
ca_source_get_publisher (const CaSource *source,
                         const char     *lang,
                         const char    **lang_out)
{
  const char *found_lang, *found;

  g_return_val_if_fail (source != NULL, NULL);
  found = text_find (&source->publishers, lang != NULL ? lang : ca_i18n_get_data_language (),
                     FALSE, &found_lang);
  if (lang_out != NULL)
    *lang_out = found != NULL ? found_lang : NULL;
  return found != NULL ? found : source->publisher;
}

/* The first title is the source's own, as it was published. */
const char *
ca_source_get_title (const CaSource *source,
                     const char     *lang,
                     const char    **lang_out)
{
  const char *found_lang, *found;
  CaTextIter iter;

  g_return_val_if_fail (source != NULL, NULL);
  found = text_find (&source->titles, lang != NULL ? lang : ca_i18n_get_data_language (),
                     FALSE, &found_lang);
  ca_text_iter_init (&iter, &source->titles);
  if (found == NULL && ca_text_iter_next (&iter))
    found = iter.text, found_lang = iter.lang;
  if (lang_out != NULL)
    *lang_out = found_lang;
  return found;
}

GPtrArray *
ca_node_get_path (const CaNode *self)
{
  GPtrArray *path;

  g_return_val_if_fail (self != NULL, NULL);
  path = g_ptr_array_sized_new (self->depth + 1);
  g_ptr_array_set_size (path, (gint) self->depth + 1);
  for (const CaNode *node = self; node != NULL; node = node->parent)
    path->pdata[node->depth] = (gpointer) node;
  return path;
}

gboolean
ca_node_is_ancestor_of (const CaNode *self,
                        const CaNode *descendant)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (descendant != NULL, FALSE);
  for (const CaNode *node = descendant->parent; node != NULL; node = node->parent)
    if (node == self)
      return TRUE;
  return FALSE;
}

const CaNode *
ca_node_next_in_subtree (const CaNode *root,
                         const CaNode *current)
{
  g_return_val_if_fail (root != NULL, NULL);
  if (current == NULL)
    return root;
  if (current->n_children > 0)
    return ca_node_priv_children (current)[0];
  /* Climb until a node with a next sibling, without leaving the subtree. */
  for (const CaNode *node = current; node != root; node = node->parent)
    {
      const CaNode *parent = node->parent;

      if (parent != NULL && node->index + 1 < parent->n_children)
        return ca_node_priv_children (parent)[node->index + 1];
    }
  return NULL;
}

static CaMetricSum *
find_sum (GArray         *sums,
          const CaMetric *metric)
{
  const CaMetricPriv *priv = (const CaMetricPriv *) metric;
  CaMetricSum sum = { metric, 0.0, 0, CA_QUALIFIER_EXACT };
  guint i;

  for (i = 0; i < sums->len; i++)
    {
      CaMetricSum *s = &g_array_index (sums, CaMetricSum, i);

      if (s->metric == metric)
        return s;
      if (((const CaMetricPriv *) s->metric)->index > priv->index)
        break;
    }
  g_array_insert_val (sums, i, sum);
  return &g_array_index (sums, CaMetricSum, i);
}

/* The qualifier of a sum of two figures, for every part of the program that
 * adds figures up (the charts' "others", the sums by metric): exact parts
 * stay exact; parts that are exact or lean the same way keep that lean
 * (5 and at most 3 is at most 8; 5 and more than 3 is at least 8); any
 * other mix is "about". */
CaQualifier
ca_qualifier_join (CaQualifier a,
                   CaQualifier b)
{
  gboolean a_low = a == CA_QUALIFIER_AT_LEAST || a == CA_QUALIFIER_MORE_THAN;
  gboolean b_low = b == CA_QUALIFIER_AT_LEAST || b == CA_QUALIFIER_MORE_THAN;
  gboolean a_high = a == CA_QUALIFIER_AT_MOST || a == CA_QUALIFIER_NEARLY;
  gboolean b_high = b == CA_QUALIFIER_AT_MOST || b == CA_QUALIFIER_NEARLY;

  if (a == b)
    return a;
  if (a == CA_QUALIFIER_EXACT)
    return b == CA_QUALIFIER_MORE_THAN ? CA_QUALIFIER_AT_LEAST : b;
  if (b == CA_QUALIFIER_EXACT)
    return a == CA_QUALIFIER_MORE_THAN ? CA_QUALIFIER_AT_LEAST : a;
  if (a_low && b_low)
    return CA_QUALIFIER_AT_LEAST;
  if (a_high && b_high)
    return CA_QUALIFIER_AT_MOST;
  return CA_QUALIFIER_ABOUT;
}

GArray *
ca_node_sum_by_metric (const CaNode *self,
                       CaFigureType  type)
{
  GArray *sums = g_array_new (FALSE, FALSE, sizeof (CaMetricSum));

  g_return_val_if_fail (self != NULL, sums);
  for (const CaNode *node = ca_node_next_in_subtree (self, NULL); node != NULL;
       node = ca_node_next_in_subtree (self, node))
    for (guint i = 0; i < node->n_figures; i++)
      {
        const CaFigure *figure = &ca_node_priv_figures (node)[i];
        CaMetricSum *sum;

        if (figure->type != type || figure->metric == NULL)
          continue;
        sum = find_sum (sums, figure->metric);
        sum->qualifier = sum->n_figures == 0 ? figure->qualifier
                         : ca_qualifier_join (sum->qualifier, figure->qualifier);
        sum->total += figure->value;
        sum->n_figures++;
      }
  return sums;
}

G_STATIC_ASSERT (sizeof (CaNode) <= 56);
G_STATIC_ASSERT (sizeof (CaFigure) <= 40);
G_STATIC_ASSERT (sizeof (CaDate) == 4);

static const char * const qualifier_tokens[] = {
  [CA_QUALIFIER_EXACT] = "exact",
  [CA_QUALIFIER_ABOUT] = "about",
  [CA_QUALIFIER_NEARLY] = "nearly",
  [CA_QUALIFIER_AT_LEAST] = "at-least",
  [CA_QUALIFIER_MORE_THAN] = "more-than",
  [CA_QUALIFIER_AT_MOST] = "at-most",
};

const char *
ca_qualifier_to_token (CaQualifier qualifier)
{
  g_return_val_if_fail ((guint) qualifier < G_N_ELEMENTS (qualifier_tokens), "exact");

  return qualifier_tokens[qualifier];
}

gboolean
ca_qualifier_from_token (const char  *token,
                         CaQualifier *qualifier)
{
  g_return_val_if_fail (token != NULL, FALSE);
  g_return_val_if_fail (qualifier != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (qualifier_tokens); i++)
    if (g_str_equal (qualifier_tokens[i], token))
      {
        *qualifier = (CaQualifier) i;
        return TRUE;
      }
  return FALSE;
}
