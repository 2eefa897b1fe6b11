/* ca-hash.c: keyed string hashes
 *
 * Each 16 bytes of the key are folded into the state by one 64×64→128-bit
 * multiplication of words mixed with the secret, high half xor low half:
 * without the secret, which inputs collide cannot be worked out from the
 * file's side.  About as fast as g_str_hash () on ids of a few bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ca-hash.h"

static guint64 secret[3];

static const guint64 *
get_secret (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      /* g_random_* is seeded from /dev/urandom once per process. */
      for (guint i = 0; i < G_N_ELEMENTS (secret); i++)
        secret[i] = ((guint64) g_random_int () << 32 | g_random_int ()) | 1;
      g_once_init_leave (&done, 1);
    }
  return secret;
}

static inline guint64
fold_multiply (guint64 a,
               guint64 b)
{
  unsigned __int128 product = (unsigned __int128) a * b;

  return (guint64) product ^ (guint64) (product >> 64);
}

static inline guint64
load (const guchar *block)
{
  guint64 word;

  memcpy (&word, block, sizeof word);
  return word;
}

static inline guint64
load32 (const guchar *bytes)
{
  guint32 word;

  memcpy (&word, bytes, sizeof word);
  return word;
}

static inline guint
finish (const guint64 *key,
        guint64        state,
        gsize          length)
{
  state = fold_multiply (state ^ key[1], key[2] ^ length);
  return (guint) (state ^ (state >> 32));
}

/* Blocks of 16 bytes, then the last 1 to 16 read as two words that may
 * overlap (the length, mixed in, tells them apart): no copy for the ids
 * of a few bytes that most keys are. */
static guint
hash_bytes (const guchar *bytes,
            gsize         length)
{
  const guint64 *key = get_secret ();
  guint64 state = key[0] ^ (length * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  const guchar *p = bytes;
  gsize left = length;
  guint64 a = 0, b = 0;

  for (; left > 16; p += 16, left -= 16)
    state = fold_multiply (load (p) ^ key[1], load (p + 8) ^ key[2] ^ state);
  if (left >= 8)
    {
      a = load (p);
      b = load (p + left - 8);
    }
  else if (left >= 4)
    {
      a = load32 (p);
      b = load32 (p + left - 4);
    }
  else if (left > 0)
    a = (guint64) p[0] << 16 | (guint64) p[left / 2] << 8 | p[left - 1];
  state = fold_multiply (a ^ key[1], b ^ key[2] ^ state);
  return finish (key, state, length);
}

/* The same on the bytes in ASCII lower case, 16 at a time. */
static guint
hash_bytes_folded (const guchar *bytes,
                   gsize         length)
{
  const guint64 *key = get_secret ();
  guint64 state = key[0] ^ (length * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  guchar block[16];

  for (gsize at = 0; at < length; at += sizeof block)
    {
      gsize n = MIN (length - at, sizeof block);

      memset (block, 0, sizeof block);
      for (gsize i = 0; i < n; i++)
        block[i] = (guchar) g_ascii_tolower (bytes[at + i]);
      state = fold_multiply (load (block) ^ key[1], load (block + 8) ^ key[2] ^ state);
    }
  return finish (key, state, length);
}

guint
ca_str_hash (gconstpointer key)
{
  return hash_bytes (key, strlen (key));
}

guint
ca_str_hash_ascii_fold (gconstpointer key)
{
  return hash_bytes_folded (key, strlen (key));
}
