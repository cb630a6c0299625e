package dev.commitstats.digest;

import dev.commitstats.accounts.User;
import dev.commitstats.accounts.UserAccounts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the weekly digests that are due by e-mail, each at most once per user and week ({@link DigestDeliveries}):
 * to users who opted in ({@link DigestPreferences}), once it is Monday {@code sendHour}:00 or later in their time zone
 * (until the end of that week, so an instance that was down on Monday catches up), for the week before. Each e-mail is
 * multipart (HTML and plain text) with a one-click unsubscribe link and the {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post} headers (RFC 8058). Returns what it did; prints nothing. Thread-safe.
 */
public final class DigestMail {

    private static final Logger LOG = LoggerFactory.getLogger(DigestMail.class);

    /**
     * What one run did.
     *
     * @param sent    e-mails the SMTP server accepted
     * @param skipped users whose digest was not due, already sent, or claimed by another sender
     * @param failed  users whose e-mail could not be sent, with the reason (a later run tries again)
     */
    public record Report(int sent, int skipped, List<String> failed) {
        public Report {
            failed = List.copyOf(failed);
        }
    }

    private final WeeklyDigests digests;
    private final DigestPreferences preferences;
    private final DigestDeliveries deliveries;
    private final DigestRenderer renderer;
    private final UnsubscribeLinks unsubscribe;
    private final UserAccounts accounts;
    private final JavaMailSender mailSender;
    private final DigestSettings settings;
    private final String baseUrl;
    private final String claimant;
    private final Clock clock;

    /**
     * @param baseUrl  the instance's address for the e-mail's links
     * @param claimant names this sender in its claims (the instance), for diagnostics
     */
    public DigestMail(WeeklyDigests digests, DigestPreferences preferences, DigestDeliveries deliveries,
            DigestRenderer renderer, UnsubscribeLinks unsubscribe, UserAccounts accounts, JavaMailSender mailSender,
            DigestSettings settings, String baseUrl, String claimant, Clock clock) {
        this.digests = digests;
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.renderer = renderer;
        this.unsubscribe = unsubscribe;
        this.accounts = accounts;
        this.mailSender = mailSender;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.claimant = claimant;
        this.clock = clock;
    }

    /** Sends every digest that is due now. */
    public Report sendDue() {
        int sent = 0;
        int skipped = 0;
        List<String> failed = new ArrayList<>();
        for (long userId : preferences.optedIn()) {
            Optional<User> user = accounts.user(userId);
            if (user.isEmpty()) {
                continue;
            }
            Optional<IsoWeek> due = dueWeek(user.get());
            DigestPreferences.Preferences p = preferences.of(userId);
            if (due.isEmpty() || p.address() == null
                    || p.lastSentWeek() != null && p.lastSentWeek().compareTo(due.get()) >= 0) {
                skipped++;
                continue;
            }
            try {
                if (send(user.get(), p.address(), due.get())) {
                    sent++;
                } else {
                    skipped++;
                }
            } catch (RuntimeException e) {
                failed.add(user.get().login() + ": " + e.getMessage());
                LOG.warn("the weekly digest of {} for {} could not be sent: {}", user.get().login(), due.get(),
                        e.getMessage());
            }
        }
        return new Report(sent, skipped, failed);
    }

    /** The week whose digest is due for the user now: last week, from Monday {@code sendHour}:00 local on. */
    Optional<IsoWeek> dueWeek(User user) {
        ZonedDateTime local = clock.instant().atZone(user.timeZone());
        boolean due = local.getDayOfWeek() != DayOfWeek.MONDAY || local.getHour() >= settings.sendHour();
        return due ? Optional.of(IsoWeek.of(local.toLocalDate()).previous()) : Optional.empty();
    }

    /**
     * Sends the digest of {@code week} to {@code address} unless it was sent (or is being sent) already.
     *
     * @return whether this call sent it
     * @throws MailException when the SMTP server refused it; the claim is released for a later attempt
     */
    boolean send(User user, String address, IsoWeek week) {
        if (deliveries.claimed(user.id(), week)) {
            return false; // sent by another sender, or by a run that died while sending: never twice
        }
        WeeklyDigest digest = digests.digest(user.id(), week);
        MimeMessage message = message(digest, user.id(), address);
        if (!deliveries.claim(user.id(), week, claimant)) {
            return false;
        }
        try {
            mailSender.send(message);
        } catch (RuntimeException e) {
            deliveries.release(user.id(), week);
            throw e;
        }
        deliveries.sent(user.id(), week);
        preferences.sent(user.id(), week);
        return true;
    }

    private MimeMessage message(WeeklyDigest digest, long userId, String address) {
        String link = baseUrl + "/digest/unsubscribe?token=" + unsubscribe.token(userId);
        DigestRenderer.Links links = new DigestRenderer.Links(baseUrl + "/user/digest?week=" + digest.week(), link);
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(address);
            helper.setSubject(renderer.subject(digest));
            helper.setSentDate(java.util.Date.from(clock.instant()));
            helper.setText(renderer.text(digest, links), renderer.html(digest, links));
            message.setHeader("List-Unsubscribe", "<" + link + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        } catch (MessagingException e) {
            throw new IllegalStateException("the digest e-mail cannot be composed: " + e.getMessage(), e);
        }
        return message;
    }
}
