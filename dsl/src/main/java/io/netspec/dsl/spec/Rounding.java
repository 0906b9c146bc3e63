package io.netspec.dsl.spec;

/** How a pooling layer rounds its output size: Caffe and torchvision round up, DJL's default is down. */
public enum Rounding {
  FLOOR,
  CEIL;

  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
