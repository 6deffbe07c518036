package org.casemgmt.examples;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.PrintStream;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.PlanVersion;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionStatus;

/**
 * The example the README's first command runs: a social-services case from intake to closure
 * ({@link SocialServicesScenario}), told on {@code System.out}.
 *
 * <pre>{@code mvn -q -pl casemgmt-examples -am compile exec:java }</pre>
 *
 * <p>It prints each command with the phase the case is in afterwards (and, once, the commands the case
 * permits), every refusal as a readable line built from the typed {@link Rejection}, then the case's history
 * rebuilt event by event, and a summary. It prints ids, kinds, days, amounts and phases — never the client's
 * name or any free text of the case.
 *
 * <p>The story states, for each command, whether the rules must accept it or which rule must refuse it. If the
 * library answers otherwise, or if replaying the history does not rebuild the same case file, the example
 * stops with an exception (and a non-zero exit code), so it cannot quietly tell a story the library no longer
 * supports. Nothing is random and no clock is read: the output is the same on every run.
 */
public final class Main {

  private Main() {}

  /**
   * Tells the social-services story on {@code System.out}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    tell(SocialServicesScenario.story(), System.out);
  }

  /**
   * What telling a story left behind, for callers that want to look further than the printed lines.
   *
   * @param caseFile the case file at the end of the story
   * @param history  every event recorded, in order
   * @param refused  the rejections met on the way, in order
   */
  public record Told(CaseFile caseFile, Seq<RecordedEvent> history, Seq<Rejection> refused) {}

  /**
   * Runs a story's commands against a case file and prints what happens.
   *
   * @param story the opening and chapters of commands, each with the answer the story expects
   * @param out   where to print
   * @return the final case file, its history and the rejections met
   * @throws IllegalStateException if a command is accepted or refused contrary to the story, or if the history
   *                               does not replay to the same case file
   */
  public static Told tell(Story story, PrintStream out) {
    out.println("casemgmt example: " + story.title());
    out.println("Only ids, kinds, days, amounts and phases are printed: never the client's name or free text.");
    out.println();

    out.println("== 1. Intake");
    Command.OpenCase opening = story.opening();
    Seq<RecordedEvent> opened = expectAccepted(1, opening, CaseFile.decideOpening(story.openedBy(), opening));
    Seq<RecordedEvent> history = Vector.ofAll(opened);
    CaseFile caseFile = replayed(history);
    printAccepted(out, opening, opened, caseFile);

    Vector<Rejection> refused = Vector.empty();
    int accepted = 1;
    int stepNumber = 1;
    int chapterNumber = 1;
    for (Story.Chapter chapter : story.chapters()) {
      chapterNumber++;
      out.println();
      out.println("== " + chapterNumber + ". " + chapter.title());
      for (Story.Step step : chapter.steps()) {
        stepNumber++;
        Command command = step.command().command();
        Either<Rejection, Seq<RecordedEvent>> decided = caseFile.decide(step.command().issued(), command);
        if (step.refusedBy().isEmpty()) {
          Seq<RecordedEvent> events = expectAccepted(stepNumber, command, decided);
          history = history.appendAll(events);
          caseFile = caseFile.evolve(events);
          accepted++;
          printAccepted(out, command, events, caseFile);
        } else {
          Rejection rejection = expectRefused(stepNumber, step, decided);
          refused = refused.append(rejection);
          out.println(String.format("  %-22s %-8s phase %-14s %s", step.command().kind(), "REFUSED",
              caseFile.phase(), RejectionPrinter.describe(rejection)));
        }
      }
      if (chapter.showPermitted()) {
        out.println("  Commands the case permits now, in " + caseFile.phase() + ":");
        out.println("    " + caseFile.permittedCommands().mkString(", "));
        out.println("  Phases reachable from here: " + caseFile.reachablePhases().mkString(", "));
      }
    }

    out.println();
    out.println("== History (rebuilt from the " + history.size() + " recorded events)");
    out.println(HistoryPrinter.header());
    List<Phase> phasesVisited = printHistory(out, history);

    CaseFile rebuilt = replayed(history);
    if (!rebuilt.equals(caseFile)) {
      throw new IllegalStateException("replaying the history of case " + caseFile.id() + " gave another case file");
    }
    printSummary(out, caseFile, history, accepted, refused, phasesVisited);
    return new Told(caseFile, history, refused);
  }

