package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.internal.report.NoteFacts.Counted;
import io.github.gradprop.internal.report.NoteFacts.NonFinite;
import io.github.gradprop.internal.report.NoteFacts.Slopes;
import io.github.gradprop.internal.report.NoteFacts.Tie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** Renders {@link NoteFacts} as the report's facts: key to text, in report order. */
@API(status = INTERNAL, since = "0.1")
public final class NoteText {

  private NoteText() {}

  /** The facts to print, keyed as the report prints them; empty when there is nothing to note. */
  public static Map<String, String> render(NoteFacts facts) {
    Map<String, String> text = new LinkedHashMap<>();
    if (facts.strict().count() > 0) {
      text.put("at kinks", strict(facts.strict()));
    }
    if (!facts.ties().isEmpty()) {
      text.put("ties", ties(facts.ties()));
    }
    if (facts.steep().count() > 0) {
      text.put("steep", steep(facts.steep()));
    }
    if (facts.nonFinite().count() > 0) {
      text.put("non-finite", nonFinite(facts.nonFinite()));
    }
    if (!Double.isNaN(facts.floatLikeLoss())) {
      text.put("precision", floatLike(facts.floatLikeLoss()));
    }
    return text;
  }

  private static String strict(Counted<Slopes> strict) {
    int n = strict.count();
    Slopes s = strict.first();
    return String.format(
        "%d %s where the loss is not differentiable %s from the central difference; at %s the"
            + " one-sided derivatives are %s (left) and %s (right); correct code can fail"
            + " KinkPolicy.STRICT at such points",
        n,
        n == 1 ? "entry" : "entries",
        n == 1 ? "differs" : "differ",
        s.entry(),
        Numbers.small(s.minus()),
        Numbers.small(s.plus()));
  }

  private static String ties(List<Tie> ties) {
    StringBuilder text = new StringBuilder();
    for (Tie t : ties) {
      List<String> entries = t.entries();
      String shown =
          entries.size() <= 4
              ? String.join(", ", entries)
              : String.join(", ", entries.subList(0, 4)) + ", ... (" + entries.size() + " entries)";
      text.append(text.length() == 0 ? "" : "; ")
          .append(
              String.format(
                  "moving %s together, the loss changes smoothly with slope %s, but the analytic"
                      + " gradient projects to %s",
                  shown, Numbers.small(t.slope()), Numbers.small(t.projection())));
    }
    return text
        + "; correct code agrees along a tie, here and a little further along it (a max"
        + " that passes the gradient to every tied input fails this)";
  }

  private static String steep(Counted<Slopes> steep) {
    Slopes s = steep.first();
    return String.format(
        "one-sided slopes %s (left) and %s (right) over a step of %s at %s%s: far steeper on one"
            + " side, as where a log is clipped at eps",
        Numbers.small(s.minus()),
        Numbers.small(s.plus()),
        Numbers.small(s.step()),
        s.entry(),
        more(steep.count()));
  }

  private static String nonFinite(Counted<NonFinite> nonFinite) {
    NonFinite f = nonFinite.first();
    return String.format(
        "the loss is %s at %s %s %s, though finite at %s%s; checked with smaller steps",
        f.value(),
        f.entry(),
        f.offset() > 0 ? "+" : "-",
        Numbers.small(Math.abs(f.offset())),
        f.theta(),
        more(nonFinite.count()));
  }

  private static String floatLike(double loss) {
    return String.format(
        "every loss value seen (such as %s) is exactly a float, but moving entries below float"
            + " resolution and by a few float steps gave no evidence either way; checked as"
            + " double (if the loss is computed in float, declare LossPrecision.FLOAT)",
        loss);
  }

  private static String more(int count) {
    return count == 1 ? "" : String.format(" (and %d more entries)", count - 1);
  }
}
