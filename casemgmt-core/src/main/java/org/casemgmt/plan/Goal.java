package org.casemgmt.plan;

import io.vavr.collection.Set;
import java.time.LocalDate;
import org.casemgmt.FreeText;
import org.casemgmt.internal.Check;
import org.casemgmt.need.NeedId;

/**
 * A goal of the individual plan: what the client and the team want to reach for one or more needs,
 * with a measurable target and a due date — "where we will go together" (seed 003). Description and
 * target are free text and redacted in {@link #toString()}.
 *
 * <pre>{@code
 * Goal job = Goal.of(GoalId.of("G-1"), HashSet.of(NeedId.of("N-1")), "Find stable work",
 *     "a contract of at least 20 hours a week", LocalDate.of(2026, 12, 31));
 * }</pre>
 *
 * @param id          the goal's identifier within its case
 * @param needs       the needs it addresses, at least one
 * @param description what the goal is (free text, redacted)
 * @param target      how its achievement is measured (free text, redacted)
 * @param dueOn       when it should be reached
 * @param lifecycle   proposed, active or completed
 * @param achievement the latest judgement of its achievement
 */
public record Goal(
    GoalId id,
    Set<NeedId> needs,
    FreeText description,
    FreeText target,
    LocalDate dueOn,
    GoalLifecycle lifecycle,
    GoalAchievement achievement) {

  /**
   * Throws {@link org.casemgmt.InvalidInputException} if a field is missing, a text blank or too long, or it addresses
   * no need.
   */
  public Goal {
    Check.orThrow(
        Check.present("id", id),
        Check.elements("needs", needs, true),
        Check.freeText("description", description),
        Check.freeText("target", target),
        Check.day("dueOn", dueOn),
        Check.present("lifecycle", lifecycle),
        Check.present("achievement", achievement));
  }

  /**
   * Creates a proposed goal, in progress, its free text given as plain strings.
   *
   * @param id          the goal's identifier within its case
   * @param needs       the needs it addresses, at least one
   * @param description what the goal is; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
   * @param target      how its achievement is measured; not blank, at most
   *                    {@value org.casemgmt.FreeText#MAX_LENGTH} characters
   * @param dueOn       when it should be reached
   * @return a goal {@link GoalLifecycle#PROPOSED}, its achievement {@link GoalAchievement#IN_PROGRESS}
   * @throws org.casemgmt.InvalidInputException if a field is missing, blank or too long, or it addresses no need
   */
  public static Goal of(GoalId id, Set<NeedId> needs, String description, String target, LocalDate dueOn) {
    return of(id, needs, Check.freeText(description), Check.freeText(target), dueOn);
  }

  /**
   * A proposed goal, in progress, as added to a plan.
   *
   * @param id          the goal's identifier
   * @param needs       the needs it addresses, at least one
   * @param description what the goal is
   * @param target      how its achievement is measured
   * @param dueOn       when it should be reached
   * @return a goal {@link GoalLifecycle#PROPOSED}, its achievement {@link GoalAchievement#IN_PROGRESS}
   * @throws org.casemgmt.InvalidInputException if a field is missing or it addresses no need
   */
  public static Goal of(GoalId id, Set<NeedId> needs, FreeText description, FreeText target, LocalDate dueOn) {
    return new Goal(id, needs, description, target, dueOn, GoalLifecycle.PROPOSED, GoalAchievement.IN_PROGRESS);
  }

  /** {@return whether the goal was evaluated as achieved} */
  public boolean isAchieved() {
    return lifecycle == GoalLifecycle.COMPLETED && achievement.isMet();
  }

  /**
   * This goal with another lifecycle status.
   *
   * @param newLifecycle e.g. {@link GoalLifecycle#ACTIVE} when its plan is approved
   * @return a copy in that status; the achievement is unchanged
   */
  public Goal withLifecycle(GoalLifecycle newLifecycle) {
    return new Goal(id, needs, description, target, dueOn, newLifecycle, achievement);
  }

  /** {@return this goal proposed again for a new plan version, its achievement back in progress} */
  public Goal reproposed() {
    return new Goal(id, needs, description, target, dueOn, GoalLifecycle.PROPOSED, GoalAchievement.IN_PROGRESS);
  }

  /**
   * This goal, evaluated with the given outcome.
   *
   * @param outcome how far it was reached
   * @return a copy {@link GoalLifecycle#COMPLETED} with that achievement, replacing any earlier one
   */
  public Goal evaluated(GoalAchievement outcome) {
    return new Goal(id, needs, description, target, dueOn, GoalLifecycle.COMPLETED, outcome);
  }
}
