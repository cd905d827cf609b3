package org.quarry.report;

import java.util.List;
import java.util.Map;
import org.quarry.model.Code;
import org.quarry.model.CodeScore;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;

/** A small handmade study: two sources, two participants, a code tree of depth two. */
public final class MatrixFixture {
  private MatrixFixture() {}

  public static final Codebook CODEBOOK =
      new Codebook(
          "Test codebook",
          null,
          List.of(
              new Code(
                  "relationships",
                  "Relationships",
                  "How people relate",
                  null,
                  null,
                  null,
                  null,
                  1.0),
              new Code("system", "Engaging the system", "ICS, STP", null, null, null, null, 1.0),
              new Code(
                  "trust", "Trust", "Trust built or lost", "relationships", null, null, null, 1.0),
              new Code(
                  "meetings",
                  "Meetings",
                  "Informal contact",
                  "relationships",
                  null,
                  null,
                  null,
                  1.0)));

  static final Passage P01_CAFE =
      passage(
          "s1.txt", 0, 40, "P01", "We built trust over many café meetings.", Map.of("role", "GP"));
  static final Passage P01_ICS =
      passage("s1.txt", 41, 62, "P01", "The ICS felt distant.", Map.of("role", "GP"));
  static final Passage P02_TRUST =
      passage("s2.txt", 0, 31, "P02", "Trust came \"slowly\", quietly.", Map.of("role", "Manager"));
  static final Passage NARRATIVE =
      passage("s2.txt", 32, 56, null, "Authors note the system.", Map.of());

  static final List<Passage> PASSAGES = List.of(P01_CAFE, P01_ICS, P02_TRUST, NARRATIVE);

  static final List<Coding> CODINGS =
      List.of(
          suggested(P01_CAFE, "trust", 0.9),
          suggested(P01_CAFE, "meetings", 0.7),
          // a human coding of a few words inside the same passage: still one passage
          new Coding("s1.txt", 25, 38, "meetings", 1.0, CodeScore.HUMAN),
          suggested(P01_ICS, "system", 0.8),
          new Coding("s2.txt", 0, 31, "trust", 1.0, CodeScore.HUMAN),
          suggested(NARRATIVE, "system", 0.3),
          suggested(NARRATIVE, "no-such-code", 0.9));

  static Passage passage(
      String source,
      int start,
      int end,
      String participant,
      String text,
      Map<String, String> attrs) {
    PassageKind kind = participant == null ? PassageKind.NARRATIVE : PassageKind.TURN;
    return Passage.of(source, kind, participant, null, start, end, text).withAttributes(attrs);
  }

  static Coding suggested(Passage p, String code, double score) {
    return new Coding(p.source(), p.start(), p.end(), code, score, CodeScore.SUGGESTED);
  }
}
