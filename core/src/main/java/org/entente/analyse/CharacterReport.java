package org.entente.analyse;

import java.time.YearMonth;
import java.util.List;
import org.entente.analyse.character.CharacterComponents;
import org.entente.analyse.character.TsiScore;

/**
 * The transactional-versus-strategic components of a dyad per window, with the composite index
 * beside them.
 *
 * @param request the request as run
 * @param windows the dyad's windows in order (empty if it has no events)
 * @param reference every row the index was z-scored against (windows with events)
 * @param leftOut the core dyads ({@code A-B}) the reference lacks because the store's files read
 *     with {@code --actors} left them out (their windows would have had no events)
 */
public record CharacterReport(
    CharacterRequest request, List<Window> windows, List<Window> reference, List<String> leftOut) {

  /** Copies the lists. */
  public CharacterReport {
    windows = List.copyOf(windows);
    reference = List.copyOf(reference);
    leftOut = List.copyOf(leftOut);
  }

  /**
   * One (dyad, window).
   *
   * @param dyad {@code A-B}
   * @param first first month
   * @param last last month
   * @param months months covered
   * @param complete whether the window has the full W months
   * @param events events in the window (both directions)
   * @param components the raw components (NaN where the window cannot support one)
   * @param score the composite index with its z-scores; {@code null} when the window has no events
   *     (it is then not in the reference)
   */
  public record Window(
      String dyad,
      YearMonth first,
      YearMonth last,
      int months,
      boolean complete,
      long events,
      CharacterComponents components,
      TsiScore score) {

    /** {@code 2023-01..2024-12}. */
    public String label() {
      return first + ".." + last;
    }

    Window withScore(TsiScore s) {
      return new Window(dyad, first, last, months, complete, events, components, s);
    }
  }
}
