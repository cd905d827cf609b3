package org.quarry.api;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.search.Query;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.TextAnnotator;
import org.quarry.coding.CodeQueryBuilder;
import org.quarry.coding.CodeSuggester;
import org.quarry.coding.CodebookException;
import org.quarry.coding.CodebookReader;
import org.quarry.coding.EvalReport;
import org.quarry.coding.Evaluator;
import org.quarry.coding.GoldSet;
import org.quarry.coding.IndexCoding;
import org.quarry.coding.KeyTerm;
import org.quarry.coding.PassageSuggestions;
import org.quarry.coding.SuggestOptions;
import org.quarry.coding.SuggestionRun;
import org.quarry.index.IndexLockedException;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.Suggestion;

/**
 * The coding jobs on an index: reading codebooks, suggesting codes (for the index or one text),
 * evaluating suggestions against human coding, and finding key terms for a code's lexicon. The
 * coding package does the work; this class picks the glossary, checks there is an index, and
 * turns failures into {@link QuarryException}s.
 */
final class CodingJobs {
  private final IndexFolder folder;
  private final IndexSearch search;
  private final Supplier<TextAnnotator> annotators;

  CodingJobs(IndexFolder folder, IndexSearch search, Supplier<TextAnnotator> annotators) {
    this.folder = folder;
    this.search = search;
    this.annotators = annotators;
  }

  /** Reads and validates a codebook file; see {@link Quarry#codebook}. */
  static CodebookReader.Result readCodebook(Path file) {
    try {
      return CodebookReader.load(file);
    } catch (CodebookException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  /** Suggests codes through the index; see {@link Quarry#suggest}. */
  SuggestionRun suggest(
      Codebook codebook, SuggestOptions options, double storeThreshold, CodeSuggester.Progress progress) {
    folder.requireIndex();
    try {
      SuggestionRun run =
          IndexCoding.suggest(folder.dir(), codebook, glossary(codebook), options, progress, storeThreshold);
      search.release(); // the next search sees the stored codes
      return run;
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    } catch (IndexLockedException e) {
      throw IndexFolder.locked(e);
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** Suggests codes for one text, without an index; see {@link Quarry#suggestText}. */
  SuggestionRun suggestText(Codebook codebook, String text, SuggestOptions options) {
    try {
      return IndexCoding.suggestText(text, codebook, glossary(codebook), options, annotators.get());
    } catch (IOException e) {
      throw new QuarryException("cannot build the in-memory index: " + e.getMessage(), QuarryException.PARTIAL_FAILURE, e);
    }
  }

  /** Measures suggestions against human coding; see {@link Quarry#evaluate}. */
  EvalReport evaluate(Codebook codebook, Path gold, double threshold, double contextWeight) {
    GoldSet set;
    try {
      set = GoldSet.read(gold, codebook);
    } catch (NoSuchFileException e) {
      throw new QuarryException("gold file " + gold + ": no such file", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
    List<Passage> all = search.passages(true).stream().map(Hit::passage).toList();
    List<java.util.Optional<Passage>> matches = Evaluator.goldPassages(codebook, set, all);
    java.util.Set<String> goldIds = new java.util.TreeSet<>();
    matches.forEach(m -> m.ifPresent(p -> goldIds.add(p.id())));
    // every code of the gold passages, whatever its score, so the threshold alone decides; the
    // run covers the gold passages only, so its memory follows them, not the index
    int codes = Math.max(1, codebook.codes().size());
    SuggestOptions options =
        new SuggestOptions(0, codes, null, Map.of(), true, false, contextWeight).onlyPassages(goldIds);
    SuggestionRun run = suggest(codebook, options, Double.NaN, CodeSuggester.Progress.NONE);
    Map<String, List<Suggestion>> byPassage = new HashMap<>();
    for (PassageSuggestions ps : run.passages()) {
      byPassage.put(ps.passage().id(), ps.suggestions());
    }
    return Evaluator.evaluateMatched(codebook, set, matches, byPassage, threshold);
  }

  /** Key terms of a code's or a query's passages; see {@link Quarry#terms}. */
  List<KeyTerm> terms(Codebook codebook, String codeId, String query, int limit) {
    folder.requireIndex();
    CodeQueryBuilder builder = new CodeQueryBuilder(codebook == null ? folder.glossary() : glossary(codebook));
    Query target;
    // the words already in the lexicon, which the key terms leave out
    List<String> lexicon = new ArrayList<>();
    try {
      if (codeId != null) {
        Code code = codebook == null ? null : codebook.code(codeId).orElse(null);
        if (code == null) {
          throw new QuarryException("no code '" + codeId + "' in the codebook"
              + (codebook == null ? " (give --codebook)" : "; codes: "
                  + String.join(", ", codebook.codes().stream().map(Code::id).toList())));
        }
        if (code.terms().isEmpty() && (code.query() == null || code.query().isBlank())) {
          throw new QuarryException("code '" + codeId + "' has no terms or query, so it matches no passages to study"
              + " (give it terms in the codebook, or use --query Q)");
        }
        target = builder.build(code).query();
        lexicon.addAll(code.terms());
      } else {
        target = builder.raw(query);
        for (String w : query.split("[^\\p{L}\\p{N}*]+")) {
          if (!w.isBlank() && !w.equals("AND") && !w.equals("OR") && !w.equals("NOT")) {
            lexicon.add(w);
          }
        }
      }
      return IndexCoding.keyTerms(folder.dir(), target, lexicon, limit);
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  // the codebook's glossary if it names one, else the one kept with the index
  private Glossary glossary(Codebook codebook) {
    return codebook.glossary() != null ? IndexFolder.readGlossary(Path.of(codebook.glossary())) : folder.glossary();
  }
}
