package org.quarry.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * For tests: a tokenizer that annotates all of its input and gives the tokens of {@link
 * LemmaTokenStream} on that annotation, offsets corrected through any char filter, so Lucene's
 * random-data checks can drive the lemma stream as they drive any tokenizer.
 */
final class AnnotatingTokenizer extends Tokenizer {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final TextAnnotator annotator;
  private LemmaTokenStream lemmas;

  AnnotatingTokenizer(TextAnnotator annotator) {
    this.annotator = annotator;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    lemmas = null;
    StringBuilder text = new StringBuilder();
    char[] buf = new char[1024];
    for (int n = input.read(buf); n != -1; n = input.read(buf)) {
      text.append(buf, 0, n);
    }
    lemmas = new LemmaTokenStream(annotator.annotate(text.toString()), text.length());
    lemmas.reset();
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (lemmas == null) {
      throw new IllegalStateException("incrementToken() before reset()");
    }
    clearAttributes();
    if (!lemmas.incrementToken()) {
      return false;
    }
    termAtt.append(lemmas.getAttribute(CharTermAttribute.class));
    OffsetAttribute o = lemmas.getAttribute(OffsetAttribute.class);
    offsetAtt.setOffset(correctOffset(o.startOffset()), correctOffset(o.endOffset()));
    posIncAtt.setPositionIncrement(
        lemmas.getAttribute(PositionIncrementAttribute.class).getPositionIncrement());
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    if (lemmas != null) {
      lemmas.end();
      int last = correctOffset(lemmas.getAttribute(OffsetAttribute.class).endOffset());
      offsetAtt.setOffset(last, last);
    }
  }

  @Override
  public void close() throws IOException {
    super.close();
    if (lemmas != null) {
      lemmas.close();
      lemmas = null;
    }
  }
}
