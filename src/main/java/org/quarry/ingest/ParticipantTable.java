package org.quarry.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Participant attributes from a CSV file: the first column is the participant id, every other
 * column an attribute (role, organisation, region, …) that becomes a facet and a filter dimension.
 * Attribute names are the headers lowercased with spaces as underscores.
 */
public final class ParticipantTable {
  /** Dimension names Quarry uses itself; a CSV column may not take them. */
  public static final Set<String> RESERVED =
      Set.of("id", "participant", "source", "kind", "section", "code", "origin", "text", "type");

  private final Path file;
  private final List<String> attributes;
  private final Map<String, Map<String, String>> rows;

  private ParticipantTable(
      Path file, List<String> attributes, Map<String, Map<String, String>> rows) {
    this.file = file;
    this.attributes = List.copyOf(attributes);
    this.rows = Collections.unmodifiableMap(rows);
  }

  /** A table with no participants. */
  public static ParticipantTable empty() {
    return new ParticipantTable(null, List.of(), new LinkedHashMap<>());
  }

  /**
   * Reads {@code csv} (a header row; separated by commas, or by the semicolons or tabs the header
   * line uses instead; UTF-8 with or without a byte-order mark, UTF-16 or the Windows charset,
   * detected as for text files).
   *
   * @throws IllegalArgumentException naming the file and line for a missing header, a reserved or
   *     repeated column name, an empty or repeated participant id, or text that is not CSV
   * @throws IOException when the file cannot be read
   */
  public static ParticipantTable read(Path csv) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    String text;
    try {
      // Excel saves "CSV" in the Windows charset and "CSV UTF-8" with a byte-order mark
      text = TextDecoder.decode(Files.readAllBytes(csv)).text();
    } catch (SkippedSourceException e) {
      throw new IllegalArgumentException(
          csv + ": " + e.reason() + "; the first line must be a header (id, then attributes)", e);
    }
    try (Reader reader = new StringReader(text);
        MappingIterator<List<String>> it =
            mapper
                .readerForListOf(String.class)
                .with(SurveyReader.schema(text))
                .readValues(reader)) {
      return read(csv, it);
    } catch (JsonProcessingException e) {
      throw notCsv(csv, e);
    } catch (RuntimeJsonMappingException e) {
      // the iterator wraps the parser's exception to fit Iterator.hasNext
      throw e.getCause() instanceof JsonProcessingException jpe ? notCsv(csv, jpe) : e;
    }
  }

  private static IllegalArgumentException notCsv(Path csv, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return new IllegalArgumentException(
        csv
            + ":"
            + (at == null ? 1 : at.getLineNr())
            + ": not valid CSV ("
            + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").strip()
            + ")",
        e);
  }

  private static ParticipantTable read(Path csv, MappingIterator<List<String>> it)
      throws IOException {
    if (!it.hasNext()) {
      throw new IllegalArgumentException(
          csv + ": empty; the first line must be a header (id, then attributes)");
    }
    List<String> header = it.next();
    List<String> names = new ArrayList<>();
    for (int i = 1; i < header.size(); i++) {
      String name = attributeName(header.get(i));
      if (name.isEmpty() || RESERVED.contains(name) || names.contains(name)) {
        throw new IllegalArgumentException(
            csv
                + ":1: column "
                + (i + 1)
                + " '"
                + header.get(i)
                + "' is "
                + (name.isEmpty() ? "empty" : names.contains(name) ? "repeated" : "reserved")
                + "; rename it in the header");
      }
      names.add(name);
    }
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    int line = 1;
    while (it.hasNext()) {
      List<String> row = it.next();
      line++;
      if (row.isEmpty() || row.stream().allMatch(String::isBlank)) {
        continue;
      }
      String id = row.get(0).strip();
      if (id.isEmpty()) {
        throw new IllegalArgumentException(
            csv + ":" + line + ": the participant id (first column) is empty");
      }
      if (rows.containsKey(id)) {
        throw new IllegalArgumentException(
            csv + ":" + line + ": participant '" + id + "' is listed twice");
      }
      Map<String, String> attrs = new TreeMap<>();
      for (int i = 1; i < row.size() && i <= names.size(); i++) {
        String v = row.get(i).strip();
        if (!v.isEmpty()) {
          attrs.put(names.get(i - 1), v);
        }
      }
      rows.put(id, attrs);
    }
    return new ParticipantTable(csv, names, rows);
  }

  /**
   * The attribute name of a column header or front-matter key: stripped, lowercased, runs of spaces
   * as one underscore ({@code Age group} is {@code age_group}), so a table column and a
   * front-matter key name the same facet.
   */
  public static String attributeName(String header) {
    return header.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
  }

  /** The file read, or null for {@link #empty()}. */
  public Path file() {
    return file;
  }

  /** Attribute names in column order. */
  public List<String> attributes() {
    return attributes;
  }

  /** The attributes of {@code participant}; empty when unknown. */
  public Map<String, String> attributesOf(String participant) {
    return participant == null ? Map.of() : rows.getOrDefault(participant, Map.of());
  }

  /** Participant ids in file order. */
  public Set<String> ids() {
    return rows.keySet();
  }

  /** True when no participants are listed. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
