package org.quarry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.Decision;
import org.quarry.model.Evidence;
import org.quarry.model.Passage;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SuggestOptions;
import org.quarry.model.Suggestion;
import org.quarry.model.SuggestionRun;
import org.quarry.search.MarkFormatter;

/**
 * What a researcher reviews for one code: the passages the codebook's suggester suggests it for,
 * best first, each with the words that earned it and the researcher's decision on it so far, as the
 * JSON of the HTTP API's {@code GET /api/v1/review}.
 *
 * <p>The suggester runs over the whole index once and its run is kept until the index's sources
 * change or {@link #forget()} is called (after learning), so paging and deciding do not re-score
 * the study; decisions are read fresh on every call.
 */
public final class ReviewQueue {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

  private final Quarry quarry;
  private final Codebook codebook;
  private Map<String, org.quarry.model.SourceOrigin> runSources;
  private Scored scored;

  // the suggester chosen (lexicon, or combined once a model exists) and what it suggested
  private record Scored(SuggesterChoice suggester, SuggestionRun run) {}

  /** A queue over {@code quarry}'s index for the codes of {@code codebook}. */
  public ReviewQueue(Quarry quarry, Codebook codebook) {
    this.quarry = quarry;
    this.codebook = codebook;
  }

  /** Drops the kept run: the next call scores again (a model was learned since). */
  public synchronized void forget() {
    scored = null;
  }

  /**
   * {@code {"code", "name", "method", "total", "accepted", "rejected", "pending", "items": [...]}}:
   * the page {@code offset, limit} of the passages suggested for {@code codeId}, best first, each
   * {@code {"id", "source", "kind", "participant", "speaker", "section", "text", "score",
   * "highlight", "evidence", "decision"}}; counts are of all of them.
   *
   * @throws QuarryException naming {@code code} when the codebook has no such code
   */
  public String json(String codeId, int offset, int limit) {
    Code code =
        codebook
            .code(codeId)
            .orElseThrow(
                () ->
                    QuarryException.badParameter(
                        "code", "no code '" + codeId + "' in codebook " + codebook.name(), null));
    Scored now = scored();
    List<Item> items = items(codeId, now.run());
    Map<String, Boolean> decided = decisions(codeId);
    int accepted = 0;
    int rejected = 0;
    for (Item i : items) {
      Boolean d = decided.get(i.passage().id());
      if (d != null) {
        if (d) {
          accepted++;
        } else {
          rejected++;
        }
      }
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("code", code.id());
    o.put("name", code.name());
    o.put("method", now.suggester().method().label());
    o.put("total", items.size());
    o.put("accepted", accepted);
    o.put("rejected", rejected);
    o.put("pending", items.size() - accepted - rejected);
    ArrayNode list = o.putArray("items");
    for (Item i :
        items.subList(Math.min(offset, items.size()), Math.min(items.size(), offset + limit))) {
      Passage p = i.passage();
      ObjectNode item = list.addObject();
      item.put("id", p.id());
      item.put("source", p.source());
      item.put("kind", p.kind().label());
      item.put("participant", p.participantCounted());
      item.put("speaker", p.speaker());
      item.put("section", p.section());
      item.put("text", p.text());
      item.put("score", Math.round(i.score() * 10_000) / 10_000.0);
      item.put("highlight", highlight(p.text(), i.words()));
      i.words().forEach(item.putArray("evidence")::add);
      Boolean d = decided.get(p.id());
      item.put("decision", d == null ? null : d ? "accept" : "reject");
    }
    return Json.pretty(MAPPER, o);
  }

  private record Item(Passage passage, double score, Set<String> words) {}

  private static List<Item> items(String codeId, SuggestionRun run) {
    List<Item> items = new ArrayList<>();
    for (PassageSuggestions ps : run.passages()) {
      for (Suggestion s : ps.suggestions()) {
        if (s.code().equals(codeId)) {
          Set<String> words = new LinkedHashSet<>();
          for (Evidence e : s.evidence()) {
            if (!e.inContext() && e.matched() != null && !e.matched().isBlank()) {
              words.add(e.matched());
            }
          }
          items.add(new Item(ps.passage(), s.score(), words));
        }
      }
    }
    items.sort(
        Comparator.comparingDouble(Item::score).reversed().thenComparing(i -> i.passage().id()));
    return items;
  }

  // one run of every code over the index, kept while the sources stay the same; the suggester
  // (and its model, read from disk) is chosen only when the run is made
  private synchronized Scored scored() {
    Map<String, org.quarry.model.SourceOrigin> sources = quarry.sourceOrigins();
    if (scored == null || !sources.equals(runSources)) {
      SuggesterChoice suggester = quarry.suggester(codebook, null);
      SuggestOptions options =
          SuggestOptions.builder()
              .minScore(suggester.defaultMinScore())
              .top(Math.max(1, suggester.codes().size()))
              .build();
      SuggestionRun run =
          quarry.suggest(
              codebook,
              suggester,
              options,
              java.util.OptionalDouble.empty(),
              (done, all, what) -> {});
      scored = new Scored(suggester, run);
      runSources = sources;
    }
    return scored;
  }

  // passage id -> accepted, for the code's decisions that still apply
  private Map<String, Boolean> decisions(String codeId) {
    Map<String, Boolean> out = new HashMap<>();
    for (Decision d : quarry.decisions()) {
      if (d.applied() && d.code().equals(codeId)) {
        out.put(d.passageId(), d.accepted());
      }
    }
    return out;
  }

  // the passage's escaped text with each evidence word marked where it stands as a word
  static String highlight(String text, Set<String> words) {
    boolean[] marked = new boolean[text.length()];
    String lower = text.toLowerCase(Locale.ROOT);
    for (String w : words) {
      String needle = w.toLowerCase(Locale.ROOT);
      if (needle.length() != w.length()) {
        continue; // a case change that alters length would misplace the marks
      }
      for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
        int end = at + needle.length();
        if (boundary(text, at - 1) && boundary(text, end)) {
          java.util.Arrays.fill(marked, at, end, true);
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int j = i;
      while (j < text.length() && marked[j] == marked[i]) {
        j++;
      }
      if (marked[i]) {
        sb.append("<mark>").append(MarkFormatter.escape(text.substring(i, j))).append("</mark>");
      } else {
        sb.append(MarkFormatter.escape(text.substring(i, j)));
      }
      i = j;
    }
    return sb.toString();
  }

  private static boolean boundary(String text, int at) {
    return at < 0 || at >= text.length() || !Character.isLetterOrDigit(text.charAt(at));
  }
}
