package org.casemgmt.internal;

import io.vavr.collection.Set;
import org.casemgmt.need.NeedId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ServiceKind;

/**
 * Construction without the public checks, for values the rules build from fields a command's own constructor has
 * just checked: the same fields would only be checked again. Public construction keeps every check; this path is
 * reachable from the library only, as the package is not exported (the pattern of {@link Check.FreeTextAccess}:
 * the value's class registers its private constructor here from its class initialiser).
 */
public final class Trusted {

  private Trusted() {}

  /** What {@link Intervention} lets the rules do, and nobody else. */
  public interface InterventionAccess {
    /** A planned intervention from fields already checked, as {@link Intervention#of} would build it. */
    Intervention planned(InterventionId id, Set<NeedId> needs, Set<GoalId> goals, ProviderId provider,
        ServiceKind kind, DayWindow window, Money cost);
  }

  private static volatile InterventionAccess interventions;

  /** Called once, by {@link Intervention}'s class initialiser. */
  public static void registerInterventions(InterventionAccess access) {
    if (interventions == null) {
      interventions = access;
    }
  }

  /**
   * A planned intervention from fields a {@code PlanIntervention} command checked when it was built (present,
   * at least one need, no null element); equal to what {@link Intervention#of} answers for them.
   */
  public static Intervention plannedIntervention(InterventionId id, Set<NeedId> needs, Set<GoalId> goals,
      ProviderId provider, ServiceKind kind, DayWindow window, Money cost) {
    InterventionAccess access = interventions;
    if (access == null) {
      initialise(Intervention.class);
      access = interventions;
    }
    return access.planned(id, needs, goals, provider, kind, window, cost);
  }

  /** What {@link org.casemgmt.casefile.CaseFile} lets the simulation do, and nobody else: see {@link #draft}. */
  public interface CaseFileAccess {
    /** A transient copy that the case file's own handling changes in place. */
    org.casemgmt.casefile.CaseFile draft(org.casemgmt.casefile.CaseFile file);

    /** The draft made an ordinary, immutable case file again; any other case file as it is. */
    org.casemgmt.casefile.CaseFile freeze(org.casemgmt.casefile.CaseFile file);
  }

  private static volatile CaseFileAccess caseFiles;

  /** Called once, by {@link org.casemgmt.casefile.CaseFile}'s class initialiser. */
  public static void registerCaseFiles(CaseFileAccess access) {
    if (caseFiles == null) {
      caseFiles = access;
    }
  }

  /**
   * A transient copy of a case file for a step that issues several commands on it (the batch path of
   * {@code handleAll}, for a simulated step): each accepted command changes the copy in place instead of building a
   * case file. The copy must not be handed to anyone before {@link #freeze}.
   */
  public static org.casemgmt.casefile.CaseFile draft(org.casemgmt.casefile.CaseFile file) {
    return caseFiles.draft(file);
  }

  /** Ends the step: the draft becomes an ordinary, immutable case file. */
  public static org.casemgmt.casefile.CaseFile freeze(org.casemgmt.casefile.CaseFile file) {
    return caseFiles.freeze(file);
  }

  private static void initialise(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
