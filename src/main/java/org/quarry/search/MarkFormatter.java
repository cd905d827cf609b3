package org.quarry.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlights as HTML-escaped text with {@code <mark>} around matched words: the whole text
 * when it is short, otherwise the best sentences in text order joined by an ellipsis.
 */
public final class MarkFormatter extends PassageFormatter {
  /** Texts up to this many chars are shown whole. */
  static final int WHOLE_TEXT_CHARS = 800;

  /** Sentences shown from a longer text. */
  static final int BEST_SENTENCES = 3;

  private static final String ELLIPSIS = "\u2026";

  @Override
  public Object format(Passage[] passages, String content) {
    if (content.length() <= WHOLE_TEXT_CHARS) {
      return render(content, 0, content.length(), passages);
    }
    Passage[] best = passages.clone();
    Arrays.sort(
        best,
        Comparator.comparingDouble((Passage p) -> -p.getScore())
            .thenComparingInt(Passage::getStartOffset));
    best = Arrays.copyOf(best, Math.min(BEST_SENTENCES, best.length));
    Arrays.sort(best, Comparator.comparingInt(Passage::getStartOffset));
    StringBuilder sb = new StringBuilder();
    int lastEnd = 0;
    for (Passage p : best) {
      if (p.getStartOffset() > lastEnd || (sb.isEmpty() && p.getStartOffset() > 0)) {
        sb.append(sb.isEmpty() ? ELLIPSIS : " " + ELLIPSIS + " ");
      } else if (!sb.isEmpty()) {
        sb.append(' '); // adjacent sentences: the space between them was stripped
      }
      sb.append(render(content, p.getStartOffset(), p.getEndOffset(), new Passage[] {p}).strip());
      lastEnd = p.getEndOffset();
    }
    if (lastEnd < content.length()) {
      sb.append(" ").append(ELLIPSIS);
    }
    return sb.toString();
  }

  /** Escapes {@code content[from, to)} with marks around the matches of {@code passages}. */
  static String render(String content, int from, int to, Passage[] passages) {
    List<int[]> spans = new ArrayList<>();
    for (Passage p : passages) {
      for (int i = 0; i < p.getNumMatches(); i++) {
        int s = Math.max(from, p.getMatchStarts()[i]);
        int e = Math.min(to, p.getMatchEnds()[i]);
        if (s < e) {
          spans.add(new int[] {s, e});
        }
      }
    }
    spans.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> a[1]));
    StringBuilder sb = new StringBuilder();
    int pos = from;
    int i = 0;
    while (i < spans.size()) {
      int s = Math.max(pos, spans.get(i)[0]);
      int e = spans.get(i)[1];
      // lemma and exact matches of one word overlap: merge them into one mark
      while (i + 1 < spans.size() && spans.get(i + 1)[0] <= e) {
        e = Math.max(e, spans.get(++i)[1]);
      }
      i++;
      if (e <= pos) {
        continue;
      }
      escape(content, pos, s, sb);
      sb.append("<mark>");
      escape(content, s, e, sb);
      sb.append("</mark>");
      pos = e;
    }
    escape(content, pos, to, sb);
    return sb.toString();
  }

  static void escape(String s, int from, int to, StringBuilder sb) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
  }

  /** {@code s} with HTML's special characters escaped. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    escape(s, 0, s.length(), sb);
    return sb.toString();
  }
}
