package org.quarry.index;

import org.quarry.model.Decision;

/**
 * What recording one decision did ({@link Indexer#decide}).
 *
 * @param decision the decision now kept
 * @param previous the decision it replaced (the same code on the same passage), or null
 * @param importedCodingStays true when the decision is a rejection and a human coding imported from
 *     a QDA tool still puts the code on the passage
 * @param codeWasStored true when some passage carried the code before, so the index knew it
 */
public record Decided(
    Decision decision, Decision previous, boolean importedCodingStays, boolean codeWasStored) {}
