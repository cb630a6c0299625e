package dev.commitstats.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code commitstats keys}: the keyset that encrypts tokens; prints usage without a subcommand. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Manage the keyset that encrypts tokens at rest (Tink AEAD, AES-256-GCM).",
            "The keyset is COMMITSTATS_KEYSET when set (a JSON keyset in clear, for servers whose data dir is not "
                    + "shared), else the file keyset.json in the data dir, created at first use with mode 600."},
        subcommands = KeysRotateCommand.class)
final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
