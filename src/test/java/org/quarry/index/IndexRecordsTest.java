package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.model.Case;
import org.quarry.model.Source;

/**
 * The records an index keeps besides passages, as another store keeps them: read back from their
 * text, they give the same sources, human codings and cases as the index.
 */
class IndexRecordsTest {
  @TempDir Path tmp;

  // two sources, one with a character outside the Basic Multilingual Plane, so its offset map is
  // not the identity
  private Quarry indexed() throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(
        corpus.resolve("t1.txt"),
        "Interviewer: What changed?\nP1: One voice for the ICS \uD83D\uDE00 at last.\n");
    Files.writeString(
        corpus.resolve("t2.txt"), "Interviewer: And then?\nP2: Commissioners listened.\n");
    Quarry q = Quarry.open(tmp.resolve("index"));
    q.index(IndexRequest.of(corpus), IndexProgress.NONE);
    return q;
  }

  // a record as a store that keeps text gives it back
  private static IndexRecords.Record throughText(IndexRecords.Record r) {
    return new IndexRecords.Record(
        new String(r.type()), new String(r.key()), new String(r.data().toCharArray()));
  }

  @Test
  void sourceRecordsReadBackAreTheSourcesTheIndexKeeps() throws IOException {
    try (Quarry q = indexed()) {
      List<Source> fromRecords =
          IndexRecords.list(q.indexDir()).stream()
              .map(IndexRecordsTest::throughText)
              .map(IndexRecords.Record::source)
              .filter(java.util.Objects::nonNull)
              .sorted(java.util.Comparator.comparing(Source::id))
              .toList();
      assertEquals(q.sources(), fromRecords);
      assertEquals(2, fromRecords.size());
    }
  }

  private static List<IndexRecords.Record> codingsRecords(Quarry q) throws IOException {
    return IndexRecords.list(q.indexDir()).stream()
        .filter(r -> r.type().equals(Fields.TYPE_CODINGS))
        .toList();
  }

  @Test
  void aDecisionIsKeptCodingsOfItsSourceThatReadBackAsTheSameHumanCodings() throws IOException {
    try (Quarry q = indexed()) {
      String passage =
          q.sourcePassages("t1.txt").stream()
              .filter(h -> h.passage().text().contains("voice"))
              .findFirst()
              .orElseThrow()
              .passage()
              .id();
      assertTrue(codingsRecords(q).isEmpty(), "none before");
      q.accept(passage, "engaging-the-system");
      List<IndexRecords.Record> kept = codingsRecords(q);
      assertEquals(1, kept.size(), "one, of its source: " + kept);
      assertEquals("t1.txt", kept.get(0).key());
      assertEquals(q.humanCodings(), throughText(kept.get(0)).humanCodings());
      assertFalse(q.humanCodings().isEmpty());
    }
  }

  @Test
  void aProjectsCasesReadBackAsTheSameCasesInTheSameOrder() {
    List<Case> cases =
        List.of(
            new Case("P2", Map.of("role", "GP"), "guid-2"),
            new Case("P1", Map.of(), null),
            new Case("P3", Map.of("role", "commissioner", "region", "north"), "guid-3"));
    IndexRecords.Record r = IndexRecords.of(KeptCases.toDocument("study.qdpx", cases));
    assertEquals(Fields.TYPE_CASES, r.type());
    assertEquals("study.qdpx", r.key());
    assertEquals(cases, throughText(r).cases());
  }

  @Test
  void dataThatIsNotARecordIsAClearError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new IndexRecords.Record(Fields.TYPE_SOURCE, "t1.txt", "not json").source());
    assertTrue(e.getMessage().startsWith("a record's data is not JSON"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new IndexRecords.Record(Fields.TYPE_SOURCE, "t1.txt", "[{\"name\":\"x\"}]").source());
    assertThrows(
        IllegalArgumentException.class, () -> new IndexRecords.Record("passage", "t1.txt", "[]"));
  }
}
