package org.entente.serve;

import java.util.List;

/**
 * A query parameter of a {@link Route}: what the OpenAPI description says about it and what {@link
 * Query} accepts.
 *
 * @param name the name, as on the command line without the leading {@code --}
 * @param type {@code string}, {@code integer} or {@code boolean}
 * @param required whether a request without it is rejected
 * @param description what it means, with its default
 * @param values the accepted values, or empty for free text checked by the handler
 * @param example an example value, or {@code null}
 */
record Param(
    String name,
    String type,
    boolean required,
    String description,
    List<String> values,
    String example) {

  Param {
    values = List.copyOf(values);
  }

  /** An optional string parameter. */
  static Param optional(String name, String description, String example) {
    return new Param(name, "string", false, description, List.of(), example);
  }

  /** A required string parameter. */
  static Param required(String name, String description, String example) {
    return new Param(name, "string", true, description, List.of(), example);
  }

  /** An optional parameter taking one of {@code values}. */
  static Param choice(String name, String description, List<String> values) {
    return new Param(name, "string", false, description, values, values.get(0));
  }

  /** An optional boolean parameter (true, false, 1, 0, or present without a value: true). */
  static Param flag(String name, String description) {
    return new Param(name, "boolean", false, description, List.of(), "true");
  }

  /** An optional integer parameter. */
  static Param integer(String name, String description, String example) {
    return new Param(name, "integer", false, description, List.of(), example);
  }

  /** An optional number parameter. */
  static Param number(String name, String description, String example) {
    return new Param(name, "number", false, description, List.of(), example);
  }
}
