package org.casemgmt.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Seq;
import org.casemgmt.InputError;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.examples.store.WireFormatException.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reading is strict: a document is read whole or refused with a typed reason, never half-read. */
class WireFormatTest {

  static final WireFormat WIRE = new WireFormat();
  static final Seq<RecordedEvent> HISTORY = GoldenHistory.events();
  static final Seq<Command> COMMANDS = GoldenHistory.commands();

  static String eventOfType(String type) {
    return WIRE.toJson(HISTORY.find(e -> e.event().getClass().getSimpleName().equals(type))
        .getOrElseThrow(() -> new AssertionError(type)));
  }

  static Reason refusal(String json) {
    return assertThrows(WireFormatException.class, () -> WIRE.readEvent(json)).reason();
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
    void every_command_reads_back_equal_from_one_line() {
      for (Command command : COMMANDS) {
        assertEquals(command, WIRE.readCommand(WIRE.toJson(command)));
      }
    }

    @Test
    void a_document_starts_with_the_schema_version_and_the_type() {
      assertTrue(eventOfType("NeedRecorded").startsWith("{\"schema\":1,\"type\":\"NeedRecorded\",\"caseId\":"));
      assertTrue(WIRE.toJson(COMMANDS.head()).startsWith("{\"schema\":1,\"type\":\"OpenCase\",\"command\":{"));
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
      assertEquals(Reason.MALFORMED_JSON, refusal("{\"schema\":1,\"type\":"));
      assertEquals(Reason.MALFORMED_JSON, refusal("[]"));
      assertEquals(Reason.MALFORMED_JSON, refusal(eventOfType("CaseResumed") + " {}"));
    }

    @Test
    void a_duplicate_key_is_refused_as_malformed() {
      assertEquals(Reason.MALFORMED_JSON, refusal(eventOfType("CaseResumed").replace("{\"schema\":1,",
          "{\"schema\":1,\"schema\":1,")));
    }

    @Test
    void a_document_without_a_schema_version_is_refused() {
      assertEquals(Reason.MISSING_SCHEMA, refusal(eventOfType("CaseResumed").replace("\"schema\":1,", "")));
    }

    @Test
    void a_document_of_another_schema_version_is_refused() {
      assertEquals(Reason.UNSUPPORTED_SCHEMA, refusal(eventOfType("CaseResumed").replace("\"schema\":1", "\"schema\":2")));
      assertEquals(Reason.UNSUPPORTED_SCHEMA,
          refusal(eventOfType("CaseResumed").replace("\"schema\":1", "\"schema\":\"1\"")));
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
      assertEquals(Reason.UNKNOWN_FIELD, refusal(eventOfType("CaseResumed").replace("\"schema\":1,",
          "\"schema\":1,\"tenant\":\"x\",")));
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
      String history = WIRE.historyToJson(HISTORY).replace("\"schema\": 1,\n    \"type\": \"CaseClosed\"",
          "\"schema\": 7,\n    \"type\": \"CaseClosed\"");
      WireFormatException e = assertThrows(WireFormatException.class, () -> WIRE.readHistory(history));
      assertEquals(Reason.UNSUPPORTED_SCHEMA, e.reason());
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
      String json = WIRE.toJson(COMMANDS.find(c -> c instanceof Command.SetBudgetCap).get());
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> WIRE.readCommand(json.replace("5000.00", "5000.001")));
      assertEquals(InputError.Problem.MALFORMED, e.errors().head().problem());
    }
  }
}
