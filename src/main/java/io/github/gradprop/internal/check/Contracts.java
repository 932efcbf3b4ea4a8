package io.github.gradprop.internal.check;

import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import java.util.List;

/** Checks of the model contract: no mutation of arguments, deterministic gradients. */
final class Contracts {

  private Contracts() {}

  /**
   * Why a model is nondeterministic, most often, and what to do under JUnit parallel execution;
   * ends every "not deterministic" message.
   */
  static final String NONDETERMINISM_HINT =
      "State shared between calls or threads is the common cause: a static or instance field, a"
          + " cache, a gradient buffer added to and never cleared, a shared Random. Under JUnit"
          + " parallel execution, run the property single-threaded to tell: annotate the class"
          + " with @Execution(ExecutionMode.SAME_THREAD), or set"
          + " junit.jupiter.execution.parallel.enabled=false.";

  static void checkUnchanged(String model, String call, Case work, Case snapshot) {
    List<Tensor> now = work.tensors();
    List<Tensor> before = snapshot.tensors();
    for (int k = 0; k < now.size(); k++) {
      Tensor t = now.get(k);
      Tensor b = before.get(k);
      for (int i = 0; i < t.size(); i++) {
        if (Double.compare(t.get(i), b.get(i)) != 0) {
          throw new ModelConfigurationException(
              String.format(
                  "Model `%s` modified its arguments: after %s, %s%s was %s instead of %s.%n"
                      + "The loss and gradient must treat parameters and batch as read-only;"
                      + " copy what you need to change.",
                  model, call, t.name(), t.indexText(i), t.get(i), b.get(i)));
        }
      }
    }
  }

  static void checkSameGradient(String model, Parameters first, Parameters second) {
    for (int k = 0; k < first.tensors().size(); k++) {
      Tensor a = first.tensors().get(k);
      Tensor b = second.tensors().get(k);
      for (int i = 0; i < a.size(); i++) {
        if (Double.compare(a.get(i), b.get(i)) != 0) {
          throw new ModelConfigurationException(
              String.format(
                  "Model `%s` is not deterministic: two calls of gradient(...) on the same case"
                      + " gave %s%s = %s and then %s.%n%s",
                  model, a.name(), a.indexText(i), a.get(i), b.get(i), NONDETERMINISM_HINT));
        }
      }
    }
  }
}
