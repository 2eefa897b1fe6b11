/* ca-i18n.c: the interface language of the process, and the words of
 * any language on request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "ca-catalog.h"
#include "ca-i18n.h"

/* glibc caches translations; bumping this counter makes it look again at
 * LANGUAGE, which is how a running program switches language. */
extern int _nl_msg_cat_cntr;

/* The interface language: interned, NULL for the system default.  Read
 * from any thread, written on the main thread. */
static const char *requested;
static const char *saved_language;  /* LANGUAGE as the process started */
static gboolean    had_language;
static GPtrArray  *lang_stack;

/* "LANGUAGE=..." as the environment holds it: putenv () puts this very
 * buffer in environ, so a switch rewrites it in place (see write_language). */
#define LANGUAGE_ROOM 256
static char language_variable[sizeof "LANGUAGE=" + LANGUAGE_ROOM] = "LANGUAGE=";
/* Writes of the language variable, for resolve_system_language (). */
static int language_writes;

/* Catalogues read for ca_i18n_gettext (), by code; a code without one maps
 * to a NULL value.  Never freed: their strings are handed out as const. */
static GMutex      catalogues_lock;
static GHashTable *catalogues;

static const struct {
  const char *code;
  const char *native;
} native_names[] = {
  { "en", "English" },
  { "zh_CN", "简体中文" },
  { "zh_TW", "繁體中文" },
  { "de", "Deutsch" },
  { "fr", "Français" },
  { "es", "Español" },
  { "ja", "日本語" },
  { "ko", "한국어" },
  { "ru", "Русский" },
};

