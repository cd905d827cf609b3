/**
 * Reports: the framework matrix and the exporters and importers (CSV, JSONL, REFI-QDA).
 */
package org.quarry.report;
