package org.quarry.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The end-of-run table of an index run: every file with its outcome, and the totals.
 *
 * @param files one row per file, in the order they were walked
 * @param passagesInIndex passages in the index after the run
 * @param elapsed wall time of the run
 * @param annotation time spent in CoreNLP's tagger, summed over the threads that annotated (so,
 *     with several threads, it can exceed {@code elapsed})
 * @param notes extra lines for the summary (participants file checks, duplicates found)
 * @param index the index folder written, named in the summary
 */
public record IndexReport(
    List<FileReport> files,
    long passagesInIndex,
    Duration elapsed,
    Duration annotation,
    List<String> notes,
    java.nio.file.Path index) {
  public IndexReport {
    files = List.copyOf(files);
    notes = List.copyOf(notes);
  }

  /** Files with this status. */
  public long count(FileReport.Status status) {
    return files.stream().filter(f -> f.status() == status).count();
  }

  /** Files that failed. */
  public long failed() {
    return count(FileReport.Status.FAILED);
  }

  /** Passages written in this run. */
  public long passagesWritten() {
    return files.stream().mapToLong(FileReport::passages).sum();
  }

  /** One line: counts per outcome, passages and time. */
  public String summaryLine() {
    return String.format(
        Locale.ROOT,
        "%d indexed, %d unchanged, %d skipped, %d failed, %d removed; %d passages written, %d in"
            + " index %s; %.1f s (CoreNLP %.1f s)",
        count(FileReport.Status.INDEXED),
        count(FileReport.Status.UNCHANGED),
        count(FileReport.Status.SKIPPED),
        count(FileReport.Status.FAILED),
        count(FileReport.Status.REMOVED),
        passagesWritten(),
        passagesInIndex,
        index,
        elapsed.toMillis() / 1000.0,
        annotation.toMillis() / 1000.0);
  }

  /** The per-file table followed by the summary line and notes. */
  public String table() {
    int width = Math.max(6, files.stream().mapToInt(f -> f.source().length()).max().orElse(6));
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-" + width + "s  %-9s  %8s  %s%n",
            "file",
            "status",
            "passages",
            "reason"));
    for (FileReport f : files) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-" + width + "s  %-9s  %8d  %s%n",
              f.source(),
              f.status().name().toLowerCase(Locale.ROOT),
              f.passages(),
              f.reason() == null ? "" : f.reason()));
    }
    sb.append(summaryLine()).append(System.lineSeparator());
    for (String note : notes) {
      sb.append(note).append(System.lineSeparator());
    }
    return sb.toString();
  }
}
