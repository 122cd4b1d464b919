package org.entente.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP contract (issue 12) on a real server: every 4xx and 5xx is JSON, Jetty's own errors
 * included; HEAD validates as GET; expensive parameters are capped with a 400 naming the cap;
 * unknown country codes are a 400 naming the code; every response carries the security headers.
 */
class HttpContractTest {
  private static TestServer server;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(
                URI.create(server.server.url() + pathAndQuery.replaceFirst("^/", "")))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A raw HTTP/1.1 exchange, for requests that HttpClient refuses to send. */
  private static String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.server.port())) {
      s.setSoTimeout(10_000);
      OutputStream o = s.getOutputStream();
      o.write(request.getBytes(StandardCharsets.ISO_8859_1));
      o.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void assertJsonError(String response, int status) {
    assertTrue(response.startsWith("HTTP/1.1 " + status), response);
    assertTrue(response.toLowerCase().contains("content-type: application/json"), response);
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    JsonNode n = new TestServer.Response(status, "application/json", body).json();
    assertEquals(status, n.get("status").asInt(), body);
    assertTrue(n.has("error") && n.has("message"), body);
    assertTrue(response.contains("Content-Security-Policy:"), response);
  }

  @Test
  void uriTooLong_isJsonNotJettysHtmlPage() throws IOException {
    String path = "/api/series?dyad=RUS-PRK&x=" + "a".repeat(20_000);
    assertJsonError(raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 414);
  }

  @Test
  void malformedRequest_isJsonNotJettysHtmlPage() throws IOException {
    assertJsonError(raw("GET /api/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400);
  }

  @Test
  void headerTooLarge_isJson() throws IOException {
    String big = "X-Big: " + "b".repeat(40_000) + "\r\n";
    String r = raw("GET /api/info HTTP/1.1\r\nHost: x\r\n" + big + "Connection: close\r\n\r\n");
    assertJsonError(r, 431);
  }

  @Test
  void head_validatesAsGet() throws Exception {
    HttpResponse<String> bad = send("HEAD", "/api/series?dyad=RUS-XXX");
    assertEquals(400, bad.statusCode());
    assertEquals("", bad.body());
    HttpResponse<String> good = send("HEAD", "/api/series?dyad=RUS-PRK&freq=year");
    assertEquals(200, good.statusCode());
    assertEquals(400, send("HEAD", "/api/series?dyad=RUS-PRK&bogus=1").statusCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/series?dyad=RUS-XXX",
        "/api/triangle?actors=RUS,PRK,XXX",
        "/api/character?dyad=XXX-PRK",
        "/api/leadlag?x=RUS-PRK&y=USA-XXX",
        "/api/actors?state=XXX"
      })
  void unknownCountryCode_is400NamingTheCode(String path) throws Exception {
    HttpResponse<String> r = send("GET", path);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("'XXX' is not a known country or actor code"), r.body());
  }

  @Test
  void bootstrapAboveTheCap_is400NamingTheCap() throws Exception {
    HttpResponse<String> r = send("GET", "/api/leadlag?x=RUS-PRK&y=USA-RUS&bootstrap=9999");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("cap of " + Api.MAX_BOOTSTRAP), r.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/series?dyad=RUS-PRK&freq=year&from=2020%|from",
        "/api/series?dyad=RUS-PRK&from=2020&weight=articles%2|weight",
        "/api/verdicts?id=P1%|id",
        "/api/timeline?dyad=RUS-PRK&from=2024%|from",
        "/api/series?dyad=RUS-PRK%|dyad",
        "/api/series?dyad=RUS-PRK&from=20%zz|from",
        "/api/series?dyad=RUS-PRK&from=%C3%28|from",
        "/api/series?dyad=RUS-PRK&fr%om=2020|fr%om"
      })
  void aBrokenPercentEscape_is400NamingTheParameter_notTheDefault(String pathAndName)
      throws Exception {
    // Javalin's own map dropped such a value, and the query ran with its default (HTTP 200)
    String[] p = pathAndName.split("\\|");
    // sent raw: HttpClient refuses a URI with a broken escape
    String r = raw("GET " + p[0] + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertJsonError(r, 400);
    assertTrue(r.contains("\"parameter\":\"" + p[1] + "\""), r);
    assertFalse(r.contains("required"), r);
  }

  @Test
  void wellEncodedValues_decodeAsBefore() throws Exception {
    HttpResponse<String> plain = send("GET", "/api/series?dyad=RUS-PRK&freq=year&from=2020");
    HttpResponse<String> encoded =
        send("GET", "/api/series?dyad=RUS%2DPRK&freq=%79ear&from=+2020+");
    assertEquals(200, plain.statusCode(), plain.body());
    assertEquals(plain.body(), encoded.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "DELETE", "OPTIONS"})
  void methodNotAllowed_saysWhichAre(String method) throws Exception {
    HttpResponse<String> r = send(method, "/api/series?dyad=RUS-PRK");
    assertEquals(405, r.statusCode(), r.body());
    assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(null));
  }

  @Test
  void reversedRange_is400() throws Exception {
    HttpResponse<String> r = send("GET", "/api/series?dyad=RUS-PRK&from=2020-01&to=2019-01");
    assertEquals(400, r.statusCode(), r.body());
  }

  /** A range that cuts a quarter or year is a 400 naming the parameter, as the CLI's exit 2. */
  @Test
  void rangeCuttingAPeriod_is400NamingIt() throws Exception {
    HttpResponse<String> r =
        send("GET", "/api/series?dyad=RUS-PRK&freq=quarter&from=2011-08&to=2012-03");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("from: 2011-08 starts inside a quarter"), r.body());
    HttpResponse<String> t =
        send("GET", "/api/triangle?actors=USA,CHN,RUS&freq=year&from=2012-01&to=2013-01");
    assertEquals(400, t.statusCode(), t.body());
    assertTrue(t.body().contains("to: 2013-01 ends inside a year"), t.body());
    assertEquals(
        200, send("GET", "/api/series?dyad=RUS-PRK&freq=year&from=2012&to=2013").statusCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/", "/js/app.js", "/api/info", "/api/openapi.json", "/api/nope", "/api/series"})
  void everyResponse_carriesTheSecurityHeaders(String path) throws Exception {
    HttpResponse<String> r = send("GET", path);
    for (var h : SecurityHeaders.HEADERS.entrySet()) {
      assertEquals(
          h.getValue(), r.headers().firstValue(h.getKey()).orElse(null), path + " " + h.getKey());
    }
    if (r.statusCode() >= 400) {
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }
  }
}
