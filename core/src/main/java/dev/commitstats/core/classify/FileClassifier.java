package dev.commitstats.core.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Classifies a changed file: its language (Linguist name, {@code "Documentation"} or
 * {@code "Other"}) and whether it is vendored or generated.
 *
 * <p>Language detection, in order: exact file name ({@code Makefile}, {@code Dockerfile}, ...),
 * extension (longest first, case-insensitive, as Linguist does), then for extensions several
 * languages claim a content check ({@code #!} line, then Linguist's heuristics.yml); without
 * content an ambiguous extension gets a deterministic default (the heuristics' fallback rule,
 * else the most popular candidate), e.g. {@code .h} is C, {@code .md} Markdown, {@code .ts}
 * TypeScript, {@code .m} Objective-C, {@code .pl} Perl. A file with no known name or extension
 * is identified by its {@code #!} interpreter when content is given, else it is "Other".
 *
 * <p>Paths matching documentation.yml, and files in a prose language (Markdown, Text,
 * reStructuredText, AsciiDoc, ...), get the language {@code "Documentation"}; they are not
 * excluded. Exclusion is {@link Exclusion#VENDORED} when a vendor.yml regex matches the path, else
 * {@link Exclusion#GENERATED} when a generated rule matches the path or the head of the content.
 *
 * <p>Instances are immutable (apart from an internal, bounded memo of per-path results that does
 * not change any answer) and thread-safe; share one between all mining threads. Never throws on
 * any path or content; binary detection is the caller's business.
 */
public final class FileClassifier {

    private static final String RESOURCES = "/dev/commitstats/core/classify/linguist/";
    /** Content beyond this many bytes is not looked at. */
    private static final int MAX_HEAD = 64 * 1024;
    /** Character reads allowed to heuristic regexes per classification. */
    private static final long REGEX_BUDGET = 4_000_000L;
    private static final int CACHE_SIZE = 50_000;
    private static final Set<String> TYPES = Set.of("programming", "markup", "data", "prose");

    private static final class Holder {
        static final FileClassifier STANDARD = load(CACHE_SIZE);
    }

    private final Map<String, Language> languages;
    private final Map<String, List<Language>> byFilename;
    private final Map<String, List<Language>> byExtension;
    private final Map<String, List<Language>> byInterpreter;
    private final PathRegexSet vendored;
    private final PathRegexSet documentation;
    private final GeneratedRules generated;
    private final Heuristics heuristics;
    private final PathCache cache;

    private FileClassifier(Map<String, Language> languages, Map<String, List<Language>> byFilename,
                           Map<String, List<Language>> byExtension, Map<String, List<Language>> byInterpreter,
                           List<String> vendor, List<String> docs, Heuristics heuristics, int cacheCapacity) {
        this.languages = languages;
        this.byFilename = byFilename;
        this.byExtension = byExtension;
        this.byInterpreter = byInterpreter;
        this.vendored = PathRegexSet.fromRuby(vendor);
        this.documentation = PathRegexSet.fromRuby(docs);
        this.generated = new GeneratedRules();
        this.heuristics = heuristics;
        this.cache = new PathCache(cacheCapacity);
    }

    /**
     * The classifier built from the bundled Linguist data, loaded once on first use.
     *
     * @return the shared instance
     */
    public static FileClassifier standard() {
        return Holder.STANDARD;
    }

    /**
     * Whether {@code name} is a language this classifier can give a file: a Linguist name, {@link
     * FileClass#DOCUMENTATION} or {@link FileClass#OTHER}. Lets a server check language names it did not mine itself.
     *
     * @param name a language name, case-sensitive as Linguist writes it
     * @return whether it is known
     */
    public boolean knowsLanguage(String name) {
        return languages.containsKey(name) || FileClass.DOCUMENTATION.equals(name) || FileClass.OTHER.equals(name);
    }

    /**
     * Classification from the path alone (fast path; most files).
     *
     * @param path git path with '/' separators; null is treated as ""
     * @return the classification, never null
     */
    public FileClass classify(@Nullable String path) {
        return info(path).pathClass();
    }

    /**
     * Classification using also the first bytes of content (for ambiguous names, {@code #!} lines
     * and "generated" headers).
     *
     * @param path    git path with '/' separators; null is treated as ""
     * @param head    first bytes of the content, or null
     * @param headLen number of valid bytes in {@code head} (clamped to its length)
     * @return the classification, never null
     */
    public FileClass classify(@Nullable String path, byte @Nullable [] head, int headLen) {
        PathInfo info = info(path);
        int n = head == null ? 0 : Math.min(Math.max(headLen, 0), Math.min(head.length, MAX_HEAD));
        if (n == 0) {
            return info.pathClass();
        }
        boolean memo = n <= MAX_MEMO_HEAD && p(path).length() <= 4096;
        if (memo) {
            ContentMemo m = contentMemo.get(p(path));
            if (m != null && m.head.length == n && Arrays.equals(m.head, 0, n, head, 0, n)) {
                return m.result;
            }
        }
        FileClass result;
        try {
            result = classifyContent(info, new String(head, 0, n, StandardCharsets.ISO_8859_1));
        } catch (RuntimeException | StackOverflowError e) {
            result = info.pathClass();
        }
        if (memo) {
            if (contentMemo.size() >= MEMO_SIZE) {
                contentMemo.clear();
            }
            contentMemo.put(p(path), new ContentMemo(Arrays.copyOf(head, n), result));
        }
        return result;
    }

    private static String p(String path) {
        return path == null ? "" : path;
    }

    /**
     * The last content classification of each path. The answer is a function of the path and the head bytes alone,
     * and most versions of a file larger than the head share its head (edits land further down), so successive
     * versions of a path are classified once: the heuristics' regexes scan the whole head, often without a match.
     * Bounded: at most {@link #MEMO_SIZE} paths of at most {@link #MAX_MEMO_HEAD} bytes each.
     */
    private record ContentMemo(byte[] head, FileClass result) {
    }

    private static final int MAX_MEMO_HEAD = 8192;
    private static final int MEMO_SIZE = 2048;
    private final ConcurrentHashMap<String, ContentMemo> contentMemo = new ConcurrentHashMap<>();

    /**
     * Whether {@link #classify(String)} could differ from {@link #classify(String, byte[], int)}
     * for some content, so the caller loads content only when needed. False when the language is
     * settled by the path (unique name/extension, or documentation path) and content can no
     * longer change the exclusion (already vendored/generated by path, or a prose file, on which
     * no content rule runs).
     *
     * @param path git path with '/' separators; null is treated as ""
     * @return whether passing content can change the answer
     */
    public boolean needsContent(String path) {
        return info(path).needsContent();
    }

    // ---------------------------------------------------------------- internals

    /** The compiled vendor.yml regexes. */
    PathRegexSet vendoredRules() {
        return vendored;
    }

    /** The compiled documentation.yml regexes. */
    PathRegexSet documentationRules() {
        return documentation;
    }

    GeneratedRules generatedRules() {
        return generated;
    }

    int languageCount() {
        return languages.size();
    }

    Heuristics heuristics() {
        return heuristics;
    }

    /** Everything that depends on the path only. */
    record PathInfo(String basename, List<Language> candidates, Heuristics.@Nullable Disambiguation disambiguation,
                    @Nullable Language language, boolean docPath, Exclusion exclusion, FileClass pathClass,
                    boolean needsContent) {
    }

    private PathInfo info(@Nullable String path) {
        String p = path == null ? "" : path;
        PathInfo info = cache.get(p);
        if (info == null) {
            try {
                info = computeInfo(p);
            } catch (RuntimeException | StackOverflowError e) {
                info = new PathInfo("", List.of(), null, null, false, Exclusion.NONE,
                        new FileClass(FileClass.OTHER, Exclusion.NONE), false);
            }
            cache.put(p, info);
        }
        return info;
    }

    private PathInfo computeInfo(String path) {
        String basename = path.substring(path.lastIndexOf('/') + 1);
        List<Language> candidates = byFilename.get(basename);
        String matchedExt = null;
        if (candidates == null) {
            for (String ext : extensions(basename)) {
                candidates = byExtension.get(ext);
                if (candidates != null) {
                    matchedExt = ext;
                    break;
                }
            }
        }
        if (candidates == null) {
            candidates = List.of();
        }
        Heuristics.Disambiguation dis = candidates.size() > 1 ? heuristics.forName(basename) : null;
        Language language = switch (candidates.size()) {
            case 0 -> null;
            case 1 -> candidates.get(0);
            default -> pickDefault(candidates, dis, matchedExt);
        };
        boolean docPath = documentation.find(path);
        Exclusion exclusion = vendored.find(path) ? Exclusion.VENDORED
                : generated.byPath(path) ? Exclusion.GENERATED : Exclusion.NONE;
        FileClass pathClass = new FileClass(displayName(language, docPath), exclusion);
        boolean languageSettled = docPath || candidates.size() == 1;
        boolean contentMayExclude = exclusion == Exclusion.NONE
                && !(candidates.size() == 1 && language.isProse());
        return new PathInfo(basename, candidates, dis, language, docPath, exclusion, pathClass,
                !languageSettled || contentMayExclude);
    }

    private FileClass classifyContent(PathInfo info, String text) {
        Language language = info.language();
        List<Language> candidates = info.candidates();
        if (candidates.size() > 1) {
            Language chosen = null;
            List<Language> bySheBang = interpreterLanguages(text);
            List<Language> both = new ArrayList<>(bySheBang);
            both.retainAll(candidates);
            if (both.size() == 1) {
                chosen = both.get(0);
            } else if (info.disambiguation() != null) {
                chosen = heuristic(info.disambiguation(), text, candidates);
            }
            if (chosen != null) {
                language = chosen;
            }
        } else if (candidates.isEmpty()) {
            List<Language> bySheBang = interpreterLanguages(text);
            if (!bySheBang.isEmpty()) {
                language = bySheBang.stream().sorted(rank(null)).findFirst().orElse(null);
            }
        }
        Exclusion exclusion = info.exclusion();
        if (exclusion == Exclusion.NONE) {
            boolean prose = language != null && language.isProse();
            if (GeneratedRules.byContent(info.basename(), text, !prose)) {
                exclusion = Exclusion.GENERATED;
            }
        }
        String name = displayName(language, info.docPath());
        if (exclusion == info.pathClass().exclusion() && name.equals(info.pathClass().language())) {
            return info.pathClass();
        }
        return new FileClass(name, exclusion);
    }

    private @Nullable Language heuristic(Heuristics.Disambiguation dis, String text, List<Language> candidates) {
        List<String> names;
        try {
            names = Heuristics.evaluate(dis, new BudgetedText(text, REGEX_BUDGET));
        } catch (BudgetedText.Exhausted e) {
            return null;
        }
        List<Language> found = new ArrayList<>();
        for (String n : names) {
            Language l = languages.get(n);
            if (l != null) {
                found.add(l);
            }
        }
        if (found.size() > 1) {
            List<Language> inCandidates = new ArrayList<>(found);
            inCandidates.retainAll(candidates);
            if (!inCandidates.isEmpty()) {
                found = inCandidates;
            }
            found.sort(rank(null));
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private List<Language> interpreterLanguages(String text) {
        String interpreter = Shebang.interpreter(text);
        if (interpreter == null) {
            return List.of();
        }
        return byInterpreter.getOrDefault(interpreter, List.of());
    }

    /**
     * Defaults for ambiguous extensions where Linguist's data has no fallback rule and the generic
     * ranking (popular.yml, then primary extension) would pick a rarely meant language. Used only
     * when the content does not decide.
     */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(".cfg", "INI"),
            Map.entry(".f", "Fortran"),
            Map.entry(".for", "Fortran"),
            Map.entry(".fpp", "Fortran"),
            Map.entry(".v", "Verilog"),
            Map.entry(".cl", "Common Lisp"),
            Map.entry(".plist", "XML Property List"),
            Map.entry(".pro", "QMake"),
            Map.entry(".frag", "GLSL"),
            Map.entry(".spec", "RPM Spec"),
            Map.entry(".trigger", "Apex"),
            Map.entry(".ddl", "SQL"),
            Map.entry(".prc", "SQL"));

    private Language pickDefault(List<Language> candidates, Heuristics.@Nullable Disambiguation dis,
            @Nullable String ext) {
        Language curated = ext == null ? null : languages.get(DEFAULTS.getOrDefault(ext, ""));
        if (curated != null && candidates.contains(curated)) {
            return curated;
        }
        if (dis != null) {
            String fallback = dis.fallback();
            Language l = fallback == null ? null : languages.get(fallback);
            if (l != null && candidates.contains(l)) {
                return l;
            }
        }
        return candidates.stream().sorted(rank(ext)).findFirst().orElseThrow();
    }

    /** Popular first (popular.yml order), then the one whose primary extension this is, then name. */
    private static Comparator<Language> rank(@Nullable String ext) {
        return Comparator.comparingInt(Language::popularity)
                .thenComparing(l -> ext != null && ext.equals(l.primaryExtension()) ? 0 : 1)
                .thenComparing(Language::name);
    }

    private static String displayName(@Nullable Language language, boolean docPath) {
        if (docPath || (language != null && language.isProse())) {
            return FileClass.DOCUMENTATION;
        }
        return language == null ? FileClass.OTHER : language.name();
    }

    /**
     * Linguist's BlobHelper#extensions on the lower-cased base name: every dot-suffix, longest
     * first ({@code "foo.d.ts"} gives {@code .d.ts}, {@code .ts}).
     */
    static List<String> extensions(String basename) {
        String lower = basename.toLowerCase(Locale.ROOT);
        int first = lower.indexOf('.');
        if (first < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = first; i >= 0; i = lower.indexOf('.', i + 1)) {
            out.add(lower.substring(i));
        }
        return out;
    }

    // ---------------------------------------------------------------- loading

    /** Loads the bundled data (tests use a small memo to exercise eviction). */
    static FileClassifier load(int cacheCapacity) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        Map<String, Object> languagesYaml = yaml(options, "languages.yml");
        List<String> popular = strings(yamlAny(options, "popular.yml"));
        List<String> vendor = strings(yamlAny(options, "vendor.yml"));
        List<String> docs = strings(yamlAny(options, "documentation.yml"));
        Heuristics heuristics = Heuristics.load(yaml(options, "heuristics.yml"));

        Map<String, Language> languages = new LinkedHashMap<>();
        Map<String, List<Language>> byFilename = new HashMap<>();
        Map<String, List<Language>> byExtension = new HashMap<>();
        Map<String, List<Language>> byInterpreter = new HashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) languagesYaml).entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> attrs)) {
                continue;
            }
            String name = String.valueOf(e.getKey());
            String type = String.valueOf(attrs.get("type"));
            if (!TYPES.contains(type)) {
                type = "programming";
            }
            List<String> exts = new ArrayList<>();
            for (String x : strings(attrs.get("extensions"))) {
                exts.add(x.toLowerCase(Locale.ROOT));
            }
            int pop = popular.indexOf(name);
            Language lang = new Language(name, type, exts.isEmpty() ? null : exts.get(0),
                    pop < 0 ? Integer.MAX_VALUE : pop);
            languages.put(name, lang);
            for (String x : exts) {
                add(byExtension, x, lang);
            }
            for (String f : strings(attrs.get("filenames"))) {
                add(byFilename, f, lang);
            }
            for (String i : strings(attrs.get("interpreters"))) {
                add(byInterpreter, i, lang);
            }
        }
        return new FileClassifier(Map.copyOf(languages), freeze(byFilename), freeze(byExtension),
                freeze(byInterpreter), vendor, docs, heuristics, cacheCapacity);
    }

    private static void add(Map<String, List<Language>> index, String key, Language lang) {
        List<Language> list = index.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(lang)) {
            list.add(lang);
        }
    }

    private static Map<String, List<Language>> freeze(Map<String, List<Language>> index) {
        Map<String, List<Language>> out = new HashMap<>();
        index.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Map.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(LoaderOptions options, String file) {
        Object o = yamlAny(options, file);
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalStateException(file + " is not a mapping");
        }
        return (Map<String, Object>) o;
    }

    private static Object yamlAny(LoaderOptions options, String file) {
        try (InputStream in = FileClassifier.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + file);
            }
            return new Yaml(new SafeConstructor(options)).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(Object o) {
        if (!(o instanceof List<?> list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object x : list) {
            if (x != null) {
                out.add(String.valueOf(x));
            }
        }
        return out;
    }

    /** Compiles each regex on its own; used by tests to prove every one is valid Java. */
    static int compileEach(List<String> rubies) {
        int ok = 0;
        for (String r : rubies) {
            try {
                RubyRegex.compile(r);
                ok++;
            } catch (PatternSyntaxException e) {
                // counted as not compiled
            }
        }
        return ok;
    }

    static List<String> bundledList(String file) {
        LoaderOptions options = new LoaderOptions();
        return strings(yamlAny(options, file));
    }
}
