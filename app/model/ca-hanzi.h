/* ca-hanzi.h: Chinese characters: their Mandarin readings, their
 * Simplified forms for matching, and Simplified text in Taiwan's usage
 *
 * The only file of the model that sees OpenCC and the generated tables
 * (gen-pinyin.py, gen-fold.c); the rest of the model asks here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A reading set: the toneless syllables a character is read with, the
 * most common first.  Sets below ca_hanzi_n_syllables () hold one syllable
 * each, that syllable's own. */
#define CA_HANZI_NO_SET 0xFFFFu

/* @c's Simplified form, as OpenCC's tw2s writes it alone; @c if it has none. */
gunichar     ca_hanzi_fold               (gunichar    c);
/* The reading set of @c (folded first), or CA_HANZI_NO_SET. */
guint        ca_hanzi_reading_set        (gunichar    c);
/* The reading sets' tables, for loops that read every character of
 * 100,000 names at a keystroke. */
typedef struct {
  const guint32      *initials;   /* per set: the letters its syllables start with, bit 0 for
                                   * "a" to bit 25 for "z" */
  const guint32      *starts;     /* per set and one more: where its syllables start */
  const char * const *syllables;  /* the syllables of every set, one after the other */
  const guint16      *direct;     /* the set of each character from direct_first */
  gunichar            direct_first;
  gunichar            direct_last;
} CaHanziSets;

const CaHanziSets *ca_hanzi_get_sets     (void);
guint        ca_hanzi_n_syllables        (void);
/* The set of the @length letters at @text, if they are one syllable
 * ("xia"), else CA_HANZI_NO_SET. */
guint        ca_hanzi_syllable_set       (const char *text,
                                          gsize       length);
/* @text in Traditional characters as Taiwan writes them (OpenCC's s2twp:
 * 软件 → 軟體), kept for the life of the process: for names shown again and
 * again.  @text itself if OpenCC's data cannot be read. */
const char  *ca_hanzi_to_taiwan_interned (const char *text);

G_END_DECLS
