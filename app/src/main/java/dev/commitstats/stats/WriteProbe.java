package dev.commitstats.stats;

/**
 * Told after each statement of a fact batch, inside its transaction. Exists so tests can make a batch fail half-way
 * and prove the transaction leaves nothing behind.
 */
@FunctionalInterface
interface WriteProbe {

    WriteProbe NONE = (table, rows) -> { };

    void written(String table, int rows);
}
