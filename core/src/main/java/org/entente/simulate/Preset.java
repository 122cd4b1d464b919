package org.entente.simulate;

import org.entente.simulate.BdmOptions.CompromiseRank;
import org.entente.simulate.BdmOptions.Denominator;
import org.entente.simulate.BdmOptions.Forecast;
import org.entente.simulate.BdmOptions.MedianLine;
import org.entente.simulate.BdmOptions.Numerator;
import org.entente.simulate.BdmOptions.Perspective;
import org.entente.simulate.BdmOptions.QTerm;
import org.entente.simulate.BdmOptions.Selection;
import org.entente.simulate.BdmOptions.Votes;

/**
 * Named option sets ({@code --preset}): the two open implementations (METHODS §5), which issue 13
 * names, and the paper as written (an extra). Each sets every option, including the stop rule.
 */
public enum Preset {
  /**
   * Scholz's code (the Python port dmasad/bdm-scholz-expected-utility-model): all-pairs D, type
   * priority with the smallest compromise rank, no capitulation, Q term without (1 − Q), ten rounds
   * and no stopping rule. Its "Median" line printing the mean is {@link MedianLine#PORT_MEAN}, not
   * part of the preset.
   */
  SCHOLZ,
  /**
   * The 2014 replication (dmasad/BDM_DecisionModel_Replication): net numerator, linear votes,
   * largest-b selection from the challenger's perspective, pairwise D, the sign-slipped Q term, Rg
   * fixed at 6, ten rounds, the median as forecast.
   */
  REPLICATION,
  /**
   * (Not in the issue.) Scholz, Calbert &amp; Smith (2011) as written: pairwise D, gross numerator,
   * powered votes, least move, receiver's perspective, capitulation on, full Q term, Rg auto,
   * METHODS' stopping rule.
   */
  PAPER;

  /** The options of this preset. */
  public BdmOptions options() {
    return switch (this) {
      case PAPER ->
          new BdmOptions(
              Denominator.PAIRWISE,
              Numerator.GROSS,
              Votes.POWERED,
              Selection.LEAST_MOVE,
              Perspective.RECEIVER,
              true,
              CompromiseRank.SMALLEST,
              QTerm.PAPER,
              1,
              1,
              Double.NaN,
              MedianLine.MEDIAN,
              Forecast.MEAN,
              StopRule.suggested());
      case SCHOLZ ->
          new BdmOptions(
              Denominator.ALL_PAIRS,
              Numerator.GROSS,
              Votes.POWERED,
              Selection.TYPE_PRIORITY,
              Perspective.RECEIVER,
              false,
              CompromiseRank.SMALLEST,
              QTerm.SCHOLZ,
              1,
              1,
              Double.NaN,
              MedianLine.MEDIAN,
              Forecast.MEAN,
              StopRule.fixed(10));
      case REPLICATION ->
          new BdmOptions(
              Denominator.PAIRWISE,
              Numerator.NET,
              Votes.LINEAR,
              Selection.LARGEST_B_FIRST,
              Perspective.CHALLENGER,
              true,
              CompromiseRank.SMALLEST,
              QTerm.REPLICATION,
              1,
              1,
              6,
              MedianLine.MEDIAN,
              Forecast.MEDIAN,
              StopRule.fixed(10));
    };
  }

  /** Parses {@code scholz}, {@code replication} or {@code paper}. */
  public static Preset parse(String s) {
    return Choices.parse(Preset.class, "preset", s);
  }
}
