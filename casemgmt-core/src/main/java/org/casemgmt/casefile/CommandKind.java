package org.casemgmt.casefile;

/**
 * The kinds of commands a case file understands, one per {@link Command} type. {@link PhaseTable} says in
 * which phases each kind is permitted, so a user interface can offer only the actions that are legal now.
 */
public enum CommandKind {
  /** {@link Command.OpenCase}. */
  OPEN_CASE,
  /** {@link Command.HandOver}. */
  HAND_OVER,
  /** {@link Command.ExtendScope}. */
  EXTEND_SCOPE,
  /** {@link Command.SuspendCase}. */
  SUSPEND_CASE,
  /** {@link Command.ResumeCase}. */
  RESUME_CASE,
  /** {@link Command.CloseCase}. */
  CLOSE_CASE,
  /** {@link Command.ReopenCase}. */
  REOPEN_CASE,
  /** {@link Command.StartAssessment}. */
  START_ASSESSMENT,
  /** {@link Command.RecordNeed}. */
  RECORD_NEED,
  /** {@link Command.ReviseNeed}. */
  REVISE_NEED,
  /** {@link Command.WithdrawNeed}. */
  WITHDRAW_NEED,
  /** {@link Command.RecordStrength}. */
  RECORD_STRENGTH,
  /** {@link Command.RecordResource}. */
  RECORD_RESOURCE,
  /** {@link Command.CompleteAssessment}. */
  COMPLETE_ASSESSMENT,
  /** {@link Command.StartPlanning}. */
  START_PLANNING,
  /** {@link Command.AddGoal}. */
  ADD_GOAL,
  /** {@link Command.PlanIntervention}. */
  PLAN_INTERVENTION,
  /** {@link Command.DeferNeed}. */
  DEFER_NEED,
  /** {@link Command.SetBudgetCap}. */
  SET_BUDGET_CAP,
  /** {@link Command.RecordAgreement}. */
  RECORD_AGREEMENT,
  /** {@link Command.ApprovePlan}. */
  APPROVE_PLAN,
  /** {@link Command.StartImplementation}. */
  START_IMPLEMENTATION,
  /** {@link Command.StartIntervention}. */
  START_INTERVENTION,
  /** {@link Command.SuspendIntervention}. */
  SUSPEND_INTERVENTION,
  /** {@link Command.ResumeIntervention}. */
  RESUME_INTERVENTION,
  /** {@link Command.CompleteIntervention}. */
  COMPLETE_INTERVENTION,
  /** {@link Command.CancelIntervention}. */
  CANCEL_INTERVENTION,
  /** {@link Command.RecordReview}. */
  RECORD_REVIEW,
  /** {@link Command.StartEvaluation}. */
  START_EVALUATION,
  /** {@link Command.RecordOutcome}. */
  RECORD_OUTCOME,
  /** {@link Command.Replan}. */
  REPLAN,
  /** {@link Command.AddParticipant}. */
  ADD_PARTICIPANT,
  /** {@link Command.RequestReferral}. */
  REQUEST_REFERRAL,
  /** {@link Command.AcceptReferral}. */
  ACCEPT_REFERRAL,
  /** {@link Command.DeclineReferral}. */
  DECLINE_REFERRAL,
  /** {@link Command.CompleteReferral}. */
  COMPLETE_REFERRAL,
  /** {@link Command.JoinTeam}. */
  JOIN_TEAM,
  /** {@link Command.LeaveTeam}. */
  LEAVE_TEAM,
  /** {@link Command.GrantConsent}. */
  GRANT_CONSENT,
  /** {@link Command.WithdrawConsent}. */
  WITHDRAW_CONSENT,
  /** {@link Command.Countersign}. */
  COUNTERSIGN
}
