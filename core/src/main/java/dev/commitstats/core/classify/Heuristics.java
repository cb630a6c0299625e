package dev.commitstats.core.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * Linguist's heuristics.yml: content rules that disambiguate extensions claimed by several
 * languages. Semantics follow {@code lib/linguist/heuristics.rb}: the first disambiguation whose
 * extension ends the (lower-cased) file name applies; its rules are tried in order and the first
 * matching rule gives the language(s). A rule without a pattern always matches (the "fallback").
 * Rules whose regex cannot be expressed in Java are dropped (counted in {@link #skippedRules()}).
 */
final class Heuristics {

    /** A condition on the content. */
    interface Cond {
        boolean test(BudgetedText text);
    }

    record Rule(List<String> languages, Cond cond, boolean always) {
    }

    record Disambiguation(List<String> extensions, List<Rule> rules) {

        /** Language of the first rule without a pattern, or null. */
        @Nullable String fallback() {
            for (Rule r : rules) {
                if (r.always() && !r.languages().isEmpty()) {
                    return r.languages().get(0);
                }
            }
            return null;
        }
    }

    private final List<Disambiguation> disambiguations;
    private final int loadedRules;
    private final int skippedRules;

    private Heuristics(List<Disambiguation> disambiguations, int loadedRules, int skippedRules) {
        this.disambiguations = disambiguations;
        this.loadedRules = loadedRules;
        this.skippedRules = skippedRules;
    }

    int loadedRules() {
        return loadedRules;
    }

    int skippedRules() {
        return skippedRules;
    }

    int size() {
        return disambiguations.size();
    }

    /** The disambiguation applying to a file name, or null. */
    @Nullable Disambiguation forName(String basename) {
        String lower = basename.toLowerCase(Locale.ROOT);
        for (Disambiguation d : disambiguations) {
            for (String ext : d.extensions()) {
                if (lower.endsWith(ext)) {
                    return d;
                }
            }
        }
        return null;
    }

    /**
     * Languages named by the first matching rule, or an empty list.
     *
     * @throws BudgetedText.Exhausted when evaluation is too expensive (inconclusive)
     */
    static List<String> evaluate(Disambiguation d, BudgetedText text) {
        for (Rule r : d.rules()) {
            if (r.cond().test(text)) {
                return r.languages();
            }
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    static Heuristics load(Map<String, Object> yaml) {
        int[] counts = new int[2];
        Map<String, Cond> named = new LinkedHashMap<>();
        Object np = yaml.get("named_patterns");
        if (np instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                try {
                    named.put(String.valueOf(e.getKey()), positive(e.getValue()));
                } catch (PatternSyntaxException ex) {
                    // a rule referring to it is skipped below
                }
            }
        }
        List<Disambiguation> out = new ArrayList<>();
        Object ds = yaml.get("disambiguations");
        if (ds instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> d)) {
                    continue;
                }
                List<String> exts = new ArrayList<>();
                for (Object x : asList(d.get("extensions"))) {
                    exts.add(String.valueOf(x).toLowerCase(Locale.ROOT));
                }
                List<Rule> rules = new ArrayList<>();
                for (Object ro : asList(d.get("rules"))) {
                    if (!(ro instanceof Map<?, ?> rule)) {
                        continue;
                    }
                    List<String> langs = new ArrayList<>();
                    for (Object l : asList(rule.get("language"))) {
                        langs.add(String.valueOf(l));
                    }
                    try {
                        Cond cond = parse((Map<String, Object>) rule, named);
                        rules.add(new Rule(List.copyOf(langs), cond, cond == ALWAYS));
                        counts[0]++;
                    } catch (IllegalArgumentException ex) { // includes PatternSyntaxException
                        counts[1]++;
                    }
                }
                out.add(new Disambiguation(List.copyOf(exts), List.copyOf(rules)));
            }
        }
        return new Heuristics(List.copyOf(out), counts[0], counts[1]);
    }

    private static final Cond ALWAYS = t -> true;

    @SuppressWarnings("unchecked")
    private static Cond parse(Map<String, Object> rule, Map<String, Cond> named) {
        // same precedence as Heuristics.parse_rule in Ruby
        if (rule.get("and") != null) {
            List<Cond> parts = new ArrayList<>();
            for (Object o : asList(rule.get("and"))) {
                if (o instanceof Map<?, ?> m) {
                    parts.add(parse((Map<String, Object>) m, named));
                }
            }
            List<Cond> all = List.copyOf(parts);
            return t -> {
                for (Cond c : all) {
                    if (!c.test(t)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (rule.get("pattern") != null) {
            return positive(rule.get("pattern"));
        }
        if (rule.get("negative_pattern") != null) {
            Cond c = positive(rule.get("negative_pattern"));
            return t -> !c.test(t);
        }
        if (rule.get("named_pattern") != null) {
            Cond c = named.get(String.valueOf(rule.get("named_pattern")));
            if (c == null) {
                throw new IllegalArgumentException("unknown or uncompilable named pattern");
            }
            return c;
        }
        return ALWAYS;
    }

    private static Cond positive(Object pattern) {
        List<String> sources = new ArrayList<>();
        for (Object o : asList(pattern)) {
            sources.add(String.valueOf(o));
        }
        Pattern p = sources.size() == 1 ? RubyRegex.compile(sources.get(0)) : RubyRegex.union(sources);
        return t -> t.find(p);
    }

    private static List<?> asList(Object o) {
        if (o == null) {
            return List.of();
        }
        if (o instanceof List<?> l) {
            return l;
        }
        return List.of(o);
    }
}
