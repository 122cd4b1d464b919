package org.entente.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Made-up places for one geo country, pre-rendered as the eight TAB-separated GDELT 2.0 geo fields
 * (Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID) so that the generator
 * copies bytes instead of formatting. Country-level blocks use the real name and the centroid GDELT
 * writes; states and cities are invented names scattered around it, with the field shapes GDELT
 * uses: outside the US type 5 "Region, Region, Country" and type 4 "City, Region, Country" with
 * ADM1 = FIPS + two digits, a numeric ADM2 and a signed numeric feature id; in the US type 2
 * "State, United States" (feature id = state code) and type 3 "Place, State, United States" (ADM2 =
 * state + three digits, or blank as in a third of real rows). Immutable after construction.
 */
final class SyntheticGazetteer {

  /** The eight empty geo fields of an event without a location (type 0). */
  static final byte[] NONE = "0\t\t\t\t\t\t\t".getBytes(StandardCharsets.US_ASCII);

  private static final String US_STATES =
      "AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|"
          + "DE Delaware|DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|"
          + "IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|"
          + "MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|"
          + "MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|"
          + "NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|"
          + "PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|"
          + "TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington|WV West Virginia|"
          + "WI Wisconsin|WY Wyoming";

  private static final String[] SYLLABLES =
      ("ka lo vi ra men dor san bel gra tor mi na sha kov lin ham ber ta zu ori pol cha den "
              + "mar vos el ria que jin yo hai ku sol ver ath ion bra ne ost ul")
          .split(" ");
  private static final String[] SUFFIXES = {
    "", "", "", "", "ville", "grad", "abad", "pur", "burg", "shan", "ovo", "ton", "field", "port"
  };

  private static final int REGIONS = 12;
  private static final int CITIES = 48;
  private static final int US_CITIES = 160;

  private final byte[] country;
  private final byte[][] states;
  private final byte[][] cities;

  /**
   * @param geo the country (its FIPS code, name and centroid)
   * @param seed the generator seed; the places depend only on it and on {@code geo}
   */
  SyntheticGazetteer(GdeltTables.GeoCountry geo, long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * geo.fips().hashCode()));
    String fips = geo.fips();
    double lat0 = Double.parseDouble(geo.lat());
    double lon0 = Double.parseDouble(geo.lon());
    country =
        bytes(
            "1\t"
                + geo.name()
                + '\t'
                + fips
                + '\t'
                + fips
                + "\t\t"
                + geo.lat()
                + '\t'
                + geo.lon()
                + '\t'
                + fips);
    if ("US".equals(fips)) {
      String[] list = US_STATES.split("\\|");
      states = new byte[list.length][];
      double[][] centre = new double[list.length][];
      for (int i = 0; i < list.length; i++) {
        String code = list[i].substring(0, 2);
        String name = list[i].substring(3);
        centre[i] = new double[] {lat0 + r.nextGaussian() * 5, lon0 + r.nextGaussian() * 12};
        states[i] =
            bytes(
                "2\t"
                    + name
                    + ", United States\tUS\tUS"
                    + code
                    + "\t\t"
                    + coordinate(centre[i][0], 90)
                    + '\t'
                    + coordinate(centre[i][1], 180)
                    + '\t'
                    + code);
      }
      cities = new byte[US_CITIES][];
      for (int i = 0; i < US_CITIES; i++) {
        int s = r.nextInt(list.length);
        String code = list[s].substring(0, 2);
        String place = placeName(r) + (r.nextInt(3) == 0 ? " County" : "");
        String adm2 = r.nextInt(3) == 0 ? "" : code + String.format("%03d", 1 + r.nextInt(199));
        cities[i] =
            bytes(
                "3\t"
                    + place
                    + ", "
                    + list[s].substring(3)
                    + ", United States\tUS\tUS"
                    + code
                    + '\t'
                    + adm2
                    + '\t'
                    + coordinate(centre[s][0] + r.nextGaussian(), 90)
                    + '\t'
                    + coordinate(centre[s][1] + r.nextGaussian(), 180)
                    + '\t'
                    + (100_000 + r.nextInt(2_400_000)));
      }
    } else {
      states = new byte[REGIONS][];
      String[] regionName = new String[REGIONS];
      String[] adm1 = new String[REGIONS];
      double[][] centre = new double[REGIONS][];
      for (int i = 0; i < REGIONS; i++) {
        regionName[i] = placeName(r);
        adm1[i] = fips + String.format("%02d", i + 1);
        centre[i] = new double[] {lat0 + r.nextGaussian() * 3, lon0 + r.nextGaussian() * 4};
        states[i] =
            bytes(
                "5\t"
                    + regionName[i]
                    + ", "
                    + regionName[i]
                    + ", "
                    + geo.name()
                    + '\t'
                    + fips
                    + '\t'
                    + adm1[i]
                    + '\t'
                    + (1000 + r.nextInt(300_000))
                    + '\t'
                    + coordinate(centre[i][0], 90)
                    + '\t'
                    + coordinate(centre[i][1], 180)
                    + '\t'
                    + featureId(r));
      }
      cities = new byte[CITIES][];
      for (int i = 0; i < CITIES; i++) {
        int s = r.nextInt(REGIONS);
        cities[i] =
            bytes(
                "4\t"
                    + placeName(r)
                    + ", "
                    + regionName[s]
                    + ", "
                    + geo.name()
                    + '\t'
                    + fips
                    + '\t'
                    + adm1[s]
                    + '\t'
                    + (1000 + r.nextInt(300_000))
                    + '\t'
                    + coordinate(centre[s][0] + r.nextGaussian() * 0.7, 90)
                    + '\t'
                    + coordinate(centre[s][1] + r.nextGaussian() * 0.7, 180)
                    + '\t'
                    + featureId(r));
      }
    }
  }

  /** The country-level block (type 1). */
  byte[] country() {
    return country;
  }

  /** A state-level block (type 2 in the US, 5 elsewhere); low indices are more frequent. */
  byte[] state(SplittableRandom random) {
    return states[skewed(random, states.length)];
  }

  /** A city-level block (type 3 in the US, 4 elsewhere); low indices are more frequent. */
  byte[] city(SplittableRandom random) {
    return cities[skewed(random, cities.length)];
  }

  private static int skewed(SplittableRandom random, int n) {
    double u = random.nextDouble();
    return (int) (n * u * u);
  }

  private static long featureId(SplittableRandom r) {
    long v = 10_000 + r.nextInt(9_000_000);
    return r.nextInt(5) == 0 ? v : -v;
  }

  /** An invented, pronounceable place name such as "Ravost" or "Kalinburg". */
  static String placeName(SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    int n = 2 + r.nextInt(2);
    for (int i = 0; i < n; i++) {
      b.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
    }
    b.append(SUFFIXES[r.nextInt(SUFFIXES.length)]);
    b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
    return b.toString();
  }

  /** Clamps (latitude) or wraps (longitude) into range and prints at most four decimals. */
  private static String coordinate(double v, double limit) {
    if (limit == 90) {
      v = Math.max(-89.9, Math.min(89.9, v));
    } else if (v > 180) {
      v -= 360;
    } else if (v < -180) {
      v += 360;
    }
    return BigDecimal.valueOf(Math.round(v * 10_000), 4).stripTrailingZeros().toPlainString();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
