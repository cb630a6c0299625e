package dev.commitstats.digest;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The digest as an e-mail's HTML and plain text, and as the command's preview. The HTML is the template
 * {@code digest-mail.html}, which includes the same {@code digest-body} fragment the page {@code /user/digest} shows;
 * it is rendered by a Thymeleaf engine of its own (no Spring context, so the command can use it), with every link
 * absolute. Thread-safe.
 */
public final class DigestRenderer {

    private final SpringTemplateEngine engine;

    public DigestRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(DigestRenderer.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    /**
     * The links an e-mail carries.
     *
     * @param page        the digest's page on the instance
     * @param unsubscribe the one-click unsubscribe link, or null in a preview
     */
    public record Links(String page, @Nullable String unsubscribe) {
    }

    /** The charts of a digest, as inline SVG. */
    record Charts(String weeks, String days) {
        static Charts of(WeeklyDigest d) {
            List<Long> weeks = d.weeks().stream().map(WeeklyDigest.WeekFigure::commits).toList();
            return new Charts(Sparkline.bars(weeks, "Commits per week, " + d.weeks().get(0).week() + " to "
                    + d.week() + ": " + weeks, weeks.size() - 1),
                    Sparkline.bars(d.days(), "Commits per day, Monday to Sunday: " + d.days(), -1));
        }
    }

    /** The e-mail's subject. */
    public String subject(WeeklyDigest d) {
        return "Your week in code: " + DigestSentences.count(d.commits(), "commit") + " (" + d.week() + ")";
    }

    /** A complete HTML document. */
    public String html(WeeklyDigest d, Links links) {
        Context context = new Context(java.util.Locale.ENGLISH, Map.of("digest", d, "charts", Charts.of(d),
                "links", links, "subject", subject(d)));
        return engine.process("digest-mail", context);
    }

    /** The same as plain text. */
    public String text(WeeklyDigest d, Links links) {
        StringBuilder out = new StringBuilder();
        out.append("Hello ").append(d.name()).append(",\n\n");
        out.append("Your ").append(DigestSentences.period(d.week())).append(" (").append(d.week()).append(")")
                .append(d.complete() ? "" : ", so far").append(":\n\n");
        for (String s : d.sentences()) {
            out.append("- ").append(s).append('\n');
        }
        out.append("\nCommits per day, Monday to Sunday: ").append(d.days()).append('\n');
        out.append("Commits per week, the 13 weeks before and this one: ")
                .append(d.weeks().stream().map(WeeklyDigest.WeekFigure::commits).toList()).append('\n');
        out.append("\nThe digest on Commit Stats: ").append(links.page()).append('\n');
        if (links.unsubscribe() != null) {
            out.append("No more digests by e-mail (one click): ").append(links.unsubscribe()).append('\n');
        }
        return out.toString();
    }
}
