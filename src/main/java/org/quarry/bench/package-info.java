/**
 * Benchmarks run by {@code quarry bench}: each figure is measured next to a baseline in the same
 * run and reported as a ratio, so it can be compared across machines. A measurement harness, so it
 * may reach into Lucene to time the raw baseline.
 */
package org.quarry.bench;
