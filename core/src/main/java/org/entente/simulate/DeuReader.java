package org.entente.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the DEU III table as copied in shared/data/deu3-eu-decides (see its PROVENANCE.md):
 * TAB-separated, {@code "}-quoted header; line 2 holds each actor's capability in its position
 * column; then one issue per line with positions {@code p<actor>} and saliences {@code s<actor>} on
 * 0..100 and the outcome {@code out}.
 *
 * <p>Rules: an empty position means the actor took none (it is left out); an empty salience counts
 * as 0; an issue without an outcome, or without any position of salience &gt; 0, is skipped (and
 * counted). Errors name the file, the line and the field. Thread-safe.
 */
public final class DeuReader {
  /** The issues read and how many lines were skipped for each reason. */
  public record Result(List<DeuIssue> issues, int withoutOutcome, int withoutSalience) {}

  private DeuReader() {}

  /**
   * Reads {@code file}.
   *
   * @throws ActorInputException when the layout is not DEU III's
   * @throws UncheckedIOException when it cannot be read
   */
  public static Result read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String src = file.toString();
    if (lines.size() < 2) {
      throw new ActorInputException(src + ": expected a header and a capability line");
    }
    String[] header = fields(lines.get(0));
    String[] caps = fields(lines.get(1));
    int out = index(header, "out", src);
    int id = index(header, "isnr", src);
    List<String> names = new ArrayList<>();
    List<int[]> cols = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      String h = header[i];
      if (positionColumn(h)) {
        int s = indexOrNeg(header, "s" + h.substring(1));
        if (s >= 0) {
          names.add(h.substring(1));
          cols.add(new int[] {i, s});
        }
      }
    }
    if (names.isEmpty()) {
      throw new ActorInputException(src + ": line 1: no p<actor>/s<actor> column pairs");
    }
    // a position or salience column without its partner would drop its actor without a word
    for (String h : header) {
      boolean p = positionColumn(h);
      boolean sal = h.startsWith("s") && h.length() <= 4;
      if ((p || sal) && !names.contains(h.substring(1))) {
        throw new ActorInputException(
            src
                + ": line 1: column '"
                + h
                + "' has no "
                + (p ? "salience column 's" : "position column 'p")
                + h.substring(1)
                + "' (each actor has a p<actor> and an s<actor> column)");
      }
    }
    double[] capability = new double[names.size()];
    for (int a = 0; a < names.size(); a++) {
      int c = cols.get(a)[0];
      capability[a] = ActorReader.number(src, 2, header[c], c < caps.length ? caps[c] : "");
    }
    List<DeuIssue> issues = new ArrayList<>();
    int noOutcome = 0;
    int noSalience = 0;
    for (int l = 2; l < lines.size(); l++) {
      if (lines.get(l).isBlank()) {
        continue;
      }
      int line = l + 1;
      String[] f = fields(lines.get(l));
      if (f.length != header.length) {
        throw new ActorInputException(
            src
                + ": line "
                + line
                + ": "
                + f.length
                + " fields where the header has "
                + header.length);
      }
      String o = out < f.length ? f[out] : "";
      if (o.isEmpty()) {
        noOutcome++;
        continue;
      }
      double outcome = ActorReader.number(src, line, "out", o);
      if (outcome < 0 || outcome > 100) {
        throw new ActorInputException(
            src + ": line " + line + ": field out is outside 0..100 (the positions' scale)");
      }
      List<Actor> actors = new ArrayList<>();
      boolean salient = false;
      for (int a = 0; a < names.size(); a++) {
        int pc = cols.get(a)[0];
        int sc = cols.get(a)[1];
        String p = pc < f.length ? f[pc] : "";
        if (p.isEmpty()) {
          continue;
        }
        String s = sc < f.length ? f[sc] : "";
        double position = ActorReader.number(src, line, header[pc], p);
        if (position < 0 || position > 100) {
          throw new ActorInputException(
              src + ": line " + line + ": field " + header[pc] + " is outside 0..100");
        }
        double sal = s.isEmpty() ? 0 : ActorReader.number(src, line, header[sc], s);
        if (sal < 0 || sal > 100) {
          throw new ActorInputException(
              src + ": line " + line + ": field " + header[sc] + " is outside 0..100");
        }
        salient |= sal > 0;
        actors.add(new Actor(names.get(a), capability[a], position, sal / 100));
      }
      if (!salient) {
        noSalience++;
        continue;
      }
      issues.add(new DeuIssue(f[id], line, List.copyOf(actors), outcome));
    }
    return new Result(List.copyOf(issues), noOutcome, noSalience);
  }

  /** Whether header {@code h} is an actor's position column {@code p<actor>}. */
  private static boolean positionColumn(String h) {
    return h.startsWith("p") && h.length() <= 4 && !h.equals("prnr") && !h.equals("proc");
  }

  private static String[] fields(String line) {
    String[] f = line.split("\t", -1);
    for (int i = 0; i < f.length; i++) {
      String t = f[i].trim();
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1);
      }
      f[i] = t.trim();
    }
    return f;
  }

  private static int indexOrNeg(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static int index(String[] header, String name, String src) {
    int i = indexOrNeg(header, name);
    if (i < 0) {
      throw new ActorInputException(src + ": line 1: no '" + name + "' column");
    }
    return i;
  }
}
