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

    /** What {@code handle} decides: the event the command causes, or its rejection (logged as handle logs it). */
    org.casemgmt.casefile.Decision decide(org.casemgmt.casefile.CaseFile file, org.casemgmt.casefile.Issued issued,
        org.casemgmt.casefile.Command command);

    /** What {@code handle} then does with an accepted command's event: the case file after it. */
    org.casemgmt.casefile.CaseFile apply(org.casemgmt.casefile.CaseFile file, org.casemgmt.casefile.Issued issued,
        org.casemgmt.casefile.CaseEvent event, org.casemgmt.casefile.CommandKind kind);

    /** What {@code open} decides: the opening event, or its rejection (logged as open logs it). */
    org.casemgmt.casefile.Decision decideOpening(org.casemgmt.casefile.Issued issued,
        org.casemgmt.casefile.Command.OpenCase command);

    /** What {@code open} then builds of an accepted opening: the case file, under a permission table. */
    org.casemgmt.casefile.CaseFile opened(org.casemgmt.casefile.Issued issued,
        org.casemgmt.casefile.CaseEvent.CaseOpened event, org.casemgmt.casefile.Permissions permissions);
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

  /**
   * {@code handle}'s two halves, for a caller that needs the event as well as the new case file (the simulation
   * folds it into its service projection) without the checks {@code decide} then {@code evolve} would repeat on a
   * recorded event they just built: the decision of the rules, logged as {@code handle} logs it.
   */
  public static org.casemgmt.casefile.Decision decide(org.casemgmt.casefile.CaseFile file,
      org.casemgmt.casefile.Issued issued, org.casemgmt.casefile.Command command) {
    return caseFiles.decide(file, issued, command);
  }

  /** {@code open}'s first half: the opening's event, or its rejection. */
  public static org.casemgmt.casefile.Decision decideOpening(org.casemgmt.casefile.Issued issued,
      org.casemgmt.casefile.Command.OpenCase command) {
    if (caseFiles == null) {
      initialise(org.casemgmt.casefile.CaseFile.class); // the first case of a run may come before any case file
    }
    return caseFiles.decideOpening(issued, command);
  }

  /** {@code open}'s second half: the case file an accepted opening starts. */
  public static org.casemgmt.casefile.CaseFile opened(org.casemgmt.casefile.Issued issued,
      org.casemgmt.casefile.CaseEvent.CaseOpened event, org.casemgmt.casefile.Permissions permissions) {
    return caseFiles.opened(issued, event, permissions);
  }

  /** The case file after an event {@link #decide} just gave for a command of this kind, numbered next. */
  public static org.casemgmt.casefile.CaseFile apply(org.casemgmt.casefile.CaseFile file,
      org.casemgmt.casefile.Issued issued, org.casemgmt.casefile.CaseEvent event,
      org.casemgmt.casefile.CommandKind kind) {
    return caseFiles.apply(file, issued, event, kind);
  }

  private static void initialise(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
