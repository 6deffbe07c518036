package org.casemgmt.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationListener;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * casemgmt's XES extension definition, {@code org/casemgmt/export/cm.xesext} (shipped in the jar), has the shape
 * of an IEEE 1849-2016 extension definition and cannot drift from {@link XesWriter}: every {@code cm:} attribute
 * the writer puts in a log — the golden file, real histories, a simulated log — is declared at the level it is
 * written on with the type element it is written with, and every declared attribute is written somewhere.
 * The shape is checked here in code, element by element: the project holds the log schemas of the standard
 * (src/test/resources/xes/) but not a schema for extension definitions.
 */
class CmExtensionTest {

  static final String DEFINITION = "cm.xesext";

  /** The element names the extension-definition format allows for an attribute, and for a level. */
  static final Set<String> TYPES = Set.of("string", "date", "int", "float", "boolean", "id", "list", "container");
  static final List<String> LEVELS = List.of("log", "trace", "event", "meta");
  static final Pattern NC_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-]*");

  static Document parse(InputStream in) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (in) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  static Document parse(String xml) throws Exception {
    return parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static Element definition() throws Exception {
    InputStream in = XesWriter.class.getResourceAsStream(DEFINITION);
    assertNotNull(in, "org/casemgmt/export/" + DEFINITION + " is missing from the main resources");
    return parse(in).getDocumentElement();
  }

  static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        elements.add(e);
      }
    }
    return elements;
  }

  /** What the definition declares: "level prefix:key" to the type element, e.g. "event cm:sequence" → "int". */
  static Map<String, String> declared(Element root) {
    String prefix = root.getAttribute("prefix");
    Map<String, String> declared = new TreeMap<>();
    for (Element level : children(root)) {
      for (Element attribute : children(level)) {
        declared.put(level.getLocalName() + " " + prefix + ":" + attribute.getAttribute("key"),
            attribute.getLocalName());
      }
    }
    return declared;
  }

  /**
   * What a log uses of an extension: "level prefix:key" to the type element, for every attribute of a trace, an
   * event, the log itself or a {@code <global>} (at its scope) whose key has the prefix. A key written with two
   * types on one level is reported as "type1|type2".
   */
  static Map<String, String> used(Document log, String prefix) {
    Map<String, String> used = new TreeMap<>();
    NodeList all = log.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (!e.getAttribute("key").startsWith(prefix + ":")) {
        continue;
      }
      Node owner = e.getParentNode();
      while (owner instanceof Element o && !Set.of("log", "trace", "event", "global").contains(o.getLocalName())) {
        owner = o.getParentNode();
      }
      Element o = (Element) owner;
      String level = !o.getLocalName().equals("global") ? o.getLocalName()
          : o.getAttribute("scope").isEmpty() ? "event" : o.getAttribute("scope");
      used.merge(level + " " + e.getAttribute("key"), e.getLocalName(), CmExtensionTest::union);
    }
    return used;
  }

  /** Two sets of types, each written "t1|t2|…", as one, sorted. */
  static String union(String a, String b) {
    return String.join("|", new TreeSet<>(List.of((a + "|" + b).split("\\|"))));
  }

  /** The differences between what a definition declares and what logs use, one line each; empty if none. */
  static List<String> drift(Map<String, String> declared, Map<String, String> used) {
    List<String> problems = new ArrayList<>();
    used.forEach((key, type) -> {
      if (!declared.containsKey(key)) {
        problems.add(key + " (" + type + ") is written but not declared");
      } else if (!declared.get(key).equals(type)) {
        problems.add(key + " is declared " + declared.get(key) + " but written " + type);
      }
    });
    declared.forEach((key, type) -> {
      if (!used.containsKey(key)) {
        problems.add(key + " (" + type + ") is declared but never written");
      }
    });
    return problems;
  }

  /** The logs of the XES tests: the golden file, the real histories, a simulated log. */
  static List<String> logs() throws Exception {
    StringWriter real = new StringWriter();
    XesWriter.write(real, io.vavr.collection.List.of(
        ExportHistories.closedEarly("CASE-1"), ExportHistories.completed("CASE-2"),
        ExportHistories.referralCompleted("CASE-3")));
    StringWriter simulated = new StringWriter();
    Scenario scenario = Scenario.reference(7).toBuilder().horizonDays(120).build();
    Simulation.run(scenario, SimulationListener.xesEventLog(simulated));
    String golden;
    try (InputStream in = CmExtensionTest.class.getClassLoader().getResourceAsStream(GoldenLogTest.XES)) {
      assertNotNull(in, GoldenLogTest.XES + " is missing from the test resources");
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return List.of(golden, real.toString(), simulated.toString());
  }

  @Test
  void the_definition_has_the_shape_of_an_xes_extension_definition() throws Exception {
    Element root = definition();
    assertEquals("xesextension", root.getLocalName());
    assertNull(root.getNamespaceURI(), "extension definitions have no namespace");
    assertTrue(NC_NAME.matcher(root.getAttribute("name")).matches(), "name must be an NCName");
    assertEquals("cm", root.getAttribute("prefix"));
    assertEquals(XesWriter.CM_EXTENSION_URI, root.getAttribute("uri"));
    assertTrue(URI.create(root.getAttribute("uri")).isAbsolute());
    int lastLevel = -1;
    for (Element level : children(root)) {
      int at = LEVELS.indexOf(level.getLocalName());
      assertTrue(at > lastLevel, level.getLocalName() + ": levels are log, trace, event, meta, each once, in order");
      lastLevel = at;
      Set<String> keys = new HashSet<>();
      for (Element attribute : children(level)) {
        String key = attribute.getAttribute("key");
        assertTrue(TYPES.contains(attribute.getLocalName()), attribute.getLocalName() + " is not a type element");
        assertTrue(NC_NAME.matcher(key).matches(), "'" + key + "': keys are given without the prefix");
        assertTrue(keys.add(key), key + " is declared twice on " + level.getLocalName());
        Set<String> mappings = new HashSet<>();
        for (Element alias : children(attribute)) {
          assertEquals("alias", alias.getLocalName(), key + ": an attribute holds only aliases");
          assertTrue(NC_NAME.matcher(alias.getAttribute("mapping")).matches(), key + ": mapping must be an NCName");
          assertTrue(!alias.getAttribute("name").isBlank(), key + ": an alias has a name");
          assertTrue(mappings.add(alias.getAttribute("mapping")), key + ": one alias per mapping");
        }
        assertEquals(Set.of("EN", "IT"), mappings, key + ": an English and an Italian alias");
      }
    }
  }

  @Test
  void the_logs_declare_the_extension_as_the_definition_names_it() throws Exception {
    Element root = definition();
    for (String xml : logs()) {
      NodeList extensions = parse(xml).getDocumentElement().getElementsByTagName("extension");
      Element cm = null;
      for (int i = 0; i < extensions.getLength(); i++) {
        Element e = (Element) extensions.item(i);
        if (e.getAttribute("prefix").equals(root.getAttribute("prefix"))) {
          cm = e;
        }
      }
      assertNotNull(cm, "the log declares no extension with prefix cm");
      assertEquals(root.getAttribute("name"), cm.getAttribute("name"));
      assertEquals(root.getAttribute("uri"), cm.getAttribute("uri"));
    }
  }

  @Test
  void every_cm_attribute_the_writer_writes_is_declared_with_its_type_and_every_declared_one_is_written()
      throws Exception {
    Map<String, String> used = new TreeMap<>();
    for (String xml : logs()) {
      used(parse(xml), "cm").forEach((key, type) -> used.merge(key, type, CmExtensionTest::union));
    }
    assertEquals(List.of(), drift(declared(definition()), used));
  }

  @Test
  void the_drift_check_sees_an_undeclared_key_a_changed_type_and_an_unused_declaration() throws Exception {
    Document log = parse("""
        <log xes.version="1.0">
          <global scope="event"><int key="cm:sequence" value="0"/></global>
          <trace>
            <string key="concept:name" value="C-1"/>
            <event><string key="cm:sequence" value="1"/><string key="cm:other" value="x"/></event>
          </trace>
        </log>
        """);
    Map<String, String> used = used(log, "cm");
    assertEquals(Map.of("event cm:sequence", "int|string", "event cm:other", "string"), used);
    assertEquals(List.of("event cm:other (string) is written but not declared",
            "event cm:sequence is declared int but written int|string",
            "event cm:version (int) is declared but never written"),
        drift(Map.of("event cm:sequence", "int", "event cm:version", "int"), used));
  }
}
