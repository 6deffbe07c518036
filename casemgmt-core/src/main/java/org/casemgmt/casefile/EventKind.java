package org.casemgmt.casefile;

/**
 * The kinds of {@link CaseEvent}, one per event type, as {@link CommandKind} lists the commands. Applying an
 * event dispatches with an exhaustive {@code switch} over this enum, so an event type added without being
 * handled fails to compile. Every event is caused by exactly one kind of command ({@link #command()}).
 *
 * <pre>{@code
 * EventKind kind = recorded.event().kind();   // e.g. INTERVENTION_PLANNED
 * kind.command();                             // PLAN_INTERVENTION
 * }</pre>
 */
public enum EventKind {
  /** A case file was opened. */
  CASE_OPENED(CommandKind.OPEN_CASE),
  /** The case passed to another case manager. */
  CASE_HANDED_OVER(CommandKind.HAND_OVER),
  /** The scope was extended. */
  SCOPE_EXTENDED(CommandKind.EXTEND_SCOPE),
  /** The case was suspended. */
  CASE_SUSPENDED(CommandKind.SUSPEND_CASE),
  /** The case was resumed. */
  CASE_RESUMED(CommandKind.RESUME_CASE),
  /** The case was closed. */
  CASE_CLOSED(CommandKind.CLOSE_CASE),
  /** The case was reopened. */
  CASE_REOPENED(CommandKind.REOPEN_CASE),
  /** The assessment started. */
  ASSESSMENT_STARTED(CommandKind.START_ASSESSMENT),
  /** A need was recorded. */
  NEED_RECORDED(CommandKind.RECORD_NEED),
  /** A need was revised. */
  NEED_REVISED(CommandKind.REVISE_NEED),
  /** A need was withdrawn. */
  NEED_WITHDRAWN(CommandKind.WITHDRAW_NEED),
  /** One of the client's strengths was recorded. */
  STRENGTH_RECORDED(CommandKind.RECORD_STRENGTH),
  /** A resource was recorded. */
  RESOURCE_RECORDED(CommandKind.RECORD_RESOURCE),
  /** The assessment was concluded. */
  ASSESSMENT_COMPLETED(CommandKind.COMPLETE_ASSESSMENT),
  /** A plan version was started. */
  PLANNING_STARTED(CommandKind.START_PLANNING),
  /** A goal was added. */
  GOAL_ADDED(CommandKind.ADD_GOAL),
  /** An intervention was planned. */
  INTERVENTION_PLANNED(CommandKind.PLAN_INTERVENTION),
  /** A need was deferred. */
  NEED_DEFERRED(CommandKind.DEFER_NEED),
  /** A budget cap was set. */
  BUDGET_CAP_SET(CommandKind.SET_BUDGET_CAP),
  /** The client agreed to the plan. */
  PLAN_AGREED(CommandKind.RECORD_AGREEMENT),
  /** The plan was approved. */
  PLAN_APPROVED(CommandKind.APPROVE_PLAN),
  /** Implementation started. */
  IMPLEMENTATION_STARTED(CommandKind.START_IMPLEMENTATION),
  /** An intervention started. */
  INTERVENTION_STARTED(CommandKind.START_INTERVENTION),
  /** An intervention was suspended. */
  INTERVENTION_SUSPENDED(CommandKind.SUSPEND_INTERVENTION),
  /** An intervention was resumed. */
  INTERVENTION_RESUMED(CommandKind.RESUME_INTERVENTION),
  /** An intervention was completed. */
  INTERVENTION_COMPLETED(CommandKind.COMPLETE_INTERVENTION),
  /** An intervention was cancelled. */
  INTERVENTION_CANCELLED(CommandKind.CANCEL_INTERVENTION),
  /** A monitoring review was recorded. */
  REVIEW_RECORDED(CommandKind.RECORD_REVIEW),
  /** The final evaluation started. */
  EVALUATION_STARTED(CommandKind.START_EVALUATION),
  /** A goal's outcome was recorded. */
  OUTCOME_RECORDED(CommandKind.RECORD_OUTCOME),
  /** Re-planning started. */
  REPLANNING_STARTED(CommandKind.REPLAN),
  /** A participant joined the plan. */
  PARTICIPANT_ADDED(CommandKind.ADD_PARTICIPANT),
  /** A referral was requested. */
  REFERRAL_REQUESTED(CommandKind.REQUEST_REFERRAL),
  /** A referral was accepted. */
  REFERRAL_ACCEPTED(CommandKind.ACCEPT_REFERRAL),
  /** A referral was declined. */
  REFERRAL_DECLINED(CommandKind.DECLINE_REFERRAL),
  /** A referral ended. */
  REFERRAL_COMPLETED(CommandKind.COMPLETE_REFERRAL),
  /** A member joined the case's team. */
  TEAM_MEMBER_JOINED(CommandKind.JOIN_TEAM),
  /** A member left the case's team. */
  TEAM_MEMBER_LEFT(CommandKind.LEAVE_TEAM),
  /** The client consented to share life domains with a provider. */
  CONSENT_GRANTED(CommandKind.GRANT_CONSENT),
  /** The client withdrew consent to share life domains with a provider. */
  CONSENT_WITHDRAWN(CommandKind.WITHDRAW_CONSENT),
  /** A supervisor countersigned a plan's approval or a case's closure. */
  COUNTERSIGNED(CommandKind.COUNTERSIGN);

  private final CommandKind command;

  /** The event kind each command kind records, by the command kind's ordinal. */
  private static final EventKind[] RECORDED_BY = new EventKind[CommandKind.values().length];

  static {
    for (EventKind kind : values()) {
      if (RECORDED_BY[kind.command.ordinal()] != null) {
        throw new ExceptionInInitializerError(kind.command + " records two kinds of event");
      }
      RECORDED_BY[kind.command.ordinal()] = kind;
    }
  }

  EventKind(CommandKind command) {
    this.command = command;
  }

  /** {@return the kind of command whose acceptance records this kind of event} */
  public CommandKind command() {
    return command;
  }

  /** The kind of event a command of this kind records when it is accepted; for the hot path (no argument check). */
  static EventKind recordedBy(CommandKind command) {
    return RECORDED_BY[command.ordinal()];
  }
}
