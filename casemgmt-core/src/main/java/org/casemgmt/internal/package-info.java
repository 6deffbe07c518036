/**
 * Helpers of the library itself: the argument checks every constructor runs ({@code Check}) and the persistent
 * maps a case file's state is built from ({@code EntityMap} for the entities of one case, {@code LongTreeMap}
 * for the day-ordered index of a large plan). Not exported by the module and not part of the API: they may
 * change in any release.
 */
package org.casemgmt.internal;
