package io.github.gradprop.internal.report;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Formats a {@link GradientCheckResult} as the report users read in Surefire output. */
public final class MismatchReport {

  private MismatchReport() {}

  public static String format(GradientCheckResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(summary(r)).append(String.format("%n"));
    sb.append(facts(r).render());
    if (r.passed()) {
      return sb.toString().stripTrailing();
    }
    sb.append(String.format("%n"));
    sb.append(table(r.failures(), r.options().maxRows()));
    sb.append(footer(r));
    return sb.toString().stripTrailing();
  }

  public static String summary(GradientCheckResult r) {
    int total = r.checkedEntries();
    if (r.passed()) {
      return String.format(
          "Analytic gradient agrees with finite differences for all %d entries", total);
    }
    Map<String, Integer> perTensor = new LinkedHashMap<>();
    int nonFinite = 0;
    for (EntryCheck e : r.failures()) {
      perTensor.merge(e.tensor(), 1, Integer::sum);
      if (e.verdict() == Verdict.NON_FINITE) {
        nonFinite++;
      }
    }
    int failing = r.failures().size();
    String where;
    if (perTensor.size() == 1) {
      String tensor = perTensor.keySet().iterator().next();
      where = String.format("%d of %d entries of %s", failing, r.entries(tensor), tensor);
    } else {
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<String, Integer> e : perTensor.entrySet()) {
        sb.append(sb.length() == 0 ? "" : ", ")
            .append(e.getKey())
            .append(' ')
            .append(e.getValue())
            .append(" of ")
            .append(r.entries(e.getKey()));
      }
      where = String.format("%d of %d entries (%s)", failing, total, sb);
    }
    if (nonFinite == failing) {
      return "Loss or analytic gradient is not finite for " + where;
    }
    String s = "Analytic gradient disagrees with finite differences for " + where;
    return nonFinite == 0 ? s : s + ", " + nonFinite + " of them not finite";
  }

  static Facts facts(GradientCheckResult r) {
    CheckOptions o = r.options();
    StringBuilder dims = new StringBuilder();
    for (Map.Entry<String, Integer> e : r.dims().entrySet()) {
      dims.append(dims.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
    }
    return new Facts()
        .add("model", r.modelName())
        .add("shape", dims.toString())
        .add("loss", String.valueOf(r.loss()))
        .add(
            "scheme",
            String.format(
                "%s, step %s * max(1, |theta|)", o.scheme().description(), Numbers.small(o.step())))
        .add(
            "tolerance",
            String.format(
                "|analytic - numeric| <= %s + %s * |numeric| + rounding (at most %s here)",
                Numbers.small(o.atol()), Numbers.small(o.rtol()), Numbers.small(r.maxRounding())));
  }

  static String table(List<EntryCheck> failures, int maxRows) {
    Table t = new Table("tensor", "index", "analytic", "numeric", "rel-error", "verdict");
    for (int k = 0; k < Math.min(maxRows, failures.size()); k++) {
      EntryCheck e = failures.get(k);
      t.row(
          e.tensor(),
          e.indexText(),
          Numbers.value(e.analytic()),
          Numbers.value(e.numeric()),
          Numbers.small(e.relativeError()),
          e.verdict().name());
    }
    return t.render();
  }

  static String footer(GradientCheckResult r) {
    int agree = r.checkedEntries() - r.failures().size();
    int hidden = Math.max(0, r.failures().size() - r.options().maxRows());
    String more = hidden == 0 ? "" : String.format(", %d more failing not shown", hidden);
    return String.format(
        "(%d %s%s; worst first, at most %d rows)%n",
        agree, agree == 1 ? "entry agrees" : "entries agree", more, r.options().maxRows());
  }
}
