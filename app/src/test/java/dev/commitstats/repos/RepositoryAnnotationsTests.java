package dev.commitstats.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.core.mining.SkipRules;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import org.assertj.core.api.ThrowableAssert;

/** The owner's skipped paths and commits per repository, on both databases. */
class RepositoryAnnotationsTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String SHA2 = "fedcba9876543210fedcba9876543210fedcba98";

    private record Setup(RepositoryAnnotations annotations, long ada, long bob, long repo, long bobsRepo) {
    }

    private static Setup setup(TestDatabase db) {
        UserAccounts accounts = new UserAccounts(db.dataSource(), CLOCK);
        RepositoryRegistry registry = new RepositoryRegistry(db.dataSource(), CLOCK);
        long ada = accounts.create("ada", null, ZoneOffset.UTC).id();
        long bob = accounts.create("bob", null, ZoneOffset.UTC).id();
        long repo = registry.registerRepository(ada, NewRepository.of("/srv/git/shop", SourceKind.LOCAL, "shop"));
        long bobs = registry.registerRepository(bob, NewRepository.of("/srv/git/bobs", SourceKind.LOCAL, "bobs"));
        return new Setup(new RepositoryAnnotations(db.dataSource(), registry, CLOCK), ada, bob, repo, bobs);
    }

    private static RepositoryAnnotations.Change skip(Set<String> paths, Set<String> commits) {
        return new RepositoryAnnotations.Change(paths, Set.of(), commits, Set.of());
    }

    private static RepositoryAnnotations.Change unskip(Set<String> paths, Set<String> commits) {
        return new RepositoryAnnotations.Change(Set.of(), paths, Set.of(), commits);
    }

    @DatabaseTest
    void theOwnerSkipsAndUnskipsPathsAndCommits(TestDatabase db) {
        Setup s = setup(db);
        assertThat(s.annotations().annotations(s.ada(), s.repo()).skippedPaths()).isEmpty();
        assertThat(s.annotations().skipRules(s.repo())).isEqualTo(SkipRules.NONE);

        RepositoryAnnotations.Annotated r = s.annotations().annotate(s.ada(), s.repo(),
                skip(Set.of("vendor/", "*.min.js"), Set.of(SHA.toUpperCase())));
        assertThat(r.skippedPaths()).containsExactly("*.min.js", "vendor/");
        assertThat(r.skippedCommits()).containsExactly(SHA);
        assertThat(r.recountNeeded()).as("the stored facts were mined without these paths").isTrue();
        assertThat(r.collectionNeeded()).isTrue();
        assertThat(s.annotations().annotations(s.ada(), s.repo()))
                .isEqualTo(new RepositoryAnnotations.Annotations(s.repo(), List.of("*.min.js", "vendor/"), List.of(SHA)));
        assertThat(s.annotations().skipRules(s.repo()))
                .isEqualTo(SkipRules.of(List.of("vendor/", "*.min.js"), List.of(SHA)));

        RepositoryAnnotations.Annotated again = s.annotations().annotate(s.ada(), s.repo(),
                skip(Set.of("vendor/"), Set.of(SHA)));
        assertThat(again.changed()).as("skipping what is skipped changes nothing").isFalse();
        assertThat(again.collectionNeeded()).isFalse();

        // a collection mined with these paths: changing a commit only needs no recount
        s.annotations().saveMinedPathSkips(s.repo(), s.annotations().skipRules(s.repo()).pathsDigest());
        RepositoryAnnotations.Annotated commitOnly = s.annotations().annotate(s.ada(), s.repo(),
                new RepositoryAnnotations.Change(Set.of(), Set.of(), Set.of(SHA2), Set.of(SHA)));
        assertThat(commitOnly.recountNeeded()).isFalse();
        assertThat(commitOnly.collectionNeeded()).isTrue();
        assertThat(commitOnly.annotations().skippedCommits()).containsExactly(SHA2);

        RepositoryAnnotations.Annotated unskipped = s.annotations().annotate(s.ada(), s.repo(),
                unskip(Set.of("vendor/"), Set.of()));
        assertThat(unskipped.unskippedPaths()).containsExactly("vendor/");
        assertThat(unskipped.recountNeeded()).isTrue();
        RepositoryAnnotations.Annotated back = s.annotations().annotate(s.ada(), s.repo(),
                skip(Set.of("vendor/"), Set.of()));
        assertThat(back.recountNeeded()).as("back to what the facts were mined with").isFalse();
    }

    @DatabaseTest
    void anotherUsersRepositoryIsNotFound(TestDatabase db) {
        Setup s = setup(db);
        s.annotations().annotate(s.bob(), s.bobsRepo(), skip(Set.of("secret/"), Set.of()));
        refused(() -> s.annotations().annotations(s.ada(), s.bobsRepo()), UseCaseException.Kind.NOT_FOUND,
                "no repository " + s.bobsRepo());
        refused(() -> s.annotations().annotate(s.ada(), s.bobsRepo(), unskip(Set.of("secret/"), Set.of())),
                UseCaseException.Kind.NOT_FOUND, "no repository " + s.bobsRepo());
        refused(() -> s.annotations().annotations(s.ada(), 999_999), UseCaseException.Kind.NOT_FOUND,
                "no repository 999999");
        assertThat(s.annotations().annotations(s.bob(), s.bobsRepo()).skippedPaths()).containsExactly("secret/");
    }

    @DatabaseTest
    void invalidInputIsRefusedWithTheReasonAndChangesNothing(TestDatabase db) {
        Setup s = setup(db);
        s.annotations().annotate(s.ada(), s.repo(), skip(Set.of("docs/"), Set.of(SHA)));
        RepositoryAnnotations.Annotations before = s.annotations().annotations(s.ada(), s.repo());
        refused(() -> s.annotations().annotate(s.ada(), s.repo(), skip(Set.of("build/", "../etc"), Set.of())),
                UseCaseException.Kind.INVALID, "invalid path pattern '../etc': '..' is not allowed: paths start at the "
                        + "root of the repository");
        refused(() -> s.annotations().annotate(s.ada(), s.repo(), skip(Set.of(""), Set.of())),
                UseCaseException.Kind.INVALID, "invalid path pattern '': it is empty");
        refused(() -> s.annotations().annotate(s.ada(), s.repo(), skip(Set.of("C:/work/vendor"), Set.of())),
                UseCaseException.Kind.INVALID, "invalid path pattern 'C:/work/vendor': it is a path on this machine: "
                        + "give a path inside the repository, such as vendor/ or docs/*.md");
        refused(() -> s.annotations().annotate(s.ada(), s.repo(), skip(Set.of(), Set.of("abc1234"))),
                UseCaseException.Kind.INVALID,
                "invalid commit 'abc1234': give the full 40-character sha (git rev-parse abc1234 prints it)");
        refused(() -> s.annotations().annotate(s.ada(), s.repo(), unskip(Set.of("build/"), Set.of())),
                UseCaseException.Kind.INVALID, "path pattern 'build/' is not skipped in repository " + s.repo());
        refused(() -> s.annotations().annotate(s.ada(), s.repo(), new RepositoryAnnotations.Change(Set.of("build/"),
                        Set.of("docs/"), Set.of(), Set.of(SHA2))),
                UseCaseException.Kind.INVALID, "commit '" + SHA2 + "' is not skipped in repository " + s.repo());
        refused(() -> s.annotations().annotate(s.ada(), s.repo(), new RepositoryAnnotations.Change(Set.of("docs/"),
                        Set.of("docs/"), Set.of(), Set.of())),
                UseCaseException.Kind.INVALID, "path pattern 'docs/' is both skipped and unskipped");
        refused(() -> s.annotations().annotate(s.ada(), s.repo(), skip(Set.of(), Set.of())),
                UseCaseException.Kind.INVALID, "nothing to change: name paths or commits to skip or unskip");
        assertThat(s.annotations().annotations(s.ada(), s.repo())).as("all or nothing").isEqualTo(before);
    }

    @DatabaseTest
    void atMostTwoHundredPatternsPerRepository(TestDatabase db) {
        Setup s = setup(db);
        Set<String> many = new HashSet<>();
        for (int i = 0; i < SkipRules.MAX_PATHS; i++) {
            many.add("generated/part" + i + "/");
        }
        s.annotations().annotate(s.ada(), s.repo(), skip(many, Set.of()));
        refused(() -> s.annotations().annotate(s.ada(), s.repo(), skip(Set.of("one/more/"), Set.of())),
                UseCaseException.Kind.INVALID, "repository " + s.repo() + " would skip 201 path patterns: at most 200");
        List<String> commits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            commits.add(String.format("%040x", i + 1));
        }
        assertThat(s.annotations().annotate(s.ada(), s.repo(), skip(Set.of(), Set.copyOf(commits)))
                .annotations().skippedCommits()).containsExactlyElementsOf(commits);
    }

    private static void refused(ThrowableAssert.ThrowingCallable call, UseCaseException.Kind kind, String message) {
        assertThatThrownBy(call).isInstanceOf(UseCaseException.class).hasMessage(message)
                .satisfies(e -> assertThat(((UseCaseException) e).kind()).isEqualTo(kind));
    }
}
