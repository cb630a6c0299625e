package dev.commitstats.stats;

import java.time.DayOfWeek;
import java.util.List;

/**
 * Commits per weekday and hour, in each commit's own local time (so 9 a.m. is the author's 9 a.m., wherever they
 * were).
 *
 * @param cells 168 counts, Monday 00h first, then Monday 01h, ..., Sunday 23h
 */
public record PunchCard(List<Long> cells) {

    public PunchCard {
        if (cells.size() != 7 * 24) {
            throw new IllegalArgumentException("a punch card has 168 cells, not " + cells.size());
        }
        cells = List.copyOf(cells);
    }

    public long count(DayOfWeek day, int hour) {
        return cells.get((day.getValue() - 1) * 24 + hour);
    }
}
