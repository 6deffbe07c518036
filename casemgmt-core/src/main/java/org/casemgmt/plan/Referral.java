package org.casemgmt.plan;

import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.LocalDate;
import org.casemgmt.FreeText;
import org.casemgmt.internal.Check;
import org.casemgmt.need.NeedId;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ServiceKind;

/**
 * A referral of the client to an external provider — a psychological-support service, a training body —
 * followed as a closed loop until the provider answers and, if it accepted, until the service is over
 * (seed 002). The reason of a decline or of an unsuccessful completion is free text, redacted in
 * {@link #toString()}.
 *
 * @param id          the referral's identifier within its case
 * @param needs       the open needs it is for, at least one
 * @param provider    the provider the client is referred to
 * @param service     the kind of service asked for; the provider offers it
 * @param requestedOn the day the referral was sent
 * @param status      where it stands
 * @param answeredOn  the day the provider accepted or declined, once it did
 * @param completedOn the day the service ended, or the referral was withdrawn, once it did
 * @param reason      why it was declined or did not succeed (free text, redacted), when it was or did not
 */
public record Referral(
    ReferralId id,
    Set<NeedId> needs,
    Provider provider,
    ServiceKind service,
    LocalDate requestedOn,
    ReferralStatus status,
    Option<LocalDate> answeredOn,
    Option<LocalDate> completedOn,
    Option<FreeText> reason) {

  /**
   * Throws {@link org.casemgmt.InvalidInputException} if a field is missing, it is for no need, or the reason is blank
   * or too long.
   */
  public Referral {
    Check.orThrow(
        Check.present("id", id),
        Check.elements("needs", needs, true),
        Check.present("provider", provider),
        Check.present("service", service),
        Check.day("requestedOn", requestedOn),
        Check.present("status", status),
        Check.optionalDay("answeredOn", answeredOn),
        Check.optionalDay("completedOn", completedOn),
        Check.optionalFreeText("reason", reason, Check.LONG_TEXT));
  }

  /**
   * A referral just sent.
   *
   * @param id          the referral's identifier within its case
   * @param needs       the open needs it is for, at least one
   * @param provider    the provider the client is referred to
   * @param service     the kind of service asked for
   * @param requestedOn the day the referral is sent
   * @return a referral in {@link ReferralStatus#REQUESTED}, not yet answered
   * @throws org.casemgmt.InvalidInputException if a field is missing or it is for no need
   */
  public static Referral requested(
      ReferralId id, Set<NeedId> needs, Provider provider, ServiceKind service, LocalDate requestedOn) {
    return new Referral(id, needs, provider, service, requestedOn, ReferralStatus.REQUESTED,
        Option.none(), Option.none(), Option.none());
  }

  /**
   * This referral, accepted by the provider on a day.
   *
   * @param on the day of the provider's answer
   * @return a copy in {@link ReferralStatus#ACCEPTED}, with {@code answeredOn} set
   * @throws org.casemgmt.InvalidInputException if the day is missing or unsupported
   */
  public Referral accepted(LocalDate on) {
    Check.orThrow(Check.day("on", on));
    return new Referral(id, needs, provider, service, requestedOn, ReferralStatus.ACCEPTED,
        Option.some(on), completedOn, reason);
  }

  /**
   * This referral, declined by the provider on a day, for a reason.
   *
   * @param on  the day of the provider's answer
   * @param why why the provider declined (free text, redacted)
   * @return a copy in {@link ReferralStatus#DECLINED}, with {@code answeredOn} and the reason set
   * @throws org.casemgmt.InvalidInputException if the day is missing or unsupported, or the reason missing
   */
  public Referral declined(LocalDate on, FreeText why) {
    Check.orThrow(Check.day("on", on));
    return new Referral(id, needs, provider, service, requestedOn, ReferralStatus.DECLINED,
        Option.some(on), completedOn, Option.some(why));
  }

  /**
   * This referral, completed on a day; a reason when it did not succeed.
   *
   * @param on         the day the service ended
   * @param successful whether it reached its aim
   * @param why        why it did not (free text, redacted); none when it did
   * @return a copy completed successfully or unsuccessfully, with {@code completedOn} set
   * @throws org.casemgmt.InvalidInputException if the day is missing or unsupported, or the reason missing
   */
  public Referral completed(LocalDate on, boolean successful, Option<FreeText> why) {
    Check.orThrow(Check.day("on", on));
    return new Referral(id, needs, provider, service, requestedOn,
        successful ? ReferralStatus.COMPLETED_SUCCESSFULLY : ReferralStatus.COMPLETED_UNSUCCESSFULLY,
        answeredOn, Option.some(on), why);
  }

  /**
   * This pending referral, withdrawn on a day because the case was closed.
   *
   * @param on the day the case closed
   * @return a copy in {@link ReferralStatus#WITHDRAWN}, with {@code completedOn} set to that day
   * @throws org.casemgmt.InvalidInputException if the day is missing or unsupported
   */
  public Referral withdrawn(LocalDate on) {
    Check.orThrow(Check.day("on", on));
    return new Referral(id, needs, provider, service, requestedOn, ReferralStatus.WITHDRAWN, answeredOn,
        Option.some(on), reason);
  }

  @Override
  public String toString() {
    return "Referral[id=" + id + ", needs=" + needs + ", provider=" + provider.id() + ", service=" + service
        + ", requestedOn=" + requestedOn + ", status=" + status + ", answeredOn=" + answeredOn + ", completedOn="
        + completedOn + ", reason=" + reason.map(r -> "***") + "]";
  }
}
