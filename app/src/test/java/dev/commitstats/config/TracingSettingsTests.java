package dev.commitstats.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code commitstats.tracing.*}: off unless an endpoint is set, and bad values refused with a message that says why. */
class TracingSettingsTests {

    @Test
    void offByDefaultOnWithAnEndpointOffAgainAtProbabilityZero() {
        assertThat(TracingSettings.defaults().enabled()).isFalse();
        assertThat(new TracingSettings(" http://collector:4318/v1/traces ", 1.0, null).enabled()).isTrue();
        assertThat(new TracingSettings("http://collector:4318/v1/traces", 0, Map.of()).enabled()).isFalse();
        assertThat(new TracingSettings("https://otlp.example.com/v1/traces", 0.25, null).endpointOrigin())
                .isEqualTo("https://otlp.example.com");
    }

    @Test
    void anEndpointThatIsNoHttpUrlOrHoldsCredentialsIsRefused() {
        assertThatThrownBy(() -> new TracingSettings("collector:4318", 1, null))
                .hasMessageContaining("must be an http:// or https:// URL");
        assertThatThrownBy(() -> new TracingSettings("grpc://collector:4317", 1, null))
                .hasMessageContaining("must be an http:// or https:// URL");
        assertThatThrownBy(() -> new TracingSettings("http://user:s3cret@collector:4318/v1/traces", 1, null))
                .hasMessageContaining("must not hold credentials").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new TracingSettings("http://collector:4318/v1/traces", 1.5, null))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new TracingSettings("http://collector:4318/v1/traces", Double.NaN, null))
                .hasMessageContaining("between 0 and 1");
    }
}
