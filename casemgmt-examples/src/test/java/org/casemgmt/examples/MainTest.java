package org.casemgmt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.FreeText;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.resource.Provider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Runs the example's {@code main} as the README's first command does and reads what it prints. */
class MainTest {

  private static String printed;
  private static List<String> lines;

  @BeforeAll
  static void run_the_main_once() {
    printed = runMain();
    lines = List.of(printed.split("\\R"));
  }

  /** Runs {@link Main#main} with {@code System.out} captured; a thrown exception fails the test (exit code 1). */
  private static String runMain() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      Main.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Nested
  class The_story {

    @Test
    void visits_the_phases_in_order_with_the_loop_back_to_planning() {
      assertTrue(lines.contains("Phases visited: INTAKE -> ASSESSMENT -> PLANNING -> IMPLEMENTATION -> MONITORING"
          + " -> PLANNING -> IMPLEMENTATION -> MONITORING -> EVALUATION -> CLOSED"), printed);
    }

    @Test
    void prints_the_phase_after_every_accepted_command() {
      List<String> stepLines = lines.filter(l -> l.matches("  [A-Z_]+ +accepted phase [A-Z]+ +version \\d+.*"));
      assertEquals(SocialServicesScenario.story().commandCount() - 2, stepLines.size(), printed);
      assertTrue(stepLines.head().startsWith("  OPEN_CASE              accepted phase INTAKE"), stepLines.head());
      assertTrue(stepLines.last().startsWith("  CLOSE_CASE             accepted phase CLOSED"), stepLines.last());
    }

    @Test
    void shows_the_overlapping_intervention_refused_as_a_readable_line() {
      assertTrue(lines.contains("  PLAN_INTERVENTION      REFUSED  phase PLANNING       OverlappingIntervention: I-3"
          + " would overlap I-2 for need N-2 (PSYCHOLOGICAL_SUPPORT) on [2026-03-18, 2026-04-17)"), printed);
    }

    @Test
    void shows_a_need_outside_the_agreed_scope_refused() {
      assertTrue(lines.exists(l -> l.contains("REFUSED") && l.contains("NeedOutsideScope: need N-5 is in ECONOMIC")),
          printed);
    }

    @Test
    void shows_the_permitted_commands_once_while_planning() {
      int heading = lines.indexOf("  Commands the case permits now, in PLANNING:");
      assertTrue(heading >= 0, printed);
      assertTrue(lines.get(heading + 1).contains("PLAN_INTERVENTION, DEFER_NEED"), lines.get(heading + 1));
      assertEquals(1, lines.count(l -> l.startsWith("  Commands the case permits now")));
    }

    @Test
    void ends_with_the_case_closed_because_its_goals_were_achieved() {
      assertTrue(lines.exists(l -> l.matches(" +58 +2026-08-07 +sw-02 +CaseClosed +reason=GOALS_ACHIEVED +CLOSED")),
          printed);
      assertTrue(lines.contains("Case manager: sw-02; final phase: CLOSED (GOALS_ACHIEVED)"), printed);
    }

    @Test
    void summarises_events_interventions_and_plan_versions() {
      assertTrue(lines.contains("Events recorded: 58 (commands accepted: 58, refused: 2; a refused command records"
          + " nothing)"), printed);
      assertTrue(lines.contains("Interventions in the last plan: 7 (COMPLETED 6, CANCELLED 1), planned cost 4550.00"),
          printed);
      assertTrue(lines.contains("Plan versions: 2 (v1 approved 2026-02-23, v2 approved 2026-04-26)"), printed);
    }

    @Test
    void prints_one_history_line_per_event_with_sequence_date_and_actor() {
      List<String> history = lines.filter(l -> l.matches(" +\\d+  \\d{4}-\\d{2}-\\d{2}  [a-z0-9-]+ +[A-Za-z]+.*"));
      assertEquals(58, history.size(), printed);
      assertTrue(history.get(14).matches(" +15  2026-02-12  sw-01 +TeamMemberJoined +member=tl-01 role=SUPERVISOR"
          + " +ASSESSMENT"), history.get(14));
      assertTrue(history.get(15).matches(" +16  2026-02-12  sw-01 +CaseHandedOver +from=sw-01 to=sw-02 +ASSESSMENT"),
          history.get(15));
    }

