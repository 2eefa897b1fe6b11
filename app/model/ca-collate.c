/* ca-collate.c: the order of names for a reader of a language (ca-collate.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <unicode/ucol.h>

#include "ca-collate.h"
#include "ca-i18n.h"

/* One collator per order, opened on first use and kept; ICU documents a
 * collator as safe for concurrent use only through clones, so the calls
 * take a lock (a key costs microseconds). */
static GMutex      lock;
static UCollator  *collators[3];

typedef enum {
  ORDER_ROOT,
  ORDER_PINYIN,
  ORDER_STROKE,
} Order;

static const char * const locales[] = { "", "zh@collation=pinyin", "zh_Hant" };

static Order
order_of (const char *lang)
{
  if (!ca_i18n_language_is_chinese (lang))
    return ORDER_ROOT;
  return ca_i18n_language_is_traditional (lang) ? ORDER_STROKE : ORDER_PINYIN;
}

static UCollator *
get_collator_locked (Order order)
{
  if (collators[order] == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;
      UCollator *collator = ucol_open (locales[order], &status);

      if (U_FAILURE (status))
        {
          g_warning ("Could not open ICU's collator for “%s”: %s", locales[order],
                     u_errorName (status));
          return NULL;
        }
      /* Punctuation and spaces count only to break ties, as in a book's
       * index: "“Investment first”" sorts under I, not before A. */
      ucol_setAttribute (collator, UCOL_ALTERNATE_HANDLING, UCOL_SHIFTED, &status);
      collators[order] = collator;
    }
  return collators[order];
}

char *
ca_collate_key (const char *text,
                const char *lang)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong length = 0;
  UCollator *collator;
  guint8 *key = NULL;
  int size;

  g_return_val_if_fail (text != NULL, NULL);

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &length, NULL);
  if (utf16 == NULL || length > G_MAXINT32)
    return g_strdup (text);
  g_mutex_lock (&lock);
  collator = get_collator_locked (order_of (lang));
  if (collator != NULL)
    {
      size = ucol_getSortKey (collator, utf16, (int32_t) length, NULL, 0);
      key = g_malloc (size + 1);
      ucol_getSortKey (collator, utf16, (int32_t) length, key, size + 1);
    }
  g_mutex_unlock (&lock);
  /* Without ICU's data the code point order is the best there is. */
  return key != NULL ? (char *) key : g_strdup (text);
}

int
ca_collate_compare (const char *a,
                    const char *b,
                    const char *lang)
{
  g_autofree char *key_a = ca_collate_key (a, lang);
  g_autofree char *key_b = ca_collate_key (b, lang);

  return strcmp (key_a, key_b);
}
