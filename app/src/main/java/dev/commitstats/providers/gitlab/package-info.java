/**
 * GitLab (gitlab.com and self-managed) behind {@link dev.commitstats.providers.Provider}: its REST API v4 for the
 * token check, project discovery, verified emails and merged merge requests in other people's projects.
 */
@NullMarked
package dev.commitstats.providers.gitlab;

import org.jspecify.annotations.NullMarked;
