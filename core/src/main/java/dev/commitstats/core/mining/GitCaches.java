package dev.commitstats.core.mining;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * Sizes JGit's pack caches for mining. Pack access is the other half of mining time: a larger window cache and delta
 * base cache keep the hot parts of the packs and the delta chains in memory, bounded whatever the repository size
 * (192 MiB of pack windows of 64 KiB read without memory mapping, 48 MiB of delta bases, objects over 64 MiB
 * streamed).
 *
 * <p>JGit's caches are global to the JVM and replacing them drops what they hold, so they are configured once, at
 * start-up, by whoever starts the process (a command's {@code call}, the server's assembly, a benchmark's setup), and
 * not by {@link RepositoryMiner#open}: a server opening repositories for several collections at once must not swap
 * the cache under the ones already mining. Without {@link #install()} mining still works, on JGit's defaults.
 */
public final class GitCaches {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private GitCaches() {
    }

    /**
     * Installs the mining cache configuration the first time it is called in this JVM; later calls do nothing.
     * Thread-safe. Call it before opening repositories: objects already cached under another configuration are
     * dropped when it installs.
     */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            WindowCacheConfig cfg = new WindowCacheConfig();
            cfg.setPackedGitLimit(192L * 1024 * 1024);
            cfg.setPackedGitWindowSize(64 * 1024);
            cfg.setPackedGitMMAP(false);
            cfg.setDeltaBaseCacheLimit(48 * 1024 * 1024);
            cfg.setStreamFileThreshold(64 * 1024 * 1024);
            cfg.install();
        }
    }
}
