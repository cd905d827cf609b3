package org.quarry.ingest;

import java.text.Normalizer;
import org.quarry.model.OffsetMap;

/**
 * Normalises text as read (decoded) into the text Quarry segments: Unicode NFC, one line-end
 * convention, and the repairs PDF-extracted text needs (line-end hyphenation, spurious spaces after
 * hyphens, hard-wrapped lines joined into paragraphs), keeping a map back to the text as read.
 *
 * <p>Inline HTML tags that Markdown and plain-text renderings keep ({@code <sup>12</sup>}, {@code
 * <em>}) are removed ({@link InlineTags}), and so is a typesetter's mark that PDF extraction puts
 * into the text ({@code XSL • FO RenderX}), and a running header glued to the paragraphs at page
 * breaks ({@link PageFurniture}). Latin ligatures ({@code ﬁ}) become their letters everywhere. The
 * other PDF repairs apply only to text that {@link LineJoiner} finds hard-wrapped, so web text,
 * Markdown and transcripts keep their line structure: after normalisation one line is one
 * paragraph, heading, list item, table row or speaker turn.
 *
 * <p>Offsets: every char of the normalised text maps to the code point offset in the raw text of
 * the char it comes from; a char that replaces others (the space joining two lines, an LF for a CR)
 * maps to the first char it replaces; removed chars (a line-end hyphen, a CR before LF, a soft
 * hyphen) have no entry.
 */
public final class TextNormalizer {
  private static final char SOFT_HYPHEN = '\u00AD';
  private static final String[] LIGATURES = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};

  private TextNormalizer() {}

  /**
   * A normalised text and the map from its chars to code point offsets in the text as read.
   *
   * @param text the normalised text
   * @param offsets char index in {@code text} to code point offset in the raw text
   */
  public record Normalized(String text, OffsetMap offsets) {}

  /** Normalises {@code raw} (the decoded file, without a byte-order mark). */
  public static Normalized normalize(String raw) {
    MappedText t = MappedText.of(raw);
    t = nfc(t);
    t = lineEnds(t);
    t = InlineTags.strip(t);
    t = ligatures(t);
    t = PageFurniture.stripTypesetterMarks(t);
    t = LineJoiner.repair(t);
    // on paragraphs, not wrapped lines: a wrapped line is a fragment that may repeat as a quote
    // does
    t = PageFurniture.stripRunningHeaders(t);
    return new Normalized(t.text(), t.offsetMap());
  }

  /**
   * NFC, composed piece by piece: a piece is a code point and the combining marks after it, so
   * every composed char maps to the start of the piece it was composed from.
   */
  private static MappedText nfc(MappedText t) {
    String s = t.text();
    if (Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
      return t;
    }
    MappedText.Builder out = t.builder();
    int i = 0;
    while (i < s.length()) {
      int j = i + Character.charCount(s.codePointAt(i));
      while (j < s.length() && continuesPiece(s.codePointAt(j))) {
        j += Character.charCount(s.codePointAt(j));
      }
      String piece = s.substring(i, j);
      String composed = Normalizer.normalize(piece, Normalizer.Form.NFC);
      if (composed.equals(piece)) {
        out.copy(t, i, j);
      } else {
        for (int k = 0; k < composed.length(); k++) {
          out.add(composed.charAt(k), t.origin(i));
        }
      }
      i = j;
    }
    return out.build();
  }

  private static boolean continuesPiece(int cp) {
    int type = Character.getType(cp);
    // Hangul medial vowels and final consonants compose with the syllable before them
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || (cp >= 0x1160 && cp <= 0x11FF);
  }

  /**
   * Latin typographic ligatures (U+FB00–U+FB06) as their letters: PDF text keeps them ({@code
   * signiﬁcant}) and NFC leaves them, so a search for {@code significant} would miss it. Every
   * letter of an expansion maps to the ligature.
   */
  private static MappedText ligatures(MappedText t) {
    String s = t.text();
    if (s.chars().noneMatch(c -> c >= 0xFB00 && c <= 0xFB06)) {
      return t;
    }
    MappedText.Builder out = t.builder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String letters = c >= 0xFB00 && c <= 0xFB06 ? LIGATURES[c - 0xFB00] : null;
      if (letters == null) {
        out.add(c, t.origin(i));
      } else {
        for (int k = 0; k < letters.length(); k++) {
          out.add(letters.charAt(k), t.origin(i));
        }
      }
    }
    return out.build();
  }

  /** CRLF and CR to LF; soft hyphens dropped except at a line end, where the joiner needs them. */
  private static MappedText lineEnds(MappedText t) {
    String s = t.text();
    if (s.indexOf('\r') < 0 && s.indexOf(SOFT_HYPHEN) < 0) {
      return t;
    }
    MappedText.Builder out = t.builder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          continue;
        }
        out.add('\n', t.origin(i));
      } else if (c == SOFT_HYPHEN) {
        int j = i + 1;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
          j++;
        }
        if (j < s.length() && (s.charAt(j) == '\n' || s.charAt(j) == '\r')) {
          out.add(c, t.origin(i));
        }
      } else {
        out.add(c, t.origin(i));
      }
    }
    return out.build();
  }
}
