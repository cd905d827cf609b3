package org.quarry.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.index.IndexStamp;
import org.quarry.model.EvalReport;
import org.quarry.model.FacetValue;
import org.quarry.model.Hit;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import org.quarry.model.SuggestOptions;

/**
 * The seeds' regression figures, as Anserini's regression YAMLs keep theirs: passage counts per
 * kind, facet counts of fixed queries, and {@code eval} figures of the two seed codebooks against
 * the seeds' gold quotes, compared with {@value #EXPECTED}. Prints expected against actual for
 * every figure and fails on any difference.
 *
 * <p>The expected values were recorded by running this code, not chosen: the file guards against
 * unnoticed change, it is not a target. After an intended change (a segmenter that finds more
 * quotes, a better lexicon) run this test with {@code -Dquarry.regression.write=true} to record the
 * new figures, and let the diff of the file show what moved.
 */
class SeedsRegressionTest {
  static final String EXPECTED = "src/test/resources/regression/seeds.yaml";

  private static final Path SEEDS = Path.of("seeds");
  private static final List<String> QUERIES =
      List.of("voice AND ICS", "resilience", "\"primary care\"", "commission*");
  private static final List<String> CODEBOOKS =
      List.of("codebook-commissioners.yaml", "codebook-policy-stakeholders.yaml");
  private static final String GOLD = "seed-quotes.jsonl";

  private static final String HEADER =
      """
      # Regression figures of the seeds (seeds/), checked by SeedsRegressionTest.
      # Recorded by running the code: a guard against unnoticed change, not a target. After an
      # intended change, record them again with
      #   mvn25 -o test -Dtest=SeedsRegressionTest -Dquarry.regression.write=true
      # and review the diff. Figures are rounded to 4 decimals.
      """;

  @TempDir Path index;

