package org.entente.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.entente.report.JsonOutput;

/**
 * Jetty's own error responses (a request it cannot parse, a URI or header too long, a failure
 * before Javalin sees the request) in the API's JSON shape {@code {"status", "error", "message"}}
 * instead of Jetty's HTML pages, with the same security headers as every other response.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    SecurityHeaders.HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    SecurityHeaders.HEADERS.forEach(fields::put);
    return ByteBuffer.wrap(body(status, reason));
  }

  static byte[] body(int code, String message) {
    String reason = HttpStatus.getMessage(code);
    String text = message == null || message.isBlank() ? reason : message;
    return JsonOutput.compact(
            Views.obj(
                "status",
                code,
                "error",
                reason == null ? "error" : reason.toLowerCase(java.util.Locale.ROOT),
                "message",
                text))
        .getBytes(StandardCharsets.UTF_8);
  }
}
