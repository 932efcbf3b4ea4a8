package io.github.gradprop;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Thrown when a {@link GradientProperty} is misconfigured: an attribute out of range, an unknown
 * dimension name, a configuration parameter that does not parse. The message names the attribute
 * and the value given. Also thrown when a check would need more loss calls than {@code
 * maxLossCalls} (or {@link CheckOptions#withMaxLossCalls}) allows, and when a property runs past
 * {@code propertyMillis}; the message says what to narrow or raise.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class PropertyConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the attribute and the value. */
  public PropertyConfigurationException(String message) {
    super(message);
  }
}
