package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;

/**
 * The development papers' hand-marked quotes, found again when each paper is printed as PDF text at
 * three widths and page lengths ({@link PdfRendering}: hard-wrapped lines, hyphenated words, page
 * breaks with footers, page numbers and running headers inside paragraphs and quotes). Positions
 * differ from the fixtures' file, so a quote counts as found when one quote passage holds its first
 * and last words (modulo what normalisation repairs) and names its participant; a negative is taken
 * when a quote passage names it and no marked quote of that paper has it for its participant.
 */
class PapersDevPdfFormTest {
  private static final Path DIR = Path.of("src/test/resources/papers-dev");
  private static final double FLOOR = 0.95;

  /**
   * Line widths and page lengths of the renderings: narrow two-column pages to wide one-column
   * ones.
   */
  private static final int[][] RENDERINGS = {{62, 38, 1}, {78, 52, 1}, {90, 61, 1}, {78, 52, 0}};

  private static int fixtures;
  private static int found;
  private static int passages;
  private static int correct;
  private static int taken;

  @BeforeAll
  static void scoreEveryPaper() throws IOException {
    for (int[] r : RENDERINGS) {
      score(r[0], r[1], r[2] == 1);
    }
  }

  private static void score(int width, int pageLines, boolean blankLines) throws IOException {
    StringBuilder out =
        new StringBuilder(
            "\nPDF form, "
                + width
                + " chars, "
                + pageLines
                + " lines a page"
                + (blankLines ? "" : ", no blank lines")
                + "   quotes found  passages correct  negatives taken\n");
    List<String> notes = new ArrayList<>();
    int[] before = {fixtures, found, passages, correct, taken};
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".quotes.jsonl")).sorted().toList()) {
        String id = f.getFileName().toString().replace(".quotes.jsonl", "");
        String pdf =
            PdfRendering.of(Papers.read(DIR.resolve(id + ".txt")), width, pageLines, blankLines);
        List<Passage> quotes =
            Papers.segment(Papers.source(id + ".txt", pdf)).stream()
                .filter(p -> p.kind() == PassageKind.QUOTE)
                .toList();
        List<JsonNode> marked = QuoteFixtureScorer.lines(f);
        boolean[] right = new boolean[quotes.size()];
        int paperFound = 0;
        Set<String> participants = new HashSet<>();
        for (JsonNode m : marked) {
          participants.add(squash(m.get("participant").asText()));
          boolean hit = false;
          // a quote printed twice is marked twice: each mark takes a passage not yet taken, if
          // there is one
          for (int pass = 0; pass < 2 && !hit; pass++) {
            for (int k = 0; k < quotes.size() && !hit; k++) {
              Passage p = quotes.get(k);
              if ((pass == 1 || !right[k])
                  && holds(p.text(), m.get("start").asText())
                  && holds(p.text(), m.get("end").asText())
                  && QuoteFixtureScorer.sameParticipant(
                      p.participant(),
                      m.get("participant").asText(),
                      m.get("attribution").asText())) {
                hit = true;
                right[k] = true;
              }
            }
          }
          if (hit) {
            paperFound++;
          } else {
            notes.add(
                "MISS  "
                    + id
                    + ": "
                    + m.get("participant").asText()
                    + " "
                    + m.get("start").asText());
          }
        }
        int paperCorrect = 0;
        for (int k = 0; k < quotes.size(); k++) {
          if (right[k]) {
            paperCorrect++;
          } else {
            notes.add(
                "EXTRA "
                    + id
                    + ": "
                    + quotes.get(k).participant()
                    + " | "
                    + quotes.get(k).text().replaceAll("\\s+", " "));
          }
        }
        List<JsonNode> negatives = QuoteFixtureScorer.lines(DIR.resolve(id + ".negatives.jsonl"));
        int paperTaken = 0;
        for (JsonNode n : negatives) {
          String token = squash(n.get("not_participant").asText());
          if (!participants.contains(token)
              && quotes.stream().anyMatch(p -> squash(p.participant()).equals(token))) {
            paperTaken++;
            notes.add("TAKEN " + id + ": " + token);
          }
        }
        out.append(
            String.format(
                java.util.Locale.ROOT,
                "%-26s %6d %5d %9d %7d %10d %5d%n",
                id,
                marked.size(),
                paperFound,
                quotes.size(),
                paperCorrect,
                negatives.size(),
                paperTaken));
        fixtures += marked.size();
        found += paperFound;
        passages += quotes.size();
        correct += paperCorrect;
        taken += paperTaken;
      }
    }
    out.append(
        String.format(
            java.util.Locale.ROOT,
            "%-26s %6d %5d %9d %7d %16d%n",
            "ALL",
            fixtures - before[0],
            found - before[1],
            passages - before[2],
            correct - before[3],
            taken - before[4]));
    notes.forEach(n -> out.append(n.length() > 220 ? n.substring(0, 220) + " …" : n).append('\n'));
    System.out.println(out);
  }

  private static boolean holds(String text, String words) {
    return Papers.modRepairs(text).contains(Papers.modRepairs(Papers.words(words)));
  }

  private static String squash(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
  }

  @Test
  void atLeast95PercentOfMarkedQuotesAreFoundInThePdfForms() {
    assertTrue((double) found / fixtures >= FLOOR, found + " of " + fixtures + " found");
  }

  @Test
  void atLeast95PercentOfQuotePassagesInThePdfFormsAreMarkedQuotes() {
    assertTrue((double) correct / passages >= FLOOR, correct + " of " + passages + " correct");
  }

  @Test
  void noNegativeIsTakenForAParticipantInThePdfForms() {
    assertEquals(0, taken, "negatives taken");
  }
}
