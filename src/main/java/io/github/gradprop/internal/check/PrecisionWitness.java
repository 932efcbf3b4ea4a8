package io.github.gradprop.internal.check;

/**
 * Watches the loss values a check sees for the mark of a loss computed in {@code float}: every
 * value that carries more than a few significant bits is exactly a {@code float}. A loss computed
 * in double almost never is (about one value in 2^29), so a handful of such values is a reliable
 * witness; short dyadic values such as 0.5 or 3.0 prove nothing and are not counted.
 */
final class PrecisionWitness {

  /** Values with at most this many significant bits are too simple to tell. */
  private static final int SIMPLE_BITS = 12;

  /** This many float-exact, non-simple values and none that is not float-exact: a float loss. */
  private static final int ENOUGH = 4;

  private int floatExact;
  private int notFloat;

  void observe(double v) {
    if (!Double.isFinite(v) || v == 0 || significantBits(v) <= SIMPLE_BITS) {
      return;
    }
    if ((double) (float) v == v) {
      floatExact++;
    } else {
      notFloat++;
    }
  }

  /** Adds what {@code other} (a worker thread's witness) has seen. */
  void absorb(PrecisionWitness other) {
    floatExact += other.floatExact;
    notFloat += other.notFloat;
  }

  boolean looksFloat() {
    return floatExact >= ENOUGH && notFloat == 0;
  }

  private static int significantBits(double v) {
    long mantissa = Double.doubleToRawLongBits(v) & 0x000FFFFFFFFFFFFFL;
    if (mantissa == 0) {
      return 1;
    }
    return 53 - Long.numberOfTrailingZeros(mantissa);
  }
}
