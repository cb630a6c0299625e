package dev.commitstats.core.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Finds the tools and third-party packages a commit introduces, one changed file at a time.
 *
 * <h2>Tools</h2>
 * A tool is counted when the commit <em>adds</em> its file ({@code oldContent == null && newContent != null});
 * edits and deletions never count. The detection's name is the path of the added file.
 * <ul>
 *   <li>{@link DetectionKind#DOCKERFILE}: {@code Dockerfile}, {@code Containerfile}, {@code *.Dockerfile},
 *       {@code Dockerfile.*} and {@code Containerfile.*} at any depth, compared case-insensitively
 *       ({@code Dockerfile.dockerignore} excluded);</li>
 *   <li>{@link DetectionKind#HELM_CHART}: {@code Chart.yaml} at any depth;</li>
 *   <li>{@link DetectionKind#TERRAFORM_MODULE}: {@code main.tf} at any depth (a directory holds one, so this is one
 *       detection per module directory);</li>
 *   <li>{@link DetectionKind#CI_PIPELINE}: where each platform reads its pipelines. {@code .github/workflows/*.yml}
 *       and {@code *.yaml} (directly in the root {@code .github/workflows}), {@code .gitlab-ci.yml},
 *       {@code .circleci/config.yml}, {@code bitbucket-pipelines.yml} and {@code .travis.yml} at the repository root
 *       only; {@code Jenkinsfile} and {@code azure-pipelines.yml} / {@code .yaml} at any depth, since Jenkins and
 *       Azure Pipelines take the pipeline's path as configuration.</li>
 * </ul>
 *
 * <h2>Packages</h2>
 * For a dependency manifest the dependency sets of the old and new contents are parsed and the names present in the
 * new set but not in the old one are reported, in order of appearance: adding a manifest reports all its
 * dependencies, an edit only the added ones; version bumps, removals and deletions report nothing. Manifests and
 * their ecosystems: {@code pom.xml}, {@code build.gradle}, {@code build.gradle.kts} ({@code "maven"},
 * {@code group:artifact}); {@code package.json} ({@code "npm"}); {@code requirements*.txt},
 * {@code requirements/*.txt}, {@code pyproject.toml} ({@code "pypi"}, PEP 503-normalised); {@code go.mod}
 * ({@code "go"}, direct requirements only); {@code Cargo.toml} ({@code "cargo"}, real crate names). The exact rules
 * are documented on each (package-private) parser.
 *
 * <h2>Robustness</h2>
 * <ul>
 *   <li>Files under {@code node_modules/}, {@code vendor/} or {@code .terraform/} directories at any depth are
 *       third-party copies and are ignored, tools included.</li>
 *   <li>If either side of a manifest is malformed, nothing is reported: a commit that repairs a broken manifest must
 *       not be credited with every dependency in it. An empty (or blank) old side counts as declaring nothing.</li>
 *   <li>Manifest contents larger than 4 MiB are not parsed (no real manifest comes close).</li>
 *   <li>All parsers are linear-time and non-recursive on input structure; {@code detect} never throws.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Detectors {

    /** Manifests larger than this (4 MiB) are skipped. */
    static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    private static final Detectors STANDARD = new Detectors();

    private Detectors() {
    }

    /**
     * The standard set of detectors described on this class.
     *
     * @return a shared instance
     */
    public static Detectors standard() {
        return STANDARD;
    }

    /**
     * Cheap path test: could a change to this file produce a detection? The engine loads contents only when true.
     *
     * @param path repository-relative path with {@code /} separators; {@code null} gives {@code false}
     * @return whether {@link #detect} may report something for this path
     */
    public boolean interested(@Nullable String path) {
        return FileRole.of(path) != null;
    }

    /**
     * The tools and packages introduced by one changed file. Never throws.
     *
     * @param path       repository-relative path with {@code /} separators
     * @param oldContent content before the commit, {@code null} if the commit adds the file
     * @param newContent content after the commit, {@code null} if the commit deletes the file
     * @return the detections, possibly empty, never {@code null}; an immutable list
     */
    public List<Detection> detect(String path, byte @Nullable [] oldContent, byte @Nullable [] newContent) {
        try {
            FileRole role = FileRole.of(path);
            if (role == null || newContent == null) {
                return List.of();
            }
            if (role.isTool()) {
                return oldContent == null ? List.of(new Detection(role.kind, null, path)) : List.of();
            }
            return packages(role, oldContent, newContent);
        } catch (RuntimeException | StackOverflowError e) {
            // malformed input the parsers did not anticipate: a statistic must never fail a mining run
            return List.of();
        }
    }

    private static List<Detection> packages(FileRole role, byte[] oldContent, byte[] newContent) {
        if (newContent.length > MAX_MANIFEST_BYTES || (oldContent != null && oldContent.length > MAX_MANIFEST_BYTES)) {
            return List.of();
        }
        Set<String> after = parse(role, newContent);
        if (after == null || after.isEmpty()) {
            return List.of();
        }
        Set<String> before = oldContent == null || isBlank(oldContent) ? Set.of() : parse(role, oldContent);
        if (before == null) {
            return List.of();
        }
        List<Detection> detections = new ArrayList<>();
        for (String name : after) {
            if (!before.contains(name)) {
                detections.add(new Detection(DetectionKind.PACKAGE, role.ecosystem, name));
            }
        }
        return List.copyOf(detections);
    }

    /** An empty or white-space-only file declares nothing; it is not malformed even where the format needs a root. */
    private static boolean isBlank(byte[] content) {
        int start = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF ? 3 : 0;
        for (int i = start; i < content.length; i++) {
            byte b = content[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The dependency names of one side, or {@code null} if it is malformed. */
    private static @Nullable Set<String> parse(FileRole role, byte[] content) {
        ParseKey key = new ParseKey(role, content);
        synchronized (PARSED) {
            Set<String> hit = PARSED.get(key);
            if (hit != null) {
                return hit == MALFORMED ? null : hit;
            }
        }
        Set<String> out;
        try {
            out = role.parser.dependencies(content);
        } catch (MalformedManifestException e) {
            out = null;
        }
        if (out != null) {
            out = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(out)); // keeps the parser's order
        }
        if (content.length <= MAX_CACHED_BYTES) {
            synchronized (PARSED) {
                PARSED.put(key, out == null ? MALFORMED : out);
            }
        }
        return out;
    }

    /**
     * Recently parsed manifests: a manifest's version is the new side of one commit and the old side of the next, and
     * a DOM parse of a 35 kB pom.xml costs milliseconds in a fresh JVM, so each version is parsed once, not twice.
     * Keyed by content (not blob id) to stay a pure function of the arguments; bounded in entries and entry size.
     */
    private static final int MAX_CACHED_BYTES = 256 * 1024;
    private static final Set<String> MALFORMED = Set.of("\0malformed");
    private static final java.util.Map<ParseKey, Set<String>> PARSED = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<ParseKey, Set<String>> eldest) {
            return size() > 64;
        }
    };

    private record ParseKey(FileRole role, byte[] content, int hash) {
        ParseKey(FileRole role, byte[] content) {
            this(role, content, 31 * role.hashCode() + java.util.Arrays.hashCode(content));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParseKey k && k.hash == hash && k.role == role && java.util.Arrays.equals(k.content, content);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
