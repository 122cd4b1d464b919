package org.entente.model;

import java.time.LocalDate;

/**
 * One political event in Entente's normalised schema, whatever its source.
 *
 * <p>Nullable: actor fields, counts, tone, URL, {@code isRoot} (sources without the notion) and
 * {@code intensity} (only ICEWS carries its own). Event codes are strings with leading zeros kept.
 *
 * @param source {@code gdelt1}, {@code gdelt2}, {@code icews} or {@code entente}
 * @param sourceEventId the source's own event id (unique per source with the date)
 * @param date day of the event
 * @param quadClass 1..4, the source's own where it has one, else derived from the root
 * @param goldstein −10..+10, the source's own where it has one, else from the CAMEO table
 * @param intensity the source's own intensity score where it differs from Goldstein (ICEWS)
 */
public record Event(
    String source,
    String sourceEventId,
    LocalDate date,
    String actor1Code,
    String actor1Country,
    String actor1Type,
    String actor2Code,
    String actor2Country,
    String actor2Type,
    String eventCode,
    String baseCode,
    String rootCode,
    int quadClass,
    double goldstein,
    Integer numMentions,
    Integer numSources,
    Integer numArticles,
    Double avgTone,
    String sourceUrl,
    Boolean isRoot,
    Double intensity) {}
