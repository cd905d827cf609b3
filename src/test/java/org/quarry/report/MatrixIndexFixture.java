package org.quarry.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.index.DuplicateFinder;
import org.quarry.index.Indexer;
import org.quarry.index.SourcePassages;
import org.quarry.index.TestCorpus;
import org.quarry.model.CodeScore;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;

/**
 * An index of three interviews and a paper with codes stored on passages, as the suggester and an
 * import leave them: P01 and P03 are GPs, P02 a manager; codes from {@link MatrixFixture#CODEBOOK}.
 */
final class MatrixIndexFixture {
  private MatrixIndexFixture() {}

  static final String CAFE = "We built trust over many café meetings 😊.";
  static final String DISTANT = "The ICS felt distant.";
  static final String SLOWLY = "Trust came slowly, quietly.";
  static final String VOICE = "Our PCN speaks with one voice to the ICS.";
  static final String PAPER = "Authors note the system.";

  /** Builds the index in {@code dir}. */
  static void build(Path dir) throws IOException {
    SourcePassages s1 =
        interview("p01.txt", "P01", Map.of("role", "GP", "region", "North"), CAFE, DISTANT);
    SourcePassages s2 =
        interview("p02.txt", "P02", Map.of("role", "Manager", "region", "South"), SLOWLY);
    SourcePassages s3 = interview("p03.txt", "P03", Map.of("role", "GP", "region", "South"), VOICE);
    SourcePassages paper = interview("paper.txt", null, Map.of(), PAPER);
    try (Indexer indexer = Indexer.open(dir, LemmaAnnotator.untagged(), DuplicateFinder.none())) {
      indexer.update(Stream.of(s1, s2, s3, paper));
      indexer.setCodes(
          Map.of(
              id(s1, 0), List.of(suggested("trust", 0.9), suggested("meetings", 0.7)),
              id(s1, 1), List.of(suggested("system", 0.8)),
              id(s2, 0), List.of(new CodeScore("trust", 1.0, CodeScore.HUMAN)),
              id(s3, 0), List.of(suggested("system", 0.95), suggested("trust", 0.2)),
              id(paper, 0), List.of(suggested("system", 0.3))));
    }
  }

  private static CodeScore suggested(String code, double score) {
    return new CodeScore(code, score, CodeScore.SUGGESTED);
  }

  private static String id(SourcePassages sp, int i) {
    return sp.passages().get(i).id();
  }

  private static SourcePassages interview(
      String id, String participant, Map<String, String> attrs, String... paragraphs) {
    String text = String.join("\n\n", paragraphs);
    Source source = TestCorpus.source(id, text);
    List<Passage> passages = new ArrayList<>();
    int from = 0;
    for (String p : paragraphs) {
      int a = text.indexOf(p, from);
      // code points, as passages count them (the emoji is two chars, one code point)
      int start = text.codePointCount(0, a);
      int end = start + p.codePointCount(0, p.length());
      passages.add(
          Passage.of(
                  id,
                  participant == null ? PassageKind.NARRATIVE : PassageKind.TURN,
                  participant,
                  null,
                  start,
                  end,
                  p)
              .withAttributes(attrs));
      from = a + p.length();
    }
    return new SourcePassages(source, passages);
  }
}
