package org.quarry.api;

import java.io.IOException;
import java.util.List;
import org.quarry.analysis.TextAnnotator;
import org.quarry.index.Decided;
import org.quarry.index.IndexLockedException;
import org.quarry.index.Indexer;
import org.quarry.model.Decision;

/**
 * Records a researcher's decision on a suggested code ({@link Quarry#accept}, {@link
 * Quarry#reject}) through the index's one writer, the way suggestion stores codes, and keeps an
 * accepted code the code tree lacks in it, so an export has the code to put the coding under.
 */
final class DecisionJob {
  // recording a decision rewrites a passage from its stored fields; it never annotates text
  private static final TextAnnotator NO_ANNOTATOR =
      text -> {
        throw new IllegalStateException("recording a decision must not annotate text");
      };

  private final IndexFolder folder;
  private final IndexSearch search;

  DecisionJob(IndexFolder folder, IndexSearch search) {
    this.folder = folder;
    this.search = search;
  }

  /** Records the decision; see {@link Quarry#accept} for what it does and throws. */
  DecisionReport decide(String passageId, String code, boolean accepted) {
    checkPassageId(passageId);
    checkCode(code);
    folder.requireIndex();
    if (search.passage(passageId).isEmpty()) {
      throw new QuarryException(
          "no passage '"
              + passageId
              + "' in index "
              + folder.dir()
              + "; a passage id is SOURCE#START-END, the \"id\" of a hit of 'quarry search QUERY --format json'");
    }
    Decided decided;
    try (Indexer indexer = folder.openIndexer(NO_ANNOTATOR)) {
      decided = indexer.decide(passageId, code, accepted);
    } catch (IllegalArgumentException e) {
      // the passage went between the look-up and the write (another process re-indexed)
      throw new QuarryException(
          e.getMessage() + " of " + folder.dir() + "; search again for its id", e);
    } catch (IndexLockedException e) {
      throw IndexFolder.locked(e);
    } catch (IOException e) {
      throw folder.writeFailed(e);
    } finally {
      search.release(); // the next read sees the decision
    }
    KeptCodebook tree = folder.codebook();
    org.quarry.model.Codebook kept = tree.read();
    boolean inTree = kept != null && kept.code(code).isPresent();
    if (accepted && !inTree) {
      // after the commit: should this fail, the code is still on the passage, which export reads
      tree.add(code, folder.dir().getFileName().toString());
    }
    return new DecisionReport(
        decided.decision(),
        decided.previous(),
        !inTree && !decided.codeWasStored(),
        decided.importedCodingStays());
  }

  /** Every decision kept with the index; see {@link Quarry#decisions}. */
  List<Decision> decisions() {
    if (!folder.hasIndex()) {
      return List.of();
    }
    return List.copyOf(search.decisions());
  }

  private static void checkPassageId(String passageId) {
    if (passageId == null || passageId.isBlank()) {
      throw new QuarryException(
          "the passage id is blank; give one as SOURCE#START-END, the \"id\" of a hit of"
              + " 'quarry search QUERY --format json'");
    }
  }

  // a code id is stored between tabs and in JSON; blanks, tabs and line breaks would be a
  // different code from the one the researcher meant, or none
  private static void checkCode(String code) {
    if (code == null || code.isBlank()) {
      throw new QuarryException("the code is blank; give a code id, e.g. engaging-the-system");
    }
    if (code.chars().anyMatch(Character::isISOControl)) {
      throw new QuarryException(
          "code '"
              + code.replaceAll("\\p{Cntrl}", "?")
              + "' holds a tab, line break or other control character; give the code id as the codebook has it");
    }
    if (!code.equals(code.strip())) {
      throw new QuarryException(
          "code '"
              + code
              + "' starts or ends with a space; give the code id as the"
              + " codebook has it");
    }
  }
}
