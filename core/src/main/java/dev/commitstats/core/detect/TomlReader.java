package dev.commitstats.core.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A small TOML reader, enough for {@code pyproject.toml} and {@code Cargo.toml}: it flattens a document into
 * {@link Entry entries} of full key paths and values.
 *
 * <p>Values are a {@link String} for strings, a {@link List} for arrays, a {@link Map} for inline tables (whose members
 * are also emitted as entries of their own, with longer paths), {@link #SCALAR} for numbers, booleans and dates, and
 * {@link #TABLE} for table headers ({@code [a.b]} and {@code [[a.b]]}, array-of-tables indices are not modelled).
 *
 * <p>The reader is linear, non-recursive (nesting uses an explicit stack capped at {@link #MAX_DEPTH}) and fairly
 * strict: anything it cannot read throws {@link MalformedManifestException}. It is lenient only where leniency
 * cannot change a key: newlines and trailing commas inside inline tables, and the lexical form of bare scalars.
 */
final class TomlReader {

    /** A key path and its value. */
    record Entry(List<String> path, Object value) {
    }

    /** Value of a table header entry. */
    static final Object TABLE = new Object();
    /** Value of a number, boolean or date. */
    static final Object SCALAR = new Object();

    static final int MAX_DEPTH = 128;
    /** Longest dotted key accepted; real manifests use a handful of parts. Bounds the cost of copying paths. */
    static final int MAX_KEY_PARTS = 64;
    /** Inline-table members are emitted as entries of their own only up to this path length. */
    static final int MAX_FLATTENED_PATH = 8;

    private final String s;
    private final int n;
    private int pos;
    private final List<Entry> out = new ArrayList<>();

    private TomlReader(String s) {
        this.s = s;
        this.n = s.length();
    }

    /** Reads a whole document. @throws MalformedManifestException on input that is not TOML */
    static List<Entry> read(String text) {
        TomlReader reader = new TomlReader(text);
        reader.document();
        return reader.out;
    }

    private void document() {
        List<String> table = List.of();
        while (true) {
            skipWhitespaceAndComments();
            if (pos >= n) {
                return;
            }
            if (s.charAt(pos) == '[') {
                boolean arrayOfTables = pos + 1 < n && s.charAt(pos + 1) == '[';
                pos += arrayOfTables ? 2 : 1;
                skipBlanks();
                table = key();
                skipBlanks();
                expect(']');
                if (arrayOfTables) {
                    expect(']');
                }
                out.add(new Entry(table, TABLE));
            } else {
                List<String> key = key();
                skipBlanks();
                expect('=');
                skipBlanks();
                Object value = value();
                List<String> path = new ArrayList<>(table.size() + key.size());
                path.addAll(table);
                path.addAll(key);
                emit(path, value);
            }
            endOfLine();
        }
    }

    /** Adds the entry and, for an inline table, every member below it (iteratively). */
    @SuppressWarnings("unchecked")
    private void emit(List<String> path, Object value) {
        out.add(new Entry(path, value));
        if (!(value instanceof Map) || path.size() >= MAX_FLATTENED_PATH) {
            return;
        }
        Deque<Entry> todo = new ArrayDeque<>();
        todo.push(new Entry(path, value));
        while (!todo.isEmpty()) {
            Entry e = todo.pop();
            for (Map.Entry<String, Object> member : ((Map<String, Object>) e.value()).entrySet()) {
                List<String> p = new ArrayList<>(e.path().size() + 1);
                p.addAll(e.path());
                p.add(member.getKey());
                out.add(new Entry(p, member.getValue()));
                if (member.getValue() instanceof Map && p.size() < MAX_FLATTENED_PATH) {
                    todo.push(new Entry(p, member.getValue()));
                }
            }
        }
    }

    /** A dotted key: {@code a."b.c".'d'}. */
    private List<String> key() {
        List<String> parts = new ArrayList<>(4);
        while (true) {
            parts.add(keyPart());
            if (parts.size() > MAX_KEY_PARTS) {
                throw new MalformedManifestException("key too long");
            }
            skipBlanks();
            if (pos < n && s.charAt(pos) == '.') {
                pos++;
                skipBlanks();
            } else {
                return parts;
            }
        }
    }

    private String keyPart() {
        char c = peek();
        if (c == '"') {
            if (s.startsWith("\"\"\"", pos)) {
                throw new MalformedManifestException("multi-line string as key");
            }
            return basicString();
        }
        if (c == '\'') {
            if (s.startsWith("'''", pos)) {
                throw new MalformedManifestException("multi-line string as key");
            }
            return literalString();
        }
        int start = pos;
        while (pos < n && isBareKeyChar(s.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw new MalformedManifestException("expected a key at " + pos);
        }
        return s.substring(start, pos);
    }

    /** One value, with arrays and inline tables read on an explicit stack. */
    private Object value() {
        Deque<Frame> stack = new ArrayDeque<>();
        while (true) {
            Object v;
            char c = peek();
            if (c == '[' || c == '{') {
                if (stack.size() >= MAX_DEPTH) {
                    throw new MalformedManifestException("nesting too deep");
                }
                pos++;
                Frame frame = new Frame(c == '[');
                stack.push(frame);
                if (openElement(frame)) {
                    continue;
                }
                v = stack.pop().value();
            } else {
                v = scalar();
            }
            while (true) {
                Frame top = stack.peek();
                if (top == null) {
                    return v;
                }
                top.add(v);
                skipWhitespaceAndComments();
                char d = peek();
                if (d == ',') {
                    pos++;
                    if (openElement(top)) {
                        break;
                    }
                    v = stack.pop().value();
                } else if (d == top.close) {
                    pos++;
                    v = stack.pop().value();
                } else {
                    throw new MalformedManifestException("expected ',' or '" + top.close + "' at " + pos);
                }
            }
        }
    }

    /** Positions at the next element of {@code frame}; returns {@code false} if the container closed instead. */
    private boolean openElement(Frame frame) {
        skipWhitespaceAndComments();
        if (peek() == frame.close) {
            pos++;
            return false;
        }
        if (!frame.array) {
            frame.pendingKey = key();
            skipBlanks();
            expect('=');
            skipBlanks();
        }
        return true;
    }

    private Object scalar() {
        if (s.startsWith("\"\"\"", pos)) {
            return multiLineBasicString();
        }
        if (s.startsWith("'''", pos)) {
            return multiLineLiteralString();
        }
        char c = peek();
        if (c == '"') {
            return basicString();
        }
        if (c == '\'') {
            return literalString();
        }
        int start = pos;
        while (pos < n && ",]}#\n\r=[{\"'".indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        int end = pos;
        while (end > start && Text.isBlank(s.charAt(end - 1))) {
            end--;
        }
        if (end == start) {
            throw new MalformedManifestException("expected a value at " + start);
        }
        return SCALAR;
    }

    private String basicString() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '\\') {
                escape(sb);
            } else {
                sb.append(c);
                pos++;
            }
        }
        throw new MalformedManifestException("unterminated string");
    }

    private String multiLineBasicString() {
        pos += 3;
        skipOneNewline();
        StringBuilder sb = new StringBuilder();
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '"' && s.startsWith("\"\"\"", pos)) {
                int quotes = countQuotes('"');
                if (quotes > 5) {
                    throw new MalformedManifestException("too many quotes");
                }
                sb.append("\"".repeat(quotes - 3));
                pos += quotes;
                return sb.toString();
            }
            if (c == '\\') {
                int after = pos + 1;
                while (after < n && Text.isBlank(s.charAt(after))) {
                    after++;
                }
                if (after < n && (s.charAt(after) == '\n' || s.charAt(after) == '\r')) {
                    // line-ending backslash: trim all white space up to the next non-blank
                    pos = after;
                    while (pos < n && Character.isWhitespace(s.charAt(pos))) {
                        pos++;
                    }
                } else {
                    escape(sb);
                }
            } else {
                sb.append(c);
                pos++;
            }
        }
        throw new MalformedManifestException("unterminated string");
    }

    private String literalString() {
        pos++;
        int start = pos;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '\'') {
                String value = s.substring(start, pos);
                pos++;
                return value;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            pos++;
        }
        throw new MalformedManifestException("unterminated string");
    }

    private String multiLineLiteralString() {
        pos += 3;
        skipOneNewline();
        int end = s.indexOf("'''", pos);
        if (end < 0) {
            throw new MalformedManifestException("unterminated string");
        }
        int start = pos;
        pos = end;
        int quotes = countQuotes('\'');
        if (quotes > 5) {
            throw new MalformedManifestException("too many quotes");
        }
        pos = end + quotes;
        return s.substring(start, end + quotes - 3);
    }

    private int countQuotes(char quote) {
        int i = pos;
        while (i < n && s.charAt(i) == quote && i - pos <= 5) {
            i++;
        }
        return i - pos;
    }

    private void escape(StringBuilder sb) {
        if (pos + 1 >= n) {
            throw new MalformedManifestException("dangling escape");
        }
        char e = s.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 'b' -> sb.append('\b');
            case 't' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'f' -> sb.append('\f');
            case 'r' -> sb.append('\r');
            case 'e' -> sb.append('\u001b');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'x' -> sb.appendCodePoint(hex(2));
            case 'u' -> sb.appendCodePoint(hex(4));
            case 'U' -> sb.appendCodePoint(hex(8));
            default -> throw new MalformedManifestException("bad escape \\" + e);
        }
    }

    private int hex(int digits) {
        if (pos + digits > n) {
            throw new MalformedManifestException("short unicode escape");
        }
        int cp = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0) {
                throw new MalformedManifestException("bad unicode escape");
            }
            cp = cp * 16 + d;
            if (cp > Character.MAX_CODE_POINT) {
                throw new MalformedManifestException("bad code point");
            }
        }
        pos += digits;
        return cp;
    }

    private void skipOneNewline() {
        if (pos < n && s.charAt(pos) == '\n') {
            pos++;
        } else if (s.startsWith("\r\n", pos)) {
            pos += 2;
        }
    }

    private void endOfLine() {
        skipBlanks();
        if (pos < n && s.charAt(pos) == '#') {
            skipComment();
        }
        if (pos < n && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
            throw new MalformedManifestException("expected end of line at " + pos);
        }
    }

    private void skipWhitespaceAndComments() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '#') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        while (pos < n && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void skipBlanks() {
        while (pos < n && Text.isBlank(s.charAt(pos))) {
            pos++;
        }
    }

    private void expect(char c) {
        if (pos >= n || s.charAt(pos) != c) {
            throw new MalformedManifestException("expected '" + c + "' at " + pos);
        }
        pos++;
    }

    private char peek() {
        if (pos >= n) {
            throw new MalformedManifestException("unexpected end of input");
        }
        return s.charAt(pos);
    }

    private static boolean isBareKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** An open array or inline table. */
    private static final class Frame {
        final boolean array;
        final char close;
        final @Nullable List<Object> list;
        final @Nullable Map<String, Object> table;
        @Nullable List<String> pendingKey;

        Frame(boolean array) {
            this.array = array;
            this.close = array ? ']' : '}';
            this.list = array ? new ArrayList<>() : null;
            this.table = array ? null : new LinkedHashMap<>();
        }

        @SuppressWarnings("unchecked")
        void add(Object v) {
            if (array) {
                list.add(v);
                return;
            }
            Map<String, Object> m = table;
            for (int i = 0; i < pendingKey.size() - 1; i++) {
                Object next = m.computeIfAbsent(pendingKey.get(i), k -> new LinkedHashMap<String, Object>());
                if (!(next instanceof Map)) {
                    throw new MalformedManifestException("key redefined");
                }
                m = (Map<String, Object>) next;
            }
            m.put(pendingKey.get(pendingKey.size() - 1), v);
        }

        Object value() {
            return array ? list : table;
        }
    }
}
