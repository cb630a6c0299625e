package dev.commitstats.core.classify;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounded, thread-safe memo of per-path results. When full it is simply emptied: entries are
 * cheap to recompute and the answer never depends on the memo, so no LRU bookkeeping is needed
 * on the hot path.
 */
final class PathCache {

    private final int capacity;
    private final ConcurrentHashMap<String, FileClassifier.PathInfo> map;

    PathCache(int capacity) {
        this.capacity = capacity;
        this.map = new ConcurrentHashMap<>(Math.min(capacity, 1024));
    }

    FileClassifier.PathInfo get(String path) {
        return map.get(path);
    }

    void put(String path, FileClassifier.PathInfo info) {
        if (path.length() > 4096) {
            return; // do not let absurd paths pin memory
        }
        if (map.size() >= capacity) {
            map.clear();
        }
        map.put(path, info);
    }

    int size() {
        return map.size();
    }
}
