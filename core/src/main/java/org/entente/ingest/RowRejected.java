package org.entente.ingest;

/**
 * Thrown inside a parser when a row fails validation; the parser turns it into a rejected row.
 * Carries no stack trace (it is control flow on bad data, not a bug).
 */
public final class RowRejected extends Exception {
  private static final long serialVersionUID = 1L;
  private final String reason;
  private final String detail;

  /**
   * @param reason short category used to count rejects, e.g. {@code impossible date}
   * @param detail the specifics, e.g. {@code column 2 (SQLDATE): '20150231'}
   */
  public RowRejected(String reason, String detail) {
    super(reason + ": " + detail, null, false, false);
    this.reason = reason;
    this.detail = detail;
  }

  public String reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }
}
