package org.casemgmt.export;

import io.vavr.collection.Seq;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.internal.Check;
import org.casemgmt.plan.Finding;
import org.casemgmt.plan.InterventionId;

/**
 * Writes case histories as an OCEL 2.0 object-centric event log in JSON, the format PM4Py reads with
 * {@code pm4py.read_ocel2_json} and that validates against the OCEL 2.0 JSON schema. A case is not one sequence of
 * steps but many objects moving together: this log has the case, its client, needs, goals, interventions,
 * referrals, plan versions, providers and staff as objects, and every line of the case's event log (the lines of
 * {@link XesWriter} and {@link EventLogCsv}: one per recorded event, plus one per intervention cancelled and
 * referral withdrawn by a closure) as an event related to the objects it concerns.
 *
 * <ul>
 *   <li><b>Events</b> have the activity as their type ({@code Intervention started}, {@code Monitoring review}…),
 *       the id {@code <case id>#<sequence>}, the time in the XES log's format ({@code 2026-03-02T09:00:00.000Z}),
 *       the attributes {@code lifecycle}, {@code sequence}, {@code version}, {@code phaseBefore},
 *       {@code phaseAfter} and those of their type (a review's {@code decision}, a closure's
 *       {@code closureReason}, an intervention's {@code serviceKind}…), and qualified relationships: every event
 *       is {@code recorded-in} its case and {@code issued-by} a member of staff; a step of an intervention
 *       {@code concerns} it, {@code addresses} its needs, {@code serves} its goals and is {@code delivered-by} its
 *       provider; planning events are {@code decided-in} a plan version; and so on (the README has the table).</li>
 *   <li><b>Objects</b> have their attributes as values over time: a need's status and priority, an
 *       intervention's status and latest review finding, a goal's lifecycle, the case's phase each change at the
 *       time of the event that changed it. Objects relate to objects: an intervention {@code addresses} needs,
 *       {@code serves} goals, is {@code delivered-by} a provider and {@code planned-in} a plan version; a goal
 *       {@code addresses} needs; a referral {@code addresses} needs and is {@code referred-to} a provider; a case
 *       is {@code about} its client and {@code managed-by} its case managers; a plan version {@code replaces} the
 *       one before; every object of a case is {@code part-of} it.</li>
 * </ul>
 *
 * <p>Object ids are unique in the whole log: prefixed by the type, and qualified by the case where the domain's
 * ids are unique only within a case ({@code need:CASE-7#N-1}, {@code plan-version:CASE-7#2}, but
 * {@code client:C-7}, {@code provider:P-1}, {@code staff:CM-1}). Attribute values are JSON strings, as the
 * official schema types them; each type declares its attributes' OCEL types ({@code string}, {@code integer},
 * {@code float}, {@code boolean}, {@code time}) to read them by. Only ids, codes, enums, amounts, days, times and
 * staff ids are written: never personal data or free text — no names, descriptions, reasons or notes.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("cases.jsonocel"))) {
 *   OcelWriter.write(out, List.of(history1, history2));   // Seq<RecordedEvent> per case
 * }
 * }</pre>
 *
 * <p><b>Streaming.</b> OCEL JSON puts all events in one array and all objects in another, but an object's
 * history is complete only when its case is. So events are written as they are appended, and each case's objects
 * are kept while the case is followed, then written to a spool when the case is {@link #forget forgotten} (or at
 * {@link #finish()}): up to 8 MB in memory, past that a temporary file, copied after the events and deleted at the
 * end. Providers and staff, few and shared by cases, are kept until the end. To write each case's and each client's
 * object once, the writer remembers the ids of the cases and clients written, compactly (about 50 bytes a case for
 * both, table included). So the heap holds the open cases and those ids, not the log: a million-case simulation
 * ends with about 67 MB live after GC.
 *
 * <p>Open a log with {@link #to(Writer)}, {@link #append} events as they happen, in any interleaving of cases,
 * each case from its {@code CaseOpened}, {@link #forget} a case that will have no more events, and
 * {@link #finish()}. The writer is not closed by this class; I/O errors surface as {@link UncheckedIOException}.
 * Appending the same events in the same order gives the same bytes.
 */
public final class OcelWriter {

