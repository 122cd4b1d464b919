package org.entente.ingest;

import java.util.Optional;

/**
 * Maps an actor's name, alias or code to the CAMEO code of its state (e.g. "Lavrov" → RUS, "Kim Yo
 * Jong" → PRK). Ingest uses it where a source names an actor without a usable country. The actor
 * registry ({@code org.entente.system.ActorRegistry}) is the implementation.
 */
public interface ActorResolver {
  /** The state of a name, alias or code, if known. */
  Optional<String> stateOf(String nameOrCode);

  /** Resolves nothing. */
  ActorResolver NONE = name -> Optional.empty();
}
