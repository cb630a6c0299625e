package dev.commitstats.core.detect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Text helpers shared by the line-oriented parsers. */
final class Text {

    private Text() {
    }

    /** Decodes UTF-8 (malformed bytes become U+FFFD) and drops a leading byte-order mark. */
    static String decode(byte[] content) {
        String s = new String(content, StandardCharsets.UTF_8);
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /** Splits on {@code \n}, {@code \r\n} and {@code \r}, in linear time. */
    static List<String> lines(String s) {
        List<String> lines = new ArrayList<>();
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(s.substring(start, i));
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
