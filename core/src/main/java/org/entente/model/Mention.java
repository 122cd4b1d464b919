package org.entente.model;

import java.time.LocalDateTime;

/**
 * One row of the GDELT 2.0 Mentions table: one article's mention of an event (GDELT 2.0 Event
 * Codebook, "Mentions table"). An event's full coverage is the set of its mentions; the events
 * table's NumMentions counts only the 15-minute update in which the event was first seen.
 *
 * @param globalEventId the mentioned event's GLOBALEVENTID (its {@code source_event_id} in the
 *     store, source {@code gdelt2})
 * @param eventTime EventTimeDate: when GDELT first recorded the event (its DATEADDED)
 * @param mentionTime MentionTimeDate: the 15-minute update this mention came in
 * @param mentionType the collection the document came from (1 web, 2 citation only, 3 CORE, 4 DTIC,
 *     5 JSTOR, 6 non-textual source)
 * @param sourceName MentionSourceName, e.g. a web domain; null if blank
 * @param identifier MentionIdentifier: the document's URL, citation or DOI; null if blank
 * @param sentenceId the sentence of the mention (1 = first); null if blank
 * @param actor1Offset character offset of Actor1 in the document (−1: not found); null if blank
 * @param actor2Offset character offset of Actor2 (−1: not found); null if blank
 * @param actionOffset character offset of the action (−1: not found); null if blank
 * @param inRawText whether the event was found in the raw text (true) or only after rewriting
 * @param confidence percent confidence of the extraction (0–100); null if blank
 * @param docLength the document's length in characters; null if blank
 * @param docTone the document's tone; null if blank
 * @param translation MentionDocTranslationInfo (source language and engine); null for English
 */
public record Mention(
    long globalEventId,
    LocalDateTime eventTime,
    LocalDateTime mentionTime,
    int mentionType,
    String sourceName,
    String identifier,
    Integer sentenceId,
    Integer actor1Offset,
    Integer actor2Offset,
    Integer actionOffset,
    Boolean inRawText,
    Integer confidence,
    Integer docLength,
    Double docTone,
    String translation) {}
