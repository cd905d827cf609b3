package org.quarry.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.SearchJson;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quarry search QUERY}: ranked, highlighted passages with facet counts. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search passages with Lucene query syntax: AND/OR/NOT, \"phrases\", \"phrase\"~N, wild*,",
      "fuzzy~, field:value for participant, source, kind, section, code and attributes."
    })
final class SearchCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query (words are joined with spaces).")
  List<String> query;

  @Option(names = "--facet", paramLabel = "DIM", description = "Count this dimension (repeatable; default: participant, source, kind, section, code).")
  List<String> facets = new ArrayList<>();

  @Option(names = "--filter", paramLabel = "DIM=VALUE", description = "Drill down to passages with this value (repeatable; values of one dimension are OR-ed).")
  List<String> filters = new ArrayList<>();

  @Option(names = "--limit", defaultValue = "10", description = "Hits to show (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Hits to skip (default ${DEFAULT-VALUE}).")
  int offset;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--include-duplicates", description = "Count passages of near-duplicate sources too.")
  boolean includeDuplicates;

  enum OutputFormat {
    text,
    json
  }

  @Override
  public Integer call() {
    if (limit < 0 || offset < 0) {
      throw new QuarryException("--limit and --offset must be 0 or more");
    }
    QuarryHome home = QuarryHome.fromSystem();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SearchRequest request =
        new SearchRequest(
            String.join(" ", query),
            facets.isEmpty() ? SearchRequest.DEFAULT_FACETS : facets,
            parseFilters(filters),
            limit,
            offset,
            includeDuplicates);
    try (Quarry quarry = Quarry.open(common.indexDir(home))) {
      IndexCommand.ensureIndexed(quarry, common, home, err);
      SearchResult result = quarry.search(request);
      if (format == OutputFormat.json) {
        out.println(SearchJson.write(result));
      } else {
        new SearchTextPrinter(out, common.indexDir(home)).print(result, request);
      }
    }
    return 0;
  }

  /** {@code dim=value} pairs to a map of dimension to values, in the order given. */
  static Map<String, List<String>> parseFilters(List<String> filters) {
    Map<String, List<String>> parsed = new LinkedHashMap<>();
    for (String f : filters) {
      int eq = f.indexOf('=');
      if (eq <= 0 || eq == f.length() - 1) {
        throw new QuarryException(
            "--filter '" + f + "' must be DIMENSION=VALUE, e.g. --filter participant=IDNS1.24");
      }
      String value = f.substring(eq + 1).strip();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      parsed.computeIfAbsent(f.substring(0, eq).strip(), k -> new ArrayList<>()).add(value);
    }
    return parsed;
  }
}
