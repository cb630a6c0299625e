package dev.commitstats.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.commitstats.config.UseCaseException;
import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;
import dev.commitstats.tokens.TokenCipher;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The digest e-mail against GreenMail, a real SMTP server, on both databases: the parts and headers, the unsubscribe
 * token, and never two e-mails for one user and week (a rerun, a retry after a failure, two senders racing).
 */
class DigestMailTests {

    private static final String BASE = "https://stats.example";

    private static GreenMail smtp() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    private static DigestMail sender(TestDatabase db, DigestHistory h, int port, String claimant) {
        JavaMailSenderImpl javaMail = new JavaMailSenderImpl();
        javaMail.setHost("127.0.0.1");
        javaMail.setPort(port);
        return new DigestMail(h.digests(), h.preferences(), new DigestDeliveries(db.dataSource(), h.clock()),
                new DigestRenderer(), links(db), h.accounts(), javaMail, DigestSettings.defaults(), BASE, claimant,
                h.clock());
    }

    private static UnsubscribeLinks links(TestDatabase db) {
        return new UnsubscribeLinks(TokenCipher.open("", db.dataDir()));
    }

    /** Ada opted in during W48: her first digest is W48's, due on Monday 30 November from 08:00 London time. */
    private static DigestHistory optedIn(TestDatabase db) {
        DigestHistory h = DigestHistory.create(db);
        h.preferences().change(h.user(), true, null, IsoWeek.parse("2026-W47"));
        return h;
    }

