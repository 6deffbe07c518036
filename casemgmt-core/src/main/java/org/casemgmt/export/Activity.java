package org.casemgmt.export;

import org.casemgmt.casefile.EventKind;

/**
 * The activities of the event logs: the table of what each line is called and which XES lifecycle transition it
 * is, kept as data so that the CSV, the XES and the README's table say the same. There is one activity per
 * {@link EventKind}, with two refinements a process-mining researcher needs to count correctly:
 *
 * <ul>
 *   <li>a review that records no finding and only proceeds to evaluation is {@link #MOVE_TO_EVALUATION}, the
 *       step out of implementation, not a {@link #MONITORING_REVIEW} — the simulation records one at every end
 *       of an implementation that no review has moved to monitoring, and does not count it as a review;</li>
 *   <li>closing a case ends the work still open ({@code CaseClosed} says so): each intervention it cancels is an
 *       {@link #INTERVENTION_CANCELLED} line of its own and each referral it withdraws a
 *       {@link #REFERRAL_WITHDRAWN} line, just before the {@link #CASE_CLOSED} line.</li>
 * </ul>
 *
 * <p>Transitions follow the XES standard lifecycle model: an intervention or a referral is scheduled (planned,
 * requested), started (started, accepted), suspended and resumed, and completes; one cancelled or withdrawn
 * before it started is {@code withdraw}n, one ended after it started is aborted ({@code ate_abort}). Every other
 * activity is an atomic {@code complete}.
 */
enum Activity {
  CASE_OPENED("Case opened"),
  CASE_HANDED_OVER("Case handed over"),
  SCOPE_EXTENDED("Scope extended"),
  TEAM_MEMBER_JOINED("Team member joined"),
  TEAM_MEMBER_LEFT("Team member left"),
  CONSENT_GRANTED("Consent to share granted"),
  CONSENT_WITHDRAWN("Consent to share withdrawn"),
  COUNTERSIGNED("Countersigned"),
  CASE_SUSPENDED("Case suspended"),
  CASE_RESUMED("Case resumed"),
  CASE_CLOSED("Case closed"),
  CASE_REOPENED("Case reopened"),
  ASSESSMENT_STARTED("Assessment started"),
  NEED_RECORDED("Need recorded"),
  NEED_REVISED("Need revised"),
  NEED_WITHDRAWN("Need withdrawn"),
  STRENGTH_RECORDED("Strength recorded"),
  RESOURCE_RECORDED("Resource recorded"),
  ASSESSMENT_COMPLETED("Assessment completed"),
  PLANNING_STARTED("Planning started"),
  GOAL_ADDED("Goal added"),
  INTERVENTION_PLANNED("Intervention planned", "schedule"),
  NEED_DEFERRED("Need deferred"),
  BUDGET_CAP_SET("Budget cap set"),
  PLAN_AGREED("Plan agreed"),
  PLAN_APPROVED("Plan approved"),
  IMPLEMENTATION_STARTED("Implementation started"),
  INTERVENTION_STARTED("Intervention started", "start"),
  INTERVENTION_SUSPENDED("Intervention suspended", "suspend"),
  INTERVENTION_RESUMED("Intervention resumed", "resume"),
  INTERVENTION_COMPLETED("Intervention completed"),
  /** By a command or by the closure; {@code withdraw} or {@code ate_abort} by whether it had started. */
  INTERVENTION_CANCELLED("Intervention cancelled"),
  /** A review with findings, or one deciding to continue, adjust the plan or reassess. */
  MONITORING_REVIEW("Monitoring review"),
  /** A review with no findings that only proceeds to evaluation. */
  MOVE_TO_EVALUATION("Move to evaluation"),
  EVALUATION_STARTED("Evaluation started"),
  OUTCOME_RECORDED("Outcome recorded"),
  REPLANNING_STARTED("Re-planning started"),
  PARTICIPANT_ADDED("Participant added"),
  REFERRAL_REQUESTED("Referral requested", "schedule"),
  REFERRAL_ACCEPTED("Referral accepted", "start"),
  REFERRAL_DECLINED("Referral declined", "withdraw"),
  REFERRAL_COMPLETED("Referral completed"),
  /** By the closure only; {@code withdraw} or {@code ate_abort} by whether the provider had accepted it. */
  REFERRAL_WITHDRAWN("Referral withdrawn");

