package org.quarry.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The {@code text_lemma} tokens of a stored {@link LemmaAnnotation}: the tagged lemma at each word
 * position, and the untagged lemma stacked on the same position where it differs. Offsets are the
 * words' offsets, so highlights of lemma matches land on the written words; the final offset
 * ({@link #end()}) is the length of the annotated text, as a tokenizer of that text would give.
 */
public final class LemmaTokenStream extends TokenStream {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final LemmaAnnotation annotation;
  private final int finalOffset;
  private int token;
  private boolean stackedPending;

  /**
   * Tokens of {@code annotation} of a text {@code textLength} chars long.
   *
   * @throws IllegalArgumentException when a token ends after {@code textLength}
   */
  public LemmaTokenStream(LemmaAnnotation annotation, int textLength) {
    int lastEnd = annotation.size() == 0 ? 0 : annotation.end(annotation.size() - 1);
    if (textLength < lastEnd) {
      throw new IllegalArgumentException(
          "text length " + textLength + " is before the end of the last token, " + lastEnd);
    }
    this.annotation = annotation;
    this.finalOffset = textLength;
  }

  /**
   * Tokens of {@code annotation} when the length of its text is not at hand: the final offset is
   * the end of the last token.
   */
  public LemmaTokenStream(LemmaAnnotation annotation) {
    this(annotation, annotation.size() == 0 ? 0 : annotation.end(annotation.size() - 1));
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
    stackedPending = annotation.untagged(i) != null;
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    offsetAtt.setOffset(finalOffset, finalOffset);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    token = 0;
    stackedPending = false;
  }
}
