package dev.commitstats.stats.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * CSV as RFC 4180 describes it: a header {@code period,<metrics...>}, one record per period, CRLF line ends, a field
 * quoted (quotes doubled) only when it holds a comma, quote, CR or LF. UTF-8 without byte order mark.
 */
public final class CsvExporter implements PeriodTableExporter {

    private static final String CRLF = "\r\n";

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void write(PeriodTable table, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        write(table, w);
        w.flush();
    }

    /** Writes the table to {@code w}, which is flushed but not closed. */
    public void write(PeriodTable table, Writer w) throws IOException {
        w.write(PeriodTable.PERIOD_COLUMN);
        for (String m : table.metrics()) {
            w.write(',');
            w.write(field(m));
        }
        w.write(CRLF);
        for (PeriodRow row : table.rows()) {
            w.write(field(row.key()));
            for (int i = 0; i < row.size(); i++) {
                w.write(',');
                w.write(Long.toString(row.value(i)));
            }
            w.write(CRLF);
        }
        w.flush();
    }

    static String field(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