  /** Prints one line per event with the phase after it; answers the phases in the order first entered. */
  private static List<Phase> printHistory(PrintStream out, Seq<RecordedEvent> history) {
    CaseFile state = replayed(history.take(1));
    out.println(HistoryPrinter.line(history.head(), state.phase()));
    List<Phase> visited = List.of(state.phase());
    for (RecordedEvent event : history.tail()) {
      state = state.evolve(List.of(event));
      out.println(HistoryPrinter.line(event, state.phase()));
      if (state.phase() != visited.last()) {
        visited = visited.append(state.phase());
      }
    }
    return visited;
  }

  private static void printSummary(PrintStream out, CaseFile caseFile, Seq<RecordedEvent> history,
      int accepted, Seq<Rejection> refused, List<Phase> phasesVisited) {
    out.println();
    out.println("== Summary");
    out.println("Phases visited: " + phasesVisited.mkString(" -> "));
    out.println("Events recorded: " + history.size() + " (commands accepted: " + accepted + ", refused: "
        + refused.size() + "; a refused command records nothing)");
    out.println("Refusals: " + (refused.isEmpty() ? "none" : refused.map(Rejection::rule).mkString(", ")));
    Seq<Intervention> interventions = caseFile.currentPlan()
        .map(p -> p.interventions().values().toList().sortBy(Intervention::id))
        .getOrElse(List.empty());
    out.println("Interventions in the last plan: " + interventions.size() + " ("
        + List.of(InterventionStatus.values())
            .map(s -> s + " " + interventions.count(i -> i.status() == s))
            .filter(s -> !s.endsWith(" 0"))
            .mkString(", ")
        + "), planned cost " + caseFile.currentPlan().map(PlanVersion::plannedCost).map(String::valueOf).getOrElse("0"));
    out.println("Plan versions: " + caseFile.planVersions().size() + " (" + caseFile.planVersions()
        .map(v -> "v" + v.number() + " approved " + v.approvedOn().map(String::valueOf).getOrElse("never"))
        .mkString(", ") + ")");
    out.println("Case manager: " + caseFile.caseManager() + "; final phase: " + caseFile.phase()
        + caseFile.closure().map(reason -> " (" + reason + ")").getOrElse(""));
    out.println("Replay: the " + history.size() + " events rebuild a case file equal to the one the commands built.");
  }

  /** One line per accepted command: its kind, the phase after it, the version, and what it was about (an id). */
  private static void printAccepted(PrintStream out, Command command, Seq<RecordedEvent> events, CaseFile after) {
    String subject = events.map(e -> HistoryPrinter.details(e.event()))
        .map(details -> details.isEmpty() ? "" : details.split(" ")[0])
        .filter(first -> !first.isEmpty())
        .mkString(" ");
    out.println(String.format("  %-22s %-8s phase %-14s version %-3d %s", command.kind(), "accepted", after.phase(),
        after.version(), subject).stripTrailing());
  }

  private static Seq<RecordedEvent> expectAccepted(int stepNumber, Command command,
      Either<Rejection, Seq<RecordedEvent>> decided) {
    return decided.getOrElseThrow(rejection -> new IllegalStateException("step " + stepNumber + " ("
        + command.kind() + ") should be accepted but was refused: " + RejectionPrinter.describe(rejection)));
  }

  private static Rejection expectRefused(int stepNumber, Story.Step step,
      Either<Rejection, Seq<RecordedEvent>> decided) {
    Option<Class<? extends Rejection>> expected = step.refusedBy();
    String expectedRule = expected.map(Class::getSimpleName).getOrElse("?");
    Rejection rejection = decided.swap().getOrElseThrow(events -> new IllegalStateException("step " + stepNumber
        + " (" + step.command().kind() + ") should be refused by " + expectedRule + " but was accepted"));
    if (!expected.exists(rule -> rule.isInstance(rejection))) {
      throw new IllegalStateException("step " + stepNumber + " (" + step.command().kind() + ") should be refused by "
          + expectedRule + " but was refused by " + rejection.rule());
    }
    return rejection;
  }

  private static CaseFile replayed(Seq<RecordedEvent> history) {
    return CaseFile.replay(history).getOrElseThrow(problem -> new IllegalStateException(
        "the recorded history does not replay: " + problem));
  }
}
