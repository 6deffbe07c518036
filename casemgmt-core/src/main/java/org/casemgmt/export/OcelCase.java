package org.casemgmt.export;

import io.vavr.collection.Map;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.PlanVersion;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;

/**
 * What the OCEL log keeps of one case while it is followed: the case's own objects (the case, its client when the
 * log has not met that client before, its needs, goals, interventions, referrals and plan versions), each with the
 * values its attributes took over time and its relationships to other objects. When the case is done, they are
 * written out ({@link #writeObjects}) and the whole is dropped, so the log holds the objects of open cases only.
 *
 * <p>After each recorded event the case file is {@link #observe observed}: every attribute whose value changed is
 * recorded at the event's time — a need withdrawn, an intervention started or cancelled by a closure, goals made
 * active by an approval, the case's phase. Maps the event left untouched are the very same instances as before, so
 * an event costs a look at the objects it changed only.
 */
final class OcelCase {

  /** Where the objects that are not the case's own — clients, providers, staff — are kept across cases. */
  interface Shared {
    /** {@return whether this client has no object in the log yet (and from now on has one in this case)} */
    boolean newClient(String clientId);

    /** Notes a provider, with its resource type (the first one met counts) and when it was first met. */
    void provider(String providerId, Enum<?> resourceType, Instant at);

    /** Notes a member of staff. */
    void staff(String staffId);
  }

  /** An attribute's value from a given time on. */
  private record Change(int attribute, Instant at, Object value) {}

  /** One object and its history. */
  static final class Obj {
    final OcelType type;
    final String id;
    private final Object[] last;
    private final ArrayList<Change> changes = new ArrayList<>(4);
    private final ArrayList<String> relationships = new ArrayList<>(4);

    Obj(OcelType type, String id) {
      this.type = type;
      this.id = id;
      this.last = new Object[type.attributes().size()];
    }

    /** Records the attribute's value from {@code at} on, unless it is absent or the value it already has. */
    void set(int attribute, Instant at, Object value) {
      if (value != null && !value.equals(last[attribute])) {
        last[attribute] = value;
        changes.add(new Change(attribute, at, value));
      }
    }

    /** {@return whether the attribute has a value} */
    boolean has(int attribute) {
      return last[attribute] != null;
    }

    /** Relates this object to another (once per object and qualifier). */
    void relate(String objectId, String qualifier) {
      for (int i = 0; i < relationships.size(); i += 2) {
        if (relationships.get(i).equals(objectId) && relationships.get(i + 1).equals(qualifier)) {
          return;
        }
      }
      relationships.add(objectId);
      relationships.add(qualifier);
    }

    /** Appends the object as one line of JSON. */
    void json(StringBuilder out) {
      out.append("{\"id\":");
      Json.string(out, id).append(",\"type\":");
      Json.string(out, type.label()).append(",\"attributes\":[");
      for (int i = 0; i < changes.size(); i++) {
        Change c = changes.get(i);
        out.append(i == 0 ? "{\"name\":" : ",{\"name\":");
        Json.string(out, type.attributes().get(c.attribute()).name()).append(",\"time\":");
        Json.time(out, c.at()).append(",\"value\":");
        Json.value(out, c.value()).append('}');
      }
      out.append("],\"relationships\":[");
      for (int i = 0; i < relationships.size(); i += 2) {
        out.append(i == 0 ? "{\"objectId\":" : ",{\"objectId\":");
        Json.string(out, relationships.get(i)).append(",\"qualifier\":");
        Json.string(out, relationships.get(i + 1)).append('}');
      }
      out.append("]}");
    }
  }

  // Attribute positions, as OcelType declares them.
  private static final int CASE_PHASE = 0;
  private static final int CASE_CLOSURE = 1;
  private static final int NEED_DOMAIN = 0;
  private static final int NEED_PRIORITY = 1;
  private static final int NEED_IDENTIFIED_BY = 2;
  private static final int NEED_STATUS = 3;
  private static final int GOAL_DUE = 0;
  private static final int GOAL_LIFECYCLE = 1;
  private static final int GOAL_ACHIEVEMENT = 2;
  private static final int INTERVENTION_KIND = 0;
  private static final int INTERVENTION_COST = 1;
  private static final int INTERVENTION_START = 2;
  private static final int INTERVENTION_END = 3;
  private static final int INTERVENTION_STATUS = 4;
  static final int INTERVENTION_FINDING = 5;
  private static final int REFERRAL_KIND = 0;
  private static final int REFERRAL_REQUESTED = 1;
  private static final int REFERRAL_STATUS = 2;
  private static final int PLAN_NUMBER = 0;
  private static final int PLAN_START = 1;
  private static final int PLAN_END = 2;
  private static final int PLAN_THRESHOLD = 3;
  private static final int PLAN_CAP = 4;
  private static final int PLAN_AGREED = 5;
  private static final int PLAN_APPROVED = 6;

  final String caseId;
  final String objectId;
  private final Shared shared;
  private final LinkedHashMap<String, Obj> objects = new LinkedHashMap<>();
  private final Obj caseObject;
  private Map<NeedId, Need> needs;
  private Map<ReferralId, Referral> referrals;
  private PlanVersion plan;
  private Map<GoalId, Goal> goals;
  private Map<InterventionId, Intervention> interventions;
  private String manager;