  private final Writer out;
  private final StringBuilder text = new StringBuilder(1024);
  private final LogLine line = new LogLine();
  private final Map<CaseId, Followed> cases = new LinkedHashMap<>();
  private final SeenIds writtenCases = new SeenIds();
  private final SeenIds clients = new SeenIds();
  private final TreeMap<String, OcelCase.Obj> providers = new TreeMap<>();
  private final TreeMap<String, OcelCase.Obj> staff = new TreeMap<>();
  private final Spool spool = new Spool();
  private final OcelCase.Shared shared = new OcelCase.Shared() {
    @Override
    public boolean newClient(String clientId) {
      return clients.add(clientId);
    }

    @Override
    public void provider(String providerId, Enum<?> resourceType, Instant at) {
      OcelCase.Obj provider = providers.computeIfAbsent(providerId,
          id -> new OcelCase.Obj(OcelType.PROVIDER, OcelType.PROVIDER.id("", id)));
      if (resourceType != null && !provider.has(0)) {
        provider.set(0, at, resourceType); // the first type met counts: a provider is one object in the log
      }
    }

    @Override
    public void staff(String staffId) {
      staff.computeIfAbsent(staffId, id -> new OcelCase.Obj(OcelType.STAFF, OcelType.STAFF.id("", id)));
    }
  };
  private final CaseLog.Sink toEvent = this::event;
  private long events;
  private long objects;
  private boolean finished;
  private RecordedEvent recorded;
  private OcelCase current;

  /** A case being followed: its log lines and its objects. */
  private record Followed(CaseLog log, OcelCase objects) {}

  private OcelWriter(Writer out) {
    this.out = out;
  }

  /**
   * Starts a log on a writer: writes the object types and event types, and opens the events.
   *
   * <pre>{@code OcelWriter ocel = OcelWriter.to(writer); ocel.append(event); ocel.finish(); }</pre>
   *
   * @param out where to write; the caller closes it
   * @return a writer to append events to, then {@link #finish()}
   * @throws UncheckedIOException if writing fails
   * @throws org.casemgmt.InvalidInputException if {@code out} is missing
   */
  public static OcelWriter to(Writer out) {
    Check.orThrow(Check.present("out", out));
    OcelWriter ocel = new OcelWriter(out);
    ocel.write(HEADER);
    return ocel;
  }

  /**
   * Writes a complete log of several cases.
   *
   * @param out       where to write
   * @param histories one sequence of recorded events per case, each from its {@code CaseOpened}, each case once
   * @throws UncheckedIOException if writing fails
   * @throws org.casemgmt.InvalidInputException if an argument, a history or an event is missing, a history does
   *     not start with its opening, is out of sequence, has an event that cannot follow the ones before it, or
   *     comes back to a case written before (what was written before it stays written, unfinished)
   */
  public static void write(Writer out, Iterable<? extends Seq<RecordedEvent>> histories) {
    Check.orThrow(Check.present("out", out), Check.present("histories", histories));
    OcelWriter ocel = to(out);
    for (Seq<RecordedEvent> history : histories) {
      ocel.appendAll(history);
      if (!history.isEmpty()) {
        ocel.forget(history.head().caseId());
      }
    }
    ocel.finish();
  }

  /**
   * Appends the events of one recorded event — one, or more for a closure that ended open work — and records
   * what it changed in the case's objects.
   *
   * @param event the event, the next of its case (the first of a case is its {@code CaseOpened})
   * @return this writer
   * @throws org.casemgmt.InvalidInputException if the event is missing, is the first of its case here but not its
   *     opening, is out of sequence, cannot follow the case's events before it (as
   *     {@link org.casemgmt.casefile.CaseFile#evolve} refuses it), or belongs to a case already forgotten (its
   *     objects are written); nothing of it is written then
   * @throws IllegalStateException if the log is finished
   * @throws UncheckedIOException if writing fails
   */
  public OcelWriter append(RecordedEvent event) {
    Check.orThrow(Check.present("event", event));
    if (finished) {
      // Not about the arguments: the writer's own state, after finish() closed the log.
      throw new IllegalStateException("the log is finished");
    }
    CaseId caseId = event.caseId();
    Followed followed = cases.get(caseId);
    boolean opening = followed == null;
    if (opening) {
      if (writtenCases.contains(caseId.value())) {
        throw CaseLog.malformed("event " + event.sequence() + " belongs to a case this log has already written");
      }
      followed = new Followed(new CaseLog(), new OcelCase(caseId.value(), shared));
    }
    recorded = event;
    current = followed.objects();
    followed.log().follow(event, line, toEvent);
    current.observe(followed.log().file(), event.at());
    if (opening) {
      cases.put(caseId, followed);
    }
    return this;
  }

