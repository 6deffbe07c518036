package org.casemgmt.testkit;

import io.vavr.collection.List;
import io.vavr.control.Either;
import org.casemgmt.InputError;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.internal.Check;

/**
 * A generated case: the command that opened it and the commands issued afterwards, accepted or not, each in its
 * envelope. It is data, not a case file: {@link #play()} turns it into one. Shrinking a generated case drops
 * commands and simplifies the rest; the opening stays. (Not to be confused with
 * {@link org.casemgmt.simulation.Scenario}, which describes a whole service to simulate.)
 *
 * <pre>{@code
 * GeneratedCase generated = CaseGens.generatedCases(40).sample(42L, 30);
 * CaseFile file = generated.play();       // the case after every accepted command
 * String story = generated.story();       // ids and kinds only, no free text: safe to print
 * }</pre>
 *
 * @param opening  the command that opened the case, in its envelope
 * @param commands the commands issued afterwards, each in its envelope, in order
 */
public record GeneratedCase(IssuedCommand opening, List<IssuedCommand> commands) {

  /**
   * Creates the generated case, checking that both parts are present and that the opening opens a case.
   *
   * @param opening  the command that opened the case, in its envelope
   * @param commands the commands issued afterwards, each in its envelope, in order
   * @throws org.casemgmt.InvalidInputException if a part is missing, a command is null, or the opening's command
   *     is not {@link Command.OpenCase}
   */
  public GeneratedCase {
    Check.orThrow(Check.present("opening", opening), Check.elements("commands", commands, false),
        opening == null || opening.command() instanceof Command.OpenCase ? null
            : new InputError("opening", InputError.Problem.MALFORMED, "must be OPEN_CASE, not " + opening.kind()));
  }

  /**
   * Plays the generated case on casemgmt: opens the case and handles every command, skipping the refused ones.
   *
   * @return the case file at the end
   * @throws IllegalStateException if the opening is refused
   */
  public CaseFile play() {
    CaseFile state = CaseFile.open(opening.issued(), (Command.OpenCase) opening.command())
        .getOrElseThrow(r -> new IllegalStateException("the opening was refused: " + r.rule()));
    for (IssuedCommand command : commands) {
      Either<Rejection, CaseFile> next = state.handle(command);
      state = next.getOrElse(state);
    }
    return state;
  }

  /**
   * The generated case as a numbered story, one command a line (opening as 0) as {@link CommandDescriptions}
   * describes it: ids, kinds, days and amounts but never free text.
   *
   * @return one numbered line per command, safe to print
   */
  public String story() {
    StringBuilder out = new StringBuilder("  0. ").append(CommandDescriptions.describe(opening));
    commands.zipWithIndex().forEach(c -> out.append('\n').append(String.format("%3d. ", c._2 + 1))
        .append(CommandDescriptions.describe(c._1)));
    return out.toString();
  }

  @Override
  public String toString() {
    return "GeneratedCase[" + ((Command.OpenCase) opening.command()).caseId() + ", " + commands.size() + " commands: "
        + commands.map(IssuedCommand::kind).mkString(", ") + "]";
  }
}
