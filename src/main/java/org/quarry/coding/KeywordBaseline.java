package org.quarry.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quarry.model.Code;

/**
 * The plain keyword baseline of an evaluation: a code is suggested for a passage when any of its
 * lexicon terms occurs literally in the passage text (case-insensitive, whole words; a phrase's
 * words separated by any white space; {@code *} any letters). No lemmas, no glossary, no ranking:
 * its "top" code is the one with most literal hits, ties in codebook order.
 */
public final class KeywordBaseline {
  private final List<Code> codes;
  private final List<Pattern> patterns = new ArrayList<>();

  /** The baseline of these codes (in codebook order). */
  public KeywordBaseline(List<Code> codes) {
    this.codes = List.copyOf(codes);
    for (Code c : codes) {
      List<String> alts = new ArrayList<>();
      for (String t : c.terms()) {
        alts.add(literal(t));
      }
      patterns.add(
          alts.isEmpty()
              ? null
              : Pattern.compile(
                  "(?<![\\p{L}\\p{N}])(?:" + String.join("|", alts) + ")(?![\\p{L}\\p{N}])",
                  Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
  }

  /** Literal hits of each code's terms in {@code text}, in codebook order. */
  public int[] hits(String text) {
    int[] h = new int[codes.size()];
    for (int i = 0; i < h.length; i++) {
      if (patterns.get(i) != null) {
        Matcher m = patterns.get(i).matcher(text);
        while (m.find()) {
          h[i]++;
        }
      }
    }
    return h;
  }

  private static String literal(String term) {
    String t = term.strip();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1).strip();
    }
    StringBuilder sb = new StringBuilder();
    String[] words = t.split("\\s+");
    for (int w = 0; w < words.length; w++) {
      if (w > 0) {
        sb.append("\\s+");
      }
      StringBuilder lit = new StringBuilder();
      for (char ch : words[w].toCharArray()) {
        if (ch == '*' || ch == '?') {
          if (lit.length() > 0) {
            sb.append(Pattern.quote(lit.toString()));
            lit.setLength(0);
          }
          sb.append(ch == '*' ? "[\\p{L}\\p{N}]*" : "[\\p{L}\\p{N}]");
        } else {
          lit.append(ch);
        }
      }
      if (lit.length() > 0) {
        sb.append(Pattern.quote(lit.toString()));
      }
    }
    return sb.toString();
  }
}
