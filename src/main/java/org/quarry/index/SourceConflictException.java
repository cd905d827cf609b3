package org.quarry.index;

/**
 * An update would replace a source that was read from another file which still exists: two files
 * under one id. Nothing of that source is written; the caller gives the new file another id (the
 * index run qualifies it by its folder).
 */
public final class SourceConflictException extends RuntimeException {
  /**
   * @param id the source id both files claim
   * @param indexedFrom the file the index holds it from
   * @param newFile the file that would replace it
   */
  public SourceConflictException(String id, String indexedFrom, String newFile) {
    super(
        "source "
            + id
            + " is indexed from "
            + indexedFrom
            + ", which still exists; "
            + newFile
            + " would replace it: give the new file another id (index its folder) or use another --index");
  }
}
