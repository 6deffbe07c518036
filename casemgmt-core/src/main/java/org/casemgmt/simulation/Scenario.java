package org.casemgmt.simulation;

import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.casemgmt.InputError;
import org.casemgmt.internal.Check;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Priority;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;

/**
 * A service's case flow as a researcher describes it: how cases arrive, how many case managers there are and
 * how long each holds a case, how long the phases take, which needs cases have and which interventions meet
 * them, how often monitoring reviews happen and what they decide, how often evaluation finds the goals met.
 * A scenario is an immutable value; the same scenario (with its seed) always gives the same simulation.
 *
 * <pre>{@code
 * Scenario scenario = Scenario.builder()
 *     .horizonDays(365)
 *     .arrivalsPerDay(2.0)
 *     .managers(5, 20)                                   // 5 case managers, at most 20 cases each
 *     .assessment(Distribution.exponential(3))
 *     .planning(Distribution.triangular(1, 2, 5))
 *     .evaluation(Distribution.exponential(2))
 *     .need(new NeedProfile(LifeDomain.HOUSING, Priority.HIGH, 0.6, List.of(housingSupport)))
 *     .reviewIntervalDays(30)
 *     .goalsAchievedProbability(0.8)
 *     .seed(42)
 *     .build();
 * }</pre>
 *
 * <p>Time is measured in days from the start of the simulation (day 0 is 2026-01-01). The implementation
 * phase lasts until the last intervention of the plan is delivered; monitoring reviews fall every
 * {@link #reviewIntervalDays()} days while it runs.
 *
 * <p><b>Limits.</b> The horizon is at most 1,000,000 days ({@link #MAX_HORIZON_DAYS}) and the review interval at
 * most {@value #MAX_REVIEW_INTERVAL_DAYS} days, so that every day a simulated case records — its plan's period and
 * goals included — is a supported day ({@link org.casemgmt.plan.DayWindow#LAST_DAY}); at most
 * {@value #MAX_MANAGERS} case managers with at most {@value #MAX_CASELOAD} cases each. {@link Builder#build()}
 * refuses a value outside them with an {@link org.casemgmt.InvalidInputException}.
 */
public final class Scenario {

  /** The longest horizon, in days: about 2,700 years, ten times the README's million-case run. */
  public static final double MAX_HORIZON_DAYS = 1_000_000;

  /** The longest interval between monitoring reviews, in days (a hundred years). */
  public static final int MAX_REVIEW_INTERVAL_DAYS = 36_500;

  /** The most case managers. */
  public static final int MAX_MANAGERS = 10_000;

  /** The most cases one case manager holds at once. */
  public static final int MAX_CASELOAD = 10_000;

  /** The most supervisors a scenario may have. */
  public static final int MAX_SUPERVISORS = 10_000;

  private final double horizonDays;
  private final double arrivalsPerDay;
  private final Option<Seq<Double>> arrivalDays;
  private final int managers;
  private final int caseload;
  private final ManagerHold managerHold;
  private final Distribution assessment;
  private final Distribution planning;
  private final Distribution evaluation;
  private final Seq<NeedProfile> needs;
  private final int reviewIntervalDays;
  private final double adjustPlanProbability;
  private final double reassessProbability;
  private final double earlyClosureProbability;
  private final double goalsAchievedProbability;
  private final int supervisors;
  private final long seed;

  private Scenario(Builder b) {
    this.horizonDays = b.horizonDays;
    this.arrivalsPerDay = b.arrivalsPerDay;
    this.arrivalDays = b.arrivalDays;
    this.managers = b.managers;
    this.caseload = b.caseload;
    this.managerHold = b.managerHold;
    this.assessment = b.assessment;
    this.planning = b.planning;
    this.evaluation = b.evaluation;
    this.needs = b.needs;
    this.reviewIntervalDays = b.reviewIntervalDays;
    this.adjustPlanProbability = b.adjustPlanProbability;
    this.reassessProbability = b.reassessProbability;
    this.earlyClosureProbability = b.earlyClosureProbability;
    this.goalsAchievedProbability = b.goalsAchievedProbability;
    this.supervisors = b.supervisors;
    this.seed = b.seed;
  }

