package io.github.gradprop.internal.check;

import io.github.gradprop.ModelConfigurationException;
import io.github.gradprop.internal.numerics.Objective;
import io.github.gradprop.internal.report.ContractMessages;
import io.github.gradprop.model.Batch;
import io.github.gradprop.model.Case;
import io.github.gradprop.model.GradientModel;
import io.github.gradprop.model.ParameterLayout;
import io.github.gradprop.model.Parameters;
import io.github.gradprop.model.Tensor;

/**
 * Calls the user's model, counts loss calls, and turns anything the user's code throws (an
 * exception, an assertion, or a {@link VirtualMachineError} such as {@code OutOfMemoryError} and
 * {@code StackOverflowError}) into a {@link ModelConfigurationException} that says which call, on
 * which entry, failed. Every call is recorded in this thread's {@link CallSlot} for the watcher
 * that enforces the time limit.
 */
final class Invoker {

  private final GradientModel model;
  private final String name;
  private final Parameters params;
  private final Batch batch;
  private final Case work;
  private CallSlot slot = CallSlot.current();
  private long lossCalls;

  Invoker(GradientModel model, String name, Case work) {
    this.model = model;
    this.name = name;
    this.work = work;
    this.params = work.parameters();
    this.batch = work.batch();
  }

  private final PrecisionWitness witness = new PrecisionWitness();

  private double witness(double loss) {
    witness.observe(loss);
    return loss;
  }

  /** Whether the loss values seen so far are those of a loss computed in float. */
  boolean lossLooksFloat() {
    return witness.looksFloat();
  }

  long lossCalls() {
    return lossCalls;
  }

  String dimsText() {
    return work.dimsText();
  }

  CallSlot slot() {
    return slot;
  }

  /**
   * Records this invoker's calls in the slot of the thread that calls this, which joins the watch
   * of {@code parent}'s thread: the first thing a worker thread of a check does.
   */
  void runOnThisThreadUnderTheWatchOf(Invoker parent) {
    slot = CallSlot.currentFresh();
    slot.joinWatchOf(parent.slot);
    slot.entries(0, 0);
  }

  /** An invoker of the same model on {@code copy}, for one worker thread: its own counts. */
  Invoker on(Case copy) {
    return new Invoker(model, name, copy);
  }

  /** An invoker of the same model on a fresh copy of this one's case, for a helper thread. */
  Invoker onACopy() {
    return on(work.copy());
  }

  /**
   * The tensors of this invoker's case that a check moves: the parameters, then the inputs when
   * {@code inputs} (a model with an input gradient).
   */
  java.util.List<Tensor> targets(boolean inputs) {
    java.util.List<Tensor> t = new java.util.ArrayList<>(params.tensors());
    if (inputs) {
      t.add(batch.inputTensor());
    }
    return t;
  }

  /** Adds the loss calls and precision evidence of {@code worker}, once it has finished. */
  void absorb(Invoker worker) {
    lossCalls += worker.lossCalls;
    witness.absorb(worker.witness);
  }

  /** The model's name, as messages give it. */
  String name() {
    return name;
  }

  /** The case this invoker calls the model on. */
  Case work() {
    return work;
  }

  double loss(String what) {
    lossCalls++;
    slot.enter(this, what, null, 0, 0, 0, 0);
    try {
      return witness(model.loss(params, batch));
    } catch (RuntimeException | AssertionError | VirtualMachineError e) {
      throw threw(what, e);
    } finally {
      slot.exit();
    }
  }

  Parameters gradient() {
    Parameters out = params.zerosLike();
    String what = "gradient(...) at the given point";
    slot.enter(this, what, null, 0, 0, 0, 0);
    try {
      model.gradient(params, batch, out);
    } catch (RuntimeException | AssertionError | VirtualMachineError e) {
      throw threw(what, e);
    } finally {
      slot.exit();
    }
    return out;
  }

  Tensor inputGradient() {
    Case shape = work.copy();
    Tensor out = shape.batch().inputTensor();
    out.fill(0);
    String what = "inputGradient(...) at the given point";
    slot.enter(this, what, null, 0, 0, 0, 0);
    try {
      model.inputGradient(params, batch, out);
    } catch (RuntimeException | AssertionError | VirtualMachineError e) {
      throw threw(what, e);
    } finally {
      slot.exit();
    }
    return out;
  }

  private ModelConfigurationException threw(String what, Throwable e) {
    if (e instanceof ModelConfigurationException contract) {
      // gradprop's own contract check inside the call (e.g. Models.flat's gradient length): its
      // message already says what went wrong; it did not "throw" from user code.
      return new ModelConfigurationException(
          String.format("%s%nshape    : %s", contract.getMessage(), work.dimsText()), contract);
    }
    return new ModelConfigurationException(
        ContractMessages.threw(name, what, e, work.dimsText()), e);
  }

  Probe probe() {
    return new Probe();
  }

  /** The loss as a function of one entry; re-aimed per entry so the loop allocates nothing. */
  final class Probe implements Objective {
    private Tensor tensor;
    private int index;
    private double theta;

    void focus(Tensor t) {
      this.tensor = t;
    }

    void entry(int i, double value) {
      this.index = i;
      this.theta = value;
    }

