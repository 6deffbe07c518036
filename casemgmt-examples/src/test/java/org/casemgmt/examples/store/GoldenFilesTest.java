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
import org.casemgmt.casefile.RecordedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wire format is a contract with every database and queue that holds casemgmt documents: the golden files
 * pin it byte for byte. A change that alters them is a change of the format and needs a new schema version.
 *
 * <p>To regenerate the files after a deliberate change (and a schema bump), run this test with
 * {@code -Dcasemgmt.golden.update=true} and review the diff.
 */
class GoldenFilesTest {

  static final String EVENTS = "golden/history-events.json";
  static final String COMMANDS = "golden/history-commands.json";

  static final WireFormat WIRE = new WireFormat();
  static Seq<RecordedEvent> history;
  static Seq<Command> commands;

  @BeforeAll
  static void run_the_scenario() throws IOException {
    history = GoldenHistory.events();
    commands = GoldenHistory.commands();
    if (Boolean.getBoolean("casemgmt.golden.update")) {
      Path dir = Path.of("src", "test", "resources", "golden");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("history-events.json"), WIRE.historyToJson(history), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("history-commands.json"), WIRE.commandsToJson(commands), StandardCharsets.UTF_8);
    }
  }

  static String golden(String resource) throws IOException {
    Path updated = Path.of("src", "test", "resources", resource);
    if (Boolean.getBoolean("casemgmt.golden.update")) {
      return Files.readString(updated, StandardCharsets.UTF_8);
    }
    try (InputStream in = GoldenFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is missing: run with -Dcasemgmt.golden.update=true once");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Set<String> typesIn(String json) throws IOException {
    JsonNode array = new ObjectMapper().readTree(json);
    return HashSet.ofAll(Vector.ofAll(array::elements).map(node -> node.get("type").textValue()));
  }

  @Test
  void the_history_is_written_exactly_as_in_the_golden_file() throws IOException {
    assertEquals(golden(EVENTS), WIRE.historyToJson(history));
  }

  @Test
  void the_commands_are_written_exactly_as_in_the_golden_file() throws IOException {
    assertEquals(golden(COMMANDS), WIRE.commandsToJson(commands));
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
  void every_event_type_appears_in_the_golden_history() throws IOException {
    Set<String> missing = WireFormat.eventTypes().removeAll(typesIn(golden(EVENTS)));
    assertTrue(missing.isEmpty(), () -> "add these events to GoldenHistory: " + missing.toSortedSet());
    assertEquals(CaseEventCount.permitted(), WireFormat.eventTypes().size());
  }

  @Test
  void every_command_type_appears_in_the_golden_commands() throws IOException {
    Set<String> missing = WireFormat.commandTypes().removeAll(typesIn(golden(COMMANDS)));
    assertTrue(missing.isEmpty(), () -> "add these commands to GoldenHistory: " + missing.toSortedSet());
    assertEquals(Command.class.getPermittedSubclasses().length, WireFormat.commandTypes().size());
  }

  /** The permitted subclasses of CaseEvent, counted independently of WireFormat. */
  static final class CaseEventCount {
    static int permitted() {
      return org.casemgmt.casefile.CaseEvent.class.getPermittedSubclasses().length;
    }
  }
}
