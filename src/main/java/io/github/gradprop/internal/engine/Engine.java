package io.github.gradprop.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.GradientCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.GradientProperty;
import io.github.gradprop.PropertyConfigurationException;
import io.github.gradprop.internal.check.GradientChecker;
import io.github.gradprop.internal.generation.Seeds;
import io.github.gradprop.internal.html.HtmlReports;
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
    if (Watch.isWatched()) {
      return GradientChecker.check(model, aCase, options); // inside a watched property or check
    }
    Watch watch =
        new Watch(options.callMillis(), Long.MAX_VALUE, checkProgressMillis(), System.err::println);
    return watch.run(
        "gradprop check",
        () -> GradientChecker.check(model, aCase, options),
        new CheckSubject(model));
  }

  /**
   * Progress lines of a plain check: every 5 s, or none under {@code -Dgradprop.progress=false}.
   */
  private static long checkProgressMillis() {
    return "false".equalsIgnoreCase(System.getProperty("gradprop.progress", "").trim())
        ? 0
        : PropertySettings.DEFAULT_PROGRESS_MILLIS;
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
    HtmlReports reports =
        HtmlReports.of(settings.reports, settings.reportsDir, context::publishReportEntry);
    indexAtTheEnd(context, reports);
    PropertyRunner runner =
        new PropertyRunner(
            model,
            settings,
            ReplayStore.forBuildDirectory(),
            propertyId,
            System::currentTimeMillis,
            reports);
    Watch watch =
        new Watch(
            settings.get(PropertySettings.CALL_MILLIS),
            settings.get(PropertySettings.PROPERTY_MILLIS),
            settings.progress ? settings.get(PropertySettings.PROGRESS_MILLIS) : 0,
            line -> {
              System.err.println(line);
              context.publishReportEntry("gradprop.progress", line);
            });
    PropertyRunner.Statistics statistics =
        watch.run("gradprop " + propertyId, runner::run, new PropertySubject(runner));
    context.publishReportEntry(statistics.asReportEntries());
    if (runner.printsStatistics()) {
      // standard output, where Surefire keeps it per test case (report entries it does not show)
      System.out.println(statistics.line(method.getName()));
    }
  }

  /**
   * Rebuilds the report directory's index once, when the test run ends (the root context's store
   * closes its values then): one rebuild per run and fork instead of one per property.
   */
  private static void indexAtTheEnd(ExtensionContext context, HtmlReports reports) {
    String key = reports.key();
    if (key == null) {
      return;
    }
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(key, k -> new IndexAtTheEnd(reports), IndexAtTheEnd.class);
  }

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(Engine.class, "html-index");

  /** Closed by JUnit when the run ends. */
  private record IndexAtTheEnd(HtmlReports reports) implements AutoCloseable {
    @Override
    public void close() {
      reports.rebuildIndex();
    }
  }
}
