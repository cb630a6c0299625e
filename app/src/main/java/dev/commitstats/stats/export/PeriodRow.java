package dev.commitstats.stats.export;

import java.util.Arrays;
import java.util.Objects;

/**
 * One period of a {@link PeriodTable}: its key and one value per metric, in the table's column order. Immutable: the
 * array is copied in and out.
 *
 * @param key {@code 2024-03-05} for a day, {@code 2024_07} for an ISO week ({@code year_week}, as the original Commit
 *     Stats CLI wrote it), {@code 2024_03} for a month
 * @param values one per metric
 */
public record PeriodRow(String key, long[] values) {

    public PeriodRow {
        Objects.requireNonNull(key, "key");
        values = values.clone();
    }

    /** A copy of the values; use {@link #value(int)} in loops. */
    @Override
    public long[] values() {
        return values.clone();
    }

    public long value(int column) {
        return values[column];
    }

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodRow r && key.equals(r.key) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "PeriodRow[" + key + "=" + Arrays.toString(values) + "]";
    }
}
