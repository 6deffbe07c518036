package org.casemgmt.casefile;

import org.casemgmt.internal.Check;

/**
 * A command in its envelope: the intent ({@link Command}) with who issued it, when, and the version they
 * expected ({@link Issued}). It is what travels when a command is data rather than a call — a generated
 * sequence in the testkit, a step of the simulation, a stored or queued command in the wire format — as
 * {@link RecordedEvent} is what travels for an event.
 *
 * <pre>{@code
 * IssuedCommand step = IssuedCommand.of(anna, new Command.StartAssessment());
 * Either<Rejection, CaseFile> next = file.handle(step);
 * }</pre>
 *
 * @param issued  who issues the command, when, and the version they expect
 * @param command what they ask
 */
public record IssuedCommand(Issued issued, Command command) {

  public IssuedCommand {
    Check.orThrow(Check.present("issued", issued), Check.present("command", command));
  }

  /**
   * A command in its envelope.
   *
   * @param issued  who issues the command, when, and the version they expect
   * @param command what they ask
   * @return the command in its envelope
   * @throws org.casemgmt.InvalidInputException if an argument is missing
   */
  public static IssuedCommand of(Issued issued, Command command) {
    return new IssuedCommand(issued, command);
  }

  /** {@return the kind of the command} */
  public CommandKind kind() {
    return command.kind();
  }
}
