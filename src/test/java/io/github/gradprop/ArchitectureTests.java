package io.github.gradprop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.ThrowsDeclaration;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.github.gradprop.archfixture.LeakyApi;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/** Layering rules in the spirit of JUnit's own {@code ArchUnitTests}. */
class ArchitectureTests {

  static final String INTERNAL = "io.github.gradprop.internal..";

  static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.gradprop");

  static boolean isInternal(JavaClass c) {
    return c.getPackageName().startsWith("io.github.gradprop.internal");
  }

  /** Every raw type a method or constructor signature mentions, type arguments included. */
  static Set<JavaClass> signatureTypes(JavaCodeUnit unit) {
    Set<JavaClass> types = new LinkedHashSet<>(unit.getReturnType().getAllInvolvedRawTypes());
    for (JavaParameter p : unit.getParameters()) {
      types.addAll(p.getType().getAllInvolvedRawTypes());
    }
    for (ThrowsDeclaration<? extends JavaCodeUnit> t : unit.getThrowsClause()) {
      types.add(t.getRawType());
    }
    return types;
  }

  static final ArchCondition<JavaCodeUnit> NOT_MENTION_INTERNAL_TYPES =
      new ArchCondition<>("not mention internal types in their signatures") {
        @Override
        public void check(JavaCodeUnit unit, ConditionEvents events) {
          for (JavaClass type : signatureTypes(unit)) {
            if (isInternal(type)) {
              events.add(
                  SimpleConditionEvent.violated(
                      unit, unit.getFullName() + " mentions " + type.getName()));
            }
          }
        }
      };

  static final ArchRule API_SIGNATURES_ARE_FREE_OF_INTERNAL_TYPES =
      codeUnits()
          .that(
              DescribedPredicate.describe(
                  "are public or protected",
                  unit ->
                      unit.getModifiers().contains(JavaModifier.PUBLIC)
                          || unit.getModifiers().contains(JavaModifier.PROTECTED)))
          .and()
          .areDeclaredInClassesThat()
          .resideOutsideOfPackage(INTERNAL)
          .and()
          .areDeclaredInClassesThat()
          .arePublic()
          .should(NOT_MENTION_INTERNAL_TYPES);

