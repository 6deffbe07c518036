package org.casemgmt.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.InputError;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.examples.store.WireFormatException.Reason;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reading is strict: a document is read whole or refused with a typed reason, never half-read. */
class WireFormatTest {

  static final WireFormat WIRE = new WireFormat();
  static final Seq<RecordedEvent> HISTORY = GoldenHistory.events();
  static final Seq<IssuedCommand> COMMANDS = GoldenHistory.commands();

  static String eventOfType(String type) {
    return WIRE.toJson(HISTORY.find(e -> e.event().getClass().getSimpleName().equals(type))
        .getOrElseThrow(() -> new AssertionError(type)));
  }

  static String commandOfType(String type) {
    return WIRE.toJson(COMMANDS.find(c -> c.command().getClass().getSimpleName().equals(type))
        .getOrElseThrow(() -> new AssertionError(type)));
  }

  static Reason refusal(String json) {
    return assertThrows(WireFormatException.class, () -> WIRE.readEvent(json)).reason();
  }

  static WireFormatException commandRefusal(String json) {
    return assertThrows(WireFormatException.class, () -> WIRE.readCommand(json));
  }

  @Nested
  class Round_trips {
    @Test
    void every_event_of_the_history_reads_back_equal_from_one_line() {
      for (RecordedEvent event : HISTORY) {
        String json = WIRE.toJson(event);
        assertFalse(json.contains("\n"));
        assertEquals(event, WIRE.readEvent(json));
      }
    }

    @Test
    void every_command_reads_back_equal_with_its_envelope_from_one_line() {
      for (IssuedCommand command : COMMANDS) {
        String json = WIRE.toJson(command);
        assertFalse(json.contains("\n"));
        assertEquals(command, WIRE.readCommand(json));
      }
    }

    @Test
    void a_document_starts_with_the_schema_version_and_the_type() {
      assertTrue(eventOfType("NeedRecorded").startsWith("{\"schema\":2,\"type\":\"NeedRecorded\",\"caseId\":"));
      assertTrue(WIRE.toJson(COMMANDS.head()).startsWith("{\"schema\":2,\"type\":\"OpenCase\",\"issued\":{"));
    }

    @Test
    void a_command_document_has_the_envelope_beside_the_command_s_own_fields() {
      assertEquals("{\"schema\":2,\"type\":\"HandOver\","
          + "\"issued\":{\"actor\":\"anna\",\"at\":\"2026-03-03T09:00:00Z\",\"expectedVersion\":null},"
          + "\"command\":{\"newCaseManager\":\"bruno\"}}", commandOfType("HandOver"));
    }

    @Test
    void an_expected_version_travels_in_the_envelope() {
      Issued guarded = Issued.by(StaffId.of("anna"), Instant.parse("2026-03-02T09:00:00Z")).expectingVersion(7);
      IssuedCommand command = IssuedCommand.of(guarded, new Command.StartAssessment());
      String json = WIRE.toJson(command);
      assertEquals("{\"schema\":2,\"type\":\"StartAssessment\","
          + "\"issued\":{\"actor\":\"anna\",\"at\":\"2026-03-02T09:00:00Z\",\"expectedVersion\":7},"
          + "\"command\":{}}", json);
      assertEquals(command, WIRE.readCommand(json));
    }

    @Test
    void an_opening_without_a_case_manager_is_written_with_null_and_read_back_as_none() {
      IssuedCommand opening = IssuedCommand.of(Issued.by(StaffId.of("anna"), Instant.parse("2026-03-02T09:00:00Z")),
          Command.OpenCase.of(CaseId.of("CASE-2"), Client.of(ClientId.of("C-2"), "Maria Rossi",
              LocalDate.of(1980, 4, 12)), LocalDate.of(2026, 3, 2), LifeDomain.HOUSING));
      String json = WIRE.toJson(opening);
      assertTrue(json.contains("\"caseManager\":null"), json);
      assertEquals(opening, WIRE.readCommand(json));
    }

    @Test
    void an_absent_option_is_written_as_null_and_read_back_as_none() {
      String json = WIRE.toJson(COMMANDS.get(1));
      assertTrue(json.contains("\"expectedVersion\":null"));
      assertEquals(COMMANDS.get(1), WIRE.readCommand(json));
    }
  }

