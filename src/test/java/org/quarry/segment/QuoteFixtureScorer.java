package org.quarry.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;

/**
 * Scores the quote passages the paper segmenter finds against hand-marked fixtures: {@code
 * <id>.quotes.jsonl} (doc, participant, attribution, start, end, style) and {@code
 * <id>.negatives.jsonl} (doc, not_participant, context).
 *
 * <p>A fixture quote is <b>found</b> when one quote passage overlaps its span (its {@code start}
 * words to its {@code end} words in the file), holds both its start and end words (compared with
 * what normalisation repairs taken out, see {@link Papers#modRepairs}), and names the same
 * participant.
 *
 * <p><b>Same participant</b>: equal ignoring case and spacing; or the fixture's id (as the paper
 * prints it, without gloss) is a whole run of the stored id's words and every other word of the
 * stored id is printed in the fixture's attribution. So {@code P5_female_FGD} names the fixture's
 * {@code P5} of {@code (P5_female_FGD)}, and {@code F (FG1)} the {@code F} of {@code ("F", 59,
 * male, FG1)}: the stored id is the attribution's own code, or the person's code with the group
 * that tells same-initial people apart, so it names the same person; {@code P50} never names {@code
 * P5}.
 *
 * <p>A quote passage is <b>correct</b> when it is how a fixture quote was found. A negative is
 * <b>taken</b> when a quote passage near its context (within {@value #NEAR} chars) has it for its
 * participant.
 */
final class QuoteFixtureScorer {
  static final int NEAR = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Counts for one document, with each fixture's style and whether it was found. */
  record Score(
      String doc,
      int fixtures,
      int found,
      int passages,
      int correct,
      int negatives,
      int taken,
      Map<String, int[]> byStyle,
      List<String> misses,
      List<String> wrong,
      List<String> takenNegatives) {}

  private QuoteFixtureScorer() {}

  static List<JsonNode> lines(Path file) {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Scores the document {@code dir/<id>.txt} against its fixtures in {@code dir}. */
  static Score score(Path dir, String id) {
    String raw = Papers.read(dir.resolve(id + ".txt"));
    List<Passage> quotes =
        Papers.segment(Papers.source(id + ".txt", raw)).stream()
            .filter(p -> p.kind() == PassageKind.QUOTE)
            .toList();
    List<JsonNode> fixtures = lines(dir.resolve(id + ".quotes.jsonl"));
    boolean[] correct = new boolean[quotes.size()];
    Map<String, int[]> byStyle = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    Map<String, Integer> searchFrom = new HashMap<>();
    int found = 0;
    for (JsonNode f : fixtures) {
      String start = f.get("start").asText();
      String end = f.get("end").asText();
      // a quote printed twice has a line for each, in text order
      int s = raw.indexOf(start, searchFrom.getOrDefault(start + "\u0000" + end, 0));
      int e = s < 0 ? -1 : raw.indexOf(end, s);
      if (s < 0 || e < 0) {
        throw new IllegalStateException(
            id + ": fixture words not in the file: " + start + " … " + end);
      }
      searchFrom.put(start + "\u0000" + end, s + 1);
      int from = raw.codePointCount(0, s);
      int to = raw.codePointCount(0, e + end.length());
      int[] styleCount = byStyle.computeIfAbsent(f.get("style").asText(), k -> new int[2]);
      styleCount[0]++;
      boolean hit = false;
      for (int k = 0; k < quotes.size() && !hit; k++) {
        Passage p = quotes.get(k);
        if (p.start() < to
            && p.end() > from
            && holds(p.text(), start)
            && holds(p.text(), end)
            && sameParticipant(
                p.participant(), f.get("participant").asText(), f.get("attribution").asText())) {
          hit = true;
          correct[k] = true;
        }
      }
      if (hit) {
        found++;
        styleCount[1]++;
      } else {
        misses.add(
            f.get("participant").asText()
                + " ["
                + f.get("style").asText()
                + "] "
                + start
                + " … "
                + end
                + " | got: "
                + near(quotes, from, to));
      }
    }
    List<String> wrong = new ArrayList<>();
    int right = 0;
    for (int k = 0; k < quotes.size(); k++) {
      if (correct[k]) {
        right++;
      } else {
        wrong.add(quotes.get(k).participant() + " | " + shorten(quotes.get(k).text()));
      }
    }
    List<JsonNode> negatives = lines(dir.resolve(id + ".negatives.jsonl"));
    List<String> taken = new ArrayList<>();
    for (JsonNode n : negatives) {
      String token = n.get("not_participant").asText();
      int c = raw.indexOf(n.get("context").asText());
      int from = c < 0 ? 0 : raw.codePointCount(0, c);
      int to =
          c < 0 ? Integer.MAX_VALUE : raw.codePointCount(0, c + n.get("context").asText().length());
      for (Passage p : quotes) {
        if (p.start() < to + NEAR
            && p.end() > from - NEAR
            && squash(p.participant()).equals(squash(token))) {
          taken.add(token + " | " + shorten(p.text()));
          break;
        }
      }
    }
    return new Score(
        id,
        fixtures.size(),
        found,
        quotes.size(),
        right,
        negatives.size(),
        taken.size(),
        byStyle,
        misses,
        wrong,
        taken);
  }

  /**
   * True when {@code words} (quote marks and ellipses at their ends aside) are in {@code text},
   * modulo repairs.
   */
  private static boolean holds(String text, String words) {
    return Papers.modRepairs(text).contains(Papers.modRepairs(Papers.words(words)));
  }

  /** The rule in the class comment. */
  static boolean sameParticipant(String stored, String fixture, String attribution) {
    if (stored == null) {
      return false;
    }
    if (squash(stored).equals(squash(fixture))) {
      return true;
    }
    List<String> have = words(stored);
    List<String> want = words(fixture);
    int at = -1;
    for (int i = 0; i + want.size() <= have.size() && at < 0; i++) {
      if (have.subList(i, i + want.size()).equals(want)) {
        at = i;
      }
    }
    if (at < 0 || want.isEmpty()) {
      return false;
    }
    String printed = attribution.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    for (int i = 0; i < have.size(); i++) {
      if ((i < at || i >= at + want.size()) && !printed.contains(have.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> words(String id) {
    return Arrays.stream(id.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  private static String squash(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
  }

  private static String near(List<Passage> quotes, int from, int to) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Passage p : quotes) {
      if (p.start() < to && p.end() > from) {
        out.put(p.id(), p.participant() + " " + shorten(p.text()));
      }
    }
    return out.isEmpty() ? "no quote passage there" : String.join(" ; ", out.values());
  }

  private static String shorten(String s) {
    String t = s.replaceAll("\\s+", " ");
    return t.length() <= 90 ? t : t.substring(0, 45) + " … " + t.substring(t.length() - 40);
  }
}
