package org.quarry.segment;

import java.util.ArrayList;
import java.util.List;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.Span;

/** Interim segmenter: blank-line separated paragraphs as narrative passages. */
public final class SourceSegmenter implements Segmenter {
  @Override
  public List<Passage> segment(Source source) {
    List<Passage> out = new ArrayList<>();
    String t = source.text();
    int i = 0;
    while (i < t.length()) {
      int end = t.indexOf("\n\n", i);
      if (end < 0) {
        end = t.length();
      }
      int s = i;
      int e = end;
      while (s < e && Character.isWhitespace(t.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(t.charAt(e - 1))) {
        e--;
      }
      if (e > s) {
        Span span = source.offsets().toOriginal(s, e);
        out.add(Passage.of(source.id(), PassageKind.NARRATIVE, null, null, span.start(), span.end(), t.substring(s, e)));
      }
      i = end + 2;
    }
    return out;
  }
}
