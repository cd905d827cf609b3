package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.Source;

/**
 * Issue 4's acceptance: a folder with one transcript in each supported format indexes with the
 * right speakers and turn counts, and the report lists every file. The fixtures hold the same
 * eight-turn interview (Interviewer and Zoë) rendered by real tools into each format.
 */
class TranscriptFormatsIndexTest {
  @TempDir static Path tmp;

  static IndexReport report;
  static List<Hit> passages;
  static List<Source> sources;
  static List<String> files;

  @BeforeAll
  static void indexOneTranscriptPerFormat() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("formats"));
    try (Stream<Path> fixtures = Files.list(Path.of("src/test/resources/formats"))) {
      for (Path f :
          fixtures.filter(f -> f.getFileName().toString().startsWith("transcript")).toList()) {
        Files.copy(f, folder.resolve(f.getFileName()));
      }
    }
    try (Stream<Path> copied = Files.list(folder)) {
      files = copied.map(f -> f.getFileName().toString()).sorted().toList();
    }
    try (Quarry quarry = Quarry.open(tmp.resolve("index"), Analysis.UNTAGGED)) {
      report = quarry.index(IndexRequest.of(folder), IndexProgress.NONE);
      passages = quarry.passages(true);
      sources = quarry.sources();
    }
  }

  @Test
  void theFixturesCoverEveryTranscriptFormat() {
    assertEquals(
        List.of(
            "transcript-utf16le.txt",
            "transcript-windows1252.txt",
            "transcript.docx",
            "transcript.html",
            "transcript.md",
            "transcript.odt",
            "transcript.pdf",
            "transcript.rtf",
            "transcript.srt",
            "transcript.txt",
            "transcript.vtt"),
        files);
  }

  @Test
  void theReportListsEveryFileAsIndexedWithEightTurns() {
    Map<String, String> rows = new TreeMap<>();
    for (FileReport f : report.files()) {
      rows.put(f.source(), f.status() + " " + f.passages());
    }
    Map<String, String> expected = new TreeMap<>();
    files.forEach(f -> expected.put(f, "INDEXED 8"));
    assertEquals(expected, rows);
  }

  @Test
  void everyFormatGivesFourInterviewerTurnsAndFourOfZoe() {
    Map<String, Map<String, Long>> bySource =
        passages.stream()
            .map(Hit::passage)
            .collect(
                Collectors.groupingBy(
                    Passage::source,
                    TreeMap::new,
                    Collectors.groupingBy(
                        p -> p.kind().label() + " " + p.participant(),
                        TreeMap::new,
                        Collectors.counting())));
    Map<String, Map<String, Long>> expected = new TreeMap<>();
    files.forEach(f -> expected.put(f, Map.of("interviewer Interviewer", 4L, "turn Zoë", 4L)));
    assertEquals(expected, bySource);
  }

  @Test
  void zoesLastTurnIsHerWordsWithoutTheLabel() {
    int found = 0;
    for (Hit hit : passages) {
      Passage p = hit.passage();
      if (p.text().contains("proper rota")) {
        found++;
        assertEquals(
            "Training for the receptionists, and a proper rota so nobody covers three roles at once.",
            p.text().replaceAll("\\s+", " ").strip(),
            p.source());
      }
    }
    assertEquals(files.size(), found);
  }

  @Test
  void everySourceIsStoredAsATranscriptThoughNoReaderSaidSo() {
    assertEquals(
        files.stream().map(f -> f + " transcript").toList(),
        sources.stream().map(src -> src.id() + " " + src.kind().label()).sorted().toList());
  }
}
