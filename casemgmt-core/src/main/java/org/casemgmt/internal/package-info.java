/**
 * Helpers of the library itself (argument checks, a persistent ordered map). Not exported by the module and
 * not part of the API: they may change in any release.
 */
package org.casemgmt.internal;
