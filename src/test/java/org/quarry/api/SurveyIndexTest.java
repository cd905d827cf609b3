package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.FacetValue;
import org.quarry.model.Hit;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import org.quarry.model.Source;
import org.quarry.model.SurveyOptions;

/**
 * Survey exports through the API: one row per respondent, each non-empty answer of a text column a
 * {@code response} passage of the id column's participant under its question, every other column an
 * attribute. The fixture {@code survey/survey.csv} has five respondents and two questions; R3
 * answered both with placeholders and R5 left both empty.
 */
class SurveyIndexTest {
  private static final Path SURVEY = Path.of("src/test/resources/survey/survey.csv");
  private static final String HELPS = "What helps you most at work?";
  private static final String HINDERS = "What gets in the way?";
  private static final SurveyOptions BOTH_QUESTIONS =
      new SurveyOptions(List.of(HELPS, HINDERS), "Respondent ID", null);

  @TempDir Path tmp;

  @Test
  void eachNonEmptyAnswerIsAResponsePassageOfItsRespondentUnderItsQuestion() throws IOException {
    List<Passage> passages = index(copy(SURVEY), BOTH_QUESTIONS);
    assertEquals(
        List.of(
            "R1 | "
                + HELPS
                + " | Protected time on Friday afternoons to catch up with the practice team 🙂",
            "R1 | "
                + HINDERS
                + " | Constant phone calls from the hospital about discharge letters.",
            "R2 | " + HINDERS + " | Staffing gaps every winter, and nobody to cover sickness.",
            "R4 | "
                + HELPS
                + " | A pharmacist in the practice who takes the medication reviews off my list.",
            "R4 | " + HINDERS + " | Nothing to add"),
        passages.stream()
            .map(p -> p.participant() + " | " + p.section() + " | " + p.text())
            .toList());
    assertTrue(
        passages.stream().allMatch(p -> p.kind() == PassageKind.RESPONSE), passages.toString());
  }

  @Test
  void theOtherColumnsAreTheRespondentsAttributes() throws IOException {
    List<Passage> passages = index(copy(SURVEY), BOTH_QUESTIONS);
    Map<String, Map<String, String>> byParticipant = new TreeMap<>();
    passages.forEach(p -> byParticipant.put(p.participant(), p.attributes()));
    assertEquals(
        Map.of(
            "R1", Map.of("role", "GP", "region", "North West"),
            "R2", Map.of("role", "Nurse", "region", "London"),
            "R4", Map.of("role", "GP", "region", "South East")),
        byParticipant);
  }

  @Test
  void attributesAreFacetsAndFilterDimensions() throws IOException {
    Path file = copy(SURVEY);
    try (Quarry quarry = Quarry.open(tmp.resolve("index"), Analysis.UNTAGGED)) {
      quarry.index(request(file, BOTH_QUESTIONS), IndexProgress.NONE);
      SearchResult all =
          quarry.search(SearchRequest.builder("").facets(List.of("region", "role")).build());
      assertEquals(
          List.of(new FacetValue("GP", 4), new FacetValue("Nurse", 1)), all.facets().get("role"));
      assertEquals(
          List.of(
              new FacetValue("North West", 2),
              new FacetValue("South East", 2),
              new FacetValue("London", 1)),
          all.facets().get("region"));

      SearchResult northWest =
          quarry.search(
              SearchRequest.builder("").filters(Map.of("region", List.of("North West"))).build());
      assertEquals(Set.of("R1"), participants(northWest));
      assertEquals(2, northWest.total());
    }
  }

  @Test
  void placeholderAnswersAndEmptyCellsMakeNoPassage() throws IOException {
    List<Passage> passages = index(copy(SURVEY), BOTH_QUESTIONS);
    // R3 wrote "N/A" and "-", R5 nothing at all, R2 "Did not answer" to the first question
    assertEquals(
        Set.of("R1", "R2", "R4"),
        passages.stream().map(Passage::participant).collect(Collectors.toSet()));
    assertTrue(
        passages.stream().noneMatch(p -> p.text().equals("Did not answer")), passages.toString());
  }

