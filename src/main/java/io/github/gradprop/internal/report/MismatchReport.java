package io.github.gradprop.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.CheckOptions;
import io.github.gradprop.EntryCheck;
import io.github.gradprop.GradientCheckResult;
import io.github.gradprop.LossPrecision;
import io.github.gradprop.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/** Formats a {@link GradientCheckResult} as the report users read in Surefire output. */
@API(status = INTERNAL, since = "0.1")
public final class MismatchReport {

  private MismatchReport() {}

  public static String format(GradientCheckResult r) {
    return format(r, Diagnosis.none());
  }

  /** The report with the diagnosis {@code d} below the table (nothing when it is empty). */
  public static String format(GradientCheckResult r, Diagnosis d) {
    StringBuilder sb = new StringBuilder();
    sb.append(summary(r)).append(String.format("%n"));
    sb.append(facts(r).render());
    if (r.passed() || r.failures().isEmpty()) {
      return sb.toString().stripTrailing();
    }
    sb.append(String.format("%n"));
    sb.append(table(r));
    sb.append(footer(r));
    if (!d.isEmpty()) {
      sb.append(String.format("%n")).append(d.render());
    }
    return sb.toString().stripTrailing();
  }

  public static String summary(GradientCheckResult r) {
    int total = r.checkedEntries();
    if (r.rejected()) {
      return String.format(
          "Case rejected under KinkPolicy.AVOID: the loss is not smooth at %s",
          where(r.nonSmoothEntries(), r));
    }
    if (r.passed()) {
      int nonSmooth = r.nonSmoothEntries().size();
      if (nonSmooth == 0) {
        return String.format(
            "Analytic gradient agrees with finite differences for all %d entries", total);
      }
      if (nonSmooth == total) {
        return String.format(
            "No entry fails, but none could be compared: all %d entries are at kinks or unresolved",
            total);
      }
      return String.format(
          "Analytic gradient agrees with finite differences for all %d entries where the loss is"
              + " smooth; %d more %s at kinks or unresolved",
          total - nonSmooth, nonSmooth, nonSmooth == 1 ? "is" : "are");
    }
    List<EntryCheck> entries = new ArrayList<>();
    List<EntryCheck> ties = new ArrayList<>();
    int nonFinite = 0;
    for (EntryCheck e : r.failures()) {
      if (e.verdict() == Verdict.KINK_MISMATCH) {
        ties.add(e);
        continue;
      }
      entries.add(e);
      if (e.verdict() == Verdict.NON_FINITE) {
        nonFinite++;
      }
    }
    String along = "";
    if (!ties.isEmpty()) {
      Set<String> tensors = new LinkedHashSet<>();
      for (EntryCheck e : ties) {
        for (String entry : r.tiedEntries(e)) {
          int bracket = entry.indexOf('[');
          tensors.add(bracket < 0 ? entry : entry.substring(0, bracket));
        }
      }
      String sb = String.join(", ", tensors);
      along =
          String.format(
              "along %d tie %s of %s",
              ties.size(), ties.size() == 1 ? "direction" : "directions", sb);
    }
    if (entries.isEmpty()) {
      return "Analytic gradient disagrees with finite differences " + along;
    }
    String where = where(entries, r);
    String tail = along.isEmpty() ? "" : " and " + along;
    if (nonFinite == entries.size() && ties.isEmpty()) {
      return "Loss or analytic gradient is not finite for " + where;
    }
    String s = "Analytic gradient disagrees with finite differences for " + where + tail;
    return nonFinite == 0 ? s : s + ", " + nonFinite + " of them not finite";
  }

  private static String where(List<EntryCheck> entries, GradientCheckResult r) {
    Map<String, Integer> perTensor = new LinkedHashMap<>();
    for (EntryCheck e : entries) {
      perTensor.merge(e.tensor(), 1, Integer::sum);
    }
    int count = entries.size();
    if (perTensor.size() == 1) {
      String tensor = perTensor.keySet().iterator().next();
      return String.format("%d of %d entries of %s", count, r.entries(tensor), tensor);
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Integer> e : perTensor.entrySet()) {
      sb.append(sb.length() == 0 ? "" : ", ")
          .append(e.getKey())
          .append(' ')
          .append(e.getValue())
          .append(" of ")
          .append(r.entries(e.getKey()));
    }
    return String.format("%d of %d entries (%s)", count, r.checkedEntries(), sb);
  }

