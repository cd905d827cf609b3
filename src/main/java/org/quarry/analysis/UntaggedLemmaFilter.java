package org.quarry.analysis;

import edu.stanford.nlp.process.Morphology;
import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Replaces each word by its untagged CoreNLP lemma ({@code voices} to {@code voice}), lower case.
 * This is the query-time lemma path: CoreNLP's {@link Morphology} is a finite-state lexer, so it
 * loads no model. The index holds this form next to the tagged lemma at every position, so a query
 * lemma always has something to meet.
 */
public final class UntaggedLemmaFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
  // Morphology is not thread safe; a filter instance lives in one thread's analyzer components
  private final Morphology morphology = new Morphology();

  /** Lemmatises the words of {@code input}. */
  public UntaggedLemmaFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keywordAtt.isKeyword()) {
      String lemma = Lemmas.untagged(morphology, termAtt.toString());
      termAtt.setEmpty().append(lemma);
    }
    return true;
  }
}
