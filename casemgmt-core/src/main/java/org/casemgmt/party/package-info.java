/**
 * The people of a case: the client (whose personal fields are always redacted in {@code toString}) and the
 * members of the multi-professional team, one of whom is the case manager — the client's single reference
 * person.
 */
package org.casemgmt.party;
