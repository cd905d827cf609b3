package org.quarry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request's JSON object body, read with a hard size limit (a chunked body announces no length, so
 * the limit is on the bytes read) and checked against the fields a route knows.
 */
final class JsonBody {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode body;

  private JsonBody(JsonNode body) {
    this.body = body;
  }

  /**
   * Reads the body of {@code request} as a JSON object whose fields are all in {@code known}; a 413
   * past {@link RequestGuard#MAX_BODY_BYTES}, a 400 naming the field at fault otherwise.
   */
  static JsonBody read(Request request, Set<String> known) {
    byte[] bytes;
    try (InputStream in = Content.Source.asInputStream(request)) {
      bytes = in.readNBytes((int) RequestGuard.MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw new ApiError(400, "the request body could not be read: " + e.getMessage(), null);
    }
    if (bytes.length > RequestGuard.MAX_BODY_BYTES) {
      throw new ApiError(
          413, "the request body is over " + RequestGuard.MAX_BODY_BYTES + " bytes", null);
    }
    JsonNode body;
    try {
      body = bytes.length == 0 ? null : JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "the request body is not JSON: " + e.getOriginalMessage(), "body");
    } catch (IOException e) {
      throw new ApiError(400, "the request body could not be read: " + e.getMessage(), "body");
    }
    if (body == null || !body.isObject()) {
      throw new ApiError(
          400,
          "the request body must be a JSON object with " + String.join(", ", new TreeSet<>(known)),
          "body");
    }
    List<String> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!known.contains(f)) {
                unknown.add(f);
              }
            });
    if (!unknown.isEmpty()) {
      throw new ApiError(
          400,
          "unknown field '"
              + String.join("', '", unknown)
              + "'; this route takes "
              + String.join(", ", new TreeSet<>(known)),
          unknown.get(0));
    }
    return new JsonBody(body);
  }

  /** The string field {@code name}; a 400 naming it when it is missing, blank or not a string. */
  String text(String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      throw new ApiError(400, "field '" + name + "' is required", name);
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new ApiError(400, "field '" + name + "' must be a non-empty string", name);
    }
    return v.asText();
  }

  /**
   * The string field {@code name}, or null when it is absent; a 400 naming it when not a string.
   */
  String optionalText(String name) {
    JsonNode v = body.get(name);
    return v == null || v.isNull() ? null : text(name);
  }

  /**
   * The whole-number field {@code name} from {@code min} to {@code max}, {@code dflt} when absent;
   * a 400 naming it otherwise.
   */
  int optionalInt(String name, int dflt, int min, int max) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < min || v.intValue() > max) {
      throw new ApiError(
          400, "field '" + name + "' must be a whole number from " + min + " to " + max, name);
    }
    return v.intValue();
  }
}