  @Nested
  class Refusals {
    @Test
    void text_that_is_not_json_is_refused_as_malformed() {
      assertEquals(Reason.MALFORMED_JSON, refusal("{\"schema\":2,\"type\":"));
      assertEquals(Reason.MALFORMED_JSON, refusal("[]"));
      assertEquals(Reason.MALFORMED_JSON, refusal(eventOfType("CaseResumed") + " {}"));
    }

    @Test
    void a_duplicate_key_is_refused_as_malformed() {
      assertEquals(Reason.MALFORMED_JSON, refusal(eventOfType("CaseResumed").replace("{\"schema\":2,",
          "{\"schema\":2,\"schema\":2,")));
    }

    @Test
    void a_document_without_a_schema_version_is_refused() {
      assertEquals(Reason.MISSING_SCHEMA, refusal(eventOfType("CaseResumed").replace("\"schema\":2,", "")));
      assertEquals(Reason.MISSING_SCHEMA, commandRefusal(commandOfType("ResumeCase").replace("\"schema\":2,", ""))
          .reason());
    }

    @Test
    void a_document_of_a_schema_version_this_reader_does_not_know_is_refused() {
      for (String schema : new String[] {"3", "0", "-1", "\"2\"", "2.0", "null", "4294967298"}) {
        assertEquals(Reason.UNSUPPORTED_SCHEMA,
            refusal(eventOfType("CaseResumed").replace("\"schema\":2", "\"schema\":" + schema)), schema);
        assertEquals(Reason.UNSUPPORTED_SCHEMA,
            commandRefusal(commandOfType("ResumeCase").replace("\"schema\":2", "\"schema\":" + schema)).reason(),
            schema);
      }
    }

    @Test
    void a_document_without_a_type_or_of_an_unknown_type_is_refused() {
      assertEquals(Reason.MISSING_TYPE, refusal(eventOfType("CaseResumed").replace("\"type\":\"CaseResumed\",", "")));
      assertEquals(Reason.UNKNOWN_TYPE,
          refusal(eventOfType("CaseResumed").replace("\"CaseResumed\"", "\"CaseTeleported\"")));
    }

    @Test
    void an_event_document_with_a_command_type_is_refused_as_unknown() {
      assertEquals(Reason.UNKNOWN_TYPE, refusal(eventOfType("CaseResumed").replace("\"CaseResumed\"", "\"ResumeCase\"")));
    }

    @Test
    void a_document_with_a_missing_field_is_refused_and_names_the_field() {
      WireFormatException e = assertThrows(WireFormatException.class, () -> WIRE.readEvent(
          eventOfType("NeedRevised").replaceFirst("\"priority\":\"[A-Z]+\"", "\"x\":1").replace(",\"x\":1", "")));
      assertEquals(Reason.MISSING_FIELD, e.reason());
      assertTrue(e.detail().contains("priority"), e.detail());
      assertEquals(Reason.MISSING_FIELD, refusal(eventOfType("CaseResumed").replaceFirst(",\"sequence\":\\d+", "")));
    }

    @Test
    void a_document_with_an_unknown_field_is_refused() {
      assertEquals(Reason.UNKNOWN_FIELD, refusal(eventOfType("CaseResumed").replace("\"event\":{}",
          "\"event\":{\"mood\":\"good\"}")));
      assertEquals(Reason.UNKNOWN_FIELD, refusal(eventOfType("CaseResumed").replace("\"schema\":2,",
          "\"schema\":2,\"tenant\":\"x\",")));
    }

    @Test
    void a_field_of_the_wrong_shape_or_an_unknown_constant_is_refused() {
      assertEquals(Reason.INVALID_FIELD, refusal(eventOfType("NeedRevised").replaceFirst("\"priority\":\"[A-Z]+\"",
          "\"priority\":\"SOMEDAY\"")));
      assertEquals(Reason.INVALID_FIELD, refusal(eventOfType("CaseResumed").replaceFirst("\"sequence\":\\d+",
          "\"sequence\":\"5\"")));
      assertEquals(Reason.INVALID_FIELD, refusal(eventOfType("CaseResumed").replaceFirst("\"sequence\":\\d+",
          "\"sequence\":5.5")));
      assertEquals(Reason.INVALID_FIELD, refusal(eventOfType("CaseResumed").replace("\"actor\":\"bruno\"",
          "\"actor\":{\"value\":\"bruno\"}")));
    }

