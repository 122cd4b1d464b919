package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceFormatTest {

  @Test
  void parse_everyOptionName_roundTrips() {
    for (SourceFormat f : SourceFormat.values()) {
      assertEquals(f, SourceFormat.parse(f.optionName()));
      assertEquals(f, SourceFormat.parse(f.optionName().toUpperCase(java.util.Locale.ROOT)));
    }
    assertEquals("gdelt-csv", SourceFormat.GDELT_CSV.optionName());
  }

  @Test
  void parse_unknownName_throwsListingTheAcceptedValues() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SourceFormat.parse("gdelt_csv"));
    assertTrue(e.getMessage().contains("gdelt-csv"), e.getMessage());
  }
}
