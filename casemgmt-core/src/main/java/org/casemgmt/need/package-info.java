/**
 * Needs (<em>bisogni</em>): what the assessment finds in each life domain inside the case's agreed scope,
 * with a priority and who identified it. Needs are open until withdrawn; every open need is covered by the
 * plan or consciously deferred.
 */
package org.casemgmt.need;
