package dev.commitstats.cv;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /cv/{login}/card.svg}: the SVG card of a published CV ({@link CvCard}), drawn from its snapshot (never
 * aggregated per request), with the query's {@link CvCardOptions}.
 *
 * <p>Always {@code 200}, as image proxies (GitHub's camo among them) show a broken image for anything else: a login
 * without a public CV gets a small "no public CV" card with a short cache life, so that a card embedded before its
 * owner publishes appears soon after. The {@code ETag} is a hash of the card's bytes, so it changes exactly when the
 * picture does; Spring answers a matching {@code If-None-Match} with {@code 304} and no body (see
 * {@code HttpEntityMethodProcessor}).
 */
@RestController
class CvCardController {

    /** What browsers keep: half an hour, as the snapshot behind the card changes at most with a collection. */
    static final long MAX_AGE_SECONDS = 30 * 60;
    /** What shared caches and proxies keep: an hour, the default age at which a snapshot is rebuilt anyway. */
    static final long SHARED_MAX_AGE_SECONDS = 60 * 60;
    /** How long a cache may serve an old card while it fetches the new one in the background: a day. */
    static final long STALE_WHILE_REVALIDATE_SECONDS = 24 * 60 * 60;
    /** The cache life of the "no public CV" card, everywhere: a minute, so that a newly published CV shows soon. */
    static final long NOT_FOUND_MAX_AGE_SECONDS = 60;

    static final String CACHE_CONTROL = "max-age=" + MAX_AGE_SECONDS + ", s-maxage=" + SHARED_MAX_AGE_SECONDS
            + ", stale-while-revalidate=" + STALE_WHILE_REVALIDATE_SECONDS;
    static final String NOT_FOUND_CACHE_CONTROL = "max-age=" + NOT_FOUND_MAX_AGE_SECONDS + ", s-maxage="
            + NOT_FOUND_MAX_AGE_SECONDS + ", stale-while-revalidate=" + NOT_FOUND_MAX_AGE_SECONDS;
    static final String CONTENT_TYPE = "image/svg+xml;charset=utf-8";
    /** Opened on its own, the card may draw and style itself, nothing else: no scripts, no requests. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final CvSnapshots snapshots;
    private final CvRenderings renderings;

    CvCardController(CvSnapshots snapshots, CvRenderings renderings) {
        this.snapshots = snapshots;
        this.renderings = renderings;
    }

    @GetMapping("/cv/{login}/card.svg")
    ResponseEntity<byte[]> card(@PathVariable String login, @RequestParam MultiValueMap<String, String> query) {
        return card(snapshots.publishedSnapshot(login), login, query);
    }

    /** A named CV's card, from its own snapshot; the same "not found" card when it is unknown or unpublished. */
    @GetMapping("/cv/{login}/{name}/card.svg")
    ResponseEntity<byte[]> namedCard(@PathVariable String login, @PathVariable String name,
            @RequestParam MultiValueMap<String, String> query) {
        return card(snapshots.publishedSnapshot(login, name), login + "/" + name, query);
    }

    private ResponseEntity<byte[]> card(Optional<CvSnapshots.Published> cv, String login,
            MultiValueMap<String, String> query) {
        CvCardOptions options = CvCardOptions.parse(query);
        // a card is drawn once per snapshot and set of options (the options record's text names them all)
        byte[] body = cv.map(p -> renderings.get(p.key("card " + options),
                        () -> CvCard.render(p.document(), options).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> CvCard.notFound(login, options).getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, cv.isPresent() ? CACHE_CONTROL : NOT_FOUND_CACHE_CONTROL)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .eTag(etag(body))
                .body(body);
    }

    /** A strong validator: the first 128 bits of the card's SHA-256, quoted. */
    static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16))
                    + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
