package dev.commitstats.core.classify;

import java.util.regex.Pattern;

/**
 * A {@link CharSequence} that gives up after a number of character reads, so that a regular
 * expression with catastrophic backtracking on hostile content cannot stall a mining thread
 * (java.util.regex has no timeout; Linguist relies on Ruby's Regexp.timeout for the same reason).
 * Not thread-safe: create one per classification.
 */
final class BudgetedText implements CharSequence {

    /** Thrown when the budget is spent. Stackless: it is control flow. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super("regex budget exhausted", null, false, false);
        }
    }

    private final String text;
    private final int offset;
    private final int length;
    private final long[] budget;

    BudgetedText(String text, long budget) {
        this(text, 0, text.length(), new long[] {budget});
    }

    private BudgetedText(String text, int offset, int length, long[] budget) {
        this.text = text;
        this.offset = offset;
        this.length = length;
        this.budget = budget;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (--budget[0] < 0) {
            throw new Exhausted();
        }
        return text.charAt(offset + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BudgetedText(text, offset + start, end - start, budget);
    }

    @Override
    public String toString() {
        return text.substring(offset, offset + length);
    }

    /**
     * {@code pattern.matcher(this).find()}.
     *
     * @throws Exhausted when the budget is spent or the regex engine overflows its stack (deep
     *                   recursion on long input); callers treat that as "inconclusive"
     */
    boolean find(Pattern pattern) {
        try {
            return pattern.matcher(this).find();
        } catch (StackOverflowError e) {
            throw new Exhausted();
        }
    }
}
