package dev.commitstats;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;

/**
 * The Spring Boot server started by {@code commitstats serve}. The other commands run without Spring so that they
 * start in a fraction of a second.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = org.springframework.context.annotation.FilterType.REGEX,
        pattern = "dev\\.commitstats\\.cli\\..*"))
public class CommitStatsApplication {
}
