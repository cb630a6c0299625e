package dev.commitstats.tokens;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.commitstats.config.DataDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Encrypts token secrets at rest with Tink's AEAD, AES-256-GCM. The keyset is either given in clear by
 * {@code COMMITSTATS_KEYSET} (servers whose data dir is not shared: every instance gets the same keyset) or kept in
 * {@code <data-dir>/keyset.json}, created at first use with mode 600.
 *
 * <p>The associated data of each ciphertext is {@code commitstats/token/v1/<userId>/<tokenId>}: a ciphertext copied
 * into another row, or to another user, fails to decrypt instead of handing one user's token to another.
 *
 * <p>Rotation ({@link #rotate}) adds a new primary key and keeps the old ones, so that what was encrypted before
 * still decrypts until {@link Tokens#rotateKeys} has re-encrypted it. A process that loaded the keyset file before
 * another process rotated it reloads the file when it meets a ciphertext of the new key.
 *
 * <p>Nothing here logs, and no message names a secret, a ciphertext or key material. Thread-safe; the keyset is loaded
 * (and the file created) on first use, so commands that never touch a token never read it.
 */
public final class TokenCipher {

    /** The keyset file's name in the data dir. */
    static final String KEYSET_FILE = "keyset.json";

    private static final String ASSOCIATED_DATA = "commitstats/token/v1/";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The keyset cannot be read or written, or a ciphertext does not decrypt; the message is meant for the user. */
    public static final class CipherException extends RuntimeException {
        CipherException(String message) {
            super(message);
        }

        CipherException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Keys(KeysetHandle handle, Aead aead) {
        static Keys of(KeysetHandle handle) throws GeneralSecurityException {
            return new Keys(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        }
    }

    private final @Nullable Path file;
    private final @Nullable String given;
    private final Object lock = new Object();
    private volatile @Nullable Keys keys;

    private TokenCipher(@Nullable Path file, @Nullable String given) {
        this.file = file;
        this.given = given;
    }

    /**
     * The cipher of an instance: the keyset {@code commitstats.keyset} gives in clear when it is not blank, else the
     * file {@code <dataDir>/keyset.json}.
     */
    public static TokenCipher open(String keysetJson, Path dataDir) {
        return keysetJson.isBlank() ? inFile(dataDir.resolve(KEYSET_FILE)) : given(keysetJson);
    }

    /** The keyset in {@code file}, created (mode 600) with one AES-256-GCM key when missing. */
    static TokenCipher inFile(Path file) {
        return new TokenCipher(file.toAbsolutePath().normalize(), null);
    }

    /** The keyset given in clear (Tink's JSON keyset format), as {@code COMMITSTATS_KEYSET} holds it. */
    static TokenCipher given(String keysetJson) {
        return new TokenCipher(null, keysetJson);
    }

    /** Whether the keyset came from {@code COMMITSTATS_KEYSET} rather than a file. */
    public boolean fromEnvironment() {
        return file == null;
    }

    /** The keyset file, or null when the keyset came from the environment. */
    public @Nullable Path keysetFile() {
        return file;
    }

    /** A new keyset with one AES-256-GCM key, in Tink's JSON format: what {@code COMMITSTATS_KEYSET} expects. */
    static String newKeysetJson() {
        try {
            return serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new CipherException("cannot create a keyset: " + e.getMessage(), e);
        }
    }

    /** {@code secret} encrypted for the token {@code tokenId} of {@code userId}, base64. */
    String encrypt(String secret, long userId, long tokenId) {
        return encrypt(secret, associatedData(userId, tokenId), "token " + tokenId);
    }

    /**
     * The secret of the token {@code tokenId} of {@code userId}.
     *
     * @throws CipherException naming the token when the ciphertext does not decrypt: another keyset, another row's
     *                         ciphertext, or tampering
     */
    String decrypt(String ciphertext, long userId, long tokenId) {
        return decrypt(ciphertext, associatedData(userId, tokenId), "token " + tokenId);
    }

    /**
     * Another module's secret that must be recovered later (a user's webhook secret, to verify signatures), encrypted
     * under the same keyset and bound to its purpose and owner: a ciphertext moved to another owner or purpose does
     * not decrypt.
     *
     * @param purpose what the secret is for, a short word such as {@code webhook} (not {@code token})
     * @param ownerId whose it is, e.g. the user id
     * @return base64
     */
    public String encryptSecret(String purpose, long ownerId, String secret) {
        return encrypt(secret, secretData(purpose, ownerId), purpose + " secret of " + ownerId);
    }

    /**
     * What {@link #encryptSecret} encrypted.
     *
     * @throws CipherException when the ciphertext does not decrypt: another keyset, owner or purpose, or tampering
     */
    public String decryptSecret(String purpose, long ownerId, String ciphertext) {
        return decrypt(ciphertext, secretData(purpose, ownerId), purpose + " secret of " + ownerId);
    }

    private String encrypt(String secret, byte[] associatedData, String what) {
        try {
            byte[] ct = keys().aead().encrypt(secret.getBytes(StandardCharsets.UTF_8), associatedData);
            return Base64.getEncoder().encodeToString(ct);
        } catch (GeneralSecurityException e) {
            throw new CipherException(what + " cannot be encrypted: " + e.getMessage(), e);
        }
    }

    private String decrypt(String ciphertext, byte[] associatedData, String what) {
        byte[] ct;
        try {
            ct = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw undecryptable(what);
        }
        Keys current = keys();
        try {
            return decrypt(current, ct, associatedData);
        } catch (GeneralSecurityException e) {
            // another process may have rotated the keyset file since it was loaded here
            Keys reloaded = reloadIfChanged(current);
            if (reloaded != null) {
                try {
                    return decrypt(reloaded, ct, associatedData);
                } catch (GeneralSecurityException again) {
                    throw undecryptable(what);
                }
            }
            throw undecryptable(what);
        }
    }

    private static String decrypt(Keys k, byte[] ct, byte[] associatedData) throws GeneralSecurityException {
        return new String(k.aead().decrypt(ct, associatedData), StandardCharsets.UTF_8);
    }

    private static CipherException undecryptable(String what) {
        return new CipherException(what + " cannot be decrypted: wrong keyset or tampered ciphertext");
    }

    private static byte[] secretData(String purpose, long ownerId) {
        if (!purpose.matches("[a-z][a-z0-9-]{0,31}") || purpose.equals("token")) {
            throw new IllegalArgumentException("a secret's purpose is a short lower-case word other than 'token'");
        }
        return ("commitstats/" + purpose + "/v1/" + ownerId).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Adds a new AES-256-GCM key to the keyset as its primary and keeps the old keys, then saves the keyset: over the
     * keyset file (atomically, mode 600), or, for a keyset from the environment, into {@code keysetOut} (a new file,
     * mode 600). From then on this cipher encrypts with the new key and still decrypts with the old ones.
     *
     * @param keysetOut where to write the rotated keyset; required for a keyset from the environment, refused for one
     *                  from a file
     * @return the file the rotated keyset was written to
     * @throws CipherException when the keyset cannot be saved; nothing changed then
     */
    Path rotate(@Nullable Path keysetOut) {
        if (file == null && keysetOut == null) {
            throw new CipherException("the keyset comes from COMMITSTATS_KEYSET: give --keyset-out FILE to write the "
                    + "rotated keyset to");
        }
        if (file != null && keysetOut != null) {
            throw new CipherException("the keyset is the file " + file + ", which is rotated in place: --keyset-out is "
                    + "for a keyset given by COMMITSTATS_KEYSET");
        }
        synchronized (lock) {
            Keys rotated;
            try {
                KeysetHandle current = keys().handle();
                KeysetHandle next = KeysetHandle.newBuilder(current)
                        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                                .withRandomId().makePrimary())
                        .build();
                rotated = Keys.of(next);
            } catch (GeneralSecurityException e) {
                throw new CipherException("cannot add a key to the keyset: " + e.getMessage(), e);
            }
            String json = serialize(rotated.handle());
            Path target;
            if (file != null) {
                target = file;
                replace(target, json);
            } else {
                target = Objects.requireNonNull(keysetOut).toAbsolutePath().normalize();
                if (!createNew(target, json)) {
                    throw new CipherException(target + " exists already: give --keyset-out a file that does not "
                            + "exist yet");
                }
            }
            keys = rotated;
            return target;
        }
    }

    /** The number of keys in the keyset, for messages and tests. */
    int keyCount() {
        return keys().handle().size();
    }

    private Keys keys() {
        Keys k = keys;
        if (k != null) {
            return k;
        }
        synchronized (lock) {
            if (keys == null) {
                keys = load();
            }
            return Objects.requireNonNull(keys);
        }
    }

    private Keys load() {
        if (given != null) {
            try {
                return Keys.of(TinkJsonProtoKeysetFormat.parseKeyset(given, InsecureSecretKeyAccess.get()));
            } catch (GeneralSecurityException | RuntimeException e) {
                // the message of a parser could quote the keyset: say only what is wrong where
                throw new CipherException("COMMITSTATS_KEYSET is not a Tink JSON keyset of AEAD keys");
            }
        }
        Path f = Objects.requireNonNull(file);
        if (!Files.exists(f)) {
            DataDirectory.open(f.getParent());
            createNew(f, newKeysetJson()); // false: another process created it first, and theirs is used
        }
        return read(f);
    }

    private Keys read(Path f) {
        String json;
        try {
            json = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CipherException("cannot read the keyset file " + f + ": " + e, e);
        }
        try {
            return Keys.of(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CipherException("the keyset file " + f + " is not a Tink JSON keyset of AEAD keys");
        }
    }

    /** The keys in the file when they differ from {@code seen} (another process rotated them), else null. */
    private @Nullable Keys reloadIfChanged(Keys seen) {
        synchronized (lock) {
            Keys current = Objects.requireNonNull(keys);
            if (current != seen) {
                return current; // rotated in this process meanwhile
            }
            if (file == null) {
                return null;
            }
            try {
                Keys fromFile = read(file);
                if (fromFile.handle().equalsKeyset(current.handle())) {
                    return null;
                }
                keys = fromFile;
                return fromFile;
            } catch (CipherException e) {
                return null;
            }
        }
    }

    private static String serialize(KeysetHandle handle) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new CipherException("cannot serialize the keyset: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code json} over {@code target} atomically (a rename), never readable by others, not even briefly.
     */
    private static void replace(Path target, String json) {
        Path tmp = temporary(target, json);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new CipherException("cannot write the keyset to " + target + ": " + e, e);
        }
    }

    /**
     * Writes {@code json} to {@code target} unless it exists, never readable by others, not even briefly. The file is
     * hard-linked into place, which fails when the target exists, so that two processes creating the keyset at once
     * cannot both win.
     *
     * @return false when {@code target} existed (and was left alone)
     */
    private static boolean createNew(Path target, String json) {
        Path tmp = temporary(target, json);
        try {
            try {
                Files.createLink(target, tmp);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.move(tmp, target); // no hard links on this file system: a move that refuses an existing target
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new CipherException("cannot write the keyset to " + target + ": " + e, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** A new file beside {@code target} holding {@code json}, created with mode 600 (where POSIX has modes), synced. */
    private static Path temporary(Path target, String json) {
        Path dir = target.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".keyset-", ".tmp", ownerOnly);
            Files.writeString(tmp, json, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            return tmp;
        } catch (IOException e) {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
            throw new CipherException("cannot write the keyset to " + target + ": " + e, e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is owner-only and harmless
        }
    }

    private static byte[] associatedData(long userId, long tokenId) {
        return (ASSOCIATED_DATA + userId + "/" + tokenId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TokenCipher[" + (file == null ? "COMMITSTATS_KEYSET" : file.toString()) + "]";
    }
}
