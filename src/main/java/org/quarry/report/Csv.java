package org.quarry.report;

import java.util.List;

/** RFC 4180 fields: quoted only when they hold a comma, quote, CR or LF; rows end with LF. */
public final class Csv {
  private Csv() {}

  /** The field as written in a row: null as empty, quoted when it must be. */
  public static String field(String value) {
    String v = value == null ? "" : value;
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  static void row(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append('\n');
  }
}
