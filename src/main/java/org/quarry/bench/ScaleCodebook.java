package org.quarry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import org.quarry.model.Code;
import org.quarry.model.Codebook;

/**
 * A seeded synthetic codebook for a {@link ScaleCorpus}: each code's lexicon is four
 * health-services terms or phrases of {@link ZipfVocabulary#domainTerms()} and, for one code in
 * four, a wildcard on one of them, as a researcher's lexicon for a theme would hold.
 */
public final class ScaleCodebook {
  private ScaleCodebook() {}

  /** {@code codes} codes, the same for the same seed. */
  public static Codebook of(long seed, int codes) {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    List<String> domain = ZipfVocabulary.domainTerms();
    List<Code> out = new ArrayList<>();
    for (int c = 0; c < codes; c++) {
      TreeSet<String> terms = new TreeSet<>();
      while (terms.size() < 4) {
        terms.add(domain.get(r.nextInt(domain.size())));
      }
      List<String> lexicon = new ArrayList<>(terms);
      if (c % 4 == 0) {
        String stem = lexicon.get(0).replaceAll("[^a-z].*", "");
        if (stem.length() >= 4) {
          lexicon.add(stem.substring(0, 4) + "*");
        }
      }
      out.add(
          new Code(
              String.format(Locale.ROOT, "code-%03d", c),
              "Theme " + c,
              null,
              null,
              lexicon,
              List.of(),
              null,
              1.0));
    }
    return new Codebook("synthetic health-services themes", null, out);
  }
}
