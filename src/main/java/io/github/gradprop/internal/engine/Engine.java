package io.github.gradprop.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.PropertyConfigurationException;
import io.github.gradprop.internal.check.GradientChecker;
import io.github.gradprop.internal.generation.Seeds;
import io.github.gradprop.internal.report.PropertyMessages;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import java.lang.reflect.Method;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The one door from the public API into the engine (an ArchUnit rule allows no other edge): the
 * JUnit Jupiter extension behind {@link GradientProperty}, and {@link #check} behind {@code
 * Gradients}.
 *
 * <p>As an extension it supplies the {@link GradientCheck} parameter, lets the method body run once
 * to name the model, then runs the property. It holds no state between test methods, so it is safe
 * under parallel execution.
 */
@API(status = INTERNAL, since = "0.1")
public final class Engine implements ParameterResolver, InvocationInterceptor {

  /** Checks every gradient entry of {@code model} on {@code aCase}: {@code Gradients.check}. */
  public static GradientCheckResult check(GradientModel model, Case aCase, CheckOptions options) {
    return GradientChecker.check(model, aCase, options);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext context) {
    return parameterContext.getParameter().getType() == GradientCheck.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    return new NamedModel();
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    Method method = invocationContext.getExecutable();
    Optional<GradientProperty> annotation =
        AnnotationSupport.findAnnotation(method, GradientProperty.class);
    if (annotation.isEmpty()) {
      invocation.proceed();
      return;
    }
    NamedModel check = null;
    for (Object argument : invocationContext.getArguments()) {
      if (argument instanceof NamedModel) {
        check = (NamedModel) argument;
      }
    }
    if (check == null) {
      invocation.skip();
      throw new PropertyConfigurationException(
          PropertyMessages.missingCheckParameter(method.getName()));
    }
    invocation.proceed();
    GradientModel model = check.model();
    if (model == null) {
      throw new PropertyConfigurationException(PropertyMessages.noModelNamed(method.getName()));
    }
    if (model.spec() == null) {
      throw new PropertyConfigurationException(PropertyMessages.modelWithoutSpec(method.getName()));
    }
    PropertySettings settings =
        PropertySettings.resolve(
            annotation.get(), context::getConfigurationParameter, model.spec(), Seeds.fresh());
    // the test class, not the declaring one: an inherited property has one store file per subclass
    String propertyId = context.getRequiredTestClass().getName() + "#" + method.getName();
    PropertyRunner runner =
        new PropertyRunner(
            model,
            settings,
            ReplayStore.forBuildDirectory(),
            propertyId,
            System::currentTimeMillis);
    PropertyRunner.Statistics statistics = runner.run();
    context.publishReportEntry(statistics.asReportEntries());
    if (runner.printsStatistics()) {
      // standard output, where Surefire keeps it per test case (report entries it does not show)
      System.out.println(statistics.line(method.getName()));
    }
  }
}
