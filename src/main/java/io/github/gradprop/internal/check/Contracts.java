package io.github.gradprop.internal.check;

import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.internal.report.ContractMessages;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import java.util.Arrays;
import java.util.List;

/** Checks of the model contract: no mutation of arguments, deterministic gradients. */
final class Contracts {

  private Contracts() {}

  /**
   * Why a model is nondeterministic, most often, and what to do under JUnit parallel execution;
   * ends every "not deterministic" message.
   */
  static void checkUnchanged(String model, String call, Case work, Case snapshot) {
    List<Tensor> now = work.tensors();
    List<Tensor> before = snapshot.tensors();
    for (int k = 0; k < now.size(); k++) {
      Tensor t = now.get(k);
      Tensor b = before.get(k);
      // Arrays.mismatch compares like Double.compare: bit patterns, every NaN alike
      int i = Arrays.mismatch(t.toArray(), b.toArray());
      if (i >= 0) {
        throw new ModelConfigurationException(
            ContractMessages.modifiedArgument(
                model, call, t.name() + t.indexText(i), t.get(i), b.get(i)));
      }
    }
  }

  static void checkSameGradient(String model, Parameters first, Parameters second) {
    for (int k = 0; k < first.tensors().size(); k++) {
      Tensor a = first.tensors().get(k);
      Tensor b = second.tensors().get(k);
      int i = Arrays.mismatch(a.toArray(), b.toArray());
      if (i >= 0) {
        throw new ModelConfigurationException(
            ContractMessages.gradientNotDeterministic(
                model, a.name() + a.indexText(i), a.get(i), b.get(i)));
      }
    }
  }
}
