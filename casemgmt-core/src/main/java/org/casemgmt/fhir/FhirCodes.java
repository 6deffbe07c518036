package org.casemgmt.fhir;

import io.vavr.control.Option;
import org.casemgmt.InputError;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Phase;
import org.casemgmt.internal.Check;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalLifecycle;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.ReferralStatus;

/**
 * Maps the library's states to HL7 FHIR status codes (R4 and R5 share these code systems), so a case can be
 * published as FHIR resources without a hand-made table in every application.
 *
 * <pre>{@code
 * FhirCodes.episodeOfCareStatus(caseFile);            // planned, active, onhold, finished or cancelled
 * FhirCodes.carePlanStatus(caseFile);                 // Some(draft | active | on-hold | revoked | completed)
 * FhirCodes.goalAchievementStatus(GoalAchievement.NOT_ATTAINABLE).code(); // "not-attainable"
 * }</pre>
 *
 * <p><b>Choices made where the vocabularies do not match one to one</b> (each is one line below):
 * <ul>
 *   <li>A case in intake is a {@code planned} episode (FHIR: the organisation may assess eligibility and
 *       organise resources before care starts); from assessment on it is {@code active}; a suspended case is
 *       {@code onhold}. A closed case is {@code finished} when the path ran to an ending the methodology
 *       foresees (goals achieved, taken over by another service, the person's death) and {@code cancelled}
 *       when it was broken off (withdrawal, unreachable, moved away, no longer eligible, nothing to take on).
 *       {@code waitlist} is not used: casemgmt has no waiting list.</li>
 *   <li>The current plan is a {@code draft} until approved; approved, it is {@code active} in planning,
 *       implementation and monitoring, {@code on-hold} while the case is suspended or back in assessment,
 *       {@code completed} in the final evaluation and when the case closes with its goals achieved, and
 *       {@code revoked} when the case closes for any other reason.</li>
 *   <li>An intervention is a {@code ServiceRequest} and the {@code Task} that fulfils it. A planned
 *       intervention is {@code draft} while its plan is not approved; once approved the provider named in
 *       the plan is a given, so its task is {@code ready}.</li>
 *   <li>A referral's task follows the provider's answer ({@code requested}, {@code accepted},
 *       {@code rejected}); a referral completed without success is still a {@code completed} task and
 *       request — the service was delivered, and its outcome belongs in {@code Task.statusReason} or
 *       {@code output}, not in the status.</li>
 * </ul>
 */
public final class FhirCodes {

  /** {@code EpisodeOfCare.status}. */
  public static final String EPISODE_OF_CARE_STATUS = "http://hl7.org/fhir/episode-of-care-status";
  /** {@code CarePlan.status} and {@code ServiceRequest.status}. */
  public static final String REQUEST_STATUS = "http://hl7.org/fhir/request-status";
  /** {@code Goal.lifecycleStatus}. */
  public static final String GOAL_STATUS = "http://hl7.org/fhir/goal-status";
  /** {@code Goal.achievementStatus}. */
  public static final String GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement";
  /** {@code Task.status}. */
  public static final String TASK_STATUS = "http://hl7.org/fhir/task-status";

  private FhirCodes() {}

  // ---------------------------------------------------------------- the case: EpisodeOfCare

  /**
   * The case as an {@code EpisodeOfCare.status}.
   *
   * @param caseFile the case whose phase, suspension and closure decide the status
   * @return a code of the {@link #EPISODE_OF_CARE_STATUS} code system
   */
  public static FhirCode episodeOfCareStatus(CaseFile caseFile) {
    Check.notNull(caseFile, "caseFile");
    return episodeOfCareStatus(caseFile.phase(), caseFile.suspended(), caseFile.closure());
  }

  /**
   * A case's situation as an {@code EpisodeOfCare.status}.
   *
   * @param phase     the case's phase
   * @param suspended whether it is suspended
   * @param closure   why it was closed; present exactly when the phase is {@link Phase#CLOSED}
   * @return the status code
   * @throws org.casemgmt.InvalidInputException if an argument is missing, the option holds null, or the phase is
   *     closed without a reason (no case file is in that state)
   */
  public static FhirCode episodeOfCareStatus(Phase phase, boolean suspended, Option<ClosureReason> closure) {
    checkClosure(phase, closure);
    if (phase == Phase.CLOSED) {
      return closedEpisode(closure.getOrNull());
    }
    if (suspended) {
      return episode("onhold", "On Hold");
    }
    return phase == Phase.INTAKE ? episode("planned", "Planned") : episode("active", "Active");
  }

