package dev.commitstats.core.detect;

import static dev.commitstats.core.detect.DetectionAssertions.packages;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MavenDetectionTest {

    static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-starter-parent</artifactId>
                <version>3.3.0</version>
              </parent>
              <groupId>com.example</groupId>
              <artifactId>demo</artifactId>
              <version>1.0.0</version>
              <properties>
                <jackson.group>com.fasterxml.jackson.core</jackson.group>
                <guava.version>33.0.0-jre</guava.version>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>software.amazon.awssdk</groupId>
                    <artifactId>bom</artifactId>
                    <version>2.25.0</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <dependencies>
                <!-- <dependency><groupId>commented</groupId><artifactId>out</artifactId></dependency> -->
                <dependency>
                  <groupId>org.springframework.boot</groupId>
                  <artifactId>spring-boot-starter-web</artifactId>
                  <exclusions>
                    <exclusion>
                      <groupId>org.springframework.boot</groupId>
                      <artifactId>spring-boot-starter-tomcat</artifactId>
                    </exclusion>
                  </exclusions>
                </dependency>
                <dependency>
                  <groupId>com.google.guava</groupId>
                  <artifactId>guava</artifactId>
                  <version>${guava.version}</version>
                </dependency>
                <dependency>
                  <groupId>${jackson.group}</groupId>
                  <artifactId>jackson-databind</artifactId>
                </dependency>
                <dependency>
                  <groupId>${project.groupId}</groupId>
                  <artifactId>demo-common</artifactId>
                  <version>${project.version}</version>
                </dependency>
                <dependency>
                  <groupId>${undefined.group}</groupId>
                  <artifactId>skipped</artifactId>
                </dependency>
                <dependency>
                  <artifactId>no-group-is-skipped</artifactId>
                </dependency>
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <scope>test</scope>
                </dependency>
              </dependencies>
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-surefire-plugin</artifactId>
                    <dependencies>
                      <dependency>
                        <groupId>org.junit.platform</groupId>
                        <artifactId>junit-platform-surefire-provider</artifactId>
                        <version>1.3.2</version>
                      </dependency>
                    </dependencies>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    @Test
    void addedPomReportsAllDependencies() {
        assertThat(packages("maven", "pom.xml", null, POM)).containsExactly(
                "software.amazon.awssdk:bom",
                "org.springframework.boot:spring-boot-starter-web",
                "com.google.guava:guava",
                "com.fasterxml.jackson.core:jackson-databind",
                "com.example:demo-common",
                "org.junit.jupiter:junit-jupiter",
                "org.junit.platform:junit-platform-surefire-provider");
    }

    @Test
    void editAddingOneDependencyReportsOnlyIt() {
        String edited = POM.replace("    <dependency>\n      <groupId>org.junit.jupiter</groupId>", """
                    <dependency>
                      <groupId>org.postgresql</groupId>
                      <artifactId>postgresql</artifactId>
                      <scope>runtime</scope>
                    </dependency>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>""");
        assertThat(edited).isNotEqualTo(POM);
        assertThat(packages("maven", "services/app/pom.xml", POM, edited)).containsExactly("org.postgresql:postgresql");
    }

    @Test
    void versionBumpReportsNothing() {
        String bumped = POM.replace("33.0.0-jre", "33.2.1-jre").replace("2.25.0", "2.26.0");
        assertThat(packages("maven", "pom.xml", POM, bumped)).isEmpty();
    }

    @Test
    void removedDependencyReportsNothing() {
        String removed = POM.replace("""
                    <dependency>
                      <groupId>com.google.guava</groupId>
                      <artifactId>guava</artifactId>
                      <version>${guava.version}</version>
                    </dependency>
                """, "");
        assertThat(removed).isNotEqualTo(POM);
        assertThat(packages("maven", "pom.xml", POM, removed)).isEmpty();
        assertThat(packages("maven", "pom.xml", POM, null)).isEmpty();
    }

    @Test
    void pomWithoutNamespaceWorks() {
        String pom = "<project><dependencies><dependency><groupId>a</groupId><artifactId>b</artifactId>"
                + "</dependency></dependencies></project>";
        assertThat(packages("maven", "pom.xml", null, pom)).containsExactly("a:b");
    }

    @Test
    void doctypeIsRejectedSoNoXxe() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <project><dependencies><dependency><groupId>&xxe;</groupId><artifactId>b</artifactId>
                </dependency></dependencies></project>
                """;
        assertThat(packages("maven", "pom.xml", null, xxe)).isEmpty();
        String billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <project><dependencies><dependency><groupId>&lol2;</groupId><artifactId>b</artifactId>
                </dependency></dependencies></project>
                """;
        assertThat(packages("maven", "pom.xml", null, billionLaughs)).isEmpty();
    }

    @Test
    void malformedSideReportsNothing() {
        assertThat(packages("maven", "pom.xml", null, "<project><dependencies>")).isEmpty();
        assertThat(packages("maven", "pom.xml", "<project", POM)).isEmpty();
        assertThat(packages("maven", "pom.xml", null, "<notaproject/>")).isEmpty();
        assertThat(packages("maven", "pom.xml", "", POM)).hasSize(7);
    }

    @Test
    void concurrentUseIsSafe() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<java.util.List<String>>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> packages("maven", "pom.xml", null, POM)));
            }
            for (java.util.concurrent.Future<java.util.List<String>> f : futures) {
                assertThat(f.get()).hasSize(7);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void selfReferencingPropertiesDoNotLoop() {
        String pom = """
                <project><properties><a>${b}</a><b>${a}</b><big>${big}${big}${big}</big></properties>
                <dependencies>
                <dependency><groupId>${a}</groupId><artifactId>x</artifactId></dependency>
                <dependency><groupId>${big}</groupId><artifactId>y</artifactId></dependency>
                <dependency><groupId>ok</groupId><artifactId>z</artifactId></dependency>
                </dependencies></project>
                """;
        assertThat(packages("maven", "pom.xml", null, pom)).containsExactly("ok:z");
    }
}
