/* ca-i18n.c: the interface language of the process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "ca-i18n.h"

/* glibc caches translations; bumping this counter makes it look again at
 * LANGUAGE, which is how a running program switches language. */
extern int _nl_msg_cat_cntr;

static const char *requested;       /* interned; NULL for the system default */
static const char *saved_language;  /* LANGUAGE as the process started */
static gboolean    had_language;
static GPtrArray  *lang_stack;
static const char *locale_dir;      /* interned */

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
  if (locale_dir == NULL)
    locale_dir = find_locale_dir ();
  return locale_dir;
}

/* glibc ignores LANGUAGE in the C locale, and the language switch needs it.
 * Called again on every switch, since gtk_init () sets the locale anew. */
static void
ensure_messages_locale (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");
}

void
ca_i18n_init (void)
{
  setlocale (LC_ALL, "");
  ensure_messages_locale ();

  locale_dir = find_locale_dir ();
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (saved_language == NULL && !had_language)
    {
      const char *env = g_getenv ("LANGUAGE");

      had_language = TRUE;
      saved_language = env != NULL ? g_intern_string (env) : NULL;
    }
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

static void
apply_language (const char *lang)
{
  if (lang != NULL)
    g_setenv ("LANGUAGE", lang, TRUE);
  else if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
}

void
ca_i18n_set_language (const char *lang)
{
  if (!had_language)
    {
      const char *env = g_getenv ("LANGUAGE");

      had_language = TRUE;
      saved_language = env != NULL ? g_intern_string (env) : NULL;
    }
  requested = (lang != NULL && *lang != '\0') ? normalize (lang) : NULL;
  ensure_messages_locale ();
  apply_language (requested);
}

void
ca_i18n_push_language (const char *lang)
{
  if (lang_stack == NULL)
    lang_stack = g_ptr_array_new ();
  g_ptr_array_add (lang_stack, (gpointer) requested);
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

static const char *
resolve_system_language (void)
{
  const char * const *names = g_get_language_names ();
  const char * const *available = ca_i18n_get_available ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *code = normalize (names[i]);

      if (g_str_equal (code, "C") || g_str_equal (code, "POSIX"))
        continue;
      if (g_str_equal (code, "en") || g_str_has_prefix (code, "en_"))
        return "en";
      if (g_strv_contains (available, code))
        return code;
      /* A bare "zh" means the Simplified catalogue we ship. */
      if (g_str_equal (code, "zh") || g_str_equal (code, "zh_SG"))
        return g_intern_static_string ("zh_CN");
    }
  return "en";
}

const char *
ca_i18n_get_language (void)
{
  if (requested != NULL)
    return requested;
  return resolve_system_language ();
}

const char *
ca_i18n_get_data_language (void)
{
  g_autofree char *tag = g_strdup (ca_i18n_get_language ());

  g_strdelimit (tag, "_", '-');
  return g_intern_string (tag);
}

gboolean
ca_i18n_is_chinese (void)
{
  return g_str_has_prefix (ca_i18n_get_language (), "zh");
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

const char * const *
ca_i18n_get_available (void)
{
  static char **available;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (available != NULL)
    return (const char * const *) available;

  codes = g_ptr_array_new ();
  dir = g_dir_open (ca_i18n_get_locale_dir (), 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "en") && dir_has_catalogue (ca_i18n_get_locale_dir (), name))
      g_ptr_array_add (codes, g_strdup (name));
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_insert (codes, 0, g_strdup ("en"));
  g_ptr_array_add (codes, NULL);
  available = (char **) g_ptr_array_steal (codes, NULL);
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
