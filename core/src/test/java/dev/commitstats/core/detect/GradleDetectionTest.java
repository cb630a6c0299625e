package dev.commitstats.core.detect;

import static dev.commitstats.core.detect.DetectionAssertions.packages;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GradleDetectionTest {

    static final String GROOVY = """
            plugins {
                id 'java'
                id 'org.springframework.boot' version '3.3.0'
            }

            repositories { mavenCentral() }

            dependencies {
                implementation 'org.springframework.boot:spring-boot-starter-web'
                implementation "com.google.guava:guava:$guavaVersion"
                api 'org.apache.commons:commons-lang3:3.14.0'
                compileOnly 'org.projectlombok:lombok:1.18.32'
                annotationProcessor 'org.projectlombok:lombok:1.18.32'
                runtimeOnly group: 'org.postgresql', name: 'postgresql', version: '42.7.3'
                implementation platform('software.amazon.awssdk:bom:2.25.0')
                implementation project(':common')
                implementation files('libs/local.jar')
                implementation libs.okhttp
                testImplementation 'org.junit.jupiter:junit-jupiter:5.10.2', 'org.assertj:assertj-core:3.25.3'
                testRuntimeOnly 'org.junit.platform:junit-platform-launcher'
                debugImplementation 'com.squareup.leakcanary:leakcanary-android:2.14@aar'
                // implementation 'commented:out:1.0'
                /* implementation 'block:commented:1.0' */
                kapt 'com.google.dagger:dagger-compiler:2.51'
                implementation "${group}:interpolated:1.0"
            }

            task hello {
                doLast { println "implementation 'not:a-dependency:1.0' // really" }
            }
            """;

    static final String KOTLIN = """
            plugins {
                kotlin("jvm") version "2.0.0"
            }

            dependencies {
                implementation(kotlin("stdlib"))
                implementation("io.ktor:ktor-server-core:2.3.11")
                implementation(platform("org.jetbrains.kotlinx:kotlinx-coroutines-bom:1.8.1"))
                implementation(group = "com.squareup.okio", name = "okio", version = "3.9.0")
                testImplementation(
                    "io.kotest:kotest-runner-junit5:5.9.0"
                )
                ksp("io.insert-koin:koin-ksp-compiler:1.3.1")
                implementation(libs.kotlinx.serialization)
                classpath("com.android.tools.build:gradle:8.4.0")
            }
            """;

    @Test
    void addedGroovyBuildReportsAllDependencies() {
        assertThat(packages("maven", "build.gradle", null, GROOVY)).containsExactly(
                "org.springframework.boot:spring-boot-starter-web",
                "com.google.guava:guava",
                "org.apache.commons:commons-lang3",
                "org.projectlombok:lombok",
                "org.postgresql:postgresql",
                "software.amazon.awssdk:bom",
                "org.junit.jupiter:junit-jupiter",
                "org.assertj:assertj-core",
                "org.junit.platform:junit-platform-launcher",
                "com.squareup.leakcanary:leakcanary-android",
                "com.google.dagger:dagger-compiler");
    }

    @Test
    void addedKotlinBuildReportsAllDependencies() {
        assertThat(packages("maven", "app/build.gradle.kts", null, KOTLIN)).containsExactly(
                "org.jetbrains.kotlin:kotlin-stdlib",
                "io.ktor:ktor-server-core",
                "org.jetbrains.kotlinx:kotlinx-coroutines-bom",
                "com.squareup.okio:okio",
                "io.kotest:kotest-runner-junit5",
                "io.insert-koin:koin-ksp-compiler");
    }

    @Test
    void editAddingOneDependencyReportsOnlyIt() {
        String edited = GROOVY.replace("    kapt ", "    implementation 'io.micrometer:micrometer-core:1.13.0'\n    kapt ");
        assertThat(packages("maven", "build.gradle", GROOVY, edited)).containsExactly("io.micrometer:micrometer-core");
    }

    @Test
    void versionBumpReportsNothing() {
        String bumped = KOTLIN.replace("2.3.11", "2.3.12").replace("3.9.0", "3.9.1");
        assertThat(packages("maven", "build.gradle.kts", KOTLIN, bumped)).isEmpty();
    }

    @Test
    void removedDependencyReportsNothing() {
        String removed = GROOVY.replace("    api 'org.apache.commons:commons-lang3:3.14.0'\n", "");
        assertThat(removed).isNotEqualTo(GROOVY);
        assertThat(packages("maven", "build.gradle", GROOVY, removed)).isEmpty();
    }

    @Test
    void unterminatedStringsAndCommentsAreHarmless() {
        assertThat(packages("maven", "build.gradle", null, "implementation 'a:b\nimplementation 'c:d:1'\n/* open"))
                .containsExactly("c:d");
        assertThat(packages("maven", "build.gradle", null, "implementation \"\"\"x:y:1")).isEmpty();
    }
}
