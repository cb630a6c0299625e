/**
 * Shared web plumbing and the pages that belong to no feature: the home page, the API's own info, the error pages and
 * problems, and what every page's layout reads.
 */
@NullMarked
@ApplicationModule(displayName = "Web", allowedDependencies = {"config"})
package dev.commitstats.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
