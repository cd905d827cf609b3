package org.quarry.refi;

import java.util.HashSet;
import java.util.Set;

/**
 * The GUIDs handed out in one exported document. An element keeps the GUID it had in its QDA tool
 * unless another element of the document already took it: after a code is renamed in the tool and
 * the project imported again, the index keeps the old code (its id is still on passages) beside the
 * new one, both with the tool's GUID, and a project where two codes share a GUID would not be read
 * back as two codes.
 */
final class UsedGuids {
  private final Set<String> used = new HashSet<>();

  /**
   * {@code kept} if it is a GUID not yet taken here, else the generated GUID of {@code kind:key};
   * when a kept GUID already took that one (a code Quarry made, exported, renamed in the tool and
   * imported again keeps the GUID generated for its old id, which the old code would get again),
   * the generated GUID of {@code kind:key#2}, {@code #3}, … that is free.
   */
  String take(String kept, String kind, String key) {
    String k = kept == null ? null : RefiGuids.kept(kept);
    String guid = k != null && !used.contains(k) ? k : RefiGuids.of(kind, key);
    for (int n = 2; used.contains(guid); n++) {
      guid = RefiGuids.of(kind, key + "#" + n);
    }
    used.add(guid);
    return guid;
  }
}
