/**
 * Index: passages into Lucene documents (one per passage, with facets and offsets), written
 * incrementally by content hash, and what people decided about each source (imported human codings,
 * accept and reject decisions) kept beside its passages ({@link org.quarry.index.KeptCodings}).
 * Field names live in {@link org.quarry.index.Fields}.
 */
package org.quarry.index;