    @Test
    void the_refusal_never_echoes_a_value_of_the_document() {
      WireFormatException e = assertThrows(WireFormatException.class, () -> WIRE.readEvent(
          eventOfType("CaseOpened").replace("\"birthDate\":\"1980-04-12\"", "\"birthDate\":\"Maria Rossi\"")));
      assertEquals(Reason.INVALID_FIELD, e.reason());
      assertFalse(e.getMessage().contains("Maria"), e.getMessage());
      assertTrue(e.detail().contains("birthDate"), e.detail());
    }

    @Test
    void a_history_with_one_bad_document_is_refused_whole() {
      String history = WIRE.historyToJson(HISTORY).replace("\"schema\": 2,\n    \"type\": \"CaseClosed\"",
          "\"schema\": 7,\n    \"type\": \"CaseClosed\"");
      WireFormatException e = assertThrows(WireFormatException.class, () -> WIRE.readHistory(history));
      assertEquals(Reason.UNSUPPORTED_SCHEMA, e.reason());
    }
  }

  @Nested
  class Command_envelopes {
    static final String RESUME = "{\"schema\":2,\"type\":\"ResumeCase\","
        + "\"issued\":{\"actor\":\"bruno\",\"at\":\"2026-03-11T09:00:00Z\",\"expectedVersion\":null},"
        + "\"command\":{}}";

    @Test
    void the_example_document_is_the_one_the_golden_commands_write() {
      assertEquals(RESUME, commandOfType("ResumeCase"));
    }

    @Test
    void a_command_id_is_written_in_the_envelope_only_when_the_command_has_one_and_reads_back() {
      IssuedCommand resume = WIRE.readCommand(RESUME);
      assertEquals(io.vavr.control.Option.none(), resume.issued().commandId());
      IssuedCommand identified = IssuedCommand.of(resume.issued().withCommandId(
          org.casemgmt.casefile.CommandId.of("7f0c2a4e-1b5d-4c1e-9a77-2f1f0a9b3c11")), resume.command());
      String json = WIRE.toJson(identified);
      assertEquals(RESUME.replace("\"expectedVersion\":null}",
          "\"expectedVersion\":null,\"commandId\":\"7f0c2a4e-1b5d-4c1e-9a77-2f1f0a9b3c11\"}"), json);
      assertEquals(identified, WIRE.readCommand(json));
      // A malformed id breaks the identifier rule, as any other id does.
      org.casemgmt.InvalidInputException malformed = assertThrows(org.casemgmt.InvalidInputException.class,
          () -> WIRE.readCommand(json.replace("7f0c2a4e-", "7f0c 2a4e-")));
      assertTrue(malformed.getMessage().contains("commandId"), malformed.getMessage());
    }

    @Test
    void a_command_document_without_its_envelope_is_refused_and_names_it() {
      WireFormatException e = commandRefusal(RESUME.replaceFirst("\"issued\":\\{[^}]*\\},", ""));
      assertEquals(Reason.MISSING_FIELD, e.reason());
      assertTrue(e.detail().contains("issued"), e.detail());
    }

    @Test
    void a_command_document_without_the_command_is_refused() {
      assertEquals(Reason.MISSING_FIELD, commandRefusal(RESUME.replace(",\"command\":{}", "")).reason());
      assertEquals(Reason.INVALID_FIELD,
          commandRefusal(RESUME.replace("\"command\":{}", "\"command\":[]")).reason());
    }

    @Test
    void an_envelope_with_a_missing_or_unknown_field_is_refused() {
      WireFormatException missing = commandRefusal(RESUME.replace("\"actor\":\"bruno\",", ""));
      assertEquals(Reason.MISSING_FIELD, missing.reason());
      assertTrue(missing.detail().contains("actor"), missing.detail());
      assertEquals(Reason.UNKNOWN_FIELD,
          commandRefusal(RESUME.replace("\"expectedVersion\":null", "\"expectedVersion\":null,\"tenant\":\"x\""))
              .reason());
      assertEquals(Reason.INVALID_FIELD, commandRefusal(RESUME.replace("\"issued\":{", "\"issued\":[{")
          .replace("null},", "null}],")).reason());
    }

