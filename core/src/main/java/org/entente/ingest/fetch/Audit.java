package org.entente.ingest.fetch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.ingest.CsvFields;

/**
 * {@code DIR/fetch-audit.csv}: one row per listed file and per empty slot of every run, the latest
 * run's row winning for a slot. Rows of slots outside a run's range are kept, so the checksums of
 * files ingested and deleted stay on record whatever ranges later runs fetch.
 */
final class Audit {
  static final String NAME = "fetch-audit.csv";

  /** The detail of a file ingested and then deleted: a rerun does not fetch it again. */
  static final String DELETED = "ingested; raw file deleted";

  private Audit() {}

  /**
   * The rows of an existing audit by {@link AuditRow#key()}, or none.
   *
   * @throws UncheckedIOException naming file and line when the audit cannot be read
   */
  static Map<String, AuditRow> read(Path dir) {
    Path p = dir.resolve(NAME);
    Map<String, AuditRow> out = new LinkedHashMap<>();
    if (!Files.exists(p)) {
      return out;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).equals(AuditRow.HEADER)) {
      throw bad(p, 1, "expected the header '" + AuditRow.HEADER + "'");
    }
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      List<String> f = CsvFields.texts(lines.get(i));
      if (f == null || f.size() != 8) {
        throw bad(
            p,
            i + 1,
            f == null ? "a quoted field is left open" : "expected 8 fields, got " + f.size());
      }
      try {
        AuditRow r =
            new AuditRow(
                f.get(0),
                f.get(1),
                f.get(2),
                f.get(3),
                f.get(4).isEmpty() ? -1 : Long.parseLong(f.get(4)),
                f.get(5),
                AuditRow.Status.parse(f.get(6)),
                f.get(7));
        out.put(r.key(), r);
      } catch (IllegalArgumentException e) {
        throw bad(p, i + 1, e.getMessage());
      }
    }
    return out;
  }

  private static UncheckedIOException bad(Path p, int line, String problem) {
    String m =
        p
            + " line "
            + line
            + ": "
            + problem
            + " (the audit is Entente's own file: move it away to start afresh)";
    return new UncheckedIOException(m, new IOException(m));
  }

  /**
   * Writes the audit: {@code prior} rows, replaced by {@code run} rows of the same slot, sorted by
   * slot and table. Written to a temporary name and renamed, so the audit is never half-written.
   */
  static void write(Path dir, Map<String, AuditRow> prior, Collection<AuditRow> run) {
    Map<String, AuditRow> all = new LinkedHashMap<>(prior);
    for (AuditRow r : run) {
      all.put(r.key(), r);
    }
    List<AuditRow> rows = new ArrayList<>(all.values());
    rows.sort(Comparator.comparing(AuditRow::slot).thenComparing(AuditRow::table));
    Path p = dir.resolve(NAME);
    Path temp = dir.resolve("." + NAME + ".part");
    try {
      Files.createDirectories(dir);
      try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        w.write(AuditRow.HEADER);
        w.write('\n');
        for (AuditRow r : rows) {
          w.write(
              String.join(
                  ",",
                  csv(r.url()),
                  csv(r.file()),
                  csv(r.table()),
                  csv(r.slot()),
                  r.size() < 0 ? "" : Long.toString(r.size()),
                  csv(r.md5()),
                  r.status().word(),
                  csv(r.detail().replace('\n', ' ').replace('\r', ' '))));
          w.write('\n');
        }
      }
      Files.move(temp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage(), e);
    }
  }

  /** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
