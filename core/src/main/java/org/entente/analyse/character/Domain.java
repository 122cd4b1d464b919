package org.entente.analyse.character;

/** Issue domains of cooperative events (METHODS 6.1). */
public enum Domain {
  /** Economic. */
  ECO,
  /** Military. */
  MIL,
  /** Judicial. */
  JUD,
  /** Intelligence. */
  INT,
  /** Humanitarian. */
  HUM,
  /** Diplomatic: every other cooperative event (roots 02–08). */
  DIP
}
