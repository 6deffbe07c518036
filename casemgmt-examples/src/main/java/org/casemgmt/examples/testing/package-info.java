/**
 * Testing an organisation's own workflow rule with casemgmt's testkit: {@link
 * org.casemgmt.examples.testing.OwnRuleExample} wraps the case file in a service with one extra policy and lets
 * the model checker find, shrink and tell the sequence of commands that breaks it.
 */
package org.casemgmt.examples.testing;