  @Test
  void aConfiguredPlaceholderListReplacesTheDefaults() throws IOException {
    // the researcher's own wording of "no answer"; the default phrases are answers again
    SurveyOptions own =
        new SurveyOptions(List.of(HELPS, HINDERS), "Respondent ID", Set.of("Nothing to add"));
    List<String> texts = index(copy(SURVEY), own).stream().map(Passage::text).toList();
    assertTrue(texts.contains("Did not answer"), texts.toString());
    assertTrue(texts.contains("N/A"), texts.toString());
    assertFalse(texts.contains("Nothing to add"), texts.toString());
  }

  @Test
  void oneTextColumnIndexesOnlyThatQuestion() throws IOException {
    List<Passage> passages =
        index(copy(SURVEY), new SurveyOptions(List.of(HINDERS), "Respondent ID", null));
    assertEquals(
        Set.of(HINDERS), passages.stream().map(Passage::section).collect(Collectors.toSet()));
    // the other question is then an attribute of the respondent, like any other column
    assertEquals(
        "Protected time on Friday afternoons to catch up with the practice team 🙂",
        passages.get(0).attributes().get("what_helps_you_most_at_work?"));
  }

  @Test
  void offsetsPointIntoTheTextQuarryKeeps() throws IOException {
    Path file = copy(SURVEY);
    try (Quarry quarry = Quarry.open(tmp.resolve("index"), Analysis.UNTAGGED)) {
      quarry.index(request(file, BOTH_QUESTIONS), IndexProgress.NONE);
      Source source = quarry.sources().get(0);
      List<Hit> hits = quarry.passages(true);
      assertEquals(5, hits.size());
      for (Hit h : hits) {
        Passage p = h.passage();
        // the emoji in R1's first answer makes code points and chars differ for what follows
        assertEquals(p.text(), keptText(source, p.start(), p.end()), p.id());
      }
    }
  }

  @Test
  void anXlsxExportIndexesLikeTheCsv() throws IOException {
    Path xlsx = tmp.resolve("survey.xlsx");
    writeXlsx(SURVEY, xlsx);
    List<Passage> fromXlsx = index(xlsx, BOTH_QUESTIONS);
    List<Passage> fromCsv = index(copy(SURVEY), BOTH_QUESTIONS);
    assertEquals(
        fromCsv.stream()
            .map(p -> List.of(p.participant(), p.section(), p.text(), p.attributes().toString()))
            .toList(),
        fromXlsx.stream()
            .map(p -> List.of(p.participant(), p.section(), p.text(), p.attributes().toString()))
            .toList());
  }

  @Test
  void anXlsxAttributeComputedByAFormulaIsItsValueNotTheFormula() throws IOException {
    Path xlsx = tmp.resolve("banded.xlsx");
    try (Workbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("Responses");
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("id");
      header.createCell(1).setCellValue("age");
      header.createCell(2).setCellValue("band");
      header.createCell(3).setCellValue("comments");
      Row r = sheet.createRow(1);
      r.createCell(0).setCellValue("R1");
      r.createCell(1).setCellValue(47);
      r.createCell(2).setCellFormula("IF(B2>=40,\"40+\",\"under 40\")");
      r.createCell(3).setCellValue("The new rota finally lets me see my children at tea time.");
      // Excel stores each formula's last result with it; so does POI once evaluated
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      try (OutputStream out = Files.newOutputStream(xlsx)) {
        wb.write(out);
      }
    }
    Passage only = index(xlsx, new SurveyOptions(List.of("comments"), "id", null)).get(0);
    assertEquals(Map.of("age", "47", "band", "40+"), only.attributes());
  }

