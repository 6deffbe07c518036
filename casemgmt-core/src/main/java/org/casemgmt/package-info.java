/**
 * casemgmt: case management as an executable domain model.
 *
 * <p>Start from {@link org.casemgmt.casefile.CaseFile}: open a case for a client, send it commands, store the
 * events it emits, and replay them to load it again. The other packages hold the concepts the case file is
 * made of, and the tools built on it:
 * <ul>
 *   <li>{@link org.casemgmt.casefile} — the case file, its phases and {@link org.casemgmt.casefile.PhaseTable},
 *       commands, events and rejections;</li>
 *   <li>{@link org.casemgmt.party} — the client and the members of the team;</li>
 *   <li>{@link org.casemgmt.need} — needs across the life domains;</li>
 *   <li>{@link org.casemgmt.resource} — strengths, formal and informal resources, providers and service kinds;</li>
 *   <li>{@link org.casemgmt.plan} — goals, interventions, referrals, day windows and money;</li>
 *   <li>{@link org.casemgmt.simulation} — case flows simulated on the real rules, for capacity questions;</li>
 *   <li>{@link org.casemgmt.export} — event logs for process mining and phase diagrams;</li>
 *   <li>{@link org.casemgmt.testkit} — generators, a given/when/then fixture and a model-based checker;</li>
 *   <li>{@link org.casemgmt.i18n} and {@link org.casemgmt.fhir} — labels for people and codes for other
 *       systems.</li>
 * </ul>
 * This package holds what they share: {@link org.casemgmt.FreeText}, the type of every text about a person, and
 * {@link org.casemgmt.InputError} and {@link org.casemgmt.InvalidInputException}, how every constructor reports
 * bad input.
 */
package org.casemgmt;
