/**
 * The command line: one picocli class per command ({@code serve}, {@code stats}, {@code collect},
 * {@code outliers}, {@code export}, {@code tokens}, {@code keys}). Commands parse, call one service of the
 * {@link dev.commitstats.assembly.Features}, and print. Only {@code serve} starts Spring; the others assemble the features in plain Java, so they start fast.
 */
@NullMarked
@ApplicationModule(displayName = "Command line")
package dev.commitstats.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
