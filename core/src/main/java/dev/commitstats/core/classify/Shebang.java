package dev.commitstats.core.classify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** The interpreter named by a {@code #!} line, following {@code lib/linguist/shebang.rb}. */
final class Shebang {

    private static final Pattern PATH = Pattern.compile("\\A#!\\s*(\\S+)");
    private static final Pattern ENV_OPTIONS =
            Pattern.compile("\\G(?:(?:(?:-[i0uCSv]*|--\\S+)\\s+)+|(?:\\S+=\\S+\\s+)+)");
    private static final Pattern WORD = Pattern.compile("\\G\\s*(\\S+)");
    private static final Pattern VERSION_SUFFIX = Pattern.compile("\\.\\d+$");
    private static final Pattern EXEC_HACK = Pattern.compile("exec (\\w+)[\\s\"']+\\$0[\\s\"']+\\$@");
    private static final Pattern OSASCRIPT_LANG = Pattern.compile("-l\\s?");

    private Shebang() {
    }

    /**
     * The interpreter ({@code "python3"}, {@code "bash"}, ...) or null.
     *
     * @param text content decoded byte-per-char (ISO-8859-1)
     */
    static @Nullable String interpreter(String text) {
        if (!text.startsWith("#!")) {
            return null;
        }
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        if (line.length() > 1024) {
            line = line.substring(0, 1024);
        }
        Matcher m = PATH.matcher(line);
        if (!m.find()) {
            return null;
        }
        String path = m.group(1);
        String script = path.substring(path.lastIndexOf('/') + 1);
        int pos = m.end();
        if (script.equals("env")) {
            Matcher opt = ENV_OPTIONS.matcher(line);
            while (true) {
                // skip the whitespace after "env" (and after each option group)
                while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
                    pos++;
                }
                opt.region(pos, line.length());
                if (opt.lookingAt() && opt.end() > pos) {
                    pos = opt.end();
                } else {
                    break;
                }
            }
            Matcher w = WORD.matcher(line);
            w.region(pos, line.length());
            if (!w.lookingAt()) {
                return null;
            }
            script = w.group(1);
            pos = w.end();
        }
        script = VERSION_SUFFIX.matcher(script).replaceFirst("");
        if (script.equals("sh")) {
            String[] lines = text.split("\n", 6);
            for (int i = 0; i < Math.min(5, lines.length); i++) {
                Matcher ex = EXEC_HACK.matcher(lines[i]);
                if (ex.find()) {
                    script = ex.group(1);
                    break;
                }
            }
        }
        if (script.equals("osascript") && OSASCRIPT_LANG.matcher(line).region(pos, line.length()).find()) {
            return null;
        }
        script = script.substring(script.lastIndexOf('/') + 1);
        return script.isEmpty() ? null : script;
    }
}
