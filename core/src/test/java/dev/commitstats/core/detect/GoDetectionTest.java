package dev.commitstats.core.detect;

import static dev.commitstats.core.detect.DetectionAssertions.packages;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoDetectionTest {

    static final String GO_MOD = """
            module github.com/acme/service

            go 1.22

            toolchain go1.22.3

            require github.com/spf13/cobra v1.8.0

            require (
            \tgithub.com/gin-gonic/gin v1.10.0
            \tgolang.org/x/sync v0.7.0 // keep
            \tgithub.com/stretchr/testify v1.9.0
            \t"gopkg.in/yaml.v3" v3.0.1
            )

            require (
            \tgithub.com/bytedance/sonic v1.11.6 // indirect
            \tgolang.org/x/net v0.25.0 // indirect; used by gin
            )

            replace (
            \tgithub.com/gin-gonic/gin => ../gin
            \tgithub.com/not/required v1.0.0 => github.com/fork/required v1.0.1
            )

            replace github.com/spf13/cobra => github.com/fork/cobra v1.8.1

            exclude golang.org/x/crypto v0.1.0
            """;

    @Test
    void addedGoModReportsDirectRequirements() {
        assertThat(packages("go", "go.mod", null, GO_MOD)).containsExactly(
                "github.com/spf13/cobra", "github.com/gin-gonic/gin", "golang.org/x/sync",
                "github.com/stretchr/testify", "gopkg.in/yaml.v3");
    }

    @Test
    void editAddingOneRequirementReportsOnlyIt() {
        String edited = GO_MOD.replace("\tgithub.com/stretchr/testify v1.9.0\n",
                "\tgithub.com/stretchr/testify v1.9.0\n\tgithub.com/jackc/pgx/v5 v5.6.0\n");
        assertThat(packages("go", "svc/go.mod", GO_MOD, edited)).containsExactly("github.com/jackc/pgx/v5");
    }

    @Test
    void versionBumpAndRemovalReportNothing() {
        assertThat(packages("go", "go.mod", GO_MOD, GO_MOD.replace("v1.10.0", "v1.10.1"))).isEmpty();
        assertThat(packages("go", "go.mod", GO_MOD, GO_MOD.replace("\tgolang.org/x/sync v0.7.0 // keep\n", "")))
                .isEmpty();
    }

    @Test
    void newIndirectRequirementIsNotReportedButPromotionToDirectIs() {
        String newIndirect = GO_MOD.replace("\tgolang.org/x/net v0.25.0 // indirect; used by gin\n",
                "\tgolang.org/x/net v0.25.0 // indirect; used by gin\n\tgithub.com/x/y v1.0.0 // indirect\n");
        assertThat(packages("go", "go.mod", GO_MOD, newIndirect)).isEmpty();
        String promoted = GO_MOD.replace("github.com/bytedance/sonic v1.11.6 // indirect",
                "github.com/bytedance/sonic v1.11.6");
        assertThat(packages("go", "go.mod", GO_MOD, promoted)).containsExactly("github.com/bytedance/sonic");
    }
}