  OcelCase(String caseId, Shared shared) {
    this.caseId = caseId;
    this.shared = shared;
    this.caseObject = object(OcelType.CASE, caseId);
    this.objectId = caseObject.id;
  }

  /** {@return the object of this type and id (case-local or not), created empty if the case has none yet} */
  Obj object(OcelType type, String localId) {
    String id = type.id(caseId, localId);
    Obj o = objects.get(id);
    if (o == null) {
      o = new Obj(type, id);
      objects.put(id, o);
      if (type.caseLocal()) {
        o.relate(objectId, "part-of");
      }
    }
    return o;
  }

  /** Records what the event just followed changed in the case file, at the event's time. */
  void observe(CaseFile file, Instant at) {
    caseObject.set(CASE_PHASE, at, file.phase());
    caseObject.set(CASE_CLOSURE, at, file.closure().getOrNull());
    if (manager == null) {
      String client = file.client().id().value();
      if (shared.newClient(client)) {
        object(OcelType.CLIENT, client);
      }
      caseObject.relate(OcelType.CLIENT.id(caseId, client), "about");
    }
    String current = file.caseManager().value();
    if (!current.equals(manager)) {
      manager = current;
      shared.staff(current);
      caseObject.relate(OcelType.STAFF.id(caseId, current), "managed-by");
    }
    if (file.needs() != needs) {
      needs = file.needs();
      for (Need n : needs.values()) {
        Obj o = object(OcelType.NEED, n.id().value());
        o.set(NEED_DOMAIN, at, n.domain());
        o.set(NEED_PRIORITY, at, n.priority());
        o.set(NEED_IDENTIFIED_BY, at, n.identifiedBy());
        o.set(NEED_STATUS, at, n.status());
      }
    }
    if (file.referrals() != referrals) {
      referrals = file.referrals();
      for (Referral r : referrals.values()) {
        Obj o = object(OcelType.REFERRAL, r.id().value());
        o.set(REFERRAL_KIND, at, r.service().code());
        o.set(REFERRAL_REQUESTED, at, r.requestedOn());
        o.set(REFERRAL_STATUS, at, r.status());
        for (NeedId need : r.needs()) {
          o.relate(OcelType.NEED.id(caseId, need.value()), "addresses");
        }
        String provider = r.provider().id().value();
        shared.provider(provider, r.provider().type(), at);
        o.relate(OcelType.PROVIDER.id(caseId, provider), "referred-to");
      }
    }
    PlanVersion p = file.currentPlan().getOrNull();
    if (p != null && p != plan) {
      observePlan(file, p, at);
    }
  }

  private void observePlan(CaseFile file, PlanVersion p, Instant at) {
    Obj version = object(OcelType.PLAN_VERSION, Integer.toString(p.number()));
    if (plan != null && plan.number() != p.number()) {
      version.relate(OcelType.PLAN_VERSION.id(caseId, Integer.toString(plan.number())), "replaces");
    }
    plan = p;
    version.set(PLAN_NUMBER, at, p.number());
    version.set(PLAN_START, at, p.period().start());
    version.set(PLAN_END, at, p.period().end());
    version.set(PLAN_THRESHOLD, at, p.coverageThreshold());
    version.set(PLAN_CAP, at, p.budgetCap().getOrNull());
    version.set(PLAN_AGREED, at, p.agreedOn().getOrNull());
    version.set(PLAN_APPROVED, at, p.approvedOn().getOrNull());
    if (p.goals() != goals) {
      goals = p.goals();
      for (Goal g : goals.values()) {
        Obj o = object(OcelType.GOAL, g.id().value());
        o.set(GOAL_DUE, at, g.dueOn());
        o.set(GOAL_LIFECYCLE, at, g.lifecycle());
        o.set(GOAL_ACHIEVEMENT, at, g.achievement());
        for (NeedId need : g.needs()) {
          o.relate(OcelType.NEED.id(caseId, need.value()), "addresses");
        }
      }
    }
    if (p.interventions() != interventions) {
      interventions = p.interventions();
      for (Intervention i : interventions.values()) {
        Obj o = object(OcelType.INTERVENTION, i.id().value());
        if (o.changes.isEmpty()) {
          o.relate(version.id, "planned-in");
        }
        o.set(INTERVENTION_KIND, at, i.kind().code());
        o.set(INTERVENTION_COST, at, i.cost());
        o.set(INTERVENTION_START, at, i.window().start());
        o.set(INTERVENTION_END, at, i.window().end());
        o.set(INTERVENTION_STATUS, at, i.status());
        for (NeedId need : i.needs()) {
          o.relate(OcelType.NEED.id(caseId, need.value()), "addresses");
        }
        for (GoalId goal : i.goals()) {
          o.relate(OcelType.GOAL.id(caseId, goal.value()), "serves");
        }
        String provider = i.provider().value();
        Enum<?> type = file.providers().get(i.provider()).map(pr -> (Enum<?>) pr.type()).getOrNull();
        shared.provider(provider, type, at);
        o.relate(OcelType.PROVIDER.id(caseId, provider), "delivered-by");
      }
    }
  }

  /** Appends the case's objects to the log's objects, one line each, in the order the case first had them. */
  void writeObjects(StringBuilder out, boolean first) {
    boolean comma = !first;
    for (Obj o : objects.values()) {
      out.append(comma ? ",\n" : "\n");
      comma = true;
      o.json(out);
    }
  }

  /** {@return how many objects the case has in the log} */
  int objectCount() {
    return objects.size();
  }
}
