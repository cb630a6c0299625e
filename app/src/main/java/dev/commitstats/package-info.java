/**
 * Commit Stats: the server and the command line in one jar. Each direct sub-package is a module in Spring Modulith's
 * sense (see {@code ModularityTests}); this package holds only the entry points.
 */
@NullMarked
package dev.commitstats;

import org.jspecify.annotations.NullMarked;
