package org.quarry.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.quarry.output.OutputFile;
import org.quarry.report.CellMode;
import org.quarry.report.MatrixCsv;
import org.quarry.report.MatrixHtml;
import org.quarry.report.MatrixMarkdown;
import org.quarry.report.MatrixXlsx;

/**
 * How a {@link Matrix} is written: {@code csv}, {@code md}, {@code html} or {@code xlsx}, cells
 * showing passage counts or the quotes themselves (html always shows both; xlsx has a sheet of
 * each). The CLI's {@code quarry matrix} writes through this, so embedders get the same bytes.
 */
public final class MatrixOutput {
  /** Values {@link #of} accepts as a format. */
  public static final List<String> FORMATS = List.of("csv", "md", "html", "xlsx");

  private final String format;
  private final CellMode cells;

  private MatrixOutput(String format, CellMode cells) {
    this.format = format;
    this.cells = cells;
  }

  /**
   * The output for a format and a cell mode.
   *
   * @param format {@code csv}, {@code md}, {@code html} or {@code xlsx}
   * @param cells {@code count} or {@code quotes}
   * @throws QuarryException naming the bad value
   */
  public static MatrixOutput of(String format, String cells) {
    if (!FORMATS.contains(format)) {
      throw new QuarryException(
          "--format '" + format + "' is not one of " + String.join(", ", FORMATS));
    }
    try {
      return new MatrixOutput(format, CellMode.parse(cells));
    } catch (IllegalArgumentException e) {
      throw new QuarryException("--cells: " + e.getMessage(), e);
    }
  }

  /** True for a binary format (xlsx), which only {@link #write} can produce. */
  public boolean binary() {
    return format.equals("xlsx");
  }

  /**
   * The matrix as text.
   *
   * @param title the HTML page's title (other formats have none)
   * @throws QuarryException for a binary format
   */
  public String render(Matrix matrix, String title) {
    var m = matrix.frameworkMatrix();
    return switch (format) {
      case "csv" -> MatrixCsv.render(m, cells);
      case "md" -> MatrixMarkdown.render(m, cells);
      case "html" -> MatrixHtml.render(m, title);
      default ->
          throw new QuarryException(
              "--format " + format + " writes a workbook: name the file with --out FILE");
    };
  }

  /**
   * Writes the matrix to {@code file}, replacing it whole or not at all.
   *
   * @param title the HTML page's title (other formats have none)
   * @throws IOException when the file cannot be written
   */
  public void write(Matrix matrix, String title, Path file) throws IOException {
    if (binary()) {
      OutputFile.write(file, o -> MatrixXlsx.write(matrix.frameworkMatrix(), o));
    } else {
      OutputFile.writeString(file, render(matrix, title));
    }
  }
}