  /**
   * A builder with the defaults: one year, one arrival a day, one case manager with a caseload of 30 held
   * until closure, exponential assessment (3 days), planning (2 days) and evaluation (2 days), monthly
   * reviews that always continue, goals achieved 80 % of the time, no early closure, seed 1. Needs have no
   * default: at least one must be given.
   *
   * <pre>{@code Scenario s = Scenario.builder().need(profile).build(); }</pre>
   *
   * @return a new builder holding the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The reference model of the simulation benchmark ({@code SimulationBenchmark} in casemgmt-examples; see the
   * README's Benchmarks section): Poisson arrivals, 10 a day for 3,650 days; 40 case managers held only during
   * the assessment, Exp(3); planning Exp(2); one intervention lasting Exp(90), with a review every 30 days while
   * it runs; evaluation Exp(2); then with probability 0.2 a re-plan (planning → implementation → evaluation
   * again), otherwise closure.
   *
   * <pre>{@code SimulationResult r = Simulation.run(Scenario.reference(42)); }</pre>
   *
   * @param seed the seed of the run's random streams; the benchmark's published statistics are for seed 1
   * @return the reference scenario with that seed
   */
  public static Scenario reference(long seed) {
    ServiceKind kind = ServiceKind.COUNSELLING;
    Provider provider = Provider.of(ProviderId.of("P-REF"), "Reference provider", ResourceType.PUBLIC_SERVICE,
        HashSet.of(kind));
    return builder()
        .horizonDays(3650)
        .arrivalsPerDay(10)
        .managers(40, 1)
        .managerHold(ManagerHold.DURING_ASSESSMENT)
        .assessment(Distribution.exponential(3))
        .planning(Distribution.exponential(2))
        .evaluation(Distribution.exponential(2))
        .need(new NeedProfile(LifeDomain.WORK, Priority.HIGH, 1.0,
            Vector.of(new InterventionProfile(kind, provider, Distribution.exponential(90), Money.of(1000)))))
        .reviewIntervalDays(30)
        .goalsAchievedProbability(0.8)
        .seed(seed)
        .build();
  }

  /** {@return a builder holding this scenario's values, to derive a variant (another seed, say)} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.horizonDays = horizonDays;
    b.arrivalsPerDay = arrivalsPerDay;
    b.arrivalDays = arrivalDays;
    b.managers = managers;
    b.caseload = caseload;
    b.managerHold = managerHold;
    b.assessment = assessment;
    b.planning = planning;
    b.evaluation = evaluation;
    b.needs = needs;
    b.reviewIntervalDays = reviewIntervalDays;
    b.adjustPlanProbability = adjustPlanProbability;
    b.reassessProbability = reassessProbability;
    b.earlyClosureProbability = earlyClosureProbability;
    b.goalsAchievedProbability = goalsAchievedProbability;
    b.supervisors = supervisors;
    b.seed = seed;
    return b;
  }

  /**
   * This scenario with another seed, for another independent run.
   *
   * @param newSeed the seed of the new scenario's random streams
   * @return a scenario equal to this one but for the seed
   */
  public Scenario withSeed(long newSeed) {
    return toBuilder().seed(newSeed).build();
  }

  /** {@return how long the simulation runs, in days; cases still open then are reported as open} */
  public double horizonDays() {
    return horizonDays;
  }

  /** {@return the rate of the Poisson arrival process, cases per day (ignored when explicit arrival days are given)} */
  public double arrivalsPerDay() {
    return arrivalsPerDay;
  }

  /** {@return explicit arrival days, in non-decreasing order, if given instead of a Poisson process} */
  public Option<Seq<Double>> arrivalDays() {
    return arrivalDays;
  }

  /** {@return the number of case managers} */
  public int managers() {
    return managers;
  }

  /** {@return the maximum number of cases a case manager holds at once} */
  public int caseload() {
    return caseload;
  }

  /** {@return how long a case holds a place in a caseload} */
  public ManagerHold managerHold() {
    return managerHold;
  }

  /** {@return the duration of an assessment (and of a reassessment)} */
  public Distribution assessment() {
    return assessment;
  }

  /** {@return the duration of care planning (and of each re-planning)} */
  public Distribution planning() {
    return planning;
  }

  /** {@return the duration of the final evaluation} */
  public Distribution evaluation() {
    return evaluation;
  }

  /** {@return the kinds of need cases have} */
  public Seq<NeedProfile> needs() {
    return needs;
  }

  /** {@return days between monitoring reviews while interventions run} */
  public int reviewIntervalDays() {
    return reviewIntervalDays;
  }

  /** {@return the probability that a review decides to adjust the plan (back to planning)} */
  public double adjustPlanProbability() {
    return adjustPlanProbability;
  }

  /** {@return the probability that a review decides to reassess (back to assessment)} */
  public double reassessProbability() {
    return reassessProbability;
  }

  /** {@return the probability that, at a review's date, the case is closed early instead (the client withdrew, moved…)} */
  public double earlyClosureProbability() {
    return earlyClosureProbability;
  }

  /** {@return the probability that the final evaluation finds every goal achieved; otherwise the case is re-planned} */
  public double goalsAchievedProbability() {
    return goalsAchievedProbability;
  }

