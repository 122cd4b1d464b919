package org.entente.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code --follow}: how often to poll and when to alert.
 *
 * @param interval wait between polls of {@code lastupdate.txt}
 * @param threshold alert when |robust z| exceeds this
 * @param maxPolls stop after this many polls; 0 polls until interrupted
 */
public record FollowOptions(Duration interval, double threshold, int maxPolls) {
  public FollowOptions {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("--interval must be positive, not " + interval);
    }
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("--threshold must be positive, not " + threshold);
    }
    if (maxPolls < 0) {
      throw new IllegalArgumentException("--max-polls must be 0 or more, not " + maxPolls);
    }
  }
}
