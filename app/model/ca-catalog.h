/* ca-catalog.h: a compiled message catalogue (GNU .mo), read by us
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One language's messages, looked up without gettext: a text can then be
 * written in any language while the process keeps its own.  A catalogue
 * never changes once read, so threads may share it. */
typedef struct _CaCatalog CaCatalog;

/* Reads the GNU .mo file @bytes (either byte order).  Entries that are not
 * UTF-8 are dropped; a header without a usable Plural-Forms gets the
 * Germanic rule, n != 1, as gettext does. */
CaCatalog   *ca_catalog_new_from_bytes  (GBytes          *bytes,
                                         GError         **error);
CaCatalog   *ca_catalog_new_from_file   (const char      *path,
                                         GError         **error);
void         ca_catalog_free            (CaCatalog       *catalog);

/* The translation of @msgid ("context\004msgid" for a context), or NULL.
 * For a message with plurals this is the first form. */
const char  *ca_catalog_lookup          (const CaCatalog *catalog,
                                         const char      *msgid);
/* The form for @n of the plural message whose singular is @msgid, or NULL. */
const char  *ca_catalog_lookup_plural   (const CaCatalog *catalog,
                                         const char      *msgid,
                                         gulong           n);
/* Which form the header's Plural-Forms picks for @n. */
gulong       ca_catalog_get_plural_index (const CaCatalog *catalog,
                                          gulong           n);

/* Evaluates a Plural-Forms expression ("n != 1", "n%10==1 && n%100!=11 ? 0
 * : 1") for @n; FALSE when it does not parse. */
gboolean     ca_catalog_eval_plural     (const char      *expression,
                                         gulong           n,
                                         gulong          *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaCatalog, ca_catalog_free)

G_END_DECLS
