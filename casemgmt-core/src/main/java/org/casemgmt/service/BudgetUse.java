package org.casemgmt.service;

import org.casemgmt.internal.Check;
import org.casemgmt.plan.Money;

/**
 * The open cases whose current plan has a budget cap, their caps together and what their plans commit.
 *
 * @param cases     open cases with a cap
 * @param caps      their caps together
 * @param committed the planned cost of their current plans together (interventions not cancelled)
 */
public record BudgetUse(int cases, Money caps, Money committed) {

  /** Throws {@link org.casemgmt.InvalidInputException} if a part is missing or the count is negative. */
  public BudgetUse {
    Check.orThrow(Check.atLeast("cases", cases, 0), Check.present("caps", caps), Check.present("committed", committed));
  }

  /** {@return the share of the caps committed, 0 when there is no cap} */
  public double share() {
    return caps.amount().signum() == 0 ? 0 : committed.amount().doubleValue() / caps.amount().doubleValue();
  }
}
