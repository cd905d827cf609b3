package org.quarry.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.quarry.ingest.ParticipantTable;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;

/**
 * Participant attributes on passages: a source's front matter and a participants table describe the
 * participant, never the interviewer. Puts them on the passages of a file as it is indexed, and
 * brings every indexed passage in line with a new table.
 */
public final class ParticipantAttributes {
  /** The sources an index holds, read only when a new table dropped a column. */
  @FunctionalInterface
  public interface IndexedSources {
    /** Every source with its metadata. */
    List<Source> read() throws IOException;
  }

  private ParticipantAttributes() {}

  /**
   * The passages with front-matter attributes on every passage of the source but the interviewer's,
   * then the table's for its participant.
   */
  public static List<Passage> withAttributes(
      Source source, List<Passage> passages, ParticipantTable table) {
    Map<String, String> fileAttrs = fileAttributes(source);
    if (fileAttrs.isEmpty() && table.isEmpty()) {
      return passages;
    }
    List<Passage> out = new ArrayList<>(passages.size());
    for (Passage p : passages) {
      Map<String, String> attrs = new TreeMap<>();
      if (p.kind() != PassageKind.INTERVIEWER) {
        attrs.putAll(fileAttrs);
        attrs.putAll(table.attributesOf(p.participant()));
      }
      out.add(attrs.isEmpty() ? p : p.withAttributes(attrs));
    }
    return out;
  }

  // a source's metadata as attributes: the keys that say who speaks or what the file is are
  // facts Quarry uses itself; the rest are named as a participants table's columns are
  private static Map<String, String> fileAttributes(Source source) {
    Map<String, String> attrs = new TreeMap<>();
    source
        .metadata()
        .forEach(
            (k, v) -> {
              String name = ParticipantTable.attributeName(k);
              if (!Set.of("participant", "interviewer", "kind", "title").contains(name)
                  && !Fields.RESERVED.contains(name)
                  && !name.isEmpty()) {
                attrs.put(name, v);
              }
            });
    return attrs;
  }

  /**
   * Brings every passage's attributes in line with a new participants table: the columns of the
   * table before it ({@code previous}) and of this one are the table's to set; a column the new
   * table dropped falls back to the source's own (front-matter) value.
   *
   * @param sources the index's sources, committed and readable; asked only when a column was
   *     dropped
   * @return notes naming the ids that do not match up either way
   */
  public static List<String> apply(
      Indexer indexer, ParticipantTable table, List<String> previous, IndexedSources sources)
      throws IOException {
    Set<String> tableColumns = new HashSet<>(previous);
    tableColumns.addAll(table.attributes());
    Set<String> dropped = new HashSet<>(previous);
    table.attributes().forEach(dropped::remove);
    Map<String, Map<String, String>> fileAttrs = new HashMap<>();
    if (!dropped.isEmpty()) {
      for (Source s : sources.read()) {
        fileAttrs.put(s.id(), fileAttributes(s));
      }
    }
    Set<String> inIndex = new TreeSet<>();
    indexer.rewritePassages(
        ip -> {
          Passage p = ip.passage();
          if (p.participant() == null || p.kind() == PassageKind.INTERVIEWER) {
            return ip;
          }
          inIndex.add(p.participant());
          Map<String, String> attrs = new TreeMap<>(p.attributes());
          attrs.keySet().removeIf(tableColumns::contains);
          fileAttrs
              .getOrDefault(p.source(), Map.of())
              .forEach(
                  (k, v) -> {
                    if (dropped.contains(k)) {
                      attrs.put(k, v);
                    }
                  });
          attrs.putAll(table.attributesOf(p.participant()));
          return new IndexedPassage(
              p.replacingAttributes(attrs), ip.annotation(), ip.codes(), ip.duplicateOf());
        });
    List<String> notes = new ArrayList<>();
    Set<String> unknown = new TreeSet<>(table.ids());
    unknown.removeAll(inIndex);
    Set<String> missing = new TreeSet<>(inIndex);
    missing.removeAll(table.ids());
    notes.add(
        "participants: "
            + table.ids().size()
            + " in "
            + table.file().getFileName()
            + ", "
            + (inIndex.size() - missing.size())
            + " matched");
    if (!unknown.isEmpty()) {
      notes.add(
          "participants in "
              + table.file().getFileName()
              + " with no passage: "
              + String.join(", ", unknown));
    }
    if (!missing.isEmpty()) {
      notes.add(
          "participants with passages but not in "
              + table.file().getFileName()
              + ": "
              + String.join(", ", missing));
    }
    return notes;
  }
}
