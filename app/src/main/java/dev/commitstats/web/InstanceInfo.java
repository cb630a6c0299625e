package dev.commitstats.web;

import dev.commitstats.config.CommitStatsProperties;
import dev.commitstats.config.Database;
import org.springframework.stereotype.Component;

/** What this instance is: its version and the kind of database it stores into (never the URL or credentials). */
@Component
final class InstanceInfo {

    /** The public description of an instance. */
    record Description(String version, String database) {}

    private final Description description;

    InstanceInfo(CommitStatsProperties properties) {
        String version = InstanceInfo.class.getPackage().getImplementationVersion();
        this.description = new Description(version == null ? "dev" : version,
                Database.Vendor.of(properties.effectiveDatabaseUrl()).folder());
    }

    Description describe() {
        return description;
    }
}
