package dev.commitstats.core.detect;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * {@code package.json}: the keys of the top-level {@code dependencies}, {@code devDependencies},
 * {@code peerDependencies} and {@code optionalDependencies} objects.
 *
 * <p>A strict, streaming JSON reader (RFC 8259, no comments or trailing commas) that validates the whole document
 * without building it: nesting is tracked in an array capped at {@link #MAX_DEPTH}, so deep input cannot overflow the
 * stack, and only the keys of interest are kept. A document that is not JSON, or whose root is not an object, is
 * malformed.
 */
final class PackageJsonParser implements ManifestParser {

    static final int MAX_DEPTH = 256;

    private static final Set<String> SECTIONS =
            Set.of("dependencies", "devDependencies", "peerDependencies", "optionalDependencies");

    @Override
    public Set<String> dependencies(byte[] content) {
        return new Reader(Text.decode(content)).read();
    }

    private static final class Reader {
        private final String s;
        private final int n;
        private int pos;
        /** {@code true} at depth d when the container at depth d is an object. */
        private final boolean[] isObject = new boolean[MAX_DEPTH + 1];
        private final Set<String> names = new LinkedHashSet<>();

        Reader(String s) {
            this.s = s;
            this.n = s.length();
        }

        @Nullable Set<String> read() {
            skipWhitespace();
            if (pos >= n || s.charAt(pos) != '{') {
                return null;
            }
            int depth = 0;
            boolean collecting = false; // the current depth-2 container is a dependency section object
            String rootKey = null;      // last key read at depth 1
            // state: expecting a value (true) or what follows a value (false)
            boolean expectValue = true;
            while (true) {
                skipWhitespace();
                if (expectValue) {
                    char c = peek();
                    if (c == '{' || c == '[') {
                        if (depth == MAX_DEPTH) {
                            throw new MalformedManifestException("nesting too deep");
                        }
                        pos++;
                        depth++;
                        isObject[depth] = c == '{';
                        if (depth == 2) {
                            collecting = c == '{' && rootKey != null && SECTIONS.contains(rootKey);
                        }
                        skipWhitespace();
                        char close = c == '{' ? '}' : ']';
                        if (peek() == close) {
                            pos++;
                            depth--;
                            expectValue = false;
                        } else if (c == '{') {
                            String key = member();
                            if (depth == 1) {
                                rootKey = key;
                            } else if (depth == 2 && collecting) {
                                addName(key);
                            }
                        }
                        continue;
                    }
                    if (c == '"') {
                        string();
                    } else {
                        literal();
                    }
                    expectValue = false;
                    continue;
                }
                if (depth == 0) {
                    if (pos != n) {
                        throw new MalformedManifestException("trailing content");
                    }
                    return names;
                }
                char c = peek();
                pos++;
                if (c == ',') {
                    skipWhitespace();
                    if (isObject[depth]) {
                        String key = member();
                        if (depth == 1) {
                            rootKey = key;
                        } else if (depth == 2 && collecting) {
                            addName(key);
                        }
                    }
                    expectValue = true;
                } else if (c == (isObject[depth] ? '}' : ']')) {
                    depth--;
                } else {
                    throw new MalformedManifestException("unexpected '" + c + "' at " + (pos - 1));
                }
            }
        }

        private void addName(String key) {
            String name = key.strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }

        /** Reads {@code "key" :} and returns the key. */
        private String member() {
            if (peek() != '"') {
                throw new MalformedManifestException("expected a key at " + pos);
            }
            String key = string();
            skipWhitespace();
            if (peek() != ':') {
                throw new MalformedManifestException("expected ':' at " + pos);
            }
            pos++;
            return key;
        }

        private String string() {
            pos++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (pos < n) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw new MalformedManifestException("control character in string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = peek();
                pos++;
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > n) {
                            throw new MalformedManifestException("short unicode escape");
                        }
                        int cp = 0;
                        for (int i = 0; i < 4; i++) {
                            int d = Character.digit(s.charAt(pos + i), 16);
                            if (d < 0) {
                                throw new MalformedManifestException("bad unicode escape");
                            }
                            cp = cp * 16 + d;
                        }
                        pos += 4;
                        sb.append((char) cp);
                    }
                    default -> throw new MalformedManifestException("bad escape");
                }
            }
            throw new MalformedManifestException("unterminated string");
        }

        /** {@code true}, {@code false}, {@code null} or a number. */
        private void literal() {
            for (String word : new String[] {"true", "false", "null"}) {
                if (s.startsWith(word, pos)) {
                    pos += word.length();
                    return;
                }
            }
            if (pos < n && s.charAt(pos) == '-') {
                pos++;
            }
            if (pos < n && s.charAt(pos) == '0') {
                pos++;
            } else if (digits() == 0) {
                throw new MalformedManifestException("expected a value at " + pos);
            }
            if (pos < n && s.charAt(pos) == '.') {
                pos++;
                if (digits() == 0) {
                    throw new MalformedManifestException("bad number");
                }
            }
            if (pos < n && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < n && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                if (digits() == 0) {
                    throw new MalformedManifestException("bad number");
                }
            }
        }

        private int digits() {
            int start = pos;
            while (pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            return pos - start;
        }

        private void skipWhitespace() {
            while (pos < n) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private char peek() {
            if (pos >= n) {
                throw new MalformedManifestException("unexpected end of input");
            }
            return s.charAt(pos);
        }
    }
}
