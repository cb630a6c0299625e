/**
 * Collection: bringing a user's registered repositories up to date — mirror, mine only what is new, store it with the
 * repository's cursor, repair what a force-push removed. Background jobs and webhooks will drive it too.
 */
package dev.commitstats.collection;
