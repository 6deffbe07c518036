/**
 * Runnable examples of casemgmt: stories of cases told from intake to closure on the real rules.
 *
 * <p>{@link org.casemgmt.examples.Main} tells a social-services case ({@link
 * org.casemgmt.examples.SocialServicesScenario}); {@link org.casemgmt.examples.HistoryPrinter} and {@link
 * org.casemgmt.examples.RejectionPrinter} show how an application can display a case's history and the
 * library's refusals with ids, kinds and phases only — never a client's name or free text.
 */
package org.casemgmt.examples;
