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

static gboolean
is_han (gunichar c)
{
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)
         || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

static gunichar
search_fold (gunichar c)
{
  gsize low = 0, high = G_N_ELEMENTS (ca_fold_pairs);

  if (!is_han (c))
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

static guint
lookup_reading_set (gunichar c)
{
  /* Not ca_hanzi_fold (): this fills the tables that it reads. */
  gunichar folded = search_fold (c);
  guint set;

  if (!is_han (c))
    return CA_HANZI_NO_SET;
  set = own_reading_set (folded);
  /* A Simplified form that Unihan gives no reading falls back on its
   * Traditional one's. */
  return set != CA_HANZI_NO_SET || folded == c ? set : own_reading_set (c);
}

/* Search reads every character of every name at each keystroke, so the
 * common blocks (Extension A and the Unified Ideographs) are looked up in
 * a direct table, and each set's syllables and initials are at hand. */
#define DIRECT_FIRST 0x3400
#define DIRECT_LAST  0x9FFF

typedef struct {
  CaHanziSets        sets;
  guint16            direct[DIRECT_LAST - DIRECT_FIRST + 1];
  /* A bit for each character of the direct blocks that folds to another. */
  guint32            folds[(DIRECT_LAST - DIRECT_FIRST + 32) / 32];
  guint32            initials[CA_PINYIN_N_SETS];
  const char        *items[G_N_ELEMENTS (ca_pinyin_set_items)];
} Tables;

static const Tables *
get_tables (void)
{
  static gsize done;
  static Tables *tables;

  if (g_once_init_enter (&done))
    {
      tables = g_new0 (Tables, 1);
      for (gunichar c = DIRECT_FIRST; c <= DIRECT_LAST; c++)
        tables->direct[c - DIRECT_FIRST] = (guint16) lookup_reading_set (c);
      for (guint i = 0; i < G_N_ELEMENTS (ca_fold_pairs); i++)
        if (ca_fold_pairs[i][0] >= DIRECT_FIRST && ca_fold_pairs[i][0] <= DIRECT_LAST)
          {
            guint bit = ca_fold_pairs[i][0] - DIRECT_FIRST;

            tables->folds[bit / 32] |= 1u << (bit % 32);
          }
      for (guint i = 0; i < G_N_ELEMENTS (ca_pinyin_set_items); i++)
        tables->items[i] = ca_pinyin_syllables[ca_pinyin_set_items[i]];
      for (guint set = 0; set < CA_PINYIN_N_SETS; set++)
        for (guint i = ca_pinyin_set_start[set]; i < ca_pinyin_set_start[set + 1]; i++)
          tables->initials[set] |= 1u << (tables->items[i][0] - 'a');
      tables->sets = (CaHanziSets) { tables->initials, ca_pinyin_set_start, tables->items,
                                     tables->direct, DIRECT_FIRST, DIRECT_LAST };
      g_once_init_leave (&done, 1);
    }
  return tables;
}

gunichar
ca_hanzi_fold (gunichar c)
{
  if (c >= DIRECT_FIRST && c <= DIRECT_LAST)
    {
      guint bit = c - DIRECT_FIRST;

      if (!(get_tables ()->folds[bit / 32] & (1u << (bit % 32))))
        return c;
    }
  return search_fold (c);
}

const CaHanziSets *
ca_hanzi_get_sets (void)
{
  return &get_tables ()->sets;
}

guint
ca_hanzi_reading_set (gunichar c)
{
  if (c >= DIRECT_FIRST && c <= DIRECT_LAST)
    return get_tables ()->direct[c - DIRECT_FIRST];
  return lookup_reading_set (c);
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

/* OpenCC reads its dictionaries on open (0.1 s), so it is opened on first
 * use; a converter is not documented as safe across threads, hence the lock. */
static GMutex   taiwan_lock;
static opencc_t taiwan = NULL;
static gboolean taiwan_tried;

static char *
to_taiwan_locked (const char *text)
{
  char *converted = NULL, *out = NULL;

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
  if (converted != NULL)
    {
      out = g_strdup (converted);
      opencc_convert_utf8_free (converted);
    }
  return out;
}

/* Converted names, by their Simplified text: a name is shown again and
 * again (each redraw of a row or a chart), and a conversion costs 0.1 ms.
 * Kept for the life of the process, as the strings are handed out. */
static GHashTable *taiwan_names;

const char *
ca_hanzi_to_taiwan_interned (const char *text)
{
  const char *out;

  g_return_val_if_fail (text != NULL, NULL);
  g_mutex_lock (&taiwan_lock);
  if (taiwan_names == NULL)
    taiwan_names = g_hash_table_new (g_str_hash, g_str_equal);
  out = g_hash_table_lookup (taiwan_names, text);
  if (out == NULL)
    {
      char *converted = to_taiwan_locked (text);

      out = converted != NULL ? converted : g_strdup (text);
      g_hash_table_insert (taiwan_names, g_strdup (text), (gpointer) out);
    }
  g_mutex_unlock (&taiwan_lock);
  return out;
}
