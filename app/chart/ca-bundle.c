/* ca-bundle.c: a citation bundle, one zip with everything to cite a chart.
 *
 * The members are made in memory, zipped in memory by libarchive, and the
 * zip is written with ca_atomic_write (), so that a failed bundle leaves
 * nothing and an existing file as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ca-atomic.h"
#include "ca-bundle.h"
#include "ca-cite.h"
#include "ca-csv.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-node.h"

enum {
  MEMBER_README,
  MEMBER_PNG,
  MEMBER_SVG,
  MEMBER_PDF,
  MEMBER_CSV,
  MEMBER_BIB,
  MEMBER_RIS,
  MEMBER_JSON,
};

const char * const ca_bundle_members[CA_BUNDLE_N_MEMBERS] = {
  [MEMBER_README] = "README.txt",
  [MEMBER_PNG] = "chart.png",
  [MEMBER_SVG] = "chart.svg",
  [MEMBER_PDF] = "chart.pdf",
  [MEMBER_CSV] = "figures.csv",
  [MEMBER_BIB] = "sources.bib",
  [MEMBER_RIS] = "sources.ris",
  [MEMBER_JSON] = "sources.json",
};

static GBytes *
take_text (char *text)
{
  return g_bytes_new_take (text, strlen (text));
}

/* The README ***********************************************************/

static void
append_sources (GString      *out,
                const CaNode *node,
                const char   *language)
{
  g_autoptr(GPtrArray) sources = ca_cite_collect_sources (node);

  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *line = ca_format_citation (language, sources->pdata[i]);

      g_string_append_printf (out, "  %s\n", line);
    }
}

