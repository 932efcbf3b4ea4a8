/**
 * What users implement and build: {@link io.github.gradprop.model.GradientModel}, the symbolic
 * {@link io.github.gradprop.model.ModelSpec}, and the tensors, parameters, batches and cases that
 * gradprop passes to a model.
 */
package io.github.gradprop.model;
