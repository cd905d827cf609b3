package org.quarry.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A seeded synthetic study of a given number of passages, the same for the same seed and size:
 * interview transcripts (a title block, section headings, interviewer questions and one
 * participant's answers, labelled {@code Interviewer:} and {@code P00042:}) and survey exports
 * (CSV: a respondent id, then three open questions, some answered {@code n/a}), two interviews to
 * each survey, with words drawn from a {@link ZipfVocabulary}. Each source draws from its own
 * random stream, so a source is the same whatever size the study is cut to.
 */
public final class ScaleCorpus {
  /** The survey's open questions: the section of each answer. */
  public static final List<String> SURVEY_QUESTIONS =
      List.of(
          "What worked well about your care?",
          "What could be improved?",
          "Is there anything else you would like to tell us?");

  private static final List<String> SECTIONS =
      List.of(
          "ACCESS TO SERVICES",
          "CONTINUITY OF CARE",
          "COMMUNICATION WITH STAFF",
          "DISCHARGE AND FOLLOW-UP",
          "MEDICATION AND PRESCRIPTIONS",
          "DIGITAL AND TELEPHONE SERVICES",
          "CARERS AND FAMILY",
          "WORKFORCE AND CAPACITY");

  private static final List<String> QUESTION_OPENINGS =
      List.of(
          "Can you tell me about",
          "How did you feel about",
          "What happened with",
          "Could you say more about",
          "What was your experience of",
          "Why do you think");

  private static final int RESPONDENTS_PER_SURVEY = 150;
  private static final String INTERVIEWER = "Interviewer";

  private final long seed;
  private final int passages;
  private final ZipfVocabulary vocabulary = ZipfVocabulary.english();

  /**
   * A study of {@code passages} passages.
   *
   * @throws IllegalArgumentException for fewer than one passage
   */
  public ScaleCorpus(long seed, int passages) {
    if (passages < 1) {
      throw new IllegalArgumentException("passages must be 1 or more, got " + passages);
    }
    this.seed = seed;
    this.passages = passages;
  }

  /**
   * One generated file.
   *
   * @param name the file's path relative to the study folder, with {@code /}
   * @param content what the file holds
   * @param passages the text of each passage segmentation should find in it, in order
   * @param tokens the words of its passages, hyphenated words counted by their parts
   */
  public record GeneratedSource(String name, String content, List<String> passages, long tokens) {
    public GeneratedSource {
      passages = List.copyOf(passages);
    }
  }

  /**
   * What {@link #write} wrote.
   *
   * @param sources files
   * @param passages passages in them
   * @param bytes UTF-8 bytes of the files
   * @param passageBytes UTF-8 bytes of the passages' text
   * @param tokens words of the passages
   */
  public record Written(int sources, long passages, long bytes, long passageBytes, long tokens) {}

  /** The study's files, in order, generated lazily. */
  public Stream<GeneratedSource> sources() {
    int[] left = {passages};
    return Stream.iterate(0, k -> left[0] > 0, k -> k + 1)
        .map(
            k -> {
              GeneratedSource s = source(k, left[0]);
              left[0] -= s.passages().size();
              return s;
            });
  }

  /**
   * Writes the study's files under {@code folder}, and every passage's text, one a line, to {@code
   * passageLines} (outside the folder: the same text for baselines that index passages, not files;
   * a line break inside a passage becomes a space).
   */
  public Written write(Path folder, Path passageLines) throws IOException {
    int[] sources = {0};
    long[] sums = new long[4];
    Files.createDirectories(folder);
    try (BufferedWriter lines = Files.newBufferedWriter(passageLines, StandardCharsets.UTF_8)) {
      for (GeneratedSource s : (Iterable<GeneratedSource>) sources()::iterator) {
        Path file = folder.resolve(s.name());
        Files.createDirectories(file.getParent());
        byte[] bytes = s.content().getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        sources[0]++;
        sums[0] += s.passages().size();
        sums[1] += bytes.length;
        sums[3] += s.tokens();
        for (String p : s.passages()) {
          sums[2] += p.getBytes(StandardCharsets.UTF_8).length;
          // one passage a line: a title block's line break is a space to every analyser
          lines.write(p.replace('\n', ' '));
          lines.write('\n');
        }
      }
    }
    return new Written(sources[0], sums[0], sums[1], sums[2], sums[3]);
  }

  private GeneratedSource source(int k, int budget) {
    Random r = new Random(seed * 1_000_003L + k);
    return k % 3 == 2 ? survey(k, r, budget) : interview(k, r, budget);
  }

  private GeneratedSource interview(int k, Random r, int budget) {
    String participant = String.format(Locale.ROOT, "P%05d", k);
    List<String> passageTexts = new ArrayList<>();
    StringBuilder file = new StringBuilder();
    long[] tokens = {0};
    int turns = Math.min(budget, 30 + r.nextInt(90));
    // the title block, then the first heading, are passages of their own before the first label
    String title =
        String.format(
            Locale.ROOT,
            "Interview %d: %s\nDate: 2024-%02d-%02d",
            k,
            vocabulary.draw(r)
                + " and "
                + SECTIONS.get(r.nextInt(SECTIONS.size())).toLowerCase(Locale.ROOT),
            1 + r.nextInt(12),
            1 + r.nextInt(28));
    file.append(title).append("\n\n");
    passageTexts.add(title);
    tokens[0] += count(title);
    int section = r.nextInt(SECTIONS.size());
    if (passageTexts.size() < turns) {
      file.append(SECTIONS.get(section)).append("\n\n");
      passageTexts.add(SECTIONS.get(section));
      tokens[0] += count(SECTIONS.get(section));
    }
    boolean asking = true;
    while (passageTexts.size() < turns) {
      if (asking && passageTexts.size() > 4 && r.nextInt(10) == 0) {
        // a later heading sits between turns; the turn before it runs on to it
        section = (section + 1) % SECTIONS.size();
        file.append(SECTIONS.get(section)).append("\n\n");
      }
      String speech = asking ? question(r, tokens) : answer(r, 1 + r.nextInt(5), tokens);
      file.append(asking ? INTERVIEWER : participant).append(": ").append(speech).append("\n\n");
      passageTexts.add(speech);
      asking = !asking;
    }
    return new GeneratedSource(
        String.format(Locale.ROOT, "interviews/interview-%06d.txt", k),
        file.toString(),
        passageTexts,
        tokens[0]);
  }

  private GeneratedSource survey(int k, Random r, int budget) {
    List<String> passageTexts = new ArrayList<>();
    long[] tokens = {0};
    StringBuilder file = new StringBuilder("respondent");
    for (String q : SURVEY_QUESTIONS) {
      file.append(',').append(csv(q));
    }
    file.append('\n');
    for (int row = 0; row < RESPONDENTS_PER_SURVEY && passageTexts.size() < budget; row++) {
      file.append(String.format(Locale.ROOT, "R%05d-%03d", k, row));
      for (int q = 0; q < SURVEY_QUESTIONS.size(); q++) {
        file.append(',');
        // a respondent skips a question now and then, and the export says so
        if (passageTexts.size() >= budget || r.nextInt(6) == 0) {
          file.append("n/a");
          continue;
        }
        String answer = answer(r, 1 + r.nextInt(3), tokens);
        file.append(csv(answer));
        passageTexts.add(answer);
      }
      file.append('\n');
    }
    return new GeneratedSource(
        String.format(Locale.ROOT, "surveys/survey-%06d.csv", k),
        file.toString(),
        passageTexts,
        tokens[0]);
  }

  private String question(Random r, long[] tokens) {
    StringBuilder s = new StringBuilder(QUESTION_OPENINGS.get(r.nextInt(QUESTION_OPENINGS.size())));
    int n = 3 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      s.append(' ').append(vocabulary.draw(r));
    }
    s.append('?');
    String q = s.toString();
    tokens[0] += count(q);
    return q;
  }

  private String answer(Random r, int sentences, long[] tokens) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        s.append(' ');
      }
      int n = 4 + r.nextInt(16);
      int start = s.length();
      for (int w = 0; w < n; w++) {
        if (w > 0) {
          s.append(w > 2 && r.nextInt(12) == 0 ? ", " : " ");
        }
        s.append(vocabulary.draw(r));
      }
      s.setCharAt(start, Character.toUpperCase(s.charAt(start)));
      s.append(r.nextInt(10) == 0 ? '!' : '.');
    }
    String a = s.toString();
    tokens[0] += count(a);
    return a;
  }

  // words as a tokenizer finds them: hyphens and spaces part words, punctuation is no word
  private static long count(String text) {
    long n = 0;
    for (String w : text.split("[\\s\\-:?!.,]+")) {
      if (!w.isEmpty()) {
        n++;
      }
    }
    return n;
  }

  private static String csv(String value) {
    return value.contains(",") || value.contains("\"")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }
}
