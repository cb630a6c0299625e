/** Shared web plumbing and the pages that belong to no feature: the home page, the API's own info. */
package dev.commitstats.web;
