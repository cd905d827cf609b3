/**
 * Search: parse a query, rank passages with BM25, count facets (drill-down and drill-sideways) and
 * highlight quotes.
 */
package org.quarry.search;
