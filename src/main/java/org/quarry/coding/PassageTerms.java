package org.quarry.coding;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.quarry.analysis.LemmaAnnotation;

/**
 * The terms a learned suggester reads from a passage's stored annotation: every word's lemma (lower
 * case; a number of any shape counts as {@code <num>}, so timestamps and figures share one
 * feature), question and exclamation marks, each pair of adjacent such words in a sentence (joined
 * by {@code _}, so "not good" is a feature apart from "good"), and, where the annotation has
 * part-of-speech tags, its noun phrases ({@link NounPhrases}, joined by a space).
 */
final class PassageTerms {

  private PassageTerms() {}

  /** Term counts of {@code a}. */
  static Map<String, Integer> of(LemmaAnnotation a) {
    Map<String, Integer> counts = new HashMap<>();
    int[] sentences = a.sentenceStarts();
    int s = 0;
    String previous = null;
    for (int i = 0; i < a.size(); i++) {
      if (s < sentences.length && sentences[s] == i) {
        previous = null;
        s++;
      }
      String term = term(a.lemma(i).toLowerCase(Locale.ROOT));
      if (term != null) {
        counts.merge(term, 1, Integer::sum);
        if (previous != null) {
          counts.merge(previous + "_" + term, 1, Integer::sum);
        }
      }
      previous = term;
    }
    if (a.hasTags()) {
      // without tags NounPhrases gives adjacent pairs, which the word pairs above already are
      for (int[] r : NounPhrases.of(a)) {
        StringBuilder phrase = new StringBuilder();
        for (int i = r[0]; i < r[1]; i++) {
          phrase.append(i > r[0] ? " " : "").append(a.lemma(i).toLowerCase(Locale.ROOT));
        }
        counts.merge(phrase.toString(), 1, Integer::sum);
      }
    }
    return counts;
  }

  // the feature of one token, or null for punctuation that says nothing
  private static String term(String lemma) {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < lemma.length(); i++) {
      char ch = lemma.charAt(i);
      letter |= Character.isLetter(ch);
      digit |= Character.isDigit(ch);
    }
    if (letter) {
      return lemma;
    }
    if (digit) {
      return "<num>";
    }
    return lemma.equals("?") || lemma.equals("!") ? lemma : null;
  }
}
