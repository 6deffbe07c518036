package org.casemgmt.examples.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.jackson.datatype.VavrModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.function.Function;
import org.casemgmt.FreeText;
import org.casemgmt.InputError;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.CommandId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.need.NeedId;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.ServiceKind;

/**
 * The JSON wire format of casemgmt's events and commands, schema version {@value #SCHEMA}: what an application
 * stores in its event table, sends on a queue or gives a client who asks for their record.
 *
 * <pre>{@code
 * WireFormat wire = new WireFormat();
 * String json = wire.toJson(recordedEvent);        // one line, for a database column or a message
 * RecordedEvent back = wire.readEvent(json);       // equal to recordedEvent
 * String queued = wire.toJson(IssuedCommand.of(anna, new Command.StartAssessment()));
 * IssuedCommand command = wire.readCommand(queued); // the command with who issued it, when, and the version seen
 * }</pre>
 *
 * <p><b>Documents.</b> Every document is a JSON object that starts with {@code "schema": 2} and a {@code "type"}
 * discriminator, the simple name of the event or command record ({@code "NeedRecorded"}, {@code "RecordNeed"}),
 * followed by the fields of the envelope the message travels in. An event document has the fields of its
 * {@link RecordedEvent} ({@code caseId}, {@code sequence}, {@code actor}, {@code at}) and the event's own fields
 * under {@code "event"}; a command document has the fields of its {@link IssuedCommand}: the {@link Issued}
 * envelope under {@code "issued"} ({@code actor}, {@code at}, {@code expectedVersion}, and {@code commandId} when
 * the issuer gave the command one) and the command's own fields under {@code "command"}:
 * <pre>{@code
 * {"schema":2,"type":"HandOver","issued":{"actor":"anna","at":"2026-03-03T09:00:00Z","expectedVersion":null},
 *  "command":{"newCaseManager":"bruno"}}
 * }</pre>
 * Nesting keeps a record's fields from ever clashing with the envelope (an event may well have a {@code caseId},
 * a command a {@code type}).
 *
 * <p><b>Schema 1, upcast on reading.</b> Documents written by the first version of the format are read too, and
 * give the same events and commands as their schema-2 equivalents. Event documents have the same shape in both.
 * In a schema-1 command document the {@code issued} stamp is the first field of {@code "command"} (commands
 * carry no stamp since schema 2); the reader lifts it out into the envelope. A schema-1 {@code OpenCase} always
 * names its {@code caseManager}, which reads as that manager ({@code Option.some}); in schema 2 {@code null}
 * means the issuer. Writing always gives schema {@value #SCHEMA}.
 *
 * <p><b>Fields.</b> Records map field by field, in declaration order; identifiers ({@link CaseId}, {@link NeedId}
 * …) are plain strings; days and instants are ISO-8601 strings; enums are their constant names; Vavr
 * {@code Option} is the value or {@code null}; Vavr sets are arrays and maps are objects, both written in a
 * stable order (natural order of comparable elements and keys, else their {@code toString}) so that the same
 * history always gives the same bytes. Money amounts are decimal numbers with two decimals.
 *
 * <p><b>Reading is strict.</b> A document that is not JSON, has no schema version or one this reader does not
 * know, names an unknown type, lacks a field or has one too many (in the shape of its own schema version) is
 * refused with a {@link WireFormatException} naming the {@link WireFormatException.Reason}; a value that has the
 * right shape but breaks one of casemgmt's own rules surfaces as the {@link InvalidInputException} its
 * constructor throws. Either way nothing is half-read. A new version of the format will get a new schema number,
 * and this reader will refuse it rather than guess.
 *
 * <p>The core library carries no Jackson annotation: the mapping lives here, in a Jackson module of the example.
 * Instances are immutable and thread-safe.
 */
public final class WireFormat {

  /** The schema version this class writes; it reads this one and every earlier one, back to schema 1. */
  public static final int SCHEMA = 2;

  /** The first schema version of the format, whose command documents are upcast on reading. */
  static final int SCHEMA_1 = 1;

  private static final Map<String, Class<? extends CaseEvent>> EVENT_TYPES = typesOf(CaseEvent.class);
  private static final Map<String, Class<? extends Command>> COMMAND_TYPES = typesOf(Command.class);

