/* ca-cite.c: sources as BibTeX, RIS and CSL-JSON, for reference managers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ca-atomic.h"
#include "ca-cite.h"
#include "ca-hash.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-node.h"

static const char * const extensions[] = {
  [CA_CITE_BIBTEX] = "bib",
  [CA_CITE_RIS] = "ris",
  [CA_CITE_CSL_JSON] = "json",
};

gboolean
ca_cite_format_from_path (const char   *path,
                          CaCiteFormat *format)
{
  int index;

  g_return_val_if_fail (path != NULL, FALSE);

  index = ca_path_extension_index (path, extensions, G_N_ELEMENTS (extensions));
  if (index >= 0 && format != NULL)
    *format = (CaCiteFormat) index;
  return index >= 0;
}

const char *
ca_cite_format_to_extension (CaCiteFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (extensions), "bib");
  return extensions[format];
}

GPtrArray *
ca_cite_collect_sources (const CaNode *node)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *sources = g_ptr_array_new ();

  g_return_val_if_fail (node != NULL, sources);

  for (const CaNode *n = ca_node_next_in_subtree (node, NULL); n != NULL;
       n = ca_node_next_in_subtree (node, n))
    for (guint i = 0; i < ca_node_get_n_figures (n); i++)
      {
        const CaSource *source = ca_node_get_figure (n, i)->source;

        if (source != NULL && g_hash_table_add (seen, (gpointer) source))
          g_ptr_array_add (sources, (gpointer) source);
      }
  return sources;
}

/* What the model says of a source ****************************************/

/* The publisher in @lang (the title's language) where the source names it
 * so (<publisher xml:lang>), else as the source gives it. */
static const char *
source_publisher (const CaSource *source,
                  const char     *lang)
{
  return ca_source_get_publisher (source, lang, NULL);
}

/* The day the address was read (accessed="YYYY-MM-DD"), or NULL. */
static const CaDate *
source_accessed (const CaSource *source)
{
  return source->accessed.year != 0 ? &source->accessed : NULL;
}

/* The title in @lang by the fallback rule, and the language it is in. */
static const char *
lookup_title (const CaSource  *source,
              const char      *lang,
              const char     **title_lang)
{
  const char *title = ca_text_lookup (&source->titles, lang);
  CaTextIter iter;

  *title_lang = NULL;
  ca_text_iter_init (&iter, &source->titles);
  while (title != NULL && ca_text_iter_next (&iter))
    if (iter.text == title)
      *title_lang = iter.lang;
  return title;
}

/* One source as every format reads it: texts valid UTF-8. */
typedef struct {
  const CaSource *source;
  char           *id;
  char           *title;        /* NULL when the source has none */
  char           *title_lang;   /* NULL when no title */
  char           *publisher;
  char           *url;          /* NULL when none */
  const CaDate   *accessed;     /* NULL when not known */
} CiteItem;

static void
cite_item_clear (CiteItem *item)
{
  g_free (item->id);
  g_free (item->title);
  g_free (item->title_lang);
  g_free (item->publisher);
  g_free (item->url);
}

static void
cite_item_init (CiteItem       *item,
                const CaSource *source,
                const char     *lang)
{
  const char *title_lang;
  const char *title = lookup_title (source, lang, &title_lang);
  const char *publisher = source_publisher (source, title_lang);

  item->source = source;
  item->id = g_utf8_make_valid (source->id != NULL ? source->id : "", -1);
  item->title_lang = title_lang != NULL ? g_utf8_make_valid (title_lang, -1) : NULL;
  item->title = title != NULL ? g_utf8_make_valid (title, -1) : NULL;
  item->publisher = g_utf8_make_valid (publisher != NULL ? publisher : "", -1);
  item->url = source->href != NULL && *source->href != '\0'
              ? g_utf8_make_valid (source->href, -1) : NULL;
  item->accessed = source_accessed (source);
}

/* Texts on one line ******************************************************/

static gboolean
breaks_line (gunichar c)
{
  return g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029;
}

/* @text (valid UTF-8) with control characters and line breaks as spaces,
 * runs of spaces they make as one, and no space at either end. */
static char *
one_line (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (breaks_line (c) || c == ' ')
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* BibTeX *****************************************************************/

/* @line as TeX reads it back: the specials escaped, and braces written as
 * commands, since BibTeX counts a brace even after a backslash. */
static void
append_tex (GString    *out,
            const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\textbackslash{}"); break;
      case '{': g_string_append (out, "\\textbraceleft{}"); break;
      case '}': g_string_append (out, "\\textbraceright{}"); break;
      case '^': g_string_append (out, "\\textasciicircum{}"); break;
      case '~': g_string_append (out, "\\textasciitilde{}"); break;
      case '%': case '&': case '#': case '$': case '_':
        g_string_append_c (out, '\\');
        g_string_append_c (out, *p);
        break;
      default: g_string_append_c (out, *p); break;
      }
}

