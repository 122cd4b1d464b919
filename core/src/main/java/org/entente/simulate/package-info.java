/**
 * The {@code simulate} stage: Bueno de Mesquita's expected-utility group decision model (METHODS
 * section 5) on actor tables, scenarios and the DEU III backtest.
 *
 * <p>Entry points: {@link org.entente.simulate.ActorReader} reads an actor table; {@link
 * org.entente.simulate.BdmModel} runs the model under {@link org.entente.simulate.BdmOptions}
 * (every difference between the open implementations is an option; {@link
 * org.entente.simulate.Preset} names the combinations that reproduce them) and returns a {@link
 * org.entente.simulate.BdmRun}; {@link org.entente.simulate.DeuBacktest} forecasts the outcomes of
 * DEU III issues; {@link org.entente.simulate.Scenarios} holds the bundled scenarios and {@link
 * org.entente.simulate.MonteCarlo} perturbs their inputs.
 *
 * <p>Nothing outside this package depends on it except the CLI and the web layer. All values are
 * immutable records; all computations are pure and thread-safe.
 */
package org.entente.simulate;
