package org.casemgmt.examples;

import io.vavr.collection.List;
import io.vavr.control.Option;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Rejection;

/**
 * A case told as a story: the command that opens the case, then chapters of commands, each expected either to
 * be accepted or to be refused by a named rule. The expectation is part of the story so that {@link Main} can
 * stop at once, with a non-zero exit code, if the library ever answers differently from what the story says.
 *
 * <p>Every command travels with its envelope: who issues it and when ({@link Issued}), as the case file takes
 * it in {@link org.casemgmt.casefile.CaseFile#decide(Issued, Command)}.
 *
 * @param title    what the story shows (written by the example's author; never case content)
 * @param openedBy who opens the case, and when
 * @param opening  the command that opens the case
 * @param chapters the chapters, in order
 */
public record Story(String title, Issued openedBy, Command.OpenCase opening, List<Story.Chapter> chapters) {

  /** Throws {@link IllegalArgumentException} if a part is missing. */
  public Story {
    if (title == null || openedBy == null || opening == null || chapters == null) {
      throw new IllegalArgumentException("title, openedBy, opening and chapters are required");
    }
  }

  /** The number of commands in the story, the opening included. */
  public int commandCount() {
    return 1 + chapters.map(c -> c.steps().size()).sum().intValue();
  }

  /** Every command of the story in its envelope, in order, the opening first. */
  public List<IssuedCommand> commands() {
    return List.of(IssuedCommand.of(openedBy, opening)).appendAll(chapters.flatMap(Chapter::steps).map(Step::command));
  }

  /**
   * One chapter: a phase of the methodology, or a moment of it worth its own heading.
   *
   * @param title         the chapter's heading
   * @param steps         the commands issued in it
   * @param showPermitted whether to print, after the chapter, the commands the case accepts at that point
   */
  public record Chapter(String title, List<Step> steps, boolean showPermitted) {

    /** Throws {@link IllegalArgumentException} if a part is missing. */
    public Chapter {
      if (title == null || steps == null) {
        throw new IllegalArgumentException("title and steps are required");
      }
    }

    /** A chapter after which nothing more is printed than its steps. */
    public static Chapter of(String title, Step... steps) {
      return new Chapter(title, List.of(steps), false);
    }

    /** The same chapter, followed by the list of commands the case then permits. */
    public Chapter thenShowPermittedCommands() {
      return new Chapter(title, steps, true);
    }
  }

  /**
   * One command, who issues it and when, and what the story expects of it.
   *
   * @param command   the command in its envelope
   * @param refusedBy the rule expected to refuse it, or none if it must be accepted
   */
  public record Step(IssuedCommand command, Option<Class<? extends Rejection>> refusedBy) {

    /** Throws {@link IllegalArgumentException} if a part is missing. */
    public Step {
      if (command == null || refusedBy == null) {
        throw new IllegalArgumentException("command and refusedBy are required");
      }
    }

    /**
     * A command the rules must accept.
     *
     * @param issued  who issues it and when
     * @param command what is asked of the case
     * @return a step the story stops at if the command is refused
     */
    public static Step accepted(Issued issued, Command command) {
      return new Step(IssuedCommand.of(issued, command), Option.none());
    }

    /**
     * A command the named rule must refuse.
     *
     * @param issued  who issues it and when
     * @param command what is asked of the case
     * @param rule    the type of the rejection expected, which names the rule
     * @return a step the story stops at if the command is accepted or refused by another rule
     */
    public static Step refused(Issued issued, Command command, Class<? extends Rejection> rule) {
      return new Step(IssuedCommand.of(issued, command), Option.some(rule));
    }
  }
}
