package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/**
 * Random transcripts in every layout, generated with known turns: segmenting them gives back
 * exactly those speakers and words, at offsets where the file holds them.
 */
class TranscriptSegmenterRandomTest {
  private static final String[] SPEAKERS = {
    "Interviewer", "P01", "R", "Dr Amara Osei", "Speaker 2", "Jo", "Respondent 4", "Zoë Müller"
  };
  private static final String[] WORDS = {
    "the",
    "practice",
    "network",
    "rota",
    "we",
    "funding",
    "was",
    "late",
    "and",
    "so",
    "pharmacist",
    "meetings",
    "felt",
    "rushed",
    "patients",
    "waited",
    "longer",
    "than",
    "before",
    "ok,",
    "really?",
    "10:30",
    "(laughs)",
    "yes.",
    "the",
    "hub"
  };

  private record Turn(String speaker, List<String> lines) {}

  @Test
  void generatedTranscriptsSegmentIntoTheirTurns() {
    Random random = new Random(20240312L);
    TranscriptSegmenter segmenter = new TranscriptSegmenter();
    for (int doc = 0; doc < 500; doc++) {
      int layout = random.nextInt(6);
      // tools separate turns the same way throughout a file
      boolean blankLines = random.nextBoolean();
      List<Turn> turns = turns(random);
      StringBuilder text = new StringBuilder();
      int second = 0;
      for (Turn turn : turns) {
        second += 1 + random.nextInt(90);
        String time =
            String.format(
                java.util.Locale.ROOT,
                "%02d:%02d:%02d",
                second / 3600,
                second / 60 % 60,
                second % 60);
        String first = turn.lines().get(0);
        switch (layout) {
          case 0 -> text.append(turn.speaker()).append(": ").append(first).append('\n');
          case 1 ->
              text.append(turn.speaker())
                  .append("  ")
                  .append(time.substring(3))
                  .append('\n')
                  .append(first)
                  .append('\n');
          case 2 ->
              text.append('[')
                  .append(time)
                  .append("] ")
                  .append(turn.speaker())
                  .append(": ")
                  .append(first)
                  .append('\n');
          case 3 ->
              text.append(turn.speaker())
                  .append(" (")
                  .append(time)
                  .append("): ")
                  .append(first)
                  .append('\n');
          case 4 ->
              text.append(time)
                  .append(' ')
                  .append(turn.speaker())
                  .append(": ")
                  .append(first)
                  .append('\n');
          default ->
              text.append(turn.speaker())
                  .append(" [")
                  .append(time)
                  .append("]\n")
                  .append(first)
                  .append('\n');
        }
        for (String line : turn.lines().subList(1, turn.lines().size())) {
          if (random.nextInt(4) == 0) {
            text.append("[inaudible ").append(time).append("]\n");
          }
          text.append(line).append('\n');
        }
        text.append(blankLines ? "\n" : "");
      }
      String t = text.toString();
      Source source =
          new Source(
              "d.txt", "d.txt", SourceKind.TRANSCRIPT, t, OffsetMap.identity(t), "h", Map.of());
      List<Passage> passages = segmenter.segment(source);
      List<String> expectedSpeakers = turns.stream().map(Turn::speaker).toList();
      List<String> expectedWords =
          turns.stream().map(turn -> String.join(" ", turn.lines())).toList();
      String context = "document " + doc + ":\n" + t;
      assertEquals(expectedSpeakers, passages.stream().map(Passage::participant).toList(), context);
      assertEquals(
          expectedWords,
          passages.stream().map(p -> p.text().replaceAll("\\s+", " ")).toList(),
          context);
      for (int i = 0; i < passages.size(); i++) {
        Passage p = passages.get(i);
        String held =
            t.substring(t.offsetByCodePoints(0, p.start()), t.offsetByCodePoints(0, p.end()));
        assertEquals(turns.get(i).lines().get(0), held.lines().findFirst().orElseThrow(), context);
      }
    }
  }

  @Test
  void anyTextGivesOrderedNonOverlappingPassagesInsideTheFile() {
    Random random = new Random(7L);
    String alphabet = "ab AZ:\n\n\r[]()#0123456789?.-😀ë\t";
    TranscriptSegmenter segmenter = new TranscriptSegmenter();
    for (int doc = 0; doc < 2000; doc++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(200);
      while (text.length() < length) {
        int cp =
            alphabet.codePointAt(
                alphabet.offsetByCodePoints(
                    0, random.nextInt(alphabet.codePointCount(0, alphabet.length()))));
        text.appendCodePoint(cp);
      }
      String t = text.toString();
      Source source =
          new Source(
              "P1.txt", "P1.txt", SourceKind.TRANSCRIPT, t, OffsetMap.identity(t), "h", Map.of());
      int fileLength = t.codePointCount(0, t.length());
      int previousEnd = 0;
      for (Passage p : segmenter.segment(source)) {
        String context = "document " + doc + ": " + t.replace("\n", "\\n") + " at " + p.id();
        assertEquals(true, p.start() >= previousEnd && p.end() <= fileLength, context);
        assertEquals(false, p.text().isBlank(), context);
        previousEnd = p.end();
      }
      TranscriptSegmenter.looksLikeTranscript(source);
    }
  }

  /** Turns by different speakers in a row; lines start lowercase, so none reads as a label. */
  private static List<Turn> turns(Random random) {
    List<Turn> turns = new ArrayList<>();
    String previous = null;
    int n = 2 + random.nextInt(7);
    for (int i = 0; i < n; i++) {
      String speaker;
      do {
        speaker = SPEAKERS[random.nextInt(SPEAKERS.length)];
      } while (speaker.equals(previous));
      previous = speaker;
      List<String> lines = new ArrayList<>();
      int lineCount = 1 + random.nextInt(3);
      for (int l = 0; l < lineCount; l++) {
        StringBuilder line = new StringBuilder("and");
        int words = 1 + random.nextInt(12);
        for (int w = 0; w < words; w++) {
          line.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        lines.add(line.toString());
      }
      turns.add(new Turn(speaker, lines));
    }
    return turns;
  }
}