  /** A phase and a closure that some case file could be in: a closed case always has its reason. */
  private static void checkClosure(Phase phase, Option<ClosureReason> closure) {
    Check.orThrow(Check.present("phase", phase), Check.option("closure", closure),
        phase == Phase.CLOSED && closure != null && closure.isEmpty()
            ? new InputError("closure", InputError.Problem.MISSING, "is required when the phase is CLOSED")
            : null);
  }

  private static FhirCode closedEpisode(ClosureReason reason) {
    return switch (reason) {
      case GOALS_ACHIEVED, TRANSFERRED, DECEASED -> episode("finished", "Finished");
      case CLIENT_WITHDREW, MOVED_AWAY, UNREACHABLE, NO_LONGER_ELIGIBLE, NO_NEEDS_IDENTIFIED ->
          episode("cancelled", "Cancelled");
    };
  }

  // ---------------------------------------------------------------- the plan: CarePlan

  /**
   * The case's current plan version as a {@code CarePlan.status}; none before planning has started.
   *
   * @param caseFile the case; its current plan, phase, suspension and closure decide the status
   * @return the status code of the current plan, if there is one
   */
  public static Option<FhirCode> carePlanStatus(CaseFile caseFile) {
    Check.notNull(caseFile, "caseFile");
    return caseFile.currentPlan()
        .map(plan -> carePlanStatus(plan.isApproved(), caseFile.phase(), caseFile.suspended(), caseFile.closure()));
  }

  /**
   * A plan version's situation as a {@code CarePlan.status}.
   *
   * @param approved  whether the version was approved
   * @param phase     the case's phase
   * @param suspended whether the case is suspended
   * @param closure   why the case was closed; present exactly when the phase is {@link Phase#CLOSED}
   * @return the status code
   * @throws org.casemgmt.InvalidInputException if an argument is missing, the option holds null, or the phase is
   *     closed without a reason (no case file is in that state)
   */
  public static FhirCode carePlanStatus(boolean approved, Phase phase, boolean suspended,
      Option<ClosureReason> closure) {
    checkClosure(phase, closure);
    if (phase == Phase.CLOSED) {
      ClosureReason reason = closure.getOrNull();
      return reason == ClosureReason.GOALS_ACHIEVED ? request("completed", "Completed") : request("revoked", "Revoked");
    }
    if (!approved) {
      return request("draft", "Draft");
    }
    if (suspended) {
      return request("on-hold", "On Hold");
    }
    return switch (phase) {
      case PLANNING, IMPLEMENTATION, MONITORING -> request("active", "Active");
      // Back in assessment (a reassessment, or a reopened case): the plan waits for the needs to be re-assessed.
      case INTAKE, ASSESSMENT -> request("on-hold", "On Hold");
      case EVALUATION, CLOSED -> request("completed", "Completed");
    };
  }

  // ---------------------------------------------------------------- goals

  /**
   * A goal's lifecycle as a {@code Goal.lifecycleStatus}.
   *
   * @param lifecycle the goal's lifecycle
   * @return a code of the {@link #GOAL_STATUS} code system
   */
  public static FhirCode goalLifecycleStatus(GoalLifecycle lifecycle) {
    Check.notNull(lifecycle, "lifecycle");
    return switch (lifecycle) {
      case PROPOSED -> goal("proposed", "Proposed");
      case ACTIVE -> goal("active", "Active");
      case COMPLETED -> goal("completed", "Completed");
    };
  }

