package dev.commitstats.collection;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Follows one collection from where it was asked for to what it changed, in one trace: the request that enqueued it
 * (a webhook delivery, a refresh) hands its W3C {@code traceparent} to the job as an argument ({@link #traceparent}),
 * and the job, run later by any instance's worker, opens the span {@value #COLLECT_SPAN} under it ({@link #collect}).
 * The listeners of {@link RepositoryCollected} run synchronously on the job's thread inside that span, so the CV
 * rebuild joins the same trace.
 *
 * <p>The span's attributes are numbers and names of the product only: the repository id, the trigger, the result,
 * the commits new, removed and recounted, a failure's classified reason. Never a URL, a token, a secret, an email, a
 * message (a failure message may quote a host's answer). With tracing off ({@code commitstats.tracing.endpoint} unset)
 * nothing is captured or opened: {@link #traceparent} is empty and {@link #collect} only calls the collection.
 * Thread-safe.
 */
final class CollectionTracing {

    /** The name of the span of one collect job. */
    static final String COLLECT_SPAN = "commitstats.collect";

    /** The argument of a job enqueued without a trace. */
    static final String NO_TRACE = "";

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;
    private final boolean enabled;

    CollectionTracing(Tracer tracer, Propagator propagator, boolean enabled) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.enabled = enabled;
    }

    /** The current span's W3C {@code traceparent}, to be stored with a job; {@link #NO_TRACE} when off or none. */
    String traceparent() {
        if (!enabled) {
            return NO_TRACE;
        }
        Span current = tracer.currentSpan();
        if (current == null) {
            return NO_TRACE;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(current.context(), carrier, Map::put);
        return carrier.getOrDefault(TRACEPARENT, NO_TRACE);
    }

    /**
     * Runs one collection in the span {@value #COLLECT_SPAN}, a child of {@code traceparent} (a new trace when it is
     * empty: a scheduled collection), with the outcome as attributes. Listeners of the events the collection publishes
     * run inside it.
     */
    CollectionOutcome collect(long repositoryId, CollectionTrigger trigger, String traceparent,
            Supplier<CollectionOutcome> collection) {
        if (!enabled) {
            return collection.get();
        }
        Span.Builder builder = traceparent.isEmpty() ? tracer.spanBuilder().setNoParent()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
        Span span = builder.name(COLLECT_SPAN).kind(Span.Kind.CONSUMER)
                .tag("commitstats.repository.id", repositoryId)
                .tag("commitstats.trigger", trigger.dbName())
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            CollectionOutcome outcome = collection.get();
            span.tag("commitstats.result", outcome.result().name().toLowerCase(Locale.ROOT))
                    .tag("commitstats.commits.new", outcome.newCommits())
                    .tag("commitstats.commits.removed", outcome.removedCommits() + outcome.skippedCommits())
                    .tag("commitstats.commits.recounted", outcome.recountedCommits())
                    .tag("commitstats.commits.total", outcome.totalCommits());
            CollectionFailure failure = outcome.failure();
            if (failure != null) {
                span.tag("commitstats.failure.reason", failure.reason())
                        .tag("commitstats.failure.kind", failure.kind().name().toLowerCase(Locale.ROOT))
                        .tag("error", failure.reason());
            }
            return outcome;
        } catch (RuntimeException e) {
            // the type only: an exception's message may quote a URL or a host's answer
            span.tag("error", e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
