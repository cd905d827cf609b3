package org.quarry.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;
import org.quarry.analysis.LemmaAnnotation;

/**
 * The stored form of a passage's {@link LemmaAnnotation}, written against the passage text it was
 * made of, which the document stores anyway: a token is its gap from the previous token and its
 * length, its tag as an index into a fixed list of Penn Treebank tags (or, for another tag, the
 * passage's own list), and its lemmas as an edit of the lower-cased word ({@code patients} → cut 1:
 * {@code patient}; most lemmas are the word itself and take no bytes). About four bytes a token
 * where {@link LemmaAnnotation#encode()}'s text takes about fifteen; it means the same annotation
 * ({@code lemma-v2}).
 *
 * <p>Layout, in Lucene's variable-length ints: a version byte; the token count; the sentence count
 * and each sentence's first token as a gap; 0 for an untagged annotation, else 1 + the number of
 * tags outside the fixed list, and those tags; then per token the gap from the previous token's end
 * (zig-zag, tokens may overlap), the length, {@code tag * 4 + untagged * 2 + edited}, then for an
 * edited lemma and a present untagged lemma each a cut and a suffix.
 */
final class StoredAnnotation {
  private static final byte VERSION = 1;

  /**
   * The Penn Treebank tags CoreNLP's English tagger gives, roughly commonest first so that most
   * tokens' flags fit one byte. Part of the stored form: append, never reorder. A tag not listed is
   * written in the passage's own table, numbered after these.
   */
  private static final List<String> KNOWN_TAGS =
      List.of(
          "NN", "IN", "DT", "JJ", "PRP", "NNS", ".", ",", "RB", "VB", "VBD", "VBZ", "VBP", "CC",
          "TO", "VBG", "VBN", "NNP", "MD", "PRP$", "CD", "WDT", "WRB", "WP", "RP", "EX", "JJR",
          "JJS", "RBR", "RBS", ":", "``", "''", "-LRB-", "-RRB-", "POS", "UH", "PDT", "NNPS", "FW",
          "SYM", "LS", "WP$", "#", "$", "HYPH", "NFP", "ADD", "AFX", "GW", "XX");

  private static final Map<String, Integer> KNOWN_TAG_INDEX = indexOf(KNOWN_TAGS);

  private StoredAnnotation() {}

  private static Map<String, Integer> indexOf(List<String> tags) {
    Map<String, Integer> index = new HashMap<>();
    for (String t : tags) {
      index.put(t, index.size());
    }
    return Map.copyOf(index);
  }

  /** The stored form of {@code a}, an annotation of {@code text}. */
  static BytesRef encode(LemmaAnnotation a, String text) {
    ByteWriter data = new ByteWriter();
    data.writeByte(VERSION);
    int n = a.size();
    data.writeVInt(n);
    int[] sentences = a.sentenceStarts();
    data.writeVInt(sentences.length);
    int previous = 0;
    for (int s : sentences) {
      data.writeVInt(s - previous);
      previous = s;
    }
    // 0: untagged; else 1 + the number of tags outside KNOWN_TAGS, then those tags
    List<String> others = otherTags(a);
    data.writeVInt(a.hasTags() ? 1 + others.size() : 0);
    for (String t : others) {
      data.writeString(t);
    }
    int previousEnd = 0;
    for (int i = 0; i < n; i++) {
      int start = a.start(i);
      int end = a.end(i);
      data.writeZInt(start - previousEnd);
      data.writeVInt(end - start);
      previousEnd = end;
      String word = lowered(text, start, end);
      String lemma = a.lemma(i);
      String untagged = a.untagged(i);
      boolean edited = !lemma.equals(word);
      int tag = a.hasTags() ? tagIndex(a.tag(i), others) : 0;
      data.writeVInt(tag * 4 + (untagged != null ? 2 : 0) + (edited ? 1 : 0));
      if (edited) {
        writeEdit(data, word, lemma);
      }
      if (untagged != null) {
        writeEdit(data, word, untagged);
      }
    }
    return data.toBytesRef();
  }

