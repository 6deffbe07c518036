package org.casemgmt.simulation;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import java.util.SplittableRandom;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Priority;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;

/** Scenarios shared by the simulation tests: small, fast, and covering every path of the model. */
final class Scenarios {

  private Scenarios() {}

  static InterventionProfile intervention(ServiceKind kind, Distribution duration, long cost) {
    return new InterventionProfile(kind, Provider.of(ProviderId.of("P-" + kind.code()), "Provider " + kind.code(),
        ResourceType.PUBLIC_SERVICE, HashSet.of(kind)), duration, Money.of(cost));
  }

  /** The reference model of BENCHMARKS.md §3, scaled down to a short horizon. */
  static Scenario smallReference(long seed) {
    return Scenario.reference(seed).toBuilder().horizonDays(365).arrivalsPerDay(2).managers(8, 1).build();
  }

  /**
   * M/M/c: Poisson arrivals at {@code lambda}, an exponential assessment of mean {@code 1/mu} holding one of
   * {@code c} managers, every other phase instantaneous, goals always achieved.
   */
  static Scenario mmc(double lambda, double mu, int c, double horizon, long seed) {
    return Scenario.builder()
        .horizonDays(horizon)
        .arrivalsPerDay(lambda)
        .managers(c, 1)
        .managerHold(ManagerHold.DURING_ASSESSMENT)
        .assessment(Distribution.exponential(1 / mu))
        .planning(Distribution.constant(0))
        .evaluation(Distribution.constant(0))
        .need(new NeedProfile(LifeDomain.WORK, Priority.HIGH, 1.0,
            List.of(intervention(ServiceKind.JOB_COACHING, Distribution.constant(0), 100))))
        .goalsAchievedProbability(1.0)
        .seed(seed)
        .build();
  }

  /** A random scenario that exercises every path: several needs, loop-backs of each kind, early closures. */
  static Scenario random(SplittableRandom r, double horizon) {
    ServiceKind[] kinds = {ServiceKind.COUNSELLING, ServiceKind.HOUSING, ServiceKind.RESIDENTIAL_PLACEMENT,
        ServiceKind.TRAINING};
    LifeDomain[] domains = LifeDomain.values();
    Distribution[] durations = {Distribution.exponential(20), Distribution.uniform(0, 40),
        Distribution.triangular(5, 10, 60), Distribution.lognormal(Math.log(15), 0.7), Distribution.constant(0.3)};
    Scenario.Builder b = Scenario.builder()
        .horizonDays(horizon)
        .arrivalsPerDay(0.5 + 2.5 * r.nextDouble())
        .managers(1 + r.nextInt(4), 1 + r.nextInt(20))
        .managerHold(r.nextBoolean() ? ManagerHold.UNTIL_CLOSURE : ManagerHold.DURING_ASSESSMENT)
        .assessment(durations[r.nextInt(durations.length)])
        .planning(Distribution.exponential(1 + 3 * r.nextDouble()))
        .evaluation(Distribution.uniform(0, 4))
        .reviewIntervalDays(5 + r.nextInt(30))
        .reviewDecisions(0.2 * r.nextDouble(), 0.2 * r.nextDouble())
        .earlyClosureProbability(0.1 * r.nextDouble())
        .goalsAchievedProbability(0.4 + 0.6 * r.nextDouble())
        .seed(r.nextLong());
    int needs = 1 + r.nextInt(3);
    for (int n = 0; n < needs; n++) {
      List<InterventionProfile> interventions = List.empty();
      int count = 1 + r.nextInt(2);
      for (int i = 0; i < count; i++) {
        interventions = interventions.append(intervention(kinds[r.nextInt(kinds.length)],
            durations[r.nextInt(durations.length)], 100 + r.nextInt(900)));
      }
      b.need(new NeedProfile(domains[r.nextInt(domains.length)], Priority.values()[r.nextInt(Priority.values().length)],
          0.3 + 0.7 * r.nextDouble(), interventions));
    }
    return b.build();
  }
}
