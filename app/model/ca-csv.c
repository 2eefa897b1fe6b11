/* ca-csv.c: the figures of a subtree as RFC 4180 CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-atomic.h"
#include "ca-csv.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "ca-progress.h"

#define CSV_BOM "\xEF\xBB\xBF"

#define CSV_HEADER "node_id,node_path,kind,metric,value,unit,qualifier,year,date," \
                   "source_id,source_publisher,source_date,source_title," \
                   "reported_value,reported_date,share_reached,expected_value,expected_now," \
                   "time_elapsed,status,quote,note"

/* A spreadsheet runs a cell that starts with one of these as a formula
 * (OWASP, "CSV Injection"): a name such as "=HYPERLINK(...)" must stay text. */
static gboolean
starts_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/* Appends one field, quoted only when RFC 4180 requires it.  A text that a
 * spreadsheet would take for a formula gets a leading apostrophe, which
 * spreadsheets show as text and do not evaluate. */
static void
append_text (GString    *out,
             const char *text,
             gboolean    first)
{
  gboolean formula;

  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL)
    return;
  formula = starts_formula (text);
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append_printf (out, "%s%s", formula ? "'" : "", text);
      return;
    }
  /* The apostrophe goes inside the quotes: it is part of the cell. */
  g_string_append (out, formula ? "\"'" : "\"");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Numbers and the program's own tokens go as they are: an apostrophe would
 * turn a value into text in the spreadsheet. */
static void
append_plain (GString    *out,
              const char *text)
{
  g_string_append_c (out, ',');
  g_string_append (out, text != NULL ? text : "");
}

/* The shortest decimal that reads back as exactly @value (%.17g would write
 * 0.1 as 0.10000000000000001). */
static void
format_value (char   *buf,
              gsize   size,
              double  value)
{
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, (int) size, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

/* A number the progress computed (a band's end, a value on the expected
 * line): 12 significant digits, enough for any figure of the data and few
 * enough to drop the noise of floating point (0.95 × 2e11 is not 1.9e11). */
static void
format_computed (char   *buf,
                 gsize   size,
                 double  value)
{
  g_ascii_formatd (buf, (int) size, "%.12g", value);
}

/* A share (of the goal, of the time), 0.5 for half: four decimals at most. */
static void
format_fraction (char   *buf,
                 gsize   size,
                 double  value)
{
  char *end;

  g_ascii_formatd (buf, (int) size, "%.4f", value);
  end = buf + strlen (buf) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
}

typedef void (*FormatFunc) (char *buf, gsize size, double value);

/* The ends of a reported range that are a report's own value are written
 * exactly, as the value column writes values; the ends of an about or
 * nearly band are computed. */
static void
format_end (char           *buf,
            gsize           size,
            double          value,
            const CaReport *report,
            FormatFunc      format)
{
  for (guint i = 0; report != NULL && i < report->figures->len; i++)
    if (((const CaFigure *) g_ptr_array_index (report->figures, i))->value == value)
      {
        format_value (buf, size, value);
        return;
      }
  format (buf, size, value);
}

/* A range as "low..high", "low.." when it is open above, one number when
 * both ends are the same.  @report, if given, holds the exact values. */
static void
append_range (GString        *out,
              const CaRange  *range,
              const CaReport *report,
              FormatFunc      format)
{
  char low[G_ASCII_DTOSTR_BUF_SIZE], high[G_ASCII_DTOSTR_BUF_SIZE] = "";

  format_end (low, sizeof low, range->low, report, format);
  if (isfinite (range->high))
    format_end (high, sizeof high, range->high, report, format);
  g_string_append_printf (out, ",%s", low);
  if (!g_str_equal (low, high))
    g_string_append_printf (out, "..%s", high);
}

static void
append_number (GString    *out,
               gboolean    known,
               double      value,
               FormatFunc  format)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (out, ',');
  if (!known)
    return;
  format (buf, sizeof buf, value);
  g_string_append (out, buf);
}

/* The progress columns: empty on a count, and where a goal has no report. */
static void
append_progress (GString        *out,
                 const CaNode   *node,
                 const CaFigure *figure,
                 const CaDate   *today)
{
  g_autoptr(CaProgress) progress = NULL;
  g_autofree char *date = NULL;

  if (figure->type != CA_FIGURE_GOAL)
    {
      g_string_append (out, ",,,,,,,");
      return;
    }
  progress = ca_progress_new (node, figure, today);
  if (progress->n_reports > 0)
    {
      append_range (out, &progress->latest.range, &progress->latest, format_computed);
      date = ca_format_date_iso (&progress->latest.date);
    }
  else
    g_string_append_c (out, ',');
  append_plain (out, date);
  if (progress->has_share)
    append_range (out, &progress->share, NULL, format_fraction);
  else
    g_string_append_c (out, ',');
  append_number (out, progress->has_expected, progress->expected, format_computed);
  append_number (out, progress->has_expected_now, progress->expected_now, format_computed);
  append_number (out, progress->has_time_elapsed, progress->time_elapsed, format_fraction);
  append_plain (out, ca_progress_status_to_token (progress->status));
}

static char *
node_path (const CaNode *node,
           const char   *lang)
{
  g_autoptr(GPtrArray) path = ca_node_get_path (node);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < path->len; i++)
    {
      if (i > 0)
        g_string_append (out, " / ");
      g_string_append (out, ca_node_get_name (g_ptr_array_index (path, i), lang));
    }
  return g_string_free (out, FALSE);
}

