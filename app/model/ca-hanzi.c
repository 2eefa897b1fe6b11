/* ca-hanzi.c: Mandarin readings, Simplified folding and Taiwan's
 * Traditional text (ca-hanzi.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <opencc.h>

#include "ca-hanzi.h"

/* Generated at build time (app/model/meson.build). */
#include "ca-fold-table.h"
#include "ca-pinyin-table.h"

gboolean
ca_hanzi_is_han (gunichar c)
{
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)
         || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

gunichar
ca_hanzi_fold (gunichar c)
{
  gsize low = 0, high = G_N_ELEMENTS (ca_fold_pairs);

  if (!ca_hanzi_is_han (c))
    return c;
  while (low < high)
    {
      gsize mid = low + (high - low) / 2;

      if (ca_fold_pairs[mid][0] == c)
        return ca_fold_pairs[mid][1];
      if (ca_fold_pairs[mid][0] < c)
        low = mid + 1;
      else
        high = mid;
    }
  return c;
}

static guint
own_reading_set (gunichar c)
{
  gsize low = 0, high = CA_PINYIN_N_CHARS;

  while (low < high)
    {
      gsize mid = low + (high - low) / 2;

      if (ca_pinyin_chars[mid] == c)
        return ca_pinyin_char_set[mid];
      if (ca_pinyin_chars[mid] < c)
        low = mid + 1;
      else
        high = mid;
    }
  return CA_HANZI_NO_SET;
}

guint
ca_hanzi_reading_set (gunichar c)
{
  gunichar folded = ca_hanzi_fold (c);
  guint set;

  if (!ca_hanzi_is_han (c))
    return CA_HANZI_NO_SET;
  set = own_reading_set (folded);
  /* A Simplified form that Unihan gives no reading falls back on its
   * Traditional one's. */
  return set != CA_HANZI_NO_SET || folded == c ? set : own_reading_set (c);
}

guint
ca_hanzi_set_size (guint set)
{
  g_return_val_if_fail (set < CA_PINYIN_N_SETS, 0);
  return ca_pinyin_set_start[set + 1] - ca_pinyin_set_start[set];
}

const char *
ca_hanzi_set_syllable (guint set,
                       guint i)
{
  g_return_val_if_fail (i < ca_hanzi_set_size (set), NULL);
  return ca_pinyin_syllables[ca_pinyin_set_items[ca_pinyin_set_start[set] + i]];
}

guint
ca_hanzi_n_syllables (void)
{
  return CA_PINYIN_N_SYLLABLES;
}

guint
ca_hanzi_syllable_set (const char *text,
                       gsize       length)
{
  gsize low = 0, high = CA_PINYIN_N_SYLLABLES;

  g_return_val_if_fail (text != NULL, CA_HANZI_NO_SET);
  while (low < high)
    {
      gsize mid = low + (high - low) / 2;
      const char *syllable = ca_pinyin_syllables[mid];
      int order = strncmp (syllable, text, length);

      if (order == 0 && syllable[length] == '\0')
        return (guint) mid;
      /* Equal on @length letters but longer: the syllable sorts after. */
      if (order < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return CA_HANZI_NO_SET;
}

/* OpenCC reads its dictionaries on open (0.3 s), so it is opened on first
 * use; a converter is not documented as safe across threads, hence the lock. */
static GMutex  taiwan_lock;
static opencc_t taiwan = NULL;
static gboolean taiwan_tried;

char *
ca_hanzi_to_taiwan (const char *text)
{
  char *converted = NULL, *out = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_mutex_lock (&taiwan_lock);
  if (!taiwan_tried)
    {
      taiwan_tried = TRUE;
      taiwan = opencc_open ("s2twp.json");
      if (taiwan == (opencc_t) -1)
        {
          g_warning ("Could not read OpenCC's s2twp.json: %s", opencc_error ());
          taiwan = NULL;
        }
    }
  if (taiwan != NULL)
    converted = opencc_convert_utf8 (taiwan, text, strlen (text));
  g_mutex_unlock (&taiwan_lock);
  if (converted != NULL)
    {
      out = g_strdup (converted);
      opencc_convert_utf8_free (converted);
    }
  return out;
}
