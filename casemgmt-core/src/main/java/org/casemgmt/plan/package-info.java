/**
 * The individual plan's building blocks: goals with measurable targets, interventions delivered by providers
 * over half-open day windows at a cost, referrals followed as a closed loop, participants and their
 * commitments, and the monitoring vocabulary (findings, review decisions). The plan itself, versioned, is
 * {@link org.casemgmt.casefile.PlanVersion}.
 */
package org.casemgmt.plan;
