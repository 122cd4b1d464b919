package org.entente.serve;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The dashboard's static files ({@value #WEB} on the class path, served at {@code /}) and the
 * charting library, Apache ECharts, from its WebJar (served at {@value #ECHARTS_PATH}). Nothing is
 * loaded from the network: the dashboard works offline.
 */
final class Assets {
  static final String WEB = "/org/entente/serve/web";
  static final String ECHARTS_PATH = "/vendor/echarts.min.js";
  private static final String ECHARTS_POM = "/META-INF/maven/org.webjars/echarts/pom.properties";
  private static final String ECHARTS_ARTIFACT = "org.webjars:echarts";

  private final String echartsResource;
  private final String echartsVersion;

  private Assets(String echartsResource, String echartsVersion) {
    this.echartsResource = echartsResource;
    this.echartsVersion = echartsVersion;
  }

  /**
   * Finds the dashboard and the charting library on the class path.
   *
   * @throws IllegalStateException naming the artifact to add if the library is missing, or if the
   *     dashboard's files are missing from the build
   */
  static Assets load() {
    if (Assets.class.getResource(WEB + "/index.html") == null) {
      throw new IllegalStateException("the dashboard's files are missing from this build (" + WEB);
    }
    Properties p = new Properties();
    try (InputStream in = Assets.class.getResourceAsStream(ECHARTS_POM)) {
      if (in == null) {
        throw new IllegalStateException(
            "the dashboard needs Apache ECharts: add the dependency "
                + ECHARTS_ARTIFACT
                + " (a WebJar) to the class path");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = p.getProperty("version");
    String resource = "/META-INF/resources/webjars/echarts/" + version + "/echarts.min.js";
    if (Assets.class.getResource(resource) == null) {
      throw new IllegalStateException(
          "the WebJar " + ECHARTS_ARTIFACT + ":" + version + " has no " + resource);
    }
    return new Assets(resource, version);
  }

  /** The version of ECharts served. */
  String echartsVersion() {
    return echartsVersion;
  }

  void configure(JavalinConfig config) {
    config.staticFiles.add(
        sf -> {
          sf.hostedPath = "/";
          sf.directory = WEB;
          sf.location = Location.CLASSPATH;
          sf.headers = Map.of("Cache-Control", "no-cache"); // security headers: SecurityHeaders
        });
    config.routes.get(
        ECHARTS_PATH,
        ctx -> {
          InputStream in = Assets.class.getResourceAsStream(echartsResource);
          ctx.header("Cache-Control", "max-age=86400")
              .contentType("text/javascript; charset=utf-8")
              .result(in);
        });
  }
}
