package org.entente.analyse.leadlag;

/**
 * Information criteria of bivariate VAR(p) models with constant, p = 0..maxLag, on a common sample.
 *
 * @param maxLag the largest order considered
 * @param effectiveSampleSize T = n − maxLag, the observations every candidate uses
 * @param aic AIC(p) = ln det Σ̂(p) + 2pK²/T, index p
 * @param bic BIC(p) = ln det Σ̂(p) + pK² ln T / T, index p
 * @param aicOrder argmin AIC (smallest p on ties)
 * @param bicOrder argmin BIC (smallest p on ties)
 */
public record LagOrderSelection(
    int maxLag, int effectiveSampleSize, double[] aic, double[] bic, int aicOrder, int bicOrder) {

  /** Copies the arrays. */
  public LagOrderSelection {
    aic = aic.clone();
    bic = bic.clone();
  }

  /**
   * Returns a copy of {@code aic}.
   *
   * @return a fresh array
   */
  @Override
  public double[] aic() {
    return aic.clone();
  }

  /**
   * Returns a copy of {@code bic}.
   *
   * @return a fresh array
   */
  @Override
  public double[] bic() {
    return bic.clone();
  }

  /**
   * The order chosen by a criterion.
   *
   * @param criterion AIC or BIC
   * @return the order
   */
  public int order(LagCriterion criterion) {
    return criterion == LagCriterion.AIC ? aicOrder : bicOrder;
  }
}
