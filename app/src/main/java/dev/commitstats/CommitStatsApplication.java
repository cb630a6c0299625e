package dev.commitstats;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.modulith.Modulithic;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;

/**
 * The Spring Boot server started by {@code commitstats serve}. The other commands run without Spring so that they
 * start in a fraction of a second.
 */
@SpringBootConfiguration
@Modulithic(systemName = "Commit Stats")
@EnableAutoConfiguration
@ConfigurationPropertiesScan
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = org.springframework.context.annotation.FilterType.REGEX,
        pattern = "dev\\.commitstats\\.cli\\..*"))
public class CommitStatsApplication {

    /**
     * Only for Spring's ahead-of-time processing at build time ({@code process-aot} in the POM), which needs a main
     * method that runs the application; users start the server with {@code commitstats serve} ({@link Main}).
     */
    public static void main(String[] args) {
        org.springframework.boot.SpringApplication.run(CommitStatsApplication.class, args);
    }
}
