package org.casemgmt.service;

import io.vavr.collection.Map;
import org.casemgmt.internal.Check;
import org.casemgmt.plan.ReviewDecision;

/**
 * How often cases went back in the methodology, with what each rate is a share of: a review decides to adjust
 * the plan or to reassess (a share of the reviews), an evaluation that finds the goals not achieved re-plans (a
 * share of the evaluations, counted as entries into the evaluation phase), a closed case is reopened (a share of
 * the closures).
 *
 * @param reviews     monitoring reviews by their decision
 * @param evaluations times a case entered the evaluation phase
 * @param replans     evaluations that sent the case back to planning
 * @param closures    times a case was closed
 * @param reopenings  times a closed case was reopened
 */
public record LoopBacks(Map<ReviewDecision, Long> reviews, long evaluations, long replans, long closures,
    long reopenings) {

  /** Throws {@link org.casemgmt.InvalidInputException} if the reviews are missing or a count is negative. */
  public LoopBacks {
    Check.orThrow(Check.entries("reviews", reviews), Check.atLeast("evaluations", evaluations, 0),
        Check.atLeast("replans", replans, 0), Check.atLeast("closures", closures, 0),
        Check.atLeast("reopenings", reopenings, 0));
  }

  /** {@return every review together} */
  public long totalReviews() {
    return reviews.values().foldLeft(0L, Long::sum);
  }

  /**
   * {@return the share of the reviews that took this decision, 0 when there was no review}
   *
   * @param decision the decision
   */
  public double reviewRate(ReviewDecision decision) {
    long all = totalReviews();
    return all == 0 ? 0 : (double) reviews.get(decision).getOrElse(0L) / all;
  }

  /** {@return the share of the evaluations that re-planned, 0 when there was none} */
  public double replanRate() {
    return evaluations == 0 ? 0 : (double) replans / evaluations;
  }

  /** {@return the share of the closures that were reopened, 0 when there was none} */
  public double reopenRate() {
    return closures == 0 ? 0 : (double) reopenings / closures;
  }
}