  static Facts facts(GradientCheckResult r) {
    CheckOptions o = r.options();
    StringBuilder dims = new StringBuilder();
    for (Map.Entry<String, Integer> e : r.dims().entrySet()) {
      dims.append(dims.length() == 0 ? "" : " ")
          .append(e.getKey())
          .append('=')
          .append(e.getValue());
    }
    Facts facts = new Facts();
    facts
        .add("model", r.modelName())
        .add("shape", dims.toString())
        .add("loss", String.valueOf(r.loss()))
        .add(
            "scheme",
            String.format(
                "%s, step %s * max(1, |theta|)%s",
                o.scheme().description(),
                Numbers.small(o.step()),
                o.lossPrecision() == LossPrecision.FLOAT ? ", loss computed in float" : ""))
        .add(
            "tolerance",
            String.format(
                "|analytic - numeric| <= %s + %s * |numeric| + rounding (at most %s here)",
                Numbers.small(o.atol()), Numbers.small(o.rtol()), Numbers.small(r.maxRounding())));
    facts.add("policy", o.kinkPolicy().description());
    String kinks = kinks(r);
    if (!kinks.isEmpty()) {
      facts.add("kinks", kinks);
    }
    if (r.confirmed()) {
      int n = r.confirmations().size();
      facts.add(
          "confirmed",
          String.format(
              "%s at a nearby generic point (weights and inputs moved by about 1e-3 relative)",
              n == 1 ? "the mismatch persists" : "all " + n + " mismatches persist"));
    }
    for (Map.Entry<String, String> note : r.notes().entrySet()) {
      facts.add(note.getKey(), note.getValue());
    }
    return facts;
  }

  /** E.g. {@code 3 entries at kinks (passed under the default policy), 1 kink artifact ...}. */
  static String kinks(GradientCheckResult r) {
    List<String> parts = new ArrayList<>();
    int kinks = r.kinkCount();
    if (kinks > 0) {
      String how;
      switch (r.kinkPolicy()) {
        case STRICT:
          how = "checked against the central difference";
          break;
        case AVOID:
          how = "not checked";
          break;
        default:
          how = "passed under the default policy";
      }
      String names = named(r, Verdict.KINK, kinks);
      parts.add(
          String.format(
              "%d %s at kinks (%s%s)",
              kinks, kinks == 1 ? "entry" : "entries", how, names.isEmpty() ? "" : ": " + names));
    }
    int artifacts = r.kinkArtifactCount();
    if (artifacts > 0) {
      parts.add(
          String.format(
              "%d kink %s not confirmed at a nearby generic point",
              artifacts, artifacts == 1 ? "artifact" : "artifacts"));
    }
    int unresolved = r.unresolvedCount();
    if (unresolved > 0) {
      parts.add(
          String.format("%d unresolved (estimates at smaller steps kept disagreeing)", unresolved));
    }
    return String.join(", ", parts);
  }

  /** Up to four entries with {@code verdict}, e.g. {@code w[0, 0], b[1], ... (5 in all)}. */
  private static String named(GradientCheckResult r, Verdict verdict, int count) {
    List<String> names = new ArrayList<>();
    for (EntryCheck e : r.nonSmoothEntries()) {
      if (e.verdict() == verdict && names.size() < 4) {
        names.add(e.tensor() + e.indexText());
      }
    }
    if (names.isEmpty()) {
      return "";
    }
    return String.join(", ", names) + (count > names.size() ? ", ..." : "");
  }

  static String table(GradientCheckResult r) {
    List<EntryCheck> failures = r.failures();
    int maxRows = r.options().maxRows();
    Table t = new Table("tensor", "index", "analytic", "numeric", "rel-error", "verdict");
    for (int k = 0; k < Math.min(maxRows, failures.size()); k++) {
      EntryCheck e = failures.get(k);
      int tied = r.tiedEntries(e).size();
      t.row(
          e.tensor(),
          tied > 1 ? e.indexText() + " +" + (tied - 1) + " tied" : e.indexText(),
          Numbers.value(e.analytic()),
          Numbers.value(e.numeric()),
          Numbers.small(e.relativeError()),
          e.verdict().name());
    }
    return t.render();
  }

  static String footer(GradientCheckResult r) {
    int entryFailures = 0;
    for (EntryCheck e : r.failures()) {
      if (e.verdict() != Verdict.KINK_MISMATCH) {
        entryFailures++;
      }
    }
    int nonSmooth = r.nonSmoothEntries().size();
    int agree = r.checkedEntries() - entryFailures - nonSmooth;
    int hidden = Math.max(0, r.failures().size() - r.options().maxRows());
    String more = hidden == 0 ? "" : String.format(", %d more failing not shown", hidden);
    String kinks = nonSmooth == 0 ? "" : String.format(", %d at kinks or unresolved", nonSmooth);
    return String.format(
        "(%d %s%s%s; worst first, at most %d rows)%n",
        agree, agree == 1 ? "entry agrees" : "entries agree", kinks, more, r.options().maxRows());
  }
}
