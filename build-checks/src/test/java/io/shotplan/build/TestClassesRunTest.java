package io.shotplan.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class with tests in this module runs under Surefire. Surefire picks test classes by name (its default
 * includes, which this build keeps: {@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}) and skips the
 * rest silently, so a property class called {@code ...Properties} compiled and never ran. This check fails the
 * build instead. The parent pom adds this one source to every module's tests (build-helper), so each module checks
 * its own test classes.
 */
class TestClassesRunTest {

    /** Surefire's default {@code <includes>}, as class names. */
    static final Pattern SUREFIRE_INCLUDES = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");

    /** JUnit Jupiter's and jqwik's test-method annotations, by simple name so a module need not have jqwik. */
    static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory",
            "TestTemplate", "Property", "Example");

    @Test
    void everyClassWithTestsMatchesSurefiresIncludes() throws IOException, URISyntaxException {
        Path testClasses = Path.of(TestClassesRunTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> skipped;
        try (Stream<Path> files = Files.walk(testClasses)) {
            skipped = files.map(f -> testClasses.relativize(f).toString())
                    .filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .filter(TestClassesRunTest::hasTests)
                    .map(TestClassesRunTest::topLevel)
                    .distinct()
                    .filter(name -> !SUREFIRE_INCLUDES.matcher(name.substring(name.lastIndexOf('.') + 1)).matches())
                    .sorted()
                    .toList();
        }
        assertThat(skipped)
                .as("classes with tests that Surefire never runs; name them ...Test (or ...Tests)")
                .isEmpty();
    }

    /** A concrete class that declares or inherits a test method (nested classes run with their top-level class). */
    static boolean hasTests(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, TestClassesRunTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled test class " + className + " cannot be loaded", e);
        }
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            return false; // its tests run in the classes that extend it, which are checked themselves
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                for (Annotation annotation : method.getDeclaredAnnotations()) {
                    if (TEST_ANNOTATIONS.contains(annotation.annotationType().getSimpleName())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static String topLevel(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }
}
