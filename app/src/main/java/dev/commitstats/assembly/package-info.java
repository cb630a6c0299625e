/**
 * The assembly of the features: {@link dev.commitstats.assembly.Features} builds every service once, in plain Java,
 * for the command line and (through a Spring configuration) for the server. Depends on every feature; none on it.
 */
@NullMarked
@ApplicationModule(displayName = "Assembly")
package dev.commitstats.assembly;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
