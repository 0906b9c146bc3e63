package io.netspec.dsl.spec;

/** The non-linearity after a convolution or linear layer. */
public enum Activation {
  RELU,
  NONE;

  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
