/**
 * The command line: one picocli class per command ({@code serve}, {@code stats}, {@code collect},
 * {@code outliers}, {@code export}).
 * Only {@code serve} starts Spring; the others open what they need directly, so they start fast.
 */
package dev.commitstats.cli;
