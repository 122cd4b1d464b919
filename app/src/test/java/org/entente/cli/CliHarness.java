package org.entente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Runs the {@code entente} command in-process and captures its output and exit code. */
public final class CliHarness {
  record Result(int exit, String out, String err) {}

  private CliHarness() {}

  static Result run(String... args) {
    CommandLine cl = Main.commandLine(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * Writes {@code dir/sample.export.CSV}: four GDELT 2.0 events of RUS, PRK and USA in January and
   * March 2024 (three RUS–PRK in either direction, one USA>PRK).
   */
  static Path sampleExport(Path dir) throws IOException {
    Path f = dir.resolve("sample.export.CSV");
    Files.write(
        f,
        List.of(
            gdelt2(1, "20240105", "RUS", "PRK", "042", 1.9, 1),
            gdelt2(2, "20240110", "PRK", "RUS", "057", 8.0, 1),
            gdelt2(3, "20240320", "USA", "PRK", "163", -8.0, 4),
            gdelt2(4, "20240321", "RUS", "PRK", "111", -2.0, 3)),
        StandardCharsets.UTF_8);
    return f;
  }

  /** A valid 61-column GDELT 2.0 row with the given id, day, countries and event code. */
  public static String gdelt2(
      long id, String day, String c1, String c2, String code, double g, int quad) {
    String[] f = new String[61];
    java.util.Arrays.fill(f, "");
    f[0] = Long.toString(id);
    f[1] = day;
    f[5] = c1 + "GOV";
    f[7] = c1;
    f[12] = "GOV";
    f[15] = c2 + "GOV";
    f[17] = c2;
    f[22] = "GOV";
    f[25] = "1";
    f[26] = code;
    f[27] = code.length() > 3 ? code.substring(0, 3) : code;
    f[28] = code.substring(0, 2);
    f[29] = Integer.toString(quad);
    f[30] = Double.toString(g);
    f[31] = "10";
    f[32] = "1";
    f[33] = "10";
    f[34] = "-1.5";
    f[59] = day + "000000";
    f[60] = "https://example.org/" + id;
    return String.join("\t", f);
  }
}
