package org.casemgmt.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.casemgmt.InputError;
import org.casemgmt.InputError.Problem;
import org.casemgmt.internal.Check;

/**
 * A non-negative amount of money in the case's currency, with at most two decimals. casemgmt does not
 * convert currencies: an organisation budgets in one.
 *
 * <pre>{@code Money cost = Money.of("1250.50"); }</pre>
 *
 * @param amount the amount, never negative, kept with exactly two decimals so equal amounts are equal
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

  /** No money. */
  public static final Money ZERO = new Money(BigDecimal.ZERO);

  /**
   * Throws {@link org.casemgmt.InvalidInputException} for a missing or negative amount or one with more than two
   * decimals.
   */
  public Money {
    // Sums and differences of amounts already checked keep scale 2 and need no normalising: the fast path.
    if (amount == null || amount.scale() != 2 || amount.signum() < 0) {
      InputError precision = amount != null && amount.stripTrailingZeros().scale() > 2
          ? new InputError("amount", Problem.MALFORMED, "at most two decimals")
          : null;
      Check.orThrow(Check.nonNegative("amount", amount), precision);
      amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }
  }

  /**
   * Creates an amount from its decimal text, e.g. {@code "120.50"}.
   *
   * @param amount the amount as decimal text, e.g. {@code "120.50"}
   * @return the amount
   * @throws org.casemgmt.InvalidInputException if the text is not a non-negative amount with at most two decimals
   */
  public static Money of(String amount) {
    Check.orThrow(Check.text("amount", amount, 32));
    try {
      return new Money(new BigDecimal(amount.trim()));
    } catch (NumberFormatException e) {
      Check.orThrow(new InputError("amount", Problem.MALFORMED, "not a decimal number"));
      throw e;
    }
  }

  /**
   * Creates a whole amount.
   *
   * @param amount whole units of the currency, not negative
   * @return the amount with zero cents
   * @throws org.casemgmt.InvalidInputException if the amount is negative
   */
  public static Money of(long amount) {
    return new Money(BigDecimal.valueOf(amount));
  }

  /**
   * The sum of two amounts.
   *
   * @param other the amount to add
   * @return a new amount; money values never change
   * @throws org.casemgmt.InvalidInputException if {@code other} is missing
   */
  public Money plus(Money other) {
    return new Money(amount.add(Check.notNull(other, "other").amount));
  }

  /**
   * This amount less another.
   *
   * @param other the amount to subtract
   * @return the difference
   * @throws org.casemgmt.InvalidInputException if {@code other} is missing or larger (money is never negative)
   */
  public Money minus(Money other) {
    return new Money(amount.subtract(Check.notNull(other, "other").amount));
  }

  /**
   * Whether this amount is greater than the other.
   *
   * @param other the amount to compare with, e.g. a budget cap
   * @return true if this amount is strictly greater; equal amounts do not exceed each other
   * @throws org.casemgmt.InvalidInputException if {@code other} is missing
   */
  public boolean exceeds(Money other) {
    return amount.compareTo(Check.notNull(other, "other").amount) > 0;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(Check.notNull(other, "other").amount);
  }

  @Override
  public String toString() {
    return amount.toPlainString();
  }
}
