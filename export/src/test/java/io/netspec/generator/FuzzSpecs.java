package io.netspec.generator;

/** The generator tests' fuzzed specs, for the tests of other modules (FuzzSpecDrawer is package-private). */
public final class FuzzSpecs {

  private FuzzSpecs() {}

  /** The spec file text of one seed: the same seed draws the same spec. */
  public static String yaml(long seed) {
    return FuzzSpecDrawer.draw(seed).yaml();
  }
}
