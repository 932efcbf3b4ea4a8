package io.github.gradprop.internal.engine;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.PropertyConfigurationException;

/**
 * Watches a property's passing tries for one entry that a zero gradient would have failed: a
 * numeric derivative {@code n} with {@code |n| > atol + rtol * |n|}. A property with none over all
 * its tries checked nothing (a gradient of all zeros would have passed every try), which is a
 * configuration error, not a pass. The rounding allowance is left out of the bound on purpose: it
 * varies by entry, and leaving it out can only make a property pass this watch, never fail it
 * wrongly.
 */
final class VacuityWatch {

  private final CheckOptions options;
  private boolean discriminating;
  private double largest;
  private String largestAt = "";

  VacuityWatch(CheckOptions options) {
    this.options = options;
  }

  /** Records the entries of a passing try. */
  void observe(GradientCheckResult r, int tryNumber) {
    if (discriminating) {
      return;
    }
    for (String tensor : r.tensors()) {
      double[] numeric = r.numeric(tensor);
      for (int i = 0; i < numeric.length; i++) {
        double n = Math.abs(numeric[i]);
        if (!Double.isFinite(n)) {
          continue;
        }
        if (n > options.atol() + options.rtol() * n) {
          discriminating = true;
          return;
        }
        if (n > largest || largestAt.isEmpty()) {
          largest = n;
          largestAt = String.format("%s, entry %d, try %d", tensor, i, tryNumber);
        }
      }
    }
  }

  /** Throws when no observed entry could have told a wrong (zero) gradient from the right one. */
  void requireDiscriminating(String model, int tries) {
    if (discriminating || largestAt.isEmpty()) {
      return;
    }
    throw new PropertyConfigurationException(
        String.format(
            "@GradientProperty check of model `%s` was vacuous: over %d tries, no checked entry had"
                + " a numeric derivative larger than its tolerance, so a gradient of all zeros"
                + " would have passed every try.%n"
                + "tolerance : |analytic - numeric| <= atol + rtol * |numeric|, atol = %s, rtol ="
                + " %s%n"
                + "largest   : |numeric| = %s (%s), tolerance there %s%n"
                + "Lower `atol` / `rtol` (defaults %s and %s), or change `scale`, `values` or"
                + " `dims` so that the loss depends on the weights.",
            model,
            tries,
            options.atol(),
            options.rtol(),
            largest,
            largestAt,
            options.atol() + options.rtol() * largest,
            CheckOptions.DEFAULT_ATOL,
            CheckOptions.DEFAULT_RTOL));
  }
}
