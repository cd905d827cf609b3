package org.quarry.analysis;

import edu.stanford.nlp.process.Morphology;
import java.util.Locale;

/**
 * The two lemma forms Quarry indexes, computed the same way at index and query time so that they
 * meet: the tagged lemma (CoreNLP's, from the part-of-speech tag) and the untagged lemma, which
 * needs no model and is all a query can have.
 *
 * <p>Acronyms and tokens with digits are only lower-cased: CoreNLP's untagged morphology would turn
 * {@code ICS} into {@code ic}.
 */
final class Lemmas {
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s");

  private Lemmas() {}

  /** True when the word is kept as written (lower-cased): an acronym, or a code with digits. */
  static boolean keepAsWritten(String word) {
    if (AcronymPluralFilter.isAcronym(word)) {
      return true;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The lemma of {@code word} given its Penn Treebank tag, lower case. */
  static String tagged(Morphology morphology, String word, String tag) {
    if (keepAsWritten(word)) {
      return lower(word);
    }
    return clean(morphology.lemma(word, tag, true), word);
  }

  /** The lemma of {@code word} without a tag (no model needed), lower case. */
  static String untagged(Morphology morphology, String word) {
    String lower = lower(word);
    if (keepAsWritten(word)) {
      return lower;
    }
    return clean(morphology.stem(lower), word);
  }

  static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }

  // the morphology lexer can return an empty string or text with spaces for odd input; the
  // annotation format needs one non-blank word per token
  private static String clean(String lemma, String word) {
    if (lemma == null || lemma.isBlank()) {
      return lower(word);
    }
    String lower = lower(lemma);
    for (int i = 0; i < lower.length(); i++) {
      if (Character.isWhitespace(lower.charAt(i))) {
        return WHITESPACE.matcher(lower).replaceAll("_");
      }
    }
    return lower;
  }
}
