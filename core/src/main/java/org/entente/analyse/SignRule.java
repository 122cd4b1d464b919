package org.entente.analyse;

import java.util.Locale;

/** Which rule of METHODS §2.1 turns a dyad-period into a sign (see {@code SignRules}). */
public enum SignRule {
  /** Rule A: +1 if s &gt; τ, −1 if s &lt; −τ, else 0. */
  BAND,
  /** Rule B: the band rule on s − m_ref, m_ref a stored reference median. */
  BASELINE,
  /** Rule C: posterior of the cooperation share, Beta(C + 1, K + 1), δ = 0.05, γ = 0.90. */
  POSTERIOR;

  /**
   * Parses {@code band}, {@code baseline} or {@code posterior}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static SignRule parse(String s) {
    for (SignRule r : values()) {
      if (r.name().equalsIgnoreCase(s.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown sign rule '" + s + "' (expected band, baseline or posterior)");
  }

  /** The name used in options and output. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
