package io.github.gradprop.internal.engine;

import io.github.gradprop.GradientCheck;
import io.github.gradprop.PropertyConfigurationException;
import io.github.gradprop.internal.report.PropertyMessages;
import io.github.gradprop.model.GradientModel;

/** The {@link GradientCheck} a property method receives: remembers the one model it names. */
final class NamedModel implements GradientCheck {

  private GradientModel model;

  @Override
  public void that(GradientModel model) {
    if (model == null) {
      throw new PropertyConfigurationException(PropertyMessages.nullModel());
    }
    if (this.model != null) {
      throw new PropertyConfigurationException(
          PropertyMessages.modelNamedTwice(this.model.spec().name(), model.spec().name()));
    }
    this.model = model;
  }

  /** The model given to {@link #that}, or null. */
  GradientModel model() {
    return model;
  }
}
