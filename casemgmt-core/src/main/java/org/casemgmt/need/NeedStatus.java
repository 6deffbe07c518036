package org.casemgmt.need;

/** Where a need stands. Only open needs may be planned for; a withdrawn need stays on the record. */
public enum NeedStatus {
  /** Taken on by the case: it must be covered by the plan or consciously deferred. */
  OPEN,
  /** No longer pursued (resolved otherwise, or recorded in error); kept on the record with the reason. */
  WITHDRAWN
}
