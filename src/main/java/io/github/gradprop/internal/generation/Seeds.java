package io.github.gradprop.internal.generation;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The seed sequence of a property: try 0 uses the property's seed itself, each later try the next
 * SplitMix64 value. So the seed printed for a failing try reproduces it as try 0 of a new run.
 */
@API(status = INTERNAL, since = "0.1")
public final class Seeds {

  private Seeds() {}

  public static long next(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    z &= Long.MAX_VALUE; // positive, so printed seeds read well
    return z == 0 ? 1 : z;
  }

  /** A fresh, positive seed for a run that was given none. */
  public static long fresh() {
    return Math.abs(next(System.nanoTime() ^ Thread.currentThread().getId()) % 1_000_000_000L) + 1;
  }
}
