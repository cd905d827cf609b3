package org.quarry.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A case of a qualitative project, usually a participant, with its attributes.
 *
 * @param id the case's id (a participant code such as {@code P01})
 * @param attributes attribute name to value (role, region, …), sorted by name; never null
 * @param guid the case's GUID in the REFI-QDA project it was imported from (lower case, no braces),
 *     so an export gives the tool back its own case; null for a case Quarry found in its passages,
 *     which is exported under a GUID generated from its id
 */
public record Case(String id, Map<String, String> attributes, String guid) {
  public Case {
    Objects.requireNonNull(id, "id");
    attributes =
        attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
  }

  /** A case no QDA tool knows: no GUID of its own. */
  public Case(String id, Map<String, String> attributes) {
    this(id, attributes, null);
  }
}
