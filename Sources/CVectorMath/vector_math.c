// Tang's table-driven exponential on the portable, AVX2 and AVX-512 loops. See vector_math.h.
#include "vector_math.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

// Only the multiply-adds written as fma are fused; nothing else is contracted.
#pragma STDC FP_CONTRACT OFF

/* 2^(j/64), j = 0...63, each the double nearest the exact value. */
static const double table64[64] = {
    0x1.0000000000000p+0, 0x1.02c9a3e778061p+0, 0x1.059b0d3158574p+0, 0x1.0874518759bc8p+0,
    0x1.0b5586cf9890fp+0, 0x1.0e3ec32d3d1a2p+0, 0x1.11301d0125b51p+0, 0x1.1429aaea92de0p+0,
    0x1.172b83c7d517bp+0, 0x1.1a35beb6fcb75p+0, 0x1.1d4873168b9aap+0, 0x1.2063b88628cd6p+0,
    0x1.2387a6e756238p+0, 0x1.26b4565e27cddp+0, 0x1.29e9df51fdee1p+0, 0x1.2d285a6e4030bp+0,
    0x1.306fe0a31b715p+0, 0x1.33c08b26416ffp+0, 0x1.371a7373aa9cbp+0, 0x1.3a7db34e59ff7p+0,
    0x1.3dea64c123422p+0, 0x1.4160a21f72e2ap+0, 0x1.44e086061892dp+0, 0x1.486a2b5c13cd0p+0,
    0x1.4bfdad5362a27p+0, 0x1.4f9b2769d2ca7p+0, 0x1.5342b569d4f82p+0, 0x1.56f4736b527dap+0,
    0x1.5ab07dd485429p+0, 0x1.5e76f15ad2148p+0, 0x1.6247eb03a5585p+0, 0x1.6623882552225p+0,
    0x1.6a09e667f3bcdp+0, 0x1.6dfb23c651a2fp+0, 0x1.71f75e8ec5f74p+0, 0x1.75feb564267c9p+0,
    0x1.7a11473eb0187p+0, 0x1.7e2f336cf4e62p+0, 0x1.82589994cce13p+0, 0x1.868d99b4492edp+0,
    0x1.8ace5422aa0dbp+0, 0x1.8f1ae99157736p+0, 0x1.93737b0cdc5e5p+0, 0x1.97d829fde4e50p+0,
    0x1.9c49182a3f090p+0, 0x1.a0c667b5de565p+0, 0x1.a5503b23e255dp+0, 0x1.a9e6b5579fdbfp+0,
    0x1.ae89f995ad3adp+0, 0x1.b33a2b84f15fbp+0, 0x1.b7f76f2fb5e47p+0, 0x1.bcc1e904bc1d2p+0,
    0x1.c199bdd85529cp+0, 0x1.c67f12e57d14bp+0, 0x1.cb720dcef9069p+0, 0x1.d072d4a07897cp+0,
    0x1.d5818dcfba487p+0, 0x1.da9e603db3285p+0, 0x1.dfc97337b9b5fp+0, 0x1.e502ee78b3ff6p+0,
    0x1.ea4afa2a490dap+0, 0x1.efa1bee615a27p+0, 0x1.f50765b6e4540p+0, 0x1.fa7c1819e90d8p+0
};

static const double ln2High = 1.08304246962234173e-02;  /* ln 2/64, high part (k * ln2High is exact) */
static const double ln2Low = 2.57280462232766939e-14;   /* ln 2/64 - ln2High */
static const double invLn2 = 92.332482616893656;         /* 64/ln 2 */
static const double shifter = 6755399441055744.0;        /* 1.5 * 2^52 */

/* e^x = 2^m * (T_j + T_j * (e^r - 1)) with k = 64m + j = round(x * 64/ln 2), nearest-even, by
   adding 1.5 * 2^52 (whose ulp is 1, so k sits in the low bits of the sum and no conversion to
   an integer is made); r = x - k * ln 2/64, |r| <= ln 2/128; e^r - 1 by its Taylor polynomial
   to degree 6 in Horner form (remainder below 3e-20). The scale 2^m is the low 12 bits of
   m + 1023 shifted into the exponent field, so a logical shift of k's bits serves for m (the
   bits it gets wrong are shifted out). Inlined into the wide loops, fma is the instruction. */
