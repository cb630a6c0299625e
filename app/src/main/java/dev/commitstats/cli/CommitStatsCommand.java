package dev.commitstats.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: prints usage when called without a subcommand. */
@Command(name = "commitstats",
        mixinStandardHelpOptions = true,
        resourceBundle = "dev.commitstats.cli.Messages",
        versionProvider = VersionProvider.class,
        description = "Turns your git history into a shareable coding CV, without storing your code.",
        subcommands = {ServeCommand.class, StatsCommand.class, CollectCommand.class, ExportCommand.class,
            OutliersCommand.class, TokensCommand.class, KeysCommand.class, DiscoverCommand.class,
            ReposCommand.class, RunsCommand.class, CvCommand.class, UsersCommand.class, ApiKeysCommand.class,
            PushCommand.class, DigestCommand.class,
            CommandLine.HelpCommand.class})
public final class CommitStatsCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: usage on stderr, exit code 2 like any other usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /** The configured command line; tests call this with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CommitStatsCommand());
        cl.setParameterExceptionHandler(CommitStatsCommand::shortUsageError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // expected failures carry a message meant for the user; anything else is a bug worth a stack trace
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserFacingException || ex instanceof dev.commitstats.config.UseCaseException
                    || ex instanceof dev.commitstats.config.Database.DatabaseException
                    || ex instanceof dev.commitstats.config.DataDirectory.DataDirectoryException
                    || ex instanceof dev.commitstats.tokens.TokenCipher.CipherException) {
                err.println("commitstats: " + ex.getMessage());
            } else {
                err.println("commitstats: unexpected error: " + ex);
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    private static int shortUsageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("commitstats: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }
}
