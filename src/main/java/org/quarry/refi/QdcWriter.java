package org.quarry.refi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.quarry.model.Codebook;
import org.quarry.output.OutputFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a codebook as a REFI-QDA codebook ({@code .qdc}, QDA-XML codebook 1.0): nested {@code
 * Code} elements with stable GUIDs (a code's own GUID when it was read from a QDA tool, else UUID
 * v5 of the code id, see {@link RefiGuids}), so a project exported by {@link QdpxWriter} and this
 * codebook agree on every code's GUID.
 */
public final class QdcWriter {
  private QdcWriter() {}

  /**
   * The {@code .qdc} document as UTF-8 bytes.
   *
   * @throws IllegalArgumentException when the codebook has no codes (the schema needs one)
   */
  public static byte[] toBytes(Codebook codebook) {
    if (codebook.codes().isEmpty()) {
      throw new IllegalArgumentException(
          "codebook '"
              + codebook.name()
              + "' has no codes; a REFI-QDA codebook needs at least one");
    }
    Document doc = RefiXml.builder().newDocument();
    Element root = doc.createElementNS(RefiXml.CODEBOOK_NS, "CodeBook");
    root.setAttribute("origin", "Quarry");
    doc.appendChild(root);
    RefiCodes.appendCodes(doc, root, RefiXml.CODEBOOK_NS, codebook, new UsedGuids());
    return RefiXml.serialise(doc);
  }

  /** Writes the {@code .qdc} to {@code out} (left open). */
  public static void write(Codebook codebook, OutputStream out) throws IOException {
    out.write(toBytes(codebook));
  }

  /** Writes the {@code .qdc} to {@code file}, replacing it. */
  public static void write(Codebook codebook, Path file) throws IOException {
    byte[] bytes = toBytes(codebook);
    OutputFile.write(file, out -> out.write(bytes));
  }
}
