package org.quarry.refi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quarry.model.Code;
import org.quarry.model.CodeTree;
import org.quarry.model.Codebook;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a codebook as nested REFI-QDA {@code Code} elements (the same shape in a project and in a
 * {@code .qdc}): a code's own GUID when it was read from a QDA tool, else one from {@link
 * RefiGuids}; every code codable, a colour picked from a fixed palette by id, the description as
 * {@code Description}.
 */
final class RefiCodes {
  private static final String[] PALETTE = {
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F",
    "#BCBD22", "#17BECF", "#AEC7E8", "#FFBB78"
  };

  private RefiCodes() {}

  /**
   * Appends the codebook's {@code Codes} to {@code parent}.
   *
   * @param guids the GUIDs of the document being written
   * @return each code's GUID by code id, for the codings that refer to it
   */
  static Map<String, String> appendCodes(
      Document doc, Element parent, String ns, Codebook codebook, UsedGuids guids) {
    return appendCodes(doc, parent, ns, codebook, guids, false);
  }

  /**
   * Appends the codebook's {@code Codes} to {@code parent}; with {@code noteIds}, a code whose id
   * an import would not make from its name says its id in its description ({@link
   * RefiNotes#codeDescription}), so it keeps it through a tool that mints new GUIDs.
   *
   * @param guids the GUIDs of the document being written
   * @return each code's GUID by code id, for the codings that refer to it
   */
  static Map<String, String> appendCodes(
      Document doc,
      Element parent,
      String ns,
      Codebook codebook,
      UsedGuids guids,
      boolean noteIds) {
    CodeTree tree = new CodeTree(codebook);
    Map<String, String> guidById = new HashMap<>();
    // in codebook order, not the tree's: a kept codebook lists the latest import's codes first, so
    // a code the tool renamed and moved keeps its GUID over the old code left from an earlier
    // import
    for (Code c : codebook.codes()) {
      if (!guidById.containsKey(c.id())) {
        guidById.put(c.id(), guids.take(c.guid(), "code", c.id()));
      }
    }
    Element codes = RefiXml.child(doc, parent, ns, "Codes");
    for (Code root : tree.roots()) {
      append(doc, codes, ns, tree, root, guidById, noteIds);
    }
    return guidById;
  }

  private static void append(
      Document doc,
      Element parent,
      String ns,
      CodeTree tree,
      Code c,
      Map<String, String> guidById,
      boolean noteIds) {
    Element e = RefiXml.child(doc, parent, ns, "Code");
    String name = RefiXml.clean(c.name() == null || c.name().isBlank() ? c.id() : c.name());
    e.setAttribute("guid", guidById.get(c.id()));
    e.setAttribute("name", name);
    e.setAttribute("isCodable", "true");
    e.setAttribute("color", PALETTE[Math.floorMod(c.id().hashCode(), PALETTE.length)]);
    String description =
        noteIds ? RefiNotes.codeDescription(c.description(), c.id(), name) : c.description();
    if (description != null && !description.isBlank()) {
      RefiXml.child(doc, e, ns, "Description").setTextContent(RefiXml.clean(description));
    }
    List<Code> kids = tree.children(c.id());
    for (Code k : kids) {
      append(doc, e, ns, tree, k, guidById, noteIds);
    }
  }
}