  @Test
  void aUtf8ByteOrderMarkDoesNotHideTheFirstColumnsName() throws IOException {
    Path file = tmp.resolve("bom.csv");
    byte[] body = Files.readAllBytes(SURVEY);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      out.write(body);
    }
    List<Passage> passages = index(file, BOTH_QUESTIONS);
    assertEquals("R1", passages.get(0).participant());
    assertEquals(Set.of("role", "region"), passages.get(0).attributes().keySet());
  }

  @Test
  void aWindows1252ExportKeepsItsAccents() throws IOException {
    Path file = tmp.resolve("accents.csv");
    Files.write(
        file,
        "id,région,Comments\nR1,Île-de-France,\"Le café du matin – c'est là qu'on règle tout.\"\n"
            .getBytes(Charset.forName("windows-1252")));
    Passage only = index(file, new SurveyOptions(List.of("Comments"), "id", null)).get(0);
    assertEquals("Le café du matin – c'est là qu'on règle tout.", only.text());
    assertEquals(Map.of("région", "Île-de-France"), only.attributes());
  }

  @Test
  void aMissingTextColumnIsABadInputNamingTheColumnAndTheHeaders() throws IOException {
    Path file = copy(SURVEY);
    try (Quarry quarry = Quarry.open(tmp.resolve("index"), Analysis.UNTAGGED)) {
      QuarryException e =
          assertThrows(
              QuarryException.class,
              () ->
                  quarry.index(
                      request(file, new SurveyOptions(List.of("Q9"), null, null)),
                      IndexProgress.NONE));
      assertEquals(QuarryException.BAD_INPUT, e.exitCode());
      assertTrue(e.getMessage().contains("survey.csv"), e.getMessage());
      assertTrue(e.getMessage().contains("'Q9'"), e.getMessage());
      assertTrue(
          e.getMessage().contains("Respondent ID, Role, Region, " + HELPS + ", " + HINDERS),
          e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
  }

  @Test
  void reindexingWithOtherTextColumnsRereadsAnUnchangedFile() throws IOException {
    Path file = copy(SURVEY);
    try (Quarry quarry = Quarry.open(tmp.resolve("index"), Analysis.UNTAGGED)) {
      quarry.index(
          request(file, new SurveyOptions(List.of(HELPS), "Respondent ID", null)),
          IndexProgress.NONE);
      // the file is the same, but what it means is not: the second question is now wanted too
      IndexReport second = quarry.index(request(file, BOTH_QUESTIONS), IndexProgress.NONE);
      assertEquals(FileReport.Status.INDEXED, second.files().get(0).status(), second.table());
      assertEquals(5, quarry.passages(true).size());
    }
  }

  @Test
  void aSemicolonSeparatedExportReadsLikeACommaSeparatedOne() throws IOException {
    // Excel writes ';' where the comma is the decimal mark (French, German settings)
    Path file =
        Files.writeString(
            tmp.resolve("semicolons.csv"),
            "id;Region;Comments\nR1;Nord;\"Moins de réunions, plus de temps; voilà.\"\n");
    Passage only = index(file, new SurveyOptions(List.of("Comments"), "id", null)).get(0);
    assertEquals("Moins de réunions, plus de temps; voilà.", only.text());
    assertEquals(Map.of("region", "Nord"), only.attributes());
  }

  @Test
  void aColumnWithoutAHeaderIsNoAttribute() throws IOException {
    // notes typed beside the export, in a column nobody named
    Path file =
        Files.writeString(
            tmp.resolve("notes.csv"),
            "id,Region,Comments,\nR1,North West,The new phone system drops every third call.,check this one\n");
    Passage only = index(file, new SurveyOptions(List.of("Comments"), "id", null)).get(0);
    assertEquals(Map.of("region", "North West"), only.attributes());
  }

  @Test
  void aColumnNamedLikeAFieldQuarryKeepsFailsThatFileNamingIt() throws IOException {
    // Microsoft Forms exports start with a response number called "ID"; when another column is
    // the participant, "ID" cannot be an attribute, and the report says which column to rename
    Path file =
        Files.writeString(
            tmp.resolve("forms.csv"),
            "ID,Email,Comments\n1,r1@example.org,The new phone system drops every third call.\n");
    try (Quarry quarry = Quarry.open(tmp.resolve("index"), Analysis.UNTAGGED)) {
      IndexReport report =
          quarry.index(
              request(file, new SurveyOptions(List.of("Comments"), "Email", null)),
              IndexProgress.NONE);
      FileReport row = report.files().get(0);
      assertEquals(FileReport.Status.FAILED, row.status(), report.table());
      assertTrue(row.reason().contains("'id'"), row.reason());
    }
  }

  @Test
  void aQualtricsExportsQuestionAndImportIdRowsAreNoRespondents() throws IOException {
    // Qualtrics writes the question texts and a row of ImportId JSON under the column names
    Path file = copy(Path.of("src/test/resources/survey/qualtrics.csv"));
    List<Passage> passages = index(file, new SurveyOptions(List.of("Q2"), "ResponseId", null));
    assertEquals(
        List.of(
            "R_1abc | What would you change about the network? | Fewer meetings and one shared rota across the practices."),
        passages.stream()
            .map(p -> p.participant() + " | " + p.section() + " | " + p.text())
            .toList());
    assertEquals(
        Map.of("startdate", "2024-03-01 09:12:00", "q1", "North West"),
        passages.get(0).attributes());
  }

  @Test
  void aQualtricsColumnCanBeNamedByItsQuestionText() throws IOException {
    Path file = copy(Path.of("src/test/resources/survey/qualtrics.csv"));
    List<Passage> passages =
        index(
            file,
            new SurveyOptions(
                List.of("What would you change about the network?"), "ResponseId", null));
    assertEquals(List.of("R_1abc"), passages.stream().map(Passage::participant).toList());
  }

  @Test
  void withoutTextColumnsTheColumnsOfLongAnswersAreTheQuestions() throws IOException {
    List<Passage> passages = index(copy(SURVEY), new SurveyOptions(List.of(), null, null));
    assertEquals(
        Set.of(HELPS, HINDERS),
        passages.stream().map(Passage::section).collect(Collectors.toSet()));
    assertEquals(5, passages.size());
  }

  @Test
  void aTextColumnNamedTwiceGivesOnePassagePerAnswer() throws IOException {
    List<Passage> passages =
        index(
            copy(SURVEY),
            new SurveyOptions(List.of(HINDERS, HINDERS.toUpperCase(Locale.ROOT)), null, null));
    assertEquals(3, passages.size(), passages.toString());
  }

  // ---- helpers ----

  private List<Passage> index(Path file, SurveyOptions options) {
    Path dir = tmp.resolve("index-" + file.getFileName() + "-" + options.hashCode());
    try (Quarry quarry = Quarry.open(dir, Analysis.UNTAGGED)) {
      IndexReport report = quarry.index(request(file, options), IndexProgress.NONE);
      assertEquals(0, report.failed(), report.table());
      return quarry.passages(true).stream().map(Hit::passage).toList();
    }
  }

  private static IndexRequest request(Path file, SurveyOptions options) {
    return new IndexRequest(List.of(file), null, null, options, 0);
  }

  private Path copy(Path fixture) throws IOException {
    return Files.copy(
        fixture, tmp.resolve(fixture.getFileName()), StandardCopyOption.REPLACE_EXISTING);
  }

  private static Set<String> participants(SearchResult result) {
    return result.hits().stream().map(h -> h.passage().participant()).collect(Collectors.toSet());
  }

  /**
   * The kept text between two passage offsets (code points of the file as read): the first kept
   * char at or after each offset, through the source's offset map.
   */
  static String keptText(Source source, int start, int end) {
    OffsetMap map = source.offsets();
    return source.text().substring(firstCharAtOrAfter(map, start), firstCharAtOrAfter(map, end));
  }

  private static int firstCharAtOrAfter(OffsetMap map, int original) {
    int i = 0;
    while (i < map.length() && map.toOriginal(i) < original) {
      i++;
    }
    return i;
  }

  // the CSV fixture, cell for cell, as a workbook's first sheet
  private static void writeXlsx(Path csv, Path xlsx) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows;
    try (MappingIterator<List<String>> it =
        mapper
            .readerForListOf(String.class)
            .readValues(Files.readString(csv, StandardCharsets.UTF_8))) {
      rows = it.readAll();
    }
    try (Workbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("Responses");
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          if (!rows.get(r).get(c).isEmpty()) {
            row.createCell(c).setCellValue(rows.get(r).get(c));
          }
        }
      }
      try (OutputStream out = Files.newOutputStream(xlsx)) {
        wb.write(out);
      }
    }
  }
}