static void
append_source (GString        *out,
               const CaSource *source,
               const char     *lang)
{
  g_autofree char *date = NULL;

  if (source == NULL)
    {
      g_string_append (out, ",,,,");
      return;
    }
  date = ca_format_date_iso (&source->published);
  append_text (out, source->id, FALSE);
  append_text (out, source->publisher, FALSE);
  append_plain (out, date);
  append_text (out, ca_text_lookup (&source->titles, lang), FALSE);
}

/* The quote of the figure's own source and the editor's note, in @lang
 * where the figure has it, else by the fallback rule: a quote is in the
 * article's language, which may be the only one. */
static void
append_words (GString        *out,
              const CaNode   *node,
              const CaFigure *figure,
              const char     *lang)
{
  CaText quotes = ca_node_get_figure_quotes (node, figure);
  CaText notes = ca_node_get_figure_notes (node, figure);

  append_text (out, ca_text_lookup (&quotes, lang), FALSE);
  append_text (out, ca_text_lookup (&notes, lang), FALSE);
}

static void
append_row (GString        *out,
            const CaNode   *node,
            const CaFigure *figure,
            const char     *path,
            const char     *lang,
            const CaDate   *today)
{
  const CaMetric *metric = figure->metric;
  char value[G_ASCII_DTOSTR_BUF_SIZE];
  char year[16] = "";
  g_autofree char *date = NULL;

  format_value (value, sizeof value, figure->value);
  if (figure->date.year > 0)
    g_snprintf (year, sizeof year, "%d", figure->date.year);
  /* A goal has only the year it is due; its date would repeat it. */
  if (figure->type == CA_FIGURE_COUNT && figure->date.year > 0)
    date = ca_format_date_iso (&figure->date);

  append_text (out, ca_node_get_id (node), TRUE);
  append_text (out, path, FALSE);
  append_plain (out, figure->type == CA_FIGURE_GOAL ? "goal" : "count");
  append_text (out, metric->id, FALSE);
  append_plain (out, value);
  append_text (out, metric->unit, FALSE);
  /* The dataset's own tokens, so that a CSV reads back into the same terms. */
  append_plain (out, ca_qualifier_to_token (figure->qualifier));
  append_plain (out, year);
  append_plain (out, date);
  append_source (out, figure->source, lang);
  append_progress (out, node, figure, today);
  append_words (out, node, figure, lang);
  g_string_append (out, "\r\n");
}

/* The rows of @figures after the header; a node's path is made once for a
 * run of its figures. */
static char *
format_refs (const CaFigureRef *figures,
             guint              n_figures,
             const char        *lang,
             const CaDate      *today)
{
  const char *data_lang = ca_i18n_data_language_of (lang);
  g_autofree char *path = NULL;
  const CaNode *path_node = NULL;
  GString *out;

  /* The byte order mark makes Excel read the file as UTF-8, not in the
   * locale's code page, which garbles Chinese names. */
  out = g_string_new (CSV_BOM CSV_HEADER "\r\n");
  for (guint i = 0; i < n_figures; i++)
    {
      if (figures[i].node != path_node)
        {
          g_free (path);
          path = node_path (figures[i].node, data_lang);
          path_node = figures[i].node;
        }
      append_row (out, figures[i].node, figures[i].figure, path, data_lang, today);
    }
  return g_string_free (out, FALSE);
}

char *
ca_csv_format_list (const CaFigureRef *figures,
                    guint              n_figures,
                    const char        *lang,
                    const CaDate      *today)
{
  g_return_val_if_fail (figures != NULL || n_figures == 0, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  return format_refs (figures, n_figures, lang, today);
}

gboolean
ca_csv_write_list (const CaFigureRef  *figures,
                   guint               n_figures,
                   const char         *lang,
                   const CaDate       *today,
                   const char         *path,
                   GError            **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (figures != NULL || n_figures == 0, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = format_refs (figures, n_figures, lang, today);
  return ca_atomic_write (path, text, strlen (text), error);
}

char *
ca_csv_format_subtree (const CaNode *node,
                       const char   *lang,
                       const CaDate *today,
                       guint        *n_rows)
{
  g_autoptr(GArray) refs = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  refs = g_array_new (FALSE, FALSE, sizeof (CaFigureRef));
  for (const CaNode *n = ca_node_next_in_subtree (node, NULL);
       n != NULL;
       n = ca_node_next_in_subtree (node, n))
    for (guint i = 0; i < ca_node_get_n_figures (n); i++)
      {
        CaFigureRef ref = { n, ca_node_get_figure (n, i) };

        g_array_append_val (refs, ref);
      }

  if (n_rows != NULL)
    *n_rows = refs->len;
  return format_refs ((const CaFigureRef *) (gconstpointer) refs->data, refs->len, lang, today);
}

gboolean
ca_csv_write_figures (const CaNode  *node,
                      const char    *lang,
                      const CaDate  *today,
                      const char    *path,
                      GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = ca_csv_format_subtree (node, lang, today, NULL);
  return ca_atomic_write (path, text, strlen (text), error);
}

gboolean
ca_csv_write_subtree (const CaNode  *node,
                      const char    *path,
                      GError       **error)
{
  CaDate today = ca_progress_today ();

  return ca_csv_write_figures (node, NULL, &today, path, error);
}
