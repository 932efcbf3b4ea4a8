package io.github.gradprop.archfixture;

import io.github.gradprop.internal.numerics.Objective;
import io.github.gradprop.internal.verdict.EntryComparison;
import java.util.List;

/** A public type that leaks internal types, so the architecture rules are seen to fail. */
public final class LeakyApi {

  /** Leaks through a parameter's type argument. */
  public static void leakViaGeneric(List<Objective> objectives) {}

  /** Leaks through the return type. */
  public static EntryComparison leakViaReturn() {
    return null;
  }

  /** Does not leak: internal types only inside the body. */
  public static double fine(double x) {
    Objective f = v -> v;
    return f.at(x);
  }

  private static Objective privateIsFine() {
    return v -> v;
  }
}
