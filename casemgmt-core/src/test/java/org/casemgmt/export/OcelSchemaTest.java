package org.casemgmt.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.vavr.collection.List;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationListener;
import org.junit.jupiter.api.Test;

/**
 * The logs {@link OcelWriter} writes validate against the OCEL 2.0 JSON schema as the specification publishes it
 * (src/test/resources/ocel/, see the README there), with format assertions on (every {@code time} is an RFC 3339
 * date-time): for real histories and for simulated ones.
 */
class OcelSchemaTest {

  static final Schema SCHEMA = schema();

  private static Schema schema() {
    try (InputStream in = OcelSchemaTest.class.getClassLoader().getResourceAsStream("ocel/ocel20-schema-json.json")) {
      assertNotNull(in, "ocel20-schema-json.json is missing from the test resources");
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@return the schema's complaints about a log, none for a valid one} */
  static java.util.List<Error> errors(String json) {
    return SCHEMA.validate(json, InputFormat.JSON,
        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
  }

  static void validate(String json) {
    java.util.List<Error> errors = errors(json);
    assertEquals(java.util.List.of(), errors.subList(0, Math.min(10, errors.size())), errors.size() + " errors");
  }

  @Test
  void a_log_of_real_histories_validates() {
    StringWriter out = new StringWriter();
    OcelWriter.write(out, List.of(ExportHistories.closedEarly("CASE-1"), ExportHistories.completed("CASE-2")));
    validate(out.toString());
  }

  @Test
  void a_simulated_log_validates() {
    StringWriter out = new StringWriter();
    Scenario scenario = Scenario.reference(7).toBuilder().horizonDays(120).earlyClosureProbability(0.05).build();
    Simulation.run(scenario, SimulationListener.ocelEventLog(out));
    validate(out.toString());
  }

  @Test
  void an_empty_log_validates() {
    StringWriter out = new StringWriter();
    OcelWriter.to(out).finish();
    validate(out.toString());
  }

  @Test
  void the_validator_is_not_lenient() {
    String numericValue = """
        {"objectTypes":[],"eventTypes":[],"objects":[],
         "events":[{"id":"e1","type":"t","time":"2026-03-02T09:00:00.000Z","attributes":[{"name":"n","value":1}]}]}
        """;
    String badTime = """
        {"objectTypes":[],"eventTypes":[],"objects":[],"events":[{"id":"e1","type":"t","time":"2 March 2026"}]}
        """;
    String noObjects = """
        {"objectTypes":[],"eventTypes":[],"events":[]}
        """;
    assertFalse(errors(numericValue).isEmpty(), "the official schema types attribute values as strings");
    assertFalse(errors(badTime).isEmpty(), "times are RFC 3339 date-times");
    assertFalse(errors(noObjects).isEmpty(), "the four arrays are required");
  }
}
