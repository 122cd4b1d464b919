package org.entente.ingest.fetch;

import java.util.Objects;

/**
 * One file of a GDELT file list, selected for a run.
 *
 * @param url the URL as the list gives it (absolute; only its path is used, resolved against the
 *     base URL)
 * @param path the URL's path without the leading slash, e.g. {@code
 *     gdeltv2/20180326044500.export.CSV.zip}; the file lands at {@code DIR/path}
 * @param table {@code export} or {@code mentions}
 * @param slot the period the file covers: {@code YYYYMMDDhhmmss} (GDELT 2.0), {@code YYYYMMDD},
 *     {@code YYYYMM} or {@code YYYY} (GDELT 1.0)
 * @param size the listed size in bytes, or -1 when the list gives none
 * @param md5 the listed MD5, lower-case hex
 */
public record ListedFile(
    String url, String path, String table, String slot, long size, String md5) {
  public ListedFile {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(md5, "md5");
  }

  /** The key of the file's line in the audit: table and slot. */
  String key() {
    return table + "/" + slot;
  }
}
