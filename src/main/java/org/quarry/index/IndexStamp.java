package org.quarry.index;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.quarry.analysis.AnalysisStamp;

/**
 * What an index was written with, kept in the user data of every Lucene commit: the text {@link
 * AnalysisStamp analysis}, the index format of the Quarry that wrote it, and that Quarry's version.
 * Writing to an index stamped with another analysis is refused unless every source is annotated
 * again; reading an index of a newer format is refused, since its fields may mean something this
 * Quarry does not know.
 *
 * <p>Indexes made before stamps existed have no user data: they are taken as made with the current
 * analysis, and the next index run stamps them.
 *
 * @param analysis what the passages' annotations and analysed fields were made with
 * @param format the index format ({@link #FORMAT} for this build)
 * @param quarry the version of the Quarry that wrote the stamp, for messages only
 */
public record IndexStamp(AnalysisStamp analysis, int format, String quarry) {
  /**
   * The index format this Quarry writes and the newest it reads. Bump it when documents gain a
   * field or a field changes meaning in a way an older Quarry would misread.
   *
   * <p>Format 2 stores lemma annotations and source offset maps in compact binary forms ({@link
   * StoredAnnotation}, {@link OffsetRuns}) and compresses stored fields with Deflate. This Quarry
   * still reads format 1 documents (text annotations, one int per offset), so a format 1 index
   * needs no re-index: sources written again get the new forms.
   *
   * <p>Format 3 keeps on a source record only the text between its passages, which store the rest
   * ({@link SourceLayout}); a Quarry of format 2 would read such a record as a source without text.
   * Records of formats 1 and 2 keep their text whole and are still read.
   */
  public static final int FORMAT = 3;

  static final String ANNOTATOR = "quarry.analysis.annotator";
  static final String CORENLP = "quarry.analysis.corenlp";
  static final String CHAIN = "quarry.analysis.chain";
  static final String FORMAT_KEY = "quarry.index.format";
  static final String VERSION = "quarry.version";

  // the jar's manifest names it; tests and IDE runs have no jar
  private static final String THIS_QUARRY = thisQuarry();

  /** The stamp this Quarry writes for indexes analysed as {@code analysis}. */
  public static IndexStamp current(AnalysisStamp analysis) {
    return new IndexStamp(analysis, FORMAT, THIS_QUARRY);
  }

  /** True when a newer Quarry wrote the index, in a format this one cannot read safely. */
  public boolean newerThanThisQuarry() {
    return format > FORMAT;
  }

  /** The commit user data that records this stamp. */
  public Map<String, String> userData() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(ANNOTATOR, analysis.annotator());
    m.put(CORENLP, analysis.corenlp());
    m.put(CHAIN, Integer.toString(analysis.chain()));
    m.put(FORMAT_KEY, Integer.toString(format));
    m.put(VERSION, quarry);
    return m;
  }

  /**
   * The stamp in a commit's user data, or empty for an index written before stamps.
   *
   * @throws IllegalArgumentException naming the key of a malformed or partial stamp
   */
  public static Optional<IndexStamp> fromUserData(Map<String, String> userData) {
    if (!userData.containsKey(FORMAT_KEY)) {
      return Optional.empty();
    }
    int format = number(userData, FORMAT_KEY);
    String annotator = userData.get(ANNOTATOR);
    if (annotator == null) {
      // a newer format may record its analysis otherwise; say who wrote it rather than fail here
      if (format > FORMAT) {
        return Optional.of(
            new IndexStamp(
                new AnalysisStamp("unknown", "unknown", 1),
                format,
                userData.getOrDefault(VERSION, "unknown")));
      }
      throw new IllegalArgumentException("index stamp lacks " + ANNOTATOR);
    }
    AnalysisStamp analysis =
        new AnalysisStamp(
            annotator, userData.getOrDefault(CORENLP, "unknown"), number(userData, CHAIN));
    return Optional.of(new IndexStamp(analysis, format, userData.getOrDefault(VERSION, "unknown")));
  }

  /** The stamp of the latest commit in {@code directory}, or empty when it has none. */
  public static Optional<IndexStamp> read(Directory directory) throws IOException {
    return fromUserData(SegmentInfos.readLatestCommit(directory).getUserData());
  }

  /**
   * The stamp of the commit {@code reader} reads, or empty when it has none or is not a reader of a
   * commit (an in-memory or composite reader).
   */
  public static Optional<IndexStamp> of(IndexReader reader) throws IOException {
    IndexReader r = reader;
    while (r instanceof FilterDirectoryReader f) {
      r = f.getDelegate();
    }
    if (r instanceof DirectoryReader d) {
      return fromUserData(d.getIndexCommit().getUserData());
    }
    return Optional.empty();
  }

  private static int number(Map<String, String> userData, String key) {
    String v = userData.get(key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("index stamp has " + key + "=" + v + ", not a number", e);
    }
  }

  private static String thisQuarry() {
    String v = IndexStamp.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }
}
