package org.casemgmt.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vavr.collection.List;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The event-log formats are a contract with the researchers' scripts: golden files pin a small log byte for byte
 * ({@code xes/golden/closed-early.xes} and {@code .csv}, and {@code ocel/golden/closed-early.jsonocel}: one case
 * whose closure ends two interventions and two referrals). To regenerate them after a deliberate change, run this test with
 * {@code -Dcasemgmt.golden.update=true} and review the diff (as the wire format's golden files are).
 */
class GoldenLogTest {

  static final String XES = "xes/golden/closed-early.xes";
  static final String CSV = "xes/golden/closed-early.csv";
  static final String OCEL = "ocel/golden/closed-early.jsonocel";

  static Path source(String resource) {
    return Path.of("src", "test", "resources").resolve(resource);
  }

  static String golden(String resource, String current) throws IOException {
    if (Boolean.getBoolean("casemgmt.golden.update")) {
      Files.createDirectories(source(resource).getParent());
      Files.writeString(source(resource), current, StandardCharsets.UTF_8);
    }
    try (InputStream in = GoldenLogTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (Boolean.getBoolean("casemgmt.golden.update")) {
        return Files.readString(source(resource), StandardCharsets.UTF_8);
      }
      assertNotNull(in, resource + " is missing: run with -Dcasemgmt.golden.update=true once");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void the_xes_of_a_small_log_is_the_golden_file() throws Exception {
    StringWriter out = new StringWriter();
    XesWriter.write(out, List.of(ExportHistories.closedEarly("CASE-GOLDEN-1")));
    assertEquals(golden(XES, out.toString()), out.toString());
    XesSchemaTest.validate("xes-ieee-1849-2016.xsd", golden(XES, out.toString()));
  }

  @Test
  void the_csv_of_a_small_log_is_the_golden_file() throws Exception {
    StringWriter out = new StringWriter();
    EventLogCsv.write(out, List.of(ExportHistories.closedEarly("CASE-GOLDEN-1")));
    assertEquals(golden(CSV, out.toString()), out.toString());
  }

  @Test
  void the_ocel_of_a_small_log_is_the_golden_file() throws Exception {
    StringWriter out = new StringWriter();
    OcelWriter.write(out, List.of(ExportHistories.closedEarly("CASE-GOLDEN-1")));
    assertEquals(golden(OCEL, out.toString()), out.toString());
    OcelSchemaTest.validate(golden(OCEL, out.toString()));
  }
}
