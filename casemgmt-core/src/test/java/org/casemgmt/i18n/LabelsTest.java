package org.casemgmt.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The bundles are read file by file (not through {@link java.util.ResourceBundle}, whose fallback to the base
 * bundle would hide a missing Italian entry), and every enum of the library and every rejection type is
 * looked up in both.
 */
class LabelsTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
  private static final Properties ENGLISH = load("labels.properties");
  private static final Properties ITALIAN = load("labels_it.properties");
  private static final List<Properties> BOTH = List.of(ENGLISH, ITALIAN);

  private static Properties load(String file) {
    try (InputStream in = Labels.class.getResourceAsStream(file)) {
      assertTrue(in != null, () -> file + " is not readable from " + Labels.class.getModule());
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every public enum in a package the module exports, found by listing the module's classes. */
  private static List<Class<?>> libraryEnums() {
    Module module = Labels.class.getModule();
    assertTrue(module.isNamed(), "the tests must run on the module path to check the module's resources");
    ResolvedModule resolved = module.getLayer().configuration().findModule(module.getName())
        .orElseThrow(() -> new AssertionError("module not resolved"));
    try (ModuleReader reader = resolved.reference().open()) {
      return List.ofAll(reader.list().toList())
          .filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .map(LabelsTest::loadClass)
          .filter(type -> type.isEnum() && isPublicApi(type) && module.isExported(type.getPackageName()))
          .sortBy(Class::getName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isPublicApi(Class<?> type) {
    return Modifier.isPublic(type.getModifiers())
        && (type.getEnclosingClass() == null || isPublicApi(type.getEnclosingClass()));
  }

  private static Class<?> loadClass(String className) {
    try {
      return Class.forName(className, false, Labels.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Class<?>> rejectionTypes() {
    return List.of(Rejection.class.getPermittedSubclasses());
  }

  private static Set<String> placeholders(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    Set<String> names = HashSet.empty();
    while (m.find()) {
      names = names.add(m.group(1));
    }
    return names;
  }

  @Nested
  class The_bundles {

    @Test
    void label_every_constant_of_every_library_enum_in_english_and_italian() {
      List<Class<?>> enums = libraryEnums();
      assertTrue(enums.size() >= 15, () -> "found only " + enums);
      assertTrue(enums.containsAll(List.of(Phase.class, LifeDomain.class, CommandKind.class)), enums::toString);
      List<String> missing = enums.flatMap(type -> List.of(type.getEnumConstants()))
          .map(constant -> Labels.key((Enum<?>) constant))
          .flatMap(key -> BOTH.zip(List.of("en", "it"))
              .filter(bundle -> bundle._1.getProperty(key, "").isBlank())
              .map(bundle -> bundle._2 + ": " + key));
      assertTrue(missing.isEmpty(), () -> "missing labels: " + missing);
    }

    @Test
    void give_every_rejection_type_a_sentence_in_english_and_italian() {
      List<String> missing = rejectionTypes()
          .map(type -> "rejection." + type.getSimpleName())
          .flatMap(key -> BOTH.zip(List.of("en", "it"))
              .filter(bundle -> bundle._1.getProperty(key, "").isBlank())
              .map(bundle -> bundle._2 + ": " + key));
      assertTrue(missing.isEmpty(), () -> "missing sentences: " + missing);
      assertEquals(59, rejectionTypes().size(), "a new rejection type: check that its sentences read well");
    }

    @Test
    void name_in_each_sentence_exactly_the_rejections_fields() {
      for (Class<?> type : rejectionTypes()) {
        List<RecordComponent> components = List.of(type.getRecordComponents());
        Set<String> shown = components.filter(c -> c.getType() != boolean.class).map(RecordComponent::getName).toSet();
        for (Properties bundle : BOTH) {
          String key = "rejection." + type.getSimpleName();
          Set<String> flags = components.filter(c -> c.getType() == boolean.class).map(RecordComponent::getName).toSet();
          assertEquals(shown.union(flags), placeholders(bundle.getProperty(key)), key);
          for (RecordComponent flag : components.filter(c -> c.getType() == boolean.class)) {
            assertTrue(bundle.containsKey(key + "." + flag.getName() + ".true"), key + "." + flag.getName());
            assertTrue(bundle.containsKey(key + "." + flag.getName() + ".false"), key + "." + flag.getName());
          }
        }
      }
    }

    @Test
    void have_the_same_keys_in_both_languages() {
      Set<String> english = HashSet.ofAll(ENGLISH.stringPropertyNames());
      Set<String> italian = HashSet.ofAll(ITALIAN.stringPropertyNames());
      assertEquals(HashSet.empty(), english.removeAll(italian), "only in English");
      assertEquals(HashSet.empty(), italian.removeAll(english), "only in Italian");
    }

    @Test
    void are_translated_not_copied() {
      List<String> copied = List.ofAll(ENGLISH.stringPropertyNames())
          .filter(key -> key.startsWith("rejection.") || key.startsWith("Phase.") || key.startsWith("CommandKind."))
          .filter(key -> !ENGLISH.getProperty(key).isEmpty() && ENGLISH.getProperty(key).equals(ITALIAN.getProperty(key)));
      assertTrue(copied.isEmpty(), () -> "not translated: " + copied);
    }

    @Test
    void label_the_common_service_kinds() throws IllegalAccessException {
      for (Field field : ServiceKind.class.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == ServiceKind.class) {
          String key = "ServiceKind." + ((ServiceKind) field.get(null)).code();
          assertFalse(ENGLISH.getProperty(key, "").isBlank(), key);
          assertFalse(ITALIAN.getProperty(key, "").isBlank(), key);
        }
      }
    }

    @Test
    void give_distinct_labels_to_the_phases() {
      for (Locale locale : Labels.supportedLocales()) {
        List<String> labels = List.of(Phase.values()).map(p -> Labels.label(p, locale));
        assertEquals(labels.size(), labels.distinct().size(), labels::toString);
      }
    }
  }

  @Nested
  class Explaining_a_rejection {

    /** A value for a record component, with ids that carry the component's name so they can be found. */
    private Object sample(Type type, String name) throws ReflectiveOperationException {
      Class<?> raw = (Class<?>) (type instanceof ParameterizedType p ? p.getRawType() : type);
      if (raw == boolean.class) {
        return true;
      } else if (raw == int.class) {
        return 3;
      } else if (raw == long.class) {
        return 7L;
      } else if (raw.isEnum()) {
        Object[] constants = raw.getEnumConstants();
        return constants[constants.length - 1];
      } else if (raw == LocalDate.class) {
        return LocalDate.of(2026, 3, 2);
      } else if (raw == Instant.class) {
        return Instant.parse("2026-03-02T09:30:00Z");
      } else if (raw == DayWindow.class) {
        return DayWindow.ofDays(LocalDate.of(2026, 4, 1), 30);
      } else if (raw == Money.class) {
        return Money.of("1500.50");
      } else if (raw == ServiceKind.class) {
        return ServiceKind.PSYCHOLOGICAL_SUPPORT;
      } else if (raw == Set.class) {
        return HashSet.of(sample(((ParameterizedType) type).getActualTypeArguments()[0], name));
      } else if (raw == io.vavr.collection.Seq.class) {
        return io.vavr.collection.List.of(sample(((ParameterizedType) type).getActualTypeArguments()[0], name));
      } else if (raw == io.vavr.control.Option.class) {
        return io.vavr.control.Option.of(sample(((ParameterizedType) type).getActualTypeArguments()[0], name));
      } else if (raw == String.class) {
        return "ID-" + name;
      }
      return raw.getMethod("of", String.class).invoke(null, "ID-" + name);
    }

    private Rejection instance(Class<?> type) throws ReflectiveOperationException {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = sample(components[i].getGenericType(), components[i].getName());
      }
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      return (Rejection) canonical.newInstance(values);
    }

    @Test
    void fills_every_placeholder_of_every_rejection_in_both_languages() throws ReflectiveOperationException {
      for (Class<?> type : rejectionTypes()) {
        Rejection rejection = instance(type);
        for (Locale locale : Labels.supportedLocales()) {
          String sentence = Labels.explain(rejection, locale);
          String where = type.getSimpleName() + " in " + locale + ": " + sentence;
          assertFalse(sentence.contains("{") || sentence.contains("}"), where);
          assertFalse(sentence.matches("(?s).*\\bnull\\b.*"), where);
          assertTrue(sentence.endsWith("."), where);
          for (RecordComponent component : type.getRecordComponents()) {
            Object value = component.getAccessor().invoke(rejection);
            if (String.valueOf(value).contains("ID-")) { // an id, or a set of ids: shown as it is
              assertTrue(sentence.contains("ID-" + component.getName()), () -> where + " does not show "
                  + component.getName());
            } else if (value instanceof Enum<?> constant) {
              assertTrue(sentence.contains(Labels.label(constant, locale)), () -> where + " does not show " + constant);
            }
          }
        }
      }
    }

    @Test
    void explains_an_overlap_with_ids_kind_and_days() {
      Rejection overlap = new Rejection.OverlappingIntervention(InterventionId.of("I-2"), InterventionId.of("I-1"),
          NeedId.of("N-1"), ServiceKind.PSYCHOLOGICAL_SUPPORT,
          DayWindow.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)));
      assertEquals("Intervention I-2 would overlap with I-1: both deliver “Psychological support” for need N-1 on"
          + " the days 1 April 2026 – 30 April 2026. Avoid redundant, uncoordinated help: change the dates or cancel"
          + " one of them.", Labels.explain(overlap, Locale.ENGLISH));
      assertEquals("L'intervento I-2 si sovrapporrebbe a I-1: entrambi erogano «Sostegno psicologico» per il bisogno"
          + " N-1 nei giorni 1 aprile 2026 – 30 aprile 2026. Evitare interventi ridondanti e non coordinati:"
          + " modificare le date o annullarne uno.", Labels.explain(overlap, Locale.ITALIAN));
    }

    @Test
    void says_whether_the_case_is_suspended() {
      Rejection whileSuspended = new Rejection.CommandNotPermitted(CommandKind.START_PLANNING, Phase.ASSESSMENT, true,
          io.vavr.collection.LinkedHashSet.of(CommandKind.CLOSE_CASE, CommandKind.RESUME_CASE),
          HashSet.of(Phase.CLOSED));
      assertEquals("«Avviare la progettazione» non è consentito ora: il caso è nella fase «Valutazione"
          + " multidimensionale» ed è sospeso. Azioni consentite ora: Riprendere il caso, Chiudere il caso."
          + " Fasi raggiungibili: Caso chiuso.", Labels.explain(whileSuspended, Locale.ITALIAN));
      Rejection notSuspended = new Rejection.CommandNotPermitted(CommandKind.APPROVE_PLAN, Phase.INTAKE, false,
          HashSet.of(CommandKind.START_ASSESSMENT), HashSet.of(Phase.CLOSED, Phase.ASSESSMENT));
      assertEquals("“Approve the plan” is not permitted now: the case is in the phase “Intake”. It accepts now:"
          + " Start the assessment. Phases it can move to: Assessment, Closed.",
          Labels.explain(notSuspended, Locale.ENGLISH));
    }

    @Test
    void writes_amounts_and_dates_as_each_language_does() {
      Rejection budget = new Rejection.BudgetExceeded(Money.of("12500.5"), Money.of(10000));
      assertEquals("The plan costs 12,500.50, more than its budget cap of 10,000.00.",
          Labels.explain(budget, Locale.ENGLISH));
      assertEquals("Il costo del piano (12.500,50) supera il tetto di spesa di 10.000,00.",
          Labels.explain(budget, Locale.ITALIAN));
      Rejection early = new Rejection.IssuedBeforeOpening(Instant.parse("2026-03-01T17:05:00Z"),
          Instant.parse("2026-03-02T09:00:00Z"));
      assertEquals("L'azione è datata 1 marzo 2026, ore 17:05 UTC, prima dell'apertura del caso"
          + " (2 marzo 2026, ore 09:00 UTC).", Labels.explain(early, Locale.ITALIAN));
    }

    @Test
    void writes_none_for_an_empty_list_and_sorts_the_others() {
      Rejection goals = new Rejection.GoalsNotAchieved(HashSet.empty(),
          HashSet.of(GoalId.of("G-3"), GoalId.of("G-1"), GoalId.of("G-2")));
      assertEquals("The case cannot be closed as “goals achieved”. Goals without an outcome: none. Goals not"
          + " achieved: G-1, G-2, G-3. Re-plan, or close for another reason.", Labels.explain(goals, Locale.ENGLISH));
      assertTrue(Labels.explain(goals, Locale.ITALIAN).contains("Obiettivi senza esito: nessuno."));
    }

    @Test
    void shows_a_one_day_window_as_that_day() {
      Rejection clash = new Rejection.ExclusiveServiceOverlap(InterventionId.of("I-5"), InterventionId.of("I-4"),
          ServiceKind.RESIDENTIAL_PLACEMENT, DayWindow.ofDays(LocalDate.of(2026, 6, 30), 1));
      assertTrue(Labels.explain(clash, Locale.ENGLISH).endsWith("on the days 30 June 2026."),
          Labels.explain(clash, Locale.ENGLISH));
    }
  }

  @Nested
  class Choosing_the_language {

    @Test
    void gives_italian_for_any_italian_locale() {
      assertEquals("Valutazione conclusiva", Labels.label(Phase.EVALUATION, Locale.ITALIAN));
      assertEquals("Valutazione conclusiva", Labels.label(Phase.EVALUATION, Locale.ITALY));
      assertEquals("Valutazione conclusiva", Labels.label(Phase.EVALUATION, Locale.forLanguageTag("it-CH")));
    }

    @Test
    void gives_english_for_other_languages_even_when_the_jvm_speaks_italian() {
      Locale before = Locale.getDefault();
      try {
        Locale.setDefault(Locale.ITALY);
        assertEquals("Final evaluation", Labels.label(Phase.EVALUATION, Locale.ENGLISH));
        assertEquals("Final evaluation", Labels.label(Phase.EVALUATION, Locale.FRENCH));
        assertEquals("Final evaluation", Labels.label(Phase.EVALUATION, Locale.ROOT));
        assertEquals("Progettazione", Labels.label(Phase.PLANNING, Locale.ITALIAN));
      } finally {
        Locale.setDefault(before);
      }
    }

    @Test
    void reads_the_bundles_from_inside_the_named_module() {
      Module module = Labels.class.getModule();
      assertEquals("org.casemgmt", module.getName());
      assertTrue(module.getDescriptor().exports().stream().anyMatch(e -> e.source().equals("org.casemgmt.i18n")));
      assertNotEquals(Labels.label(LifeDomain.HOUSING, Locale.ENGLISH), Labels.label(LifeDomain.HOUSING, Locale.ITALIAN));
    }

    @Test
    void falls_back_to_the_constant_name_for_enums_that_are_not_the_librarys() {
      assertEquals("SECONDS", Labels.label(java.util.concurrent.TimeUnit.SECONDS, Locale.ITALIAN));
    }
  }
}
