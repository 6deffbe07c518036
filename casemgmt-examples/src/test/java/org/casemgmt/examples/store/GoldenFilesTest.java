package org.casemgmt.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The wire format is a contract with every database and queue that holds casemgmt documents: the golden files
 * pin it byte for byte. A change that alters them is a change of the format and needs a new schema version.
 *
 * <p>The files of the current schema ({@code golden/schema-2/}) are generated from {@link GoldenHistory}; to
 * regenerate them after a deliberate change (and a schema bump), run this test with
 * {@code -Dcasemgmt.golden.update=true} and review the diff. The files of earlier schemas
 * ({@code golden/schema-1/}) are fixtures written by earlier versions of the format and are never regenerated:
 * they must still read, to the very events and commands the current files hold.
 */
class GoldenFilesTest {

  static final String EVENTS = "golden/schema-2/history-events.json";
  static final String COMMANDS = "golden/schema-2/history-commands.json";
  static final String TEAM_EVENTS = "golden/schema-2/team-events.json";
  static final String TEAM_COMMANDS = "golden/schema-2/team-commands.json";
  static final String SCHEMA_1_EVENTS = "golden/schema-1/history-events.json";
  static final String SCHEMA_1_COMMANDS = "golden/schema-1/history-commands.json";

  static final WireFormat WIRE = new WireFormat();
  static Seq<RecordedEvent> history;
  static Seq<IssuedCommand> commands;

  @BeforeAll
  static void run_the_scenario() throws IOException {
    history = GoldenHistory.events();
    commands = GoldenHistory.commands();
    if (Boolean.getBoolean("casemgmt.golden.update")) {
      Path dir = source(EVENTS).getParent();
      Files.createDirectories(dir);
      Files.writeString(source(EVENTS), WIRE.historyToJson(history), StandardCharsets.UTF_8);
      Files.writeString(source(COMMANDS), WIRE.commandsToJson(commands), StandardCharsets.UTF_8);
      Files.writeString(source(TEAM_EVENTS), WIRE.historyToJson(GoldenHistory.teamEvents()), StandardCharsets.UTF_8);
      Files.writeString(source(TEAM_COMMANDS), WIRE.commandsToJson(GoldenHistory.teamCommands()),
          StandardCharsets.UTF_8);
    }
  }

  static Path source(String resource) {
    return Path.of("src", "test", "resources").resolve(resource);
  }

