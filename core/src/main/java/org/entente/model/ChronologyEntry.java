package org.entente.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of the curated chronology.
 *
 * @param date the first day of the dated period (the day itself, the 1st of the month, or 1
 *     January, by {@code precision})
 * @param precision {@code day}, {@code month} or {@code year}
 * @param goldstein from the bundled CAMEO table, never typed in by hand
 * @param quad from the root code under the GDELT mapping
 * @param source a seed file name or a public source precise enough to check
 * @param concerns the state the entry is about when it is neither actor (e.g. {@code PRK} for a
 *     veto of a draft on North Korea coded RUS→USA), or {@code ""}
 */
public record ChronologyEntry(
    String id,
    LocalDate date,
    String precision,
    String actor1,
    String actor2,
    String code,
    double goldstein,
    int quad,
    String title,
    String description,
    String source,
    List<String> tags,
    String concerns) {

  /** An entry about its two actors only ({@code concerns} empty). */
  public ChronologyEntry(
      String id,
      LocalDate date,
      String precision,
      String actor1,
      String actor2,
      String code,
      double goldstein,
      int quad,
      String title,
      String description,
      String source,
      List<String> tags) {
    this(
        id,
        date,
        precision,
        actor1,
        actor2,
        code,
        goldstein,
        quad,
        title,
        description,
        source,
        tags,
        "");
  }

  /** Validates: {@code concerns} is not null. */
  public ChronologyEntry {
    java.util.Objects.requireNonNull(concerns, "concerns");
  }

  /** The same entry about {@code state} (the {@code concerns} column). */
  public ChronologyEntry withConcerns(String state) {
    return new ChronologyEntry(
        id,
        date,
        precision,
        actor1,
        actor2,
        code,
        goldstein,
        quad,
        title,
        description,
        source,
        tags,
        state);
  }

  /** Whether the entry involves or concerns the state {@code code}. */
  public boolean involves(String code) {
    return actor1.equals(code) || actor2.equals(code) || concerns.equals(code);
  }

  /** The date as written in the chronology: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}. */
  public String dateText() {
    return switch (precision) {
      case "year" -> Integer.toString(date.getYear());
      case "month" -> date.toString().substring(0, 7);
      default -> date.toString();
    };
  }
}
