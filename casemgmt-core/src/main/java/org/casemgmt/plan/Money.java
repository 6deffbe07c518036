package org.casemgmt.plan;

import io.vavr.collection.List;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.casemgmt.InputError;
import org.casemgmt.InputError.Problem;
import org.casemgmt.InvalidInputException;
import org.casemgmt.internal.Check;

/**
 * A non-negative amount of money in the case's currency, with at most two decimals and at most
 * {@link #MAX_AMOUNT} (999,999,999,999,999.99: fifteen digits before the point). casemgmt does not convert
 * currencies: an organisation budgets in one.
 *
 * <pre>{@code Money cost = Money.of("1250.50"); }</pre>
 *
 * <p>The bounds keep every amount cheap to check and to add up. An amount written with an exponent is refused
 * before any arithmetic when it is out of range — {@code "1e999999999"} would otherwise ask for a number of a
 * billion digits — and the text of an amount is at most {@value #MAX_TEXT} characters. Amounts in cents stay
 * far inside a {@code long}.
 *
 * @param amount the amount, never negative, kept with exactly two decimals so equal amounts are equal
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

  /** No money. */
  public static final Money ZERO = new Money(BigDecimal.ZERO);

  /** The largest amount: 999,999,999,999,999.99. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.99");

  /** The most characters of the decimal text {@link #of(String)} reads. */
  public static final int MAX_TEXT = 32;

  /** Digits of an amount with two decimals up to {@link #MAX_AMOUNT}: 15 before the point, 2 after. */
  private static final int MAX_PRECISION = 17;

  /**
   * Throws {@link org.casemgmt.InvalidInputException} for a missing or negative amount or one with more than two
   * decimals.
   */
  public Money {
    // Sums and differences of amounts already checked keep scale 2 and need no normalising: the fast path, one
    // comparison more for the bound (the precision of a small amount is computed from a long, without allocating).
    if (amount == null || amount.scale() != 2 || amount.signum() < 0 || amount.precision() > MAX_PRECISION) {
      Check.orThrow(Check.nonNegative("amount", amount), outOfRange(amount), precision(amount));
      amount = amount.signum() == 0 ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.UNNECESSARY);
    }
  }

  /**
   * Whether the amount is above {@link #MAX_AMOUNT}, judged from its digits and exponent before any arithmetic: a
   * value such as {@code 1E+999999999} is refused without building its billion digits.
   */
  private static InputError outOfRange(BigDecimal amount) {
    if (amount == null || amount.signum() <= 0) {
      return null;
    }
    long integerDigits = (long) amount.precision() - amount.scale();
    return integerDigits > MAX_PRECISION - 2 || integerDigits == MAX_PRECISION - 2 && amount.compareTo(MAX_AMOUNT) > 0
        ? new InputError("amount", Problem.OUT_OF_RANGE, "at most " + MAX_AMOUNT.toPlainString())
        : null;
  }

  /** Whether the amount has more than two decimals that are not zero (cheap for any exponent). */
  private static InputError precision(BigDecimal amount) {
    return amount != null && amount.signum() != 0 && amount.stripTrailingZeros().scale() > 2
        ? new InputError("amount", Problem.MALFORMED, "at most two decimals")
        : null;
  }

  /**
   * Creates an amount from its decimal text, e.g. {@code "120.50"}.
   *
   * @param amount the amount as decimal text, e.g. {@code "120.50"}; at most {@value #MAX_TEXT} characters
   * @return the amount
   * @throws org.casemgmt.InvalidInputException if the text is not a non-negative amount of at most
   *     {@link #MAX_AMOUNT} with at most two decimals
   */
  public static Money of(String amount) {
    Check.orThrow(Check.text("amount", amount, MAX_TEXT));
    BigDecimal parsed;
    try {
      // At most 32 characters: parsing costs nothing whatever the exponent; the range is checked before any scaling.
      parsed = new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(List.of(new InputError("amount", Problem.MALFORMED, "not a decimal number")));
    }
    return new Money(parsed);
  }

  /**
   * Creates a whole amount.
   *
   * @param amount whole units of the currency, not negative
   * @return the amount with zero cents
   * @throws org.casemgmt.InvalidInputException if the amount is negative or above {@link #MAX_AMOUNT}
   */
  public static Money of(long amount) {
    return new Money(BigDecimal.valueOf(amount));
  }

  /**
   * The sum of two amounts.
   *
   * @param other the amount to add
   * @return a new amount; money values never change
   * @throws org.casemgmt.InvalidInputException if {@code other} is missing or the sum is above {@link #MAX_AMOUNT}
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
