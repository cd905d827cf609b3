package org.quarry.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.index.DocumentWalk;
import org.quarry.index.Fields;
import org.quarry.index.PassageDocuments;
import org.quarry.index.SequentialStoredFields;
import org.quarry.model.KeyTerm;

/**
 * Lexicon help: the lemmas and noun phrases over-represented in the passages a query matches
 * against the rest of the corpus, ranked by Dunning's log-likelihood
 *
 * <pre>  G² = 2 (a ln(a / E1) + b ln(b / E2)),  E1 = c (a + b) / (c + d),  E2 = d (a + b) / (c + d)
 * </pre>
 *
 * where {@code a} and {@code b} count the term in and outside the matched passages and {@code c}
 * and {@code d} count all terms there (words and phrases are counted separately, each against its
 * own totals). Only terms relatively more frequent inside are kept.
 *
 * <p>Words are the tagged lemmas CoreNLP stored at index time. Phrases are noun phrases found from
 * the part-of-speech tags stored with them (runs of adjectives and nouns ending in a noun, 2 to
 * {@value NounPhrases#MAX_WORDS} words); in an index without tags (untagged lemmas, or made before
 * tags were kept) they are pairs of adjacent content words. Stop words, tokens without letters, and
 * terms already in the lexicon are left out.
 */
public final class TermKeyness {
  // a passage's id and what its annotation is read from
  private static final Set<String> WITH_ID = withId();

  private static Set<String> withId() {
    Set<String> fields = new HashSet<>(PassageDocuments.ANNOTATION_FIELDS);
    fields.add(Fields.ID);
    return Set.copyOf(fields);
  }

  private static final Set<String> STOP =
      Set.of(
          "a",
          "about",
          "above",
          "after",
          "again",
          "against",
          "all",
          "also",
          "am",
          "an",
          "and",
          "any",
          "are",
          "as",
          "at",
          "be",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "could",
          "do",
          "does",
          "doing",
          "down",
          "during",
          "each",
          "eg",
          "etc",
          "few",
          "for",
          "from",
          "further",
          "had",
          "has",
          "have",
          "having",
          "he",
          "her",
          "here",
          "hers",
          "herself",
          "him",
          "himself",
          "his",
          "how",
          "i",
          "ie",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "itself",
          "just",
          "may",
          "me",
          "might",
          "more",
          "most",
          "much",
          "must",
          "my",
          "myself",
          "no",
          "nor",
          "not",
          "now",
          "of",
          "off",
          "on",
          "once",
          "one",
          "only",
          "or",
          "other",
          "our",
          "ours",
          "ourselves",
          "out",
          "over",
          "own",
          "same",
          "she",
          "should",
          "so",
          "some",
          "such",
          "than",
          "that",
          "the",
          "their",
          "theirs",
          "them",
          "themselves",
          "then",
          "there",
          "these",
          "they",
          "this",
          "those",
          "through",
          "to",
          "too",
          "under",
          "until",
          "up",
          "upon",
          "us",
          "very",
          "was",
          "we",
          "were",
          "what",
          "when",
          "where",
          "which",
          "while",
          "who",
          "whom",
          "why",
          "will",
          "with",
          "within",
          "without",
          "would",
          "you",
          "your",
          "yours",
          "yourself",
          "'s",
          "n't",
          "however",
          "therefore",
          "thus",
          "whether",
          "yet",
          "get",
          "go",
          "make",
          "say",
          "well",
          "like",
          "many");

  private TermKeyness() {}