static gboolean
dir_has_catalogue (const char *dir,
                   const char *lang)
{
  g_autofree char *mo = g_build_filename (dir, lang, "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  return g_file_test (mo, G_FILE_TEST_IS_REGULAR);
}

static const char *
find_locale_dir (void)
{
  const char *env = g_getenv ("CLUSTER_ATLAS_LOCALEDIR");

  if (env != NULL && *env != '\0')
    return g_intern_string (env);
  if (dir_has_catalogue (LOCALEDIR, "zh_CN"))
    return g_intern_static_string (LOCALEDIR);
  return g_intern_static_string (BUILD_LOCALEDIR);
}

const char *
ca_i18n_get_locale_dir (void)
{
  static gsize locale_dir;  /* an interned string */

  if (g_once_init_enter (&locale_dir))
    g_once_init_leave (&locale_dir, (gsize) find_locale_dir ());
  return (const char *) locale_dir;
}

/* glibc ignores LANGUAGE in the C locale, and the language switch needs it.
 * Tests call it again on a switch, since gtk_init () sets the locale anew;
 * the program keeps GTK from doing so (gtk_disable_setlocale ()). */
static void
ensure_messages_locale (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");
}

/* Writes @value into the buffer the environment holds.  Giving the
 * environment a new string, as GLib documents, is unsafe while other
 * threads run: environ may be reallocated, and the old string freed, under
 * a getenv () in another thread.  Here the buffer stays where it is and
 * its last byte stays NUL, so a thread that reads LANGUAGE during a switch
 * sees at worst a mix of the two values, still a terminated string in our
 * buffer, and looks up a message in the wrong language.  Only the main
 * thread writes, and only for the interface language. */
static void
write_language (const char *value)
{
  char *text = language_variable + strlen ("LANGUAGE=");
  gsize length = value != NULL ? strlen (value) : 0;

  /* A list too long for the buffer loses its last entries. */
  while (length >= LANGUAGE_ROOM)
    {
      const char *colon = g_strrstr_len (value, length, ":");

      length = colon != NULL ? (gsize) (colon - value) : 0;
    }
  memset (text + length, '\0', LANGUAGE_ROOM - length);
  if (length > 0)
    memcpy (text, value, length);
  ++_nl_msg_cat_cntr;
  g_atomic_int_inc (&language_writes);
}

/* GLib decides once per process whether g_dgettext () translates at all
 * (_g_dgettext_should_translate in ggettext.c), on its first call: "no" when
 * the default text domain is not "messages", that domain has no header in
 * the current language and LC_MESSAGES is neither "C" nor "en_*".  That
 * holds for us in C.UTF-8 with the interface in English, and then GTK's
 * and libadwaita's strings stay English after a switch.  Asking once while
 * the default domain is still "messages" makes the answer "yes". */
static void
settle_glib_translation (void)
{
  (void) g_dgettext (GETTEXT_PACKAGE, "");
}

/* Once, from main () before any thread starts: the only time the
 * environment itself changes. */
static void
install_language_variable (void)
{
  const char *env = g_getenv ("LANGUAGE");

  had_language = TRUE;
  saved_language = env != NULL && *env != '\0' ? g_intern_string (env) : NULL;
  write_language (saved_language);
  putenv (language_variable);
}

void
ca_i18n_init (void)
{
  setlocale (LC_ALL, "");
  ensure_messages_locale ();
  if (!had_language)
    install_language_variable ();
  if (g_str_equal (textdomain (NULL), "messages"))
    settle_glib_translation ();

  bindtextdomain (GETTEXT_PACKAGE, ca_i18n_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* "zh-CN", "zh_CN.UTF-8" and "zh_cn" all become "zh_CN"; "EN" becomes "en". */
static const char *
normalize (const char *lang)
{
  g_autofree char *code = g_strdup (lang);
  char *cut = strpbrk (code, ".@");
  char *sep;

  if (cut != NULL)
    *cut = '\0';
  g_strdelimit (code, "-", '_');
  sep = strchr (code, '_');
  if (sep != NULL)
    {
      *sep = '\0';
      for (char *p = sep + 1; *p != '\0'; p++)
        *p = g_ascii_toupper (*p);
      *sep = '_';
    }
  for (char *p = code; *p != '\0' && *p != '_'; p++)
    *p = g_ascii_tolower (*p);
  return g_intern_string (code);
}

void
ca_i18n_set_language (const char *lang)
{
  const char *code = (lang != NULL && *lang != '\0') ? normalize (lang) : NULL;

  if (!had_language)
    install_language_variable ();
  g_atomic_pointer_set (&requested, code);
  ensure_messages_locale ();
  write_language (code != NULL ? code : saved_language);
}

void
ca_i18n_push_language (const char *lang)
{
  if (lang_stack == NULL)
    lang_stack = g_ptr_array_new ();
  g_ptr_array_add (lang_stack, (gpointer) g_atomic_pointer_get (&requested));
  ca_i18n_set_language (lang);
}

void
ca_i18n_pop_language (void)
{
  const char *previous;

  g_return_if_fail (lang_stack != NULL && lang_stack->len > 0);
  previous = g_ptr_array_steal_index (lang_stack, lang_stack->len - 1);
  ca_i18n_set_language (previous);
}

/* The language we write for @code (normalized), or NULL if none fits. */
static const char *
match_available (const char *code)
{
  if (g_str_equal (code, "C") || g_str_equal (code, "POSIX"))
    return NULL;
  if (g_str_equal (code, "en") || g_str_has_prefix (code, "en_"))
    return "en";
  if (g_strv_contains (ca_i18n_get_available (), code))
    return code;
  /* A bare "zh" means the Simplified catalogue we ship; Hong Kong and
   * Macao read Traditional characters, as Taiwan does. */
  if (g_str_equal (code, "zh") || g_str_equal (code, "zh_SG")
      || g_str_has_prefix (code, "zh_HANS"))
    return g_intern_static_string ("zh_CN");
  if (g_str_equal (code, "zh_HK") || g_str_equal (code, "zh_MO")
      || g_str_has_prefix (code, "zh_HANT"))
    return g_intern_static_string ("zh_TW");
  return NULL;
}

static const char *
resolve_system_language (void)
{
  /* Kept with the array GLib gave and the language variable's writes: the
   * Figures page asks for every cell it fills (normalize () interns). */
  static _Thread_local const char * const *names_seen;
  static _Thread_local guint writes_seen;
  static _Thread_local const char *code_seen;
  const char * const *names = g_get_language_names ();
  guint writes = (guint) g_atomic_int_get (&language_writes);

  if (names == names_seen && writes == writes_seen && code_seen != NULL)
    return code_seen;
  code_seen = "en";
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *code = match_available (normalize (names[i]));

      if (code != NULL)
        {
          code_seen = code;
          break;
        }
    }
  names_seen = names;
  writes_seen = writes;
  return code_seen;
}

const char *
ca_i18n_get_language (void)
{
  const char *code = g_atomic_pointer_get (&requested);

  if (code != NULL)
    return code;
  return resolve_system_language ();
}

const char *
ca_i18n_match (const char *lang)
{
  g_return_val_if_fail (lang != NULL, NULL);

  return match_available (normalize (lang));
}

const char *
ca_i18n_resolve (const char *lang)
{
  const char *code;

  if (lang == NULL || *lang == '\0')
    return ca_i18n_get_language ();
  code = match_available (normalize (lang));
  return code != NULL ? code : "en";
}

const char *
ca_i18n_data_language_of (const char *lang)
{
  /* Codes are interned: the last one's tag is kept. */
  static _Thread_local const char *code_seen, *tag_seen;
  const char *code = ca_i18n_resolve (lang);
  g_autofree char *tag = NULL;

  if (code == code_seen)
    return tag_seen;
  tag = g_strdup (code);
  g_strdelimit (tag, "_", '-');
  code_seen = code;
  tag_seen = g_intern_string (tag);
  return tag_seen;
}

gboolean
ca_i18n_language_is_chinese (const char *lang)
{
  return g_str_has_prefix (ca_i18n_resolve (lang), "zh");
}

gboolean
ca_i18n_language_is_traditional (const char *lang)
{
  return g_str_equal (ca_i18n_resolve (lang), "zh_TW");
}

const char *
ca_i18n_get_data_language (void)
{
  return ca_i18n_data_language_of (NULL);
}

gboolean
ca_i18n_is_chinese (void)
{
  return ca_i18n_language_is_chinese (NULL);
}

/* Messages in any language ---------------------------------------------- */

static CaCatalog *
read_catalogue (const char *code)
{
  g_autofree char *path = g_build_filename (ca_i18n_get_locale_dir (), code, "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GError) error = NULL;
  CaCatalog *catalogue = ca_catalog_new_from_file (path, &error);

  if (catalogue == NULL && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("Could not read %s: %s", path, error->message);
  return catalogue;
}

/* The catalogue of @lang, read on first use; NULL for English. */
static const CaCatalog *
get_catalogue (const char *lang)
{
  const char *code = ca_i18n_resolve (lang);
  CaCatalog *catalogue;

  if (g_str_equal (code, "en"))
    return NULL;
  g_mutex_lock (&catalogues_lock);
  if (catalogues == NULL)
    catalogues = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_lookup_extended (catalogues, code, NULL, (gpointer *) &catalogue))
    {
      catalogue = read_catalogue (code);
      g_hash_table_insert (catalogues, (gpointer) code, catalogue);
    }
  g_mutex_unlock (&catalogues_lock);
  return catalogue;
}

const char *
ca_i18n_gettext (const char *lang,
                 const char *msgid)
{
  const CaCatalog *catalogue;
  const char *text;

  g_return_val_if_fail (msgid != NULL, NULL);

  catalogue = get_catalogue (lang);
  text = catalogue != NULL ? ca_catalog_lookup (catalogue, msgid) : NULL;
  /* As gettext: an empty translation is an untranslated message. */
  return text != NULL && *text != '\0' ? text : msgid;
}

const char *
ca_i18n_pgettext (const char *lang,
                  const char *context,
                  const char *msgid)
{
  g_autofree char *key = NULL;
  const char *text;

  g_return_val_if_fail (context != NULL && msgid != NULL, NULL);

  key = g_strconcat (context, "\004", msgid, NULL);
  text = ca_i18n_gettext (lang, key);
  return text == key ? msgid : text;
}

const char *
ca_i18n_ngettext (const char *lang,
                  const char *singular,
                  const char *plural,
                  gulong      n)
{
  const CaCatalog *catalogue;
  const char *text;

  g_return_val_if_fail (singular != NULL && plural != NULL, NULL);

  catalogue = get_catalogue (lang);
  text = catalogue != NULL ? ca_catalog_lookup_plural (catalogue, singular, n) : NULL;
  if (text != NULL && *text != '\0')
    return text;
  /* English, and any message the catalogue lacks. */
  return n == 1 ? singular : plural;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char **
list_available (void)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GDir) dir = g_dir_open (ca_i18n_get_locale_dir (), 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "en") && dir_has_catalogue (ca_i18n_get_locale_dir (), name))
      g_ptr_array_add (codes, g_strdup (name));
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_insert (codes, 0, g_strdup ("en"));
  g_ptr_array_add (codes, NULL);
  return (char **) g_ptr_array_steal (codes, NULL);
}

const char * const *
ca_i18n_get_available (void)
{
  /* Once, whichever thread asks first: an export thread may resolve. */
  static gsize available;

  if (g_once_init_enter (&available))
    g_once_init_leave (&available, (gsize) list_available ());
  return (const char * const *) available;
}

const char *
ca_i18n_get_native_name (const char *lang)
{
  const char *code;

  g_return_val_if_fail (lang != NULL, NULL);
  code = normalize (lang);
  for (guint i = 0; i < G_N_ELEMENTS (native_names); i++)
    if (g_str_equal (native_names[i].code, code))
      return native_names[i].native;
  for (guint i = 0; i < G_N_ELEMENTS (native_names); i++)
    if (strncmp (native_names[i].code, code, 2) == 0)
      return native_names[i].native;
  return code;
}
