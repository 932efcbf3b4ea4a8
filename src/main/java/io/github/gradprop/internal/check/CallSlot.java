package io.github.gradprop.internal.check;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.model.Tensor;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * What one thread is calling in user code right now, for a watcher on another thread: the call, the
 * entry moved for it, and when it started. The thread that runs the check writes it (a few plain
 * stores, one clock read and one release store per call, nothing allocated); a watcher reads it
 * with {@link #snapshot}, validated against the start time so that a call that ended and a call
 * that began in between are never mixed up.
 *
 * <p>Each thread has its own slot ({@link #current()}); a watcher that owns several worker threads
 * keeps a list of their slots, and a helper thread of a watched check joins it with {@link
 * #joinWatchOf}. {@link #abandon()} marks the slot so that the abandoned thread stops at its next
 * call instead of finishing the rest of the check.
 */
@API(status = INTERNAL, since = "0.1")
public final class CallSlot {

  private static final ThreadLocal<CallSlot> CURRENT = ThreadLocal.withInitial(CallSlot::new);
  private static final VarHandle CALL;
  private static final VarHandle DONE;

  static {
    try {
      CALL = MethodHandles.lookup().findVarHandle(CallSlot.class, "call", String.class);
      DONE = MethodHandles.lookup().findVarHandle(CallSlot.class, "entriesDone", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Thread owner = Thread.currentThread();

  /** The call in progress, or {@code null} between calls; written last with release semantics. */
  @SuppressWarnings("unused") // through CALL
  private String call;

  private long startNanos;
  private int seq;

  /** The watcher's time, written each time it wakes. */
  private volatile long tick = System.nanoTime();

  private Invoker invoker;
  private Tensor tensor;
  private int index;
  private double from;
  private double to;
  private int moved;

  /**
   * Entries of the check in progress done so far (a release store per entry: no fence), and of how
   * many, for progress lines.
   */
  @SuppressWarnings("unused") // through DONE
  private int entriesDone;

  private volatile int entriesTotal;

  private volatile boolean watched;
  private volatile boolean abandoned;

  /** Adds a slot to the list its watcher reads; {@code null} when not watched. */
  private volatile Consumer<CallSlot> watchers;

  private CallSlot() {}

  /** This thread's slot. */
  public static CallSlot current() {
    return CURRENT.get();
  }

  /**
   * This thread's slot, a new one when a watcher gave up on the last: a pooled helper thread that
   * was abandoned by one check runs the next one clean.
   */
  public static CallSlot currentFresh() {
    CallSlot s = CURRENT.get();
    if (s.abandoned) {
      s = new CallSlot();
      CURRENT.set(s);
    }
    return s;
  }

  /** The thread this slot belongs to. */
  public Thread owner() {
    return owner;
  }

  /**
   * Marks this thread as run by a watcher, which reads the slots {@code list} adds to, so that
   * nested checks do not start another watch and helper threads can join this one.
   */
  public void watchedBy(Consumer<CallSlot> list) {
    watchers = list;
    watched = true;
    tick = System.nanoTime();
    list.accept(this);
  }

  /**
   * Puts this thread (a helper that runs user code for the check on {@code parent}'s thread) under
   * {@code parent}'s watcher, if it has one: its calls are then timed, and abandoned, with the
   * parent's.
   */
  public void joinWatchOf(CallSlot parent) {
    Consumer<CallSlot> list = parent.watchers;
    if (list != null && list != watchers) {
      watchedBy(list);
    }
  }

  /** Whether a watcher is watching this thread. */
  public boolean watched() {
    return watched;
  }

  /** Gives up on this thread: its next call throws {@link Abandoned} instead of running. */
  public void abandon() {
    abandoned = true;
  }

  /** Whether a watcher gave up on this thread. */
  public boolean abandoned() {
    return abandoned;
  }

  /** Records that {@code invoker} calls {@code what}, with {@code count} entries moved. */
  void enter(
      Invoker by, String what, Tensor t, int i, double fromValue, double toValue, int count) {
    if (abandoned) {
      throw new Abandoned();
    }
    invoker = by;
    tensor = t;
    index = i;
    from = fromValue;
    to = toValue;
    moved = count;
    startNanos = tick;
    seq++;
    CALL.setRelease(this, what);
  }

  /** The watcher's time now, which the calls that start from now on take as their start. */
  public void tick(long nowNanos) {
    tick = nowNanos;
  }

  /** Records that the call returned (or threw). */
  void exit() {
    CALL.setRelease(this, null);
  }

  /** Sets the entries done and of how many. */
  public void entries(int done, int total) {
    DONE.setRelease(this, done);
    entriesTotal = total;
  }

  void entryDone(int done) {
    DONE.setRelease(this, done);
  }

  /** Entries done in the check in progress. */
  public int entriesDone() {
    return (int) DONE.getAcquire(this);
  }

  /** Entries of the check in progress, 0 when none runs. */
  public int entriesTotal() {
    return entriesTotal;
  }

  /**
   * The call in progress on the owner thread, or {@code null} when none runs (or it changed while
   * being read).
   */
  public Snapshot snapshot(long nowNanos) {
    String what = (String) CALL.getAcquire(this);
    if (what == null) {
      return null;
    }
    long start = startNanos;
    int number = seq;
    Invoker by = invoker;
    Tensor t = tensor;
    int i = index;
    double f = from;
    double v = to;
    int count = moved;
    VarHandle.acquireFence();
    if (CALL.getAcquire(this) != what || seq != number) {
      return null;
    }
    String entry = count == 0 || t == null ? null : t.name() + t.indexText(i);
    return new Snapshot(by.name(), what, entry, f, v, count, by.dimsText(), nowNanos - start);
  }

  /**
   * One call in progress, as facts for a message.
   *
   * @param entry the entry moved for the call ({@code w1[0, 1]}), the first one when several moved
   *     together, or {@code null}
   * @param moved how many entries moved: 0, 1, or more (together, by {@code to})
   * @param elapsedNanos from the watcher's wake-up before the call began: at most one wake-up
   *     interval more than the call has run
   */
  public record Snapshot(
      String model,
      String call,
      String entry,
      double from,
      double to,
      int moved,
      String dims,
      long elapsedNanos) {

    /** The same call, with the time it has run at least: {@code slack} less. */
    public Snapshot lessBy(long slackNanos) {
      return new Snapshot(model, call, entry, from, to, moved, dims, elapsedNanos - slackNanos);
    }
  }

  /** Thrown into an abandoned thread at its next call; nothing catches it but its top level. */
  public static final class Abandoned extends Error {
    private static final long serialVersionUID = 1L;

    Abandoned() {
      super("abandoned by its watcher", null, false, false);
    }
  }
}
