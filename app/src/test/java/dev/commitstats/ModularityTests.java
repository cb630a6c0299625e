package dev.commitstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules (direct sub-packages of {@code dev.commitstats}) and their boundaries: no cycles, no module reaching
 * into another's internals (its sub-packages, unless a named interface), only the dependencies each module declares in
 * its {@code package-info.java}.
 */
class ModularityTests {

    /**
     * The application's modules. The engine ({@code dev.commitstats.core}, a library of its own Maven module that knows
     * nothing of the application) and the process entry point {@link Main} (which only hands over to the command
     * line) are not modules.
     */
    static final ApplicationModules MODULES = ApplicationModules.of(CommitStatsApplication.class,
            JavaClass.Predicates.resideInAPackage("dev.commitstats.core..")
                    .or(JavaClass.Predicates.equivalentTo(Main.class)));

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theModulesAreTheOnesTheDesignNames() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString).sorted().toList())
                .containsExactlyElementsOf(List.of("accounts", "assembly", "cli", "collection", "config", "cv", "digest",
                        "providers", "repos", "stats", "tokens", "web"));
    }

    @Test
    void theFactWritePathIsOpenToCollectionOnly() {
        var stats = MODULES.getModuleByName("stats").orElseThrow();
        for (ApplicationModule module : MODULES) {
            boolean writes = module.getDirectDependencies(MODULES).stream()
                    .anyMatch(d -> d.getTargetType().getName().equals("dev.commitstats.stats.CommitFactStore"));
            if (writes) {
                assertThat(module.getIdentifier().toString()).as("writes commit facts")
                        .isIn("collection", "assembly", "stats");
            }
        }
        assertThat(stats).isNotNull();
    }
}
