package dev.commitstats.config;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanProcessors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's tracing (Spring Boot's OpenTelemetry starter: Micrometer Tracing over the OpenTelemetry SDK), switched
 * on and off by {@link TracingSettings} when the server starts. Boot's own switches are conditions on properties,
 * which the ahead-of-time build (the way {@code serve} starts) evaluates once, at build time; these two beans replace
 * Boot's sampler and span processors and decide at run time instead:
 * <ul>
 * <li>off (the default): the sampler records nothing, whatever an incoming {@code traceparent} says, and the tracer
 * has no processor and no exporter, so nothing is buffered, no thread is started and no connection is attempted;</li>
 * <li>on: parent-based sampling at the configured probability, and one batching processor that sends spans to the
 * OTLP endpoint (plus any other {@link SpanExporter} bean, such as a test's in-memory one).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    Sampler commitstatsSampler(TracingSettings settings) {
        return settings.enabled() ? Sampler.parentBased(Sampler.traceIdRatioBased(settings.samplingProbability()))
                : Sampler.alwaysOff();
    }

    @Bean
    SpanProcessors commitstatsSpanProcessors(TracingSettings settings, ObjectProvider<SpanExporter> others) {
        if (!settings.enabled()) {
            return SpanProcessors.of(List.of());
        }
        OtlpHttpSpanExporterBuilder otlp = OtlpHttpSpanExporter.builder().setEndpoint(settings.endpoint());
        settings.headers().forEach(otlp::addHeader);
        List<SpanExporter> exporters = new ArrayList<>(List.of(otlp.build()));
        others.orderedStream().forEach(exporters::add);
        LoggerFactory.getLogger(TracingConfiguration.class).info("tracing is on: {} of traces go to {}",
                settings.samplingProbability(), settings.endpointOrigin());
        return SpanProcessors.of(BatchSpanProcessor.builder(SpanExporter.composite(exporters)).build());
    }
}