static char *
format_readme (const CaNode          *node,
               const CaExportOptions *options,
               const CaDate          *today)
{
  const char *lang = options->language;
  g_autofree char *citation = ca_export_get_citation (node, options->kind, lang);
  g_autofree char *date = ca_format_date_iso (today);
  const char *name = ca_node_get_name (node, ca_i18n_data_language_of (lang));
  GString *out = g_string_new (citation);

  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  g_string_append_printf (out, "\n%s\n", ca_i18n_pgettext (lang, "bundle", "In this bundle"));
  /* Translators: a line of the README of a citation bundle; %s is a list
   * of file names ("chart.png, chart.svg, chart.pdf"). */
  g_string_append_printf (out, ca_i18n_pgettext (lang, "bundle", "%s: the chart above"),
                          "chart.png, chart.svg, chart.pdf");
  g_string_append_c (out, '\n');
  /* Translators: a line of the README of a citation bundle; the first %s
   * is a file name ("figures.csv"), the second the name of a region, park
   * or program. */
  g_string_append_printf (out, ca_i18n_pgettext (lang, "bundle",
                                                 "%s: the figures of “%s” and of every "
                                                 "node below it"),
                          "figures.csv", name);
  g_string_append_c (out, '\n');
  /* Translators: a line of the README of a citation bundle; %s is a list
   * of file names; the sources follow, one a line. */
  g_string_append_printf (out, ca_i18n_pgettext (lang, "bundle",
                                                 "%s: the sources of those figures, as "
                                                 "BibTeX, RIS and CSL-JSON:"),
                          "sources.bib, sources.ris, sources.json");
  g_string_append_c (out, '\n');
  append_sources (out, node, lang);
  g_string_append_c (out, '\n');
  /* Translators: the last line of the README of a citation bundle: the
   * program's version, then the day it was made (2026-03-31). */
  g_string_append_printf (out, ca_i18n_pgettext (lang, "bundle",
                                                 "Made with Cluster Atlas %s on %s"),
                          PACKAGE_VERSION, date);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* The members ************************************************************/

static gboolean
render_charts (const CaNode          *node,
               const CaExportOptions *options,
               GBytes               **members,
               GError               **error)
{
  static const struct { CaExportFormat format; guint member; } charts[] = {
    { CA_EXPORT_PNG, MEMBER_PNG }, { CA_EXPORT_SVG, MEMBER_SVG }, { CA_EXPORT_PDF, MEMBER_PDF },
  };
  CaExportOptions chart = *options;

  /* Every format the same height: fitted once. */
  if (chart.height == 0)
    chart.height = ca_export_fit_height (node, chart.kind, chart.language, chart.width);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      chart.format = charts[i].format;
      members[charts[i].member] = ca_export_render (node, &chart, error);
      if (members[charts[i].member] == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
clear_members (GBytes **members)
{
  for (guint i = 0; i < CA_BUNDLE_N_MEMBERS; i++)
    g_clear_pointer (&members[i], g_bytes_unref);
}

static gboolean
render_members (const CaNode          *node,
                const CaExportOptions *options,
                const CaDate          *today,
                GBytes               **members,
                GError               **error)
{
  static const struct { CaCiteFormat format; guint member; } cites[] = {
    { CA_CITE_BIBTEX, MEMBER_BIB }, { CA_CITE_RIS, MEMBER_RIS }, { CA_CITE_CSL_JSON, MEMBER_JSON },
  };

  if (!render_charts (node, options, members, error))
    return FALSE;
  members[MEMBER_README] = take_text (format_readme (node, options, today));
  members[MEMBER_CSV] = take_text (ca_csv_format_subtree (node, options->language, today,
                                                          NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cites); i++)
    members[cites[i].member] = take_text (ca_cite_format_subtree (cites[i].format, node,
                                                                  options->language));
  return TRUE;
}

/* The zip ****************************************************************/

static la_ssize_t
append_cb (struct archive *archive,
           void           *data,
           const void     *buffer,
           size_t          length)
{
  g_byte_array_append (data, buffer, (guint) length);
  return (la_ssize_t) length;
}

static gboolean
archive_failed (struct archive  *archive,
                GError         **error)
{
  const char *reason = archive_error_string (archive);

  /* Translators: %s is libarchive's reason, in English. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the zip file: %s"),
               reason != NULL ? reason : "unknown error");
  return FALSE;
}

static gboolean
add_member (struct archive  *archive,
            const char      *name,
            GBytes          *bytes,
            gint64           now,
            GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);
  gboolean ok;

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) size);
  archive_entry_set_mtime (entry, (time_t) now, 0);
  ok = archive_write_header (archive, entry) == ARCHIVE_OK
       && (size == 0 || archive_write_data (archive, data, size) == (la_ssize_t) size)
       && archive_write_finish_entry (archive) == ARCHIVE_OK;
  archive_entry_free (entry);
  return ok || archive_failed (archive, error);
}

static GBytes *
zip_members (GBytes **members,
             GError **error)
{
  struct archive *archive = archive_write_new ();
  GByteArray *zip = g_byte_array_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean ok;

  /* No blocking: a zip padded to a block would end in bytes after its
   * central directory. */
  ok = archive_write_set_format_zip (archive) == ARCHIVE_OK
       && archive_write_set_bytes_per_block (archive, 0) == ARCHIVE_OK
       && archive_write_open (archive, zip, NULL, append_cb, NULL) == ARCHIVE_OK;
  if (!ok)
    archive_failed (archive, error);
  for (guint i = 0; ok && i < CA_BUNDLE_N_MEMBERS; i++)
    ok = add_member (archive, ca_bundle_members[i], members[i], now, error);
  if (ok && archive_write_close (archive) != ARCHIVE_OK)
    ok = archive_failed (archive, error);
  archive_write_free (archive);
  if (!ok)
    {
      g_byte_array_unref (zip);
      return NULL;
    }
  return g_byte_array_free_to_bytes (zip);
}

GBytes *
ca_bundle_render (const CaNode           *node,
                  const CaExportOptions  *options,
                  const CaDate           *today,
                  GError                **error)
{
  GBytes *members[CA_BUNDLE_N_MEMBERS] = { NULL, };
  GBytes *zip = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (render_members (node, options, today, members, error))
    zip = zip_members (members, error);
  clear_members (members);
  return zip;
}

gboolean
ca_bundle_write (const CaNode           *node,
                 const CaExportOptions  *options,
                 const CaDate           *today,
                 const char             *path,
                 GError                **error)
{
  g_autoptr(GBytes) zip = NULL;
  gsize size;
  const void *data;

  g_return_val_if_fail (path != NULL, FALSE);

  zip = ca_bundle_render (node, options, today, error);
  if (zip == NULL)
    return FALSE;
  data = g_bytes_get_data (zip, &size);
  return ca_atomic_write (path, data, size, error);
}
