package io.github.gradprop.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.internal.numerics.Stencil;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The staged classification (first look, then agreement or resume) gives what {@link
 * EntryClassifier#classify} gives, and one classifier gives the same results on many threads in any
 * order as on one.
 */
class EntryClassifierStagesTests {

  private final EntryClassifier classifier = new EntryClassifier(CheckOptions.defaults());

  /** f(t) = t^2 / 2 + |t - 1|: smooth agreement, mismatch, kink at 1, NaN analytic. */
  private static final DoubleUnaryOperator F = t -> 0.5 * t * t + Math.abs(t - 1);

  private static double derivative(double t) {
    return t + Math.signum(t - 1);
  }

  private Classification staged(double theta, double a) {
    Stencil s = new Stencil();
    double f0 = F.applyAsDouble(theta);
    double scale = Math.max(1, Math.abs(theta));
    if (classifier.firstLook(s, F::applyAsDouble, f0, theta, scale, a)) {
      Classification c = classifier.agreement(s, f0, a);
      assertThat(c.numeric()).isEqualTo(s.estimate);
      assertThat(c.rounding()).isEqualTo(classifier.rounding(s, f0));
      return c;
    }
    return classifier.resume(s, F::applyAsDouble, f0, theta, scale, a);
  }

  private Classification direct(Stencil s, double theta, double a) {
    return classifier.classify(
        s, F::applyAsDouble, F.applyAsDouble(theta), theta, Math.max(1, Math.abs(theta)), a);
  }

  @Test
  void theStages_giveTheSameClassificationAsClassify() {
    double[][] cases = {
      {0.3, derivative(0.3)}, {0.3, 2.0}, {1.0, 0.0}, {1.0, 5.0}, {2.0, Double.NaN}
    };
    for (double[] c : cases) {
      assertThat(staged(c[0], c[1]))
          .as("theta %s, analytic %s", c[0], c[1])
          .isEqualTo(direct(new Stencil(), c[0], c[1]));
    }
    assertThat(staged(0.3, derivative(0.3)).smoothAgreement()).isTrue();
    assertThat(staged(0.3, 2.0).smoothMismatch()).isTrue();
    assertThat(staged(1.0, 0.0).kind()).isEqualTo(Classification.Kind.KINK);
    assertThat(staged(2.0, Double.NaN).kind()).isEqualTo(Classification.Kind.NON_FINITE);
  }

  @Test
  void oneClassifier_onManyThreadsInAnyOrder_givesTheSequentialResults() {
    double[] thetas = IntStream.range(0, 400).mapToDouble(i -> -2 + i * 0.01).toArray();
    Stencil one = new Stencil();
    List<Classification> sequential =
        IntStream.range(0, thetas.length)
            .mapToObj(i -> direct(one, thetas[i], derivative(thetas[i]) * (i % 7 == 0 ? 1.1 : 1)))
            .collect(Collectors.toList());
    ThreadLocal<Stencil> perThread = ThreadLocal.withInitial(Stencil::new);
    List<Classification> parallel =
        IntStream.range(0, thetas.length)
            .parallel()
            .mapToObj(
                i ->
                    direct(
                        perThread.get(),
                        thetas[thetas.length - 1 - i],
                        derivative(thetas[thetas.length - 1 - i])
                            * ((thetas.length - 1 - i) % 7 == 0 ? 1.1 : 1)))
            .collect(Collectors.toList());
    for (int i = 0; i < thetas.length; i++) {
      assertThat(parallel.get(thetas.length - 1 - i)).isEqualTo(sequential.get(i));
    }
    assertThat(sequential).anyMatch(Classification::smoothMismatch);
    assertThat(sequential).anyMatch(Classification::smoothAgreement);
  }
}
