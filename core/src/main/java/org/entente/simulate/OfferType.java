package org.entente.simulate;

/** The kind of offer a receiver accepts from a challenger (METHODS §5). */
public enum OfferType {
  /** b &gt; a &gt; 0: the receiver loses a confrontation and moves to the challenger. */
  CONFRONTATION,
  /** b &gt; 0 &gt; a, b &gt; |a|: the receiver moves towards the challenger by the share |a|/b. */
  COMPROMISE,
  /** b &gt; 0 &gt; a, b &lt; |a|: the receiver gives in and moves to the challenger. */
  CAPITULATION
}
