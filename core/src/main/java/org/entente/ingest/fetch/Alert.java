package org.entente.ingest.fetch;

import java.time.LocalDate;

/**
 * A six-state dyad's daily value outside its control band (see {@link ControlBand}).
 *
 * @param day the UTC day of the value
 * @param dyad undirected, e.g. {@code PRK-RUS}
 * @param measure {@code events} (daily event count) or {@code S4} (daily (C−K)/(C+K))
 * @param value the day's value
 * @param median median of the previous days' values
 * @param scale the robust scale 1.4826·MAD (or its fallback, see {@link ControlBand})
 * @param z robust z = (value − median)/scale
 * @param low lower edge of the band, median − threshold·scale
 * @param high upper edge of the band, median + threshold·scale
 * @param history how many previous days the band rests on
 */
public record Alert(
    LocalDate day,
    String dyad,
    String measure,
    double value,
    double median,
    double scale,
    double z,
    double low,
    double high,
    int history) {}
