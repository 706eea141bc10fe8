// The eight-lane fast path of the Beta and Gamma draws. See gamma_draws.h.
#include "gamma_draws.h"

// Every operation rounds as the scalar sampler's does: nothing is fused.
#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX512 __attribute__((target("avx512f,avx512dq")))

static const uint64_t golden = 0x9E3779B97F4A7C15ull;

/* The SplitMix64 finaliser on 8 lanes. */
AVX512 static inline __m512i mix8(__m512i z) {
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 30)), _mm512_set1_epi64((long long)0xBF58476D1CE4E5B9ull));
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 27)), _mm512_set1_epi64((long long)0x94D049BB133111EBull));
    return _mm512_xor_si512(z, _mm512_srli_epi64(z, 31));
}

/* (w >> 11) * 2^-53: the uniform on [0, 1) of a stream value. */
AVX512 static inline __m512d unit8(__m512i w) {
    return _mm512_mul_pd(_mm512_cvtepu64_pd(_mm512_srli_epi64(w, 11)), _mm512_set1_pd(0x1p-53));
}

/* One attempt of Marsaglia & Tsang's sampler on 8 lanes with the stream values w (the normal)
   and uw (the uniform): the lanes whose draw d*v is decided by this attempt without a logarithm
   (the normal in its layer's rectangle, v > 0, and the first squeeze or the second one
   accepting); other lanes are for the scalar sampler. */
AVX512 static inline __mmask8 gamma8(__m512i w, __m512i uw, __m512d d, __m512d c, const double *edge, __m512d *draw) {
    const __m512d one = _mm512_set1_pd(1);
    const __m512i layer = _mm512_and_si512(w, _mm512_set1_epi64(255));
    const __m512d x = _mm512_mul_pd(unit8(w), _mm512_i64gather_pd(layer, edge, 8));
    __mmask8 decided = _mm512_cmp_pd_mask(x, _mm512_i64gather_pd(layer, edge + 1, 8), _CMP_LT_OQ);
    const __mmask8 negative = _mm512_test_epi64_mask(w, _mm512_set1_epi64(256));
    const __m512d z = _mm512_mask_mul_pd(x, negative, x, _mm512_set1_pd(-1));
    const __m512d t = _mm512_mul_pd(c, z);
    __m512d v = _mm512_add_pd(one, t);
    decided &= _mm512_cmp_pd_mask(v, _mm512_setzero_pd(), _CMP_GT_OQ);
    v = _mm512_mul_pd(_mm512_mul_pd(v, v), v);
    const __m512d u = unit8(uw);
    const __m512d z2 = _mm512_mul_pd(z, z);
    __mmask8 accepted = _mm512_cmp_pd_mask(u, _mm512_sub_pd(one, _mm512_mul_pd(_mm512_mul_pd(_mm512_set1_pd(0.0331), z2), z2)), _CMP_LT_OQ);
    /* The second squeeze's acceptance, as NormalZiggurat.decidedWithoutLogarithms takes it. */
    const __m512d a = _mm512_abs_pd(t);
    const __m512d wu = _mm512_sub_pd(u, one), t2 = _mm512_mul_pd(t, t), t4 = _mm512_mul_pd(t2, t2);
    const __m512d centre = _mm512_add_pd(
        _mm512_sub_pd(_mm512_mul_pd(_mm512_set1_pd(0.5), z2), _mm512_mul_pd(_mm512_mul_pd(_mm512_set1_pd(4.5), d), t2)),
        _mm512_mul_pd(_mm512_mul_pd(d, t4), _mm512_add_pd(_mm512_set1_pd(-0.75), _mm512_mul_pd(_mm512_set1_pd(0.6), t))));
    const __m512d spread = _mm512_div_pd(_mm512_mul_pd(_mm512_mul_pd(_mm512_mul_pd(_mm512_set1_pd(0.5), d), t4), t2), _mm512_sub_pd(one, a));
    const __m512d margin = _mm512_add_pd(_mm512_mul_pd(_mm512_set1_pd(1e-9), _mm512_add_pd(one, z2)), _mm512_mul_pd(_mm512_set1_pd(1e-13), d));
    const __m512d logUpper = _mm512_sub_pd(wu, _mm512_mul_pd(_mm512_mul_pd(_mm512_set1_pd(0.5), wu), wu));
    const __mmask8 small = _mm512_cmp_pd_mask(a, _mm512_set1_pd(0.5), _CMP_LT_OQ);
    accepted |= small & _mm512_cmp_pd_mask(logUpper, _mm512_sub_pd(_mm512_sub_pd(centre, spread), margin), _CMP_LT_OQ);
    *draw = _mm512_mul_pd(d, v);
    return decided & accepted;
}