  private final ObjectMapper mapper;
  private final ObjectWriter compact;
  private final ObjectWriter pretty;

  /** Creates the wire format with its own, strictly configured Jackson mapper. */
  public WireFormat() {
    this.mapper = JsonMapper.builder()
        // Later modules take precedence: the casemgmt module's ordered set/map serializers win over Vavr's.
        .addModule(new VavrModule())
        .addModule(new JavaTimeModule())
        .addModule(casemgmtModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        // Records only: helpers such as Need.isOpen() or Goal.isAchieved() are derived, not fields.
        .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
        .addMixIn(Intervention.class, InterventionShape.class)
        .build();
    this.compact = mapper.writer();
    DefaultIndenter newline = new DefaultIndenter("  ", "\n");
    this.pretty = mapper.writer(new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(newline)
        .withArrayIndenter(newline));
  }

  // ---------------------------------------------------------------- writing

  /**
   * One event as a one-line JSON document.
   *
   * @param event the recorded event
   * @return the document; it contains the event's personal data and free text, so never log it
   */
  public String toJson(RecordedEvent event) {
    return write(compact, document(event));
  }

  /**
   * One command in its envelope as a one-line JSON document, e.g. for a command queue.
   *
   * @param command the command with who issues it, when, and the version they expect
   * @return the document; it contains the command's personal data and free text, so never log it
   */
  public String toJson(IssuedCommand command) {
    return write(compact, document(command));
  }

  /**
   * A case's history as a pretty-printed JSON array of event documents, e.g. for a client who asks for their
   * record or for an archive. Byte-for-byte stable: the same history always gives the same text.
   *
   * @param history the events, in order
   * @return the array, ending with a newline
   */
  public String historyToJson(Seq<RecordedEvent> history) {
    ArrayNode array = mapper.createArrayNode();
    history.forEach(event -> array.add(document(event)));
    return write(pretty, array) + "\n";
  }

  /**
   * Commands in their envelopes as a pretty-printed JSON array of command documents; byte-for-byte stable like
   * {@link #historyToJson}.
   *
   * @param commands the commands with who issues each, when, and the version they expect, in order
   * @return the array, ending with a newline
   */
  public String commandsToJson(Seq<IssuedCommand> commands) {
    ArrayNode array = mapper.createArrayNode();
    commands.forEach(command -> array.add(document(command)));
    return write(pretty, array) + "\n";
  }

  private ObjectNode document(RecordedEvent event) {
    return mapper.valueToTree(new EventDocument(SCHEMA, event.event().getClass().getSimpleName(), event.caseId(),
        event.sequence(), event.actor(), event.at(), mapper.valueToTree(event.event())));
  }

  private ObjectNode document(IssuedCommand command) {
    return mapper.valueToTree(new CommandDocument(SCHEMA, command.command().getClass().getSimpleName(),
        envelope(command.issued()), mapper.valueToTree(command.command())));
  }

  /** The envelope's fields; {@code commandId} only when the command has one (documents without one read as none). */
  private ObjectNode envelope(Issued issued) {
    ObjectNode envelope = mapper.valueToTree(issued);
    if (issued.commandId().isEmpty()) {
      envelope.remove("commandId");
    }
    return envelope;
  }

  private static String write(ObjectWriter writer, JsonNode node) {
    try {
      return writer.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree of our own making always serializes; failing here is a bug, not bad input.
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads one event document, of schema {@value #SCHEMA} or an earlier one.
   *
   * @param json the document, as {@link #toJson(RecordedEvent)} writes it
   * @return the recorded event, with its case, sequence, actor and instant
   * @throws WireFormatException            if the document is refused (see {@link WireFormatException.Reason})
   * @throws InvalidInputException if a value breaks one of casemgmt's rules
   */
  public RecordedEvent readEvent(String json) {
    return readEvent(parse(json, "event document"), "");
  }

  /**
   * Reads one command document, of schema {@value #SCHEMA} or an earlier one.
   *
   * @param json the document, as {@link #toJson(IssuedCommand)} writes it
   * @return the command with who issued it, when, and the version they expected
   * @throws WireFormatException            if the document is refused (see {@link WireFormatException.Reason})
   * @throws InvalidInputException if a value breaks one of casemgmt's rules
   */
  public IssuedCommand readCommand(String json) {
    return readCommand(parse(json, "command document"), "");
  }

  /**
   * Reads an array of event documents, as {@link #historyToJson} writes it; all or nothing.
   *
   * @param json the array, as {@link #historyToJson} writes it
   * @return the events, in order
   * @throws WireFormatException            if the array or any document in it is refused
   * @throws InvalidInputException if a value breaks one of casemgmt's rules
   */
  public Seq<RecordedEvent> readHistory(String json) {
    return elements(parse(json, "history")).zipWithIndex().map(e -> readEvent(e._1, "[" + e._2 + "]"));
  }

  /**
   * Reads an array of command documents, as {@link #commandsToJson} writes it; all or nothing. The documents
   * may be of different schema versions.
   *
   * @param json the array, as {@link #commandsToJson} writes it
   * @return the commands in their envelopes, in order
   * @throws WireFormatException            if the array or any document in it is refused
   * @throws InvalidInputException if a value breaks one of casemgmt's rules
   */
  public Seq<IssuedCommand> readCommands(String json) {
    return elements(parse(json, "commands")).zipWithIndex().map(e -> readCommand(e._1, "[" + e._2 + "]"));
  }

  /**
   * Event documents have the same envelope in every schema version; in schema 1 a {@code ReplanningStarted} has
   * no {@code period} (re-planning always kept the period then), which reads as none.
   */
  private RecordedEvent readEvent(JsonNode node, String where) {
    int schema = schemaOf(node, where);
    Class<? extends CaseEvent> type = typeOf(node, EVENT_TYPES, where);
    if (schema == SCHEMA_1 && type == CaseEvent.ReplanningStarted.class) {
      node = withNullField((ObjectNode) node, "event", "period");
    }
    EventDocument document = bind(node, EventDocument.class, where + type.getSimpleName());
    CaseEvent event = bind(document.event(), type, where + type.getSimpleName() + ".event");
    return new RecordedEvent(document.caseId(), document.sequence(), document.actor(), document.at(), event);
  }

  private IssuedCommand readCommand(JsonNode node, String where) {
    int schema = schemaOf(node, where);
    Class<? extends Command> type = typeOf(node, COMMAND_TYPES, where);
    String name = where + type.getSimpleName();
    JsonNode current = schema == SCHEMA_1 ? upcastCommand((ObjectNode) node, type, name) : node;
    CommandDocument document = bind(current, CommandDocument.class, name);
    // Problems in the stamp are reported where the document has it: beside the command, or in schema 1 inside it.
    Issued issued = readIssued(document.issued(), name + (schema == SCHEMA_1 ? ".command.issued" : ".issued"));
    Command command = bind(document.command(), type, name + ".command");
    return IssuedCommand.of(issued, command);
  }

  private Issued readIssued(JsonNode node, String where) {
    if (node != null && node.isNull()) {
      // As when the envelope is built in code without a stamp (IssuedCommand.of).
      throw new InvalidInputException(List.of(new InputError("issued", InputError.Problem.MISSING, "is required")));
    }
    if (node instanceof ObjectNode envelope && !envelope.has("commandId")) {
      // Written without a command id (every schema-1 document, and schema 2 when the issuer kept none): none.
      return bind(envelope.deepCopy().putNull("commandId"), Issued.class, where);
    }
    return bind(node, Issued.class, where);
  }

  /**
   * A schema-1 command document in the shape of schema 2: the {@code issued} stamp, which schema 1 wrote as the
   * first field of the command, moves out into the envelope. The document is copied, never changed; everything
   * but the stamp is left for binding to accept or refuse, exactly as in a schema-2 document.
   */
  private static ObjectNode upcastCommand(ObjectNode document, Class<? extends Command> type, String where) {
    if (document.has("issued")) {
      // In schema 1 the stamp was a field of the command, never of the document.
      throw new WireFormatException(WireFormatException.Reason.UNKNOWN_FIELD,
          where + ".issued is not a field of a schema-1 document");
    }
    JsonNode fields = document.get("command");
    if (fields == null) {
      throw new WireFormatException(WireFormatException.Reason.MISSING_FIELD, where + ".command is missing");
    }
    if (!fields.isObject()) {
      throw new WireFormatException(WireFormatException.Reason.INVALID_FIELD,
          where + ".command: expected a JSON object");
    }
    ObjectNode command = (ObjectNode) fields.deepCopy();
    JsonNode issued = command.remove("issued");
    if (issued == null) {
      throw new WireFormatException(WireFormatException.Reason.MISSING_FIELD, where + ".command.issued is missing");
    }
    JsonNode caseManager = command.get("caseManager");
    if (type == Command.OpenCase.class && caseManager != null && caseManager.isNull()) {
      // Schema 1 had no "issuer is the manager": a null manager was refused then, and is refused still, rather
      // than read as schema 2's null.
      throw new InvalidInputException(List.of(new InputError("caseManager", InputError.Problem.MISSING,
          "is required")));
    }
    // A schema-1 manager is a plain staff id, which reads as Option.some: schema 2 writes an Option as its value.
    if (type == Command.Replan.class && !command.has("period")) {
      command.putNull("period"); // schema 1 re-planned over the same period
    }
    ObjectNode upcast = document.deepCopy();
    upcast.put("schema", SCHEMA);
    upcast.set("issued", issued);
    upcast.set("command", command);
    return upcast;
  }

  /** A copy of the document whose object field {@code inner} has {@code field} set to null, if it lacks it. */
  private static ObjectNode withNullField(ObjectNode document, String inner, String field) {
    JsonNode fields = document.get(inner);
    if (fields == null || !fields.isObject() || fields.has(field)) {
      return document;
    }
    ObjectNode copy = document.deepCopy();
    ((ObjectNode) copy.get(inner)).putNull(field);
    return copy;
  }

  private JsonNode parse(String json, String what) {
    if (json == null) {
      throw new IllegalArgumentException("json is null");
    }
    try {
      return mapper.readTree(json);
    } catch (StreamReadException e) {
      throw new WireFormatException(WireFormatException.Reason.MALFORMED_JSON,
          what + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    } catch (JsonProcessingException e) {
      throw new WireFormatException(WireFormatException.Reason.MALFORMED_JSON, what);
    }
  }

  private static Seq<JsonNode> elements(JsonNode node) {
    if (!node.isArray()) {
      throw new WireFormatException(WireFormatException.Reason.MALFORMED_JSON, "expected a JSON array");
    }
    return Vector.ofAll(node::elements);
  }

  /** The document's schema version, one this reader knows; checks first that the document is an object. */
  private static int schemaOf(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new WireFormatException(WireFormatException.Reason.MALFORMED_JSON, where + "expected a JSON object");
    }
    JsonNode schema = node.get("schema");
    if (schema == null) {
      throw new WireFormatException(WireFormatException.Reason.MISSING_SCHEMA, where + "no \"schema\" field");
    }
    if (!schema.isIntegralNumber() || !schema.canConvertToInt() || schema.intValue() < SCHEMA_1
        || schema.intValue() > SCHEMA) {
      throw new WireFormatException(WireFormatException.Reason.UNSUPPORTED_SCHEMA,
          where + "this reader knows schemas " + List.rangeClosed(SCHEMA_1, SCHEMA).mkString(", ") + " only");
    }
    return schema.intValue();
  }

  private static <T> Class<? extends T> typeOf(JsonNode node, Map<String, Class<? extends T>> types, String where) {
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw new WireFormatException(WireFormatException.Reason.MISSING_TYPE, where + "no \"type\" string");
    }
    // The name is not echoed: an unknown type may be anything, including data that is not ours to log.
    return types.get(type.textValue()).getOrElseThrow(() ->
        new WireFormatException(WireFormatException.Reason.UNKNOWN_TYPE, where + "not a known type"));
  }

  private <T> T bind(JsonNode node, Class<T> type, String where) {
    try {
      if (node == null || !node.isObject()) {
        throw new WireFormatException(WireFormatException.Reason.INVALID_FIELD, where + ": expected a JSON object");
      }
      return mapper.treeToValue(node, type);
    } catch (UnrecognizedPropertyException e) {
      throw new WireFormatException(WireFormatException.Reason.UNKNOWN_FIELD, where + path(e));
    } catch (InvalidFormatException e) {
      throw new WireFormatException(WireFormatException.Reason.INVALID_FIELD, where + path(e));
    } catch (MismatchedInputException e) {
      boolean missing = isMissingProperty(e);
      throw new WireFormatException(missing ? WireFormatException.Reason.MISSING_FIELD
          : WireFormatException.Reason.INVALID_FIELD, where + path(e));
    } catch (JsonMappingException e) {
      InvalidInputException invalid = invalidInput(e);
      if (invalid != null) {
        throw invalid;
      }
      throw new WireFormatException(WireFormatException.Reason.INVALID_FIELD, where + path(e));
    } catch (JsonProcessingException e) {
      throw new WireFormatException(WireFormatException.Reason.INVALID_FIELD, where);
    } catch (IllegalArgumentException e) {
      InvalidInputException invalid = invalidInput(e);
      if (invalid != null) {
        throw invalid;
      }
      throw e;
    }
  }

  /** The field path of a Jackson error, e.g. {@code .need.priority}; never the offending value. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      path.append(reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]");
    }
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof UnrecognizedPropertyException unknown) {
      path.append(" is not a field of ").append(unknown.getReferringClass().getSimpleName());
    } else if (isMissingProperty(e)) {
      // Jackson names the missing property only in its message; the name is a record component, not data.
      int start = message.indexOf('\'');
      int end = start < 0 ? -1 : message.indexOf('\'', start + 1);
      String name = end > start ? "." + message.substring(start + 1, end) : "";
      // Recent Jackson versions already end the path with the missing property; name it once.
      if (!path.toString().endsWith(name)) {
        path.append(name);
      }
      path.append(" is missing");
    } else {
      path.append(" has the wrong shape");
    }
    return path.toString();
  }

  /** Jackson has no exception type of its own for a missing creator property, only its message. */
  private static boolean isMissingProperty(JsonMappingException e) {
    String message = e.getOriginalMessage();
    return message != null && message.startsWith("Missing") && message.contains("creator property");
  }

  private static InvalidInputException invalidInput(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return invalid;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- the Jackson module for core's values

  private static SimpleModule casemgmtModule() {
    SimpleModule module = new SimpleModule("casemgmt-wire-format");
    identifier(module, CaseId.class, CaseId::value, CaseId::of);
    identifier(module, StaffId.class, StaffId::value, StaffId::of);
    identifier(module, CommandId.class, CommandId::value, CommandId::of);
    identifier(module, ClientId.class, ClientId::value, ClientId::of);
    identifier(module, NeedId.class, NeedId::value, NeedId::of);
    identifier(module, GoalId.class, GoalId::value, GoalId::of);
    identifier(module, InterventionId.class, InterventionId::value, InterventionId::of);
    identifier(module, ReferralId.class, ReferralId::value, ReferralId::of);
    identifier(module, ResourceId.class, ResourceId::value, ResourceId::of);
    identifier(module, ProviderId.class, ProviderId::value, ProviderId::of);
    // Free text travels as a plain string; reading checks it as FreeText.of does (not blank, bounded length).
    module.addSerializer(FreeText.class, new StdSerializer<FreeText>(FreeText.class) {
      @Override
      public void serialize(FreeText text, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(text.text());
      }
    });
    module.addDeserializer(FreeText.class, new StdDeserializer<FreeText>(FreeText.class) {
      @Override
      public FreeText deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
          return (FreeText) context.handleUnexpectedToken(FreeText.class, parser);
        }
        return FreeText.of(parser.getText());
      }
    });
    module.addSerializer(new OrderedSetSerializer());
    module.addSerializer(new OrderedMapSerializer());
    return module;
  }

  /** Maps a single-string identifier to a plain JSON string, also as a map key; reading goes through {@code of}. */
  private static <T> void identifier(SimpleModule module, Class<T> type, Function<T, String> value,
      Function<String, T> of) {
    module.addSerializer(type, new StdSerializer<T>(type) {
      @Override
      public void serialize(T id, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.apply(id));
      }
    });
    module.addKeySerializer(type, new StdSerializer<T>(type) {
      @Override
      public void serialize(T id, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeFieldName(value.apply(id));
      }
    });
    module.addDeserializer(type, new StdDeserializer<T>(type) {
      @Override
      public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
          return type.cast(context.handleUnexpectedToken(type, parser));
        }
        return of.apply(parser.getText());
      }
    });
    module.addKeyDeserializer(type, new KeyDeserializer() {
      @Override
      public Object deserializeKey(String key, DeserializationContext context) {
        return of.apply(key);
      }
    });
  }

