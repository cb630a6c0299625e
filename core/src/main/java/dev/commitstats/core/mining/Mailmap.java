package dev.commitstats.core.mining;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jspecify.annotations.Nullable;

/**
 * A repository's {@code .mailmap}, read and applied as git reads and applies it ({@code git log --use-mailmap},
 * {@code %aE}, {@code git check-mailmap}; see {@code gitmailmap(5)}), so that commits written under an old address
 * the repository maps to one of a user's are recognised as theirs. JGit (7.8) has no mailmap support, hence this
 * small reimplementation of git's {@code mailmap.c}.
 *
 * <p>Reading, line by line ({@code \n}-separated): a line whose first character is {@code #} is a comment. Otherwise
 * the first {@code <...>} on the line is the proper email (a line without one, or with an empty one, is ignored) and
 * the whitespace-trimmed text before it the proper name; the text after it may hold a second {@code <...>}, the
 * commit email (empty allowed), with the commit name before it. A {@code #} later on a line is not special: git
 * ignores what follows the first pair only because it finds no second {@code <...>} there. So the four forms are
 * <pre>
 * Proper Name &lt;commit@email&gt;                            name only, for that email
 * &lt;proper@email&gt; &lt;commit@email&gt;                          email only, for that email
 * Proper Name &lt;proper@email&gt; &lt;commit@email&gt;              both, for that email
 * Proper Name &lt;proper@email&gt; Commit Name &lt;commit@email&gt;  both, for that name and email only
 * </pre>
 * Entries for one commit email accumulate (a name-only line and an email-only line combine); a later line overrides
 * what an earlier one set. An author is mapped by the entry of their email and name when there is one, else by the
 * entry of their email alone; names and emails are compared case-insensitively in ASCII, as git's {@code strcasecmp}
 * does. Only the emails matter to mining, but names are mapped too so that the whole behaviour can be checked
 * against {@code git check-mailmap}.
 *
 * <p>Immutable and thread-safe once built: the mining workers share one instance. A lookup is one hash lookup by
 * lower-cased email (plus one by name for the rare emails with name-specific entries), so applying it costs the
 * walk nothing measurable.
 */
final class Mailmap {

    /** Where git looks for it at the top of a tree. */
    static final String FILE_NAME = ".mailmap";

    /** A repository without a {@code .mailmap}. */
    static final Mailmap EMPTY = new Mailmap(Map.of());

    /**
     * Most bytes of {@code .mailmap} read. The largest known ones (the Linux kernel's) are under 100 KiB; git has no
     * limit, but a blob this large is not a mailmap anyone maintains, and reading it whole would cost the heap.
     */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    /**
     * What one entry maps to; null fields are left as they are.
     *
     * @param name  the proper name, or null to keep the commit's name
     * @param email the proper email, or null to keep the commit's email
     */
    private record Target(@Nullable String name, @Nullable String email) {
        static final Target NONE = new Target(null, null);

        Target with(@Nullable String newName, @Nullable String newEmail) {
            return new Target(newName != null ? newName : name, newEmail != null ? newEmail : email);
        }
    }

    /**
     * Everything mapped for one commit email.
     *
     * @param simple the mapping for any name (from the first three forms)
     * @param byName the mappings for particular commit names (the fourth form), keyed by ASCII-lower-cased name
     */
    private record Entry(Target simple, Map<String, Target> byName) {}

    /** Keyed by ASCII-lower-cased commit email. */
    private final Map<String, Entry> entries;

    private Mailmap(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /**
     * The {@code .mailmap} at the top of {@code tree} ({@code mailmap.blob}'s default in a bare repository,
     * {@code HEAD:.mailmap}), or {@link #EMPTY} without one. Like git, an entry that is not a blob (a folder, a
     * submodule) maps nothing, and a symbolic link's blob is read as it is (its target path, which maps nothing).
     *
     * @throws IOException when the tree or the blob cannot be read, or the blob is over {@link #MAX_BYTES}
     */
    static Mailmap read(ObjectReader reader, RevTree tree) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(reader, FILE_NAME, tree)) {
            if (tw == null || tw.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
                return EMPTY;
            }
            byte[] bytes;
            try {
                bytes = reader.open(tw.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(MAX_BYTES);
            } catch (LargeObjectException e) {
                throw new IOException("its .mailmap is larger than " + MAX_BYTES / (1024 * 1024) + " MiB", e);
            }
            return parse(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** The mailmap that {@code text} (the contents of a {@code .mailmap} file) describes. */
    static Mailmap parse(String text) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            text = text.substring(0, nul); // git reads the blob as a C string: nothing after a NUL counts
        }
        Map<String, Entry> entries = new HashMap<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            readLine(entries, text, start, end);
            start = end + 1;
        }
        return entries.isEmpty() ? EMPTY : new Mailmap(Map.copyOf(entries));
    }

