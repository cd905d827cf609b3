package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.Analysis;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.model.KeyTerm;

class TermKeynessTest {
  @TempDir Path tmp;

  @Test
  void g2OfKnownCounts() {
    // E1 = 100 * 15 / 300 = 5, E2 = 10: G2 = 2 (10 ln 2 + 5 ln 0.5) = 10 ln 2
    assertEquals(10 * Math.log(2), TermKeyness.g2(10, 5, 100, 200), 1e-12);
    assertEquals(0, TermKeyness.g2(1, 1, 5, 5), 1e-12);
  }

  @Test
  void ranksOverRepresentedLemmasOfAHandmadeCorpusWithoutTheLexicon() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("c"));
    Files.writeString(
        dir.resolve("c.txt"),
        "Voice voice board.\n\nVoice matters.\n\nBudget budget budget.\n\nBoard budget.\n");
    Path index = tmp.resolve("index");
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      q.index(IndexRequest.of(dir), IndexProgress.NONE);
      List<KeyTerm> terms = q.terms(null, null, "voice", 10);
      // inside: voice 3 (the lexicon: counted in the totals, not listed), board 1, matter 1 of 5
      // words; outside: budget 4, board 1 of 5. board is as frequent inside as outside; matter:
      // E1 = 5 * 1 / 10 = 0.5, G2 = 2 (1 ln(1 / 0.5)) = 2 ln 2
      assertEquals(1, terms.size(), terms.toString());
      KeyTerm matter = terms.get(0);
      assertEquals("matter", matter.term());
      assertEquals(1, matter.in());
      assertEquals(0, matter.out());
      assertEquals(2 * Math.log(2), matter.g2(), 1e-12);
      assertEquals("c.txt#20-34", matter.example());
    }
  }

  @Test
  void phrasesAreNounPhrasesFromThePartOfSpeechTags() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("np"));
    Files.writeString(
        dir.resolve("np.txt"),
        "The primary care networks shared new roles across practices.\n\n"
            + "Primary care networks employ new roles in practices.\n\n"
            + "Funding cuts hurt the hospital budget.\n\n"
            + "The hospital budget grew after funding cuts.\n");
    Path index = tmp.resolve("np-index");
    try (Quarry q = Quarry.open(index)) { // CoreNLP's tagger, as Quarry indexes by default
      q.index(IndexRequest.of(dir), IndexProgress.NONE);
      List<KeyTerm> terms = q.terms(null, null, "practice", 20);
      List<String> phrases = terms.stream().filter(KeyTerm::phrase).map(KeyTerm::term).toList();
      assertEquals(
          List.of("new role", "primary care network"),
          phrases.stream().sorted().toList(),
          terms.toString());
    }
  }
}
