package dev.commitstats.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Unit tests of the static helpers and simple properties of {@link LineDiffCounter}. */
class LineDiffCounterTest {

    @Test
    void countLinesFollowsGitsCountLines() {
        assertThat(LineDiffCounter.countLines(b(""), 0)).isZero();
        assertThat(LineDiffCounter.countLines(b("a"), 1)).isEqualTo(1);
        assertThat(LineDiffCounter.countLines(b("a\n"), 2)).isEqualTo(1);
        assertThat(LineDiffCounter.countLines(b("\n"), 1)).isEqualTo(1);
        assertThat(LineDiffCounter.countLines(b("\n\n"), 2)).isEqualTo(2);
        assertThat(LineDiffCounter.countLines(b("a\nb"), 3)).isEqualTo(2);
        assertThat(LineDiffCounter.countLines(b("a\r\nb\r\n"), 6)).isEqualTo(2);
        assertThat(LineDiffCounter.countLines(b("a\rb\r"), 4)).isEqualTo(1);
        // only the first len bytes count
        assertThat(LineDiffCounter.countLines(b("a\nb\nc\n"), 3)).isEqualTo(2);
        assertThat(LineDiffCounter.countLines(b("0123456789abcdef\n0123456789\n"), 28)).isEqualTo(2);
    }

    @Property
    void countLinesMatchesNaiveCount(@ForAll @Size(max = 200) byte[] data) {
        int n = 0;
        for (byte x : data) {
            if (x == '\n') {
                n++;
            }
        }
        if (data.length > 0 && data[data.length - 1] != '\n') {
            n++;
        }
        assertThat(LineDiffCounter.countLines(data, data.length)).isEqualTo(n);
    }

    @Test
    void isBinaryLooksForNulInFirst8000Bytes() {
        assertThat(LineDiffCounter.isBinary(b(""), 0)).isFalse();
        assertThat(LineDiffCounter.isBinary(b("text\n"), 5)).isFalse();
        assertThat(LineDiffCounter.isBinary(new byte[] {'a', 0, 'b'}, 3)).isTrue();
        byte[] late = new byte[9000];
        Arrays.fill(late, (byte) 'x');
        late[7999] = 0;
        assertThat(LineDiffCounter.isBinary(late, late.length)).isTrue();
        late[7999] = 'x';
        late[8000] = 0;
        assertThat(LineDiffCounter.isBinary(late, late.length)).isFalse();
        // a NUL past len is not part of the data
        assertThat(LineDiffCounter.isBinary(new byte[] {'a', 'b', 0}, 2)).isFalse();
        // non-ASCII bytes alone are not binary for git
        assertThat(LineDiffCounter.isBinary(new byte[] {(byte) 0xFF, (byte) 0x80, '\n'}, 3)).isFalse();
    }

    @Test
    void packing() {
        LineDiffCounter c = new LineDiffCounter();
        long r = c.count(b("a\nb\nc\n"), 6, b("a\nx\ny\nc\n"), 8);
        assertThat(LineDiffCounter.added(r)).isEqualTo(2);
        assertThat(LineDiffCounter.deleted(r)).isEqualTo(1);
    }

    @Property
    void identicalInputsHaveNoChangesAndEmptySidesCountWholeFile(@ForAll @Size(max = 300) byte[] data) {
        LineDiffCounter c = new LineDiffCounter();
        assertThat(c.count(data, data.length, data.clone(), data.length)).isZero();
        long added = c.count(new byte[0], 0, data, data.length);
        assertThat(LineDiffCounter.added(added)).isEqualTo(LineDiffCounter.countLines(data, data.length));
        assertThat(LineDiffCounter.deleted(added)).isZero();
        long deleted = c.count(data, data.length, new byte[0], 0);
        assertThat(LineDiffCounter.deleted(deleted)).isEqualTo(LineDiffCounter.countLines(data, data.length));
        assertThat(LineDiffCounter.added(deleted)).isZero();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
