package org.casemgmt.testkit;

import io.vavr.collection.Seq;
import io.vavr.control.Either;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.internal.Check;

/**
 * What the {@link ModelChecker} drives: something that takes a case file and a command in its envelope (who
 * issued it, when, and the version they expected) and answers the rejection or the events, together with the
 * case file it is in afterwards. The default is casemgmt itself ({@link #real()}); an application plugs in its
 * own wrapper (a service that stores events, a cache, a command handler with extra checks) to prove that the
 * wrapper keeps casemgmt's rules.
 *
 * <pre>{@code
 * SystemUnderTest mine = (caseFile, command) -> myService.handle(caseFile, command.issued(), command.command());
 * ModelChecker.forCaseFiles().systemUnderTest(mine).check();
 * }</pre>
 *
 * <p>The state after a rejection is part of the answer on purpose: a wrapper that refuses a command but
 * still changes something is exactly the bug the checker must see.
 */
@FunctionalInterface
public interface SystemUnderTest {

  /**
   * Handles one command.
   *
   * @param state   the case file before the command, as this system left it after the previous step
   * @param command the command, in its envelope
   * @return what was answered and the case file afterwards
   */
  Handled handle(CaseFile state, IssuedCommand command);

  /**
   * casemgmt's own behaviour: {@link CaseFile#decide}, then {@link CaseFile#evolve} on acceptance.
   *
   * @return the real system under test, which refuses a missing state or command with an
   *     {@link org.casemgmt.InvalidInputException}
   */
  static SystemUnderTest real() {
    return (state, command) -> {
      Check.orThrow(Check.present("state", state), Check.present("command", command));
      Either<Rejection, Seq<RecordedEvent>> answer = state.decide(command.issued(), command.command());
      return new Handled(answer, answer.fold(rejection -> state, state::evolve));
    };
  }

  /**
   * The answer to one command and the case file afterwards.
   *
   * @param answer the rejection, or the events the command caused
   * @param after  the case file after the command (for a rejection, it should equal the one before)
   */
  record Handled(Either<Rejection, Seq<RecordedEvent>> answer, CaseFile after) {

    /** Throws {@link IllegalArgumentException} if a part is missing. */
    public Handled {
      Check.orThrow(Check.present("answer", answer), Check.present("after", after));
    }

    /** {@return whether the command was accepted} */
    public boolean accepted() {
      return answer.isRight();
    }
  }
}
