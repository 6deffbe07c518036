package org.casemgmt.export;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vavr.collection.List;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

/**
 * The logs {@link XesWriter} writes validate against the IEEE 1849-2016 XSD as the standard publishes it — the
 * 2016 original and its April 2020 revision (src/test/resources/xes/, see the README there) — with the JDK's
 * own validator: for real histories and for simulated ones.
 */
class XesSchemaTest {

  static Schema schema(String file) throws SAXException {
    URL xsd = XesSchemaTest.class.getClassLoader().getResource("xes/" + file);
    assertNotNull(xsd, file + " is missing from the test resources");
    return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
  }

  static void validate(String file, String xml) throws Exception {
    schema(file).newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"xes-ieee-1849-2016.xsd", "xes-ieee-1849-2016-April-15-2020.xsd"})
  void a_log_of_real_histories_validates(String file) throws Exception {
    StringWriter out = new StringWriter();
    XesWriter.write(out, List.of(ExportHistories.closedEarly("CASE-1"), ExportHistories.completed("CASE-2"),
        ExportHistories.referralCompleted("CASE-3")));
    validate(file, out.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"xes-ieee-1849-2016.xsd", "xes-ieee-1849-2016-April-15-2020.xsd"})
  void a_simulated_log_validates(String file) throws Exception {
    StringWriter out = new StringWriter();
    Scenario scenario = Scenario.reference(7).toBuilder().horizonDays(120).build();
    Simulation.run(scenario, SimulationListener.xesEventLog(out));
    validate(file, out.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"xes-ieee-1849-2016.xsd", "xes-ieee-1849-2016-April-15-2020.xsd"})
  void the_validator_is_not_lenient_it_refuses_what_the_writer_used_to_write(String file) throws Exception {
    String old = """
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">
          <classifier name="Activity" keys="concept:name"/>
        </log>
        """;
    assertThrows(SAXException.class, () -> validate(file, old));
  }
}
