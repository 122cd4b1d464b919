package org.entente.ingest;

import java.util.Objects;
import org.entente.cameo.QuadMapping;

/**
 * How to ingest.
 *
 * @param format the input format, or {@link SourceFormat#AUTO} to detect it per file
 * @param actors the {@code --actors} filter
 * @param quadMapping how sources without a quad class derive it from the root code
 */
public record IngestOptions(SourceFormat format, ActorFilter actors, QuadMapping quadMapping) {
  public IngestOptions {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(actors, "actors");
    Objects.requireNonNull(quadMapping, "quadMapping");
  }

  /** Auto-detected format, every actor, GDELT's quad mapping. */
  public static IngestOptions defaults() {
    return new IngestOptions(SourceFormat.AUTO, ActorFilter.all(), QuadMapping.GDELT);
  }
}