  /**
   * The wire shape of {@link Intervention}, a value class rather than a record (it keeps its needs as an array
   * for the overlap index): the same fields, in the same order, as the record it was, so documents are unchanged.
   */
  @JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
      fieldVisibility = Visibility.NONE)
  @JsonPropertyOrder({"id", "needs", "goals", "provider", "kind", "window", "cost", "status", "startedOn", "endedOn"})
  abstract static class InterventionShape {
    @JsonCreator
    InterventionShape(@JsonProperty("id") InterventionId id, @JsonProperty("needs") Set<NeedId> needs,
        @JsonProperty("goals") Set<GoalId> goals, @JsonProperty("provider") ProviderId provider,
        @JsonProperty("kind") ServiceKind kind, @JsonProperty("window") DayWindow window,
        @JsonProperty("cost") Money cost, @JsonProperty("status") InterventionStatus status,
        @JsonProperty("startedOn") io.vavr.control.Option<LocalDate> startedOn,
        @JsonProperty("endedOn") io.vavr.control.Option<LocalDate> endedOn) {}

    @JsonProperty("id")
    abstract InterventionId id();

    @JsonProperty("needs")
    abstract Set<NeedId> needs();

    @JsonProperty("goals")
    abstract Set<GoalId> goals();

    @JsonProperty("provider")
    abstract ProviderId provider();

    @JsonProperty("kind")
    abstract ServiceKind kind();

    @JsonProperty("window")
    abstract DayWindow window();

    @JsonProperty("cost")
    abstract Money cost();

    @JsonProperty("status")
    abstract InterventionStatus status();

    @JsonProperty("startedOn")
    abstract io.vavr.control.Option<LocalDate> startedOn();

    @JsonProperty("endedOn")
    abstract io.vavr.control.Option<LocalDate> endedOn();
  }

  /** Natural order for comparable values (enums by declaration, ids by value), else by {@code toString}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<Object> STABLE = (a, b) ->
      a instanceof Comparable && a.getClass() == b.getClass()
          ? ((Comparable) a).compareTo(b)
          : String.valueOf(a).compareTo(String.valueOf(b));

  /** Writes a Vavr set as an array in a stable order: hash order differs between runs (enum hash codes do). */
  private static final class OrderedSetSerializer extends StdSerializer<Set<?>> {
    OrderedSetSerializer() {
      super(Set.class, false);
    }

    @Override
    public void serialize(Set<?> set, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartArray(set, set.size());
      for (Object element : List.ofAll(set).sorted(STABLE)) {
        provider.defaultSerializeValue(element, gen);
      }
      gen.writeEndArray();
    }
  }

  /** Writes a Vavr map as an object with its keys in a stable order. */
  private static final class OrderedMapSerializer extends StdSerializer<Map<?, ?>> {
    OrderedMapSerializer() {
      super(Map.class, false);
    }

    @Override
    public void serialize(Map<?, ?> map, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject(map);
      for (Tuple2<?, ?> entry : List.ofAll(map).sorted((x, y) -> STABLE.compare(x._1, y._1))) {
        provider.findKeySerializer(entry._1.getClass(), null).serialize(entry._1, gen, provider);
        provider.defaultSerializeValue(entry._2, gen);
      }
      gen.writeEndObject();
    }
  }

  private static <T> Map<String, Class<? extends T>> typesOf(Class<T> sealed) {
    return HashMap.ofEntries(List.of(sealed.getPermittedSubclasses())
        .map(c -> new Tuple2<String, Class<? extends T>>(c.getSimpleName(), c.asSubclass(sealed))));
  }

  /** The names of every event type, i.e. every permitted subclass of {@link CaseEvent}. */
  public static Set<String> eventTypes() {
    return EVENT_TYPES.keySet();
  }

  /** The names of every command type, i.e. every permitted subclass of {@link Command}. */
  public static Set<String> commandTypes() {
    return COMMAND_TYPES.keySet();
  }

  /** An event document: schema, type, the recorded event's envelope, then the event's fields. */
  record EventDocument(int schema, String type, CaseId caseId, long sequence, StaffId actor, Instant at,
      JsonNode event) {}

  /** A command document: schema, type, the command's envelope, then the command's fields. */
  record CommandDocument(int schema, String type, JsonNode issued, JsonNode command) {}
}