static int hasAVX512(void) {
    static int known = -1;  /* a benign race: every thread finds the same value */
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") ? 1 : 0;
    }
    return known;
}

AVX512 static ptrdiff_t drawFast(buurt_draw_kind kind, const uint64_t *cells, uint64_t key,
                                 const double *d_a, const double *c_a, const double *d_b, const double *c_b,
                                 double per, const double *sizes, const double *edge,
                                 double *out, int32_t *pending, ptrdiff_t count) {
    const __m512i step = _mm512_set1_epi64((long long)golden);
    ptrdiff_t waiting = 0, i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m512d da = _mm512_loadu_pd(d_a + i);
        __mmask8 done = _mm512_cmp_pd_mask(da, da, _CMP_ORD_Q);
        __m512i state = mix8(_mm512_xor_si512(_mm512_set1_epi64((long long)key), _mm512_loadu_si512(cells + i)));
        const __m512i w1 = mix8(state = _mm512_add_epi64(state, step));
        const __m512i u1 = mix8(state = _mm512_add_epi64(state, step));
        __m512d x, value;
        done &= gamma8(w1, u1, da, _mm512_loadu_pd(c_a + i), edge, &x);
        if (kind == buurt_draw_beta) {
            const __m512d db = _mm512_loadu_pd(d_b + i);
            done &= _mm512_cmp_pd_mask(db, db, _CMP_ORD_Q);
            const __m512i w2 = mix8(state = _mm512_add_epi64(state, step));
            const __m512i u2 = mix8(state = _mm512_add_epi64(state, step));
            __m512d y;
            done &= gamma8(w2, u2, db, _mm512_loadu_pd(c_b + i), edge, &y);
            value = _mm512_mul_pd(_mm512_div_pd(x, _mm512_add_pd(x, y)), _mm512_set1_pd(per));
        } else if (kind == buurt_draw_gamma_per_size) {
            value = _mm512_div_pd(_mm512_mul_pd(x, _mm512_set1_pd(per)), _mm512_loadu_pd(sizes + i));
        } else {
            value = x;
        }
        _mm512_mask_storeu_pd(out + i, done, value);
        for (unsigned rest = (unsigned)(~done) & 0xFF; rest != 0; rest &= rest - 1)
            pending[waiting++] = (int32_t)(i + __builtin_ctz(rest));
    }
    for (; i < count; i++) pending[waiting++] = (int32_t)i;
    return waiting;
}
#endif

ptrdiff_t buurt_draw_fast(buurt_draw_kind kind, const uint64_t *cells, uint64_t key,
                          const double *d_a, const double *c_a, const double *d_b, const double *c_b,
                          double per, const double *sizes, const double *edge,
                          double *out, int32_t *pending, ptrdiff_t count) {
#if defined(__x86_64__)
    if (hasAVX512()) return drawFast(kind, cells, key, d_a, c_a, d_b, c_b, per, sizes, edge, out, pending, count);
#endif
    (void)kind; (void)cells; (void)key; (void)d_a; (void)c_a; (void)d_b; (void)c_b;
    (void)per; (void)sizes; (void)edge; (void)out; (void)pending; (void)count;
    return -1;
}
