package org.casemgmt.casefile;

import io.vavr.control.Option;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An expectation of the phase machine written by hand from DOMAIN.md and the Javadoc of {@link Command}, on
 * purpose without looking at {@link PhaseTable}: where the two disagree, one of them misreads the methodology.
 *
 * <p>What it encodes:
 * <ul>
 *   <li>Every open phase accepts the commands about the whole case: hand-over (continuity), extending the scope
 *       with consent, suspending and closing early. None of them moves the phase except closing.</li>
 *   <li>A suspended case accepts only resuming, closing and a hand-over (a case manager may leave during a long
 *       suspension); resuming keeps the phase it was in.</li>
 *   <li>Intake → assessment; assessment records needs, strengths, resources and concludes, then planning
 *       starts; planning builds and approves the plan, then implementation starts.</li>
 *   <li>Interventions are started, suspended, resumed, completed and cancelled while the plan is being
 *       delivered: in implementation and in monitoring. A planned intervention may also be cancelled while
 *       the plan is still being built.</li>
 *   <li>A review (implementation or monitoring) moves the case by its decision: continue → monitoring,
 *       adjust the plan → planning, reassess → assessment, proceed → evaluation.</li>
 *   <li>Evaluation is entered from monitoring; it records outcomes, and either re-plans or closes.</li>
 *   <li>A closed case accepts only reopening, which goes back to assessment.</li>
 * </ul>
 */
final class PhaseOracle {

  /** Commands about the whole case and its people: in every open phase, the team joined and left included. */
  private static final Set<CommandKind> WHOLE_CASE = EnumSet.of(
      CommandKind.HAND_OVER, CommandKind.EXTEND_SCOPE, CommandKind.SUSPEND_CASE, CommandKind.CLOSE_CASE,
      CommandKind.JOIN_TEAM, CommandKind.LEAVE_TEAM, CommandKind.GRANT_CONSENT, CommandKind.WITHDRAW_CONSENT,
      CommandKind.COUNTERSIGN);

  private static final Set<CommandKind> DELIVERY = EnumSet.of(
      CommandKind.START_INTERVENTION, CommandKind.SUSPEND_INTERVENTION, CommandKind.RESUME_INTERVENTION,
      CommandKind.COMPLETE_INTERVENTION, CommandKind.CANCEL_INTERVENTION, CommandKind.RECORD_REVIEW);

  /** Referrals are followed as a closed loop while there is a plan being prepared or carried out. */
  private static final Set<CommandKind> REFERRALS = EnumSet.of(CommandKind.REQUEST_REFERRAL,
      CommandKind.ACCEPT_REFERRAL, CommandKind.DECLINE_REFERRAL, CommandKind.COMPLETE_REFERRAL);

  private static final Map<Phase, Set<CommandKind>> OWN = new EnumMap<>(Phase.class);

  static {
    OWN.put(Phase.INTAKE, EnumSet.of(CommandKind.START_ASSESSMENT));
    OWN.put(Phase.ASSESSMENT, EnumSet.of(CommandKind.RECORD_NEED, CommandKind.REVISE_NEED, CommandKind.WITHDRAW_NEED,
        CommandKind.RECORD_STRENGTH, CommandKind.RECORD_RESOURCE, CommandKind.COMPLETE_ASSESSMENT,
        CommandKind.START_PLANNING));
    OWN.put(Phase.PLANNING, EnumSet.of(CommandKind.ADD_GOAL, CommandKind.PLAN_INTERVENTION, CommandKind.DEFER_NEED,
        CommandKind.SET_BUDGET_CAP, CommandKind.RECORD_AGREEMENT, CommandKind.APPROVE_PLAN,
        CommandKind.START_IMPLEMENTATION, CommandKind.CANCEL_INTERVENTION, CommandKind.ADD_PARTICIPANT));
    OWN.get(Phase.PLANNING).addAll(REFERRALS);
    Set<CommandKind> implementation = EnumSet.copyOf(DELIVERY);
    implementation.addAll(REFERRALS);
    OWN.put(Phase.IMPLEMENTATION, implementation);
    Set<CommandKind> monitoring = EnumSet.copyOf(implementation);
    monitoring.add(CommandKind.START_EVALUATION);
    OWN.put(Phase.MONITORING, monitoring);
    OWN.put(Phase.EVALUATION, EnumSet.of(CommandKind.RECORD_OUTCOME, CommandKind.REPLAN));
    OWN.put(Phase.CLOSED, EnumSet.of(CommandKind.REOPEN_CASE));
  }

  private PhaseOracle() {}

  /** Whether the methodology lets a case in this phase (suspended or not) take a command of this kind. */
  static boolean permits(Phase phase, boolean suspended, CommandKind kind) {
    if (kind == CommandKind.OPEN_CASE) {
      return false;
    }
    if (suspended) {
      return kind == CommandKind.RESUME_CASE || kind == CommandKind.CLOSE_CASE || kind == CommandKind.HAND_OVER;
    }
    if (kind == CommandKind.RESUME_CASE) {
      return false;
    }
    return OWN.get(phase).contains(kind) || phase.isOpen() && WHOLE_CASE.contains(kind);
  }

  /**
   * The phase an accepted command leads to, or none if the oracle thinks it must not be accepted at all.
   *
   * @param phase     the phase before
   * @param suspended whether the case was suspended before
   * @param command   the accepted command (its content decides where a review leads)
   */
  static Option<Phase> after(Phase phase, boolean suspended, Command command) {
    if (!permits(phase, suspended, command.kind())) {
      return Option.none();
    }
    return Option.some(switch (command.kind()) {
      case CLOSE_CASE -> Phase.CLOSED;
      case REOPEN_CASE -> Phase.ASSESSMENT;
      case START_ASSESSMENT -> Phase.ASSESSMENT;
      case START_PLANNING, REPLAN -> Phase.PLANNING;
      case START_IMPLEMENTATION -> Phase.IMPLEMENTATION;
      case START_EVALUATION -> Phase.EVALUATION;
      case RECORD_REVIEW -> switch (((Command.RecordReview) command).decision()) {
        case CONTINUE -> Phase.MONITORING;
        case ADJUST_PLAN -> Phase.PLANNING;
        case REASSESS -> Phase.ASSESSMENT;
        case PROCEED_TO_EVALUATION -> Phase.EVALUATION;
      };
      default -> phase;
    });
  }

  /** Whether the case is suspended after an accepted command. */
  static boolean suspendedAfter(boolean suspended, CommandKind kind) {
    return switch (kind) {
      case SUSPEND_CASE -> true;
      case RESUME_CASE, CLOSE_CASE -> false;
      default -> suspended;
    };
  }
}
