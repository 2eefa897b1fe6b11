/* ca-cite.h: sources as BibTeX, RIS and CSL-JSON, for reference managers
 *
 * The sources a node's figures cite, written in the three formats that
 * Zotero, JabRef, EndNote, Mendeley and citeproc read.  The publisher is the
 * author, as an institution; the title is the one in @lang by the fallback
 * rule (ca_text_lookup ()), kept in its own language and script, and that
 * title's xml:lang is the item's language.  Every text is UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ca-model-types.h"

G_BEGIN_DECLS

typedef enum {
  CA_CITE_BIBTEX,
  CA_CITE_RIS,
  CA_CITE_CSL_JSON,
} CaCiteFormat;

#define CA_CITE_N_FORMATS 3

/* From a file name's extension, any case: ".bib", ".ris", ".json". */
gboolean    ca_cite_format_from_path      (const char       *path,
                                           CaCiteFormat     *format);
/* "bib", "ris", "json". */
const char *ca_cite_format_to_extension   (CaCiteFormat      format);

/* The sources of the figures of @node and every node below it, each once,
 * in the order they are first cited: nodes in pre-order, figures in the
 * order of the file.  A GPtrArray of const CaSource *, owned by the
 * dataset. */
GPtrArray  *ca_cite_collect_sources       (const CaNode     *node);

/* @sources in @format, titles in @lang (a gettext code such as "zh_CN",
 * NULL for the interface's, by ca_i18n_data_language_of ()):
 *
 * - BibTeX: one @online entry a source with an address, else @misc; the key
 *   is the source's id (characters other than letters, digits and
 *   - _ . : / become _, and a key made equal to an earlier one gets -2, -3);
 *   author = {{publisher}}, title = {{title}}, date (ISO 8601) and year,
 *   url, urldate, langid (babel's name for the title's language, where it
 *   is one biblatex knows).  TeX's specials are escaped and braces stay
 *   balanced whatever the text holds.
 * - RIS: TY  - ELEC (or GEN without an address), ID, AU and PB, TI, PY, DA
 *   (YYYY/MM/DD/), UR, Y2 (accessed), LA, ER  - ; lines end in CR LF.
 * - CSL-JSON: an array of items with id, type ("webpage" with an address,
 *   else "article"), title, author [{literal}], publisher, issued
 *   {date-parts}, URL, accessed, language.
 *
 * Bytes that are not UTF-8 become U+FFFD; in BibTeX and RIS, which hold a
 * field on one line, control characters and line breaks become spaces. */
char       *ca_cite_format_sources        (CaCiteFormat             format,
                                           const CaSource * const  *sources,
                                           guint                    n_sources,
                                           const char              *lang);
/* The sources of @node's subtree (ca_cite_collect_sources ()) in @format. */
char       *ca_cite_format_subtree        (CaCiteFormat      format,
                                           const CaNode     *node,
                                           const char       *lang);
/* Writes it to @path whole or not at all (see ca-atomic.h). */
gboolean    ca_cite_write_subtree         (CaCiteFormat      format,
                                           const CaNode     *node,
                                           const char       *lang,
                                           const char       *path,
                                           GError          **error);

G_END_DECLS
