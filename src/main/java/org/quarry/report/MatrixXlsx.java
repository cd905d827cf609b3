package org.quarry.report;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quarry.model.Code;
import org.quarry.model.MatrixQuote;

/**
 * Writes a framework matrix as an Excel workbook: sheet {@code counts} (the matrix of passage
 * counts, header row frozen) and sheet {@code quotes} (one line per passage per cell: row, code,
 * code path, participant, source, start, end, score, text). Excel holds at most 32,767 characters
 * in a cell; longer quotes are cut there and end with an ellipsis.
 */
public final class MatrixXlsx {
  private MatrixXlsx() {}

  static final int MAX_CELL = 32_767;

  /** Writes the workbook to {@code out} (left open). */
  public static void write(FrameworkMatrix m, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet counts = wb.createSheet("counts");
      Row head = counts.createRow(0);
      head.createCell(0).setCellValue(m.rowsBy().dimension());
      int col = 1;
      for (Code c : m.columns()) {
        head.createCell(col++).setCellValue(c.name());
      }
      int r = 1;
      for (String row : m.rows()) {
        Row x = counts.createRow(r++);
        x.createCell(0).setCellValue(row);
        col = 1;
        for (Code c : m.columns()) {
          x.createCell(col++).setCellValue(m.count(row, c.id()));
        }
      }
      counts.createFreezePane(1, 1);

      Sheet quotes = wb.createSheet("quotes");
      String[] names = {
        m.rowsBy().dimension(),
        "code",
        "code path",
        "participant",
        "source",
        "start",
        "end",
        "score",
        "text"
      };
      Row qh = quotes.createRow(0);
      for (int i = 0; i < names.length; i++) {
        qh.createCell(i).setCellValue(names[i]);
      }
      r = 1;
      for (String row : m.rows()) {
        for (Code c : m.columns()) {
          for (MatrixQuote q : m.quotes(row, c.id())) {
            Row x = quotes.createRow(r++);
            x.createCell(0).setCellValue(row);
            x.createCell(1).setCellValue(c.name());
            x.createCell(2).setCellValue(m.tree().path(c.id()));
            x.createCell(3).setCellValue(q.participant() == null ? "" : q.participant());
            x.createCell(4).setCellValue(q.source());
            x.createCell(5).setCellValue(q.start());
            x.createCell(6).setCellValue(q.end());
            x.createCell(7).setCellValue(q.score());
            x.createCell(8).setCellValue(fit(q.text()));
          }
        }
      }
      quotes.createFreezePane(0, 1);
      wb.write(out);
    }
  }

  static String fit(String s) {
    if (s.length() <= MAX_CELL) {
      return s;
    }
    int cut = MAX_CELL - 1;
    if (Character.isLowSurrogate(s.charAt(cut))) {
      cut--;
    }
    return s.substring(0, cut) + "…";
  }
}
