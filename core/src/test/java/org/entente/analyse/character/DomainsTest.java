package org.entente.analyse.character;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainsTest {

  /** Every code listed in METHODS 6.1, with its domain. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0211, ECO", "0231, ECO", "0311, ECO", "0331, ECO", "0354, ECO", "061, ECO", "071, ECO",
    "085, ECO", "0212, MIL", "0232, MIL", "0234, MIL", "0312, MIL", "0332, MIL", "0334, MIL",
    "062, MIL", "072, MIL", "074, MIL", "0213, JUD", "0313, JUD", "063, JUD", "0214, INT",
    "0314, INT", "064, INT", "0233, HUM", "0333, HUM", "073, HUM", "0863, HUM",
  })
  void classify_listedCode_listedDomain(String code, Domain domain) {
    assertEquals(Optional.of(domain), Domains.classify(code));
  }

  @ParameterizedTest(name = "{0} -> DIP")
  @ValueSource(
      strings = {
        "02", "021", "0215", "023", "031", "036", "040", "042", "043", "046", "051", "057", "06",
        "060", "07", "070", "0862", "086", "08", "081", "0874"
      })
  void classify_otherCooperativeCode_diplomatic(String code) {
    assertEquals(Optional.of(Domain.DIP), Domains.classify(code));
  }

  @ParameterizedTest(name = "{0} -> none")
  @ValueSource(strings = {"010", "012", "090", "111", "1312", "163", "190", "20"})
  void classify_nonCooperativeRoot_empty(String code) {
    assertEquals(Optional.empty(), Domains.classify(code));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"42", "211", "abc", "0", "00", "21", "02111"})
  void classify_malformedOrLeadingZeroLost_throws(String code) {
    assertThrows(IllegalArgumentException.class, () -> Domains.classify(code));
  }

  @Test
  void tally_mixedCodes_countsCooperativeOnesByDomain() {
    DomainCounts counts =
        DomainCounts.tally(List.of("061", "0211", "042", "111", "062", "0863", "190", "057"));
    assertEquals(new DomainCounts(2, 1, 0, 0, 1, 2), counts);
    assertEquals(6.0, counts.total(), 0);
  }
}
