package dev.commitstats.cli;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --format}, declared once for every command that prints data. Each command says which formats it offers and
 * its default; the description comes from {@code Messages.properties}, keyed by the command.
 */
final class FormatOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--format", paramLabel = "FORMAT", descriptionKey = "format")
    @Nullable OutputFormat format;

    /**
     * The format asked for.
     *
     * @param byDefault the format without {@code --format}, or null when the option is required
     * @param offered   the formats this command writes
     * @throws ParameterException (exit code 2) for a format the command does not write, or a missing one
     */
    OutputFormat resolve(@Nullable OutputFormat byDefault, OutputFormat... offered) {
        List<OutputFormat> formats = Arrays.asList(offered);
        if (format == null) {
            if (byDefault == null) {
                throw new ParameterException(mixee.commandLine(), "Missing required option: '--format=FORMAT'");
            }
            return byDefault;
        }
        if (!formats.contains(format)) {
            throw new ParameterException(mixee.commandLine(), "Invalid value for option '--format': expected one of "
                    + formats + " but was '" + format + "'");
        }
        return format;
    }
}
