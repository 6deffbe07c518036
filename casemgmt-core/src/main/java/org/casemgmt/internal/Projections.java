package org.casemgmt.internal;

import org.casemgmt.casefile.CaseFile;
import java.time.Instant;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.service.ServiceProjection;
import org.casemgmt.service.ServiceSettings;

/**
 * The simulation's way into a transient {@link ServiceProjection}: it folds each event it records, with the case
 * file it just built, into one projection changed in place for the whole run, and freezes it at the horizon. The
 * projection registers its private side here from its class initialiser; the package is not exported.
 */
public final class Projections {

  private Projections() {}

  /** What the projection lets the simulation do, and nobody else. */
  public interface Access {
    /** A transient, empty projection. */
    ServiceProjection draft(ServiceSettings settings);

    /** Folds an event into the transient projection, with the case file after it; answers the case's handle. */
    Object accept(ServiceProjection draft, Object tracked, CaseId caseId, long sequence, Instant at, CaseEvent event,
        CaseFile after);

    /** Ends the transient projection: it becomes immutable. */
    ServiceProjection freeze(ServiceProjection draft);
  }

  private static volatile Access access;

  /** Called once, by {@link ServiceProjection}'s class initialiser. */
  public static void register(Access projections) {
    if (access == null) {
      access = projections;
    }
  }

  /** A transient, empty projection that must not be handed to anyone before {@link #freeze}. */
  public static ServiceProjection draft(ServiceSettings settings) {
    if (access == null) {
      try {
        Class.forName(ServiceProjection.class.getName(), true, ServiceProjection.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return access.draft(settings);
  }

  /**
   * Folds an event decided on a case file, with the file after it, into a transient projection: the parts of its
   * recorded event (case, number, instant, event), which the simulation need not build when nobody listens.
   *
   * @param tracked what the last call answered for this case (null for its opening): the projection's own record
   *                of the case, kept by the caller to spare a look-up by id
   * @return what to pass with the case's next event (null once the projection dropped the case)
   */
  public static Object accept(ServiceProjection draft, Object tracked, CaseId caseId, long sequence, Instant at,
      CaseEvent event, CaseFile after) {
    return access.accept(draft, tracked, caseId, sequence, at, event, after);
  }

  /** Ends a transient projection. */
  public static ServiceProjection freeze(ServiceProjection draft) {
    return access.freeze(draft);
  }
}
