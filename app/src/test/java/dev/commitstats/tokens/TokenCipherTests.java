package dev.commitstats.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encryption of token secrets at rest: keyset file, associated data, tampering, rotation. */
class TokenCipherTests {

    private static final String SECRET = "ghp_cipherTestSecret0123456789";

    @TempDir
    Path tmp;

    private TokenCipher inDataDir() {
        return TokenCipher.open("", tmp.resolve("data"));
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void encryptsAndDecryptsASecret() {
        TokenCipher cipher = inDataDir();
        String ct = cipher.encrypt(SECRET, 1, 7);
        assertThat(ct).doesNotContain(SECRET);
        assertThat(new String(Base64.getDecoder().decode(ct), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET);
        assertThat(cipher.decrypt(ct, 1, 7)).isEqualTo(SECRET);
    }

    @Test
    void twoEncryptionsOfOneSecretDiffer() {
        TokenCipher cipher = inDataDir();
        assertThat(cipher.encrypt(SECRET, 1, 7)).isNotEqualTo(cipher.encrypt(SECRET, 1, 7));
    }

    @Test
    void createsTheKeysetFileAtFirstUseReadableByItsOwnerOnly() throws IOException {
        TokenCipher cipher = inDataDir();
        Path file = tmp.resolve("data").resolve(TokenCipher.KEYSET_FILE);
        assertThat(file).doesNotExist(); // not before a token needs it
        cipher.encrypt(SECRET, 1, 1);
        assertThat(file).isRegularFile();
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(tmp.resolve("data"))).isEqualTo("rwx------");
        try (var files = Files.list(tmp.resolve("data"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(TokenCipher.KEYSET_FILE);
        }
    }

    @Test
    void anotherProcessOnTheSameDataDirUsesTheSameKeyset() {
        String ct = inDataDir().encrypt(SECRET, 1, 7);
        assertThat(inDataDir().decrypt(ct, 1, 7)).isEqualTo(SECRET);
    }

    @Test
    void anotherKeysetCannotDecrypt() {
        String ct = inDataDir().encrypt(SECRET, 1, 7);
        TokenCipher other = TokenCipher.open("", tmp.resolve("other"));
        assertThatThrownBy(() -> other.decrypt(ct, 1, 7)).isInstanceOf(TokenCipher.CipherException.class)
                .hasMessage("token 7 cannot be decrypted: wrong keyset or tampered ciphertext");
    }

    @Test
    void aFlippedByteIsDetected() {
        TokenCipher cipher = inDataDir();
        byte[] ct = Base64.getDecoder().decode(cipher.encrypt(SECRET, 1, 7));
        ct[ct.length - 5] ^= 0x01;
        String tampered = Base64.getEncoder().encodeToString(ct);
        assertThatThrownBy(() -> cipher.decrypt(tampered, 1, 7)).isInstanceOf(TokenCipher.CipherException.class)
                .hasMessage("token 7 cannot be decrypted: wrong keyset or tampered ciphertext")
                .message().doesNotContain(tampered);
    }

    @Test
    void aCiphertextIsBoundToItsTokenAndUser() {
        TokenCipher cipher = inDataDir();
        String ct = cipher.encrypt(SECRET, 1, 7);
        assertThatThrownBy(() -> cipher.decrypt(ct, 1, 8)).hasMessageStartingWith("token 8 cannot be decrypted");
        assertThatThrownBy(() -> cipher.decrypt(ct, 2, 7)).hasMessageStartingWith("token 7 cannot be decrypted");
    }

    @Test
    void notBase64IsUndecryptableToo() {
        assertThatThrownBy(() -> inDataDir().decrypt("not base64 !", 1, 7))
                .isInstanceOf(TokenCipher.CipherException.class).hasMessageStartingWith("token 7 cannot be decrypted");
    }

    @Test
    void aKeysetFromTheEnvironmentIsUsedAndNoFileIsWritten() {
        String json = TokenCipher.newKeysetJson();
        TokenCipher cipher = TokenCipher.open(json, tmp.resolve("data"));
        String ct = cipher.encrypt(SECRET, 1, 7);
        assertThat(TokenCipher.open(json, tmp.resolve("elsewhere")).decrypt(ct, 1, 7)).isEqualTo(SECRET);
        assertThat(cipher.fromEnvironment()).isTrue();
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void aMalformedEnvironmentKeysetIsNamedButNotQuoted() {
        TokenCipher cipher = TokenCipher.open("{\"primaryKeyId\": 1, \"key\": [\"hunter2\"]}", tmp);
        assertThatThrownBy(() -> cipher.encrypt(SECRET, 1, 7)).isInstanceOf(TokenCipher.CipherException.class)
                .hasMessage("COMMITSTATS_KEYSET is not a Tink JSON keyset of AEAD keys");
    }

    @Test
    void aCorruptKeysetFileIsReportedAndLeftAlone() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve(TokenCipher.KEYSET_FILE), "not json");
        assertThatThrownBy(() -> inDataDir().encrypt(SECRET, 1, 7)).isInstanceOf(TokenCipher.CipherException.class)
                .hasMessageContaining("is not a Tink JSON keyset");
        assertThat(data.resolve(TokenCipher.KEYSET_FILE)).hasContent("not json");
    }

    @Test
    void rotationAddsAPrimaryKeyAndKeepsTheOldOnes() throws IOException {
        TokenCipher cipher = inDataDir();
        String before = cipher.encrypt(SECRET, 1, 7);
        Path file = tmp.resolve("data").resolve(TokenCipher.KEYSET_FILE);
        String oldKeyset = Files.readString(file);

        assertThat(cipher.rotate(null)).isEqualTo(file);

        assertThat(cipher.keyCount()).isEqualTo(2);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isNotEqualTo(oldKeyset);
        assertThat(cipher.decrypt(before, 1, 7)).isEqualTo(SECRET);
        String after = cipher.encrypt(SECRET, 1, 7);
        assertThat(inDataDir().decrypt(after, 1, 7)).isEqualTo(SECRET);
        assertThatThrownBy(() -> TokenCipher.given(oldKeyset).decrypt(after, 1, 7))
                .isInstanceOf(TokenCipher.CipherException.class);
    }

    @Test
    void aProcessThatLoadedTheKeysetBeforeARotationReloadsIt() {
        TokenCipher server = inDataDir();
        server.encrypt(SECRET, 1, 1); // loaded now
        TokenCipher command = inDataDir();
        command.rotate(null);
        String after = command.encrypt(SECRET, 1, 7);
        assertThat(server.decrypt(after, 1, 7)).isEqualTo(SECRET);
        assertThat(server.keyCount()).isEqualTo(2);
    }

    @Test
    void rotatingAKeysetFromTheEnvironmentWritesANewFileReadableByItsOwnerOnly() throws IOException {
        String json = TokenCipher.newKeysetJson();
        TokenCipher cipher = TokenCipher.open(json, tmp.resolve("data"));
        String before = cipher.encrypt(SECRET, 1, 7);
        Path out = tmp.resolve("rotated.json");

        assertThat(cipher.rotate(out)).isEqualTo(out);

        assertThat(mode(out)).isEqualTo("rw-------");
        TokenCipher next = TokenCipher.open(Files.readString(out), tmp.resolve("data"));
        assertThat(next.keyCount()).isEqualTo(2);
        assertThat(next.decrypt(before, 1, 7)).isEqualTo(SECRET);
        String after = cipher.encrypt(SECRET, 1, 7);
        assertThat(next.decrypt(after, 1, 7)).isEqualTo(SECRET);
        assertThatThrownBy(() -> TokenCipher.given(json).decrypt(after, 1, 7))
                .isInstanceOf(TokenCipher.CipherException.class);
    }

    @Test
    void rotatingAKeysetFromTheEnvironmentNeedsANewOutputFile() throws IOException {
        TokenCipher cipher = TokenCipher.open(TokenCipher.newKeysetJson(), tmp);
        assertThatThrownBy(() -> cipher.rotate(null)).isInstanceOf(TokenCipher.CipherException.class)
                .hasMessageContaining("give --keyset-out FILE");
        Path existing = Files.writeString(tmp.resolve("existing.json"), "keep me");
        assertThatThrownBy(() -> cipher.rotate(existing)).isInstanceOf(TokenCipher.CipherException.class)
                .hasMessageContaining("exists already");
        assertThat(existing).hasContent("keep me");
        assertThat(cipher.keyCount()).isEqualTo(1);
    }

    @Test
    void aKeysetFileIsRotatedInPlaceNotIntoAnotherFile() {
        TokenCipher cipher = inDataDir();
        assertThatThrownBy(() -> cipher.rotate(tmp.resolve("out.json"))).isInstanceOf(TokenCipher.CipherException.class)
                .hasMessageContaining("rotated in place");
        assertThat(tmp.resolve("out.json")).doesNotExist();
    }

    @Test
    void nothingShowsTheKeyset() {
        String json = TokenCipher.newKeysetJson();
        assertThat(TokenCipher.open(json, tmp).toString()).doesNotContain(json).contains("COMMITSTATS_KEYSET");
        assertThat(new TokensSettings(json).toString()).doesNotContain(json);
    }
}