    @Test
    void a_schema_2_document_with_the_stamp_inside_the_command_as_in_schema_1_is_refused_not_upcast() {
      String moved = RESUME.replaceFirst("\"issued\":(\\{[^}]*\\}),\"command\":\\{\\}", "\"command\":{\"issued\":$1}");
      WireFormatException e = commandRefusal(moved);
      assertEquals(Reason.MISSING_FIELD, e.reason());
      assertTrue(e.detail().contains("issued"), e.detail());
      String twice = RESUME.replaceFirst("\"command\":\\{\\}",
          "\"command\":{\"issued\":{\"actor\":\"bruno\",\"at\":\"2026-03-11T09:00:00Z\",\"expectedVersion\":null}}");
      assertEquals(Reason.UNKNOWN_FIELD, commandRefusal(twice).reason());
    }

    @Test
    void a_command_document_with_an_event_type_is_refused_as_unknown() {
      assertEquals(Reason.UNKNOWN_TYPE, commandRefusal(RESUME.replace("\"ResumeCase\"", "\"CaseResumed\"")).reason());
    }

    @Test
    void an_envelope_that_breaks_casemgmt_s_rules_surfaces_as_invalid_input() {
      InvalidInputException negative = assertThrows(InvalidInputException.class,
          () -> WIRE.readCommand(RESUME.replace("\"expectedVersion\":null", "\"expectedVersion\":-1")));
      assertEquals("expectedVersion", negative.errors().head().field());
      InvalidInputException absent = assertThrows(InvalidInputException.class,
          () -> WIRE.readCommand(RESUME.replaceFirst("\"issued\":\\{[^}]*\\}", "\"issued\":null")));
      assertEquals(InputError.Problem.MISSING, absent.errors().head().problem());
      assertEquals("issued", absent.errors().head().field());
    }
  }

  /** Documents written by the first version of the format, where a command carried its own stamp. */
  @Nested
  class Schema_1_upcasting {
    static final String HAND_OVER = "{\"schema\":1,\"type\":\"HandOver\",\"command\":{"
        + "\"issued\":{\"actor\":\"anna\",\"at\":\"2026-03-03T09:00:00Z\",\"expectedVersion\":null},"
        + "\"newCaseManager\":\"bruno\"}}";
    static final String OPEN_CASE = "{\"schema\":1,\"type\":\"OpenCase\",\"command\":{"
        + "\"issued\":{\"actor\":\"anna\",\"at\":\"2026-03-02T09:00:00Z\",\"expectedVersion\":3},"
        + "\"caseId\":\"CASE-9\",\"client\":{\"id\":\"C-9\",\"fullName\":\"Maria Rossi\",\"birthDate\":\"1980-04-12\"},"
        + "\"caseManager\":\"bruno\",\"scope\":[\"HOUSING\"],\"openedOn\":\"2026-03-02\"}}";

    @Test
    void the_stamp_moves_out_of_the_command_into_the_envelope() {
      IssuedCommand read = WIRE.readCommand(HAND_OVER);
      assertEquals(COMMANDS.find(c -> c.command() instanceof Command.HandOver).getOrNull(), read);
      assertEquals(commandOfType("HandOver"), WIRE.toJson(read), "written again, it is the schema-2 document");
    }

    @Test
    void an_expected_version_moves_with_the_stamp() {
      IssuedCommand read = WIRE.readCommand(OPEN_CASE);
      assertEquals(Issued.by(StaffId.of("anna"), Instant.parse("2026-03-02T09:00:00Z")).expectingVersion(3),
          read.issued());
    }

    @Test
    void the_case_manager_of_an_opening_reads_as_that_manager() {
      Command.OpenCase opening = (Command.OpenCase) WIRE.readCommand(OPEN_CASE).command();
      assertEquals(Option.some(StaffId.of("bruno")), opening.caseManager());
      assertEquals(Command.OpenCase.of(CaseId.of("CASE-9"), Client.of(ClientId.of("C-9"), "Maria Rossi",
          LocalDate.of(1980, 4, 12)), LocalDate.of(2026, 3, 2), LifeDomain.HOUSING).managedBy(StaffId.of("bruno")),
          opening);
    }

    @Test
    void an_opening_without_a_case_manager_is_refused_as_it_was_in_schema_1() {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> WIRE.readCommand(OPEN_CASE.replace("\"caseManager\":\"bruno\"", "\"caseManager\":null")));
      assertEquals("caseManager", e.errors().head().field());
      assertEquals(InputError.Problem.MISSING, e.errors().head().problem());
      WireFormatException missing = commandRefusal(OPEN_CASE.replace("\"caseManager\":\"bruno\",", ""));
      assertEquals(Reason.MISSING_FIELD, missing.reason());
      assertTrue(missing.detail().contains("caseManager"), missing.detail());
    }