    private static void readLine(Map<String, Entry> entries, String text, int start, int end) {
        if (text.charAt(start) == '#') {
            return;
        }
        // first pair: the proper name and email; its email may not be empty
        int left = text.indexOf('<', start);
        if (left < 0 || left >= end) {
            return;
        }
        int right = text.indexOf('>', left + 1);
        if (right < 0 || right >= end || right == left + 1) {
            return;
        }
        String properName = trimmedOrNull(text, start, left);
        String properEmail = text.substring(left + 1, right);
        // second pair, if any: the commit name and email; here the email may be empty
        String commitName = null;
        String commitEmail = null;
        int left2 = text.indexOf('<', right + 1);
        if (left2 >= 0 && left2 < end) {
            int right2 = text.indexOf('>', left2 + 1);
            if (right2 >= 0 && right2 < end) {
                commitName = trimmedOrNull(text, right + 1, left2);
                commitEmail = text.substring(left2 + 1, right2);
            }
        }
        if (commitEmail == null) {
            // "Proper Name <commit@email>": the only email is the commit's, and only the name is replaced
            commitEmail = properEmail;
            properEmail = null;
        }
        String key = asciiLower(commitEmail);
        Entry entry = entries.getOrDefault(key, new Entry(Target.NONE, Map.of()));
        if (commitName == null) {
            entries.put(key, new Entry(entry.simple().with(properName, properEmail), entry.byName()));
        } else {
            Map<String, Target> byName = new HashMap<>(entry.byName());
            byName.put(asciiLower(commitName), new Target(properName, properEmail)); // replaces, never combines
            entries.put(key, new Entry(entry.simple(), Map.copyOf(byName)));
        }
    }

    /** {@code text[from, to)} without whitespace at either end; null when nothing is left. */
    private static @Nullable String trimmedOrNull(String text, int from, int to) {
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        return from < to ? text.substring(from, to) : null;
    }

    /** Git's own {@code isspace} (ctype.c): space, tab, line feed and carriage return; not C's vertical tab or form feed. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Lower case for ASCII letters only, as C's {@code tolower} in git's comparisons; other characters as they are. */
    static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    if (out[j] >= 'A' && out[j] <= 'Z') {
                        out[j] = (char) (out[j] + ('a' - 'A'));
                    }
                }
                return new String(out);
            }
        }
        return s;
    }

    /** True when nothing is mapped: callers skip the lookup. */
    boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The email git shows for an author {@code name <email>} with the mailmap applied ({@code %aE}), or null when
     * the mailmap leaves the email as it is.
     */
    @Nullable String mappedEmail(String name, String email) {
        Target t = target(name, email);
        return t == null ? null : t.email();
    }

    /**
     * The identity git shows for {@code name <email>} with the mailmap applied ({@code git check-mailmap}): each of
     * name and email mapped, or the given one.
     */
    Identity map(String name, String email) {
        Target t = target(name, email);
        if (t == null) {
            return new Identity(name, email);
        }
        return new Identity(t.name() != null ? t.name() : name, t.email() != null ? t.email() : email);
    }

    private @Nullable Target target(String name, String email) {
        Entry e = entries.get(asciiLower(email));
        if (e == null) {
            return null;
        }
        if (!e.byName().isEmpty()) {
            Target t = e.byName().get(asciiLower(name));
            if (t != null) {
                return t;
            }
        }
        return e.simple();
    }

    /**
     * A name and email, as a commit carries them or as the mailmap maps them.
     *
     * @param name  the author's name
     * @param email the author's email, without the angle brackets
     */
    record Identity(String name, String email) {}
}
