// The common case of the sampling-error draws (Beta and Gamma posteriors of survey shares and
// counts), eight cells at a time on processors with AVX-512 (F and DQ). Each cell has its own
// keyed SplitMix64 stream; a lane is taken only when its draw is decided on the fast path of
// Marsaglia & Tsang's sampler (the ziggurat's rectangle, then either squeeze), where the vector
// loop does exactly the scalar operations on exactly the scalar stream, so the value is the
// bits the scalar sampler gives. Every other cell is left to the caller's scalar sampler.
#ifndef BUURTSCORE_GAMMA_DRAWS_H
#define BUURTSCORE_GAMMA_DRAWS_H

#include <stddef.h>
#include <stdint.h>

/// How a cell's value is made from its draws.
typedef enum {
    /// Beta(a, b) = X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b) drawn in that order, times per.
    buurt_draw_beta = 0,
    /// Gamma(a).
    buurt_draw_gamma = 1,
    /// Gamma(a) times per, divided by the cell's size.
    buurt_draw_gamma_per_size = 2,
} buurt_draw_kind;

/// Draws cells 0..<count whose streams start at mix(key ^ cells[i]) (`mix` the SplitMix64
/// finaliser; each value of the stream is mix(state += 0x9E3779B97F4A7C15)). d_a, c_a (and for
/// Beta d_b, c_b) are Marsaglia & Tsang's d = k - 1/3 and c = 1/sqrt(9d) of the shapes, NaN where
/// the cell is not to be drawn here (a shape below 1, nothing to draw). `edge` is the normal
/// ziggurat's table of 257 layer edges (x_0 ... x_256) as the scalar sampler uses it.
/// Writes out[i] for every cell decided here and the indices of all other cells, ascending, to
/// `pending`. Returns the number of pending cells, or -1 (nothing done) without AVX-512.
ptrdiff_t buurt_draw_fast(buurt_draw_kind kind, const uint64_t *cells, uint64_t key,
                          const double *d_a, const double *c_a, const double *d_b, const double *c_b,
                          double per, const double *sizes, const double *edge,
                          double *out, int32_t *pending, ptrdiff_t count);

#endif
