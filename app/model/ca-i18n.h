/* ca-i18n.h: the interface language, and the words of any language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Languages are gettext codes: "en", "zh_CN"; NULL or "" means the
 * interface language.
 *
 * Two things are kept apart.  The interface language is the one process-
 * wide setting: gettext, GTK's and libadwaita's own strings and the window
 * follow it, and only the main thread changes it.  Everything that writes
 * a text in a given language (formatting, charts, exports, CSV) takes that
 * language as a parameter and reads its words with ca_i18n_gettext () and
 * friends, from our own reading of the catalogue: an export in Chinese
 * leaves the interface, and every other thread, as they were. */

/* Call first in main (), before any thread starts: sets the locale, binds
 * the text domain and puts LANGUAGE in the environment (see ca-i18n.c). */
void         ca_i18n_init                (void);
const char  *ca_i18n_get_language        (void);   /* never NULL: resolved code, e.g. "en" */
/* Switches the interface language; main thread only. */
void         ca_i18n_set_language        (const char *lang);
/* For tests: switch the interface language for a while, and back. */
void         ca_i18n_push_language       (const char *lang);
void         ca_i18n_pop_language        (void);
/* The xml:lang tag for the interface language: "en", "zh-CN". */
const char  *ca_i18n_get_data_language   (void);
gboolean     ca_i18n_is_chinese          (void);
/* Codes of the languages that have a catalogue, "en" first. */
const char * const *ca_i18n_get_available (void);
/* The language's name in itself: "English", "简体中文". */
const char  *ca_i18n_get_native_name     (const char *lang);
/* The directory gettext reads the catalogues from. */
const char  *ca_i18n_get_locale_dir      (void);

/* Per language, safe from any thread ------------------------------------ */

/* The language shipped that @lang reads (zh_HK: "zh_TW", en_GB: "en"), or
 * NULL if none does. */
const char  *ca_i18n_match               (const char *lang);
/* The language that @lang writes in: one we have words for ("zh", "zh-CN"
 * and "zh_CN.UTF-8" are "zh_CN"; an unknown one is "en"); NULL or "" is the
 * interface language.  Interned. */
const char  *ca_i18n_resolve             (const char *lang);
/* The xml:lang tag of the data names in @lang: "zh-CN".  Interned. */
const char  *ca_i18n_data_language_of    (const char *lang);
/* Whether @lang writes numbers and dates the Chinese way. */
gboolean     ca_i18n_language_is_chinese (const char *lang);
/* Whether @lang writes Chinese in Traditional characters (zh_TW; zh_HK,
 * zh_MO and zh-Hant resolve to it). */
gboolean     ca_i18n_language_is_traditional (const char *lang);

/* The message in @lang, as gettext (), pgettext () and ngettext () would
 * give it with the interface in @lang.  xgettext knows them as keywords
 * (po/meson.build). */
const char  *ca_i18n_gettext             (const char *lang,
                                          const char *msgid) G_GNUC_FORMAT (2);
const char  *ca_i18n_pgettext            (const char *lang,
                                          const char *context,
                                          const char *msgid) G_GNUC_FORMAT (3);
const char  *ca_i18n_ngettext            (const char *lang,
                                          const char *singular,
                                          const char *plural,
                                          gulong      n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

G_END_DECLS
