package io.github.gradprop.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Nothing mutable is shared between entries: every instance field of every class in {@code
 * internal.verdict} and {@code internal.numerics} is final and of an immutable type (a primitive,
 * String, an enum, or a record of such), except the two scratch classes named here, which are owned
 * by one caller (the stencil, passed in by whoever classifies) or live for one call.
 */
class NoSharedStateTests {

  /** Mutable by design and never held by the shared classes (which the rule checks). */
  private static final Set<String> SCRATCH =
      Set.of(
          "io.github.gradprop.internal.numerics.Stencil",
          "io.github.gradprop.internal.verdict.EntryClassifier$Walk");

  @Test
  void everyInstanceFieldOutsideTheScratchClasses_isFinalAndImmutable() {
    List<String> offending = new ArrayList<>();
    int checked = 0;
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(
                "io.github.gradprop.internal.verdict", "io.github.gradprop.internal.numerics")) {
      if (SCRATCH.contains(c.getName())) {
        continue;
      }
      checked++;
      for (Field f : c.reflect().getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
          continue;
        }
        if (!Modifier.isFinal(f.getModifiers()) || !immutable(f.getType())) {
          offending.add(c.getName() + "." + f.getName() + " : " + f.getType().getName());
        }
      }
    }
    assertThat(checked).as("classes checked").isGreaterThanOrEqualTo(6);
    assertThat(offending).isEmpty();
  }

  @Test
  void theRule_catchesAMutableField_andAnArrayHeldByARecord() {
    assertThat(immutable(Stencil.class)).isFalse();
    assertThat(immutable(Holder.class)).isFalse();
    assertThat(immutable(Classification.class)).isTrue();
  }

  private record Holder(double[] values) {}

  private static final class Stencil {
    @SuppressWarnings("unused")
    double h;
  }

  static boolean immutable(Class<?> type) {
    if (type.isPrimitive() || type == String.class || type.isEnum()) {
      return true;
    }
    if (type.isRecord()) {
      for (RecordComponent rc : type.getRecordComponents()) {
        if (rc.getType() != type && !immutable(rc.getType())) {
          return false;
        }
      }
      return true;
    }
    if (SCRATCH.contains(type.getName()) || type.isArray()) {
      return false;
    }
    // a final class whose instance fields are all final and immutable
    if (!Modifier.isFinal(type.getModifiers()) || type.isInterface()) {
      return false;
    }
    for (Field f : type.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      if (!Modifier.isFinal(f.getModifiers()) || f.getType() == type || !immutable(f.getType())) {
        return false;
      }
    }
    return true;
  }
}
