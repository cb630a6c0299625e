package dev.commitstats.cv;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The published CVs of the instance ({@code /cvs}): every published default CV and named CV whose snapshot exists,
 * most commits first, with the headline numbers stored beside each snapshot; never a document read, never a CV built
 * (a CV appears once its snapshot was built: at its first view, after a collection in the server, or by "Refresh
 * CVs"). Kept for a minute, like the ranking. Thread-safe.
 */
@Component
final class CvDirectory {

    /** CVs per page. */
    static final int PAGE_SIZE = 50;

    private static final Duration KEPT = Duration.ofMinutes(1);

    /**
     * One listed CV.
     *
     * @param name       the named CV's name, or null for the default CV
     * @param title      the named CV's title, or null
     * @param languages  its top three languages, most lines written first
     */
    record Entry(String login, String displayName, @Nullable String name, @Nullable String title, String path,
            long commits, long additions, long activeDays, List<String> languages, Instant builtAt) {
    }

    /** A page of the listing: {@code page} from 1, of {@code pages}. */
    record Page(int page, int pages, int total, List<Entry> entries, Instant generatedAt) {
    }

    private record Listing(List<Entry> entries, Instant generatedAt) {
    }

    private final CvSnapshots snapshots;
    private final NamedCvStore named;
    private final UserAccounts accounts;
    private final Clock clock;
    private volatile @Nullable Listing kept;

    CvDirectory(CvSnapshots snapshots, javax.sql.DataSource dataSource, UserAccounts accounts, Clock clock) {
        this.snapshots = snapshots;
        this.named = new NamedCvStore(dataSource);
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The page, clamped to the pages there are. */
    Page page(int page) {
        Listing l = current();
        int total = l.entries().size();
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(1, page), pages);
        List<Entry> entries = l.entries().subList((p - 1) * PAGE_SIZE, Math.min(total, p * PAGE_SIZE));
        return new Page(p, pages, total, entries, l.generatedAt());
    }

    private Listing current() {
        Listing l = kept;
        Instant now = clock.instant();
        if (l == null || l.generatedAt().plus(KEPT).isBefore(now)) {
            l = make(now);
            kept = l;
        }
        return l;
    }

    private Listing make(Instant now) {
        Map<Long, Long> publishedNamed = named.published();
        List<Entry> out = new ArrayList<>();
        for (CvSnapshots.Headline h : snapshots.headlines()) {
            Optional<User> user = accounts.user(h.userId());
            if (user.isEmpty()) {
                continue;
            }
            User u = user.get();
            String display = u.displayName() == null || u.displayName().isBlank() ? u.login() : u.displayName();
            if (h.cvId() == CvSnapshots.DEFAULT_CV) {
                if (u.published()) {
                    out.add(new Entry(u.login(), display, null, null, "/cv/" + u.login(), h.commits(), h.additions(),
                            h.activeDays(), h.languages(), h.builtAt()));
                }
            } else if (publishedNamed.containsKey(h.cvId())) {
                Optional<NamedCv> cv = named.find(h.cvId());
                cv.ifPresent(c -> out.add(new Entry(u.login(), display, c.name(), c.title(),
                        "/cv/" + u.login() + "/" + c.name(), h.commits(), h.additions(), h.activeDays(),
                        h.languages(), h.builtAt())));
            }
        }
        return new Listing(List.copyOf(out), now);
    }
}
