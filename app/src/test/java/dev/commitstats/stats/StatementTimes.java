package dev.commitstats.stats;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * Where a benchmark's database time goes: a {@link DataSource} whose prepared statements add the time each execution
 * takes to the statement's text (its start, whitespace collapsed). For benchmarks only: every call goes through a
 * reflective proxy.
 */
final class StatementTimes {

    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, null);
    }

    /** The {@code n} statements that took longest, with their total milliseconds and executions; then starts again. */
    String topAndReset(int n) {
        String top = nanos.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .limit(n)
                .map(e -> "%d ms in %d x [%s]".formatted(e.getValue().sum() / 1_000_000, calls.get(e.getKey()).sum(),
                        e.getKey()))
                .collect(Collectors.joining("; "));
        nanos.clear();
        calls.clear();
        return top;
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target, String sql) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            long start = System.nanoTime();
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            String name = method.getName();
            if (sql != null && (name.startsWith("execute"))) {
                nanos.computeIfAbsent(sql, k -> new LongAdder()).add(System.nanoTime() - start);
                calls.computeIfAbsent(sql, k -> new LongAdder()).increment();
            }
            if (result instanceof Connection c && type != Connection.class) {
                return proxy(Connection.class, c, null);
            }
            if (result instanceof PreparedStatement ps && args != null && args[0] instanceof String text) {
                return proxy(PreparedStatement.class, ps, key(text));
            }
            if (result instanceof Statement st && !(result instanceof PreparedStatement)) {
                return proxy(Statement.class, st, "(plain statement)");
            }
            return result;
        });
    }

    private static String key(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 90 ? flat.substring(0, 90) : flat;
    }
}
