package io.netspec.generator;

/** The fuzz test's random valid specs (FuzzSpecDrawer, package-private) for the PyTorch target's tests. */
public final class FuzzedSpecs {

  private FuzzedSpecs() {}

  /** The YAML text of the spec drawn from {@code seed}: the same seed, the same spec. */
  public static String yaml(long seed) {
    return FuzzSpecDrawer.draw(seed).yaml();
  }
}
