/**
 * The event model shared by every stage: an {@link org.entente.model.Event} (one coded event of any
 * source) and a {@link org.entente.model.ChronologyEntry} (one curated chronology entry with its
 * source). Ingest produces them, the store keeps them, measure and analyse read them; this package
 * depends on none of those stages.
 */
package org.entente.model;
