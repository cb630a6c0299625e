package dev.commitstats.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.commitstats.core.mining.CommitFact;
import dev.commitstats.core.mining.Totals;
import dev.commitstats.core.mining.TotalsBuilder;
import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.repos.NewRepository;
import dev.commitstats.repos.SourceKind;
import dev.commitstats.repos.RepositoryRegistry;
import dev.commitstats.testing.TestDatabase;

/** A user (by default "ada", ada@example.com) with one repository "main", and the stats components over a database. */
final class Testbed {

    static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");

    final TestDatabase db;
    final UserAccounts accounts;
    final RepositoryRegistry registry;
    final CommitFactStore store;
    final StatsQueries queries;
    final OutlierReview review;
    final long user;
    final long repo;

    Testbed(TestDatabase db) {
        this(db, ZoneOffset.UTC);
    }

    Testbed(TestDatabase db, ZoneId zone) {
        this(db, zone, "ada");
    }

    /** Another user on the same database: login, identity login@example.com, repository "main". */
    Testbed(TestDatabase db, ZoneId zone, String login) {
        this.db = db;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        this.accounts = new UserAccounts(db.dataSource(), clock);
        this.registry = new RepositoryRegistry(db.dataSource(), clock);
        this.store = new CommitFactStore(db.dataSource(), registry);
        this.queries = new StatsQueries(db.dataSource(), accounts, registry, clock);
        this.review = new OutlierReview(db.dataSource(), accounts, registry, queries);
        this.user = accounts.create(login, login, zone).id();
        accounts.addIdentities(user, List.of(login + "@example.com"));
        this.repo = registry.registerRepository(user, NewRepository.of("/git/" + login + "/main", SourceKind.LOCAL, "main"));
    }

    long repository(String name) {
        return registry.registerRepository(user, NewRepository.of("/git/" + name, SourceKind.LOCAL, name));
    }

    UserStats stats() {
        return queries.userStats(user, NOW);
    }

    Totals totals() {
        return stats().totals();
    }

    long rows(String table) {
        return db.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** What TotalsBuilder says about the facts, each sha once (the first occurrence, like the lowest repository id). */
    static Totals expected(Collection<CommitFact> facts) {
        Map<String, CommitFact> bySha = new LinkedHashMap<>();
        facts.forEach(f -> bySha.putIfAbsent(f.sha(), f));
        TotalsBuilder b = new TotalsBuilder();
        bySha.values().forEach(b::add);
        return b.build();
    }

    static Totals expected(List<CommitFact> a, List<CommitFact> b) {
        return expected(java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
    }
}
