/**
 * Index: passages into Lucene documents (one per passage, with facets and offsets), written
 * incrementally by content hash. Field names live in {@link org.quarry.index.Fields}.
 */
package org.quarry.index;