  static String golden(String resource) throws IOException {
    if (Boolean.getBoolean("casemgmt.golden.update")) {
      return Files.readString(source(resource), StandardCharsets.UTF_8);
    }
    try (InputStream in = GoldenFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is missing: run with -Dcasemgmt.golden.update=true once");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Seq<JsonNode> documentsIn(String json) throws IOException {
    JsonNode array = new ObjectMapper().readTree(json);
    return Vector.ofAll(array::elements);
  }

  static Set<String> typesIn(String json) throws IOException {
    return HashSet.ofAll(documentsIn(json).map(node -> node.get("type").textValue()));
  }

  static Set<Integer> schemasIn(String json) throws IOException {
    return HashSet.ofAll(documentsIn(json).map(node -> node.get("schema").intValue()));
  }

  @Nested
  class The_current_schema {

    @Test
    void the_history_is_written_exactly_as_in_the_golden_file() throws IOException {
      assertEquals(golden(EVENTS), WIRE.historyToJson(history));
    }

    @Test
    void the_commands_are_written_exactly_as_in_the_golden_file() throws IOException {
      assertEquals(golden(COMMANDS), WIRE.commandsToJson(commands));
    }

    @Test
    void the_team_case_is_written_exactly_as_in_its_golden_files_and_reads_back_equal() throws IOException {
      assertEquals(golden(TEAM_EVENTS), WIRE.historyToJson(GoldenHistory.teamEvents()));
      assertEquals(golden(TEAM_COMMANDS), WIRE.commandsToJson(GoldenHistory.teamCommands()));
      assertEquals(GoldenHistory.teamEvents(), WIRE.readHistory(golden(TEAM_EVENTS)));
      assertEquals(GoldenHistory.teamCommands(), WIRE.readCommands(golden(TEAM_COMMANDS)));
      assertTrue(CaseFile.replay(WIRE.readHistory(golden(TEAM_EVENTS))).isRight());
    }

    @Test
    void the_golden_history_reads_back_equal_and_replays_to_the_same_case_file() throws IOException {
      Seq<RecordedEvent> read = WIRE.readHistory(golden(EVENTS));
      assertEquals(history, read);
      assertEquals(CaseFile.replay(history), CaseFile.replay(read));
    }

    @Test
    void the_golden_commands_read_back_equal() throws IOException {
      assertEquals(commands, WIRE.readCommands(golden(COMMANDS)));
    }

    @Test
    void every_document_is_of_the_schema_the_format_writes() throws IOException {
      assertEquals(HashSet.of(WireFormat.SCHEMA), schemasIn(golden(EVENTS)));
      assertEquals(HashSet.of(WireFormat.SCHEMA), schemasIn(golden(COMMANDS)));
    }

    @Test
    void every_event_type_appears_in_the_golden_history() throws IOException {
      Set<String> missing = WireFormat.eventTypes().removeAll(typesIn(golden(EVENTS)))
          .removeAll(typesIn(golden(TEAM_EVENTS)));
      assertTrue(missing.isEmpty(), () -> "add these events to GoldenHistory: " + missing.toSortedSet());
      assertEquals(CaseEventCount.permitted(), WireFormat.eventTypes().size());
    }

    @Test
    void every_command_type_appears_in_the_golden_commands() throws IOException {
      Set<String> missing = WireFormat.commandTypes().removeAll(typesIn(golden(COMMANDS)))
          .removeAll(typesIn(golden(TEAM_COMMANDS)));
      assertTrue(missing.isEmpty(), () -> "add these commands to GoldenHistory: " + missing.toSortedSet());
      assertEquals(Command.class.getPermittedSubclasses().length, WireFormat.commandTypes().size());
    }
  }

  @Nested
  class Schema_1_documents {

    @Test
    void are_the_fixtures_of_schema_1_and_cover_every_type_schema_1_had() throws IOException {
      assertEquals(HashSet.of(1), schemasIn(golden(SCHEMA_1_EVENTS)));
      assertEquals(HashSet.of(1), schemasIn(golden(SCHEMA_1_COMMANDS)));
      assertEquals(WireFormat.eventTypes().removeAll(GoldenHistory.ADDED_IN_SCHEMA_2), typesIn(golden(SCHEMA_1_EVENTS)));
      assertEquals(WireFormat.commandTypes().removeAll(GoldenHistory.ADDED_IN_SCHEMA_2),
          typesIn(golden(SCHEMA_1_COMMANDS)));
    }

    @Test
    void the_schema_1_history_reads_to_the_same_events_as_the_schema_2_one() throws IOException {
      Seq<RecordedEvent> read = WIRE.readHistory(golden(SCHEMA_1_EVENTS));
      assertEquals(history, read);
      assertEquals(WIRE.readHistory(golden(EVENTS)), read);
      assertEquals(CaseFile.replay(history), CaseFile.replay(read));
    }

    @Test
    void the_schema_1_commands_read_to_the_same_issued_commands_as_the_schema_2_ones() throws IOException {
      Seq<IssuedCommand> read = WIRE.readCommands(golden(SCHEMA_1_COMMANDS));
      assertEquals(commands, read);
      assertEquals(WIRE.readCommands(golden(COMMANDS)), read);
    }

    @Test
    void written_again_they_give_the_schema_2_golden_files() throws IOException {
      assertEquals(golden(EVENTS), WIRE.historyToJson(WIRE.readHistory(golden(SCHEMA_1_EVENTS))));
      assertEquals(golden(COMMANDS), WIRE.commandsToJson(WIRE.readCommands(golden(SCHEMA_1_COMMANDS))));
    }
  }

  /** The permitted subclasses of CaseEvent, counted independently of WireFormat. */
  static final class CaseEventCount {
    static int permitted() {
      return org.casemgmt.casefile.CaseEvent.class.getPermittedSubclasses().length;
    }
  }
}
