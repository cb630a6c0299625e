/**
 * The coding CV: {@link dev.commitstats.cv.CvDocument}, built by {@link dev.commitstats.cv.CvDocuments} from a user's
 * collected numbers, rendered as JSON by {@link dev.commitstats.cv.CvJson}; the page, card and API come here too.
 */
@NullMarked
@ApplicationModule(displayName = "CV", allowedDependencies = {"config", "accounts", "repos", "stats", "stats::export", "collection", "web"})
package dev.commitstats.cv;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
