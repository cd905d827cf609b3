package org.quarry.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quarry.analysis.LemmaAnnotation;

/**
 * The terms a learned suggester reads from a passage's stored annotation: every word's lemma
 * (lower case; a number of any shape counts as {@code <num>}, so timestamps and figures share one
 * feature), question and exclamation marks, each pair of adjacent such words in a sentence (joined
 * by {@code _}, so "not good" is a feature apart from "good"), and the noun phrases of the part-of-speech tags (as
 * {@link TermKeyness} finds them: runs of adjectives and nouns ending in a noun, 2 to 4 content
 * words, joined by a space).
 */
final class PassageTerms {
  private static final int MAX_PHRASE = 4;

  private PassageTerms() {}

  /** Term counts of {@code a}. */
  static Map<String, Integer> of(LemmaAnnotation a) {
    Map<String, Integer> counts = new HashMap<>();
    List<String> run = new ArrayList<>();
    int lastNoun = -1;
    int[] sentences = a.sentenceStarts();
    int s = 0;
    String previous = null;
    for (int i = 0; i < a.size(); i++) {
      if (s < sentences.length && sentences[s] == i) {
        phrase(run, lastNoun, counts);
        run.clear();
        lastNoun = -1;
        previous = null;
        s++;
      }
      String lemma = a.lemma(i).toLowerCase(Locale.ROOT);
      String term = term(lemma);
      if (term != null) {
        counts.merge(term, 1, Integer::sum);
        if (previous != null) {
          counts.merge(previous + "_" + term, 1, Integer::sum);
        }
      }
      previous = term;
      String tag = a.hasTags() ? a.tag(i) : null;
      boolean noun = tag != null && tag.startsWith("NN");
      boolean inPhrase = tag != null && TermKeyness.isContent(lemma) && (noun || tag.startsWith("JJ"));
      if (!inPhrase) {
        phrase(run, lastNoun, counts);
        run.clear();
        lastNoun = -1;
        continue;
      }
      run.add(lemma);
      if (noun) {
        lastNoun = run.size() - 1;
      }
    }
    phrase(run, lastNoun, counts);
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

  private static void phrase(List<String> run, int lastNoun, Map<String, Integer> counts) {
    int n = lastNoun + 1;
    if (n >= 2 && n <= MAX_PHRASE) {
      counts.merge(String.join(" ", run.subList(0, n)), 1, Integer::sum);
    }
  }
}
