package org.quarry.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;

/**
 * Where each passage of a source sits in the normalised text Quarry keeps for it, and which spans
 * of that text the source record leaves out because a passage document stores the same chars.
 *
 * <p>Every passage stores its own text for search pages and suggestion scans; keeping the source's
 * whole text as well stored most of a study's words twice (at a million passages, 40 of the index's
 * 377 MB). The record keeps only the text between the passages ({@link #gaps}), and an export puts
 * the passages' texts back ({@link #rebuild}). A passage is left out only where its text is exactly
 * the source's chars at its place and it overlaps no other left-out passage, so what is put back is
 * always the text that was read.
 *
 * <p>Stored form, in Lucene's variable-length ints: a version byte, the text's length, the number
 * of passages, then per passage in {@link #PASSAGE_ORDER} its char index as a zig-zag gap from the
 * previous one (-1 when the passage is not in the text), its start as a zig-zag gap from the
 * previous start, and its text's length times 2, plus 1 when the record leaves it out.
 */
final class SourceLayout {
  private static final byte VERSION = 1;

  /** The order of a source's passages in the layout: by start, end and id, as reading them. */
  static final Comparator<Passage> PASSAGE_ORDER =
      Comparator.comparingInt(Passage::start)
          .thenComparingInt(Passage::end)
          .thenComparing(Passage::id);

  private final int textLength;
  private final int[] charIndex;
  private final int[] start;
  private final int[] length;
  private final boolean[] leftOut;

  private SourceLayout(
      int textLength, int[] charIndex, int[] start, int[] length, boolean[] leftOut) {
    this.textLength = textLength;
    this.charIndex = charIndex;
    this.start = start;
    this.length = length;
    this.leftOut = leftOut;
  }

  /** The layout of {@code passages} (in any order) in the normalised text and offsets given. */
  static SourceLayout of(String text, OffsetMap offsets, List<Passage> passages) {
    List<Passage> ordered = new ArrayList<>(passages);
    ordered.sort(PASSAGE_ORDER);
    int n = ordered.size();
    int[] at = new int[n];
    int[] starts = new int[n];
    int[] lengths = new int[n];
    Integer[] byPlace = new Integer[n];
    for (int i = 0; i < n; i++) {
      Passage p = ordered.get(i);
      at[i] = charIndex(text, offsets, p);
      starts[i] = p.start();
      lengths[i] = p.text().length();
      byPlace[i] = i;
    }
    // left out in text order, the longer of two at one place first, none overlapping another;
    // charIndex gives only places where the passage's text is found
    Arrays.sort(
        byPlace, Comparator.<Integer>comparingInt(i -> at[i]).thenComparingInt(i -> -lengths[i]));
    boolean[] out = new boolean[n];
    int covered = 0;
    for (int i : byPlace) {
      if (at[i] >= covered && lengths[i] > 0) {
        out[i] = true;
        covered = at[i] + lengths[i];
      }
    }
    return new SourceLayout(text.length(), at, starts, lengths, out);
  }

