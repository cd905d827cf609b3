package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quarry.model.Passage;

/**
 * The module's surface is closed: it exports {@code api} and {@code model} only, and nothing public
 * in them names a type of an internal package (javac's {@code -Xlint:exports} warns of the same,
 * but a warning does not fail the build).
 */
class ClosedApiTest {
  private static final Set<String> OPEN = Set.of("org.quarry.api", "org.quarry.model");

  @Test
  void theModuleExportsTheApiAndTheModelOnly() throws Exception {
    // the tests run on the class path, so the compiled descriptor is read rather than asked for
    Path classes =
        Path.of(Quarry.class.getResource("Quarry.class").toURI())
            .getParent()
            .getParent()
            .getParent()
            .getParent();
    ModuleDescriptor descriptor;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      descriptor = ModuleDescriptor.read(in);
    }
    Set<String> exported = new TreeSet<>();
    descriptor.exports().forEach(e -> exported.add(e.source()));
    assertEquals(new TreeSet<>(OPEN), exported);
  }

  @Test
  void noPublicSignatureOfTheApiOrTheModelNamesAnInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : publicClasses(Quarry.class, Passage.class)) {
      check(c.getGenericSuperclass(), c.getName() + " extends", leaks);
      for (Type t : c.getGenericInterfaces()) {
        check(t, c.getName() + " implements", leaks);
      }
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers())) {
          check(f.getGenericType(), c.getName() + "." + f.getName(), leaks);
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic()) {
          check(m.getGenericReturnType(), c.getName() + "." + m.getName() + " returns", leaks);
          parameters(m, c.getName() + "." + m.getName(), leaks);
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (visible(k.getModifiers()) && !k.isSynthetic()) {
          parameters(k, c.getName() + ".<init>", leaks);
        }
      }
      if (c.isRecord()) {
        for (RecordComponent r : c.getRecordComponents()) {
          check(r.getGenericType(), c.getName() + "." + r.getName(), leaks);
        }
      }
    }
    assertTrue(leaks.isEmpty(), "internal types on the public surface: " + leaks);
  }

  private static void parameters(Executable e, String where, List<String> leaks) {
    for (Type t : e.getGenericParameterTypes()) {
      check(t, where + " takes", leaks);
    }
    for (Type t : e.getGenericExceptionTypes()) {
      check(t, where + " throws", leaks);
    }
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(Type t, String where, List<String> leaks) {
    switch (t) {
      case null -> {}
      case Class<?> c when c.isArray() -> check(c.getComponentType(), where, leaks);
      case Class<?> c -> {
        String pkg = c.getPackageName();
        if (pkg.startsWith("org.quarry") && !OPEN.contains(pkg)) {
          leaks.add(where + " " + c.getName());
        } else if (!pkg.startsWith("org.quarry") && !pkg.startsWith("java.") && !c.isPrimitive()) {
          leaks.add(where + " " + c.getName() + " (a library's type)");
        }
      }
      case ParameterizedType p -> {
        check(p.getRawType(), where, leaks);
        for (Type a : p.getActualTypeArguments()) {
          check(a, where, leaks);
        }
      }
      case GenericArrayType g -> check(g.getGenericComponentType(), where, leaks);
      case WildcardType w -> {
        Stream.of(w.getUpperBounds()).forEach(b -> check(b, where, leaks));
        Stream.of(w.getLowerBounds()).forEach(b -> check(b, where, leaks));
      }
      case TypeVariable<?> v -> Stream.of(v.getBounds()).forEach(b -> check(b, where, leaks));
      default -> {}
    }
  }

  // the public classes (nested ones included) of the packages these classes are in
  private static List<Class<?>> publicClasses(Class<?>... inPackages)
      throws IOException, URISyntaxException, ClassNotFoundException {
    List<Class<?>> found = new ArrayList<>();
    for (Class<?> anchor : inPackages) {
      Path dir = Path.of(anchor.getResource(anchor.getSimpleName() + ".class").toURI()).getParent();
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(f -> f.toString().endsWith(".class")).sorted().toList();
      }
      for (Path f : files) {
        String name = f.getFileName().toString().replaceFirst("\\.class$", "");
        if (name.equals("package-info") || name.equals("module-info")) {
          continue;
        }
        Class<?> c =
            Class.forName(anchor.getPackageName() + "." + name, false, anchor.getClassLoader());
        if (Modifier.isPublic(c.getModifiers()) && outerChainPublic(c) && !c.isAnonymousClass()) {
          found.add(c);
        }
      }
    }
    return found;
  }

  private static boolean outerChainPublic(Class<?> c) {
    for (Class<?> o = c.getEnclosingClass(); o != null; o = o.getEnclosingClass()) {
      if (!Modifier.isPublic(o.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
