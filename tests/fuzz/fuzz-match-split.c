/* fuzz-match-split.c: app/model/ca-match.c itself, compiled into the fuzz
 * target, with one change: the number of slices run_slices () cuts the
 * nodes into, which ca-match.c computes as
 *
 *   CLAMP (n_nodes / NODES_PER_THREAD, 1, MIN (MAX_THREADS, processors))
 *
 * is asked of fuzz_clamp () here, so that a dataset of a few nodes can be
 * indexed and searched in 2 to 4 slices (on threads) instead of only past
 * 25,000 nodes.  With no slices forced, fuzz_clamp () is that same CLAMP.
 * Nothing of app/ is changed: the text below is the file as it is, and the
 * fuzz target links this copy instead of the model library's (which it
 * then does not pull from libca-model.a: every global symbol of ca-match.o
 * is defined here first).
 *
 * The CLAMP override names run_slices ()'s parameter n_nodes: if ca-match.c
 * ever uses CLAMP elsewhere, this does not compile, and if it stops using
 * it, fuzz_match_slice_calls () stays 0 and the target says so at start. */

/* As ca-match.c has them: for memmem (), and the model's log domain. */
#define _GNU_SOURCE
#define G_LOG_DOMAIN "cluster-atlas-model"

#include "config.h"

#include <string.h>

#include <glib.h>

/* Every header ca-match.c includes, before CLAMP is changed, so that only
 * ca-match.c's own text sees the change. */
#include "ca-dataset.h"
#include "ca-hanzi.h"
#include "ca-i18n.h"
#include "ca-match.h"
#include "ca-node.h"

#include "fuzz-match-split.h"

static guint forced_slices;
static guint slice_calls;
static guint last_slices;

void
fuzz_match_force_slices (guint slices)
{
  forced_slices = slices;
}

guint
fuzz_match_slice_calls (void)
{
  return slice_calls;
}

guint
fuzz_match_last_slices (void)
{
  return last_slices;
}

static guint
fuzz_clamp (guint n_nodes,
            guint x,
            guint low,
            guint high,
            guint max_threads)
{
  guint n;

  if (forced_slices == 0)
    n = x > high ? high : x < low ? low : x;
  else
    n = MIN (MIN (forced_slices, max_threads), MAX (n_nodes, 1));
  slice_calls++;
  last_slices = n;
  return n;
}

#undef CLAMP
#define CLAMP(x, low, high) fuzz_clamp (n_nodes, (x), (low), (high), MAX_THREADS)

#include "ca-match.c"
