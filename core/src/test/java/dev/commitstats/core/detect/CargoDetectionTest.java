package dev.commitstats.core.detect;

import static dev.commitstats.core.detect.DetectionAssertions.packages;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CargoDetectionTest {

    static final String CARGO = """
            [package]
            name = "server"
            version = "0.1.0"
            edition = "2021"

            [dependencies]
            serde = { version = "1.0", features = ["derive"] }
            tokio = { version = "1", features = [
                "rt-multi-thread",
                "macros",
            ] }
            anyhow = "1.0.86"
            web = { package = "actix-web", version = "4" }
            shared = { path = "../shared" }
            regex.version = "1.10"

            [dependencies.reqwest]
            version = "0.12"
            default-features = false

            [dependencies.old_rand]
            package = "rand"
            version = "0.7"

            [dev-dependencies]
            criterion = "0.5"

            [build-dependencies]
            cc = "1.0"

            [target.'cfg(windows)'.dependencies]
            winapi = { version = "0.3", features = ["winuser"] }

            [target.x86_64-unknown-linux-gnu.dev-dependencies]
            nix = "0.29"

            [features]
            default = ["serde"]

            [profile.release]
            lto = true
            """;

    @Test
    void addedCargoTomlReportsAllCrates() {
        assertThat(packages("cargo", "Cargo.toml", null, CARGO)).containsExactly(
                "serde", "tokio", "anyhow", "actix-web", "shared", "regex", "reqwest", "rand", "criterion", "cc",
                "winapi", "nix");
    }

    @Test
    void editAddingOneCrateReportsOnlyIt() {
        String edited = CARGO.replace("anyhow = \"1.0.86\"\n", "anyhow = \"1.0.86\"\ntracing = \"0.1\"\n");
        assertThat(packages("cargo", "crates/server/Cargo.toml", CARGO, edited)).containsExactly("tracing");
    }

    @Test
    void versionBumpAndRemovalReportNothing() {
        assertThat(packages("cargo", "Cargo.toml", CARGO, CARGO.replace("1.0.86", "1.0.87"))).isEmpty();
        assertThat(packages("cargo", "Cargo.toml", CARGO, CARGO.replace("criterion = \"0.5\"\n", ""))).isEmpty();
    }

    @Test
    void renameToANewCrateIsReported() {
        String renamed = CARGO.replace("package = \"actix-web\"", "package = \"axum\"");
        assertThat(packages("cargo", "Cargo.toml", CARGO, renamed)).containsExactly("axum");
    }

    @Test
    void workspaceDependencies() {
        String workspace = """
                [workspace]
                members = ["crates/*"]

                [workspace.dependencies]
                serde = "1"
                thiserror = { version = "1" }
                """;
        assertThat(packages("cargo", "Cargo.toml", null, workspace)).containsExactly("serde", "thiserror");
    }

    @Test
    void malformedCargoTomlReportsNothing() {
        assertThat(packages("cargo", "Cargo.toml", null, "[dependencies]\nserde = { version = \"1\"\n")).isEmpty();
        assertThat(packages("cargo", "Cargo.toml", null, "[dependencies]\nserde = \"1\" junk\n")).isEmpty();
        assertThat(packages("cargo", "Cargo.toml", null, "[dependencies\nserde = \"1\"\n")).isEmpty();
    }
}
