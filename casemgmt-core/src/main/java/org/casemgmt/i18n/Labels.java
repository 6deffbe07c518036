package org.casemgmt.i18n;

import io.vavr.collection.List;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.internal.Check;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.ServiceKind;

/**
 * Words a practitioner reads, in English and Italian, for the library's vocabulary: phases, life domains,
 * priorities, statuses, closure reasons, command kinds — and a sentence for each {@link Rejection}, so a user
 * interface can say <em>why</em> a command was refused without a hand-written message per rule.
 *
 * <pre>{@code
 * Labels.label(Phase.PLANNING, Locale.ITALIAN);   // "Progettazione"
 * caseFile.handle(anna, command).peekLeft(r -> show(Labels.explain(r, Locale.ITALIAN)));
 * // "L'intervento I-2 si sovrapporrebbe a I-1: entrambi erogano «Sostegno psicologico» per il bisogno N-1 ..."
 * }</pre>
 *
 * <p><b>Why the sentences are safe to show and log.</b> A rejection carries ids, kinds, days and amounts,
 * never prose or personal data; {@link #explain} fills its template only from the rejection's record
 * components (found by reflection, so a new field needs no code here), each formatted by type: enums by their
 * label, days as dates, windows as first and last day (the end of a half-open window is not shown), amounts
 * with two decimals, sets as sorted lists. Nothing else goes into the sentence.
 *
 * <p><b>Languages.</b> English (the base bundle) and Italian. A locale of another language gets English,
 * whatever the JVM's default locale — an Italian server must not answer a French user in Italian. The bundles
 * ({@code org/casemgmt/i18n/labels*.properties}, UTF-8) live in this module's package and are read through
 * this class; the package is exported, not opened, so other modules cannot read them directly.
 */
public final class Labels {

  private static final String BUNDLE = "org.casemgmt.i18n.labels";

  /** {@code {name}}: a record component to fill in. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.ITALIAN);

  private Labels() {}

  /** {@return the languages with their own labels: English and Italian} */
  public static List<Locale> supportedLocales() {
    return SUPPORTED;
  }

  /**
   * The label of one of the library's enum constants, e.g. {@code "Final evaluation"} /
   * {@code "Valutazione conclusiva"} for {@code Phase.EVALUATION}. Constants of enums that are not the
   * library's have no label: their {@link Enum#name()} is returned, so a screen never breaks over a label.
   *
   * @param value  the constant, e.g. a phase, a life domain or a command kind
   * @param locale the reader's locale; languages other than English and Italian get English
   * @return the label in that language, or the constant's name for an enum that is not the library's
   */
  public static String label(Enum<?> value, Locale locale) {
    Check.notNull(value, "value");
    return label(value, bundle(locale));
  }

  /**
   * A sentence that explains a rejection to a practitioner, with the ids, days, phases and amounts it carries,
   * e.g. {@code "Version 2 of the plan has no goal yet."}.
   *
   * @param rejection the refusal
   * @param locale    the reader's locale; languages other than English and Italian get English
   * @return the sentence
   * @throws MissingResourceException never for the library's own rejections (a test checks both languages)
   */
  public static String explain(Rejection rejection, Locale locale) {
    Check.notNull(rejection, "rejection");
    ResourceBundle bundle = bundle(locale);
    String rule = rejection.rule();
    String template = bundle.getString("rejection." + rule);
    List<RecordComponent> components = List.of(rejection.getClass().getRecordComponents());
    Matcher placeholders = PLACEHOLDER.matcher(template);
    StringBuilder sentence = new StringBuilder();
    while (placeholders.find()) {
      String name = placeholders.group(1);
      RecordComponent component = components.find(c -> c.getName().equals(name))
          .getOrElseThrow(() -> new IllegalStateException(
              "template rejection." + rule + " names {" + name + "}, which " + rule + " does not have"));
      Object value = valueOf(component, rejection);
      String text = value instanceof Boolean flag
          ? bundle.getString("rejection." + rule + "." + name + "." + flag)
          : format(value, bundle);
      placeholders.appendReplacement(sentence, Matcher.quoteReplacement(text));
    }
    placeholders.appendTail(sentence);
    return sentence.toString();
  }

  // ---------------------------------------------------------------- bundles and keys

  /**
   * The bundle for a locale's language, or the base (English) one. {@link ResourceBundle#getBundle} falls
   * back to the JVM's default locale before the base bundle, so its answer is checked: a bundle of another
   * language than the one asked for is replaced by the base bundle.
   */
  private static ResourceBundle bundle(Locale locale) {
    Check.notNull(locale, "locale");
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    return bundle.getLocale().getLanguage().equals(locale.getLanguage())
        ? bundle
        : ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
  }

  /** The locale numbers and month names are written in: the bundle's own, English for the base. */
  private static Locale formatLocale(ResourceBundle bundle) {
    return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
  }

  /**
   * The key of an enum constant: its type's name inside its package, then the constant, e.g.
   * {@code Phase.PLANNING} or {@code InputError.Problem.MISSING} for a nested enum.
   *
   * @param value the constant
   * @return the key in the bundles
   */
  static String key(Enum<?> value) {
    Class<?> type = value.getDeclaringClass();
    String inPackage = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    return inPackage + "." + value.name();
  }

  private static String label(Enum<?> value, ResourceBundle bundle) {
    String key = key(value);
    return bundle.containsKey(key) ? bundle.getString(key) : value.name();
  }

  // ---------------------------------------------------------------- formatting a component's value

  private static Object valueOf(RecordComponent component, Rejection rejection) {
    try {
      return component.getAccessor().invoke(rejection);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + rejection.rule() + "." + component.getName(), e);
    }
  }

  private static String format(Object value, ResourceBundle bundle) {
    Locale locale = formatLocale(bundle);
    if (value instanceof Enum<?> constant) {
      return label(constant, bundle);
    }
    if (value instanceof LocalDate day) {
      return DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale).format(day);
    }
    if (value instanceof Instant instant) {
      return DateTimeFormatter.ofPattern(bundle.getString("format.instant"), locale).withZone(ZoneOffset.UTC)
          .format(instant);
    }
    if (value instanceof DayWindow window) {
      LocalDate last = window.end().minusDays(1);
      String template = last.equals(window.start()) ? bundle.getString("format.oneDay") : bundle.getString("format.window");
      return template.replace("{first}", format(window.start(), bundle)).replace("{last}", format(last, bundle));
    }
    if (value instanceof Money money) {
      return amount(money.amount(), locale);
    }
    if (value instanceof ServiceKind kind) {
      String key = "ServiceKind." + kind.code();
      return bundle.containsKey(key) ? bundle.getString(key) : kind.code();
    }
    if (value instanceof Iterable<?> values) {
      List<Object> elements = List.ofAll(values);
      if (elements.isEmpty()) {
        return bundle.getString("format.none");
      }
      return elements.sorted(byOrderOrText(bundle)).map(element -> format(element, bundle)).mkString(", ");
    }
    // Ids and numbers: their text is the value itself.
    return String.valueOf(value);
  }

  /** Enum constants in declaration order (phases in the methodology's order), anything else by its text. */
  private static Comparator<Object> byOrderOrText(ResourceBundle bundle) {
    return (a, b) -> a instanceof Enum<?> x && b instanceof Enum<?> y && x.getDeclaringClass() == y.getDeclaringClass()
        ? Integer.compare(x.ordinal(), y.ordinal())
        : format(a, bundle).compareTo(format(b, bundle));
  }

  private static String amount(BigDecimal amount, Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(amount);
  }
}
