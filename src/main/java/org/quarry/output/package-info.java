/**
 * Writing Quarry's output files: {@link org.quarry.output.OutputFile} replaces a file whole or not
 * at all, for every report, export and prediction file.
 */
package org.quarry.output;
