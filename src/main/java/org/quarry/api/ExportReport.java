package org.quarry.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param file the file written
 * @param sources sources exported
 * @param codes codes in the exported codebook
 * @param codings codings exported
 * @param cases cases exported
 * @param problems codings left out, each with its reason
 */
public record ExportReport(
    Path file, int sources, int codes, int codings, int cases, List<String> problems) {
  public ExportReport {
    problems = List.copyOf(problems);
  }
}
