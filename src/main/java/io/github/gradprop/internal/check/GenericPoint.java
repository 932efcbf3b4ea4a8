package io.github.gradprop.internal.check;

import io.github.gradprop.model.Case;
import io.github.gradprop.model.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A nearby generic point: every weight and input moved by a small pseudo-random amount, so that
 * exact zeros and ties in the case break. The amount is {@value #SCALE} times {@code max(1, |v|)}
 * times a factor in [0.5, 1] with a random sign: far above the finite-difference step (about {@code
 * 6e-6}), so a kink that sat at the point is now many steps away, and small enough that a gradient
 * bug living on an open set around the point is still there. The stream is seeded from the case's
 * contents, so the same case always moves the same way. Targets stay as they are; so do the inputs
 * of a model whose loss rejects moved inputs (inputs used as indices, say).
 */
final class GenericPoint {

  /** The relative size of the move. */
  static final double SCALE = 1e-3;

  private GenericPoint() {}

  /** A seed that depends on every value (bit pattern) and the shape of {@code c}. */
  static long seed(Case c) {
    long h = 0x6A09E667F3BCC909L;
    for (Tensor t : c.tensors()) {
      h = mix(h ^ t.name().hashCode());
      h = mix(h ^ t.size());
      for (int i = 0; i < t.size(); i++) {
        h = mix(h + Double.doubleToLongBits(t.get(i)));
      }
    }
    return h;
  }

  /**
   * A copy of {@code c} with weights and inputs moved by {@code sign} times the move drawn from
   * {@code seed}; {@code sign = -1} gives the mirror point, on the other side of each kink that the
   * move crosses.
   */
  static Case moved(Case c, long seed, double sign) {
    return moved(c, seed, sign, true);
  }

  /** Like {@link #moved(Case, long, double)}, leaving the inputs alone unless {@code inputs}. */
  static Case moved(Case c, long seed, double sign, boolean inputs) {
    Case m = c.copy();
    SplittableRandom random = new SplittableRandom(seed);
    if (inputs) {
      move(m.batch().inputTensor(), random, sign);
    }
    List<Tensor> params = m.parameters().tensors();
    for (Tensor t : params) {
      move(t, random, sign);
    }
    return m;
  }

  private static void move(Tensor t, SplittableRandom random, double sign) {
    for (int i = 0; i < t.size(); i++) {
      double v = t.get(i);
      double size = SCALE * Math.max(1, Math.abs(v)) * (0.5 + 0.5 * random.nextDouble());
      double direction = random.nextBoolean() ? 1 : -1;
      t.set(i, v + sign * direction * size);
    }
  }

  /** The finaliser of MurmurHash3 (fmix64). */
  static long mix(long z) {
    z ^= z >>> 33;
    z *= 0xff51afd7ed558ccdL;
    z ^= z >>> 33;
    z *= 0xc4ceb93fe53b5a63L;
    z ^= z >>> 33;
    return z;
  }
}
