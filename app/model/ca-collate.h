/* ca-collate.h: the order of names for a reader of a language
 *
 * Lists sorted by name sort in the reader's order: Simplified Chinese by
 * pinyin (ICU's zh@collation=pinyin), Traditional Chinese by its own (ICU's
 * zh-Hant: by strokes), other languages by theirs (ICU's root order for
 * those it does not know).  The only file of the model that sees ICU.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A key for @text in the order of @lang (a gettext code such as "zh_CN" or
 * an xml:lang such as "zh-TW"; NULL: the interface language): keys compare
 * with strcmp () as their texts do for that reader.  Safe from any thread. */
char *ca_collate_key     (const char *text,
                          const char *lang);
/* strcmp () of the two keys, for a sort that makes no keys beforehand. */
int   ca_collate_compare (const char *a,
                          const char *b,
                          const char *lang);

G_END_DECLS
