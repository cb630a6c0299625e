package dev.commitstats.digest;

import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest's recurring job: every hour, the digests that are due go out ({@link DigestMail#sendDue}). Every
 * instance declares the same recurring job; JobRunr runs it once per hour across them, and the claims of
 * {@link DigestDeliveries} keep a retried or doubled run from sending anything twice.
 */
public class DigestJobs {

    /** The recurring job's id. */
    public static final String JOB_ID = "weekly-digest-mail";

    private static final Logger LOG = LoggerFactory.getLogger(DigestJobs.class);

    private final DigestMail mail;

    DigestJobs(DigestMail mail) {
        this.mail = mail;
    }

    /**
     * Sends what is due. Throws when some e-mail failed, so JobRunr retries the run (with backoff): what was sent is
     * not sent again.
     */
    @Job(name = "send the weekly digests that are due", retries = 2)
    public void sendDue() {
        DigestMail.Report report = mail.sendDue();
        if (report.sent() > 0) {
            LOG.info("weekly digests sent: {}", report.sent());
        }
        if (!report.failed().isEmpty()) {
            throw new IllegalStateException(report.failed().size() + " weekly digest(s) could not be sent: "
                    + String.join("; ", report.failed()));
        }
    }
}