/* biblatex reads url verbatim: only what would unbalance the entry or end
 * the address (braces, backslashes, spaces, control characters) is
 * percent-encoded. */
static void
append_bibtex_url (GString    *out,
                   const char *url)
{
  for (const char *p = url; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c <= ' ' || c == 0x7f || c == '{' || c == '}' || c == '\\')
        g_string_append_printf (out, "%%%02X", c);
      else
        g_string_append_c (out, (char) c);
    }
}

static gboolean
is_key_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum ((char) c) || strchr ("-_.:/", (int) c) != NULL;
  return g_unichar_isalnum (c);
}

/* The source's id as a key no other entry of the file has. */
static char *
bibtex_key (const char *id,
            GHashTable *used)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_key_char (c))
        g_string_append_unichar (key, c);
      else
        g_string_append_c (key, '_');
    }
  if (key->len == 0)
    g_string_append (key, "source");
  base = g_strdup (key->str);
  for (guint n = 2; g_hash_table_contains (used, key->str); n++)
    g_string_printf (key, "%s-%u", base, n);
  g_hash_table_add (used, g_strdup (key->str));
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* babel's and polyglossia's name of a language, which biblatex's langid
 * takes; NULL for one it may not know. */
static const char *
babel_language (const char *tag)
{
  static const struct {
    const char *tag;
    const char *name;
  } names[] = {
    { "en-GB", "british" }, { "en-US", "american" }, { "en", "english" },
    { "zh", "chinese" }, { "ja", "japanese" }, { "ko", "korean" },
    { "de", "german" }, { "fr", "french" }, { "es", "spanish" }, { "it", "italian" },
    { "pt", "portuguese" }, { "nl", "dutch" }, { "ru", "russian" }, { "ar", "arabic" },
    { "he", "hebrew" },
  };

  for (guint i = 0; tag != NULL && i < G_N_ELEMENTS (names); i++)
    {
      gsize length = strlen (names[i].tag);

      if (g_ascii_strncasecmp (tag, names[i].tag, length) == 0
          && (tag[length] == '\0' || tag[length] == '-'))
        return names[i].name;
    }
  return NULL;
}

static void
begin_field (GString    *out,
             const char *name)
{
  g_string_append_printf (out, ",\n  %s = {", name);
}

/* A text field in a second pair of braces; none when @text is empty. */
static void
append_bibtex_text (GString    *out,
                    const char *name,
                    const char *text)
{
  g_autofree char *line = text != NULL ? one_line (text) : NULL;

  if (line == NULL || *line == '\0')
    return;
  begin_field (out, name);
  g_string_append_c (out, '{');
  append_tex (out, line);
  g_string_append (out, "}}");
}

static void
append_bibtex_entry (GString        *out,
                     const CiteItem *item,
                     GHashTable     *keys)
{
  g_autofree char *key = bibtex_key (item->id, keys);
  g_autofree char *date = ca_format_date_iso (&item->source->published);
  const char *langid = babel_language (item->title_lang);

  g_string_append_printf (out, "@%s{%s", item->url != NULL ? "online" : "misc", key);
  /* The extra braces keep an institution whole, and a title's case. */
  append_bibtex_text (out, "author", item->publisher);
  append_bibtex_text (out, "title", item->title);
  begin_field (out, "date");
  g_string_append_printf (out, "%s}", date);
  begin_field (out, "year");
  g_string_append_printf (out, "%04d}", item->source->published.year);
  if (item->url != NULL)
    {
      begin_field (out, "url");
      append_bibtex_url (out, item->url);
      g_string_append_c (out, '}');
    }
  if (item->accessed != NULL)
    {
      g_autofree char *accessed = ca_format_date_iso (item->accessed);

      begin_field (out, "urldate");
      g_string_append_printf (out, "%s}", accessed);
    }
  if (langid != NULL)
    {
      begin_field (out, "langid");
      g_string_append_printf (out, "%s}", langid);
    }
  g_string_append (out, "\n}\n");
}

/* RIS ********************************************************************/

static void
append_ris_line (GString    *out,
                 const char *tag,
                 const char *value)
{
  g_autofree char *line = one_line (value);

  /* A field with nothing left to say is left out. */
  if (*line == '\0')
    return;
  g_string_append_printf (out, "%s  - %s\r\n", tag, line);
}

/* RIS dates are YYYY/MM/DD/ with the parts not known left empty. */
static char *
ris_date (const CaDate *date)
{
  g_autofree char *month = date->month > 0 ? g_strdup_printf ("%02d", date->month) : NULL;
  g_autofree char *day = date->day > 0 ? g_strdup_printf ("%02d", date->day) : NULL;

  return g_strdup_printf ("%04d/%s/%s/", date->year, month != NULL ? month : "",
                          day != NULL ? day : "");
}

