package io.github.gradprop.internal.check;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.gradprop.EntryCheck;
import io.github.gradprop.internal.report.NoteFacts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a check found at kinks, carried by {@link CheckResult} and read through the accessors of
 * {@link io.github.gradprop.GradientCheckResult}.
 *
 * @param kinkCount entries at kinks
 * @param kinkArtifactCount mismatches that did not persist at a nearby generic point
 * @param unresolvedCount entries without a verdict
 * @param refinedCount entries whose verdict needed steps smaller than the scheme's
 * @param nonSmoothEntries the non-failing entries with verdicts KINK, KINK_ARTIFACT, UNRESOLVED
 * @param confirmations each confirmed mismatch as checked at the generic point
 * @param ties the tied entries behind each KINK_MISMATCH failure
 * @param notes what the report should note about non-smoothness
 * @param rejected whether {@link io.github.gradprop.KinkPolicy#AVOID} rejected the case
 */
@API(status = INTERNAL, since = "0.1")
public record KinkFindings(
    int kinkCount,
    int kinkArtifactCount,
    int unresolvedCount,
    int refinedCount,
    List<EntryCheck> nonSmoothEntries,
    List<EntryCheck> confirmations,
    Map<EntryCheck, List<String>> ties,
    NoteFacts notes,
    boolean rejected) {

  /** Copies every collection. */
  public KinkFindings {
    nonSmoothEntries = List.copyOf(nonSmoothEntries);
    confirmations = List.copyOf(confirmations);
    Map<EntryCheck, List<String>> t = new LinkedHashMap<>();
    for (Map.Entry<EntryCheck, List<String>> e : ties.entrySet()) {
      t.put(e.getKey(), List.copyOf(e.getValue()));
    }
    ties = Collections.unmodifiableMap(t);
  }

  /** No kinks, nothing confirmed, no notes. */
  public static KinkFindings none() {
    return new KinkFindings(0, 0, 0, 0, List.of(), List.of(), Map.of(), NoteFacts.none(), false);
  }
}
