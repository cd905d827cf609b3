package org.quarry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quarry.model.Code;
import org.quarry.model.MatrixQuote;
import org.quarry.report.CellMode;

/** A framework {@link Matrix} as JSON, for the HTTP API's {@code GET /api/v1/matrix}. */
public final class MatrixJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MatrixJson() {}

  /**
   * {@code {"rowsBy", "columns": [{"id", "name", "parent"}], "rows": [{"label", "cells": [{"code",
   * "count", "quotes"?}]}], "unplaced": [...]}}, pretty-printed; a row's cells follow the columns.
   * With {@code cells} {@code quotes} each cell lists its passages as {@code {"id", "participant",
   * "score"}}.
   *
   * @param cells {@code count} or {@code quotes}
   * @throws QuarryException naming {@code cells} for another value
   */
  public static String write(Matrix matrix, String cells) {
    CellMode mode;
    try {
      mode = CellMode.parse(cells);
    } catch (IllegalArgumentException e) {
      throw QuarryException.badParameter("cells", "--cells: " + e.getMessage(), e);
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("rowsBy", matrix.rowsBy());
    ArrayNode columns = o.putArray("columns");
    for (Code c : matrix.columns()) {
      columns.addObject().put("id", c.id()).put("name", c.name()).put("parent", c.parent());
    }
    ArrayNode rows = o.putArray("rows");
    for (String row : matrix.rows()) {
      ObjectNode ro = rows.addObject().put("label", row);
      ArrayNode cellList = ro.putArray("cells");
      for (Code c : matrix.columns()) {
        ObjectNode cell =
            cellList.addObject().put("code", c.id()).put("count", matrix.count(row, c.id()));
        if (mode == CellMode.QUOTES) {
          ArrayNode quotes = cell.putArray("quotes");
          for (MatrixQuote q : matrix.quotes(row, c.id())) {
            quotes
                .addObject()
                .put("id", q.passageId())
                .put("participant", q.participant())
                .put("score", q.score());
          }
        }
      }
    }
    matrix.unplaced().forEach(o.putArray("unplaced")::add);
    return Json.pretty(MAPPER, o);
  }
}
