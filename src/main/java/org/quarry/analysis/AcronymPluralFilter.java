package org.quarry.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Folds the plural of an acronym onto the acronym: {@code ICSs} becomes {@code ICS}, {@code PCNs}
 * becomes {@code PCN}. A token is folded when it is two or more upper-case letters followed by one
 * lower-case {@code s}; offsets are kept, so a highlight still covers the whole written word.
 *
 * <p>Must run before lower-casing, which would hide the acronym. Keyword tokens are left alone.
 */
public final class AcronymPluralFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

  /** Folds acronym plurals of {@code input}. */
  public AcronymPluralFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keywordAtt.isKeyword() && isAcronymPlural(termAtt)) {
      termAtt.setLength(termAtt.length() - 1);
    }
    return true;
  }

  /** True for two or more upper-case letters followed by one lower-case {@code s}. */
  static boolean isAcronymPlural(CharSequence term) {
    int len = term.length();
    return len >= 3 && term.charAt(len - 1) == 's' && isAcronym(term.subSequence(0, len - 1));
  }

  /** True for two or more letters, all upper case: such words are not lemmatised. */
  static boolean isAcronym(CharSequence term) {
    if (term.length() < 2) {
      return false;
    }
    for (int i = 0; i < term.length(); i++) {
      if (!Character.isUpperCase(term.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
