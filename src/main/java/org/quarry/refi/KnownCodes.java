package org.quarry.refi;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quarry.model.Code;
import org.quarry.model.CodeTree;
import org.quarry.model.Codebook;

/**
 * The code tree an index keeps from earlier imports, as {@link QdpxReader} looks a project's codes
 * up in it: by GUID, and by place (the code's name and its parents' names from the root down). A
 * known code's GUID is the one its tool gave it, or, for a code Quarry made, the one an export
 * writes for its id ({@link RefiGuids#of}).
 */
final class KnownCodes {
  private final Map<String, String> idByGuid = new HashMap<>();
  private final Map<String, List<String>> placeById = new HashMap<>();
  private final Map<List<String>, List<String>> idsByPlace = new HashMap<>();

  /** The codes of {@code known}; none when it is null. */
  KnownCodes(Codebook known) {
    if (known == null) {
      return;
    }
    CodeTree tree = new CodeTree(known);
    for (Code c : tree.preorder()) {
      List<String> place = new ArrayList<>();
      for (String id : tree.selfAndAncestors(c.id())) {
        place.add(key(tree.code(id).orElseThrow().name()));
      }
      Collections.reverse(place);
      placeById.put(c.id(), List.copyOf(place));
      idsByPlace.computeIfAbsent(List.copyOf(place), k -> new ArrayList<>()).add(c.id());
      String guid = c.guid() == null ? RefiGuids.of("code", c.id()) : RefiGuids.kept(c.guid());
      if (guid != null) {
        idByGuid.putIfAbsent(guid, c.id());
      }
    }
  }

  /** A code name as places compare it: NFC, outer white space dropped; "" for none. */
  static String key(String name) {
    return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).strip();
  }

  /** True when a known code has {@code guid} (normalised, {@link RefiGuids#normalise}). */
  boolean hasGuid(String guid) {
    return idByGuid.containsKey(guid);
  }

  /** The id of the known code with {@code guid}, if it sits at {@code place}; else null. */
  String sameGuidAndPlace(String guid, List<String> place) {
    String id = idByGuid.get(guid);
    return id != null && placeById.get(id).equals(place) ? id : null;
  }

  /** The ids of the known codes at {@code place}, in tree order. */
  List<String> atPlace(List<String> place) {
    return idsByPlace.getOrDefault(place, List.of());
  }
}