    @Test
    void a_command_without_its_stamp_is_refused_and_names_it() {
      WireFormatException e = commandRefusal(HAND_OVER.replaceFirst("\"issued\":\\{[^}]*\\},", ""));
      assertEquals(Reason.MISSING_FIELD, e.reason());
      assertTrue(e.detail().contains("command.issued"), e.detail());
    }

    @Test
    void an_envelope_beside_the_command_is_not_a_field_of_schema_1() {
      String json = commandOfType("HandOver").replace("\"schema\":2", "\"schema\":1");
      WireFormatException e = commandRefusal(json);
      assertEquals(Reason.UNKNOWN_FIELD, e.reason());
      assertTrue(e.detail().contains("issued"), e.detail());
    }

    @Test
    void a_document_without_a_command_object_is_refused() {
      assertEquals(Reason.MISSING_FIELD, commandRefusal("{\"schema\":1,\"type\":\"ResumeCase\"}").reason());
      assertEquals(Reason.INVALID_FIELD,
          commandRefusal("{\"schema\":1,\"type\":\"ResumeCase\",\"command\":\"resume\"}").reason());
    }

    @Test
    void the_command_s_own_fields_are_read_as_strictly_as_in_schema_2() {
      assertEquals(Reason.UNKNOWN_FIELD, commandRefusal(HAND_OVER.replace("\"newCaseManager\":\"bruno\"",
          "\"newCaseManager\":\"bruno\",\"mood\":\"good\"")).reason());
      assertEquals(Reason.MISSING_FIELD, commandRefusal(HAND_OVER.replace(",\"newCaseManager\":\"bruno\"", ""))
          .reason());
      assertEquals(Reason.UNKNOWN_FIELD, commandRefusal(HAND_OVER.replace("\"schema\":1,",
          "\"schema\":1,\"tenant\":\"x\",")).reason());
      assertEquals(Reason.UNKNOWN_TYPE, commandRefusal(HAND_OVER.replace("\"HandOver\"", "\"CaseHandedOver\""))
          .reason());
    }

    @Test
    void an_event_document_reads_the_same_in_both_schemas() {
      for (RecordedEvent event : HISTORY) {
        String json = WIRE.toJson(event);
        assertEquals(event, WIRE.readEvent(json.replaceFirst("^\\{\"schema\":2,", "{\"schema\":1,")));
      }
    }

    @Test
    void commands_of_both_schemas_may_share_an_array() {
      String mixed = "[" + HAND_OVER + "," + commandOfType("ResumeCase") + "]";
      Seq<IssuedCommand> read = WIRE.readCommands(mixed);
      assertEquals(2, read.size());
      assertEquals(WIRE.readCommand(HAND_OVER), read.head());
      assertEquals(WIRE.readCommand(commandOfType("ResumeCase")), read.last());
    }
  }

  @Nested
  class Casemgmt_validation {
    @Test
    void a_malformed_identifier_surfaces_as_invalid_input() {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> WIRE.readEvent(
          eventOfType("CaseResumed").replace("\"actor\":\"bruno\"", "\"actor\":\"bruno rossi!\"")));
      assertEquals(InputError.Problem.MALFORMED, e.errors().head().problem());
    }

    @Test
    void a_null_field_surfaces_as_missing_input() {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> WIRE.readEvent(
          eventOfType("NeedRevised").replaceFirst("\"priority\":\"[A-Z]+\"", "\"priority\":null")));
      assertEquals(InputError.Problem.MISSING, e.errors().head().problem());
      assertEquals("priority", e.errors().head().field());
    }

    @Test
    void an_inverted_day_window_surfaces_as_invalid_input() {
      String json = eventOfType("PlanningStarted");
      String inverted = json.replaceFirst("\"start\":\"([0-9-]+)\",\"end\":\"([0-9-]+)\"", "\"start\":\"$2\",\"end\":\"$1\"");
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> WIRE.readEvent(inverted));
      assertEquals(InputError.Problem.INVERTED_WINDOW, e.errors().head().problem());
    }

    @Test
    void a_money_amount_with_three_decimals_surfaces_as_invalid_input() {
      String json = commandOfType("SetBudgetCap");
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> WIRE.readCommand(json.replace("5000.00", "5000.001")));
      assertEquals(InputError.Problem.MALFORMED, e.errors().head().problem());
    }
  }
}
