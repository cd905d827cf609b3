package org.quarry.model;

/**
 * One human coding to evaluate against: a quote (or span) of a document and its code.
 *
 * @param line where it was read (line of a JSON-lines file, or coding number of a project)
 * @param doc the source id it belongs to
 * @param participant the speaker's code, or null
 * @param code the code id
 * @param quote the quoted words, or null when the item gives a span
 * @param start first code point of the span, or -1 with a quote
 * @param end one past the last code point, or -1 with a quote
 */
public record GoldItem(
    int line, String doc, String participant, String code, String quote, int start, int end) {}
