package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.Source;

/**
 * A source is the file it was read from: a same-named file in another folder is another source,
 * re-indexing a folder replaces its own files, and nothing indexed is replaced silently.
 */
class SourceIdentityTest {
  @TempDir Path tmp;

  private Path file(String folder, String name, String words) throws IOException {
    Path f = tmp.resolve(folder).resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(
        f, "Interviewer: How was the visit?\n\nP01: " + words + "\n\nInterviewer: Thanks.\n");
    return f;
  }

  private Map<String, String> textBySource(Quarry quarry) {
    Map<String, String> texts = new TreeMap<>();
    for (Source s : quarry.sources()) {
      texts.put(s.id(), s.text());
    }
    return texts;
  }

  private Quarry open() {
    return Quarry.open(tmp.resolve("index"), Analysis.UNTAGGED);
  }

  @Test
  void sameNamedFilesInTwoFoldersAreTwoSources() throws IOException {
    file("a", "P01.txt", "The apples were crisp.");
    file("b", "P01.txt", "The bananas were bruised.");
    try (Quarry quarry = open()) {
      quarry.index(IndexRequest.of(tmp.resolve("a")), IndexProgress.NONE);
      IndexReport second = quarry.index(IndexRequest.of(tmp.resolve("b")), IndexProgress.NONE);
      assertEquals("b/P01.txt", second.files().get(0).source());
      Map<String, String> texts = textBySource(quarry);
      assertEquals(List.of("P01.txt", "b/P01.txt"), List.copyOf(texts.keySet()));
      assertTrue(texts.get("P01.txt").contains("apples"));
      assertTrue(texts.get("b/P01.txt").contains("bananas"));
    }
  }

  @Test
  void bothAreFoundBySearch() throws IOException {
    file("a", "P01.txt", "The apples were crisp.");
    file("b", "P01.txt", "The bananas were bruised.");
    try (Quarry quarry = open()) {
      quarry.index(IndexRequest.of(tmp.resolve("a")), IndexProgress.NONE);
      quarry.index(IndexRequest.of(tmp.resolve("b")), IndexProgress.NONE);
      List<String> sources =
          quarry.passages(true).stream()
              .filter(h -> h.passage().text().matches("(?s).*(apples|bananas).*"))
              .map(h -> h.passage().source())
              .sorted()
              .toList();
      assertEquals(List.of("P01.txt", "b/P01.txt"), sources);
    }
  }

  @Test
  void reindexingAFolderReplacesItsOwnFiles() throws IOException {
    file("a", "P01.txt", "The apples were crisp.");
    file("b", "P01.txt", "The bananas were bruised.");
    try (Quarry quarry = open()) {
      quarry.index(IndexRequest.of(tmp.resolve("a")), IndexProgress.NONE);
      quarry.index(IndexRequest.of(tmp.resolve("b")), IndexProgress.NONE);
      file("b", "P01.txt", "The cherries were sour.");
      IndexReport again = quarry.index(IndexRequest.of(tmp.resolve("b")), IndexProgress.NONE);
      assertEquals(
          List.of(new FileReport("b/P01.txt", FileReport.Status.INDEXED, null, 3)), again.files());
      Map<String, String> texts = textBySource(quarry);
      assertEquals(2, texts.size());
      assertTrue(texts.get("b/P01.txt").contains("cherries"));
      assertTrue(texts.get("P01.txt").contains("apples"));
    }
  }

  @Test
  void aFileGoneFromOneFolderLeavesTheOtherFoldersSource() throws IOException {
    file("a", "P01.txt", "The apples were crisp.");
    file("b", "P01.txt", "The bananas were bruised.");
    file("b", "P02.txt", "The dates were dry.");
    try (Quarry quarry = open()) {
      quarry.index(IndexRequest.of(tmp.resolve("a")), IndexProgress.NONE);
      quarry.index(IndexRequest.of(tmp.resolve("b")), IndexProgress.NONE);
      Files.delete(tmp.resolve("b/P01.txt"));
      quarry.index(IndexRequest.of(tmp.resolve("b")), IndexProgress.NONE);
      assertEquals(List.of("P01.txt", "P02.txt"), List.copyOf(textBySource(quarry).keySet()));
      assertTrue(textBySource(quarry).get("P01.txt").contains("apples"));
    }
  }

  @Test
  void twoSameNamedFilesGivenInOneRunAreTwoSources() throws IOException {
    Path a = file("a", "P01.txt", "The apples were crisp.");
    Path b = file("b", "P01.txt", "The bananas were bruised.");
    try (Quarry quarry = open()) {
      IndexReport report = quarry.index(IndexRequest.of(a, b), IndexProgress.NONE);
      assertEquals(
          List.of("P01.txt", "b/P01.txt"),
          report.files().stream().map(FileReport::source).toList());
      assertEquals(2, textBySource(quarry).size());
    }
  }

  @Test
  void aMovedFolderKeepsItsSourceIds() throws IOException {
    file("old", "P01.txt", "The apples were crisp.");
    try (Quarry quarry = open()) {
      quarry.index(IndexRequest.of(tmp.resolve("old")), IndexProgress.NONE);
      Files.move(tmp.resolve("old"), tmp.resolve("new"));
      IndexReport moved = quarry.index(IndexRequest.of(tmp.resolve("new")), IndexProgress.NONE);
      assertEquals(
          List.of(new FileReport("P01.txt", FileReport.Status.UNCHANGED, null, 0)), moved.files());
      List<Source> sources = quarry.sources();
      assertEquals(1, sources.size());
      assertEquals(tmp.resolve("new/P01.txt").toString(), sources.get(0).path());
    }
  }

  @Test
  void aMovedFolderWhoseFileChangedKeepsTheOldSource() throws IOException {
    file("old", "P01.txt", "The apples were crisp.");
    try (Quarry quarry = open()) {
      quarry.index(IndexRequest.of(tmp.resolve("old")), IndexProgress.NONE);
      Files.move(tmp.resolve("old"), tmp.resolve("new"));
      file("new", "P01.txt", "The figs were ripe.");
      quarry.index(IndexRequest.of(tmp.resolve("new")), IndexProgress.NONE);
      Map<String, String> texts = textBySource(quarry);
      assertEquals(List.of("P01.txt", "new/P01.txt"), List.copyOf(texts.keySet()));
      assertTrue(texts.get("P01.txt").contains("apples"));
    }
  }
}
