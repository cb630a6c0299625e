package dev.commitstats.core.diff;

/**
 * Git's xdiff Myers core ({@code xdl_recs_cmp} + {@code xdl_split} in xdiff/xdiffi.c, git 2.39),
 * re-implemented on {@code int[]} class ids, counting the changed records instead of marking them.
 *
 * <p>xdiff is deliberately not minimal: once the edit cost of a box passes {@link #HEUR_MIN_COST} it
 * accepts a split at a "good snake", and past {@code mxcost} it takes the furthest-reaching path.
 * Reproducing those cut-offs bit for bit is what makes the counts equal to git's, so every branch
 * below follows the reference, including the quirk that a sub-box produced by an exact (middle-snake)
 * split is solved with {@code need_min} set (the split's {@code min_lo}/{@code min_hi} flags become the
 * sub-boxes' {@code need_min}).
 *
 * <p>The recursion is replaced by an explicit stack: sub-boxes are independent (they only share the
 * scratch K vectors, which each split re-initialises), so the order does not change the result,
 * and an explicit stack cannot overflow on deep splits of huge inputs.
 *
 * <p>Reusable, not thread-safe; scratch arrays only grow.
 */
final class XdiffMyers {

    /** XDL_MAX_COST_MIN: lower bound of the "enough is enough" cost. */
    static final int MAX_COST_MIN = 256;
    /** XDL_HEUR_MIN_COST: cost after which the good-snake heuristic is tried. */
    static final int HEUR_MIN_COST = 256;
    /** XDL_SNAKE_CNT: a snake longer than this is "good". */
    static final int SNAKE_CNT = 20;
    /** XDL_K_HEUR: weight of the edit cost in the good-snake heuristic. */
    static final int K_HEUR = 4;
    /** XDL_LINE_MAX, scaled to int (line indexes here are ints). */
    private static final int LINE_MAX = Integer.MAX_VALUE;

    private int[] kvdf = new int[0];
    private int[] kvdb = new int[0];
    /** Pending boxes: off1, lim1, off2, lim2, needMin. */
    private int[] stack = new int[5 * 64];

    // result of split(), kept in fields to avoid allocating a result object
    private int splI1;
    private int splI2;
    private boolean splMinLo;
    private boolean splMinHi;

    // changed-record counters of the current run
    private int changed1;
    private int changed2;

    /**
     * Runs xdiff's Myers on {@code ha1[0..n1)} vs {@code ha2[0..n2)} (need_min = false, as plain
     * {@code git diff}) and returns the number of changed records on each side packed as
     * {@code (changed2 << 32) | changed1}.
     */
    long run(int[] ha1, int n1, int[] ha2, int n2) {
        changed1 = 0;
        changed2 = 0;
        int ndiags = n1 + n2 + 3;
        if (kvdf.length < ndiags) {
            kvdf = new int[ndiags];
            kvdb = new int[ndiags];
        }
        int base = n2 + 1; // kvdf[d + base] holds xdiff's kvdf[d]; d ranges over [-(n2+1), n1+1]
        int mxcost = bogosqrt(ndiags);
        if (mxcost < MAX_COST_MIN) {
            mxcost = MAX_COST_MIN;
        }

        int sp = 0;
        stack[sp++] = 0;
        stack[sp++] = n1;
        stack[sp++] = 0;
        stack[sp++] = n2;
        stack[sp++] = 0;
        while (sp > 0) {
            boolean needMin = stack[--sp] != 0;
            int lim2 = stack[--sp];
            int off2 = stack[--sp];
            int lim1 = stack[--sp];
            int off1 = stack[--sp];

            // shrink the box by walking the diagonal snakes at both corners
            while (off1 < lim1 && off2 < lim2 && ha1[off1] == ha2[off2]) {
                off1++;
                off2++;
            }
            while (off1 < lim1 && off2 < lim2 && ha1[lim1 - 1] == ha2[lim2 - 1]) {
                lim1--;
                lim2--;
            }
            if (off1 == lim1) {
                changed2 += lim2 - off2;
            } else if (off2 == lim2) {
                changed1 += lim1 - off1;
            } else {
                split(ha1, off1, lim1, ha2, off2, lim2, base, needMin, mxcost);
                int i1 = splI1;
                int i2 = splI2;
                if (stack.length < sp + 10) {
                    stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                }
                // high box first so the low box is processed first, like the C recursion
                stack[sp++] = i1;
                stack[sp++] = lim1;
                stack[sp++] = i2;
                stack[sp++] = lim2;
                stack[sp++] = splMinHi ? 1 : 0;
                stack[sp++] = off1;
                stack[sp++] = i1;
                stack[sp++] = off2;
                stack[sp++] = i2;
                stack[sp++] = splMinLo ? 1 : 0;
            }
        }
        return ((long) changed2 << 32) | (changed1 & 0xFFFFFFFFL);
    }