  /**
   * Appends every event of a history, in order.
   *
   * @param history one case's recorded events, in order
   * @return this writer
   * @throws org.casemgmt.InvalidInputException if the history or one of its events is missing, or as
   *     {@link #append} says (the events before it stay written)
   * @throws IllegalStateException if the log is finished
   * @throws UncheckedIOException if writing fails
   */
  public OcelWriter appendAll(Seq<RecordedEvent> history) {
    Check.orThrow(Check.present("history", history));
    for (RecordedEvent event : history) {
      append(event);
    }
    return this;
  }

  /**
   * Ends a case that will have no more events here (closed for good, or written whole): writes its objects to the
   * log's spool and frees what the writer kept of it. An event of that case appended later is refused.
   *
   * @param caseId the case
   * @return this writer
   * @throws org.casemgmt.InvalidInputException if {@code caseId} is missing
   * @throws UncheckedIOException if the spool cannot be written
   */
  public OcelWriter forget(CaseId caseId) {
    Check.orThrow(Check.present("caseId", caseId));
    Followed followed = cases.remove(caseId);
    if (followed != null) {
      spool(followed.objects());
    }
    return this;
  }

  /**
   * Completes the log: closes the events, writes the objects — those spooled, those of the cases still followed
   * (in the order they were opened), then providers and staff (by id) — closes the document and flushes. The
   * writer itself stays open. Finishing twice does nothing more.
   *
   * @throws UncheckedIOException if writing fails
   */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    for (Followed followed : cases.values()) {
      spool(followed.objects());
    }
    cases.clear();
    write("\n],\n\"objects\":[");
    spool.copyTo(out);
    for (Map<String, OcelCase.Obj> shared : List.of(providers, staff)) {
      for (OcelCase.Obj o : shared.values()) {
        text.setLength(0);
        text.append(objects++ == 0 ? "\n" : ",\n");
        o.json(text);
        write(text);
      }
    }
    write("\n]}\n");
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void spool(OcelCase c) {
    writtenCases.add(c.caseId);
    text.setLength(0);
    c.writeObjects(text, objects == 0);
    objects += c.objectCount();
    spool.append(text);
  }

  // ---------------------------------------------------------------- events

  private void event(LogLine l) {
    StringBuilder t = text;
    t.setLength(0);
    t.append(events++ == 0 ? "\n{\"id\":" : ",\n{\"id\":");
    // A case id holds no character JSON escapes (letters, digits and - _ . : / only).
    t.append('"').append(current.caseId).append('#').append(l.sequence).append('"');
    t.append(",\"type\":");
    Json.string(t, l.activity.label()).append(",\"time\":");
    Json.time(t, l.at).append(",\"attributes\":[");
    boolean first = true;
    for (String name : ATTRIBUTES.get(l.activity)) {
      Object value = value(l, name);
      if (value != null) {
        t.append(first ? "{\"name\":\"" : ",{\"name\":\"").append(name).append("\",\"value\":");
        Json.value(t, value).append('}');
        first = false;
      }
    }
    t.append("],\"relationships\":[");
    relationships(t, l);
    t.append("]}");
    write(t);
  }

