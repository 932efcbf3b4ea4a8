package io.github.gradprop.internal.check;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.KinkPolicy;
import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.Verdict;
import io.github.gradprop.internal.report.CaseText;
import io.github.gradprop.internal.report.ContractMessages;
import io.github.gradprop.internal.report.NoteFacts;
import io.github.gradprop.internal.report.PropertyReport;
import io.github.gradprop.internal.verdict.DirectionRule;
import io.github.gradprop.internal.verdict.EntryComparison;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ModelSpec;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * The directional check: instead of every entry, the derivative along a few random directions of
 * signs ({@code +-1} on every entry, drawn from the seed, so a failure replays), each compared with
 * the analytic gradient's projection by {@link DirectionRule}. A direction costs six loss calls
 * whatever the number of entries ({@link #POINTS}). Every entry of a direction of signs weighs the
 * same, {@code 1 / sqrt(P)} of the unit direction, so one wrong entry shows in every direction,
 * diluted by exactly {@code sqrt(P)}: the rule's tolerance is the estimate's own error, not a share
 * of it.
 *
 * <p>A direction with a kink inside its stencil is not compared; another is drawn, up to {@link
 * #MAX_DRAWS}. When a direction disagrees, the same direction restricted to each tensor tells which
 * tensors disagree, so that shrinking keeps the failure "the same". When every direction drawn has
 * a kink (a case on exact zeros or ties), the directions are checked again at a nearby generic
 * point under {@link KinkPolicy#CONFIRM}, as the full check confirms its suspects there.
 */
@API(status = INTERNAL, since = "0.1")
public final class DirectionalChecker {

  /** The number of directions compared, when no kink gets in the way. */
  public static final int DIRECTIONS = 2;

  /**
   * When this many directions in a row meet a kink before any is compared, the case sits on kinks
   * (exact zeros or ties, as edge cases draw them): drawing more costs six calls each and rarely
   * helps, so the check moves on to the nearby generic point.
   */
  static final int ON_KINKS_AFTER = 3;

  /** The loss calls of one direction: its stencil's points. */
  static final int POINTS = 6;

  /** At most this many directions are drawn. */
  public static final int MAX_DRAWS = 8;

  /**
   * When every direction drawn met a kink at the case, this many tie-keeping directions are drawn
   * there (numbered after {@link #MAX_DRAWS}): equal values move together.
   */
  static final int TIE_DRAWS = 2;

  /** Whether direction number {@code d} is a tie-keeping one. */
  public static boolean keepsTies(int d) {
    return d > MAX_DRAWS;
  }

  /**
   * How reports name direction number {@code d}: {@code direction 2}, or {@code direction 9 (a
   * tie-keeping one: equal values moved together)}.
   */
  public static String label(int d) {
    return keepsTies(d)
        ? "direction " + d + " (a tie-keeping one: equal values moved together)"
        : "direction " + d;
  }

  /**
   * A disagreement is checked again at the step divided by this ({@link DirectionRule#confirm}).
   */
  static final double NARROWER = 4;

  /** The bits of {@code 1.0}; with the sign bit set, {@code -1.0}. */
  private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

  /** The step along a unit direction, relative to the parameters' scale: {@code 2^-10}. */
  static final double STEP = 0x1p-10;

  private DirectionalChecker() {}

  /** What the directions showed. */
  public enum Status {
    AGREES,
    DISAGREES,
    /** Every direction drawn had a kink inside its stencil (or a loss that was not finite). */
    UNDECIDED
  }

  /** One direction drawn: its number (from 1), the step and the verdict. */
  public record Direction(int number, double step, DirectionRule.Verdict verdict) {}

  /** One tensor's part of a disagreeing direction. */
  public record TensorFinding(String tensor, int entries, DirectionRule.Verdict verdict) {}

  /** The outcome of a directional check. */
  public record Outcome(
      Status status,
      String model,
      Map<String, Integer> dims,
      long seed,
      int entries,
      double loss,
      List<Direction> directions,
      List<TensorFinding> tensors,
      long lossCalls,
      boolean atGenericPoint) {

    /** This outcome with {@code calls} more loss calls, made before it. */
    Outcome after(long calls) {
      return new Outcome(
          status,
          model,
          dims,
          seed,
          entries,
          loss,
          directions,
          tensors,
          lossCalls + calls,
          atGenericPoint);
    }

    /** The number of directions compared (drawn and free of kinks). */
    public int compared() {
      int n = 0;
      for (Direction d : directions) {
        n += d.verdict().compared() ? 1 : 0;
      }
      return n;
    }

    /** The direction that disagreed, or null. */
    public Direction disagreeing() {
      for (Direction d : directions) {
        if (d.verdict().kind() == DirectionRule.Kind.MISMATCH) {
          return d;
        }
      }
      return null;
    }

    /**
     * This outcome as a check result: one "entry" per compared direction (its projection and
     * estimate), or, when a direction disagrees, one failure per disagreeing tensor.
     */
    public GradientCheckResult asResult(CheckOptions options) {
      Map<String, double[]> analytic = new LinkedHashMap<>();
      Map<String, double[]> numeric = new LinkedHashMap<>();
      entries(true, analytic, numeric);
      List<EntryCheck> failures = new ArrayList<>();
      for (TensorFinding t : tensors) {
        DirectionRule.Verdict v = t.verdict();
        failures.add(
            new EntryCheck(
                t.tensor(),
                new int[0],
                0,
                v.analytic(),
                v.estimate(),
                EntryComparison.relativeError(v.analytic(), v.estimate()),
                v.tolerance(),
                Verdict.MISMATCH));
      }
      failures.sort(GradientChecker.WORST_FIRST);
      // the failures name tensors, the compared "entries" directions: no entry table fits both
      String report =
          failures.isEmpty()
              ? null
              : PropertyReport.alongDirections(model, CaseText.dims(dims), loss, failures, null);
      return new CheckResult(
          model,
          dims,
          options,
          loss,
          0,
          analytic,
          numeric,
          failures,
          0,
          lossCalls,
          KinkFindings.none(),
          null,
          report);
    }

    /**
     * This {@link Status#UNDECIDED} outcome as an inconclusive check result (it passes but gives no
     * verdict, so a property draws another case): one "entry" per direction drawn, each at a kink;
     * {@code report} says why no verdict was given.
     */
    public GradientCheckResult asInconclusiveResult(CheckOptions options, String report) {
      Map<String, double[]> analytic = new LinkedHashMap<>();
      Map<String, double[]> numeric = new LinkedHashMap<>();
      entries(false, analytic, numeric);
      List<EntryCheck> atKinks = new ArrayList<>();
      for (Direction d : directions) {
        DirectionRule.Verdict v = d.verdict();
        atKinks.add(
            new EntryCheck(
                "direction " + d.number(),
                new int[0],
                0,
                v.analytic(),
                v.estimate(),
                Double.NaN,
                Double.NaN,
                Verdict.KINK));
      }
      KinkFindings kinks =
          new KinkFindings(
              atKinks.size(), 0, 0, 0, atKinks, List.of(), Map.of(), NoteFacts.none(), false);
      return new CheckResult(
          model, dims, options, loss, 0, analytic, numeric, List.of(), 0, lossCalls, kinks, null,
          report);
    }

    /** One "entry" per direction (only the compared ones, when asked): projection and estimate. */
    private void entries(
        boolean comparedOnly, Map<String, double[]> analytic, Map<String, double[]> numeric) {
      for (Direction d : directions) {
        if (!comparedOnly || d.verdict().compared()) {
          analytic.put("direction " + d.number(), new double[] {d.verdict().analytic()});
          numeric.put("direction " + d.number(), new double[] {d.verdict().estimate()});
        }
      }
    }
  }

  /** Checks {@code model} on {@code given} along random directions drawn from {@code seed}. */
  public static Outcome check(GradientModel model, Case given, CheckOptions options, long seed) {
    ModelSpec spec = model.spec();
    if (spec == null) {
      throw new ModelConfigurationException(ContractMessages.nullSpec(model));
    }
    spec.requireCheckable();
    Case work = GradientChecker.relayout(spec, given);
    Outcome here = new Run(model, spec, work, options, seed, false).run();
    if (here.status() != Status.UNDECIDED || options.kinkPolicy() != KinkPolicy.CONFIRM) {
      return here;
    }
    // Every direction met a kink: the case sits on kinks (exact zeros, ties). Under CONFIRM an
    // entry at a kink passes unless its mismatch persists at a nearby generic point, so the
    // directions are checked there, where the kinks are many steps away.
    Case moved = GenericPoint.moved(work, GenericPoint.seed(work), 1, false);
    Outcome there = new Run(model, spec, moved, options, seed, true).run();
    return there.after(here.lossCalls());
  }

  /** One directional check: the state its steps share. */
  private static final class Run {
    private final GradientModel model;
    private final ModelSpec spec;
    private final Case work;
    private final Case snapshot;
    private final CheckOptions options;
    private final long seed;
    private final boolean atGenericPoint;
    private final Invoker invoker;
    private final List<Tensor> targets = new ArrayList<>();
    private double[][] base;
    private double[][] gradient;
    private double loss;
    private long lossNanos;
    private double scale;
    private int entries;
    private final List<Direction> directions = new ArrayList<>();
    private List<TensorFinding> findings = new ArrayList<>();
    private int compared;
    private Status status = Status.UNDECIDED;

    Run(
        GradientModel model,
        ModelSpec spec,
        Case work,
        CheckOptions options,
        long seed,
        boolean atGenericPoint) {
      this.model = model;
      this.atGenericPoint = atGenericPoint;
      this.spec = spec;
      this.work = work;
      this.snapshot = work.copy();
      this.options = options;
      this.seed = seed;
      this.invoker = new Invoker(model, spec.name(), work);
    }

    /** Draws direction {@code d} and compares along it. */
    private void compare(LinePoints probe, int d) {
      double[][] signs = signs(d);
      double h = step(entries);
      DirectionRule.Verdict v = along(probe, signs, h, name(d));
      directions.add(new Direction(d, h, v));
      if (v.kind() == DirectionRule.Kind.MISMATCH) {
        findings = localize(probe, d, signs);
        status = Status.DISAGREES;
      } else if (v.compared()) {
        compared++;
        status = Status.AGREES;
      }
    }

    private static String name(int d) {
      return "random " + label(d);
    }

    Outcome run() {
      prepare();
      LinePoints probe =
          new LinePoints(
              invoker,
              targets,
              base,
              LinePoints.threadsFor(lossNanos, options.threads(), POINTS),
              model.hasInputGradient());
      for (int d = 1; d <= MAX_DRAWS && compared < DIRECTIONS && status != Status.DISAGREES; d++) {
        if (compared == 0
            && d > ON_KINKS_AFTER
            && !atGenericPoint
            && options.kinkPolicy() == KinkPolicy.CONFIRM) {
          break; // the case sits on kinks: tie-keeping directions, then its generic neighbour
        }
        compare(probe, d);
      }
      // every direction met a kink here: directions that move equal values together keep ties
      // tied (a max of tied entries stays smooth along them), where a tie-only bug shows
      for (int t = 1;
          t <= TIE_DRAWS && compared == 0 && status != Status.DISAGREES && !atGenericPoint;
          t++) {
        compare(probe, MAX_DRAWS + t);
      }
      String during = "loss(...) along random directions";
      Contracts.checkUnchanged(spec.name(), during, work, snapshot);
      for (Case copy : probe.copies()) {
        Contracts.checkUnchanged(spec.name(), during, copy, snapshot);
      }
      probe.absorbHelpers();
      return new Outcome(
          status,
          spec.name(),
          work.dims(),
          seed,
          entries,
          loss,
          directions,
          findings,
          invoker.lossCalls(),
          atGenericPoint);
    }

    private void prepare() {
      long start = System.nanoTime();
      loss = invoker.loss("loss(...) at the given point");
      lossNanos = System.nanoTime() - start;
      Parameters g = invoker.gradient();
      Contracts.checkUnchanged(spec.name(), "gradient(...)", work, snapshot);
      targets.addAll(invoker.targets(model.hasInputGradient()));
      List<Tensor> analytics = new ArrayList<>(g.tensors());
      if (model.hasInputGradient()) {
        analytics.add(invoker.inputGradient());
      }
      base = new double[targets.size()][];
      gradient = new double[targets.size()][];
      double squares = 0;
      for (int k = 0; k < targets.size(); k++) {
        base[k] = targets.get(k).toArray();
        gradient[k] = analytics.get(k).toArray();
        entries += base[k].length;
        for (double v : base[k]) {
          squares += v * v;
        }
      }
      scale = Math.max(1, Math.sqrt(squares / Math.max(1, entries)));
    }

    /** The step along a direction of {@code n} signs: a power of two, so every move is exact. */
    private double step(int n) {
      double h = STEP * scale / Math.sqrt(n);
      return Math.scalb(1.0, Math.getExponent(h));
    }

    /** Direction {@code d}: a sign ({@code +-1}) for every entry of every target. */
    private double[][] signs(int d) {
      if (keepsTies(d)) {
        return tieKeepingSigns(d);
      }
      SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + d);
      double[][] s = new double[targets.size()][];
      for (int k = 0; k < targets.size(); k++) {
        double[] signs = new double[base[k].length];
        long bits = 0;
        for (int i = 0; i < signs.length; i++) {
          if ((i & 63) == 0) {
            bits = r.nextLong();
          }
          signs[i] = Double.longBitsToDouble(ONE_BITS | (bits & 1) << 63); // +-1, no branch
          bits >>>= 1;
        }
        s[k] = signs;
      }
      return s;
    }

    /**
     * Tie-keeping direction {@code d}: one sign per distinct value (by its bits), drawn in entry
     * order, so that equal entries, within a tensor or across tensors, move together.
     */
    private double[][] tieKeepingSigns(int d) {
      SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + d);
      // one sign per distinct bit pattern, in an open-addressing table (no boxing: a case of
      // 10^5 entries takes about a millisecond)
      int capacity = Integer.highestOneBit(Math.max(4, 2 * entries)) << 1;
      long[] keys = new long[capacity];
      byte[] values = new byte[capacity]; // 0 empty, 1 plus, 2 minus
      double[][] s = new double[targets.size()][];
      for (int k = 0; k < targets.size(); k++) {
        double[] signs = new double[base[k].length];
        for (int i = 0; i < signs.length; i++) {
          long bits = Double.doubleToLongBits(base[k][i]);
          int at = (int) (GenericPoint.mix(bits) & (capacity - 1));
          while (values[at] != 0 && keys[at] != bits) {
            at = (at + 1) & (capacity - 1);
          }
          if (values[at] == 0) {
            keys[at] = bits;
            values[at] = r.nextBoolean() ? (byte) 1 : (byte) 2;
          }
          signs[i] = values[at] == 1 ? 1 : -1;
        }
        s[k] = signs;
      }
      return s;
    }

    private DirectionRule.Verdict along(LinePoints probe, double[][] signs, double h, String what) {
      double[] at = {-2 * h, -h, -h / 2, h / 2, h, 2 * h};
      double[] f = probe.at(signs, at, what);
      double[] projection = project(signs);
      DirectionRule.Verdict v = judge(projection, h, f);
      if (v.kind() != DirectionRule.Kind.MISMATCH) {
        return v;
      }
      probe.checkAlone(signs, at, f, what); // values from several threads must hold alone
      // a disagreement must hold at a four times smaller step (inside the same stencil, so no
      // new kink comes in), where the loss's rounding moves the estimate four times more and a
      // wrong gradient not at all: a loss summed over many terms rounds more than one value's
      // bound, and that noise must not pass for a wrong gradient
      double small = h / NARROWER;
      double[] near = {-small, -small / 2, small / 2, small};
      double[] g = probe.at(signs, near, what);
      double[] fs = {f[2], g[0], g[1], g[2], g[3], f[3]}; // -2H, -H, -H/2, H/2, H, 2H
      return DirectionRule.confirm(v, judge(projection, small, fs));
    }

    /**
     * The analytic gradient's projection on {@code signs}, summed with the rounding error of every
     * addition carried along (TwoSum), and the sum of the terms' magnitudes (its rounding scale).
     */
    private double[] project(double[][] signs) {
      double sum = 0;
      double compensation = 0;
      double absSum = 0;
      for (int k = 0; k < signs.length; k++) {
        double[] s = signs[k];
        if (s == null) {
          continue;
        }
        double[] g = gradient[k];
        for (int i = 0; i < s.length; i++) {
          double term = s[i] * g[i];
          double t = sum + term;
          double back = t - sum;
          compensation += (sum - (t - back)) + (term - back);
          sum = t;
          absSum += Math.abs(term);
        }
      }
      return new double[] {sum + compensation, absSum};
    }

    /** The verdict from the loss at {@code t = -2h, -h, -h/2, h/2, h, 2h} ({@code f}). */
    private DirectionRule.Verdict judge(double[] projection, double h, double[] f) {
      double eps = options.lossPrecision().epsilon();
      return DirectionRule.judge(
          loss,
          f[0],
          f[1],
          f[2],
          f[3],
          f[4],
          f[5],
          h,
          projection[0],
          16 * eps * projection[1],
          eps);
    }

    /** The disagreeing direction {@code d} ({@code signs}) restricted to each tensor in turn. */
    private List<TensorFinding> localize(LinePoints probe, int d, double[][] signs) {
      List<TensorFinding> all = new ArrayList<>();
      List<TensorFinding> failing = new ArrayList<>();
      for (int k = 0; k < targets.size(); k++) {
        int n = base[k].length;
        double[][] only = new double[signs.length][];
        only[k] = signs[k]; // the other targets stay where they are
        DirectionRule.Verdict v =
            along(probe, only, step(n), name(d) + " on " + targets.get(k).name());
        TensorFinding f = new TensorFinding(targets.get(k).name(), n, v);
        all.add(f);
        if (v.kind() == DirectionRule.Kind.MISMATCH) {
          failing.add(f);
        }
      }
      if (!failing.isEmpty()) {
        return failing;
      }
      // no tensor disagrees alone (kinks, or errors that only add up): keep the clearest one
      TensorFinding clearest = null;
      double worst = -1;
      for (TensorFinding f : all) {
        DirectionRule.Verdict v = f.verdict();
        double ratio = v.compared() ? Math.abs(v.analytic() - v.estimate()) / v.tolerance() : -1;
        if (ratio > worst) {
          worst = ratio;
          clearest = f;
        }
      }
      return clearest == null || worst < 0 ? all : List.of(clearest);
    }
  }
}
