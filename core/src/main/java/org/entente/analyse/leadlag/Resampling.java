package org.entente.analyse.leadlag;

/**
 * How surrogate cause series are drawn for a resampling p-value. Both keep the effect series as
 * observed and resample only the cause, preserving its autocorrelation while breaking its timing
 * relative to the effect. Plain permutation is deliberately not offered: it destroys
 * autocorrelation and gives anti-conservative p-values for persistent series.
 */
public enum Resampling {
  /**
   * Circular shift: x*_t = x_{(t + s) mod n} with s uniform on {m, …, n − m}, m = max(p + 1,
   * ⌊n/10⌋), so no surrogate is close to the observed alignment. Keeps x's autocorrelation exactly
   * except at one wrap-around point. Reference: Quiroga et al. (2002), Phys. Rev. E 65, 041903
   * (time-shifted surrogates); Lancaster et al. (2018), Physics Reports 748, section 3.
   */
  CIRCULAR_SHIFT,
  /**
   * Circular moving-block bootstrap of x with block length ℓ = max(1, round(n^{1/3})): blocks of ℓ
   * consecutive values (wrapping at the end) start at uniform positions and are concatenated to
   * length n. Keeps x's dependence within blocks. Reference: Künsch (1989), Annals of Statistics
   * 17(3); Politis &amp; Romano (1992) for the circular version; METHODS.md 4.4 (ℓ ≈ n^{1/3}).
   */
  BLOCK_BOOTSTRAP
}