  private void relationships(StringBuilder t, LogLine l) {
    relate(t, current.objectId, "recorded-in", true);
    shared.staff(l.resource);
    relate(t, OcelType.STAFF.id("", l.resource), "issued-by", false);
    CaseEvent event = recorded.event();
    if (event instanceof CaseEvent.CaseOpened e && l.activity == Activity.CASE_OPENED) {
      relate(t, OcelType.CLIENT.id("", e.client().id().value()), "about", false);
      relate(t, OcelType.STAFF.id("", e.caseManager().value()), "managed-by", false);
    } else if (event instanceof CaseEvent.CaseHandedOver e) {
      shared.staff(e.from().value());
      shared.staff(e.to().value());
      relate(t, OcelType.STAFF.id("", e.from().value()), "previous-manager", false);
      relate(t, OcelType.STAFF.id("", e.to().value()), "new-manager", false);
    } else if (event instanceof CaseEvent.TeamMemberJoined e) {
      shared.staff(e.member().staff().value());
      relate(t, OcelType.STAFF.id("", e.member().staff().value()), "joins", false);
    } else if (event instanceof CaseEvent.TeamMemberLeft e) {
      shared.staff(e.member().value());
      relate(t, OcelType.STAFF.id("", e.member().value()), "leaves", false);
    } else if (event instanceof CaseEvent.ConsentGranted e) {
      shared.provider(e.provider().value(), null, l.at);
      relate(t, OcelType.PROVIDER.id("", e.provider().value()), "shared-with", false);
    } else if (event instanceof CaseEvent.ConsentWithdrawn e) {
      shared.provider(e.provider().value(), null, l.at);
      relate(t, OcelType.PROVIDER.id("", e.provider().value()), "withdrawn-from", false);
    }
    if (l.needs != null) {
      String qualifier = switch (l.activity) {
        case NEED_RECORDED, NEED_REVISED, NEED_WITHDRAWN, NEED_DEFERRED -> "concerns";
        default -> "addresses";
      };
      int from = 0;
      while (from <= l.needs.length()) {
        int space = l.needs.indexOf(' ', from);
        int to = space < 0 ? l.needs.length() : space;
        relate(t, current.object(OcelType.NEED, l.needs.substring(from, to)).id, qualifier, false);
        from = to + 1;
      }
    }
    if (l.goal != null) {
      String qualifier = l.intervention != null ? "serves" : "concerns";
      int from = 0;
      while (from <= l.goal.length()) {
        int space = l.goal.indexOf(' ', from);
        int to = space < 0 ? l.goal.length() : space;
        relate(t, current.object(OcelType.GOAL, l.goal.substring(from, to)).id, qualifier, false);
        from = to + 1;
      }
    }
    if (l.intervention != null) {
      relate(t, current.object(OcelType.INTERVENTION, l.intervention).id, "concerns", false);
    }
    if (l.referral != null) {
      relate(t, current.object(OcelType.REFERRAL, l.referral).id, "concerns", false);
    }
    if (l.provider != null) {
      shared.provider(l.provider, null, l.at);
      relate(t, OcelType.PROVIDER.id("", l.provider), l.referral != null ? "referred-to" : "delivered-by", false);
    }
    String plan = planQualifier(l.activity);
    if (plan != null && l.planVersion > 0) {
      relate(t, current.object(OcelType.PLAN_VERSION, Integer.toString(l.planVersion)).id, plan, false);
    }
    if (event instanceof CaseEvent.ReviewRecorded e) {
      for (InterventionId id : e.findings().keySet().toList().sorted()) {
        OcelCase.Obj intervention = current.object(OcelType.INTERVENTION, id.value());
        Finding finding = e.findings().get(id).getOrNull();
        intervention.set(OcelCase.INTERVENTION_FINDING, l.at, finding);
        relate(t, intervention.id, "reviewed", false);
      }
    }
  }

  private static void relate(StringBuilder t, String objectId, String qualifier, boolean first) {
    t.append(first ? "{\"objectId\":" : ",{\"objectId\":");
    Json.string(t, objectId).append(",\"qualifier\":\"").append(qualifier).append("\"}");
  }

  /** {@return how an event of the activity relates to the plan version in force after it, if it does} */
  static String planQualifier(Activity activity) {
    return switch (activity) {
      case PLANNING_STARTED, REPLANNING_STARTED -> "starts";
      case GOAL_ADDED, INTERVENTION_PLANNED, NEED_DEFERRED, BUDGET_CAP_SET, PARTICIPANT_ADDED, PLAN_AGREED,
          PLAN_APPROVED -> "decided-in";
      case IMPLEMENTATION_STARTED -> "implements";
      case MONITORING_REVIEW, MOVE_TO_EVALUATION -> "reviews";
      case EVALUATION_STARTED, OUTCOME_RECORDED -> "evaluates";
      default -> null;
    };
  }

  // ---------------------------------------------------------------- event types

  /** The attributes every event has (the phase before only after the opening). */
  private static final List<String> COMMON = List.of("lifecycle", "sequence", "version", "phaseBefore",
      "phaseAfter");

