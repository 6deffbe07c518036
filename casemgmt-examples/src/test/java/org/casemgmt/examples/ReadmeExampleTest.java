package org.casemgmt.examples;

import static org.casemgmt.examples.ReadmeText.between;
import static org.casemgmt.examples.ReadmeText.lines;
import static org.casemgmt.examples.ReadmeText.repositoryFile;
import static org.casemgmt.examples.ReadmeText.unindented;
import static org.casemgmt.need.LifeDomain.HOUSING;
import static org.casemgmt.need.LifeDomain.PSYCHOLOGICAL_WELLBEING;
import static org.casemgmt.resource.ServiceKind.PSYCHOLOGICAL_SUPPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command.CompleteAssessment;
import org.casemgmt.casefile.Command.JoinTeam;
import org.casemgmt.casefile.Command.OpenCase;
import org.casemgmt.casefile.Command.PlanIntervention;
import org.casemgmt.casefile.Command.RecordNeed;
import org.casemgmt.casefile.Command.StartAssessment;
import org.casemgmt.casefile.Command.StartPlanning;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.Permissions;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.PhaseTable;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.i18n.Labels;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamMember;
import org.casemgmt.party.TeamRole;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: its code example is compiled and run here (and must be copied here verbatim), its
 * phase table must match {@link PhaseTable#transitions()}, its list of rules must name every {@link Rejection},
 * and CI must run the test command it gives.
 */
class ReadmeExampleTest {

  private static final String EXAMPLE_BEGIN = "<!-- readme-example:begin";
  private static final String EXAMPLE_END = "<!-- readme-example:end";
  private static final String TABLE_BEGIN = "<!-- phase-table:begin";
  private static final String TABLE_END = "<!-- phase-table:end";

  @Nested
  class The_code_example {

    @Test
    void runs_and_answers_what_its_comments_say() {
      // readme-example:begin
      Issued anna = Issued.by(StaffId.of("sw-01"), Instant.parse("2026-03-02T09:00:00Z"));
      LocalDate day = LocalDate.of(2026, 3, 2);
      Client maria = Client.of(ClientId.of("C-1"), "Maria Rossi", LocalDate.of(1984, 3, 2));
      Provider centre = Provider.of(ProviderId.of("P-1"), "Community mental health centre",
          ResourceType.PUBLIC_SERVICE, PSYCHOLOGICAL_SUPPORT);
      NeedId anxiety = NeedId.of("N-1");

      CaseFile intake = CaseFile.open(anna,
              OpenCase.of(CaseId.of("CASE-1"), maria, day, HOUSING, PSYCHOLOGICAL_WELLBEING))
          .getOrElseThrow(rejection -> new IllegalStateException(rejection.rule()));
      CaseFile planning = intake.handleAll(anna,
              new StartAssessment(),
              new RecordNeed(anxiety, PSYCHOLOGICAL_WELLBEING, "Anxious and isolated since the eviction", Priority.HIGH,
                  IdentifiedBy.CLIENT),
              new CompleteAssessment(),
              StartPlanning.of(DayWindow.ofDays(day, 180)),
              PlanIntervention.of(InterventionId.of("I-1"), anxiety, centre, PSYCHOLOGICAL_SUPPORT,
                  DayWindow.ofDays(day, 60), Money.of(1200)))
          .getOrElseThrow(refused -> new IllegalStateException(refused.rejection().rule()));
      planning.phase();             // PLANNING
      planning.permittedCommands(); // HAND_OVER, EXTEND_SCOPE, SUSPEND_CASE, CLOSE_CASE, ADD_GOAL, PLAN_INTERVENTION, ...

      // A second support of the same kind for the same need in the same weeks is refused; nothing changes.
      Either<Rejection, CaseFile> second = planning.handle(anna, PlanIntervention.of(InterventionId.of("I-2"), anxiety,
          centre, PSYCHOLOGICAL_SUPPORT, DayWindow.ofDays(day.plusDays(30), 60), Money.of(1200)));
      String why = second.fold(rejection -> Labels.explain(rejection, Locale.ENGLISH), accepted -> "accepted");
      // why = "Intervention I-2 would overlap with I-1: both deliver “Psychological support” for need N-1 on the days
      //        1 April 2026 – 30 April 2026. Avoid redundant, uncoordinated help: change the dates or cancel one of them."
      // readme-example:end

      assertEquals(Phase.PLANNING, planning.phase());
      assertEquals(List.of(CommandKind.HAND_OVER, CommandKind.EXTEND_SCOPE, CommandKind.SUSPEND_CASE,
          CommandKind.CLOSE_CASE, CommandKind.ADD_GOAL, CommandKind.PLAN_INTERVENTION),
          planning.permittedCommands().toList().take(6));
      assertTrue(second.isLeft() && second.getLeft() instanceof Rejection.OverlappingIntervention o
          && o.existing().equals(InterventionId.of("I-1")), () -> "not refused as an overlap: " + second);
      assertEquals("Intervention I-2 would overlap with I-1: both deliver “Psychological support” for need N-1 on the "
          + "days 1 April 2026 – 30 April 2026. Avoid redundant, uncoordinated help: change the dates or cancel one of "
          + "them.", why);
      assertEquals(1, planning.currentPlan().map(p -> p.interventions().size()).getOrElse(0));
    }

    @Test
    void is_printed_in_the_readme_exactly_as_it_is_tested_here() throws IOException {
      List<String> readme = between(lines(repositoryFile("README.md")), EXAMPLE_BEGIN, EXAMPLE_END)
          .filter(l -> !l.startsWith("```"));
      List<String> tested = between(lines(repositoryFile(
          "casemgmt-examples/src/test/java/org/casemgmt/examples/ReadmeExampleTest.java")),
          "// readme-example:begin", "// readme-example:end");
      assertTrue(readme.size() > 10, "no example found in the README");
      assertEquals(unindented(tested).mkString("\n"), unindented(readme).mkString("\n"));
    }
  }

  @Nested
  class The_team_example {

    @Test
    void runs_as_the_readme_says() {
      // team-example:begin
      Issued anna = Issued.by(StaffId.of("anna"), Instant.parse("2026-03-02T09:00:00Z"));
      Issued nora = Issued.by(StaffId.of("nora"), Instant.parse("2026-03-03T09:00:00Z"));
      LocalDate day = LocalDate.of(2026, 3, 2);
      OpenCase opening = OpenCase.of(CaseId.of("CASE-T"), Client.of(ClientId.of("C-T"), "Rosa Bianchi",
          LocalDate.of(1948, 5, 9)), day, LifeDomain.HOUSING, LifeDomain.PHYSICAL_HEALTH);

      // Anna opens the case (she is its case manager) and a nurse joins the team.
      CaseFile file = CaseFile.open(anna, opening)
          .flatMap(f -> f.handle(anna, new JoinTeam(TeamMember.of(StaffId.of("nora"), TeamRole.NURSE, day))))
          .flatMap(f -> f.handle(anna, new StartAssessment()))
          .getOrElseThrow(r -> new IllegalStateException(r.rule()));

      // The default table lets a nurse record a need, not close the assessment.
      Either<Rejection, CaseFile> recorded = file.handle(nora, new RecordNeed(NeedId.of("N-1"),
          LifeDomain.PHYSICAL_HEALTH, "cannot manage the stairs", Priority.HIGH, IdentifiedBy.CASE_MANAGER));
      Either<Rejection, CaseFile> completed = file.handle(nora, new CompleteAssessment());
      String why = Labels.explain(completed.getLeft(), Locale.ENGLISH);

      // An organisation's own table, validated when it is read.
      Permissions ours = Permissions.parse(List.of(
          "CASE_MANAGER: *",
          "NURSE: RECORD_NEED, COMPLETE_ASSESSMENT"));
      CaseFile strict = CaseFile.open(anna, opening, ours).get();
      // team-example:end

      assertTrue(recorded.isRight(), recorded::toString);
      assertEquals(new Rejection.NotAuthorized(StaffId.of("nora"), Option.some(TeamRole.NURSE),
          CommandKind.COMPLETE_ASSESSMENT), completed.getLeft());
      assertTrue(why.startsWith("nora (role on this case: Nurse) may not issue"), why);
      assertEquals(ours, strict.permissions());
      assertEquals(Option.some(Permissions.Reach.ANY),
          strict.permissions().reach(TeamRole.NURSE, CommandKind.COMPLETE_ASSESSMENT));
      assertEquals(Option.none(), Permissions.socialServices().reach(TeamRole.NURSE, CommandKind.COMPLETE_ASSESSMENT));
    }

    @Test
    void is_printed_in_the_readme_exactly_as_it_is_tested_here() throws IOException {
      List<String> readme = between(lines(repositoryFile("README.md")), "<!-- team-example:begin",
          "<!-- team-example:end").filter(l -> !l.startsWith("```"));
      List<String> tested = between(lines(repositoryFile(
          "casemgmt-examples/src/test/java/org/casemgmt/examples/ReadmeExampleTest.java")),
          "// team-example:begin", "// team-example:end");
      assertTrue(readme.size() > 10, "no team example found in the README");
      assertEquals(unindented(tested).mkString("\n"), unindented(readme).mkString("\n"));
    }
  }

  @Nested
  class The_phase_table {

    /** One row of the table as data: from, command, targets. */
    private record Row(Phase from, CommandKind command, Set<Phase> to) {}

    @Test
    void lists_every_transition_of_the_code_and_no_other() throws IOException {
      List<String> table = between(lines(repositoryFile("README.md")), TABLE_BEGIN, TABLE_END)
          .filter(l -> l.startsWith("|"))
          .drop(2); // heading and separator
      assertTrue(table.size() > 10, "no phase table found in the README");
      java.util.Set<Row> documented = new java.util.HashSet<>();
      for (String line : table) {
        String[] cells = line.split("\\|");
        Phase from = Phase.valueOf(cells[1].trim());
        Set<Phase> to = List.of(cells[3].split(",")).map(s -> Phase.valueOf(s.trim())).toSet();
        for (String command : cells[2].split(",")) {
          assertTrue(documented.add(new Row(from, CommandKind.valueOf(command.trim()), to)), () -> "twice: " + line);
        }
      }
      Set<Row> coded = PhaseTable.transitions().map(t -> new Row(t.from(), t.command(), HashSet.ofAll(t.to()))).toSet();
      Set<Row> inReadme = HashSet.ofAll(documented);
      assertTrue(coded.removeAll(inReadme).isEmpty(), () -> "missing from the README: " + coded.removeAll(inReadme));
      assertTrue(inReadme.removeAll(coded).isEmpty(), () -> "in the README, not in the code: " + inReadme.removeAll(coded));
      assertEquals(PhaseTable.transitions().size(), documented.size());
    }
  }

  @Nested
  class The_rules_section {

    @Test
    void names_every_rejection_the_core_can_answer() throws IOException {
      String readme = String.join("\n", lines(repositoryFile("README.md")));
      List<String> missing = List.of(Rejection.class.getPermittedSubclasses())
          .map(Class::getSimpleName)
          .filter(rule -> !readme.contains("`" + rule + "`"));
      assertTrue(missing.isEmpty(), () -> "README does not list: " + missing);
    }
  }

  @Nested
  class The_commands {

    @Test
    void are_the_two_the_readme_gives_and_ci_runs_the_test_command() throws IOException {
      String readme = String.join("\n", lines(repositoryFile("README.md")));
      assertTrue(readme.contains("```sh\nmvn -q -pl casemgmt-examples -am compile exec:java\n```"));
      assertTrue(readme.contains("```sh\nmvn -B -ntp verify\n```"));
      List<String> ci = List.ofAll(lines(repositoryFile(".ci/run"))).map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"));
      assertTrue(ci.exists(l -> l.equals("mvn -B -ntp verify") || l.equals("exec mvn -B -ntp verify")), ci::toString);
    }
  }
}
