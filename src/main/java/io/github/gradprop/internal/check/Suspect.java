package io.github.gradprop.internal.check;

import io.github.gradprop.EntryCheck;

/**
 * An entry whose analytic value needs a second look at a nearby generic point: a smooth mismatch,
 * or a value outside every one-sided estimate at a kink.
 *
 * @param tensor the position of the tensor among the checked tensors
 * @param atPoint the entry as checked at the given point
 * @param atKink whether the entry sits at a kink (or is unresolved) at the given point
 */
record Suspect(int tensor, EntryCheck atPoint, boolean atKink) {}