    @Override
    public double at(double value) {
      tensor.set(index, value);
      lossCalls++;
      double loss;
      slot.enter(Invoker.this, "loss(...)", tensor, index, theta, value, 1);
      try {
        loss = model.loss(params, batch);
      } catch (RuntimeException | AssertionError | VirtualMachineError e) {
        tensor.set(index, theta);
        throw new ModelConfigurationException(
            ContractMessages.threwWithEntryMoved(
                name, tensor.name() + tensor.indexText(index), theta, value, e, work.dimsText()),
            e);
      } finally {
        slot.exit();
      }
      // The caller restores this entry after the stencil, which would hide a write to it; writes
      // to any other entry are caught by comparing with the snapshot after the loop.
      double after = tensor.get(index);
      if (Double.compare(after, value) != 0) {
        tensor.set(index, theta);
        throw new ModelConfigurationException(
            ContractMessages.modifiedMovedEntry(
                name, tensor.name() + tensor.indexText(index), theta, value, after));
      }
      return witness(loss);
    }
  }

  DirectionProbe directionProbe() {
    return new DirectionProbe();
  }

  /**
   * The loss as a function of {@code t} when several entries (of one or more tensors) all move by
   * {@code t} from their base values: the direction that keeps a tie tied. {@link #restore()} puts
   * every entry back exactly.
   */
  final class DirectionProbe implements Objective {
    private Tensor[] tensors;
    private int[] indices;
    private double[] base;

    void focus(Tensor[] entryTensors, int[] entries, double[] baseValues) {
      this.tensors = entryTensors;
      this.indices = entries;
      this.base = baseValues;
    }

    @Override
    public double at(double t) {
      for (int k = 0; k < indices.length; k++) {
        tensors[k].set(indices[k], base[k] + t);
      }
      lossCalls++;
      slot.enter(Invoker.this, "loss(...)", tensors[0], indices[0], 0, t, indices.length);
      try {
        return model.loss(params, batch);
      } catch (RuntimeException | AssertionError | VirtualMachineError e) {
        restore();
        throw new ModelConfigurationException(
            ContractMessages.threwWithEntriesMoved(
                name,
                indices.length,
                tensors[0].name() + tensors[0].indexText(indices[0]),
                t,
                e,
                work.dimsText()),
            e);
      } finally {
        slot.exit();
      }
    }

    void restore() {
      for (int k = 0; k < indices.length; k++) {
        tensors[k].set(indices[k], base[k]);
      }
    }
  }

  LineProbe lineProbe(java.util.List<Tensor> targets, double[][] base) {
    return new LineProbe(targets, base);
  }

  /**
   * The loss as a function of {@code t} along a direction: every entry {@code i} of target {@code
   * k} at {@code base[k][i] + t * direction[k][i]}, where a target whose direction is null stays
   * where it is. Each call overwrites every moved entry from the base, row by row (no index
   * arithmetic per entry); {@link #restore()} copies the base values back, bit for bit.
   */
  final class LineProbe implements Objective {
    private final java.util.List<Tensor> targets;
    private final double[][] base;
    private double[][] direction;

    LineProbe(java.util.List<Tensor> targets, double[][] base) {
      this.targets = targets;
      this.base = base;
    }

    void along(double[][] d) {
      this.direction = d;
    }

    @Override
    public double at(double t) {
      for (int k = 0; k < targets.size(); k++) {
        if (direction[k] != null) {
          move(targets.get(k), base[k], direction[k], t);
        }
      }
      lossCalls++;
      slot.enter(Invoker.this, "loss(...) along a random direction", null, 0, 0, t, 0);
      try {
        return witness(model.loss(params, batch));
      } catch (RuntimeException | AssertionError | VirtualMachineError e) {
        restore();
        throw new ModelConfigurationException(
            ContractMessages.threwAlongDirection(name, t, e, work.dimsText()), e);
      } finally {
        slot.exit();
      }
    }

    void restore() {
      for (int k = 0; k < targets.size(); k++) {
        if (direction[k] != null) {
          put(targets.get(k), base[k]);
        }
      }
    }

    /** Whether {@code tensor}'s rows are arrays the model reads directly. */
    private boolean hasRows(Tensor tensor) {
      return tensor.rank() == 2
          && (work.parameters().layout() == ParameterLayout.MATRICES
              || !work.parameters().tensors().contains(tensor));
    }

    /** Sets {@code tensor} to {@code b + t * d}. */
    private void move(Tensor tensor, double[] b, double[] d, double t) {
      if (hasRows(tensor)) {
        int at = 0;
        for (double[] row : tensor.matrix()) {
          for (int j = 0; j < row.length; j++) {
            row[j] = b[at + j] + d[at + j] * t;
          }
          at += row.length;
        }
        return;
      }
      for (int i = 0; i < b.length; i++) {
        tensor.set(i, b[i] + d[i] * t);
      }
    }

    /** Sets {@code tensor} to {@code b}. */
    private void put(Tensor tensor, double[] b) {
      if (hasRows(tensor)) {
        int at = 0;
        for (double[] row : tensor.matrix()) {
          System.arraycopy(b, at, row, 0, row.length);
          at += row.length;
        }
        return;
      }
      for (int i = 0; i < b.length; i++) {
        tensor.set(i, b[i]);
      }
    }
  }
}