  /** The OCEL type of each event attribute. */
  static final Map<String, String> TYPES = Map.ofEntries(Map.entry("lifecycle", "string"),
      Map.entry("sequence", "integer"), Map.entry("version", "integer"), Map.entry("phaseBefore", "string"),
      Map.entry("phaseAfter", "string"), Map.entry("closureReason", "string"), Map.entry("domain", "string"),
      Map.entry("priority", "string"), Map.entry("serviceKind", "string"), Map.entry("cost", "float"),
      Map.entry("budgetCap", "float"), Map.entry("decision", "string"), Map.entry("findings", "integer"),
      Map.entry("achievement", "string"), Map.entry("successful", "boolean"));

  /** The attributes of each event type, in the order they are written. */
  static final Map<Activity, List<String>> ATTRIBUTES = attributes();

  private static final String HEADER = header();

  private static Map<Activity, List<String>> attributes() {
    Map<Activity, List<String>> all = new java.util.EnumMap<>(Activity.class);
    for (Activity a : Activity.values()) {
      List<String> own = switch (a) {
        case CASE_CLOSED -> List.of("closureReason");
        case NEED_RECORDED -> List.of("domain", "priority");
        case NEED_REVISED -> List.of("priority");
        case INTERVENTION_PLANNED -> List.of("serviceKind", "cost");
        case INTERVENTION_STARTED, INTERVENTION_SUSPENDED, INTERVENTION_RESUMED, INTERVENTION_COMPLETED,
            REFERRAL_REQUESTED, REFERRAL_ACCEPTED, REFERRAL_DECLINED -> List.of("serviceKind");
        case INTERVENTION_CANCELLED, REFERRAL_WITHDRAWN -> List.of("serviceKind", "closureReason");
        case REFERRAL_COMPLETED -> List.of("serviceKind", "successful");
        case BUDGET_CAP_SET -> List.of("budgetCap");
        case MONITORING_REVIEW, MOVE_TO_EVALUATION -> List.of("decision", "findings");
        case OUTCOME_RECORDED -> List.of("achievement");
        default -> List.of();
      };
      java.util.ArrayList<String> names = new java.util.ArrayList<>(COMMON);
      names.addAll(own);
      all.put(a, List.copyOf(names));
    }
    return all;
  }

  private static Object value(LogLine l, String name) {
    return switch (name) {
      case "lifecycle" -> l.transition;
      case "sequence" -> l.sequence;
      case "version" -> l.version;
      case "phaseBefore" -> l.phaseBefore;
      case "phaseAfter" -> l.phaseAfter;
      case "closureReason" -> l.closureReason;
      case "domain" -> l.domain;
      case "priority" -> l.priority;
      case "serviceKind" -> l.serviceKind;
      case "cost" -> l.cost;
      case "budgetCap" -> l.budgetCap;
      case "decision" -> l.decision;
      case "findings" -> l.findings < 0 ? null : l.findings;
      case "achievement" -> l.achievement;
      case "successful" -> l.successful;
      default -> throw new IllegalStateException("no event attribute " + name);
    };
  }

  private static String header() {
    StringBuilder h = new StringBuilder(8192).append("{\"objectTypes\":[");
    boolean first = true;
    for (OcelType type : OcelType.values()) {
      h.append(first ? "\n{\"name\":" : ",\n{\"name\":");
      Json.string(h, type.label()).append(",\"attributes\":[");
      boolean firstAttribute = true;
      for (OcelType.Attribute a : type.attributes()) {
        h.append(firstAttribute ? "{\"name\":" : ",{\"name\":");
        Json.string(h, a.name()).append(",\"type\":");
        Json.string(h, a.type()).append('}');
        firstAttribute = false;
      }
      h.append("]}");
      first = false;
    }
    h.append("\n],\n\"eventTypes\":[");
    first = true;
    for (Activity activity : Activity.values()) {
      h.append(first ? "\n{\"name\":" : ",\n{\"name\":");
      Json.string(h, activity.label()).append(",\"attributes\":[");
      boolean firstAttribute = true;
      for (String name : ATTRIBUTES.get(activity)) {
        h.append(firstAttribute ? "{\"name\":" : ",{\"name\":");
        Json.string(h, name).append(",\"type\":");
        Json.string(h, TYPES.get(name)).append('}');
        firstAttribute = false;
      }
      h.append("]}");
      first = false;
    }
    return h.append("\n],\n\"events\":[").toString();
  }

  private void write(CharSequence chunk) {
    try {
      out.append(chunk);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