  /**
   * A goal's outcome as a {@code Goal.achievementStatus} (the enum follows this code system, so the mapping
   * is one to one).
   *
   * @param achievement the goal's outcome
   * @return a code of the {@link #GOAL_ACHIEVEMENT} code system
   */
  public static FhirCode goalAchievementStatus(GoalAchievement achievement) {
    Check.notNull(achievement, "achievement");
    return switch (achievement) {
      case IN_PROGRESS -> achievement("in-progress", "In Progress");
      case IMPROVING -> achievement("improving", "Improving");
      case WORSENING -> achievement("worsening", "Worsening");
      case NO_CHANGE -> achievement("no-change", "No Change");
      case ACHIEVED -> achievement("achieved", "Achieved");
      case NOT_ACHIEVED -> achievement("not-achieved", "Not Achieved");
      case NOT_ATTAINABLE -> achievement("not-attainable", "Not Attainable");
    };
  }

  // ---------------------------------------------------------------- interventions

  /**
   * An intervention as a {@code ServiceRequest.status}.
   *
   * @param status       the intervention's status
   * @param planApproved whether the plan version it belongs to was approved
   * @return a code of the {@link #REQUEST_STATUS} code system
   */
  public static FhirCode serviceRequestStatus(InterventionStatus status, boolean planApproved) {
    Check.notNull(status, "status");
    return switch (status) {
      case PLANNED -> planApproved ? request("active", "Active") : request("draft", "Draft");
      case ACTIVE -> request("active", "Active");
      case SUSPENDED -> request("on-hold", "On Hold");
      case COMPLETED -> request("completed", "Completed");
      case CANCELLED -> request("revoked", "Revoked");
    };
  }

  /**
   * An intervention as a {@code Task.status}.
   *
   * @param status       the intervention's status
   * @param planApproved whether the plan version it belongs to was approved
   * @return a code of the {@link #TASK_STATUS} code system
   */
  public static FhirCode taskStatus(InterventionStatus status, boolean planApproved) {
    Check.notNull(status, "status");
    return switch (status) {
      case PLANNED -> planApproved ? task("ready", "Ready") : task("draft", "Draft");
      case ACTIVE -> task("in-progress", "In Progress");
      case SUSPENDED -> task("on-hold", "On Hold");
      case COMPLETED -> task("completed", "Completed");
      case CANCELLED -> task("cancelled", "Cancelled");
    };
  }

  // ---------------------------------------------------------------- referrals

  /**
   * A referral as a {@code ServiceRequest.status}.
   *
   * @param status the referral's status
   * @return a code of the {@link #REQUEST_STATUS} code system
   */
  public static FhirCode serviceRequestStatus(ReferralStatus status) {
    Check.notNull(status, "status");
    return switch (status) {
      case REQUESTED, ACCEPTED -> request("active", "Active");
      case DECLINED, WITHDRAWN -> request("revoked", "Revoked");
      case COMPLETED_SUCCESSFULLY, COMPLETED_UNSUCCESSFULLY -> request("completed", "Completed");
    };
  }

  /**
   * A referral as a {@code Task.status}: the provider's side of the closed loop.
   *
   * @param status the referral's status
   * @return a code of the {@link #TASK_STATUS} code system
   */
  public static FhirCode taskStatus(ReferralStatus status) {
    Check.notNull(status, "status");
    return switch (status) {
      case REQUESTED -> task("requested", "Requested");
      case ACCEPTED -> task("accepted", "Accepted");
      case DECLINED -> task("rejected", "Rejected");
      case WITHDRAWN -> task("cancelled", "Cancelled");
      case COMPLETED_SUCCESSFULLY, COMPLETED_UNSUCCESSFULLY -> task("completed", "Completed");
    };
  }

  // ---------------------------------------------------------------- codes, with the code systems' displays

  private static FhirCode episode(String code, String display) {
    return new FhirCode(EPISODE_OF_CARE_STATUS, code, display);
  }

  private static FhirCode request(String code, String display) {
    return new FhirCode(REQUEST_STATUS, code, display);
  }

  private static FhirCode goal(String code, String display) {
    return new FhirCode(GOAL_STATUS, code, display);
  }

  private static FhirCode achievement(String code, String display) {
    return new FhirCode(GOAL_ACHIEVEMENT, code, display);
  }

  private static FhirCode task(String code, String display) {
    return new FhirCode(TASK_STATUS, code, display);
  }
}
