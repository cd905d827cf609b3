package org.quarry.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CoreNLP's reading of one passage, kept small enough to store in the index: the words with their
 * char offsets into the passage text, the tagged lemma of each, the untagged lemma where it
 * differs, the part-of-speech tag of each (when the passage was tagged), and where sentences start.
 * The {@code text_lemma} field is rebuilt from this without running CoreNLP again, and lexicon help
 * finds noun phrases from the tags.
 *
 * <p>{@link #encode()} writes one line per sentence, tokens separated by a space, each token as
 * {@code start TAB end TAB tag TAB lemma [TAB untagged]} ({@code -} for no tag); words and tags
 * never contain white space. The first version ({@code lemma-v1}, of indexes made before tags were
 * kept) had no tag field and is still read, without tags.
 */
public final class LemmaAnnotation {
  private static final String VERSION = "lemma-v2";
  private static final String VERSION_1 = "lemma-v1";
  private static final String NO_TAG = "-";

  private final int[] starts;
  private final int[] ends;
  private final String[] lemmas;
  private final String[] untagged;
  private final String[] tags;
  private final int[] sentenceStarts;

  /**
   * An annotation from parallel arrays.
   *
   * @param starts first char of each token in the passage text
   * @param ends one past the last char of each token
   * @param lemmas tagged lemma of each token, lower case
   * @param untagged untagged lemma of each token, or null where it equals the tagged one
   * @param sentenceStarts index of the first token of each sentence, increasing, from 0
   */
  public LemmaAnnotation(
      int[] starts, int[] ends, String[] lemmas, String[] untagged, int[] sentenceStarts) {
    this(starts, ends, lemmas, untagged, null, sentenceStarts);
  }

  /**
   * An annotation with part-of-speech tags.
   *
   * @param tags Penn Treebank tag of each token ({@code NN}, {@code JJ}, …), or null for an
   *     untagged annotation
   */
  public LemmaAnnotation(
      int[] starts,
      int[] ends,
      String[] lemmas,
      String[] untagged,
      String[] tags,
      int[] sentenceStarts) {
    if (starts.length != ends.length
        || starts.length != lemmas.length
        || starts.length != untagged.length
        || (tags != null && tags.length != starts.length)) {
      throw new IllegalArgumentException("token arrays differ in length");
    }
    for (int i = 0; i < sentenceStarts.length; i++) {
      if (sentenceStarts[i] < 0
          || sentenceStarts[i] > starts.length
          || (i > 0 && sentenceStarts[i] <= sentenceStarts[i - 1])) {
        throw new IllegalArgumentException("bad sentence start " + sentenceStarts[i] + " at " + i);
      }
    }
    this.starts = starts.clone();
    this.ends = ends.clone();
    this.lemmas = lemmas.clone();
    this.untagged = untagged.clone();
    this.tags = tags == null || tags.length == 0 ? null : tags.clone();
    this.sentenceStarts = sentenceStarts.clone();
  }

  /** Number of tokens. */
  public int size() {
    return starts.length;
  }

  /** First char of token {@code i}. */
  public int start(int i) {
    return starts[i];
  }

  /** One past the last char of token {@code i}. */
  public int end(int i) {
    return ends[i];
  }

  /** Tagged lemma of token {@code i}, lower case. */
  public String lemma(int i) {
    return lemmas[i];
  }

  /** Untagged lemma of token {@code i}, lower case, or null when it equals {@link #lemma}. */
  public String untagged(int i) {
    return untagged[i];
  }

  /** Whether the tokens carry part-of-speech tags. */
  public boolean hasTags() {
    return tags != null;
  }

  /**
   * Part-of-speech tag of token {@code i} (Penn Treebank), or null when {@link #hasTags()} is
   * false.
   */
  public String tag(int i) {
    return tags == null ? null : tags[i];
  }

  /** Index of the first token of each sentence. */
  public int[] sentenceStarts() {
    return sentenceStarts.clone();
  }

  /** The compact stored form; {@link #decode} reads it back. */
  public String encode() {
    StringBuilder sb = new StringBuilder(VERSION);
    int sentence = 0;
    for (int i = 0; i < starts.length; i++) {
      boolean newSentence = sentence < sentenceStarts.length && sentenceStarts[sentence] == i;
      if (newSentence) {
        sentence++;
      }
      sb.append(newSentence || i == 0 ? '\n' : ' ');
      sb.append(starts[i])
          .append('\t')
          .append(ends[i])
          .append('\t')
          .append(tags == null ? NO_TAG : tags[i])
          .append('\t')
          .append(lemmas[i]);
      if (untagged[i] != null) {
        sb.append('\t').append(untagged[i]);
      }
    }
    return sb.toString();
  }

  /** The format version of an encoded annotation: its first line ({@code lemma-v2}, …). */
  public static String versionOf(String encoded) {
    int nl = encoded.indexOf('\n');
    return nl < 0 ? encoded : encoded.substring(0, nl);
  }

  /**
   * Reads {@link #encode()}'s form.
   *
   * @throws IllegalArgumentException when the text is not an encoded annotation
   */
  public static LemmaAnnotation decode(String encoded) {
    String[] lines = encoded.split("\n", -1);
    boolean v1 = lines[0].equals(VERSION_1);
    if (!v1 && !lines[0].equals(VERSION)) {
      throw new IllegalArgumentException(
          "stored lemma annotation has version '"
              + lines[0]
              + "', expected "
              + VERSION
              + "; re-index: delete the index folder and run quarry index again");
    }
    List<int[]> offsets = new ArrayList<>();
    List<String> lemmaList = new ArrayList<>();
    List<String> untaggedList = new ArrayList<>();
    List<String> tagList = new ArrayList<>();
    int[] sentences = new int[lines.length - 1];
    for (int l = 1; l < lines.length; l++) {
      sentences[l - 1] = offsets.size();
      for (String token : lines[l].split(" ")) {
        String[] f = token.split("\t");
        int lemma = v1 ? 2 : 3; // v1 has no tag field
        if (f.length < lemma + 1) {
          throw new IllegalArgumentException("bad token '" + token + "' in stored annotation");
        }
        offsets.add(new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])});
        tagList.add(v1 || f[2].equals(NO_TAG) ? null : f[2]);
        lemmaList.add(f[lemma]);
        untaggedList.add(f.length > lemma + 1 ? f[lemma + 1] : null);
      }
    }
    int n = offsets.size();
    int[] s = new int[n];
    int[] e = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = offsets.get(i)[0];
      e[i] = offsets.get(i)[1];
    }
    // tags are all there or not at all: an untagged annotation has none
    boolean tagged = n > 0 && tagList.stream().allMatch(java.util.Objects::nonNull);
    return new LemmaAnnotation(
        s,
        e,
        lemmaList.toArray(String[]::new),
        untaggedList.toArray(String[]::new),
        tagged ? tagList.toArray(String[]::new) : null,
        sentences);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LemmaAnnotation a
        && Arrays.equals(starts, a.starts)
        && Arrays.equals(ends, a.ends)
        && Arrays.equals(lemmas, a.lemmas)
        && Arrays.equals(untagged, a.untagged)
        && Arrays.equals(tags, a.tags)
        && Arrays.equals(sentenceStarts, a.sentenceStarts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(starts) * 31 + Arrays.hashCode(lemmas);
  }

  @Override
  public String toString() {
    return encode();
  }
}