    private static List<String> parts(Part part) throws Exception {
        List<String> types = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                types.addAll(parts(multipart.getBodyPart(i)));
            }
        } else {
            types.add(part.getContentType().replaceAll(";.*", "").trim().toLowerCase());
        }
        return types;
    }

    private static String body(Part part, String type) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String b = body(multipart.getBodyPart(i), type);
                if (b != null) {
                    return b;
                }
            }
            return null;
        }
        return part.isMimeType(type) ? (String) part.getContent() : null;
    }

    @DatabaseTest
    void theDigestIsMailedOnceAsHtmlAndTextWithOneClickUnsubscribe(TestDatabase db) throws Exception {
        DigestHistory h = optedIn(db);
        GreenMail smtp = smtp();
        try {
            h.clock().set(Instant.parse("2026-11-30T07:59:00Z")); // Monday, before 08:00 in London
            DigestMail mail = sender(db, h, smtp.getSmtp().getPort(), "one");
            assertThat(mail.sendDue().sent()).isZero();

            h.clock().set(DigestHistory.MONDAY_MORNING);
            assertThat(mail.sendDue()).isEqualTo(new DigestMail.Report(1, 0, List.of()));
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage m = received[0];
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
            assertThat(m.getSubject()).isEqualTo("Your week in code: 5 commits (2026-W48)");
            assertThat(parts(m)).containsExactlyInAnyOrder("text/plain", "text/html");
            String text = body(m, "text/plain");
            String html = body(m, "text/html");
            assertThat(text).contains("You committed 5 times on 4 of 7 days, 150% more than your 13-week average")
                    .contains(BASE + "/user/digest?week=2026-W48");
            assertThat(html).contains("<svg").contains("150% more than your 13-week average").doesNotContain("<script");
            assertThat(GreenMailUtil.getWholeMessage(m)).doesNotContainIgnoringCase(DigestHistory.SECRET_NAME)
                    .doesNotContainIgnoringCase(DigestHistory.SECRET_OWNER);
            assertThat(m.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            String unsubscribe = m.getHeader("List-Unsubscribe")[0];
            assertThat(unsubscribe).startsWith("<" + BASE + "/digest/unsubscribe?token=").endsWith(">");
            assertThat(text).contains(unsubscribe.substring(1, unsubscribe.length() - 1));
            assertThat(h.preferences().of(h.user()).lastSentWeek()).isEqualTo(IsoWeek.parse("2026-W48"));

            // the job again an hour later (or retried): nothing new
            h.clock().set(DigestHistory.MONDAY_MORNING.plusSeconds(3600));
            assertThat(mail.sendDue().sent()).isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(1);

            // the link names Ada; once used, next Monday sends nothing
            String token = unsubscribe.substring(unsubscribe.indexOf("token=") + 6, unsubscribe.length() - 1);
            assertThat(links(db).userId(token)).isEqualTo(h.user());
            h.preferences().unsubscribe(links(db).userId(token));
            h.clock().set(DigestHistory.MONDAY_MORNING.plusSeconds(7 * 24 * 3600));
            assertThat(mail.sendDue().sent()).isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        } finally {
            smtp.stop();
        }
    }

    @DatabaseTest
    void aFailedSendIsRetriedAndAnythingSentIsNotSentAgain(TestDatabase db) throws Exception {
        DigestHistory h = optedIn(db);
        long bob = h.accounts().create("bob", null, java.time.ZoneId.of("Europe/London")).id();
        h.accounts().addIdentities(bob, List.of("bob@example.com"));
        h.preferences().change(bob, true, null, IsoWeek.parse("2026-W47"));
        GreenMail smtp = smtp();
        int port = smtp.getSmtp().getPort();
        smtp.stop(); // the SMTP server is down: both fail, nothing is claimed for good
        DigestMail mail = sender(db, h, port, "one");
        DigestMail.Report down = mail.sendDue();
        assertThat(down.sent()).isZero();
        assertThat(down.failed()).hasSize(2);
        assertThatThrownBy(() -> new DigestJobs(mail).sendDue()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 weekly digest(s) could not be sent");

        GreenMail again = new GreenMail(new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        again.start();
        try {
            new DigestJobs(mail).sendDue(); // JobRunr's retry
            assertThat(again.getReceivedMessages()).hasSize(2);
            new DigestJobs(mail).sendDue(); // and one more
            assertThat(again.getReceivedMessages()).hasSize(2);
        } finally {
            again.stop();
        }
    }

    @DatabaseTest
    void twoSendersRacingOnOneDatabaseSendEachDigestOnce(TestDatabase db) throws Exception {
        DigestHistory h = optedIn(db);
        for (int i = 0; i < 5; i++) {
            long u = h.accounts().create("user" + i, null, java.time.ZoneId.of("Europe/London")).id();
            h.accounts().addIdentities(u, List.of("user" + i + "@example.com"));
            h.preferences().change(u, true, null, IsoWeek.parse("2026-W47"));
        }
        GreenMail smtp = smtp();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            DigestMail one = sender(db, h, smtp.getSmtp().getPort(), "instance-1");
            DigestMail two = sender(db, h, smtp.getSmtp().getPort(), "instance-2");
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<DigestMail.Report> a = () -> {
                start.await();
                return one.sendDue();
            };
            Callable<DigestMail.Report> b = () -> {
                start.await();
                return two.sendDue();
            };
            List<Future<DigestMail.Report>> runs = pool.invokeAll(List.of(a, b));
            int sent = runs.get(0).get().sent() + runs.get(1).get().sent();
            assertThat(runs.get(0).get().failed()).isEmpty();
            assertThat(runs.get(1).get().failed()).isEmpty();
            assertThat(sent).isEqualTo(6);
            assertThat(smtp.getReceivedMessages()).hasSize(6);
            assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).map(m -> {
                try {
                    return m.getAllRecipients()[0].toString();
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).distinct()).hasSize(6);
        } finally {
            pool.shutdownNow();
            smtp.stop();
        }
    }

    @DatabaseTest
    void aTamperedOrForeignUnsubscribeTokenIsRefused(TestDatabase db) {
        DigestHistory h = DigestHistory.create(db);
        UnsubscribeLinks links = links(db);
        String token = links.token(h.user());
        assertThat(links.userId(token)).isEqualTo(h.user());
        String otherUser = (h.user() + 1) + token.substring(token.indexOf('.'));
        for (String bad : List.of(otherUser, token.substring(0, token.length() - 2), "", "1.abc", "x.y", "nodot")) {
            assertThatThrownBy(() -> links.userId(bad)).as(bad).isInstanceOf(UseCaseException.class)
                    .hasMessageContaining("not valid");
        }
    }

    @DatabaseTest
    void optingInNeedsOneOfTheUsersOwnEmails(TestDatabase db) {
        DigestHistory h = DigestHistory.create(db);
        assertThatThrownBy(() -> h.preferences().change(h.user(), true, "someone@else.example",
                IsoWeek.parse("2026-W48"))).isInstanceOf(UseCaseException.class)
                .hasMessageContaining("not one of your commit emails");
        DigestPreferences.Preferences p = h.preferences().change(h.user(), true, null, IsoWeek.parse("2026-W48"));
        assertThat(p).isEqualTo(new DigestPreferences.Preferences(true, "ada@example.com", IsoWeek.parse("2026-W48")));
    }
}