static inline double tang(double x) {
    if (!(fabs(x) <= 708)) return exp(x);
    const double shifted = fma(x, invLn2, shifter);
    const double k = shifted - shifter;
    const double r = fma(-k, ln2Low, fma(-k, ln2High, x));
    double p = fma(1.0 / 720, r, 1.0 / 120);
    p = fma(p, r, 1.0 / 24);
    p = fma(p, r, 1.0 / 6);
    p = fma(p, r, 0.5);
    p = fma(p, r, 1);
    p = p * r;
    uint64_t bits, shifterBits;
    memcpy(&bits, &shifted, sizeof bits);
    memcpy(&shifterBits, &shifter, sizeof shifterBits);
    const uint64_t n = bits - shifterBits;
    const uint64_t scaleBits = ((n >> 6) + 1023) << 52;
    double scale;
    memcpy(&scale, &scaleBits, sizeof scale);
    const double t = table64[n & 63];
    return fma(t, p, t) * scale;
}

static inline void expMaskedScalar(double *q, const double *available, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) q[i] = available[i] != 0 ? tang(q[i]) : 0;
}

void buurt_exp_masked_portable(double *q, const double *available, ptrdiff_t count) {
    expMaskedScalar(q, available, count);
}

#if defined(__x86_64__)
/* tang() on 4 lanes, all within +-708. */
__attribute__((target("avx2,fma")))
static inline __m256d tang4(__m256d x) {
    const __m256d shift = _mm256_set1_pd(shifter);
    const __m256d shifted = _mm256_fmadd_pd(x, _mm256_set1_pd(invLn2), shift);
    const __m256d k = _mm256_sub_pd(shifted, shift);
    const __m256d r = _mm256_fnmadd_pd(k, _mm256_set1_pd(ln2Low), _mm256_fnmadd_pd(k, _mm256_set1_pd(ln2High), x));
    __m256d p = _mm256_fmadd_pd(_mm256_set1_pd(1.0 / 720), r, _mm256_set1_pd(1.0 / 120));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0 / 24));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0 / 6));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(0.5));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1));
    p = _mm256_mul_pd(p, r);
    const __m256i n = _mm256_sub_epi64(_mm256_castpd_si256(shifted), _mm256_castpd_si256(shift));
    const __m256i scaleBits = _mm256_slli_epi64(_mm256_add_epi64(_mm256_srli_epi64(n, 6), _mm256_set1_epi64x(1023)), 52);
    const __m256d t = _mm256_i64gather_pd(table64, _mm256_and_si256(n, _mm256_set1_epi64x(63)), 8);
    return _mm256_mul_pd(_mm256_fmadd_pd(t, p, t), _mm256_castsi256_pd(scaleBits));
}

/* Groups of 16 values, 4 vectors in flight; a group with a value out of range, and the tail,
   go value by value. */
__attribute__((target("avx2,fma")))
static void expMasked4(double *q, const double *available, ptrdiff_t count) {
    const __m256d sign = _mm256_set1_pd(-0.0), limit = _mm256_set1_pd(708);
    ptrdiff_t i = 0;
    for (; i + 16 <= count; i += 16) {
        __m256d x[4], inRange = limit;
        for (int v = 0; v < 4; v++) {
            x[v] = _mm256_loadu_pd(q + i + 4 * v);
            inRange = _mm256_and_pd(inRange, _mm256_cmp_pd(_mm256_andnot_pd(sign, x[v]), limit, _CMP_LE_OQ));
        }
        if (_mm256_movemask_pd(inRange) != 0xF) { expMaskedScalar(q + i, available + i, 16); continue; }
        for (int v = 0; v < 4; v++) {
            const __m256d keep = _mm256_cmp_pd(_mm256_loadu_pd(available + i + 4 * v), _mm256_setzero_pd(), _CMP_NEQ_UQ);
            _mm256_storeu_pd(q + i + 4 * v, _mm256_and_pd(keep, tang4(x[v])));
        }
    }
    expMaskedScalar(q + i, available + i, count - i);
}

