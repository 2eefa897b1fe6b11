#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The interface language of the process, which gettext, the formatting
 * module and the data names all follow.  Languages are gettext codes:
 * "en", "zh_CN"; NULL or "" means the system default. */

void         ca_i18n_init                (void);
const char  *ca_i18n_get_language        (void);   /* never NULL: resolved code, e.g. "en" */
void         ca_i18n_set_language        (const char *lang);
/* Temporarily switch, e.g. to export a chart in another language. */
void         ca_i18n_push_language       (const char *lang);
void         ca_i18n_pop_language        (void);
/* The xml:lang tag for the current language: "en", "zh-CN". */
const char  *ca_i18n_get_data_language   (void);
gboolean     ca_i18n_is_chinese          (void);
/* Codes of the languages that have a catalogue, "en" first. */
const char * const *ca_i18n_get_available (void);
/* The language's name in itself: "English", "简体中文". */
const char  *ca_i18n_get_native_name     (const char *lang);
/* The directory gettext reads the catalogues from. */
const char  *ca_i18n_get_locale_dir      (void);

G_END_DECLS
