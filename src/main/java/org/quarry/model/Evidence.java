package org.quarry.model;

/**
 * A lexicon term that matched, and where: the words that earned a suggestion.
 *
 * @param term the lexicon entry that matched (as written in the codebook)
 * @param matched the words of the passage it matched
 * @param start first code point of the match in the source file as read
 * @param end one past the last code point
 */
public record Evidence(String term, String matched, int start, int end) {}
