package org.casemgmt.service;

import java.time.YearMonth;
import org.casemgmt.internal.Check;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ServiceKind;

/**
 * One cell of the service's costs: a provider, a kind of service and a month.
 *
 * <p>{@code committed} is the cost of the interventions that are not cancelled, counted in the month their window
 * starts; {@code toDate} is what the interventions (cancelled ones included) accrued within the month, up to the
 * day asked about, as {@link org.casemgmt.plan.Intervention#costAccruedBy} counts it.
 *
 * @param provider  the provider
 * @param service   the kind of service
 * @param month     the month
 * @param committed the cost committed in that month
 * @param toDate    the cost accrued in that month
 */
public record CostLine(ProviderId provider, ServiceKind service, YearMonth month, Money committed, Money toDate) {

  /** Throws {@link org.casemgmt.InvalidInputException} if a part is missing. */
  public CostLine {
    Check.orThrow(Check.present("provider", provider), Check.present("service", service),
        Check.present("month", month), Check.present("committed", committed), Check.present("toDate", toDate));
  }
}
