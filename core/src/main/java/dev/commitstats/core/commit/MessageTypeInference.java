package dev.commitstats.core.commit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Infers the type of a commit whose message declares none, from the wording of its subject line, in English. Most
 * histories do not follow Conventional Commits (on apache/commons-lang nearly every commit would be {@code other}),
 * yet "Fix NPE in StringUtils.join", "Add StringUtils.truncate" and "Javadoc" say clearly what they are.
 * {@link ConventionalCommits#parse} asks this class only when the header declares no known type, so a declared type
 * always wins; what is inferred is marked as such ({@link CommitKind#inferred()}).
 *
 * <h2>Steps</h2>
 * <ol>
 *   <li>Autosquash subjects ({@code fixup! …}, {@code squash! …}, {@code amend! …}) stay OTHER: they amend another
 *       commit and were meant to disappear.</li>
 *   <li>Noise is stripped from the start, repeatedly: list bullets ({@code - }, {@code * }), ticket keys
 *       ({@code LANG-1234:}, {@code #123}, {@code Bug 4711 -}), Azure DevOps' {@code Merged PR 12:}, bracketed tags
 *       and parenthesized ones ({@code [SPARK-1][SQL]}, {@code (Javadoc)}), gitmoji codes and emoji
 *       ({@code :bug:}, {@code ✨}) and subsystem prefixes ({@code net: ipv4:}, {@code drm/i915:}). A stripped
 *       piece that names a type is a <em>marker</em>, and the first marker decides: a type word or a word the rules
 *       classify ({@code [BUGFIX]}, {@code [Javadoc]}, {@code ✨ feat: x}, {@code selftests: …}), the common gitmoji
 *       ({@link #GITMOJI}), and the release plugin's {@code [maven-release-plugin]} tag (a chore).</li>
 *   <li>Leading qualifiers ({@code Minor}, {@code Small}, {@code More}, {@code Various} …) are dropped, the rest is
 *       lower-cased, and the first of the {@link #RULES} that matches decides; none matching is OTHER.</li>
 * </ol>
 *
 * <h2>Precedence of the rules</h2>
 * Specific forms win over the leading verb, in this order:
 * <ol>
 *   <li>subjects that say nothing ({@code Initial commit}, {@code WIP}, {@code Address review comments}): OTHER;</li>
 *   <li>history operations: merges, conflict resolutions and rebases on a non-merge commit (squashed or rebased
 *       branches) and releases, version bumps and {@code -SNAPSHOT} iterations are CHORE; reverts
 *       ({@code Revert …}, {@code Back out …}, {@code Undo …}) are REVERT, which is a type of its own;</li>
 *   <li>repository housekeeping files ({@code .gitignore}, license, copyright, {@code AUTHORS}): CHORE;</li>
 *   <li>dependency version changes ({@code Bump …}, {@code Update x from 1.2 to 1.3}, {@code Upgrade to Java 17},
 *       {@code Require Node.js 18}): BUILD;</li>
 *   <li>topics, by where they stand: first a subject that starts with a topic word ({@code Tests for …},
 *       {@code Javadoc}, {@code Travis: …}), then one whose object is a topic word ({@code Add tests},
 *       {@code Fix typo in README} — "typo" is the object —, {@code Updated pom}), then one that names a topic after a
 *       preposition ({@code Fix NPE in tests}, {@code Add JDK 21 to CI}). At each level the topics are tried as CI,
 *       test, docs, style, build: {@code Add test} is a test and {@code Fix typo …} documentation, whatever the
 *       verb;</li>
 *   <li>performance forms ({@code Speed up …}, {@code Reduce allocations}, {@code … faster}): PERF;</li>
 *   <li>refactoring forms ({@code Remove unused …}, {@code Make … final}, {@code Better names}): REFACTOR;</li>
 *   <li>bug forms ({@code Add missing null check}, anything naming an NPE, a leak, a race or a deadlock,
 *       {@code Handle … error}, {@code Make … work}): FIX;</li>
 *   <li>the leading verb: fix, correct, resolve, avoid, prevent, don't … → FIX; refactor, clean up, rename,
 *       move, extract, simplify, use, replace, remove … → REFACTOR; add, implement, introduce, support, allow,
 *       create, new, improve, better … → FEAT; upgrade, downgrade, pin → BUILD;</li>
 *   <li>last, a subject that describes a bug the way an issue title does ("X does not return null",
 *       "Y throws ClassCastException when …", "Z returns wrong result …"): FIX.</li>
 * </ol>
 * Typos count as documentation wherever they are ({@code Fix typo in variable name} too): most are in comments and
 * docs, and the rule is simpler to predict. Releases are CHORE, as in the {@code chore(release):} convention of
 * release tools; BUILD is kept for the build system and dependencies. A generic {@code Update …} says nothing and
 * stays OTHER.
 *
 * <p>Only the first {@value #MAX_SUBJECT} characters of the subject are read, so the regular expressions run on
 * bounded input whatever the message. Stateless and thread-safe; never throws on any input.
 */
final class MessageTypeInference {

    /** Characters of the subject that are read: the rules look at its first words. */
    static final int MAX_SUBJECT = 200;

    /**
     * One row of the table.
     *
     * @param type    the type a subject matching {@code pattern} at its start has
     * @param pattern matched against the start of the normalized (lower-case) subject
     * @param example a subject that this rule decides, checked by the tests so that no rule hides behind another
     */
    record Rule(CommitType type, Pattern pattern, String example) {
        boolean matches(String normalizedSubject) {
            return pattern.matcher(normalizedSubject).lookingAt();
        }
    }

    /** End of a word: hyphenated names such as {@code license-maven-plugin} are one word. */
    private static final String WE = "(?![\\w-])";
    /** Words that may stand between a verb and its object: "Add a few more missing tests". */
    private static final String FILLERS = "(?:(?:a|an|the|some|more|missing|new|additional|extra|few|basic|simple"
            + "|failing|flaky|broken|outdated|old|wrong|incorrect|existing|all|remaining|disabled|ignored|unstable"
            + "|intermittent|slow|minor|small|various|several|obsolete|unused|initial|our|its|this|these|that"
            + "|and|&|edge|corner|case|cases|unit|integration|regression|performance|parameterized|property) )*";

    private static final String CI_WORDS = "ci|travis(?:[- ]ci)?|\\.?travis\\.ya?ml|appveyor(?:\\.ya?ml)?|circle ?ci"
            + "|github actions?|gh actions|github workflows?|\\.github/workflows\\S*|workflow files?"
            + "|gitlab[- ]ci(?:\\.ya?ml)?|\\.gitlab-ci\\.ya?ml|jenkinsfile|azure pipelines?|buildkite|build matrix"
            + "|codeql[\\w.-]*|dependabot(?:\\.ya?ml)?|renovate(?:\\.json)?"
            + "|(?:github|gh|ci) builds?";
    private static final String TEST_WORDS = "tests?|testcases?|test ?cases?|test suites?|unit ?tests?|unittests?"
            + "|junit(?: ?\\d)?|testng|coverage|assertions?|fixtures?|mocks?|testing|selftests?|benchmarks?|jmh"
            + "|[\\w$.]*tests?\\.[\\w$]+\\S*|test_\\w+|test[\\w$]*\\(\\S*";
    private static final String DOC_WORDS = "docs?|documentation|javadocs?|javadoc's|readme(?:\\.\\w+)?"
            + "|[\\w./-]+\\.(?:md|markdown|rst|adoc|asciidoc)|changelog(?:\\.\\w+)?|changes\\.xml|release ?notes"
            + "|comments?|typos?|spelling|misspellings?|wording|grammar|docstrings?|kdocs?|jsdocs?|godocs?|apidocs?"
            + "|man ?pages?|user guide|guides?|faq|tutorials?|wiki|@\\w+ tags?";
    private static final String STYLE_WORDS = "checkstyle|formatting|reformat(?:ting)?|white ?spaces?"
            + "|trailing spaces?|indentation|indents?|code ?style|coding style|code format(?:ting)?"
            + "|style (?:issues|violations|warnings|errors|nits?)|lint(?:ing|er|ers)?|eslint|tslint|stylelint|rubocop"
            + "|spotless|prettier|pmd|pep ?8|flake8|pylint|gofmt|clang-format|ktlint|scalafmt|tabs to spaces"
            + "|spaces to tabs|sort(?:ed)? members|imports? order|line endings|crlf|newlines?|spotbugs|findbugs"
            + "|error ?prone|sonar(?:lint|cloud|qube)?|(?:compiler|javac|deprecation|unchecked|rawtypes|ide|eclipse"
            + "|intellij) warnings|@override|override annotations?|@suppresswarnings"
            + "|new ?line at (?:the )?end of (?:the )?file";
    private static final String BUILD_WORDS = "dependenc(?:y|ies)(?! injection)|deps|(?:parent )?poms?|pom\\.xml"
            + "|build\\.gradle(?:\\.kts)?|settings\\.gradle(?:\\.kts)?|gradle(?: wrapper| build)?"
            + "|maven(?: wrapper| build)?|mvnw|package(?:-lock)?\\.json|yarn\\.lock|pnpm-lock\\.yaml|lock ?files?"
            + "|go\\.(?:mod|sum)|cargo\\.(?:toml|lock)|gemfile(?:\\.lock)?|gemspec|requirements(?:-\\w+)?\\.txt"
            + "|setup\\.(?:py|cfg)|pyproject\\.toml|cmakelists\\.txt|cmake|makefiles?"
            + "|build (?:scripts?|files?|system|config(?:uration)?)|[\\w.:-]+-plugin";
    private static final String CHORE_WORDS = "\\.?gitignore|\\.?gitattributes|\\.?editorconfig|\\.?mailmap"
            + "|\\.?dockerignore|\\.?npmignore|copyright(?: years?| headers?| notices?| dates?)?"
            + "|licen[cs]es?(?: headers?| files?)?|notice(?:\\.txt)?|authors(?:\\.\\w+)?|contributors(?:\\.\\w+)?"
            + "|codeowners|\\.vscode|\\.idea";
    private static final String RUNTIMES = "(?:java|jdk|jre|node(?:\\.?js)?|python|go|ruby|rust|php|kotlin|scala"
            + "|gradle|maven|android sdk)";

    /** A subject that starts with one of the words. */
    private static String leading(String words) {
        return "(?:" + words + ")" + WE;
    }

    /** A subject whose object (after the first word and a few fillers) is one of the words. */
    private static String object(String words) {
        return "\\S+ " + FILLERS + "(?:\\S+ )?(?:" + words + ")" + WE;
    }

    /**
     * A subject that names one of the words after a preposition among its first words (further on, a long subject is
     * usually listing details: "… (json, csv) with tests on both databases").
     */
    private static String place(String words) {
        return "(?:\\S+ ){1,6}?(?:in|to|on|for|of|from|into|inside|within|with|after|before|during) "
                + "(?:the |a |an |our |some )?"
                + "(?:\\S+ )?(?:" + words + ")" + WE;
    }

    private static Rule rule(CommitType type, String regex, String example) {
        return new Rule(type, Pattern.compile(regex), example);
    }

    /** The rules, in the order they are tried; the first that matches decides. */
    static final List<Rule> RULES = List.of(
            // 1. subjects that say nothing
            rule(CommitType.OTHER, "initial (?:commit|import|revision|check-?in|upload)" + WE, "Initial commit"),
            rule(CommitType.OTHER, "(?:wip|work in progress|tmp|temp|test commit|dummy commit)" + WE, "WIP"),
            rule(CommitType.OTHER, "(?:address(?:es|ed|ing)?|appl(?:y|ies|ied|ying)|incorporat(?:e|es|ed|ing)"
                    + "|respond(?:s|ed|ing)? to) (?:\\S+ ){0,2}(?:comments?|feedback|suggestions?|remarks)" + WE,
                    "Address review comments"),
            rule(CommitType.OTHER, "(?:\\S+ )?(?:code )?(?:review|pr) (?:comments?|feedback|suggestions?|remarks)"
                    + WE, "PR feedback"),

            // 2. history operations on a non-merge commit: a squashed or rebased branch, a release
            rule(CommitType.CHORE, "merge[sd]? (?:branch|branches|remote-tracking|remote branch|pull request|pr"
                    + "|request|tag|commit|in|changes from|(?:latest |recent )?(?:changes |commits )?from"
                    + "|with (?:master|main|trunk|develop|upstream|origin)|(?:master|main|trunk|develop|upstream"
                    + "|origin)" + WE + "|['\"`]|\\S+ into)", "Merge branch 'master' into feature/login"),
            rule(CommitType.CHORE, "(?:resolv(?:e|es|ed|ing)|fix(?:es|ed|ing)?) (?:the )?(?:git )?(?:merge )?"
                    + "conflicts?" + WE, "Resolve merge conflicts"),
            rule(CommitType.CHORE, "(?:rebas(?:e|ed|ing)|sync(?:ed|ing)? with (?:upstream|master|main))" + WE,
                    "Rebase on master"),
            rule(CommitType.CHORE, "prepar(?:e|es|ed|ing) (?:for )?(?:the )?(?:next )?(?:release|version"
                    + "|development iteration|v?\\d)", "prepare release commons-text-1.11.0"),
            rule(CommitType.CHORE, "(?:roll ?back|rolled back) (?:the )?release", "rollback the release of x-1.2"),
            rule(CommitType.CHORE, "(?:releas(?:e|es|ed|ing))(?: of)?(?: version| v)?(?: [\\w.-]+)? v?\\d",
                    "Release 1.2"),
            rule(CommitType.CHORE, "(?:releas(?:e|es|ed|ing))$", "Release"),
            rule(CommitType.CHORE, "(?:bump(?:s|ed|ing)?|updat(?:e|es|ed|ing)|set(?:s|ting)?|chang(?:e|es|ed|ing)"
                    + "|increment(?:s|ed|ing)?|increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)) (?:the )?"
                    + "(?:(?:project|package|plugin|pom|release|app|library|lib|artifact|snapshot) )?"
                    + "version(?:s| numbers?)?" + WE, "Bump version"),
            rule(CommitType.CHORE, "bump(?:s|ed|ing)? to v?\\d", "Bump to 2.0.1"),
            rule(CommitType.CHORE, "(?:next|new) (?:development )?(?:version|release)" + WE,
                    "Next version will be 2.1"),
            rule(CommitType.CHORE, "version (?:bump|v?\\d+(?:\\.\\d+)+)", "Version 1.2.3"),
            rule(CommitType.CHORE, "v?\\d+(?:\\.\\d+)+(?:[-+][\\w.]+)?$", "4.17.21"),
            rule(CommitType.CHORE, "tag(?:s|ged|ging)? (?:v|version |release )?\\d", "Tag 1.0.0"),
            rule(CommitType.CHORE, ".*(?:development (?:iteration|version|cycle)|-snapshot" + WE + ")",
                    "Back to 2.1-SNAPSHOT"),
            rule(CommitType.REVERT, "(?:revert(?:s|ed|ing)?|back(?:s|ed)? ?out|undo(?:es)?|undid|undone"
                    + "|roll(?:s|ed)? ?back|rollback)" + WE, "Revert change to StringUtils"),

            // 3. repository housekeeping
            rule(CommitType.CHORE, leading(CHORE_WORDS), "gitignore"),
            rule(CommitType.CHORE, object(CHORE_WORDS), "Update copyright year"),
            rule(CommitType.CHORE, leading("chores?|housekeeping|maintenance"), "Housekeeping"),

            // 4. dependency versions
            rule(CommitType.BUILD, "(?:updat(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)|downgrad(?:e|es|ed|ing)"
                    + "|bump(?:s|ed|ing)?|mov(?:e|es|ed|ing)|switch(?:es|ed|ing)?) "
                    + "(?:\\S*[-.:/@]\\S* (?:\\S+ )?from v?\\d\\S* to v?\\d|.*\\bfrom v?\\d+\\.\\d\\S* to v?\\d)",
                    "Update commons-parent from 56 to 57"),
            rule(CommitType.BUILD, "bump(?:s|ed|ing)?" + WE, "Bump jackson-databind"),
            rule(CommitType.BUILD, "(?:\\S+ ){1,3}?v?\\d[\\w.-]* ?(?:->|→|=>) ?v?\\d", "SpotBugs 4.8.2 -> 4.8.3"),
            rule(CommitType.BUILD, "\\S*[-.:/@]\\S* from v?\\d\\S* to v?\\d", "maven-surefire-plugin from 3.1 to 3.2"),
            rule(CommitType.BUILD, "(?:updat(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)|mov(?:e|es|ed|ing)"
                    + "|switch(?:es|ed|ing)?|migrat(?:e|es|ed|ing)|port(?:s|ed|ing)?) to (?:\\S+ ){0,3}?v?\\d+"
                    + "(?:\\.[\\w-]+)*" + WE, "Upgrade to Spring Boot 3.2.1"),
            rule(CommitType.BUILD, "(?:requir(?:e|es|ed|ing)|target(?:s|ed|ing)?|compile (?:with|against)"
                    + "|build (?:with|on|against)|support(?:s|ed|ing)?|drop(?:s|ped|ping)? (?:support for )?"
                    + "|remov(?:e|es|ed|ing) support for) " + RUNTIMES + " ?v?\\d", "Require Java 17"),
            rule(CommitType.BUILD, "depend(?:s|ed|ing)? on" + WE, "Depend on commons-io"),

            // 5. topics: a leading topic word, then an object, then a place
            rule(CommitType.CI, leading(CI_WORDS), "Travis CI: test on JDK 21"),
            rule(CommitType.TEST, leading(TEST_WORDS + "|tested|integration tests?|specs?"), "Tests for LANG-1234"),
            rule(CommitType.DOCS, leading(DOC_WORDS + "|document(?:s|ed|ing)?|reword(?:s|ed|ing)?"
                    + "|rephras(?:e|es|ed|ing)|clarif(?:y|ies|ied|ying|ications?)") + "(?! out)", "Javadoc."),
            rule(CommitType.STYLE, "(?:organi[sz](?:e|es|ed|ing)|sort(?:s|ed|ing)?|optimi[sz](?:e|es|ed|ing)"
                    + "|reorder(?:s|ed|ing)?|fix(?:es|ed|ing)?|clean(?:ed)? ?up) (?:the )?imports" + WE,
                    "Optimize imports"),
            rule(CommitType.STYLE, leading(STYLE_WORDS + "|format(?:s|ted|ting)?|re-?format(?:s|ted|ting)?|style"
                    + "|tabs|trailing (?:white ?)?spaces?|sort(?:s|ed)? (?:the )?(?:members|methods|fields)"),
                    "Format."),
            rule(CommitType.BUILD, leading(BUILD_WORDS + "|" + RUNTIMES + " ?\\d+"), "Maven wrapper 3.9.6"),
            rule(CommitType.CI, object(CI_WORDS), "Use GitHub Actions"),
            rule(CommitType.TEST, object(TEST_WORDS), "Add tests"),
            rule(CommitType.DOCS, object(DOC_WORDS), "Fix typo"),
            rule(CommitType.STYLE, object(STYLE_WORDS), "Fix Checkstyle violations"),
            rule(CommitType.BUILD, object(BUILD_WORDS), "Updated pom"),
            rule(CommitType.CI, place(CI_WORDS), "Add JDK 21 to the CI matrix"),
            rule(CommitType.TEST, place("tests?|unit tests?|test cases?|test suites?|testing"),
                    "Use assertThrows() in tests"),
            rule(CommitType.DOCS, place(DOC_WORDS), "Fix broken link in README"),
            rule(CommitType.BUILD, place(BUILD_WORDS), "Add guava to the dependencies"),

            // 6. performance
            rule(CommitType.PERF, leading("speed(?:s|ed)? ?up|sped up|speedups?|optimi[sz](?:e|es|ed|ing|ations?)"
                    + "|perf|performance|faster|quicker|efficien(?:t|cy)|less (?:memory|allocations?|garbage)"
                    + "|fewer allocations?|cach(?:e|es|ed|ing)|memoi[sz](?:e|es|ed|ing|ation)|lazy|lazily"
                    + "|paralleli[sz](?:e|es|ed|ing)"), "Speed up StringUtils.join"),
            rule(CommitType.PERF, "(?:improv(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|boost(?:s|ed)?|better"
                    + "|reduc(?:e|es|ed|ing)|lower(?:s|ed)?|cut|minimi[sz](?:e|es|ed)) (?:the )?(?:\\S+ )?"
                    + "(?:performance|speed|throughput|latency|memory(?: usage| footprint| consumption)?"
                    + "|allocations?|garbage|gc(?: pressure)?|overhead|cpu(?: usage)?|startup(?: time)?|footprint"
                    + "|contention|boxing)" + WE, "Improve performance of StrBuilder"),
            rule(CommitType.PERF, "avoid(?:s|ed|ing)? (?:\\S+ )?(?:unnecessary |extra |redundant |needless "
                    + "|repeated )?(?:allocations?|allocating|copying|copies|copy|boxing|autoboxing|object creation"
                    + "|array copies|string concatenation|reflection|lookups?|recomputation|recomputing)" + WE,
                    "Avoid unnecessary array copies"),
            rule(CommitType.PERF, "(?:mak(?:e|es|ing)|made) (?:\\S+ ){0,3}(?:faster|quicker|cheaper|more efficient)"
                    + WE, "Make parsing faster"),
            rule(CommitType.PERF, "(?:\\S+ ){0,8}?(?:performance (?:improvements?|regressions?|issues?|problems?"
                    + "|fix(?:es)?|bugs?|optimi[sz]ations?)|speed ?up|faster)" + WE,
                    "Use a lookup table for faster escaping"),

            // 7. refactoring forms
            rule(CommitType.REFACTOR, "(?:remov(?:e|es|ed|ing)|delet(?:e|es|ed|ing)|drop(?:s|ped|ping)?"
                    + "|eliminat(?:e|es|ed|ing)) (?:\\S+ )?(?:unused|dead|redundant|obsolete|unnecessary|useless"
                    + "|needless|duplicated?|duplicate code|deprecated|commented[- ]out|superfluous|extraneous)" + WE,
                    "Remove unused imports"),
            rule(CommitType.REFACTOR, "(?:avoid(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|remov(?:e|es|ed|ing)"
                    + "|eliminat(?:e|es|ed|ing)) (?:code )?duplicat", "Reduce code duplication"),
            rule(CommitType.REFACTOR, leading("no need|unnecessary|redundant|unused|dead code|duplicate code"
                    + "|code duplication"), "Redundant keyword"),
            rule(CommitType.REFACTOR, "mak(?:e|es|ing) (?:\\S+ ){0,3}(?:final|private|static|package[- ]private"
                    + "|immutable|protected|public|internal|consistent|clearer|simpler|more readable|readable"
                    + "|generic)" + WE, "Make fields final"),
            rule(CommitType.REFACTOR, "better (?:\\S+ ){0,2}(?:names?|naming)" + WE, "Better local variable name"),

            // 8. bug forms
            rule(CommitType.FIX, "add(?:s|ed|ing)? (?:a |an |the )?(?:missing|null|nil|bounds|range|sanity"
                    + "|defensive|safety|proper|correct)" + WE, "Add missing null check"),
            rule(CommitType.FIX, ".*\\b(?:npe|nullpointerexception|null ?pointer(?: exception)?|null[- ]?checks?"
                    + "|memory leaks?|resource leaks?|race conditions?|deadlocks?|off[- ]by[- ]one"
                    + "|segfaults?|infinite loops?|stackoverflowerror)" + WE, "Avoid NPE in StringUtils.strip()"),
            rule(CommitType.FIX, leading("crash(?:es|ed)?|hangs?|broken|regressions?|bugs?|bug ?fix(?:es)?"
                    + "|hot ?fix(?:es)?|quick ?fix(?:es)?|workaround|work around|worked around"),
                    "Bugfix for empty input"),
            rule(CommitType.FIX, "handl(?:e|es|ed|ing) .*\\b(?:errors?|exceptions?|failures?|nulls?|crash(?:es)?"
                    + "|edge cases?|corner cases?|timeouts?|missing|empty|invalid|interrupt(?:s|ed|ion)?)" + WE,
                    "Handle IOException when the file is missing"),
            rule(CommitType.FIX, "keep(?:s|ing)? (?:\\S+ ){1,5}?from (?:\\S+ )?(?:throwing|failing|crashing|splitting"
                    + "|breaking|losing|leaking|overflowing|hanging|returning|corrupting|clamping|truncating|merging)"
                    + WE, "Keep the scanner from overflowing on long lines"),
            rule(CommitType.FIX, "(?:mak(?:e|es|ing)|made) (?:\\S+ ){0,4}(?:work(?:s|ing)?|compile|pass"
                    + "|thread[- ]safe|null[- ]safe|safe|robust|correct|reliable)" + WE, "Make it work on Windows"),

            // 9. the leading verb
            rule(CommitType.FIX, leading("fix(?:es|ed|ing|up)?|correct(?:s|ed|ing|ions?)?|resolv(?:e|es|ed|ing)"
                    + "|repair(?:s|ed|ing)?|prevent(?:s|ed|ing)?|avoid(?:s|ed|ing)?|guard(?:s|ed|ing)?"
                    + "|protect(?:s|ed)? against|don[’']?t|do not|does not|doesn[’']?t|should not|shouldn[’']?t"
                    + "|must not|never|stop(?:s|ped)?|ensur(?:e|es|ed|ing)|make sure|check for|catch(?:es)?|caught"
                    + "|restor(?:e|es|ed|ing)|address(?:es|ed)?|solv(?:e|es|ed|ing)|reject(?:s|ed|ing)?"),
                    "Fixed StringIndexOutOfBoundsException"),
            rule(CommitType.REFACTOR, leading("refactor(?:s|ed|ing|ings)?|re-factor\\w*|clean(?:s|ed|ing)?[ -]?ups?"
                    + "|cleanups?|clean(?:s|ed)?|tid(?:y|ied|ies|ying)(?: up)?|renam(?:e|es|ed|ing)"
                    + "|mov(?:e|es|ed|ing)|extract(?:s|ed|ing)?|simplif(?:y|ies|ied|ying|ications?)|simpler"
                    + "|restructur(?:e|es|ed|ing)|reorgani[sz](?:e|es|ed|ing|ation)|rework(?:s|ed|ing)?"
                    + "|rewr(?:ite|ites|ote|itten|iting)|in-?lin(?:e|es|ed|ing)|reus(?:e|es|ed|ing)|use[sd]?|using"
                    + "|replac(?:e|es|ed|ing)|migrat(?:e|es|ed|ing)|convert(?:s|ed|ing)?|consolidat(?:e|es|ed|ing)"
                    + "|split(?:s|ting)?|dedup(?:e|licate)?[sd]?|decoupl(?:e|es|ed|ing)|generali[sz](?:e|es|ed|ing)"
                    + "|streamlin(?:e|es|ed|ing)|moderni[sz](?:e|es|ed|ing)|unif(?:y|ies|ied)|remov(?:e|es|ed|ing)"
                    + "|delet(?:e|es|ed|ing)|drop(?:s|ped|ping)?|deprecat(?:e|es|ed|ing)|polish(?:es|ed|ing)?"
                    + "|tweak(?:s|ed|ing)?|encapsulat(?:e|es|ed|ing)|re-?implement(?:s|ed|ing)?"
                    + "|normali[sz](?:e|es|ed|ing)|introduc(?:e|es|ed|ing) (?:a |an )?"
                    + "(?:constant|variable|local variable|parameter object|helper|base class)"),
                    "Clean up StringUtils"),
            rule(CommitType.FEAT, leading("feat|features?|add(?:s|ed|ing)?|implement(?:s|ed|ing|ations?)?"
                    + "|introduc(?:e|es|ed|ing)"
                    + "|support(?:s|ed|ing)?|allow(?:s|ed|ing)?|creat(?:e|es|ed|ing)|new|enabl(?:e|es|ed|ing)"
                    + "|provid(?:e|es|ed|ing)|expos(?:e|es|ed|ing)|initial (?:support|implementation|version)"
                    + "|extend(?:s|ed|ing)?|improv(?:e|es|ed|ing|ements?)|enhanc(?:e|es|ed|ing|ements?)|better|lets?"
                    + "|handl(?:e|es|ed|ing)|accept(?:s|ed|ing)?|generat(?:e|es|ed|ing)"
                    + "|mak(?:e|es|ing) (?:\\S+ ){0,3}(?:configurable|optional|customi[sz]able|pluggable|possible"
                    + "|available|extensible|overridable)"), "Add StringUtils.truncate(String, int)"),
            rule(CommitType.BUILD, leading("upgrad(?:e|es|ed|ing)|downgrad(?:e|es|ed|ing)|pin(?:s|ned|ning)?"
                    + "|unpin(?:s|ned|ning)?"), "Upgrade Jackson"),

            // 10. no verb of ours, but the subject describes a bug, as issue titles do
            rule(CommitType.FIX, "(?:\\S+ ){0,10}?(?:doesn[’']?t|does not|don[’']?t|do not|should(?: not|n[’']?t)?"
                    + " (?:return|throw|be|handle|accept|fail|work|allow|clear|ignore)|can ?not|can[’']?t"
                    + "|fails?(?! fast)"
                    + "|fail(?:s|ed)? to|incorrectly|wrongly|erroneously|(?:is|are) (?:missing|broken|wrong)"
                    + "|may not|might not|can throw|throws? (?:an? )?\\S*(?:exception|error)|returns? (?:null|wrong"
                    + "|incorrect)|ignores?|loses?|leaks?)" + WE, "StringUtils.strip(null) does not return null"));

    /** The most common gitmoji (gitmoji.dev), by code and by emoji, with the type each stands for. */
    static final Map<String, CommitType> GITMOJI = gitmoji(
            "sparkles ✨ FEAT", "bug 🐛 FIX", "ambulance 🚑 FIX", "adhesive_bandage 🩹 FIX", "lock 🔒 FIX",
            "memo 📝 DOCS", "pencil2 ✏ DOCS", "bulb 💡 DOCS", "recycle ♻ REFACTOR", "truck 🚚 REFACTOR",
            "fire 🔥 REFACTOR", "wastebasket 🗑 REFACTOR", "building_construction 🏗 REFACTOR",
            "white_check_mark ✅ TEST", "test_tube 🧪 TEST", "zap ⚡ PERF", "art 🎨 STYLE", "rotating_light 🚨 STYLE",
            "arrow_up ⬆ BUILD", "arrow_down ⬇ BUILD", "heavy_plus_sign ➕ BUILD", "heavy_minus_sign ➖ BUILD",
            "pushpin 📌 BUILD", "package 📦 BUILD", "construction_worker 👷 CI", "green_heart 💚 CI",
            "rewind ⏪ REVERT", "bookmark 🔖 CHORE", "twisted_rightwards_arrows 🔀 CHORE", "wrench 🔧 CHORE",
            "hammer 🔨 CHORE", "see_no_evil 🙈 CHORE", "page_facing_up 📄 CHORE");

    /** Bracketed tags whose meaning the rules would miss or get wrong. */
    private static final Map<String, CommitType> TAGS = Map.of(
            "maven-release-plugin", CommitType.CHORE,
            "release", CommitType.CHORE,
            "ci skip", CommitType.OTHER,
            "skip ci", CommitType.OTHER,
            "skip-ci", CommitType.OTHER,
            "ci-skip", CommitType.OTHER);

    private static final Pattern AUTOSQUASH = Pattern.compile("(?i)(?:fixup|squash|amend)!");
    private static final Pattern BULLET = Pattern.compile("[-*+•]\\s+");
    private static final String TICKET =
            "(?:[A-Z][A-Z0-9_]+-\\d+|#\\d+|(?i:gh-|issue|bug|ticket|task|story)\\s*#?\\d+)";
    private static final Pattern TICKETS = Pattern.compile("\\(?" + TICKET + "(?:\\s*,\\s*" + TICKET + ")*\\)?"
            + "(?:\\s*[:\\-–—|.]\\s*|\\s+)");
    private static final Pattern MERGED_PR = Pattern.compile("(?i)merged pr \\d+\\s*:\\s*");
    private static final Pattern TAG = Pattern.compile(
            "(?:\\[([^\\[\\]]{1,60})\\]|\\(([^()]{1,60})\\))\\s*[:\\-–—|]?\\s*");
    private static final Pattern GITMOJI_CODE = Pattern.compile(":([a-z0-9_+\\-]+):\\s*");
    private static final Pattern EMOJI = Pattern.compile(
            "[\\p{So}\\x{1F3FB}-\\x{1F3FF}\\x{FE0F}\\x{200D}\\x{20E3}]+\\s*");
    /** A subsystem or area prefix, Linux style: "net: ipv4: fix …", "drm/i915: …", "Foo.java: …". */
    private static final Pattern AREA = Pattern.compile(
            "([A-Za-z][\\w./+-]{0,40})(?:\\s*\\([^)]{0,60}\\))?\\s*!?\\s*:(?:\\s+|$)");
    private static final Pattern QUALIFIERS = Pattern.compile("(?:(?:minor|small|tiny|trivial|quick|some|various"
            + "|misc\\.?|miscellaneous|more|a few|few|several|additional|further|general|slight|little|major|big"
            + "|huge|final|another|lots of|a lot of|a couple of|couple of|a bunch of|bunch of|one more|multiple"
            + "|many|internal|code|try to|trying to|tried to|attempt to|attempt at|an attempt to|an attempt at"
            + "|another attempt to|another attempt at),? )+");
    private static final Pattern SKIP_CI = Pattern.compile("\\[(?:ci skip|skip ci|skip-ci|ci-skip|no ci)\\]");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** Noise is stripped at most this many times: a subject is not a list of thousands of tags. */
    private static final int MAX_NOISE = 12;

    private MessageTypeInference() {
    }

    /**
     * The type that a subject line's wording suggests.
     *
     * @param subject the first line of a message that declares no Conventional Commits type
     * @return the inferred type, {@link CommitType#OTHER} when the wording says nothing; never {@code null}
     */
    static CommitType infer(String subject) {
        Decision d = decide(subject);
        return d.type();
    }

    /** The rule that decides a subject, or {@code null} when a marker or nothing decides it; for the tests. */
    static @Nullable Rule ruleFor(String subject) {
        return decide(subject).rule();
    }

    private record Decision(CommitType type, @Nullable Rule rule) {
        static final Decision NONE = new Decision(CommitType.OTHER, null);
    }

    private static Decision decide(String subject) {
        String s = subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
        s = s.strip();
        if (AUTOSQUASH.matcher(s).lookingAt()) {
            return Decision.NONE;
        }
        for (int i = 0; i < MAX_NOISE && !s.isEmpty(); i++) {
            Matcher m;
            CommitType marker = null;
            if ((m = BULLET.matcher(s)).lookingAt() || (m = TICKETS.matcher(s)).lookingAt()
                    || (m = MERGED_PR.matcher(s)).lookingAt()) {
                // nothing to learn from these
            } else if ((m = TAG.matcher(s)).lookingAt()) {
                marker = tagType(m.group(1) != null ? m.group(1) : m.group(2));
            } else if ((m = GITMOJI_CODE.matcher(s)).lookingAt()) {
                marker = GITMOJI.get(m.group(1));
            } else if ((m = EMOJI.matcher(s)).lookingAt()) {
                marker = emojiType(m.group());
            } else if ((m = AREA.matcher(s)).lookingAt()) {
                marker = wordType(m.group(1));
            } else {
                break;
            }
            if (marker != null && marker != CommitType.OTHER) {
                return new Decision(marker, null);
            }
            s = s.substring(m.end());
        }
        return byRules(s);
    }

    private static Decision byRules(String text) {
        String s = normalize(text);
        if (s.isEmpty()) {
            return Decision.NONE;
        }
        for (Rule r : RULES) {
            if (r.matches(s)) {
                return new Decision(r.type(), r);
            }
        }
        return Decision.NONE;
    }

    /** Lower case, single spaces, no {@code [ci skip]} markers and no leading qualifiers ("Minor", "More", …). */
    private static String normalize(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        s = SKIP_CI.matcher(s).replaceAll(" ");
        s = BLANKS.matcher(s).replaceAll(" ").strip();
        Matcher q = QUALIFIERS.matcher(s);
        return q.lookingAt() ? s.substring(q.end()) : s;
    }

    /** A type word ({@code feat}, {@code bugfix}) or a word the rules classify ({@code Javadoc}, {@code tests}). */
    private static @Nullable CommitType wordType(String word) {
        CommitType declared = ConventionalCommits.typeWord(word);
        return declared != null ? declared : byRules(word).type();
    }

    private static @Nullable CommitType tagType(String tag) {
        String key = BLANKS.matcher(tag.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        CommitType special = TAGS.get(key);
        return special != null ? special : wordType(key);
    }

    private static @Nullable CommitType emojiType(String run) {
        for (int i = 0; i < run.length(); ) {
            int cp = run.codePointAt(i);
            CommitType t = GITMOJI.get(new String(Character.toChars(cp)));
            if (t != null) {
                return t;
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static Map<String, CommitType> gitmoji(String... rows) {
        List<Map.Entry<String, CommitType>> entries = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.split(" ");
            CommitType type = CommitType.valueOf(f[2]);
            entries.add(Map.entry(f[0], type));
            entries.add(Map.entry(f[1], type));
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, CommitType>[] array = entries.toArray(new Map.Entry[0]);
        return Map.ofEntries(array);
    }
}
