package org.quarry.analysis;

import edu.stanford.nlp.ling.HasWord;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.ling.Word;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Lemmatises passages with CoreNLP's part-of-speech tagger and morphology, on the very tokens
 * Lucene's {@code text} field uses, so lemma offsets equal word offsets. Sentences come from the
 * JDK's sentence break iterator; each is tagged with the {@value #TAGGER_MODEL} model, loaded once
 * per process from the CoreNLP models jar.
 *
 * <p>Thread safe: each thread has its own tokenizer and morphology, and every thread tags with the
 * one tagger. CoreNLP's {@code MaxentTagger} is thread safe (its own multi-threaded tagging shares
 * one instance across threads: {@code MaxentTagger.SentenceTaggingProcessor#newInstance}); each
 * {@code tagSentence} call works on its own {@code TestSentence}. One model per thread would cost
 * about 90 MB of heap and 0.6-1.3 s of loading per thread, measured.
 */
public final class LemmaAnnotator implements TextAnnotator {
  /** Class path of the part-of-speech model. */
  public static final String TAGGER_MODEL =
      "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";

  // long run-on "sentences" (tables, lists) are tagged in chunks to bound tagger time
  private static final int MAX_SENTENCE_TOKENS = 200;

  // loaded (and warmed) once, under the class's lock; volatile so a thread that sees it set sees it
  // whole
  private static volatile MaxentTagger sharedTagger;
  private static final ThreadLocal<LemmaMemo> LEMMAS = ThreadLocal.withInitial(LemmaMemo::new);

  private final LongAdder taggerNanos = new LongAdder();
  private final boolean tagged;

  /** An annotator that tags with CoreNLP: the one Quarry indexes with. */
  public LemmaAnnotator() {
    this(true);
  }

  private LemmaAnnotator(boolean tagged) {
    this.tagged = tagged;
  }

  /**
   * An annotator that skips the part-of-speech tagger and gives every word its untagged lemma: the
   * baseline that measures what the tagger costs, and a fast path for embedders who accept slightly
   * worse lemmas ({@code saw} stays {@code saw}).
   */
  public static LemmaAnnotator untagged() {
    return new LemmaAnnotator(false);
  }

  private final Analyzer words =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          StandardTokenizer source = new StandardTokenizer();
          return new TokenStreamComponents(source, new AcronymPluralFilter(source));
        }
      };

  @Override
  public LemmaAnnotation annotate(String text) {
    List<int[]> offsets = new ArrayList<>();
    List<String> surface = new ArrayList<>();
    try (TokenStream ts = words.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
        surface.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    int n = surface.size();
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      starts[i] = offsets.get(i)[0];
      ends[i] = offsets.get(i)[1];
    }
    int[] sentenceStarts = sentenceStarts(text, starts);
    String[] lemmas = new String[n];
    String[] untagged = new String[n];
    String[] posTags = tagged ? new String[n] : null;
    LemmaMemo memo = LEMMAS.get();
    for (int s = 0; s < sentenceStarts.length; s++) {
      int from = sentenceStarts[s];
      int to = s + 1 < sentenceStarts.length ? sentenceStarts[s + 1] : n;
      for (int chunk = from; chunk < to; chunk += MAX_SENTENCE_TOKENS) {
        int chunkEnd = Math.min(to, chunk + MAX_SENTENCE_TOKENS);
        List<String> tags = tagged ? tag(surface.subList(chunk, chunkEnd)) : null;
        for (int i = chunk; i < chunkEnd; i++) {
          String word = surface.get(i);
          String plain = memo.untagged(word);
          lemmas[i] = tagged ? memo.tagged(word, tags.get(i - chunk)) : plain;
          untagged[i] = plain.equals(lemmas[i]) ? null : plain;
          if (tagged) {
            posTags[i] = tags.get(i - chunk);
          }
        }
      }
    }
    return new LemmaAnnotation(starts, ends, lemmas, untagged, posTags, sentenceStarts);
  }

  @Override
  public AnalysisStamp stamp() {
    return AnalysisStamp.of(tagged ? AnalysisStamp.TAGGED : AnalysisStamp.UNTAGGED);
  }

  @Override
  public long taggerNanos() {
    return taggerNanos.sum();
  }

  private List<String> tag(List<String> sentence) {
    long t0 = System.nanoTime();
    try {
      List<HasWord> words = new ArrayList<>(sentence.size());
      for (String w : sentence) {
        words.add(new Word(w));
      }
      List<TaggedWord> tagged = tagger().tagSentence(words);
      List<String> tags = new ArrayList<>(tagged.size());
      for (TaggedWord tw : tagged) {
        tags.add(tw.tag());
      }
      return tags;
    } finally {
      taggerNanos.add(System.nanoTime() - t0);
    }
  }

  private static MaxentTagger tagger() {
    MaxentTagger tagger = sharedTagger;
    if (tagger == null) {
      synchronized (LemmaAnnotator.class) {
        tagger = sharedTagger;
        if (tagger == null) {
          tagger = loadTagger();
          sharedTagger = tagger;
        }
      }
    }
    return tagger;
  }

  private static MaxentTagger loadTagger() {
    MaxentTagger tagger;
    try {
      tagger = new MaxentTagger(TAGGER_MODEL);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot load the CoreNLP tagger model "
              + TAGGER_MODEL
              + " from the class path; put stanford-corenlp-4.5.10-models.jar on it",
          e);
    }
    // the tagger fills some tables on its first sentence (its default scores, for one) without a
    // lock a second thread would wait on: tag one before any other thread can see it
    tagger.tagSentence(List.of(new Word("Warm"), new Word("up"), new Word(".")));
    return tagger;
  }

  // the index of the first token of each sentence; sentences without tokens are dropped
  private static int[] sentenceStarts(String text, int[] tokenStarts) {
    if (tokenStarts.length == 0) {
      return new int[0];
    }
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
    it.setText(text);
    List<Integer> result = new ArrayList<>();
    int token = 0;
    for (int end = it.next();
        end != BreakIterator.DONE && token < tokenStarts.length;
        end = it.next()) {
      if (tokenStarts[token] < end) {
        result.add(token);
        while (token < tokenStarts.length && tokenStarts[token] < end) {
          token++;
        }
      }
    }
    if (token < tokenStarts.length) {
      result.add(token);
    }
    return result.stream().mapToInt(Integer::intValue).toArray();
  }
}