    /** xdl_split: finds the split point of a box; see the class comment for why every branch matters. */
    private void split(int[] ha1, int off1, int lim1, int[] ha2, int off2, int lim2,
                       int base, boolean needMin, int mxcost) {
        final int[] kf = kvdf;
        final int[] kb = kvdb;
        int dmin = off1 - lim2;
        int dmax = lim1 - off2;
        int fmid = off1 - off2;
        int bmid = lim1 - lim2;
        boolean odd = ((fmid - bmid) & 1) != 0;
        int fmin = fmid;
        int fmax = fmid;
        int bmin = bmid;
        int bmax = bmid;

        kf[fmid + base] = off1;
        kb[bmid + base] = lim1;

        for (int ec = 1; ; ec++) {
            boolean gotSnake = false;

            // extend the forward diagonal domain by one (or shrink it at the box border)
            if (fmin > dmin) {
                kf[--fmin - 1 + base] = -1;
            } else {
                ++fmin;
            }
            if (fmax < dmax) {
                kf[++fmax + 1 + base] = -1;
            } else {
                --fmax;
            }
            for (int d = fmax; d >= fmin; d -= 2) {
                int i1;
                if (kf[d - 1 + base] >= kf[d + 1 + base]) {
                    i1 = kf[d - 1 + base] + 1;
                } else {
                    i1 = kf[d + 1 + base];
                }
                int prev1 = i1;
                int i2 = i1 - d;
                while (i1 < lim1 && i2 < lim2 && ha1[i1] == ha2[i2]) {
                    i1++;
                    i2++;
                }
                if (i1 - prev1 > SNAKE_CNT) {
                    gotSnake = true;
                }
                kf[d + base] = i1;
                if (odd && bmin <= d && d <= bmax && kb[d + base] <= i1) {
                    setSplit(i1, i2, true, true);
                    return;
                }
            }

            // same for the backward path
            if (bmin > dmin) {
                kb[--bmin - 1 + base] = LINE_MAX;
            } else {
                ++bmin;
            }
            if (bmax < dmax) {
                kb[++bmax + 1 + base] = LINE_MAX;
            } else {
                --bmax;
            }
            for (int d = bmax; d >= bmin; d -= 2) {
                int i1;
                if (kb[d - 1 + base] < kb[d + 1 + base]) {
                    i1 = kb[d - 1 + base];
                } else {
                    i1 = kb[d + 1 + base] - 1;
                }
                int prev1 = i1;
                int i2 = i1 - d;
                while (i1 > off1 && i2 > off2 && ha1[i1 - 1] == ha2[i2 - 1]) {
                    i1--;
                    i2--;
                }
                if (prev1 - i1 > SNAKE_CNT) {
                    gotSnake = true;
                }
                kb[d + base] = i1;
                if (!odd && fmin <= d && d <= fmax && i1 <= kf[d + base]) {
                    setSplit(i1, i2, true, true);
                    return;
                }
            }

            if (needMin) {
                continue;
            }

            // good-snake heuristic: accept a far-reaching diagonal that ends in a long snake
            if (gotSnake && ec > HEUR_MIN_COST) {
                long best = 0;
                for (int d = fmax; d >= fmin; d -= 2) {
                    int dd = d > fmid ? d - fmid : fmid - d;
                    int i1 = kf[d + base];
                    int i2 = i1 - d;
                    long v = (long) (i1 - off1) + (i2 - off2) - dd;
                    if (v > (long) K_HEUR * ec && v > best
                            && off1 + SNAKE_CNT <= i1 && i1 < lim1
                            && off2 + SNAKE_CNT <= i2 && i2 < lim2) {
                        for (int k = 1; ha1[i1 - k] == ha2[i2 - k]; k++) {
                            if (k == SNAKE_CNT) {
                                best = v;
                                splI1 = i1;
                                splI2 = i2;
                                break;
                            }
                        }
                    }
                }
                if (best > 0) {
                    splMinLo = true;
                    splMinHi = false;
                    return;
                }
                for (int d = bmax; d >= bmin; d -= 2) {
                    int dd = d > bmid ? d - bmid : bmid - d;
                    int i1 = kb[d + base];
                    int i2 = i1 - d;
                    long v = (long) (lim1 - i1) + (lim2 - i2) - dd;
                    if (v > (long) K_HEUR * ec && v > best
                            && off1 < i1 && i1 <= lim1 - SNAKE_CNT
                            && off2 < i2 && i2 <= lim2 - SNAKE_CNT) {
                        for (int k = 0; ha1[i1 + k] == ha2[i2 + k]; k++) {
                            if (k == SNAKE_CNT - 1) {
                                best = v;
                                splI1 = i1;
                                splI2 = i2;
                                break;
                            }
                        }
                    }
                }
                if (best > 0) {
                    splMinLo = false;
                    splMinHi = true;
                    return;
                }
            }

            // enough is enough: take the furthest-reaching path (by i1 + i2)
            if (ec >= mxcost) {
                long fbest = -1;
                int fbest1 = -1;
                for (int d = fmax; d >= fmin; d -= 2) {
                    int i1 = Math.min(kf[d + base], lim1);
                    int i2 = i1 - d;
                    if (lim2 < i2) {
                        i1 = lim2 + d;
                        i2 = lim2;
                    }
                    if (fbest < (long) i1 + i2) {
                        fbest = (long) i1 + i2;
                        fbest1 = i1;
                    }
                }
                long bbest = LINE_MAX;
                int bbest1 = LINE_MAX;
                for (int d = bmax; d >= bmin; d -= 2) {
                    int i1 = Math.max(off1, kb[d + base]);
                    int i2 = i1 - d;
                    if (i2 < off2) {
                        i1 = off2 + d;
                        i2 = off2;
                    }
                    if ((long) i1 + i2 < bbest) {
                        bbest = (long) i1 + i2;
                        bbest1 = i1;
                    }
                }
                if (((long) lim1 + lim2) - bbest < fbest - ((long) off1 + off2)) {
                    setSplit(fbest1, (int) (fbest - fbest1), true, false);
                } else {
                    setSplit(bbest1, (int) (bbest - bbest1), false, true);
                }
                return;
            }
        }
    }

    private void setSplit(int i1, int i2, boolean minLo, boolean minHi) {
        splI1 = i1;
        splI2 = i2;
        splMinLo = minLo;
        splMinHi = minHi;
    }

    /** xdl_bogosqrt: git's shift-based square-root approximation (a power of two). */
    static int bogosqrt(long n) {
        int i = 1;
        for (; n > 0; n >>= 2) {
            i <<= 1;
        }
        return i;
    }
}
