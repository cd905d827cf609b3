package org.quarry.api;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.quarry.model.Coding;
import org.quarry.model.Decision;
import org.quarry.model.Hit;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import org.quarry.model.Source;
import org.quarry.search.AllPassages;
import org.quarry.search.PassageSearcher;
import org.quarry.search.QuerySyntaxException;

/**
 * The read side of an index, shared by every job: one {@link PassageSearcher}, opened on first use
 * and released when a job has written to the index or replaced the kept glossary, so that the next
 * read opens a searcher that sees the change. Failures come out as {@link QuarryException}s.
 */
final class IndexSearch implements AutoCloseable {
  private final IndexFolder folder;
  private PassageSearcher searcher;
  // readers of each searcher still open: a released searcher closes when its last reader is done,
  // so a write in one thread never closes the searcher under a read in another (the HTTP server
  // reads and writes from many threads at once)
  private final java.util.Map<PassageSearcher, Integer> readers = new java.util.IdentityHashMap<>();

  /** A read of the searcher that may fail with an {@link IOException}. */
  @FunctionalInterface
  interface Read<T> {
    /** Reads from {@code searcher}. */
    T from(PassageSearcher searcher) throws IOException;
  }

  /**
   * Runs {@code read} on the current searcher (opening one when none is), which stays open until
   * the read is done even when another thread releases it meanwhile.
   *
   * @throws FileNotFoundException when nothing has been indexed yet
   */
  <T> T read(Read<T> read) throws IOException {
    PassageSearcher s;
    synchronized (this) {
      s = searcher();
      readers.merge(s, 1, Integer::sum);
    }
    try {
      return read.from(s);
    } finally {
      done(s);
    }
  }

  private synchronized void done(PassageSearcher s) throws IOException {
    int left = readers.merge(s, -1, Integer::sum);
    if (left == 0) {
      readers.remove(s);
      if (s != searcher) {
        s.close(); // released while it was read
      }
    }
  }

  IndexSearch(IndexFolder folder) {
    this.folder = folder;
  }

  /** True when the index holds no passage (or does not exist yet). */
  boolean isEmpty() {
    return passageCount() == 0;
  }

  /** How many passages the index holds, near duplicates included; 0 when it does not exist. */
  long passageCount() {
    if (!folder.hasIndex()) {
      return 0;
    }
    try {
      return read(PassageSearcher::passageCount);
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** Searches passages; a bad query, facet or filter is named as the parameter at fault. */
  /**
   * Why {@code request} may find less than meant, one line each; empty when nothing is doubtful.
   */
  List<String> doubts(SearchRequest request) {
    if (!folder.hasIndex()) {
      return List.of();
    }
    try {
      return read(s -> s.doubts(request));
    } catch (QuerySyntaxException e) {
      throw QuarryException.badParameter("q", e.getMessage(), e);
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  SearchResult search(SearchRequest request) {
    try {
      return read(s -> s.search(request));
    } catch (QuerySyntaxException e) {
      throw QuarryException.badParameter("q", e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      throw QuarryException.badParameter(m.contains("facet dimension") ? "facet" : "filter", m, e);
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  // a machine that only searches a SolrCloud collection holds no passages: the glossary kept in
  // the folder (if any) is all a query's analysis needs; read once, as a searcher reads it
  private org.quarry.search.QueryReader glossaryReader;

  private synchronized org.quarry.search.QueryReader glossaryReader() {
    if (glossaryReader == null) {
      glossaryReader = new org.quarry.search.QueryReader(folder.glossary());
    }
    return glossaryReader;
  }

  /**
   * {@code query} parsed and analysed as a search of this index would be (lemmas, glossary).
   *
   * @throws QuarryException for a query syntax error
   */
  org.apache.lucene.search.Query parse(String query) {
    try {
      if (!folder.hasIndex()) {
        return glossaryReader().parse(query);
      }
      return read(s -> s.parse(query));
    } catch (QuerySyntaxException e) {
      throw QuarryException.badParameter("q", e.getMessage(), e);
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** The passage with this id, if the index holds it. */
  Optional<Hit> passage(String id) {
    try {
      return read(s -> s.get(id));
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** The passages of one source, by offset. */
  List<Hit> inSource(String source) {
    try {
      return read(s -> s.inSource(source));
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** Every passage, by source and offset; near duplicates only when asked for. */
  List<Hit> passages(boolean includeDuplicates) {
    try {
      return read(s -> s.all(includeDuplicates));
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** Every passage, near duplicates included and marked, in one read. */
  AllPassages allPassages() {
    try {
      return read(s -> s.allMarked());
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** The file each indexed source came from, by id; empty before the first run. */
  java.util.Map<String, org.quarry.model.SourceOrigin> sourceOrigins() {
    if (!folder.hasIndex()) {
      return java.util.Map.of();
    }
    try {
      return read(s -> s.sourceOrigins());
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** The attribute dimensions of the index's passages, by name; empty before the first run. */
  List<String> attributeNames() {
    if (!folder.hasIndex()) {
      return List.of();
    }
    try {
      return read(s -> s.attributeNames());
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** Every source with the text Quarry keeps for it, by id. */
  List<Source> sources() {
    try {
      return read(s -> s.sources());
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** The human codings kept with their exact spans: REFI-QDA imports and accepted decisions. */
  List<Coding> humanCodings() {
    try {
      return read(s -> s.keptCodings());
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** Every researcher's decision kept with the index, applied or not. */
  List<Decision> decisions() {
    try {
      return read(s -> s.decisions());
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** The cases of imported projects, with their GUIDs, those no source refers to included. */
  List<org.quarry.model.Case> keptCases() {
    try {
      return read(s -> s.keptCases());
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  // the current searcher, opened when none is; callers hold this object's lock
  private PassageSearcher searcher() throws IOException {
    if (searcher == null) {
      if (!folder.hasIndex()) {
        throw new FileNotFoundException(
            "no Quarry index in " + folder.dir() + "; run 'quarry index' first");
      }
      folder.requireReadableStamp();
      searcher = PassageSearcher.open(folder.dir(), folder.glossary());
    }
    return searcher;
  }

  /**
   * Lets the searcher go, if open: closed now, or when the reads still using it are done; the next
   * read opens one that sees what was written since.
   */
  synchronized void release() {
    glossaryReader = null; // a replaced glossary is read again
    if (searcher != null) {
      try {
        if (!readers.containsKey(searcher)) {
          searcher.close();
        }
      } catch (IOException e) {
        throw new QuarryException(
            "cannot close index " + folder.dir() + ": " + e.getMessage(),
            QuarryException.PARTIAL_FAILURE,
            e);
      } finally {
        searcher = null;
      }
    }
  }

  @Override
  public void close() {
    release();
  }
}
