package dev.commitstats.cv;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What a published CV looks like once rendered — its JSON, its page, its cards — kept per snapshot, so that serving a
 * CV costs a lookup rather than a rendering (the snapshot spares the aggregation; this spares Jackson, Thymeleaf and
 * the card's drawing, which cost 100 ms of CPU per page before). A key names the snapshot it was rendered from
 * ({@link CvSnapshots.Published#key}), so a rebuilt snapshot is rendered afresh and the old renderings age out. Bounded
 * by total size, least recently used first. Thread-safe; two threads rendering the same key at once both render and
 * one result is kept, which is harmless.
 */
@Component
final class CvRenderings {

    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /** @param maxBytes the renderings' total size, at most; one larger than a quarter of it is not kept */
    CvRenderings(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Autowired
    CvRenderings(CvSettings settings) {
        this(settings.renderingsMaxSize().toBytes());
    }

    /** The rendering under {@code key}, made by {@code render} when there is none. */
    byte[] get(String key, Supplier<byte[]> render) {
        synchronized (entries) {
            byte[] kept = entries.get(key);
            if (kept != null) {
                return kept;
            }
        }
        byte[] made = render.get();
        put(key, made);
        return made;
    }

    /** The rendering under {@code key}, or null. */
    byte[] peek(String key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    void put(String key, byte[] value) {
        if (value.length > maxBytes / 4) {
            return;
        }
        synchronized (entries) {
            byte[] old = entries.put(key, value);
            bytes += value.length - (old == null ? 0 : old.length);
            Iterator<Map.Entry<String, byte[]>> eldest = entries.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                bytes -= eldest.next().getValue().length;
                eldest.remove();
            }
        }
    }
}
