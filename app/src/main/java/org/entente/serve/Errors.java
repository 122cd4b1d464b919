package org.entente.serve;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.UUID;
import org.entente.analyse.AnalysisException;
import org.entente.report.JsonOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error responses, all JSON {@code {"status", "error", "message"[, "parameter"]}}: 400 for a bad
 * parameter (naming it), 404 for an unknown route, 405 for a method other than GET, 422 when the
 * data do not allow the analysis asked for, and 500 for anything else. A 500 carries an incident id
 * and never a stack trace; the trace goes to the server's log with the same id.
 */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  private Errors() {}

  static void register(JavalinConfig config) {
    config.routes.exception(
        BadParameter.class,
        (e, ctx) ->
            send(
                ctx,
                400,
                Views.obj(
                    "status",
                    400,
                    "error",
                    "bad parameter",
                    "parameter",
                    e.parameter(),
                    "message",
                    e.getMessage())));
    config.routes.exception(
        AnalysisException.class,
        (e, ctx) ->
            send(
                ctx,
                422,
                Views.obj("status", 422, "error", "cannot analyse", "message", e.getMessage())));
    // a query the chosen source cannot answer (finer than its native frequency, event filters on
    // an aggregate, a score whose measures it lacks): the request is valid, the data cannot serve
    // it
    config.routes.exception(
        org.entente.store.UnsupportedQueryException.class,
        (e, ctx) ->
            send(
                ctx,
                422,
                Views.obj(
                    "status", 422, "error", "source cannot answer", "message", e.getMessage())));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            send(
                ctx,
                e.getStatus(),
                Views.obj("status", e.getStatus(), "error", "http", "message", e.getMessage())));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          String incident = UUID.randomUUID().toString().substring(0, 8);
          LOG.error("incident {}: {} {} failed", incident, ctx.method(), ctx.fullUrl(), e);
          send(
              ctx,
              500,
              Views.obj(
                  "status",
                  500,
                  "error",
                  "internal error",
                  "message",
                  "internal error (incident " + incident + ", see the server log)"));
        });
    config.routes.error(
        404,
        ctx ->
            send(
                ctx,
                404,
                Views.obj(
                    "status",
                    404,
                    "error",
                    "not found",
                    "message",
                    "no route " + ctx.method() + " " + ctx.path())));
    config.routes.error(
        405,
        ctx ->
            send(
                // RFC 9110 §15.5.6: a 405 lists the methods the resource has
                ctx.header("Allow", "GET, HEAD"),
                405,
                Views.obj(
                    "status",
                    405,
                    "error",
                    "method not allowed",
                    "message",
                    ctx.method() + " " + ctx.path() + ": the API is read-only, use GET")));
  }

  private static void send(Context ctx, int status, Map<String, Object> body) {
    ctx.status(status).contentType("application/json").result(JsonOutput.compact(body));
  }
}
