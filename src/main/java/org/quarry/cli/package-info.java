/** The command line: picocli subcommands, output formatting and exit codes. No Lucene classes. */
package org.quarry.cli;
