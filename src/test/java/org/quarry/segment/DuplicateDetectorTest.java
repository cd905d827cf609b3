package org.quarry.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Near duplicates among the seeds: the web and PDF renderings of one article, and nothing else. */
class DuplicateDetectorTest {
  private final DuplicateDetector detector = new DuplicateDetector();

  private int[] seed(String name) {
    return detector.signature(Papers.seed(name).text());
  }

  @Test
  void theWebAndPdfTextOfOneArticleAreNearDuplicates() {
    int[] web = seed("000_ac75c9529fd8bcf6.txt");
    int[] pdf = seed("001_ff96146560c50914.txt");
    System.out.printf(
        java.util.Locale.ROOT,
        "000 vs 001 estimated Jaccard %.3f%n",
        detector.similarity(web, pdf));
    assertTrue(detector.nearDuplicate(web, pdf));
  }

  @Test
  void twoArticlesOfOneTeamAreNotNearDuplicates() {
    int[] a = seed("000_ac75c9529fd8bcf6.txt");
    int[] b = seed("002_089efb293f434282.txt");
    System.out.printf(
        java.util.Locale.ROOT, "000 vs 002 estimated Jaccard %.3f%n", detector.similarity(a, b));
    assertFalse(detector.nearDuplicate(a, b));
  }

  @Test
  void aRecordQuotingTheAbstractIsNotANearDuplicateOfTheArticle() {
    int[] record = seed("003_fd80cfdad6a1c7c5.txt");
    int[] article = seed("000_ac75c9529fd8bcf6.txt");
    System.out.printf(
        java.util.Locale.ROOT,
        "003 vs 000 estimated Jaccard %.3f%n",
        detector.similarity(record, article));
    assertFalse(detector.nearDuplicate(record, article));
    assertFalse(detector.nearDuplicate(article, record));
  }

  @Test
  void signaturesAreDeterministicAndSimilarityIsSymmetric() {
    String text = "one two three four five six seven eight nine ten eleven";
    assertArrayEquals(detector.signature(text), new DuplicateDetector().signature(text));
    int[] a = detector.signature(text);
    int[] b = detector.signature(text + " twelve thirteen");
    assertEquals(detector.similarity(a, b), detector.similarity(b, a));
    assertEquals(1.0, detector.similarity(a, a));
  }

  @Test
  void aTextTooShortForOneShingleIsNobodysDuplicate() {
    int[] tiny = detector.signature("too short");
    assertFalse(detector.nearDuplicate(tiny, tiny));
  }

  @Test
  void bandingFindsPairsAtTheThresholdWithProbabilityAtLeast0999() {
    // a pair of Jaccard similarity J shares one of b bands of r rows with 1 - (1 - J^r)^b
    double found =
        1
            - Math.pow(
                1 - Math.pow(DuplicateDetector.THRESHOLD, DuplicateDetector.ROWS),
                DuplicateDetector.BANDS);
    assertTrue(found >= 0.999, "found with probability " + found);
    assertTrue(DuplicateDetector.BANDS * DuplicateDetector.ROWS <= DuplicateDetector.HASHES);
  }

  @Test
  void theWebAndPdfTextOfOneArticleShareABand() {
    long[] web = detector.bandKeys(seed("000_ac75c9529fd8bcf6.txt"));
    long[] pdf = detector.bandKeys(seed("001_ff96146560c50914.txt"));
    int shared = 0;
    for (int b = 0; b < DuplicateDetector.BANDS; b++) {
      if (web[b] == pdf[b]) {
        shared++;
      }
    }
    assertTrue(shared > 0);
  }

  @Test
  void bandKeysAreTheSignaturesEntriesTwoByTwo() {
    int[] a = detector.signature("one two three four five six seven eight nine ten eleven");
    int[] b = a.clone();
    b[0]++;
    long[] ka = detector.bandKeys(a);
    long[] kb = detector.bandKeys(b);
    assertEquals(DuplicateDetector.BANDS, ka.length);
    assertTrue(ka[0] != kb[0]);
    assertArrayEquals(
        java.util.Arrays.copyOfRange(ka, 1, ka.length),
        java.util.Arrays.copyOfRange(kb, 1, kb.length));
  }

  @Test
  void aTextTooShortForOneShingleHasNoBandKeys() {
    assertEquals(0, detector.bandKeys(detector.signature("too short")).length);
  }

  @Test
  void storedSignaturesGetTheSameAnswerAsArrays() {
    for (String a : Papers.SEEDS) {
      for (String b : Papers.SEEDS) {
        int[] x = seed(a);
        int[] y = seed(b);
        assertEquals(
            detector.nearDuplicate(x, y),
            detector.nearDuplicate(
                new org.quarry.model.TextSignature(x), new org.quarry.model.TextSignature(y)),
            a + " vs " + b);
      }
    }
  }
}
