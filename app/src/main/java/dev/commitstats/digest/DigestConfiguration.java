package dev.commitstats.digest;

import dev.commitstats.accounts.UserAccounts;
import dev.commitstats.config.CommitStatsProperties;
import dev.commitstats.tokens.TokenCipher;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import javax.sql.DataSource;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The server's weekly digest: the page, the API, the unsubscribe link, and, when Spring Boot set up a mail sender
 * ({@code spring.mail.host}), the hourly job that mails the digests that are due. The use cases themselves
 * ({@link WeeklyDigests}, {@link DigestPreferences}) come from the shared assembly, as for the command line.
 */
@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

    @Bean
    DigestDeliveries digestDeliveries(DataSource dataSource, Clock clock) {
        return new DigestDeliveries(dataSource, clock);
    }

    @Bean
    DigestRenderer digestRenderer() {
        return new DigestRenderer();
    }

    @Bean
    UnsubscribeLinks unsubscribeLinks(TokenCipher cipher) {
        return new UnsubscribeLinks(cipher);
    }

    @Bean
    DigestMail digestMail(WeeklyDigests digests, DigestPreferences preferences, DigestDeliveries deliveries,
            DigestRenderer renderer, UnsubscribeLinks unsubscribe, UserAccounts accounts,
            ObjectProvider<JavaMailSender> mailSender, DigestSettings settings, CommitStatsProperties properties,
            Clock clock) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return null;
        }
        return new DigestMail(digests, preferences, deliveries, renderer, unsubscribe, accounts, sender, settings,
                settings.baseUrl(properties.port()), ManagementFactory.getRuntimeMXBean().getName(), clock);
    }

    @Bean
    DigestJobs digestJobs(ObjectProvider<DigestMail> mail) {
        DigestMail m = mail.getIfAvailable();
        if (m == null) {
            return null;
        }
        return new DigestJobs(m);
    }

    /**
     * Once the server is up: the hourly job is declared when e-mail can be sent, else removed (an instance without
     * SMTP must not keep a job that another instance declared running into nothing).
     */
    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        JobScheduler scheduler = context.getBean(JobScheduler.class);
        if (context.getBeanProvider(JavaMailSender.class).getIfAvailable() != null) {
            DigestSettings settings = context.getBean(DigestSettings.class);
            if (settings.publicUrl().isEmpty()) {
                LoggerFactory.getLogger(DigestConfiguration.class).warn("the weekly digest e-mails link to "
                        + "http://localhost: set commitstats.digest.public-url to the address users reach");
            }
            scheduler.<DigestJobs>scheduleRecurrently(DigestJobs.JOB_ID, Cron.hourly(), j -> j.sendDue());
        } else {
            scheduler.deleteRecurringJob(DigestJobs.JOB_ID);
        }
    }
}