  /**
   * {@return how many supervisors work with the case managers; 0 (the default) for a case manager working alone}
   *
   * <p>With supervisors the simulated service works as a team under a four-eyes policy: every case opens with
   * {@link org.casemgmt.casefile.Permissions#socialServices()} asking for a countersignature of plan approvals and
   * closures; a supervisor (the cases are shared among them in turn) joins each case's team when it opens and
   * countersigns each approval and each closure just before it; a representative of each provider joins the team
   * when that provider's first intervention is planned, with the client's consent to share the life domain of the
   * need it serves, and starts and completes that provider's interventions. These steps take no simulated time and
   * draw nothing at random: the flow of cases, and every figure of the summary except the commands accepted, is
   * that of the same scenario without supervisors.
   */
  public int supervisors() {
    return supervisors;
  }

  /** {@return the seed of the random streams} */
  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return "Scenario[horizonDays=" + horizonDays + ", arrivalsPerDay=" + arrivalsPerDay + ", arrivalDays="
        + arrivalDays.map(Seq::size).map(n -> n + " given").getOrElse("none") + ", managers=" + managers
        + ", caseload=" + caseload + ", managerHold=" + managerHold + ", assessment=" + assessment + ", planning="
        + planning + ", evaluation=" + evaluation + ", needs=" + needs.size() + ", reviewIntervalDays="
        + reviewIntervalDays + ", adjustPlan=" + adjustPlanProbability + ", reassess=" + reassessProbability
        + ", earlyClosure=" + earlyClosureProbability + ", goalsAchieved=" + goalsAchievedProbability
        + ", supervisors=" + supervisors + ", seed=" + seed + "]";
  }

  /**
   * Builds a {@link Scenario}; {@link #build()} checks every value and reports all problems at once.
   *
   * <pre>{@code Scenario s = Scenario.builder().horizonDays(90).need(profile).seed(7).build(); }</pre>
   */
  public static final class Builder {
    private double horizonDays = 365;
    private double arrivalsPerDay = 1;
    private Option<Seq<Double>> arrivalDays = Option.none();
    private int managers = 1;
    private int caseload = 30;
    private ManagerHold managerHold = ManagerHold.UNTIL_CLOSURE;
    private Distribution assessment = Distribution.exponential(3);
    private Distribution planning = Distribution.exponential(2);
    private Distribution evaluation = Distribution.exponential(2);
    private Seq<NeedProfile> needs = Vector.empty();
    private int reviewIntervalDays = 30;
    private double adjustPlanProbability;
    private double reassessProbability;
    private double earlyClosureProbability;
    private double goalsAchievedProbability = 0.8;
    private int supervisors;
    private long seed = 1;

    private Builder() {}

    /**
     * How long to simulate, in days (above 0).
     *
     * @param days simulated days from day 0 (2026-01-01); cases still open then are reported as open
     * @return this builder
     */
    public Builder horizonDays(double days) {
      this.horizonDays = days;
      return this;
    }

    /**
     * Poisson arrivals at this rate per day (0 or more); clears explicit arrival days.
     *
     * @param rate the mean number of cases arriving per day
     * @return this builder
     */
    public Builder arrivalsPerDay(double rate) {
      this.arrivalsPerDay = rate;
      this.arrivalDays = Option.none();
      return this;
    }

    /**
     * Cases arrive exactly on these days (fractions allowed), in non-decreasing order, instead of at random.
     *
     * @param days one arrival per element, each a simulated day from 0, finite and in non-decreasing order
     * @return this builder
     */
    public Builder arrivalDays(Seq<Double> days) {
      this.arrivalDays = Option.some(days); // null stays null, for build() to report as missing
      return this;
    }

    /**
     * The case-manager pool: how many managers, and how many cases each may hold at once.
     *
     * @param count       how many case managers, at least 1
     * @param maxCaseload the most cases one manager holds at once, at least 1; arrivals beyond wait in a queue
     * @return this builder
     */
    public Builder managers(int count, int maxCaseload) {
      this.managers = count;
      this.caseload = maxCaseload;
      return this;
    }

    /**
     * How long a case holds its place in a caseload.
     *
     * @param hold until closure (the default), or only during the assessment
     * @return this builder
     */
    public Builder managerHold(ManagerHold hold) {
      this.managerHold = hold;
      return this;
    }

    /**
     * The assessment's duration.
     *
     * @param duration days from the start of an assessment (or reassessment) to its completion
     * @return this builder
     */
    public Builder assessment(Distribution duration) {
      this.assessment = duration;
      return this;
    }

    /**
     * The planning's duration.
     *
     * @param duration days from the start of planning (or re-planning) to implementation
     * @return this builder
     */
    public Builder planning(Distribution duration) {
      this.planning = duration;
      return this;
    }

    /**
     * The final evaluation's duration.
     *
     * @param duration days from the start of the final evaluation to its outcome
     * @return this builder
     */
    public Builder evaluation(Distribution duration) {
      this.evaluation = duration;
      return this;
    }

    /**
     * Adds a kind of need.
     *
     * @param need how often cases have the need and which interventions meet it
     * @return this builder
     */
    public Builder need(NeedProfile need) {
      this.needs = needs.append(need);
      return this;
    }

    /**
     * Replaces the kinds of need.
     *
     * @param all every kind of need cases may have, at least one by the time of {@link #build()}
     * @return this builder
     */
    public Builder needs(Seq<NeedProfile> all) {
      this.needs = all == null ? null : Vector.ofAll(all);
      return this;
    }

    /**
     * Days between monitoring reviews (at least 1).
     *
     * @param days days from one review to the next while interventions run
     * @return this builder
     */
    public Builder reviewIntervalDays(int days) {
      this.reviewIntervalDays = days;
      return this;
    }

    /**
     * What a review decides: adjust the plan with probability {@code adjustPlan}, reassess with probability
     * {@code reassess}, otherwise continue. The two must not add up to more than 1.
     *
     * @param adjustPlan the probability that a review sends the case back to planning, in {@code [0, 1]}
     * @param reassess   the probability that a review sends the case back to assessment, in {@code [0, 1]}
     * @return this builder
     */
    public Builder reviewDecisions(double adjustPlan, double reassess) {
      this.adjustPlanProbability = adjustPlan;
      this.reassessProbability = reassess;
      return this;
    }

    /**
     * The probability that a case closes early at a review's date.
     *
     * @param probability in {@code [0, 1]}; an early closure's reason is the client withdrew, moved away or could
     *                    not be reached
     * @return this builder
     */
    public Builder earlyClosureProbability(double probability) {
      this.earlyClosureProbability = probability;
      return this;
    }

    /**
     * The probability that the evaluation finds every goal achieved (otherwise: re-plan).
     *
     * @param probability in {@code [0, 1]}
     * @return this builder
     */
    public Builder goalsAchievedProbability(double probability) {
      this.goalsAchievedProbability = probability;
      return this;
    }

    /**
     * How many supervisors work with the case managers (see {@link Scenario#supervisors()}): with one or more, the
     * service works as a team under a four-eyes policy; 0, the default, leaves each case manager alone.
     *
     * <pre>{@code Scenario.reference(42).toBuilder().supervisors(4).build(); }</pre>
     *
     * @param count from 0 to {@value #MAX_SUPERVISORS}
     * @return this builder
     */
    public Builder supervisors(int count) {
      this.supervisors = count;
      return this;
    }

    /**
     * The seed of the run's random streams: the same scenario with the same seed gives the same run.
     *
     * @param value any number
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * The scenario, once every value is checked.
     *
     * @return an immutable scenario holding this builder's values
     * @throws org.casemgmt.InvalidInputException listing every invalid value
     */
    public Scenario build() {
      InputError days = arrivalDays.map(this::checkDays).getOrNull();
      Check.orThrow(
          Inputs.above("horizonDays", horizonDays, 0),
          Inputs.atMost("horizonDays", horizonDays, MAX_HORIZON_DAYS),
          Inputs.atLeast("arrivalsPerDay", arrivalsPerDay, 0),
          days,
          Check.between("managers", managers, 1, MAX_MANAGERS),
          Check.between("caseload", caseload, 1, MAX_CASELOAD),
          Check.present("managerHold", managerHold),
          Check.present("assessment", assessment),
          Check.present("planning", planning),
          Check.present("evaluation", evaluation),
          Check.elements("needs", needs, true),
          Check.between("reviewIntervalDays", reviewIntervalDays, 1, MAX_REVIEW_INTERVAL_DAYS),
          Inputs.probability("adjustPlanProbability", adjustPlanProbability),
          Inputs.probability("reassessProbability", reassessProbability),
          Inputs.require(!(adjustPlanProbability + reassessProbability > 1), "reviewDecisions",
              "adjust-plan and reassess probabilities must not add up to more than 1"),
          Inputs.probability("earlyClosureProbability", earlyClosureProbability),
          Inputs.probability("goalsAchievedProbability", goalsAchievedProbability),
          Check.between("supervisors", supervisors, 0, MAX_SUPERVISORS));
      return new Scenario(this);
    }

    private InputError checkDays(Seq<Double> list) {
      InputError error = Check.elements("arrivalDays", list, false);
      if (error != null) {
        return error;
      }
      double previous = 0;
      for (double d : list) {
        if (!Double.isFinite(d) || d < previous) {
          return new InputError("arrivalDays", InputError.Problem.OUT_OF_RANGE,
              "days must be finite, not negative and in non-decreasing order");
        }
        previous = d;
      }
      arrivalDays = Option.of(Vector.ofAll(list));
      return null;
    }
  }
}
