package dev.commitstats.core.diff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Counts added and deleted lines between two versions of a text file exactly as
 * {@code git diff --numstat} does (git's xdiff, default Myers algorithm, no whitespace options).
 *
 * <p>Git's xdiff is not a minimal diff, so a textbook Myers (e.g. JGit's {@code MyersDiff}) reports
 * different counts. This class mirrors xdiff's pipeline on integer line classes:
 * <ol>
 *   <li>every line (the bytes up to and including its {@code '\n'}; a last line without {@code '\n'} is
 *       a different line from the same text with one) gets a class id; lines are equal iff their bytes are;</li>
 *   <li>the common prefix and suffix lines are trimmed ({@code xdl_trim_ends});</li>
 *   <li>in the remaining middle, lines whose class does not occur in the other file are discarded, and
 *       lines whose class occurs at least {@code mlim} times in the other file are discarded when they sit
 *       in a run of discarded lines ({@code xdl_cleanup_records}/{@code xdl_clean_mmatch}); class counts
 *       are over the whole files, including the trimmed prefix/suffix;</li>
 *   <li>xdiff's heuristic Myers runs on the surviving lines ({@link XdiffMyers}).</li>
 * </ol>
 * The counts are the discarded plus the Myers-changed lines per side. {@code xdl_change_compact}, which
 * git runs afterwards, only slides groups of changed lines and never changes how many there are, so it
 * is not needed for counting.
 *
 * <p>Per-thread and reusable; <b>not thread-safe</b>. All working arrays (line classes, the open-addressing
 * class table, Myers' K vectors) are kept between calls and only grow, so a call allocates nothing
 * unless it is larger than every call before it.
 */
public final class LineDiffCounter {

    /** git's FIRST_FEW_BYTES: how far {@code buffer_is_binary} looks for a NUL. */
    private static final int FIRST_FEW_BYTES = 8000;
    /** XDL_MAX_EQLIMIT: cap of the multimatch limit. */
    private static final int MAX_EQLIMIT = 1024;
    /** XDL_SIMSCAN_WINDOW: how far xdl_clean_mmatch looks either side. */
    private static final int SIMSCAN_WINDOW = 100;
    /** XDL_KPDIS_RUN. */
    private static final int KPDIS_RUN = 4;

    private static final byte DISCARD = 0;
    private static final byte KEEP = 1;
    private static final byte INVESTIGATE = 2;

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NL_BYTES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LO_BITS = 0x0101010101010101L;
    private static final long HI_BITS = 0x8080808080808080L;

    // --- class table (open addressing, linear probing); slot value = class id + 1, 0 = empty
    private long[] slotHash = new long[0];
    private int[] slotClass = new int[0];
    private int slotMask;

    // --- per class: where its first line lives (side 0 = a, 1 = b), and its counts per file
    private byte[] clsSide = new byte[16];
    private int[] clsOff = new int[16];
    private int[] clsLen = new int[16];
    private int[] cnt1 = new int[16];
    private int[] cnt2 = new int[16];
    private int nClasses;

    // --- middle (untrimmed) lines as class ids, and the Myers input built from the kept ones
    private int[] mid1 = new int[16];
    private int[] mid2 = new int[16];
    private byte[] action1 = new byte[16];
    private byte[] action2 = new byte[16];
    private int[] ha1 = new int[16];
    private int[] ha2 = new int[16];

    private final XdiffMyers myers = new XdiffMyers();

    // inputs of the current call, referenced by the class table's representatives; cleared on return
    private byte @Nullable [] curA;
    private byte @Nullable [] curB;
    /** End (exclusive) of the line last hashed by {@link #hashLine}. */
    private int scanEnd;

    /** Creates a counter; working arrays are allocated lazily and reused. */
    public LineDiffCounter() {
    }

    /**
     * Counts lines changed between {@code a[0..aLen)} and {@code b[0..bLen)} exactly as
     * {@code git diff --numstat} does for a text file. Returns packed counts; unpack them with
     * {@link #added(long)} and {@link #deleted(long)}.
     */
    public long count(byte[] a, int aLen, byte[] b, int bLen) {
        if (aLen == 0) {
            return pack(countLines(b, bLen), 0);
        }
        if (bLen == 0) {
            return pack(0, countLines(a, aLen));
        }

        // Common prefix, cut back to a line boundary. Equal bytes up to a '\n' means equal lines,
        // which is exactly what xdl_trim_ends finds by comparing classes.
        int mm = Arrays.mismatch(a, 0, aLen, b, 0, bLen);
        if (mm < 0) {
            return 0L;
        }
        int pre = mm;
        while (pre > 0 && a[pre - 1] != '\n') {
            pre--;
        }
        // Common suffix within what the prefix left over, cut to a line start in both files.
        int limit = Math.min(aLen, bLen) - pre;
        int suf = commonSuffix(a, aLen, b, bLen, limit);
        if (suf > 0 && !(isLineStart(a, aLen - suf) && isLineStart(b, bLen - suf))) {
            // inside the matched bytes both sides agree, so one '\n' search serves both files
            int s = suf - 1;
            while (s > 0 && a[aLen - s - 1] != '\n') {
                s--;
            }
            suf = s;
        }
        int aEnd = aLen - suf;
        int bEnd = bLen - suf;

        // An empty side needs no classes: discarded or not, everything on the other side is changed.
        if (aEnd == pre) {
            return pack(countLines(b, pre, bEnd), 0);
        }
        if (bEnd == pre) {
            return pack(0, countLines(a, pre, aEnd));
        }

        curA = a;
        curB = b;
        try {
            return diffMiddle(a, aLen, b, bLen, pre, aEnd, bEnd);
        } finally {
            curA = null;
            curB = null;
        }
    }

    private long diffMiddle(byte[] a, int aLen, byte[] b, int bLen, int pre, int aEnd, int bEnd) {
        // size the table for the middle lines; the byte count bounds the line count
        int maxLines = Math.min(aEnd - pre, 1 << 29) + Math.min(bEnd - pre, 1 << 29);
        resetTable(estimateLines(a, pre, aEnd) + estimateLines(b, pre, bEnd));
        nClasses = 0;

        int n1 = 0;
        for (int p = pre; p < aEnd; ) {
            long h = hashLine(a, p, aLen);
            int c = classify(h, (byte) 0, a, p, scanEnd);
            cnt1[c]++;
            if (n1 == mid1.length) {
                mid1 = Arrays.copyOf(mid1, grow(n1, maxLines));
            }
            mid1[n1++] = c;
            p = scanEnd;
        }
        int n2 = 0;
        boolean anyCross = false;
        for (int p = pre; p < bEnd; ) {
            long h = hashLine(b, p, bLen);
            int c = classify(h, (byte) 1, b, p, scanEnd);
            if (cnt2[c]++ == 0 && cnt1[c] != 0) {
                anyCross = true;
            }
            if (n2 == mid2.length) {
                mid2 = Arrays.copyOf(mid2, grow(n2, maxLines));
            }
            mid2[n2++] = c;
            p = scanEnd;
        }
        if (!anyCross) {
            // No line of one middle occurs in the other: nothing can ever match, whatever
            // xdiff discards or how its heuristics cut, so every middle line is changed.
            return pack(n2, n1);
        }

        // Class counts are over the whole files (xdl_classify_record sees every line), so the trimmed
        // prefix/suffix lines count too. They are in both files; only classes seen in the middle matter.
        int prefixLines = 0;
        for (int p = 0; p < pre; ) {
            long h = hashLine(a, p, aLen);
            int c = lookup(h, a, p, scanEnd);
            if (c >= 0) {
                cnt1[c]++;
                cnt2[c]++;
            }
            prefixLines++;
            p = scanEnd;
        }
        int suffixLines = 0;
        for (int p = aEnd; p < aLen; ) {
            long h = hashLine(a, p, aLen);
            int c = lookup(h, a, p, scanEnd);
            if (c >= 0) {
                cnt1[c]++;
                cnt2[c]++;
            }
            suffixLines++;
            p = scanEnd;
        }
        int nrec1 = prefixLines + n1 + suffixLines;
        int nrec2 = prefixLines + n2 + suffixLines;

        // xdl_cleanup_records
        if (action1.length < n1) {
            action1 = new byte[grow(n1, maxLines)];
        }
        if (action2.length < n2) {
            action2 = new byte[grow(n2, maxLines)];
        }
        int mlim1 = Math.min(XdiffMyers.bogosqrt(nrec1), MAX_EQLIMIT);
        int mlim2 = Math.min(XdiffMyers.bogosqrt(nrec2), MAX_EQLIMIT);
        setActions(mid1, n1, cnt2, mlim1, action1);
        setActions(mid2, n2, cnt1, mlim2, action2);

        if (ha1.length < n1) {
            ha1 = new int[grow(n1, maxLines)];
        }
        if (ha2.length < n2) {
            ha2 = new int[grow(n2, maxLines)];
        }
        int nreff1 = keepLines(mid1, n1, action1, ha1);
        int nreff2 = keepLines(mid2, n2, action2, ha2);

        long changed = myers.run(ha1, nreff1, ha2, nreff2);
        int deleted = (n1 - nreff1) + (int) changed;
        int added = (n2 - nreff2) + (int) (changed >>> 32);
        return pack(added, deleted);
    }

    private static void setActions(int[] mid, int n, int[] otherCount, int mlim, byte[] action) {
        for (int i = 0; i < n; i++) {
            int nm = otherCount[mid[i]];
            action[i] = nm == 0 ? DISCARD : nm >= mlim ? INVESTIGATE : KEEP;
        }
    }

    /** Copies the classes of the lines xdiff keeps into {@code ha}; returns how many (nreff). */
    private static int keepLines(int[] mid, int n, byte[] action, int[] ha) {
        int nreff = 0;
        for (int i = 0; i < n; i++) {
            byte act = action[i];
            if (act == KEEP || (act == INVESTIGATE && !cleanMmatch(action, i, 0, n - 1))) {
                ha[nreff++] = mid[i];
            }
        }
        return nreff;
    }

    /**
     * xdl_clean_mmatch: whether multimatch line {@code i} sits in a run of discardable lines,
     * i.e. there are unmatched lines on both sides of it (within the scan window, before a kept line)
     * and they outnumber the multimatch lines enough.
     */
    private static boolean cleanMmatch(byte[] dis, int i, int s, int e) {
        if (i - s > SIMSCAN_WINDOW) {
            s = i - SIMSCAN_WINDOW;
        }
        if (e - i > SIMSCAN_WINDOW) {
            e = i + SIMSCAN_WINDOW;
        }
        int rdis0 = 0;
        int rpdis0 = 1;
        for (int r = 1; i - r >= s; r++) {
            byte v = dis[i - r];
            if (v == DISCARD) {
                rdis0++;
            } else if (v == INVESTIGATE) {
                rpdis0++;
            } else {
                break;
            }
        }
        if (rdis0 == 0) {
            return false;
        }
        int rdis1 = 0;
        int rpdis1 = 1;
        for (int r = 1; i + r <= e; r++) {
            byte v = dis[i + r];
            if (v == DISCARD) {
                rdis1++;
            } else if (v == INVESTIGATE) {
                rpdis1++;
            } else {
                break;
            }
        }
        if (rdis1 == 0) {
            return false;
        }
        rdis1 += rdis0;
        rpdis1 += rpdis0;
        return rpdis1 * KPDIS_RUN < rpdis1 + rdis1;
    }

    // ------------------------------------------------------------------------------------------
    // class table

    private void resetTable(int expectedLines) {
        int cap = Integer.highestOneBit(Math.max(16, expectedLines) * 2 - 1) << 1;
        if (slotClass.length < cap) {
            slotHash = new long[cap];
            slotClass = new int[cap];
        } else {
            // only the part in use is cleared, so a small diff after a huge one stays cheap
            Arrays.fill(slotClass, 0, cap, 0);
        }
        slotMask = cap - 1;
    }

    /** Returns the class id of line {@code d[from..to)} with hash {@code h}, creating it if new. */
    private int classify(long h, byte side, byte[] d, int from, int to) {
        int mask = slotMask;
        int slot = (int) h & mask;
        while (true) {
            int v = slotClass[slot];
            if (v == 0) {
                break;
            }
            if (slotHash[slot] == h && sameBytes(v - 1, d, from, to)) {
                return v - 1;
            }
            slot = (slot + 1) & mask;
        }
        int c = nClasses++;
        if (c == clsOff.length) {
            int n = c * 2;
            clsSide = Arrays.copyOf(clsSide, n);
            clsOff = Arrays.copyOf(clsOff, n);
            clsLen = Arrays.copyOf(clsLen, n);
            cnt1 = Arrays.copyOf(cnt1, n);
            cnt2 = Arrays.copyOf(cnt2, n);
        }
        clsSide[c] = side;
        clsOff[c] = from;
        clsLen[c] = to - from;
        cnt1[c] = 0;
        cnt2[c] = 0;
        slotHash[slot] = h;
        slotClass[slot] = c + 1;
        if (nClasses * 2 > mask) {
            rehash(); // the estimate was low (many short lines); keep the load factor <= 1/2
        }
        return c;
    }

    /** Returns the class id of line {@code d[from..to)} or -1 if no middle line has those bytes. */
    private int lookup(long h, byte[] d, int from, int to) {
        int mask = slotMask;
        int slot = (int) h & mask;
        while (true) {
            int v = slotClass[slot];
            if (v == 0) {
                return -1;
            }
            if (slotHash[slot] == h && sameBytes(v - 1, d, from, to)) {
                return v - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void rehash() {
        long[] oldHash = slotHash;
        int[] oldClass = slotClass;
        int oldCap = slotMask + 1;
        int cap = oldCap * 2;
        long[] newHash = new long[Math.max(cap, oldHash.length)];
        int[] newClass = new int[newHash.length];
        int mask = cap - 1;
        for (int i = 0; i < oldCap; i++) {
            int v = oldClass[i];
            if (v != 0) {
                long h = oldHash[i];
                int slot = (int) h & mask;
                while (newClass[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                newHash[slot] = h;
                newClass[slot] = v;
            }
        }
        slotHash = newHash;
        slotClass = newClass;
        slotMask = mask;
    }

    private boolean sameBytes(int c, byte[] d, int from, int to) {
        int len = clsLen[c];
        if (len != to - from) {
            return false;
        }
        byte[] rep = clsSide[c] == 0 ? curA : curB;
        int off = clsOff[c];
        return Arrays.equals(rep, off, off + len, d, from, to);
    }

    // ------------------------------------------------------------------------------------------
    // line hashing

    /**
     * Hashes the line starting at {@code pos} (its bytes up to and including the next {@code '\n'},
     * or up to {@code len}) and leaves its end in {@link #scanEnd}. Reads eight bytes at a time and
     * finds the newline with a SWAR zero-byte test, so finding and hashing the line is one pass.
     * The words are aligned to the line start, so equal lines hash equally wherever they are.
     */
    private long hashLine(byte[] d, int pos, int len) {
        long h = 0x2545F4914F6CDD1DL;
        int p = pos;
        while (p + 8 <= len) {
            long w = (long) LONG_LE.get(d, p);
            long x = w ^ NL_BYTES;
            long t = (x - LO_BITS) & ~x & HI_BITS;
            if (t != 0) {
                // the lowest flagged byte is always a real '\n' (borrows only propagate upwards)
                int nb = (Long.numberOfTrailingZeros(t) >>> 3) + 1;
                if (nb < 8) {
                    w &= (1L << (nb << 3)) - 1;
                }
                p += nb;
                scanEnd = p;
                return finish(mix(h, w), p - pos);
            }
            h = mix(h, w);
            p += 8;
        }
        long w = 0;
        int shift = 0;
        while (p < len) {
            byte c = d[p++];
            w |= (c & 0xFFL) << shift;
            shift += 8;
            if (c == '\n') {
                break;
            }
        }
        if (shift != 0) {
            h = mix(h, w);
        }
        scanEnd = p;
        return finish(h, p - pos);
    }

    private static long mix(long h, long w) {
        return Long.rotateLeft(h ^ (w * 0x9E3779B97F4A7C15L), 27) * 0xC2B2AE3D27D4EB4FL;
    }

    /** Folds in the length (zero padding of the last word is otherwise ambiguous) and avalanches. */
    private static long finish(long h, int len) {
        h ^= len;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    // ------------------------------------------------------------------------------------------
    // helpers

    private static int commonSuffix(byte[] a, int aLen, byte[] b, int bLen, int limit) {
        int s = 0;
        while (s + 8 <= limit
                && (long) LONG_LE.get(a, aLen - s - 8) == (long) LONG_LE.get(b, bLen - s - 8)) {
            s += 8;
        }
        while (s < limit && a[aLen - s - 1] == b[bLen - s - 1]) {
            s++;
        }
        return s;
    }

    private static boolean isLineStart(byte[] d, int pos) {
        return pos == 0 || d[pos - 1] == '\n';
    }

    /** A cheap line-count guess for sizing the table: sample the first 4 KiB. */
    private static int estimateLines(byte[] d, int from, int to) {
        int n = to - from;
        int sample = Math.min(n, 4096);
        int nl = 1;
        for (int i = from; i < from + sample; i++) {
            if (d[i] == '\n') {
                nl++;
            }
        }
        long est = (long) n * nl / Math.max(1, sample) + 1;
        return (int) Math.min(est, 1 << 28);
    }

    private static int grow(int current, int atMost) {
        long n = Math.max(16L, (long) current * 2);
        return (int) Math.min(n, Math.max(atMost, current + 1));
    }

    private static long pack(int added, int deleted) {
        return ((long) added << 32) | (deleted & 0xFFFFFFFFL);
    }

    /** Lines only in b (added), from a value returned by {@link #count}. */
    public static int added(long packed) {
        return (int) (packed >>> 32);
    }

    /** Lines only in a (deleted), from a value returned by {@link #count}. */
    public static int deleted(long packed) {
        return (int) packed;
    }

    /**
     * Number of lines as git counts them for a whole added or deleted file ({@code count_lines} in
     * diff.c): the number of {@code '\n'}, plus one if the data is non-empty and does not end with one.
     */
    public static int countLines(byte[] data, int len) {
        return countLines(data, 0, len);
    }

    static int countLines(byte[] data, int from, int to) {
        if (to <= from) {
            return 0;
        }
        int count = 0;
        int p = from;
        // SWAR newline count, eight bytes per step
        while (p + 8 <= to) {
            long x = (long) LONG_LE.get(data, p) ^ NL_BYTES;
            // exact per-byte zero test (no borrow): high bit set iff the byte is zero
            long t = ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x | 0x7F7F7F7F7F7F7F7FL);
            count += Long.bitCount(t);
            p += 8;
        }
        for (; p < to; p++) {
            if (data[p] == '\n') {
                count++;
            }
        }
        if (data[to - 1] != '\n') {
            count++;
        }
        return count;
    }

    /**
     * git's binary heuristic ({@code buffer_is_binary}): the data contains a NUL byte within its first
     * 8000 bytes ({@code FIRST_FEW_BYTES}).
     */
    public static boolean isBinary(byte[] data, int len) {
        int n = Math.min(len, FIRST_FEW_BYTES);
        int i = 0;
        // eight bytes per step: (x - 0x01..) & ~x & 0x80.. is non-zero iff some byte of x is zero
        for (; i + 8 <= n; i += 8) {
            long x = (long) LONG_LE.get(data, i);
            if (((x - LO_BITS) & ~x & HI_BITS) != 0) {
                return true;
            }
        }
        for (; i < n; i++) {
            if (data[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
