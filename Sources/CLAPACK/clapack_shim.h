// Prototypes of the Fortran LAPACK routines buurtscore calls, plus CBLAS and OpenBLAS control.
// Debian's OpenBLAS ships no lapacke.h, so the Fortran symbols are declared here.
// Conventions: every argument is passed by pointer; integers are 32-bit (LP64 OpenBLAS);
// each CHARACTER argument takes a hidden trailing length argument (size_t) after the list.
#ifndef BUURTSCORE_CLAPACK_SHIM_H
#define BUURTSCORE_CLAPACK_SHIM_H

#include <stddef.h>
#include <cblas.h>

/* Symmetric eigenproblem, divide and conquer. */
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda,
             double *w, double *work, const int *lwork, int *iwork, const int *liwork,
             int *info, size_t jobz_len, size_t uplo_len);

/* Singular value decomposition, divide and conquer. */
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda,
             double *s, double *u, const int *ldu, double *vt, const int *ldvt,
             double *work, const int *lwork, int *iwork, int *info, size_t jobz_len);

/* LU factorisation and inverse from it. */
void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
void dgetri_(const int *n, double *a, const int *lda, const int *ipiv, double *work,
             const int *lwork, int *info);

/* Symmetric positive definite solve (Cholesky). */
void dposv_(const char *uplo, const int *n, const int *nrhs, double *a, const int *lda,
            double *b, const int *ldb, int *info, size_t uplo_len);

/* General solve via LU. */
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv,
            double *b, const int *ldb, int *info);

#endif
