# The index computed independently of buurtscore, as COINr defines it:
#   n_minmax:  x' = (d·x − min)/(max − min) × 100, d = Direction (min, max of d·x over the units)
#   a_amean:   weighted arithmetic mean, weights from iMeta divided by their sum
# Columns of iData.csv: 3 Clean (+1), 4 Noise (−1), 5 Safe (+1, weight 2), 6 Crime (−1).
BEGIN { FS = ","; dir[3] = 1; dir[4] = -1; dir[5] = 1; dir[6] = -1 }
NR > 1 {
    n++; code[n] = $1
    for (j = 3; j <= 6; j++) {
        x[n, j] = dir[j] * $j
        if (n == 1 || x[n, j] < lo[j]) lo[j] = x[n, j]
        if (n == 1 || x[n, j] > hi[j]) hi[j] = x[n, j]
    }
}
END {
    print "unit,Index,Living,Safety"
    for (i = 1; i <= n; i++) {
        for (j = 3; j <= 6; j++) y[j] = (x[i, j] - lo[j]) / (hi[j] - lo[j]) * 100
        living = (y[3] + y[4]) / 2
        safety = (2 * y[5] + y[6]) / 3
        printf "%s,%.12g,%.12g,%.12g\n", code[i], (living + safety) / 2, living, safety
    }
}
