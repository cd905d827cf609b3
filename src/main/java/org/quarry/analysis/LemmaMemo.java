package org.quarry.analysis;

import edu.stanford.nlp.process.Morphology;
import java.util.HashMap;
import java.util.Map;

/**
 * One thread's lemmas found so far. Words repeat (a few hundred make up half of any text), and
 * CoreNLP's morphology lexer was a sixth of indexing's CPU time, run twice per token (the tagged
 * and the untagged lemma); a lemma depends only on the word and its tag, so each is found once. The
 * memo forgets everything when full, which bounds its memory on text with millions of distinct
 * tokens. Not thread-safe: one per thread, as {@link Morphology} itself.
 */
final class LemmaMemo {
  // distinct words and word-tag pairs kept, each map; a few megabytes at most
  static final int MAX_ENTRIES = 1 << 16;

  private final Morphology morphology = new Morphology();
  private final Map<String, String> untagged = new HashMap<>();
  private final Map<String, String> tagged = new HashMap<>();

  /** {@link Lemmas#untagged} of {@code word}. */
  String untagged(String word) {
    String lemma = untagged.get(word);
    if (lemma == null) {
      lemma = Lemmas.untagged(morphology, word);
      keep(untagged, word, lemma);
    }
    return lemma;
  }

  /** {@link Lemmas#tagged} of {@code word} with Penn Treebank tag {@code tag}. */
  String tagged(String word, String tag) {
    // a token never holds NUL, so the key names one word-tag pair
    String key = word + '\0' + tag;
    String lemma = tagged.get(key);
    if (lemma == null) {
      lemma = Lemmas.tagged(morphology, word, tag);
      keep(tagged, key, lemma);
    }
    return lemma;
  }

  private static void keep(Map<String, String> memo, String key, String lemma) {
    if (memo.size() >= MAX_ENTRIES) {
      memo.clear();
    }
    memo.put(key, lemma);
  }
}