  @Test
  void seedsFiguresMatchTheRecordedOnes() throws IOException {
    Map<String, Object> actual = figures();
    Path file = Path.of(EXPECTED);
    if (Boolean.getBoolean("quarry.regression.write")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, HEADER + yaml().writeValueAsString(actual), StandardCharsets.UTF_8);
    }
    Map<String, String> expected = flatten(yaml().readValue(file.toFile(), Map.class));
    Map<String, String> got = flatten(actual);
    String table = table(expected, got);
    System.out.println(table);
    assertEquals(expected, got, "seeds regression figures differ from " + EXPECTED + ":\n" + table);
  }

  // every figure, in the order of the file
  private Map<String, Object> figures() {
    Map<String, Object> out = new LinkedHashMap<>();
    try (Quarry quarry = Quarry.open(index)) {
      quarry.index(
          new IndexRequest(List.of(SEEDS), null, SEEDS.resolve("nhs-glossary.txt")),
          IndexProgress.NONE);
      out.put("analysis", analysis());
      out.put("passages", passages(quarry.passages(true)));
      List<Object> queries = new ArrayList<>();
      for (String q : QUERIES) {
        queries.add(
            query(
                quarry.search(
                    new SearchRequest(
                        q, SearchRequest.DEFAULT_FACETS, Map.of(), 0, 0, false, null, true))));
      }
      out.put("queries", queries);
      List<Object> evals = new ArrayList<>();
      for (String book : CODEBOOKS) {
        EvalReport r =
            quarry.evaluate(
                Quarry.codebook(SEEDS.resolve(book)).codebook(),
                SEEDS.resolve(GOLD),
                SuggestOptions.DEFAULT_MIN_SCORE);
        evals.add(eval(book, r));
      }
      out.put("eval", evals);
    }
    return out;
  }

  // what the index says its text was analysed with
  private String analysis() {
    try (Directory d = FSDirectory.open(index)) {
      return IndexStamp.read(d).map(st -> st.analysis().describe()).orElse("unstamped");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> passages(List<Hit> hits) {
    Map<String, Object> kinds = new TreeMap<>();
    Map<String, Object> sources = new TreeMap<>();
    for (Hit h : hits) {
      kinds.merge(h.passage().kind().label(), 1, (a, b) -> (Integer) a + (Integer) b);
      sources.merge(h.passage().source(), 1, (a, b) -> (Integer) a + (Integer) b);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", hits.size());
    out.put("by_kind", kinds);
    out.put("by_source", sources);
    return out;
  }

  private static Map<String, Object> query(SearchResult r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", r.query());
    out.put("total", r.total());
    Map<String, Object> facets = new LinkedHashMap<>();
    for (Map.Entry<String, List<FacetValue>> f : new TreeMap<>(r.facets()).entrySet()) {
      Map<String, Object> values = new TreeMap<>();
      f.getValue().forEach(v -> values.put(v.value(), v.count()));
      facets.put(f.getKey(), values);
    }
    out.put("facets", facets);
    return out;
  }

  private static Map<String, Object> eval(String codebook, EvalReport r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("codebook", codebook);
    out.put("gold", GOLD);
    out.put("threshold", round(r.threshold()));
    out.put("items", r.items());
    out.put("matched", r.matched());
    out.put("quarry_micro", scores(r.quarryMicro()));
    out.put("quarry_macro", scores(r.quarryMacro()));
    out.put("baseline_micro", scores(r.baselineMicro()));
    out.put("baseline_macro", scores(r.baselineMacro()));
    out.put("quarry_top1", round(r.quarryTop1()));
    out.put("baseline_top1", round(r.baselineTop1()));
    Map<String, Object> perCode = new LinkedHashMap<>();
    for (EvalReport.CodeResult c : r.codes()) {
      perCode.put(c.code(), scores(c.quarry()));
    }
    out.put("quarry_per_code", perCode);
    return out;
  }

  private static Map<String, Object> scores(EvalReport.Scores s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tp", s.tp());
    out.put("fp", s.fp());
    out.put("fn", s.fn());
    out.put("precision", round(s.precision()));
    out.put("recall", round(s.recall()));
    out.put("f1", round(s.f1()));
    return out;
  }

  private static BigDecimal round(double x) {
    return BigDecimal.valueOf(x).setScale(4, RoundingMode.HALF_EVEN);
  }

  private static YAMLMapper yaml() {
    YAMLMapper m =
        new YAMLMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
    m.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    return m;
  }

  // dotted paths to leaf values (list items by index); a value's text is what is compared
  static Map<String, String> flatten(Object tree) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", tree, out);
    return out;
  }

  private static void flatten(String path, Object node, Map<String, String> out) {
    String prefix = path.isEmpty() ? "" : path + ".";
    if (node instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        out.put(path, "{}");
      }
      m.forEach((k, v) -> flatten(prefix + k, v, out));
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        flatten(prefix + i, l.get(i), out);
      }
    } else {
      out.put(path, String.valueOf(node));
    }
  }

  // one row per figure: expected, actual, and a mark where they differ
  static String table(Map<String, String> expected, Map<String, String> actual) {
    TreeSet<String> keys = new TreeSet<>();
    List<String> order = new ArrayList<>(expected.keySet());
    actual.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(order::add);
    keys.addAll(order);
    int width = keys.stream().mapToInt(String::length).max().orElse(6);
    StringBuilder sb = new StringBuilder();
    String row = "%-" + width + "s  %12s  %12s  %s%n";
    sb.append(String.format(Locale.ROOT, row, "figure", "expected", "actual", ""));
    int differ = 0;
    for (String k : order) {
      String e = expected.getOrDefault(k, "-");
      String a = actual.getOrDefault(k, "-");
      boolean same = e.equals(a);
      differ += same ? 0 : 1;
      sb.append(String.format(Locale.ROOT, row, k, e, a, same ? "" : "<-- differs"));
    }
    sb.append(String.format(Locale.ROOT, "%d figures, %d differ%n", order.size(), differ));
    return sb.toString();
  }
}
