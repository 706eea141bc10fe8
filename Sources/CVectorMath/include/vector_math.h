// Element-wise kernels over columns of doubles, wider than the Swift compiler's portable
// baseline: a portable loop and, on x86-64 processors that have them, loops of 8 (AVX-512F) or
// 4 (AVX2 with FMA) lanes, chosen once at run time. Every path does the same correctly rounded
// IEEE operations (multiply-adds fused everywhere), so results are bit-identical whichever runs.
#ifndef BUURTSCORE_VECTOR_MATH_H
#define BUURTSCORE_VECTOR_MATH_H

#include <stddef.h>

/// q[i] <- e^q[i] where available[i] != 0, else 0, for i < count: Tang's table method, within
/// 1 ulp of exp; values beyond +-708 and NaN take the C library's exp.
void buurt_exp_masked(double *q, const double *available, ptrdiff_t count);

/// buurt_exp_masked on the portable loop whatever the processor (to check that paths agree).
void buurt_exp_masked_portable(double *q, const double *available, ptrdiff_t count);

/// Lanes of the loop in use on this processor: 8, 4 or 1.
int buurt_vector_math_lanes(void);

#endif
