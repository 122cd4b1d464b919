package org.entente.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.analyse.verdict.TestResult;
import org.entente.analyse.verdict.Verdict;

/**
 * Renderings of {@link Verdict}s: a JSON list (documented in {@code docs/analysis.md}), a table for
 * CSV, and readable text with the operationalisation, evidence and verdict of each proposition.
 */
public final class VerdictOutput {
  /** Columns of the CSV rendering; {@code evidence} holds the evidence object as JSON text. */
  public static final List<String> COLUMNS =
      List.of("id", "test", "verdict", "reason", "claim", "evidence", "version", "tests");

  private VerdictOutput() {}

  /** The JSON list. */
  public static List<Object> json(List<Verdict> verdicts) {
    List<Object> out = new ArrayList<>();
    for (Verdict v : verdicts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", v.id());
      m.put("version", v.version());
      m.put("claim", v.claim());
      m.put("test", v.test());
      m.put("verdict", v.outcome().text());
      m.put("reason", v.reason());
      m.put("operationalisation", v.operationalisation());
      m.put("rules", v.rules());
      m.put("evidence", v.evidence());
      m.put("tests", tests(v));
      out.add(m);
    }
    return out;
  }

  private static List<Object> tests(Verdict v) {
    List<Object> out = new ArrayList<>();
    for (TestResult t : v.tests()) {
      out.add(t.json());
    }
    return out;
  }

  /** One row per proposition, {@link #COLUMNS}. */
  public static Table table(List<Verdict> verdicts) {
    Table t = new Table(COLUMNS);
    for (Verdict v : verdicts) {
      t.add(
          v.id(),
          v.test(),
          v.outcome().text(),
          v.reason(),
          v.claim(),
          JsonOutput.write(v.evidence()),
          v.version(),
          JsonOutput.write(tests(v)));
    }
    return t;
  }

  /** Readable text: for each proposition its claim, operationalisation, evidence and verdict. */
  public static void text(List<Verdict> verdicts, PrintWriter out) {
    for (Verdict v : verdicts) {
      out.println(v.id() + " v" + v.version() + "  " + v.claim());
      out.println("  test: " + v.test());
      out.println("  operationalisation:");
      flatten("", v.operationalisation(), out, "    ");
      out.println("  evidence:");
      if (v.evidence().isEmpty()) {
        out.println("    (none)");
      }
      flatten("", v.evidence(), out, "    ");
      out.println("  tests (p raw, q Benjamini-Hochberg across the run):");
      if (v.tests().isEmpty()) {
        out.println("    (none)");
      }
      for (TestResult t : v.tests()) {
        out.println("    " + t.words());
      }
      out.println("  verdict: " + v.outcome().text().toUpperCase(java.util.Locale.ROOT));
      out.println("  reason: " + v.reason());
      out.println();
    }
    Table summary = new Table(List.of("id", "version", "verdict", "reason"));
    for (Verdict v : verdicts) {
      summary.add(v.id(), v.version(), v.outcome().text(), v.reason());
    }
    summary.write(OutputFormat.TABLE, out);
    out.flush();
  }

  private static void flatten(String prefix, Object value, PrintWriter out, String indent) {
    if (value instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        out.println(indent + prefix + ": {}");
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
        if (e.getValue() instanceof Map<?, ?> || isListOfMaps(e.getValue())) {
          flatten(key, e.getValue(), out, indent);
        } else {
          out.println(indent + key + ": " + plain(e.getValue()));
        }
      }
    } else if (isListOfMaps(value)) {
      List<?> l = (List<?>) value;
      for (int i = 0; i < l.size(); i++) {
        flatten(prefix + "[" + i + "]", l.get(i), out, indent);
      }
    } else {
      out.println(indent + prefix + ": " + plain(value));
    }
  }

  private static boolean isListOfMaps(Object v) {
    return v instanceof List<?> l
        && !l.isEmpty()
        && l.stream().allMatch(x -> x instanceof Map<?, ?>);
  }

  private static String plain(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (Object o : l) {
        parts.add(plain(o));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    return JsonOutput.write(v);
  }
}
