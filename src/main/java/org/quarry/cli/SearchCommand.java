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
import org.quarry.api.SolrIndex;
import org.quarry.model.SearchOrder;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry search QUERY}: ranked, highlighted passages with facet counts. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Search passages with Lucene query syntax: AND/OR/NOT, \"phrases\", \"phrase\"~N, wild*, "
            + "fuzzy~, field:value for participant, source, kind, section, code and attributes.")
final class SearchCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "QUERY",
      description = "The query (words are joined with spaces).")
  List<String> query;

  @Option(
      names = "--facet",
      paramLabel = "DIM",
      description =
          "Count this dimension (repeatable; default: participant, source, kind, section, code).")
  List<String> facets = new ArrayList<>();

  @Option(
      names = "--filter",
      paramLabel = "DIM=VALUE",
      description =
          "Drill down to passages with this value (repeatable; values of one dimension are OR-ed).")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--limit",
      defaultValue = "10",
      description = "Hits to show (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--offset",
      defaultValue = "0",
      description = "Hits to skip (default ${DEFAULT-VALUE}).")
  int offset;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--sort",
      defaultValue = "relevance",
      description = "Order of the hits: relevance (best first) or source (reading order).")
  String sort;

  @Option(
      names = "--no-interviewers",
      description = "Leave interviewers' turns out (they never count for a participant anyway).")
  boolean noInterviewers;

  @Option(
      names = "--include-duplicates",
      description = "Count passages of near-duplicate sources too.")
  boolean includeDuplicates;

  @Option(
      names = "--solr",
      paramLabel = "URL",
      description =
          "Search this SolrCloud collection (http://host:8983/solr/COLLECTION) instead, the query analysed by this index.")
  String solr;

  @Option(
      names = "--tolerant",
      description =
          "With --solr: when a shard does not answer, print the other shards' result, say on stderr that it is partial, and exit 1 (default: an error).")
  boolean tolerant;

  enum OutputFormat {
    text,
    json
  }

  @Override
  public Integer call() {
    if (tolerant && solr == null) {
      throw new QuarryException("--tolerant is for --solr: give the collection with --solr URL");
    }
    if (limit < 0 || offset < 0) {
      throw new QuarryException("--limit and --offset must be 0 or more");
    }
    QuarryHome home = QuarryHome.fromSystem();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SearchRequest request =
        SearchRequest.builder(String.join(" ", query))
            .facets(facets.isEmpty() ? SearchRequest.DEFAULT_FACETS : facets)
            .filters(parseFilters(filters))
            .limit(limit)
            .offset(offset)
            .includeDuplicates(includeDuplicates)
            .order(order(sort))
            .interviewers(!noInterviewers)
            .build();
    try (Quarry quarry = Quarry.open(common.indexDir(home))) {
      if (solr == null) {
        // a search of a SolrCloud collection needs no passages here, only the analysis
        IndexCommand.ensureIndexed(quarry, common, home, err);
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        // the whole command line: what follows the verb is search's
        checkNoStrayWord(quarry, args.subList(args.indexOf(spec.name()) + 1, args.size()));
      }
      SearchResult result;
      boolean partial = false;
      if (solr != null) {
        try (SolrIndex target = SolrIndex.at(solr)) {
          if (tolerant) {
            SolrIndex.Answer a = target.searchTolerant(quarry, request);
            result = a.result();
            partial = a.partial();
          } else {
            result = target.search(quarry, request);
          }
        }
        if (partial) {
          err.println(
              "quarry: warning: partial result: a shard of "
                  + solr
                  + " did not answer, so counts and hits lack its passages");
        }
      } else {
        result = quarry.search(request);
        quarry.doubts(request).forEach(d -> err.println("quarry: warning: " + d));
      }
      if (format == OutputFormat.json) {
        out.println(partial ? SearchJson.writePartial(result) : SearchJson.write(result));
      } else {
        new SearchTextPrinter(out, common.indexDir(home)).print(result, request);
      }
      out.flush();
      return partial ? QuarryException.PARTIAL_FAILURE : 0;
    }
  }

  /**
   * A filter value with a space, unquoted ({@code --filter region=North West}), leaves its second
   * word as a query word, and the search finds nothing with no word said. A query word right after
   * a filter's value is such a stray when query words came before the filter too, or when the value
   * with it is one the index has and the value alone is not.
   */
  private static void checkNoStrayWord(Quarry quarry, List<String> args) {
    boolean wordsBefore = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        return;
      }
      String value;
      int next;
      if (a.equals("--filter") && i + 1 < args.size()) {
        value = args.get(i + 1);
        next = i + 2;
      } else if (a.startsWith("--filter=")) {
        value = a.substring("--filter=".length());
        next = i + 1;
      } else {
        if (!a.startsWith("-") && (i == 0 || !takesValue(args.get(i - 1)))) {
          wordsBefore = true;
        }
        continue;
      }
      if (next < args.size() && !args.get(next).startsWith("-") && value.contains("=")) {
        String word = args.get(next);
        String joined = value + " " + word;
        boolean joinedExists =
            quarry
                    .doubts(
                        SearchRequest.builder("")
                            .filters(parseFilters(List.of(joined)))
                            .limit(0)
                            .includeDuplicates(true)
                            .build())
                    .isEmpty()
                && !quarry
                    .doubts(
                        SearchRequest.builder("")
                            .filters(parseFilters(List.of(value)))
                            .limit(0)
                            .includeDuplicates(true)
                            .build())
                    .isEmpty();
        if (wordsBefore || joinedExists) {
          throw new QuarryException(
              "'"
                  + word
                  + "' after --filter "
                  + value
                  + " is taken as a query word;"
                  + " quote a value with spaces: --filter \""
                  + joined
                  + "\"");
        }
      }
      i = next - 1;
    }
  }

  // options of search that take a value: the word after them is no query word
  private static boolean takesValue(String option) {
    return List.of(
            "--facet", "--filter", "--limit", "--offset", "--format", "--index", "--sort", "--solr")
        .contains(option);
  }

  /** {@code dim=value} pairs to a map of dimension to values, in the order given. */
  private static SearchOrder order(String sort) {
    try {
      return SearchOrder.of(sort);
    } catch (IllegalArgumentException e) {
      throw new QuarryException("--sort: " + e.getMessage());
    }
  }

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
