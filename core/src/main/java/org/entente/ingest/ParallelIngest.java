package org.entente.ingest;

import java.util.List;
import java.util.Optional;
import org.entente.cameo.Cameo;
import org.entente.store.InputFile;

/**
 * A store that ingests many input files itself, parsing them in parallel where it computes (the
 * Spark engine: one task per file on its executors), with this stage's parsers and validation and
 * the guarantees of {@link Ingestor#ingestFile}: per file, every row stored, rejected with its
 * reason, counted as a duplicate or filtered; a file already loaded skipped; duplicates decided as
 * if the files were loaded one by one in the given order. {@link Ingestor} hands the files to such
 * a store instead of loading them one by one.
 */
public interface ParallelIngest {
  /**
   * Ingests {@code files} in order, with the ingestor's CAMEO table and actor resolver.
   *
   * @return one report per file, in order; empty when this store cannot parse with these (then the
   *     ingestor loads the files one by one)
   */
  Optional<List<FileReport>> ingestInParallel(
      List<InputFile> files,
      IngestOptions options,
      Cameo cameo,
      ActorResolver actors,
      IngestListener listener);
}
