package org.casemgmt;

import io.vavr.collection.List;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The public classes of the packages the module exports, found on disk, for the tests that sweep them all. */
public final class ExportedApi {

  /** The packages module-info exports (NoRawExceptionSweepTest checks the list against the module). */
  public static final List<String> PACKAGES = List.of("org.casemgmt", "org.casemgmt.casefile",
      "org.casemgmt.export", "org.casemgmt.fhir", "org.casemgmt.i18n", "org.casemgmt.need", "org.casemgmt.party",
      "org.casemgmt.plan", "org.casemgmt.resource", "org.casemgmt.service", "org.casemgmt.simulation",
      "org.casemgmt.testkit");

  private ExportedApi() {}

  /**
   * Every class of the exported packages reachable by name from outside, read from the compiled classes.
   *
   * @return the classes, in no particular order
   * @throws IOException if the compiled classes cannot be listed
   */
  public static List<Class<?>> publicClasses() throws IOException {
    Path root = Path.of("target", "classes");
    java.util.List<Class<?>> found = new java.util.ArrayList<>();
    for (String pkg : PACKAGES) {
      try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
        for (Path file : (Iterable<Path>) files::iterator) {
          String name = file.getFileName().toString();
          if (name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class")) {
            try {
              Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - 6));
              if (isPublicApi(type)) {
                found.add(type);
              }
            } catch (ClassNotFoundException e) {
              throw new AssertionError(e);
            }
          }
        }
      }
    }
    return List.ofAll(found);
  }

  /** Public, and reachable by name from outside: a nested class counts only if every enclosing class is public. */
  public static boolean isPublicApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
        return false;
      }
    }
    return !type.isAnnotation();
  }
}
