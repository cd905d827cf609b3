package org.quarry.ingest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;
import org.quarry.model.SurveyOptions;

/**
 * Reads open-ended survey answers from CSV or XLSX (first sheet): a header row, then one row per
 * response. Each non-empty answer in a text column is a {@code response} passage whose participant
 * is the id column and whose section is the question (the column header); every other named column
 * is an attribute of the respondent. The text Quarry keeps is the answers, one block each, and
 * passage offsets point into it. A CSV's separator is the comma, or the semicolon or tab its header
 * line uses instead; its charset is detected as for text files. A Qualtrics export's extra header
 * rows (question texts, ImportIds) are read as headers.
 */
public final class SurveyReader implements SourceReader {
  private final SurveyOptions options;

  /** A reader with these options. */
  public SurveyReader(SurveyOptions options) {
    this.options = options;
  }

  /** True for .csv and .xlsx files. */
  @Override
  public boolean accepts(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") || name.endsWith(".xlsx");
  }

  /**
   * The survey's text, the answers one block each.
   *
   * @throws SkippedSourceException when there is no header or no answer
   * @throws IOException when the file cannot be read, or no column looks like open answers
   * @throws IllegalArgumentException when a named column is missing
   */
  @Override
  public Source read(Path file, String id) throws IOException {
    return readSegmented(file, id).source();
  }

