package dev.commitstats.digest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The weekly digest's e-mail, {@code commitstats.digest.*} (environment {@code COMMITSTATS_DIGEST_*}); the README lists
 * them. The SMTP server itself is Spring Boot's {@code spring.mail.*}: without {@code spring.mail.host} no e-mail is
 * sent and the digest is only shown.
 *
 * @param publicUrl the instance's address as users reach it ({@code https://stats.example.com}), for the links in an
 *                  e-mail; empty means {@code http://localhost:<port>}, right only on one's own machine
 * @param from      the sender of the e-mails
 * @param sendHour  the hour of Monday, in each user's time zone, from which last week's digest is sent (0 to 23)
 */
@ConfigurationProperties("commitstats.digest")
public record DigestSettings(@DefaultValue("") String publicUrl,
        @DefaultValue("Commit Stats <commitstats@localhost>") String from, @DefaultValue("8") int sendHour) {

    public DigestSettings {
        if (sendHour < 0 || sendHour > 23) {
            throw new IllegalArgumentException("commitstats.digest.send-hour must be between 0 and 23, not "
                    + sendHour);
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        if (!publicUrl.isEmpty() && !publicUrl.startsWith("https://") && !publicUrl.startsWith("http://")) {
            throw new IllegalArgumentException("commitstats.digest.public-url must start with https:// or http://, "
                    + "not " + publicUrl);
        }
    }

    /** The defaults. */
    public static DigestSettings defaults() {
        return new DigestSettings("", "Commit Stats <commitstats@localhost>", 8);
    }

    /** The address links start with. */
    public String baseUrl(int port) {
        return publicUrl.isEmpty() ? "http://localhost:" + port : publicUrl;
    }
}
