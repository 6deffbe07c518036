/**
 * The library's vocabulary in words practitioners read — English and Italian — and a sentence for every
 * refusal, filled in from the refusal's own ids, days and phases ({@link org.casemgmt.i18n.Labels}). The
 * words are kept in resource bundles beside this package, so a service can review the wording without
 * reading code.
 */
package org.casemgmt.i18n;
