package org.casemgmt.service;

import io.vavr.collection.Seq;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Overdue;
import org.casemgmt.internal.Check;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.ReferralId;

/**
 * What is overdue in one open case on a given day: the case file's own answer ({@link Overdue}: a monitoring
 * review, goals past their due day, interventions past their window) and the referrals a provider has not
 * answered within the service's limit. Ids and days only.
 *
 * @param caseId                the case
 * @param manager               its case manager
 * @param overdue               what the case file finds overdue
 * @param unansweredReferrals   referrals still waiting for the provider's answer after the limit, in id order
 */
public record OverdueCase(CaseId caseId, StaffId manager, Overdue overdue, Seq<ReferralId> unansweredReferrals) {

  /** Throws {@link org.casemgmt.InvalidInputException} if a part is missing. */
  public OverdueCase {
    Check.orThrow(Check.present("caseId", caseId), Check.present("manager", manager),
        Check.present("overdue", overdue), Check.elements("unansweredReferrals", unansweredReferrals, false));
  }
}