static void
append_ris_record (GString        *out,
                   const CiteItem *item)
{
  g_autofree char *year = g_strdup_printf ("%04d", item->source->published.year);
  g_autofree char *date = ris_date (&item->source->published);

  append_ris_line (out, "TY", item->url != NULL ? "ELEC" : "GEN");
  append_ris_line (out, "ID", item->id);
  append_ris_line (out, "AU", item->publisher);
  append_ris_line (out, "PB", item->publisher);
  if (item->title != NULL)
    append_ris_line (out, "TI", item->title);
  append_ris_line (out, "PY", year);
  append_ris_line (out, "DA", date);
  if (item->url != NULL)
    append_ris_line (out, "UR", item->url);
  if (item->accessed != NULL)
    {
      g_autofree char *accessed = ris_date (item->accessed);

      append_ris_line (out, "Y2", accessed);
    }
  if (item->title_lang != NULL)
    append_ris_line (out, "LA", item->title_lang);
  g_string_append (out, "ER  - \r\n");
}

/* CSL-JSON ***************************************************************/

/* @text (valid UTF-8) as a JSON string: quotes, backslashes and control
 * characters escaped, and the line separators, which JavaScript before
 * ES2019 refuses in a string. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029)
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_unichar (out, c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_json_member (GString    *out,
                    const char *name,
                    const char *value)
{
  g_string_append_printf (out, ",\n    \"%s\": ", name);
  append_json_string (out, value);
}

static void
append_json_date (GString      *out,
                  const char   *name,
                  const CaDate *date)
{
  g_string_append_printf (out, ",\n    \"%s\": {\"date-parts\": [[%d", name, date->year);
  if (date->month > 0)
    g_string_append_printf (out, ", %d", date->month);
  if (date->month > 0 && date->day > 0)
    g_string_append_printf (out, ", %d", date->day);
  g_string_append (out, "]]}");
}

static void
append_csl_item (GString        *out,
                 const CiteItem *item)
{
  g_string_append (out, "  {\n    \"id\": ");
  append_json_string (out, item->id);
  append_json_member (out, "type", item->url != NULL ? "webpage" : "article");
  if (item->title != NULL)
    append_json_member (out, "title", item->title);
  g_string_append (out, ",\n    \"author\": [{\"literal\": ");
  append_json_string (out, item->publisher);
  g_string_append (out, "}]");
  append_json_member (out, "publisher", item->publisher);
  append_json_date (out, "issued", &item->source->published);
  if (item->url != NULL)
    append_json_member (out, "URL", item->url);
  if (item->accessed != NULL)
    append_json_date (out, "accessed", item->accessed);
  if (item->title_lang != NULL)
    append_json_member (out, "language", item->title_lang);
  g_string_append (out, "\n  }");
}

/* The formats ************************************************************/

char *
ca_cite_format_sources (CaCiteFormat             format,
                        const CaSource * const  *sources,
                        guint                    n_sources,
                        const char              *lang)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (ca_str_hash, g_str_equal, g_free, NULL);
  const char *data_lang = ca_i18n_data_language_of (lang);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail ((guint) format < CA_CITE_N_FORMATS, g_string_free (out, FALSE));
  g_return_val_if_fail (sources != NULL || n_sources == 0, g_string_free (out, FALSE));

  if (format == CA_CITE_CSL_JSON)
    g_string_append_c (out, '[');
  for (guint i = 0; i < n_sources; i++)
    {
      CiteItem item = { NULL, };

      cite_item_init (&item, sources[i], data_lang);
      if (format == CA_CITE_BIBTEX)
        g_string_append (out, i > 0 ? "\n" : "");
      else if (format == CA_CITE_RIS)
        g_string_append (out, i > 0 ? "\r\n" : "");
      else
        g_string_append (out, i > 0 ? ",\n" : "\n");

      if (format == CA_CITE_BIBTEX)
        append_bibtex_entry (out, &item, keys);
      else if (format == CA_CITE_RIS)
        append_ris_record (out, &item);
      else
        append_csl_item (out, &item);
      cite_item_clear (&item);
    }
  if (format == CA_CITE_CSL_JSON)
    g_string_append (out, n_sources > 0 ? "\n]\n" : "]\n");
  return g_string_free (out, FALSE);
}

char *
ca_cite_format_subtree (CaCiteFormat  format,
                        const CaNode *node,
                        const char   *lang)
{
  g_autoptr(GPtrArray) sources = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  sources = ca_cite_collect_sources (node);
  return ca_cite_format_sources (format, (const CaSource * const *) sources->pdata,
                                 sources->len, lang);
}

gboolean
ca_cite_write_subtree (CaCiteFormat   format,
                       const CaNode  *node,
                       const char    *lang,
                       const char    *path,
                       GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = ca_cite_format_subtree (format, node, lang);
  return ca_atomic_write (path, text, strlen (text), error);
}
