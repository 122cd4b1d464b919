package org.entente.ingest.fetch;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one fetch did.
 *
 * @param rows the audit rows of this run: one per listed file and per empty slot in range
 * @param ingestFailures files verified but not ingested (with {@code --ingest})
 * @param warnings lines of the file lists that could not be read
 */
public record FetchOutcome(List<AuditRow> rows, int ingestFailures, List<String> warnings) {
  public FetchOutcome {
    rows = List.copyOf(rows);
    warnings = List.copyOf(warnings);
  }

  /** Rows per status, every status present (zero when none). */
  public Map<AuditRow.Status, Integer> counts() {
    Map<AuditRow.Status, Integer> out = new EnumMap<>(AuditRow.Status.class);
    for (AuditRow.Status s : AuditRow.Status.values()) {
      out.put(s, 0);
    }
    for (AuditRow r : rows) {
      out.merge(r.status(), 1, Integer::sum);
    }
    return out;
  }

  /** Whether every listed file in range is {@code ok} and every ingest succeeded. */
  public boolean complete() {
    return ingestFailures == 0
        && rows.stream()
            .allMatch(
                r -> r.status() == AuditRow.Status.OK || r.status() == AuditRow.Status.UNLISTED);
  }

  /**
   * The newest GDELT 2.0 update this run considered (any status), where {@code --follow} goes on
   * from; empty for GDELT 1.0 or an empty range.
   */
  public java.util.Optional<java.time.LocalDateTime> newestSlot() {
    return rows.stream()
        .map(AuditRow::slot)
        .filter(x -> x.length() == 14)
        .max(String::compareTo)
        .map(x -> java.time.LocalDateTime.parse(x, FileLists.SLOT));
  }
}
