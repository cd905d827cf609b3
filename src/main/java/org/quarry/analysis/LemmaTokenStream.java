package org.quarry.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The {@code text_lemma} tokens of a stored {@link LemmaAnnotation}: the tagged lemma at each word
 * position, and the untagged lemma stacked on the same position where it differs. Offsets are the
 * words' offsets, so highlights of lemma matches land on the written words.
 */
public final class LemmaTokenStream extends TokenStream {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final LemmaAnnotation annotation;
  private int token;
  private boolean stackedPending;
  private int lastEnd;

  /** Tokens of {@code annotation}. */
  public LemmaTokenStream(LemmaAnnotation annotation) {
    this.annotation = annotation;
  }

  @Override
  public boolean incrementToken() {
    clearAttributes();
    if (stackedPending) {
      stackedPending = false;
      int i = token - 1;
      termAtt.append(annotation.untagged(i));
      offsetAtt.setOffset(annotation.start(i), annotation.end(i));
      posIncAtt.setPositionIncrement(0);
      return true;
    }
    if (token >= annotation.size()) {
      return false;
    }
    int i = token++;
    termAtt.append(annotation.lemma(i));
    offsetAtt.setOffset(annotation.start(i), annotation.end(i));
    posIncAtt.setPositionIncrement(1);
    lastEnd = annotation.end(i);
    stackedPending = annotation.untagged(i) != null;
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    offsetAtt.setOffset(lastEnd, lastEnd);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    token = 0;
    stackedPending = false;
    lastEnd = 0;
  }
}
