package dev.commitstats.cli;

/** The output formats of the commands; each command accepts some of them (see {@link FormatOption}). */
enum OutputFormat {
    table, json, csv, parquet
}
