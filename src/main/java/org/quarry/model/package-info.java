/**
 * Immutable records that cross the stages of Quarry's data flow: {@link org.quarry.model.Source} (a
 * file as read and normalised), {@link org.quarry.model.Passage} (the unit of search and coding),
 * {@link org.quarry.model.Hit} (a ranked passage), and the coding records {@link
 * org.quarry.model.Code}, {@link org.quarry.model.Codebook}, {@link org.quarry.model.Suggestion},
 * {@link org.quarry.model.Coding} and {@link org.quarry.model.Decision} (a researcher's accept or
 * reject of a code for a passage).
 *
 * <p>Nothing here knows about Lucene, CoreNLP or files on disk.
 */
package org.quarry.model;
