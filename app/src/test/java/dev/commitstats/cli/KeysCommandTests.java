package dev.commitstats.cli;

import static dev.commitstats.cli.TokenCommands.add;
import static dev.commitstats.cli.TokenCommands.run;
import static dev.commitstats.cli.TokenCommands.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import java.security.GeneralSecurityException;

/** {@code commitstats keys rotate}: a keyset file rotated in place, a keyset from the environment into a new file. */
class KeysCommandTests {

    private static final String SECRET = "ghp_KeysCommandTests0123456789abcdef";

    private static String ciphertext(TestDatabase db) {
        return db.jdbc().sql("SELECT secret FROM tokens").query(String.class).single();
    }

    @DatabaseTest
    void rotatesTheKeysetFileAndReencryptsTheTokens(TestDatabase db) throws IOException {
        add(db, "ada", "work", SECRET);
        String before = ciphertext(db);
        Path file = db.dataDir().resolve("keyset.json");

        CommandLineTests.Run r = run(db, "", "keys", "rotate");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Added a new primary key to " + file + " (2 keys) and re-encrypted 1 token "
                + "with it.");
        assertThat(ciphertext(db)).isNotEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        CommandLineTests.Run check = tokens(db, "check", "--user", "ada");
        assertThat(check.err()).isEmpty();
        assertThat(check.out()).startsWith("gitea token 'work' checked: ");
    }

    @DatabaseTest
    void aKeysetFromTheEnvironmentIsRotatedIntoANewFile(TestDatabase db) throws Exception {
        String keyset = newKeyset();
        System.setProperty("commitstats.keyset", keyset);
        try {
            add(db, "ada", "work", SECRET);
            String before = ciphertext(db);
            CommandLineTests.Run refused = run(db, "", "keys", "rotate");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err().strip()).isEqualTo("commitstats: the keyset comes from COMMITSTATS_KEYSET: give "
                    + "--keyset-out FILE to write the rotated keyset to");
            assertThat(ciphertext(db)).isEqualTo(before);
            Path out = db.dataDir().resolveSibling("new-keyset.json");

            CommandLineTests.Run r = run(db, "", "keys", "rotate", "--keyset-out", out.toString());

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("Wrote the rotated keyset (2 keys, a new primary) to " + out)
                    .contains("re-encrypted 1 token")
                    .contains("put the contents of that file in COMMITSTATS_KEYSET on every instance and restart them")
                    .contains("instances still on the old keyset cannot read the re-encrypted tokens");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
            assertThat(db.dataDir().resolve("keyset.json")).doesNotExist();
            assertThat(ciphertext(db)).isNotEqualTo(before);
            assertThat(tokens(db, "check", "--user", "ada").err()).as("old keyset").contains("cannot be decrypted");
            System.setProperty("commitstats.keyset", Files.readString(out));
            assertThat(tokens(db, "check", "--user", "ada").err()).as("new keyset").isEmpty();
        } finally {
            System.clearProperty("commitstats.keyset");
        }
    }

    private static String newKeyset() throws GeneralSecurityException {
        AeadConfig.register();
        return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                InsecureSecretKeyAccess.get());
    }
}