  /**
   * Reads the survey, one passage per answer.
   *
   * @throws SkippedSourceException when there is no header or no answer
   * @throws IOException when the file cannot be read, or no column looks like open answers
   * @throws IllegalArgumentException when a named column is missing (the message names the file and
   *     lists the columns there are)
   */
  @Override
  public SegmentedSource readSegmented(Path file, String id) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length == 0) {
      throw new SkippedSourceException("empty");
    }
    List<List<String>> table = table(file);
    if (table.isEmpty()) {
      throw new SkippedSourceException("empty");
    }
    Layout layout = Layout.of(table);
    List<String> header = layout.header();
    List<List<String>> rows = layout.rows();
    int idCol =
        options.idColumn() == null ? 0 : column(layout, options.idColumn(), "--id-column", file);
    List<Integer> textCols = new ArrayList<>();
    if (options.textColumns().isEmpty()) {
      for (int c = 0; c < header.size(); c++) {
        if (c != idCol && meanLength(rows, c) >= 30) {
          textCols.add(c);
        }
      }
      if (textCols.isEmpty()) {
        throw new IOException(
            "no column looks like open answers; name it with --text-column (columns: "
                + String.join(", ", header)
                + ")");
      }
    } else {
      for (String name : options.textColumns()) {
        int c = column(layout, name, "--text-column", file);
        // a column named twice (by its name and its question, say) is still one answer per row
        if (!textCols.contains(c)) {
          textCols.add(c);
        }
      }
    }
    StringBuilder text = new StringBuilder();
    // code points in text so far: counting from the start for every answer was quadratic
    int codePoints = 0;
    // per answer: code point start and end (the passage's offsets), char start and end
    List<int[]> spans = new ArrayList<>();
    List<String[]> who = new ArrayList<>();
    List<Map<String, String>> attrs = new ArrayList<>();
    for (List<String> row : rows) {
      String participant = cell(row, idCol).strip();
      Map<String, String> a = new TreeMap<>();
      for (int c = 0; c < header.size(); c++) {
        // a column without a header (notes typed beside the export) names no attribute
        if (c != idCol
            && !textCols.contains(c)
            && !header.get(c).isEmpty()
            && !cell(row, c).isBlank()) {
          a.put(ParticipantTable.attributeName(header.get(c)), cell(row, c).strip());
        }
      }
      for (int c : textCols) {
        String answer = cell(row, c).strip();
        if (options.isPlaceholder(answer)) {
          continue;
        }
        if (text.length() > 0) {
          text.append("\n\n");
          codePoints += 2;
        }
        int start = codePoints;
        codePoints += answer.codePointCount(0, answer.length());
        int charStart = text.length();
        text.append(answer);
        spans.add(new int[] {start, codePoints, charStart, text.length()});
        who.add(new String[] {participant.isEmpty() ? null : participant, layout.question(c)});
        attrs.add(a);
      }
    }
    if (spans.isEmpty()) {
      throw new SkippedSourceException("no answers");
    }
    String kept = text.append('\n').toString();
    Source source =
        new Source(
            id,
            file.toString(),
            SourceKind.SURVEY,
            kept,
            OffsetMap.identity(kept),
            contentHash(bytes),
            Map.of());
    List<Passage> passages = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      int[] s = spans.get(i);
      String answer = kept.substring(s[2], s[3]);
      passages.add(
          Passage.of(id, PassageKind.RESPONSE, who.get(i)[0], who.get(i)[1], s[0], s[1], answer)
              .withAttributes(attrs.get(i)));
    }
    return new SegmentedSource(source, passages);
  }

  // the bytes and the options that chose the passages: re-indexing an unchanged file with another
  // --text-column must read it again, not report it unchanged
  private String contentHash(byte[] bytes) {
    byte[] how = options.fingerprint().getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(bytes, bytes.length + 1 + how.length);
    all[bytes.length] = 0;
    System.arraycopy(how, 0, all, bytes.length + 1, how.length);
    return ContentHash.of(all);
  }

  /**
   * Checks that the columns the options name are in the file's header, so that a run can stop on a
   * mistyped column before it indexes anything.
   *
   * @throws IllegalArgumentException naming the file, the missing column and the columns there are
   * @throws IOException when the file cannot be read (or has nothing in it)
   */
  @Override
  public void checkOptions(Path file) throws IOException {
    if (options.textColumns().isEmpty() && options.idColumn() == null) {
      return;
    }
    List<List<String>> table = table(file);
    if (table.isEmpty()) {
      return;
    }
    Layout layout = Layout.of(table);
    if (options.idColumn() != null) {
      column(layout, options.idColumn(), "--id-column", file);
    }
    for (String name : options.textColumns()) {
      column(layout, name, "--text-column", file);
    }
  }

  private static List<List<String>> table(Path file) throws IOException {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")
        ? xlsx(file)
        : csv(file);
  }

  // a column the user named and the file lacks is a usage error, not a bad file
  private static int column(Layout layout, String name, String option, Path file) {
    List<String> header = layout.header();
    for (int c = 0; c < header.size(); c++) {
      if (header.get(c).equalsIgnoreCase(name.strip())) {
        return c;
      }
    }
    for (int c = 0; c < header.size(); c++) {
      if (layout.question(c).equalsIgnoreCase(name.strip())) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        file
            + ": no column '"
            + name
            + "' for "
            + option
            + " (columns: "
            + String.join(", ", header)
            + ")");
  }

  /**
   * The header, the question each column asks and the response rows of a table. Qualtrics exports
   * carry two more header rows: the question texts, then a row of {@code {"ImportId":…}} JSON;
   * those are not respondents, and the question texts are the sections (and may name a column, as
   * the short column names may).
   */
  private record Layout(List<String> header, List<String> questions, List<List<String>> rows) {
    static Layout of(List<List<String>> table) {
      List<String> header = table.get(0).stream().map(String::strip).toList();
      if (table.size() >= 3 && isImportIdRow(table.get(2))) {
        List<String> questions = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
          String q = cell(table.get(1), c).strip();
          questions.add(q.isEmpty() ? header.get(c) : q);
        }
        return new Layout(header, questions, table.subList(3, table.size()));
      }
      return new Layout(header, header, table.subList(1, table.size()));
    }

    String question(int c) {
      return questions.get(c);
    }

    private static boolean isImportIdRow(List<String> row) {
      List<String> filled = row.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
      return !filled.isEmpty() && filled.stream().allMatch(v -> v.startsWith("{\"ImportId\""));
    }
  }

  private static double meanLength(List<List<String>> rows, int c) {
    return rows.stream()
        .mapToInt(r -> cell(r, c).strip().length())
        .filter(n -> n > 0)
        .average()
        .orElse(0);
  }

  private static String cell(List<String> row, int c) {
    return c < row.size() && row.get(c) != null ? row.get(c) : "";
  }

  private static List<List<String>> csv(Path file) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> table = new ArrayList<>();
    // Excel saves "CSV" in the Windows charset and "CSV UTF-8" with a byte-order mark
    String text = TextDecoder.decode(Files.readAllBytes(file)).text();
    try (Reader reader = new StringReader(text);
        MappingIterator<List<String>> it =
            mapper.readerForListOf(String.class).with(schema(text)).readValues(reader)) {
      while (it.hasNext()) {
        table.add(it.next());
      }
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw withLine(e, text);
    } catch (com.fasterxml.jackson.databind.RuntimeJsonMappingException e) {
      // the iterator wraps the parser's exception
      if (e.getCause() instanceof com.fasterxml.jackson.core.JacksonException cause) {
        throw withLine(cause, text);
      }
      throw e;
    }
    return table;
  }

  // Jackson's own message puts the line on a second line, which a one-line report drops; for a
  // quote never closed it names the end of the file, so the line where the quote opened is named
  private static IOException withLine(com.fasterxml.jackson.core.JacksonException e, String text) {
    String original = String.valueOf(e.getOriginalMessage());
    int open = original.contains("closing quote") ? unclosedQuoteLine(text) : 0;
    if (open > 0) {
      return new IOException(
          "line " + open + ": a quoted value is never closed; add the closing \"", e);
    }
    return new IOException(
        (e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ") + original,
        e);
  }

  /** The line (from 1) of the quote that opens a value and is never closed, or 0. */
  static int unclosedQuoteLine(String text) {
    int line = 1;
    int openedOn = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
        openedOn = quoted ? line : 0;
      } else if (ch == '\n') {
        line++;
      }
    }
    return quoted ? openedOn : 0;
  }

  /**
   * A CSV schema with the separator the header line uses most, outside quotes: a comma, or the
   * semicolon Excel writes where the comma is the decimal mark, or a tab.
   */
  static CsvSchema schema(String text) {
    int[] counts = new int[3];
    String seps = ",;\t";
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (!quoted && (ch == '\n' || ch == '\r')) {
        break;
      } else if (!quoted && seps.indexOf(ch) >= 0) {
        counts[seps.indexOf(ch)]++;
      }
    }
    int best = 0;
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] > counts[best]) {
        best = i;
      }
    }
    return CsvSchema.emptySchema().withColumnSeparator(seps.charAt(best));
  }

  private static List<List<String>> xlsx(Path file) throws IOException {
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    // a computed column (an age band, say) is its last result as Excel saved it, not the formula
    formatter.setUseCachedValuesForFormulaCells(true);
    List<List<String>> table = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        Workbook wb = WorkbookFactory.create(in)) {
      Sheet sheet = wb.getSheetAt(0);
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null ? "" : formatter.formatCellValue(cell));
        }
        table.add(cells);
      }
    } catch (org.apache.poi.EncryptedDocumentException e) {
      throw new SkippedSourceException("encrypted document");
    } catch (RuntimeException e) {
      throw new IOException("not a readable .xlsx workbook: " + e.getMessage(), e);
    }
    return table;
  }
}
