package org.entente.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 description of the routes, generated from their declarations in {@link Routes},
 * so it cannot drift from what the server accepts.
 */
final class OpenApi {
  private OpenApi() {}

  static Map<String, Object> describe(List<Route> routes) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Route r : routes) {
      List<Object> params = new ArrayList<>();
      for (Param p : r.params()) {
        Map<String, Object> schema = Views.obj("type", p.type());
        if (!p.values().isEmpty()) {
          schema.put("enum", p.values());
        }
        Map<String, Object> param =
            Views.obj(
                "name", p.name(),
                "in", "query",
                "required", p.required(),
                "description", p.description(),
                "schema", schema);
        if (p.example() != null) {
          param.put("example", p.example());
        }
        params.add(param);
      }
      Map<String, Object> get =
          Views.obj(
              "summary",
              r.summary(),
              "description",
              r.cli() == null ? "" : "Mirrors `" + r.cli() + "`.",
              "parameters",
              params,
              "responses",
              Views.obj(
                  "200", response("The result."),
                  "400", error("A bad parameter; the message and 'parameter' name it."),
                  "422", error("The data do not allow the analysis (e.g. too few periods)."),
                  "500", error("An internal error (logged by the server).")));
      paths.put(r.path(), Views.obj("get", get));
    }
    paths.put(
        Routes.OPENAPI,
        Views.obj(
            "get",
            Views.obj(
                "summary",
                "This description.",
                "responses",
                Views.obj("200", response("OpenAPI 3.0 document.")))));
    return Views.obj(
        "openapi",
        "3.0.3",
        "info",
        Views.obj(
            "title", "Entente API",
            "version", "1",
            "description",
                "Read-only JSON API over an Entente store. Every route is GET; parameters"
                    + " mirror the command line's options."),
        "paths",
        paths,
        "components",
        Views.obj(
            "schemas",
            Views.obj(
                "Error",
                Views.obj(
                    "type",
                    "object",
                    "properties",
                    Views.obj(
                        "status", Views.obj("type", "integer"),
                        "error", Views.obj("type", "string"),
                        "message", Views.obj("type", "string"),
                        "parameter", Views.obj("type", "string"))))));
  }

  private static Map<String, Object> response(String description) {
    return Views.obj(
        "description",
        description,
        "content",
        Views.obj("application/json", Views.obj("schema", Views.obj("type", "object"))));
  }

  private static Map<String, Object> error(String description) {
    return Views.obj(
        "description",
        description,
        "content",
        Views.obj(
            "application/json",
            Views.obj("schema", Views.obj("$ref", "#/components/schemas/Error"))));
  }
}
