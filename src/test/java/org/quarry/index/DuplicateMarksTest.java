package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quarry.model.TextSignature;

/**
 * Marking near duplicates through band keys: only sources sharing a key are tested, each source is
 * marked with its first earlier near duplicate, and a finder without banding still compares every
 * pair.
 */
class DuplicateMarksTest {
  private static final int NONE = DuplicateMarks.NONE;

  /**
   * Signatures {group, key...}: near duplicates when the group is equal; the band keys are the
   * values after the group.
   */
  private static final class GroupFinder implements DuplicateFinder {
    final List<Set<Integer>> tested = new ArrayList<>();

    @Override
    public TextSignature signature(String text) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean nearDuplicate(TextSignature a, TextSignature b) {
      tested.add(Set.of(a.get(1), b.get(1)));
      return a.get(0) == b.get(0);
    }

    @Override
    public long[] bandKeys(TextSignature s) {
      long[] keys = new long[s.length() - 2];
      for (int i = 2; i < s.length(); i++) {
        keys[i - 2] = s.get(i);
      }
      return keys;
    }
  }

  // {group, own number, band keys...}
  private static TextSignature sig(int group, int number, int... keys) {
    int[] v = new int[keys.length + 2];
    v[0] = group;
    v[1] = number;
    System.arraycopy(keys, 0, v, 2, keys.length);
    return new TextSignature(v);
  }

  @Test
  void onlySourcesSharingAKeyAtTheSamePositionAreTested() {
    GroupFinder finder = new GroupFinder();
    List<TextSignature> sigs =
        List.of(sig(1, 0, 10, 20), sig(1, 1, 11, 20), sig(2, 2, 20, 30), sig(3, 3, 12, 21));

    int[] marks = DuplicateMarks.of(sigs, finder);

    // 0 and 1 share key 20 in the second band; 2 has 20 in the first band, which is another key
    assertEquals(List.of(Set.of(0, 1)), finder.tested);
    assertArrayEquals(new int[] {NONE, 0, NONE, NONE}, marks);
  }

  @Test
  void aSourceIsMarkedWithItsFirstEarlierNearDuplicateWhicheverBandFindsIt() {
    GroupFinder finder = new GroupFinder();
    // 2 meets 1 in the first band and 0 in the second: 0 comes first. 1 shares no key with 0,
    // so they are never tested, though the finder would call them duplicates.
    List<TextSignature> sigs = List.of(sig(1, 0, 50, 7), sig(1, 1, 5, 60), sig(1, 2, 5, 7));

    assertArrayEquals(new int[] {NONE, NONE, 0}, DuplicateMarks.of(sigs, finder));
  }

  @Test
  void aSourceSharingAKeyButFailingTheTestIsNotMarked() {
    GroupFinder finder = new GroupFinder();
    List<TextSignature> sigs = List.of(sig(1, 0, 5), sig(2, 1, 5), sig(2, 2, 5));

    assertArrayEquals(new int[] {NONE, NONE, 1}, DuplicateMarks.of(sigs, finder));
  }

  @Test
  void emptySignaturesAreNobodysDuplicates() {
    DuplicateFinder everything =
        new DuplicateFinder() {
          @Override
          public TextSignature signature(String text) {
            return TextSignature.none();
          }

          @Override
          public boolean nearDuplicate(TextSignature a, TextSignature b) {
            return true;
          }
        };
    List<TextSignature> sigs =
        List.of(TextSignature.none(), new TextSignature(new int[] {1}), TextSignature.none());

    assertArrayEquals(new int[] {NONE, NONE, NONE}, DuplicateMarks.of(sigs, everything));
    assertArrayEquals(new int[] {NONE, NONE, NONE}, DuplicateMarks.exhaustive(sigs, everything));
  }

  @Test
  void aFinderWithoutBandingHasEveryPairCompared() {
    // the indexer tests' finder: duplicates when the first word is the same, no band keys
    List<TextSignature> sigs = new ArrayList<>();
    Map<Integer, String> words = Map.of(0, "alpha", 1, "beta", 2, "alpha", 3, "beta", 4, "gamma");
    for (int i = 0; i < words.size(); i++) {
      sigs.add(IndexerTest.FIRST_WORD.signature(words.get(i) + " text " + i));
    }

    assertArrayEquals(
        new int[] {NONE, NONE, 0, 1, NONE}, DuplicateMarks.of(sigs, IndexerTest.FIRST_WORD));
  }

  @Test
  void theFinderThatFindsNoneMarksNothing() {
    DuplicateFinder none = DuplicateFinder.none();
    List<TextSignature> sigs =
        List.of(new TextSignature(new int[] {1}), new TextSignature(new int[] {1}));

    assertArrayEquals(new int[] {NONE, NONE}, DuplicateMarks.of(sigs, none));
  }
}