    @Test
    void is_the_same_on_every_run() {
      assertEquals(printed, runMain());
    }
  }

  @Nested
  class Privacy {

    @Test
    void the_clients_name_and_birth_date_are_never_printed() {
      Client client = SocialServicesScenario.story().opening().client();
      assertFalse(printed.contains(client.fullName().text()), "the client's name was printed");
      assertFalse(printed.contains(client.fullName().text().split(" ")[1]), "the client's surname was printed");
      assertFalse(printed.contains(client.birthDate().toString()), "the client's birth date was printed");
    }

    @Test
    void no_free_text_of_the_case_is_ever_printed() {
      List<String> texts = freeTexts(commands());
      assertTrue(texts.size() >= 20, "the scenario's free texts were not all found: " + texts.size());
      for (String text : texts) {
        assertFalse(printed.contains(text), () -> "free text was printed: " + text);
      }
    }

    @Test
    void the_final_case_file_and_its_events_do_not_show_free_text_in_to_string() {
      Main.Told told = Main.tell(SocialServicesScenario.story(), new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8));
      String shown = told.caseFile().toString() + told.history().mkString("\n");
      Client client = SocialServicesScenario.story().opening().client();
      assertFalse(shown.contains(client.fullName().text()));
      for (String text : freeTexts(commands())) {
        assertFalse(shown.contains(text), () -> "free text in toString: " + text);
      }
    }

    /** The story's commands, without their envelopes (which hold staff ids and instants only). */
    private List<Command> commands() {
      return SocialServicesScenario.story().commands().map(IssuedCommand::command);
    }

    /** Every free text the commands carry: their free-text fields, the client's name, the providers' names. */
    private List<String> freeTexts(List<Command> commands) {
      return commands.flatMap(command -> List.of(command.getClass().getRecordComponents())
          .flatMap(component -> texts(read(command, component))));
    }

    private List<String> texts(Object value) {
      if (value instanceof FreeText t) {
        return List.of(t.text());
      }
      if (value instanceof io.vavr.control.Option<?> o && o.getOrNull() instanceof FreeText t) {
        return List.of(t.text());
      }
      if (value instanceof Client c) {
        return List.of(c.fullName().text());
      }
      if (value instanceof Provider p) {
        return List.of(p.name().text());
      }
      return List.empty();
    }

    private Object read(Command command, RecordComponent component) {
      try {
        return component.getAccessor().invoke(command);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new AssertionError("cannot read " + component.getName(), e);
      }
    }
  }

  @Nested
  class A_story_the_library_contradicts {

    private final Issued issued = Issued.by(StaffId.of("sw-01"), Instant.parse("2026-01-05T09:00:00Z"));
    private final Command.OpenCase opening = Command.OpenCase.of(CaseId.of("CASE-X"),
        Client.of(ClientId.of("C-X"), "Nobody Known", LocalDate.of(1990, 1, 1)), LocalDate.of(2026, 1, 5),
        LifeDomain.HOUSING);
    private final PrintStream nowhere = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void stops_when_a_command_it_expects_accepted_is_refused() {
      Story story = new Story("wrong", issued, opening, List.of(Story.Chapter.of("planning too early",
          Story.Step.accepted(issued, new Command.CompleteAssessment()))));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> Main.tell(story, nowhere));
      assertTrue(e.getMessage().contains("CommandNotPermitted"), e.getMessage());
    }

    @Test
    void stops_when_a_command_it_expects_refused_is_accepted() {
      Story story = new Story("wrong", issued, opening, List.of(Story.Chapter.of("assessment",
          Story.Step.refused(issued, new Command.StartAssessment(), Rejection.CommandNotPermitted.class))));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> Main.tell(story, nowhere));
      assertTrue(e.getMessage().contains("was accepted"), e.getMessage());
    }

    @Test
    void stops_when_a_command_is_refused_by_another_rule_than_expected() {
      Story story = new Story("wrong", issued, opening, List.of(Story.Chapter.of("assessment",
          Story.Step.refused(issued, new Command.CompleteAssessment(), Rejection.NoOpenNeeds.class))));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> Main.tell(story, nowhere));
      assertTrue(e.getMessage().contains("refused by CommandNotPermitted"), e.getMessage());
    }
  }
}
