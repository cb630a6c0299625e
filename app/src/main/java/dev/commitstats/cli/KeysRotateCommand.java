package dev.commitstats.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.commitstats.assembly.Features;
import dev.commitstats.tokens.KeyRotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code commitstats keys rotate}: a new primary key, and every token re-encrypted with it. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Add a new primary key to the keyset and re-encrypt every token with it.",
            "The old keys stay in the keyset, so tokens encrypted before keep decrypting until they are re-encrypted. "
                    + "The keyset file in the data dir is replaced atomically (mode 600). A keyset from "
                    + "COMMITSTATS_KEYSET cannot be changed in place: give --keyset-out, then put the new keyset in "
                    + "COMMITSTATS_KEYSET on every instance."})
final class KeysRotateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--keyset-out", paramLabel = "FILE",
            description = "Where to write the rotated keyset (a new file, mode 600), when the keyset comes from COMMITSTATS_KEYSET.")
    Path keysetOut;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Features features = storage.open("keys-rotate")) {
            KeyRotation r = features.tokens().rotateKeys(keysetOut);
            if (r.fromEnvironment()) {
                out.printf("Wrote the rotated keyset (%d keys, a new primary) to %s, readable by you only, and "
                        + "re-encrypted %s with the new key.%n", r.keys(), r.keysetFile(), tokens(r.reencrypted()));
                out.println("Next: put the contents of that file in COMMITSTATS_KEYSET on every instance and restart "
                        + "them, then delete the file.");
                out.println("Until then, instances still on the old keyset cannot read the re-encrypted tokens.");
            } else {
                out.printf("Added a new primary key to %s (%d keys) and re-encrypted %s with it.%n",
                        r.keysetFile(), r.keys(), tokens(r.reencrypted()));
                out.println("The old keys stay in the keyset; a server on this data dir picks up the new one by "
                        + "itself.");
            }
        }
        out.flush();
        return 0;
    }

    private static String tokens(int n) {
        return n == 1 ? "1 token" : n + " tokens";
    }
}
