package org.entente.store;

/**
 * An input file about to be loaded.
 *
 * @param path the path as given (absolute)
 * @param bytes size on disk
 * @param checksum content checksum, {@code crc32c:XXXXXXXX:SIZE}; may be {@code null} until the
 *     load commits (it is then passed to {@link FileLoad#commit})
 * @param actorFilter the {@code --actors} set as written, or {@code null} for all actors
 */
public record FileMeta(String path, long bytes, String checksum, String actorFilter) {}