  /**
   * The annotation stored as {@code bytes} for {@code text}.
   *
   * @throws IllegalArgumentException when the bytes are not a stored annotation
   */
  static LemmaAnnotation decode(BytesRef bytes, String text) {
    ByteArrayDataInput data = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    try {
      byte version = data.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "stored lemma annotation has version "
                + version
                + ", expected "
                + VERSION
                + "; re-index with --reindex");
      }
      int n = data.readVInt();
      int[] sentences = new int[data.readVInt()];
      int previous = 0;
      for (int s = 0; s < sentences.length; s++) {
        previous += data.readVInt();
        sentences[s] = previous;
      }
      int tagged = data.readVInt();
      String[] tagTable = new String[tagged == 0 ? 0 : KNOWN_TAGS.size() + tagged - 1];
      for (int t = 0; t < tagTable.length; t++) {
        tagTable[t] = t < KNOWN_TAGS.size() ? KNOWN_TAGS.get(t) : data.readString();
      }
      int[] starts = new int[n];
      int[] ends = new int[n];
      String[] lemmas = new String[n];
      String[] untagged = new String[n];
      String[] tags = tagTable.length == 0 ? null : new String[n];
      int previousEnd = 0;
      for (int i = 0; i < n; i++) {
        starts[i] = previousEnd + data.readZInt();
        ends[i] = starts[i] + data.readVInt();
        previousEnd = ends[i];
        int flags = data.readVInt();
        String word = lowered(text, starts[i], ends[i]);
        lemmas[i] = (flags & 1) != 0 ? readEdit(data, word) : word;
        untagged[i] = (flags & 2) != 0 ? readEdit(data, word) : null;
        if (tags != null) {
          tags[i] = tagTable[flags >>> 2];
        }
      }
      if (!data.eof()) {
        throw new IllegalArgumentException("stored lemma annotation has bytes after its tokens");
      }
      return new LemmaAnnotation(starts, ends, lemmas, untagged, tags, sentences);
    } catch (java.io.IOException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("stored lemma annotation is cut short or corrupt", e);
    }
  }

  // the word a token covers, lower-cased as lemmas are; empty where the offsets leave the text, so
  // that the lemma is then written whole
  private static String lowered(String text, int start, int end) {
    if (start < 0 || end < start || end > text.length()) {
      return "";
    }
    return text.substring(start, end).toLowerCase(Locale.ROOT);
  }

  // `to` as `from` cut back to their common prefix, then a suffix
  private static void writeEdit(ByteWriter data, String from, String to) {
    int common = 0;
    int max = Math.min(from.length(), to.length());
    while (common < max && from.charAt(common) == to.charAt(common)) {
      common++;
    }
    // never split a surrogate pair: the suffix is written as UTF-8
    if (common > 0 && Character.isHighSurrogate(to.charAt(common - 1))) {
      common--;
    }
    data.writeVInt(from.length() - common);
    data.writeString(to.substring(common));
  }

  private static String readEdit(ByteArrayDataInput data, String from) throws java.io.IOException {
    int cut = data.readVInt();
    if (cut > from.length()) {
      throw new IllegalArgumentException("stored lemma edit cuts " + cut + " of '" + from + "'");
    }
    return from.substring(0, from.length() - cut) + data.readString();
  }

  private static int tagIndex(String tag, List<String> others) {
    Integer known = KNOWN_TAG_INDEX.get(tag);
    return known != null ? known : KNOWN_TAGS.size() + others.indexOf(tag);
  }

  // the tags of `a` that KNOWN_TAGS lacks, in order of first use
  private static List<String> otherTags(LemmaAnnotation a) {
    if (!a.hasTags()) {
      return List.of();
    }
    java.util.Set<String> others = new java.util.LinkedHashSet<>();
    for (int i = 0; i < a.size(); i++) {
      if (!KNOWN_TAG_INDEX.containsKey(a.tag(i))) {
        others.add(a.tag(i));
      }
    }
    return new ArrayList<>(others);
  }
}
