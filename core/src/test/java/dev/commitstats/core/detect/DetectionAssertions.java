package dev.commitstats.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shared helpers for the detector tests. */
final class DetectionAssertions {

    private DetectionAssertions() {
    }

    static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static List<Detection> detect(String path, String oldContent, String newContent) {
        return Detectors.standard().detect(path, bytes(oldContent), bytes(newContent));
    }

    /** Names of the PACKAGE detections of {@code ecosystem}; fails if any detection is of another kind. */
    static List<String> packages(String ecosystem, String path, String oldContent, String newContent) {
        List<Detection> detections = detect(path, oldContent, newContent);
        assertThat(detections).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DetectionKind.PACKAGE);
            assertThat(d.ecosystem()).isEqualTo(ecosystem);
        });
        return detections.stream().map(Detection::name).toList();
    }
}
