package org.quarry.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quarry.analysis.LemmaAnnotation;

/**
 * The phrases of a stored annotation, as token ranges within a sentence. With part-of-speech tags:
 * noun phrases, each maximal run of content adjectives and nouns cut at its last noun, of 2 to
 * {@value #MAX_WORDS} words ({@code primary care network}, {@code new role}); a longer run is a
 * list or a table, not a phrase. Without tags (an index made with untagged lemmas, or before tags
 * were kept): each pair of adjacent content words.
 */
final class NounPhrases {
  /** Longest noun phrase, in words. */
  static final int MAX_WORDS = 4;

  private NounPhrases() {}

  /** The phrases of {@code a}, each as {@code {first token, one past the last}}, in text order. */
  static List<int[]> of(LemmaAnnotation a) {
    boolean tagged = a.hasTags();
    List<int[]> out = new ArrayList<>();
    int[] sentences = a.sentenceStarts();
    int s = 0;
    int runStart = -1;
    int lastNoun = -1;
    for (int i = 0; i < a.size(); i++) {
      if (s < sentences.length && sentences[s] == i) {
        flush(tagged, runStart, lastNoun, out);
        runStart = -1;
        lastNoun = -1;
        s++;
      }
      String tag = tagged ? a.tag(i) : null;
      boolean noun = tag != null && tag.startsWith("NN");
      boolean content = TermKeyness.isContent(a.lemma(i).toLowerCase(Locale.ROOT));
      boolean inPhrase = content && (!tagged || noun || tag.startsWith("JJ"));
      if (!inPhrase) {
        flush(tagged, runStart, lastNoun, out);
        runStart = -1;
        lastNoun = -1;
      } else if (!tagged) {
        if (runStart >= 0) {
          out.add(new int[] {i - 1, i + 1}); // every adjacent pair; the run goes on from this word
        }
        runStart = i;
      } else {
        runStart = runStart < 0 ? i : runStart;
        lastNoun = noun ? i : lastNoun;
      }
    }
    flush(tagged, runStart, lastNoun, out);
    return out;
  }

  // a tagged run's phrase: from its start to its last noun, when that is 2 to MAX_WORDS words
  private static void flush(boolean tagged, int runStart, int lastNoun, List<int[]> out) {
    int n = lastNoun - runStart + 1;
    if (tagged && lastNoun >= 0 && n >= 2 && n <= MAX_WORDS) {
      out.add(new int[] {runStart, lastNoun + 1});
    }
  }
}