  static final ArchRule API_FIELDS_ARE_FREE_OF_INTERNAL_TYPES =
      fields()
          .that()
          .areDeclaredInClassesThat()
          .resideOutsideOfPackage(INTERNAL)
          .and()
          .arePublic()
          .should(
              new ArchCondition<JavaField>("not have an internal type") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                  for (JavaClass type : field.getType().getAllInvolvedRawTypes()) {
                    if (isInternal(type)) {
                      events.add(SimpleConditionEvent.violated(field, field.getFullName()));
                    }
                  }
                }
              })
          .allowEmptyShould(true);

  @Test
  void publicApiMethodsAndConstructors_doNotMentionInternalTypes() {
    API_SIGNATURES_ARE_FREE_OF_INTERNAL_TYPES.check(PRODUCTION);
  }

  @Test
  void publicApiFields_doNotHaveInternalTypes() {
    API_FIELDS_ARE_FREE_OF_INTERNAL_TYPES.check(PRODUCTION);
  }

  @Test
  void publicApiTypes_doNotExtendOrImplementInternalTypes() {
    noClasses()
        .that()
        .resideOutsideOfPackage(INTERNAL)
        .and()
        .arePublic()
        .should()
        .beAssignableTo(JavaClass.Predicates.resideInAPackage(INTERNAL))
        .check(PRODUCTION);
  }

  @Test
  void internalPackages_areFreeOfCycles() {
    slices()
        .matching("io.github.gradprop.internal.(*)..")
        .should()
        .beFreeOfCycles()
        .check(PRODUCTION);
  }

  /** The one edge from the API into the engine that the cycle rule allows. */
  static final String FACADE = "io.github.gradprop.internal.engine.Engine";

  static final DescribedPredicate<JavaClass> IN_THE_API =
      DescribedPredicate.describe("in the API", c -> !isInternal(c));

  static final DescribedPredicate<JavaClass> THE_FACADE =
      DescribedPredicate.describe("the facade " + FACADE, c -> c.getName().equals(FACADE));

  /**
   * The two API packages (the root and {@code model}, which throws the root's exceptions) as one
   * slice, and each internal package as one slice each.
   */
  static final SliceAssignment TOP_LEVEL_SLICES =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String p = c.getPackageName();
          if (p.equals("io.github.gradprop")) {
            return SliceIdentifier.of("api");
          }
          if (p.startsWith("io.github.gradprop.model")) {
            return SliceIdentifier.of("api");
          }
          if (p.startsWith("io.github.gradprop.internal.")) {
            return SliceIdentifier.of(
                "internal." + p.substring("io.github.gradprop.internal.".length()).split("\\.")[0]);
          }
          return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "the API (root and model) and every internal package";
        }
      };

  static final ArchRule NO_CYCLES_BEYOND_THE_FACADE =
      slices()
          .assignedFrom(TOP_LEVEL_SLICES)
          .should()
          .beFreeOfCycles()
          .ignoreDependency(IN_THE_API, THE_FACADE);

  @Test
  void topLevelSlices_apiIncluded_areFreeOfCycles_apartFromTheOneFacadeEdge() {
    NO_CYCLES_BEYOND_THE_FACADE.check(PRODUCTION);
  }

  @Test
  void theApi_reachesIntoInternals_onlyThroughTheFacade() {
    noClasses()
        .that()
        .resideOutsideOfPackage(INTERNAL)
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are internal and not the facade",
                (JavaClass c) -> isInternal(c) && !c.getName().equals(FACADE)))
        .check(PRODUCTION);
  }

  @Test
  void theCycleRule_catchesACycle_whenTheFacadeEdgeIsNotTheOnlyOne() {
    // Twin: the cycle rule is not vacuous. Without the facade exemption, the API and the engine
    // form a cycle (Gradients -> Engine -> GradientChecker -> GradientCheckResult).
    EvaluationResult result =
        slices().assignedFrom(TOP_LEVEL_SLICES).should().beFreeOfCycles().evaluate(PRODUCTION);
    assertThat(result.hasViolation()).isTrue();
  }

  @Test
  void everyPublicTopLevelType_isAnnotatedWithApi() {
    classes()
        .that()
        .arePublic()
        .and()
        .areTopLevelClasses()
        .should()
        .beAnnotatedWith(API.class)
        .check(PRODUCTION);
  }

  @Test
  void publicInternalTypes_areMarkedInternal_andApiTypesAreNot() {
    classes()
        .that()
        .arePublic()
        .and()
        .areTopLevelClasses()
        .and()
        .resideInAPackage(INTERNAL)
        .should(apiStatus(API.Status.INTERNAL, true))
        .check(PRODUCTION);
    classes()
        .that()
        .arePublic()
        .and()
        .areTopLevelClasses()
        .and()
        .resideOutsideOfPackage(INTERNAL)
        .should(apiStatus(API.Status.INTERNAL, false))
        .check(PRODUCTION);
  }

  @Test
  void theApiAnnotationRule_catchesAnUnannotatedPublicType() {
    // Twin: the @API rule is not vacuous.
    EvaluationResult result =
        classes()
            .that()
            .arePublic()
            .should()
            .beAnnotatedWith(API.class)
            .evaluate(new ClassFileImporter().importClasses(LeakyApi.class));
    assertThat(result.hasViolation()).isTrue();
  }

  static ArchCondition<JavaClass> apiStatus(API.Status status, boolean wanted) {
    return new ArchCondition<>((wanted ? "have" : "not have") + " @API(status = " + status + ")") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        boolean has =
            c.isAnnotatedWith(API.class) && c.getAnnotationOfType(API.class).status() == status;
        if (has != wanted) {
          events.add(SimpleConditionEvent.violated(c, c.getName() + " " + getDescription()));
        }
      }
    };
  }

  @Test
  void theModelPackage_doesNotDependOnInternals() {
    noClasses()
        .that()
        .resideInAPackage("io.github.gradprop.model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(INTERNAL)
        .check(PRODUCTION);
  }

  @Test
  void theSignatureRule_catchesALeak_throughAReturnTypeOrATypeArgument() {
    // Twin of the signature test: the rule is not vacuous.
    EvaluationResult result =
        API_SIGNATURES_ARE_FREE_OF_INTERNAL_TYPES.evaluate(
            new ClassFileImporter().importClasses(LeakyApi.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .hasSize(2)
        .anySatisfy(d -> assertThat(d).contains("leakViaGeneric").contains("Objective"))
        .anySatisfy(d -> assertThat(d).contains("leakViaReturn").contains("EntryComparison"));
  }

  @Test
  void theProductionImport_seesTheApiAndTheInternals() {
    assertThat(PRODUCTION.contain(Gradients.class)).isTrue();
    assertThat(PRODUCTION.contain(io.github.gradprop.internal.check.GradientChecker.class))
        .isTrue();
    assertThat(PRODUCTION.contain(LeakyApi.class)).isFalse();
  }
}
