package org.casemgmt;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vavr.collection.List;
import org.junit.jupiter.api.function.Executable;

/** The tests' one way to read what an {@link InvalidInputException} names. */
public final class InputProblems {

  private InputProblems() {}

  /**
   * Runs a call that must be refused as invalid input and answers its problems as {@code field:PROBLEM} pairs.
   *
   * @param call the call
   * @return the problems, in the order reported
   */
  public static List<String> problems(Executable call) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call);
    return e.errors().map(error -> error.field() + ":" + error.problem());
  }
}
