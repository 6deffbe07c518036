package org.casemgmt.service;

import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Instant;
import org.casemgmt.internal.Check;
import org.casemgmt.party.StaffId;

/**
 * What a {@link ServiceProjection} needs to know about the service besides its events: when a monitoring review
 * is due, how long a provider may take to answer a referral, who holds the cases that wait for a case manager,
 * how many places each case manager has, when the service is observed from, and whether closed cases are kept.
 *
 * <pre>{@code
 * ServiceSettings settings = ServiceSettings.of(30, 10)
 *     .withWaitingList(StaffId.of("intake"))
 *     .withCapacity(StaffId.of("anna"), 25)
 *     .withCapacity(StaffId.of("marco"), 25);
 * }</pre>
 *
 * @param reviewIntervalDays  days after the last review (or the first start of an intervention) when a monitoring
 *                            review is due, as {@link org.casemgmt.casefile.CaseFile#overdue} counts them; at least 1
 * @param referralAnswerDays  days a provider has to accept or decline a referral before it counts as overdue; at
 *                            least 1
 * @param waitingList         the staff member (an intake desk, say) who holds the cases waiting for a case manager,
 *                            where the service has a waiting list
 * @param capacity            the caseload places of each case manager whose places count towards utilisation; may
 *                            be empty (then utilisation is 0)
 * @param observedFrom        the start of the observation period for the time averages; when none, the instant of
 *                            the first event
 * @param keepClosedCases     whether a closed case's file is kept (a reopened case then goes on exactly); when not,
 *                            its figures are kept and its file dropped, so memory is bounded by the open cases:
 *                            a later event of such a case is refused, and its id is not remembered (an opening
 *                            repeated after its closure would count as a new case)
 */
public record ServiceSettings(int reviewIntervalDays, int referralAnswerDays, Option<StaffId> waitingList,
    Map<StaffId, Integer> capacity, Option<Instant> observedFrom, boolean keepClosedCases) {

  /** The longest review interval or answer time, in days: a hundred years, as a simulated scenario allows. */
  public static final int MAX_DAYS = 36_500;

  /** Throws {@link org.casemgmt.InvalidInputException} if a part is missing, a number of days is below 1, or a capacity below 0. */
  public ServiceSettings {
    Check.orThrow(
        Check.between("reviewIntervalDays", reviewIntervalDays, 1, MAX_DAYS),
        Check.between("referralAnswerDays", referralAnswerDays, 1, MAX_DAYS),
        Check.option("waitingList", waitingList),
        Check.entries("capacity", capacity),
        Check.option("observedFrom", observedFrom),
        observedFrom == null ? null : observedFrom.map(at -> Check.instant("observedFrom", at)).getOrNull());
    Check.orThrow(capacity.values().find(places -> places < 0)
        .map(places -> Check.atLeast("capacity", places, 0)).getOrNull());
    capacity = TreeMap.ofEntries(capacity);
  }

  /**
   * Settings with no waiting list, no capacities, observed from the first event, closed cases kept.
   *
   * @param reviewIntervalDays days between monitoring reviews, at least 1
   * @param referralAnswerDays days a provider has to answer a referral, at least 1
   * @return the settings
   * @throws org.casemgmt.InvalidInputException if a number of days is below 1 or above {@value #MAX_DAYS}
   */
  public static ServiceSettings of(int reviewIntervalDays, int referralAnswerDays) {
    return new ServiceSettings(reviewIntervalDays, referralAnswerDays, Option.none(), TreeMap.empty(), Option.none(),
        true);
  }

  /**
   * {@return these settings with the holder of the waiting list}
   *
   * @param holder who holds the cases waiting for a case manager
   * @throws org.casemgmt.InvalidInputException if the holder is missing
   */
  public ServiceSettings withWaitingList(StaffId holder) {
    Check.orThrow(Check.present("holder", holder));
    return new ServiceSettings(reviewIntervalDays, referralAnswerDays, Option.some(holder), capacity, observedFrom,
        keepClosedCases);
  }

  /**
   * {@return these settings with a case manager's places}
   *
   * @param manager the case manager
   * @param places  how many cases the manager can hold, at least 0
   * @throws org.casemgmt.InvalidInputException if the manager is missing or the places below 0
   */
  public ServiceSettings withCapacity(StaffId manager, int places) {
    Check.orThrow(Check.present("manager", manager), Check.atLeast("places", places, 0));
    return new ServiceSettings(reviewIntervalDays, referralAnswerDays, waitingList, capacity.put(manager, places),
        observedFrom, keepClosedCases);
  }

  /**
   * {@return these settings observed from an instant (the time averages are taken from there)}
   *
   * @param from the start of the observation period, on or before the first event
   * @throws org.casemgmt.InvalidInputException if the instant is missing or outside the supported range
   */
  public ServiceSettings withObservedFrom(Instant from) {
    Check.orThrow(Check.instant("from", from));
    return new ServiceSettings(reviewIntervalDays, referralAnswerDays, waitingList, capacity, Option.some(from),
        keepClosedCases);
  }

  /**
   * {@return these settings, keeping closed cases' files or only their figures}
   *
   * @param keep true to keep closed cases' files (reopening works), false to keep memory bounded by the open cases
   */
  public ServiceSettings withClosedCasesKept(boolean keep) {
    return new ServiceSettings(reviewIntervalDays, referralAnswerDays, waitingList, capacity, observedFrom, keep);
  }

  /** {@return the places of every case manager together} */
  public long totalCapacity() {
    return capacity.values().foldLeft(0L, Long::sum);
  }
}
