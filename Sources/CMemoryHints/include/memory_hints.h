/*
 * CMemoryHints: cache hints Swift cannot express.
 *
 * A step of training writes each parameter's new value into the session's history ring, a slot the
 * size of the whole parameter buffer that was last written many steps ago: its lines sit in L2, and
 * every store that misses L1 waits for its line before the next can retire, one line at a time.
 * Asking for the lines a few hundred bytes ahead lets those fetches overlap (docs/DECISIONS.md).
 * Static inline, so Swift inlines it into the loop; a prefetch never faults, on any address.
 */
#ifndef DESCENT_MEMORY_HINTS_H
#define DESCENT_MEMORY_HINTS_H

/// Asks for the cache line holding `address`, in a state ready to be written. Only a hint.
static inline void mh_prefetch_for_writing(const void *address) { __builtin_prefetch(address, 1, 3); }

#endif
