package dev.commitstats.repos.mirror;

import java.util.stream.Collectors;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

/**
 * Everything logged in this JVM, down to TRACE, from creation until closed: each message with the full text of any
 * exception logged with it, so a test can check a secret appears in none. Lowers the root level while open and
 * restores it on close; not for tests that run in parallel.
 */
public final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previous = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public CapturedLogs() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
    }

    /** The captured events, one per line, with their exceptions' stack traces. */
    public String text() {
        return appender.list.stream().map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        root.setLevel(previous);
        root.detachAppender(appender);
        appender.stop();
    }
}
