/*
 * CIntrinsics: two compiler built-ins the engine's kernels need and Swift cannot express.
 *
 * - A prefetch for writing. A training step writes each parameter's new value into the session's
 *   history ring, a slot last written many steps earlier: its lines sit in L2, and every store
 *   that misses L1 waits for its line before the next can retire, one line at a time. Asking for
 *   the lines a few hundred bytes ahead lets those fetches overlap. A prefetch never faults.
 * - A square root of eight lanes. Swift's `squareRoot()` of a `SIMD8<Double>` calls libm's
 *   `sqrt` lane by lane (it may set errno), so the optimizers' vectorised rules (RMSProp, AdaGrad,
 *   Adam) would not vectorise; the element-wise built-in is one correctly rounded `vsqrtpd`
 *   where the CPU has it, and the same IEEE result elsewhere.
 *
 * Static inline, so Swift inlines them into its loops (docs/DECISIONS.md).
 */
#ifndef DESCENT_INTRINSICS_H
#define DESCENT_INTRINSICS_H

/// Asks for the cache line holding `address`, in a state ready to be written. Only a hint.
static inline void ci_prefetch_for_writing(const void *address) { __builtin_prefetch(address, 1, 3); }

/// Eight doubles, imported by Swift as `SIMD8<Double>`.
typedef double ci_double8 __attribute__((ext_vector_type(8)));

/// The correctly rounded square root of each lane.
static inline ci_double8 ci_square_root(ci_double8 x) { return __builtin_elementwise_sqrt(x); }

#endif