  /**
   * The char index of {@code p}'s text in the source's normalised {@code text}, which {@code
   * offsets} maps to the file: the first char at {@link Passage#start()} where the text is found,
   * else its first occurrence anywhere, else -1.
   */
  static int charIndex(String text, OffsetMap offsets, Passage p) {
    int lo = 0;
    int hi = offsets.length();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (offsets.toOriginal(mid) < p.start()) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo; i < text.length() && offsets.toOriginal(i) == p.start(); i++) {
      if (text.startsWith(p.text(), i)) {
        return i;
      }
    }
    return text.indexOf(p.text());
  }

  /** How many passages the layout places: every passage written with the source. */
  int passages() {
    return start.length;
  }

  /** The text less the spans left out: what the source record stores. */
  String gaps(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    int from = 0;
    for (int i : leftOutInTextOrder()) {
      kept.append(text, from, charIndex[i]);
      from = charIndex[i] + length[i];
    }
    return kept.append(text, from, text.length()).toString();
  }

  /**
   * The source's text: {@code gaps} with the passages' texts put back.
   *
   * @param passages every passage of the source, in any order
   * @throws IllegalStateException when the passages are not the ones the layout was made of (an
   *     index changed by hand), naming the source and the fix
   */
  String rebuild(String source, String gaps, List<Passage> passages) {
    List<Passage> ordered = new ArrayList<>(passages);
    ordered.sort(PASSAGE_ORDER);
    if (ordered.size() != start.length) {
      throw damaged(source, start.length + " passages, the index holds " + ordered.size());
    }
    StringBuilder text = new StringBuilder(textLength);
    int from = 0;
    for (int i : leftOutInTextOrder()) {
      Passage p = ordered.get(i);
      if (p.start() != start[i] || p.text().length() != length[i]) {
        throw damaged(source, "passage " + p.id() + " is not the one at " + start[i]);
      }
      int gap = charIndex[i] - text.length();
      if (gap < 0 || from + gap > gaps.length()) {
        throw damaged(source, "its stored text is shorter than its layout");
      }
      text.append(gaps, from, from + gap).append(p.text());
      from += gap;
    }
    text.append(gaps, from, gaps.length());
    if (text.length() != textLength) {
      throw damaged(source, "its text has " + text.length() + " chars, not " + textLength);
    }
    return text.toString();
  }

  private static IllegalStateException damaged(String source, String why) {
    return new IllegalStateException(
        "source "
            + source
            + " cannot be read back from the index ("
            + why
            + "): index it again with 'bin/quarry index --reindex'");
  }

  /** The char index of each passage, by its start and text length; -1 for a passage not placed. */
  Map<Long, Integer> places() {
    Map<Long, Integer> places = new HashMap<>();
    for (int i = 0; i < start.length; i++) {
      places.putIfAbsent(key(start[i], length[i]), charIndex[i]);
    }
    return places;
  }

  static long key(int start, int textLength) {
    return ((long) start << 32) | (textLength & 0xffffffffL);
  }

  private int[] leftOutInTextOrder() {
    return java.util.stream.IntStream.range(0, start.length)
        .filter(i -> leftOut[i])
        .boxed()
        .sorted(Comparator.comparingInt(i -> charIndex[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** The stored form. */
  BytesRef encode() {
    ByteWriter data = new ByteWriter();
    data.writeByte(VERSION);
    data.writeVInt(textLength);
    data.writeVInt(start.length);
    int previousAt = 0;
    int previousStart = 0;
    for (int i = 0; i < start.length; i++) {
      data.writeZInt(charIndex[i] - previousAt);
      data.writeZInt(start[i] - previousStart);
      data.writeVInt(length[i] * 2 + (leftOut[i] ? 1 : 0));
      previousAt = charIndex[i];
      previousStart = start[i];
    }
    return data.toBytesRef();
  }

  /**
   * The layout of its stored form.
   *
   * @throws IllegalArgumentException when the bytes are not a layout this Quarry writes
   */
  static SourceLayout decode(BytesRef bytes) {
    try {
      ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("source layout of unknown version " + version);
      }
      int textLength = in.readVInt();
      int n = in.readVInt();
      int[] at = new int[n];
      int[] starts = new int[n];
      int[] lengths = new int[n];
      boolean[] out = new boolean[n];
      int previousAt = 0;
      int previousStart = 0;
      for (int i = 0; i < n; i++) {
        at[i] = previousAt + in.readZInt();
        starts[i] = previousStart + in.readZInt();
        int l = in.readVInt();
        lengths[i] = l >>> 1;
        out[i] = (l & 1) == 1;
        previousAt = at[i];
        previousStart = starts[i];
      }
      return new SourceLayout(textLength, at, starts, lengths, out);
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalArgumentException("corrupt source layout: " + e, e);
    }
  }
}
