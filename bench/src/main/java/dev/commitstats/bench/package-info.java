/** JMH benchmarks of the mining engine's hot paths (line diff, classification). */
package dev.commitstats.bench;