  private final String label;
  private final String transition;

  Activity(String label) {
    this(label, "complete");
  }

  Activity(String label, String transition) {
    this.label = label;
    this.transition = transition;
  }

  /** {@return the activity's name in the logs: XES {@code concept:name}, the CSV's {@code activity}} */
  String label() {
    return label;
  }

  /** {@return the XES lifecycle transition of the activity, unless the state decides it (cancellations)} */
  String transition() {
    return transition;
  }

  /** {@return the activity that records an event of this kind, before the refinements above} */
  static Activity of(EventKind kind) {
    return switch (kind) {
      case CASE_OPENED -> CASE_OPENED;
      case CASE_HANDED_OVER -> CASE_HANDED_OVER;
      case SCOPE_EXTENDED -> SCOPE_EXTENDED;
      case TEAM_MEMBER_JOINED -> TEAM_MEMBER_JOINED;
      case TEAM_MEMBER_LEFT -> TEAM_MEMBER_LEFT;
      case CONSENT_GRANTED -> CONSENT_GRANTED;
      case CONSENT_WITHDRAWN -> CONSENT_WITHDRAWN;
      case COUNTERSIGNED -> COUNTERSIGNED;
      case CASE_SUSPENDED -> CASE_SUSPENDED;
      case CASE_RESUMED -> CASE_RESUMED;
      case CASE_CLOSED -> CASE_CLOSED;
      case CASE_REOPENED -> CASE_REOPENED;
      case ASSESSMENT_STARTED -> ASSESSMENT_STARTED;
      case NEED_RECORDED -> NEED_RECORDED;
      case NEED_REVISED -> NEED_REVISED;
      case NEED_WITHDRAWN -> NEED_WITHDRAWN;
      case STRENGTH_RECORDED -> STRENGTH_RECORDED;
      case RESOURCE_RECORDED -> RESOURCE_RECORDED;
      case ASSESSMENT_COMPLETED -> ASSESSMENT_COMPLETED;
      case PLANNING_STARTED -> PLANNING_STARTED;
      case GOAL_ADDED -> GOAL_ADDED;
      case INTERVENTION_PLANNED -> INTERVENTION_PLANNED;
      case NEED_DEFERRED -> NEED_DEFERRED;
      case BUDGET_CAP_SET -> BUDGET_CAP_SET;
      case PLAN_AGREED -> PLAN_AGREED;
      case PLAN_APPROVED -> PLAN_APPROVED;
      case IMPLEMENTATION_STARTED -> IMPLEMENTATION_STARTED;
      case INTERVENTION_STARTED -> INTERVENTION_STARTED;
      case INTERVENTION_SUSPENDED -> INTERVENTION_SUSPENDED;
      case INTERVENTION_RESUMED -> INTERVENTION_RESUMED;
      case INTERVENTION_COMPLETED -> INTERVENTION_COMPLETED;
      case INTERVENTION_CANCELLED -> INTERVENTION_CANCELLED;
      case REVIEW_RECORDED -> MONITORING_REVIEW;
      case EVALUATION_STARTED -> EVALUATION_STARTED;
      case OUTCOME_RECORDED -> OUTCOME_RECORDED;
      case REPLANNING_STARTED -> REPLANNING_STARTED;
      case PARTICIPANT_ADDED -> PARTICIPANT_ADDED;
      case REFERRAL_REQUESTED -> REFERRAL_REQUESTED;
      case REFERRAL_ACCEPTED -> REFERRAL_ACCEPTED;
      case REFERRAL_DECLINED -> REFERRAL_DECLINED;
      case REFERRAL_COMPLETED -> REFERRAL_COMPLETED;
    };
  }
}
