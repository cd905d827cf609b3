package org.quarry.model;

/**
 * A word or phrase over-represented in the passages a code or query matches.
 *
 * @param term the lemma, or two lemmas joined by a space for a phrase
 * @param phrase whether it is a phrase
 * @param in occurrences in the matched passages
 * @param out occurrences in the other passages
 * @param g2 Dunning's log-likelihood G² of {@code in} against {@code out}
 * @param example id of a matched passage it occurs in (the one with most occurrences, ties by id)
 */
public record KeyTerm(String term, boolean phrase, int in, int out, double g2, String example) {}