/* tang() on 8 lanes, all within +-708. */
__attribute__((target("avx512f")))
static inline __m512d tang8(__m512d x) {
    const __m512d shift = _mm512_set1_pd(shifter);
    const __m512d shifted = _mm512_fmadd_pd(x, _mm512_set1_pd(invLn2), shift);
    const __m512d k = _mm512_sub_pd(shifted, shift);
    const __m512d r = _mm512_fnmadd_pd(k, _mm512_set1_pd(ln2Low), _mm512_fnmadd_pd(k, _mm512_set1_pd(ln2High), x));
    __m512d p = _mm512_fmadd_pd(_mm512_set1_pd(1.0 / 720), r, _mm512_set1_pd(1.0 / 120));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0 / 24));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0 / 6));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(0.5));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1));
    p = _mm512_mul_pd(p, r);
    const __m512i n = _mm512_sub_epi64(_mm512_castpd_si512(shifted), _mm512_castpd_si512(shift));
    const __m512i scaleBits = _mm512_slli_epi64(_mm512_add_epi64(_mm512_srli_epi64(n, 6), _mm512_set1_epi64(1023)), 52);
    const __m512d t = _mm512_i64gather_pd(_mm512_and_si512(n, _mm512_set1_epi64(63)), table64, 8);
    return _mm512_mul_pd(_mm512_fmadd_pd(t, p, t), _mm512_castsi512_pd(scaleBits));
}

/* Groups of 16 values, 2 vectors in flight, as expMasked4. */
__attribute__((target("avx512f")))
static void expMasked8(double *q, const double *available, ptrdiff_t count) {
    const __m512d limit = _mm512_set1_pd(708);
    ptrdiff_t i = 0;
    for (; i + 16 <= count; i += 16) {
        const __m512d x0 = _mm512_loadu_pd(q + i), x1 = _mm512_loadu_pd(q + i + 8);
        const __mmask8 in0 = _mm512_cmp_pd_mask(_mm512_abs_pd(x0), limit, _CMP_LE_OQ);
        const __mmask8 in1 = _mm512_cmp_pd_mask(_mm512_abs_pd(x1), limit, _CMP_LE_OQ);
        if ((in0 & in1) != 0xFF) { expMaskedScalar(q + i, available + i, 16); continue; }
        const __mmask8 keep0 = _mm512_cmp_pd_mask(_mm512_loadu_pd(available + i), _mm512_setzero_pd(), _CMP_NEQ_UQ);
        const __mmask8 keep1 = _mm512_cmp_pd_mask(_mm512_loadu_pd(available + i + 8), _mm512_setzero_pd(), _CMP_NEQ_UQ);
        _mm512_storeu_pd(q + i, _mm512_maskz_mov_pd(keep0, tang8(x0)));
        _mm512_storeu_pd(q + i + 8, _mm512_maskz_mov_pd(keep1, tang8(x1)));
    }
    expMaskedScalar(q + i, available + i, count - i);
}

static int detectLanes(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return 8;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return 4;
    return 1;
}
#else
static int detectLanes(void) { return 1; }
#endif

int buurt_vector_math_lanes(void) {
    static int lanes = 0;  /* a benign race: every thread finds the same value */
    if (lanes == 0) lanes = detectLanes();
    return lanes;
}

void buurt_exp_masked(double *q, const double *available, ptrdiff_t count) {
#if defined(__x86_64__)
    switch (buurt_vector_math_lanes()) {
    case 8: expMasked8(q, available, count); return;
    case 4: expMasked4(q, available, count); return;
    default: break;
    }
#endif
    expMaskedScalar(q, available, count);
}
