/* fuzz-match-split.h: the search matcher (app/model/ca-match.c) compiled
 * into the fuzz target with a say in how many slices it cuts the nodes
 * into (fuzz-match-split.c). */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The number of slices (threads) the next index or search cuts the nodes
 * into: 0 for the library's own rule (one slice per 25,000 nodes, up to
 * four and the number of processors), else this many (at most four and
 * the number of nodes, so that no slice is empty, as with the rule). */
void  fuzz_match_force_slices (guint slices);
/* How many times ca-match.c asked for its number of slices, and the
 * last answer: 0 calls means the override no longer reaches it. */
guint fuzz_match_slice_calls  (void);
guint fuzz_match_last_slices  (void);

G_END_DECLS
