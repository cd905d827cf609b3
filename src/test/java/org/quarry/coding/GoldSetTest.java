package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.Analysis;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.EvalReport;
import org.quarry.model.GoldItem;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.refi.QdpxWriter;

class GoldSetTest {
  @TempDir Path tmp;

  static final Passage ONE =
      Passage.of(
          "d.txt",
          PassageKind.QUOTE,
          null,
          null,
          0,
          60,
          "\u201cWe need time \u2014 lots of time,\u201d she said; the opportu- nity was lost.");
  static final Passage TWO =
      Passage.of("d.txt", PassageKind.QUOTE, null, null, 61, 90, "And then the board met again.");

  static Optional<Passage> match(String doc, String quote) {
    return GoldSet.match(List.of(new GoldItem(1, doc, null, "c", quote, -1, -1)), List.of(ONE, TWO))
        .get(0);
  }

  @Test
  void quotesMatchOnWordsIgnoringSpacesQuoteMarksAndHyphenation() {
    assertEquals(Optional.of(ONE), match("d.txt", "'we need  time - lots of time'"));
    assertEquals(Optional.of(ONE), match("d.txt", "the opportunity was lost"));
    assertEquals(Optional.of(ONE), match("d.txt", "\u2026we need time \u2026 she said\u2026"));
    assertEquals(Optional.empty(), match("d.txt", "she said we need time"));
    assertEquals(Optional.empty(), match("other.txt", "we need time"));
  }

  @Test
  void theSameWordsSaidTwiceAreToldApartByTheSpanTheItemGives() {
    Passage first =
        Passage.of("c.txt", PassageKind.RESPONSE, "1", null, 10, 32, "Happy with the service");
    Passage second =
        Passage.of("c.txt", PassageKind.RESPONSE, "7", null, 200, 222, "Happy with the service");
    List<Optional<Passage>> m =
        GoldSet.match(
            List.of(
                new GoldItem(1, "c.txt", "7", "a", "Happy with the service", 200, 222),
                new GoldItem(2, "c.txt", "1", "b", "Happy with the service", 10, 32),
                new GoldItem(3, "c.txt", null, "c", "Happy with the service", -1, -1)),
            List.of(first, second));
    assertEquals(Optional.of(second), m.get(0));
    assertEquals(Optional.of(first), m.get(1));
    assertEquals(Optional.of(first), m.get(2)); // words alone: the first that holds them, as before
  }

  @Test
  void aGoldFileWithNoItemIsRefusedNamingTheFile() throws IOException {
    Path blank = Files.writeString(tmp.resolve("blank.jsonl"), "\n  \n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GoldSet.read(blank, null));
    assertTrue(e.getMessage().startsWith(blank + ": no gold items"), e.getMessage());
  }

  @Test
  void aQuoteCutAcrossPassagesGoesToThePassageHoldingMostOfIt() {
    assertEquals(Optional.of(TWO), match("d.txt", "was lost. And then the board met"));
  }

  @Test
  void aQdpxProjectIsGoldWithCodesMatchedByName() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("c"));
    Files.writeString(
        dir.resolve("f.txt"),
        "Staff spoke of workloads and pressures.\n\nThe board gave clinical directors one voice.\n");
    Codebook book =
        new Codebook(
            "b",
            null,
            List.of(
                new Code(
                    "workload",
                    "Workload",
                    null,
                    null,
                    List.of("workload", "pressure"),
                    List.of(),
                    null,
                    1),
                new Code(
                    "voice",
                    "Voice",
                    null,
                    null,
                    List.of("voice", "\"clinical director\""),
                    List.of(),
                    null,
                    1)));
    try (Quarry q = Quarry.open(tmp.resolve("index"), Analysis.UNTAGGED)) {
      q.index(IndexRequest.of(dir), IndexProgress.NONE);
      List<Passage> passages = q.passages(true).stream().map(Hit::passage).toList();
      Passage second = passages.get(1);
      // the project names its code differently: it meets the codebook's by name
      Codebook project =
          new Codebook(
              "p",
              null,
              List.of(
                  new Code(
                      "their-voice-code", "Voice", null, null, List.of(), List.of(), null, 1)));
      Path qdpx = tmp.resolve("study.qdpx");
      List<String> problems =
          new QdpxWriter("study")
              .write(
                  qdpx,
                  q.sources(),
                  project,
                  List.of(
                      new Coding(
                          "f.txt",
                          second.start() + 4,
                          second.start() + 9,
                          "their-voice-code",
                          1,
                          "human")),
                  List.of());
      assertEquals(List.of(), problems);
      EvalReport r = q.evaluate(book, qdpx, 0.3);
      assertEquals(1, r.matched(), r.toString());
      assertEquals(1, r.top1Correct());
      assertEquals(EvalReport.Scores.of(1, 0, 0), r.codes().get(1).quarry());
      assertTrue(r.unmatched().isEmpty());
      // a project nobody has coded yet is no gold: refused, not measured as zeros
      Path uncoded = tmp.resolve("uncoded.qdpx");
      assertEquals(
          List.of(),
          new QdpxWriter("study").write(uncoded, q.sources(), project, List.of(), List.of()));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> GoldSet.read(uncoded, book));
      assertTrue(
          e.getMessage().startsWith(uncoded + ": the project has no codings"), e.getMessage());
    }
  }
}
