package org.entente.ingest.fetch;

import java.util.Locale;
import java.util.Objects;

/**
 * One line of {@code DIR/fetch-audit.csv} (header {@code
 * url,file,table,slot,size,md5,status,detail}).
 *
 * @param url the listed URL; empty for an unlisted slot
 * @param file the path under DIR; empty for an unlisted slot
 * @param table {@code export} or {@code mentions}
 * @param slot the period, as in {@link ListedFile#slot}
 * @param size the listed size, or -1 when unknown (written empty)
 * @param md5 the listed MD5; empty when unknown
 * @param status what happened to the file
 * @param detail why, in words; empty when there is nothing to add
 */
public record AuditRow(
    String url,
    String file,
    String table,
    String slot,
    long size,
    String md5,
    Status status,
    String detail) {

  /** The header line of the audit file, a public interface. */
  public static final String HEADER = "url,file,table,slot,size,md5,status,detail";

  public AuditRow {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(md5, "md5");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  /** The row of a listed file. */
  static AuditRow of(ListedFile f, Status status, String detail) {
    return new AuditRow(f.url(), f.path(), f.table(), f.slot(), f.size(), f.md5(), status, detail);
  }

  /** The row of a slot with no file in the list. */
  static AuditRow unlisted(String table, String slot) {
    return new AuditRow("", "", table, slot, -1, "", Status.UNLISTED, "no file in the list");
  }

  /** The same row with another detail. */
  AuditRow withDetail(String newDetail) {
    return new AuditRow(url, file, table, slot, size, md5, status, newDetail);
  }

  /** The same row with another status and detail. */
  AuditRow with(Status newStatus, String newDetail) {
    return new AuditRow(url, file, table, slot, size, md5, newStatus, newDetail);
  }

  String key() {
    return table + "/" + slot;
  }

  /** The status column. */
  public enum Status {
    /** Verified (size and MD5 as listed) and kept under its final name, or ingested and deleted. */
    OK,
    /** MD5 or size wrong after all retries; nothing kept under the final name. */
    CORRUPT,
    /** The server answered 404. */
    MISSING,
    /** Any other error (timeouts, resets, 5xx after all retries, other HTTP statuses). */
    FAILED,
    /** A slot in range with no file in the list (GDELT has real gaps); not an error. */
    UNLISTED;

    /** The word in the audit, e.g. {@code ok}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status parse(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }
}
