package dev.commitstats.digest;

import dev.commitstats.config.UseCaseException;
import dev.commitstats.tokens.TokenCipher;
import java.util.Base64;

/**
 * The digest e-mail's one-click unsubscribe token: the user id, then the user id encrypted with the instance's keyset
 * ({@link TokenCipher#encryptSecret}, AEAD bound to the purpose {@code digest-unsubscribe} and that user), so only this
 * instance can make one, it names exactly one user, and it works without signing in. Tokens stay valid across key
 * rotations (old keys keep decrypting). Thread-safe.
 */
public final class UnsubscribeLinks {

    static final String PURPOSE = "digest-unsubscribe";
    private static final String INVALID = "this unsubscribe link is not valid: sign in and switch the e-mails off on "
            + "your digest page";

    private final TokenCipher cipher;

    public UnsubscribeLinks(TokenCipher cipher) {
        this.cipher = cipher;
    }

    /** A new token for {@code userId} (URL-safe). */
    public String token(long userId) {
        byte[] ciphertext = Base64.getDecoder().decode(cipher.encryptSecret(PURPOSE, userId, Long.toString(userId)));
        return userId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);
    }

    /**
     * The user a token was made for.
     *
     * @throws UseCaseException ({@code INVALID}) for a token this instance did not make
     */
    public long userId(String token) {
        int dot = token.indexOf('.');
        try {
            long userId = Long.parseLong(token.substring(0, Math.max(dot, 0)));
            byte[] ciphertext = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            String plain = cipher.decryptSecret(PURPOSE, userId, Base64.getEncoder().encodeToString(ciphertext));
            if (!plain.equals(Long.toString(userId))) {
                throw new UseCaseException(UseCaseException.Kind.INVALID, INVALID);
            }
            return userId;
        } catch (IllegalArgumentException | TokenCipher.CipherException e) {
            throw new UseCaseException(UseCaseException.Kind.INVALID, INVALID);
        }
    }
}
