package org.entente.report;

import java.util.List;
import org.entente.model.ChronologyEntry;

/** Chronology entries as a {@link Table} with the documented CSV header. */
public final class ChronologyTable {
  /** The CSV header of {@code entente timeline}: a public interface, keep it exactly. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "date",
          "precision",
          "actor1",
          "actor2",
          "code",
          "goldstein",
          "quad",
          "title",
          "source",
          "tags",
          "concerns");

  private ChronologyTable() {}

  public static Table of(List<ChronologyEntry> entries) {
    Table t = new Table(COLUMNS);
    for (ChronologyEntry e : entries) {
      t.add(
          e.id(),
          e.dateText(),
          e.precision(),
          e.actor1(),
          e.actor2(),
          e.code(),
          e.goldstein(),
          e.quad(),
          e.title(),
          e.source(),
          String.join(";", e.tags()),
          e.concerns());
    }
    return t;
  }
}
