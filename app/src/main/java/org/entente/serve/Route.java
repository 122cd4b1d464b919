package org.entente.serve;

import java.util.List;
import java.util.function.Function;

/**
 * One GET route of the JSON API: its path, what it returns, its parameters and the handler that
 * maps a validated {@link Query} to a stage API call. The handler's result is a JSON-able value
 * (maps, lists, strings, numbers, booleans, null) written by {@link org.entente.report.JsonOutput}.
 *
 * @param path the path, e.g. {@code /api/series}
 * @param summary one line on what it returns
 * @param cli the command it mirrors, or {@code null}
 * @param params every parameter it accepts; any other is a 400
 * @param handler the handler
 */
record Route(
    String path, String summary, String cli, List<Param> params, Function<Query, Object> handler) {

  Route {
    params = List.copyOf(params);
  }

  /** The declared parameter named {@code name}, or {@code null}. */
  Param param(String name) {
    for (Param p : params) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }
}
