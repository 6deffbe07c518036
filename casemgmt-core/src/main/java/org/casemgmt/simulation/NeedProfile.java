package org.casemgmt.simulation;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.casemgmt.internal.Check;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Priority;

/**
 * A kind of need the service meets in a life domain: how often an arriving case has it, how urgent it is, and
 * the interventions planned for it. Each case draws its needs independently, one draw per profile; a case with
 * no need is closed after its assessment with {@link org.casemgmt.casefile.ClosureReason#NO_NEEDS_IDENTIFIED}.
 * A monitoring review that decides to reassess draws again the needs the case does not have yet: new needs
 * emerge (seed 004).
 *
 * <pre>{@code
 * NeedProfile housing = new NeedProfile(LifeDomain.HOUSING, Priority.HIGH, 0.4, List.of(housingSupport));
 * }</pre>
 *
 * @param domain        the life domain the need is recorded in; the simulated case's scope includes it
 * @param priority      the priority the need is recorded with
 * @param incidence     the probability that a case has this need, in {@code [0, 1]}
 * @param interventions what is planned for it, at least one (all are planned together)
 */
public record NeedProfile(LifeDomain domain, Priority priority, double incidence, Seq<InterventionProfile> interventions) {

  /**
   * Throws {@link org.casemgmt.InvalidInputException} if a field is missing, the incidence outside [0, 1], or no
   * intervention given.
   */
  public NeedProfile {
    Check.orThrow(Check.present("domain", domain), Check.present("priority", priority),
        Inputs.probability("incidence", incidence), Check.elements("interventions", interventions, true));
    interventions = Vector.ofAll(interventions);
  }
}