  /**
   * The top {@code limit} over-represented terms of the passages {@code target} matches among those
   * {@code corpus} selects, without {@code exclude} (lemmas and space-joined lemma phrases, lower
   * case; an entry ending in {@code *} excludes the words it prefixes).
   */
  public static List<KeyTerm> keyTerms(
      IndexReader reader, Query corpus, Query target, Set<String> exclude, int limit)
      throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    Set<Integer> in = new HashSet<>();
    Query matched =
        new BooleanQuery.Builder()
            .add(target, BooleanClause.Occur.MUST)
            .add(corpus, BooleanClause.Occur.FILTER)
            .build();
    DocumentWalk.forEach(searcher, matched, in::add);
    Map<String, int[]> counts = new HashMap<>();
    Map<String, Map<String, Integer>> perPassage = new HashMap<>();
    long[] totals = new long[4]; // words in, words out, phrases in, phrases out
    StoredFields stored = SequentialStoredFields.of(reader);
    List<Integer> corpusDocs = new ArrayList<>();
    DocumentWalk.forEach(searcher, corpus, corpusDocs::add);
    for (int doc : corpusDocs) {
      Document d = stored.document(doc, WITH_ID);
      LemmaAnnotation a = PassageDocuments.annotation(d);
      if (a == null) {
        continue;
      }
      boolean inside = in.contains(doc);
      String id = inside ? d.get(Fields.ID) : null;
      for (int i = 0; i < a.size(); i++) {
        String lemma = a.lemma(i).toLowerCase(Locale.ROOT);
        if (isContent(lemma)) {
          count(
              counts,
              perPassage,
              totals,
              lemma,
              inside,
              0,
              id,
              excluded(lemma, exclude) || excluded(alt(a, i), exclude));
        }
      }
      for (int[] r : NounPhrases.of(a)) {
        List<String> lemmas = new ArrayList<>();
        List<String> alts = new ArrayList<>();
        for (int i = r[0]; i < r[1]; i++) {
          lemmas.add(a.lemma(i).toLowerCase(Locale.ROOT));
          alts.add(alt(a, i));
        }
        String phrase = String.join(" ", lemmas);
        count(
            counts,
            perPassage,
            totals,
            phrase,
            inside,
            2,
            id,
            excluded(phrase, exclude) || excluded(String.join(" ", alts), exclude));
      }
    }
    List<KeyTerm> out = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      String term = e.getKey();
      int a = e.getValue()[0];
      int b = e.getValue()[1];
      boolean phrase = term.indexOf(' ') >= 0;
      long c = totals[phrase ? 2 : 0];
      long dd = totals[phrase ? 3 : 1];
      if (a == 0 || (double) a / c <= (dd == 0 ? 0 : (double) b / dd)) {
        continue;
      }
      if (phrase && a < 2) {
        continue; // a pair seen once is noise, not a phrase
      }
      out.add(new KeyTerm(term, phrase, a, b, g2(a, b, c, dd), example(perPassage.get(term))));
    }
    out.sort(Comparator.comparingDouble(KeyTerm::g2).reversed().thenComparing(KeyTerm::term));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  /** Dunning's G² for {@code a} of {@code c} against {@code b} of {@code d}. */
  public static double g2(long a, long b, long c, long d) {
    double e1 = (double) c * (a + b) / (c + d);
    double e2 = (double) d * (a + b) / (c + d);
    return 2 * (xlog(a, e1) + xlog(b, e2));
  }

  private static double xlog(long o, double e) {
    return o == 0 ? 0 : o * Math.log(o / e);
  }

  // the untagged lemma, as the lexicon is lemmatised (queries have no tags): excluded in that form
  // too
  private static String alt(LemmaAnnotation a, int i) {
    return (a.untagged(i) == null ? a.lemma(i) : a.untagged(i)).toLowerCase(Locale.ROOT);
  }

  static boolean isContent(String lemma) {
    return lemma.length() > 1
        && !STOP.contains(lemma)
        && lemma.codePoints().anyMatch(Character::isLetter);
  }

  private static boolean excluded(String term, Set<String> exclude) {
    if (exclude.contains(term)) {
      return true;
    }
    for (String x : exclude) {
      if (x.endsWith("*") && term.startsWith(x.substring(0, x.length() - 1))) {
        return true;
      }
    }
    // a phrase containing a lexicon word adds little: the word already finds it
    if (term.indexOf(' ') >= 0) {
      for (String w : term.split(" ")) {
        if (exclude.contains(w)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void count(
      Map<String, int[]> counts,
      Map<String, Map<String, Integer>> perPassage,
      long[] totals,
      String term,
      boolean inside,
      int totalIndex,
      String passageId,
      boolean skip) {
    totals[totalIndex + (inside ? 0 : 1)]++;
    if (skip) {
      return;
    }
    int[] c = counts.computeIfAbsent(term, k -> new int[2]);
    c[inside ? 0 : 1]++;
    if (passageId != null) {
      perPassage.computeIfAbsent(term, k -> new HashMap<>()).merge(passageId, 1, Integer::sum);
    }
  }

  private static String example(Map<String, Integer> byPassage) {
    return byPassage.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  /** The passages of a keyness corpus: every passage, near duplicates left out. */
  public static Query corpus() {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.DUPLICATE, "true")), BooleanClause.Occur.MUST_NOT)
        .build();
  }
}
