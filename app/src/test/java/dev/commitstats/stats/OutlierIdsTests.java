package dev.commitstats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.commitstats.config.UseCaseException;
import org.junit.jupiter.api.Test;

/** The IDs of {@code commitstats outliers}: short, stable, read back exactly or refused. */
class OutlierIdsTests {

    private static final String A = "1a2b3c4d5e6f00000000000000000000000000aa";
    /** Shares ten characters with {@link #A}. */
    private static final String B = "1a2b3c4d5e7700000000000000000000000000bb";
    private static final String C = "ffffffff00000000000000000000000000000000";

    private static Outlier outlier(String sha, String path) {
        return new Outlier(1, "repo", sha, path, "SQL", 2500, 0, false);
    }

    private final Outlier a = outlier(A, "db/seed.sql");
    private final Outlier b = outlier(B, "db/seed.sql");
    private final Outlier bOther = outlier(B, "data/a:b.json");
    private final Outlier c = outlier(C, "db/seed.sql");
    private final OutlierIds ids = new OutlierIds(List.of(a, b, bOther, c));

    @Test
    void shasAreSevenCharactersUnlessAnotherListedCommitSharesThem() {
        assertThat(ids.id(c)).isEqualTo("fffffff:db/seed.sql");
        assertThat(ids.shortSha(a)).isEqualTo("1a2b3c4d5e6");
        assertThat(ids.shortSha(b)).isEqualTo("1a2b3c4d5e7");
        assertThat(ids.id(bOther)).isEqualTo("1a2b3c4d5e7:data/a:b.json");
    }

    @Test
    void everyPrintedIdResolvesToItsFile() {
        for (Outlier o : List.of(a, b, bOther, c)) {
            assertThat(ids.resolve(ids.id(o), "u")).isEqualTo(o);
        }
    }

    @Test
    void theWholeShaAnyCaseOrAnUnambiguousPrefixIsAccepted() {
        assertThat(ids.resolve(A + ":db/seed.sql", "u")).isEqualTo(a);
        assertThat(ids.resolve("FFFF:db/seed.sql", "u")).isEqualTo(c);
        // only one listed file has this path, so the shared prefix is enough
        assertThat(ids.resolve("1a2b3c4:data/a:b.json", "u")).isEqualTo(bOther);
    }

    @Test
    void anAmbiguousPrefixIsRefusedNotGuessed() {
        assertThatThrownBy(() -> ids.resolve("1a2b3c4:db/seed.sql", "u")).isInstanceOf(UseCaseException.class)
                .hasMessageContaining("ambiguous").hasMessageContaining("1a2b3c4d5e6f").hasMessageContaining("1a2b3c4d5e77")
                .hasMessageEndingWith("nothing changed");
    }

    @Test
    void unknownAndMalformedIdsAreRefused() {
        assertThatThrownBy(() -> ids.resolve("deadbee:db/seed.sql", "u")).isInstanceOf(UseCaseException.class)
                .hasMessage("user 'u' has no outlier file deadbee:db/seed.sql (list them with `commitstats outliers --user u`);"
                        + " nothing changed");
        assertThatThrownBy(() -> ids.resolve("fffffff:db/SEED.sql", "u")).hasMessageContaining("no outlier file");
        for (String bad : List.of("db/seed.sql", "fff:db/seed.sql", "xyzxyzx:db/seed.sql", "fffffff:", ":db/seed.sql", "")) {
            assertThatThrownBy(() -> ids.resolve(bad, "u")).as(bad).isInstanceOf(UseCaseException.class)
                    .hasMessageStartingWith("not an outlier ID");
        }
    }
}
