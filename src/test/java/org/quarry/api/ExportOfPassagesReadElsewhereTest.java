package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.CodeScore;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.search.AllPassages;

/**
 * An export of passages read from somewhere else than the index (a SolrCloud collection, where
 * workers sent shares of a corpus): the codings are those passages', and a coding whose source text
 * the index does not keep is left out of a {@code .qdpx} and named, not dropped silently.
 */
class ExportOfPassagesReadElsewhereTest {
  @TempDir Path tmp;

  // the index's own passages and records, and a passage of a source another worker indexed
  private static ReportJobs.PassageReads withAPassageOfAnotherShare(Quarry q, List<Hit> own) {
    List<Hit> all = new ArrayList<>(own);
    all.add(
        new Hit(
            new Passage(
                "elsewhere/other.txt#0-20",
                "elsewhere/other.txt",
                PassageKind.NARRATIVE,
                null,
                null,
                0,
                20,
                "the voice of the ICS",
                Map.of(),
                List.of()),
            0,
            "the voice of the ICS",
            List.of(new CodeScore("engaging-the-system", 0.8, CodeScore.SUGGESTED))));
    return new ReportJobs.PassageReads() {
      @Override
      public AllPassages allMarked() {
        return new AllPassages(all, Set.of());
      }

      @Override
      public List<Hit> withoutDuplicates() {
        return all;
      }

      @Override
      public List<Hit> filtered(Map<String, List<String>> filters, int limit) {
        throw new AssertionError("an export does not filter");
      }

      @Override
      public List<org.quarry.model.Source> sources() {
        return q.sources();
      }

      @Override
      public List<org.quarry.model.Coding> humanCodings() {
        return q.humanCodings();
      }

      @Override
      public List<org.quarry.model.Case> keptCases() {
        return q.keptCases();
      }
    };
  }

  private Quarry indexed() throws IOException {
    return OneTranscriptIndex.open(tmp);
  }

  @Test
  void aQdpxLeavesOutAndNamesTheCodingsOfSourcesTheIndexDoesNotKeep() throws IOException {
    try (Quarry q = indexed()) {
      ExportReport r =
          q.export(
              ExportFormat.QDPX,
              tmp.resolve("out.qdpx"),
              null,
              0,
              withAPassageOfAnotherShare(q, q.sourcePassages("t1.txt")));
      assertEquals(1, r.problems().size(), r.problems().toString());
      assertTrue(
          r.problems().get(0).contains("source elsewhere/other.txt is not exported"),
          r.problems().get(0));
      assertEquals(1, r.sources());
    }
  }

  @Test
  void codingsAsJsonLinesComeFromThePassagesReadWithoutNeedingTheirSource() throws IOException {
    try (Quarry q = indexed()) {
      Path out = tmp.resolve("out.jsonl");
      ExportReport r =
          q.export(
              ExportFormat.JSONL,
              out,
              null,
              0,
              withAPassageOfAnotherShare(q, q.sourcePassages("t1.txt")));
      assertTrue(r.problems().isEmpty(), r.problems().toString());
      assertEquals(1, r.codings());
      assertTrue(Files.readString(out).contains("elsewhere/other.txt"), Files.readString(out));
    }
  }
}
