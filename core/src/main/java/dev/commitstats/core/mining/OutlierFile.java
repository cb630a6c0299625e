package dev.commitstats.core.mining;

/**
 * A single file change over the bulk threshold. Its lines are in the {@link ExclusionBucket#BULK} bucket; its owner
 * may review it and count it after all, in {@code language}. The path is the only file path Commit Stats keeps, and
 * only the owner sees it.
 *
 * @param path      the file's path in the commit (UTF-8, undecodable bytes replaced)
 * @param language  the language its lines count in if the owner includes it
 * @param additions lines added
 * @param deletions lines deleted
 */
public record OutlierFile(String path, String language, long additions, long deletions) {
}
