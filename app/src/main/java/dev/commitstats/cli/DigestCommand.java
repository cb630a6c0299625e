package dev.commitstats.cli;

import dev.commitstats.assembly.Features;
import dev.commitstats.digest.DigestRenderer;
import dev.commitstats.digest.IsoWeek;
import dev.commitstats.digest.WeeklyDigest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code commitstats digest}: previews a user's weekly digest, as the page and the e-mail show it. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = {"Preview a user's weekly digest: an ISO week against the 13 weeks before.",
            "Text prints its sentences, json the whole digest (as GET /api/v1/digest), html the e-mail's HTML."})
final class DigestCommand implements Callable<Integer> {

    /** What the preview prints. */
    enum Format { text, json, html }

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Mixin
    UserOption user;

    @Option(names = "--week", paramLabel = "YYYY-Www",
            description = "The ISO week, e.g. 2026-W47 (default: the last complete week in the user's time zone).")
    String week;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or html.")
    Format format = Format.text;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Features features = storage.open("digest")) {
            WeeklyDigest digest = features.weeklyDigests().digest(user.login(),
                    week == null ? null : IsoWeek.parse(week));
            DigestRenderer renderer = new DigestRenderer();
            DigestRenderer.Links links = new DigestRenderer.Links("/user/digest?week=" + digest.week(), null);
            switch (format) {
                case json -> out.println(Json.pretty(digest));
                case html -> out.print(renderer.html(digest, links));
                default -> out.print(renderer.text(digest, links));
            }
            out.flush();
            return 0;
        }
    }
}
