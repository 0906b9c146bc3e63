package io.netspec.report.dot;

import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.LayerVisitor;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.Softmax;
import java.util.Optional;

/** The four branches of an Inception module, in the table's column order. */
public enum InceptionBranch {
  /** The 1x1 convolution, {@code #1x1} filters. */
  ONE_BY_ONE("1x1"),
  /** A 1x1 reduction ({@code #3x3 reduce}), then a 3x3 convolution ({@code #3x3}). */
  THREE_BY_THREE("3x3"),
  /** A 1x1 reduction ({@code #5x5 reduce}), then the "5x5" convolution ({@code #5x5}; 3x3 in torchvision). */
  FIVE_BY_FIVE("5x5"),
  /** A 3x3/1 max pool, then a 1x1 projection ({@code pool proj}). */
  POOL_PROJECTION("pool_proj");

  private final String key;

  InceptionBranch(String key) {
    this.key = key;
  }

  /**
   * The module whose branches a row is drawn with, in the diagram and the laid-out SVG: an Inception row's own;
   * empty for every other kind of row, drawn as one box.
   */
  public static Optional<Inception> drawnWithBranches(Layer layer) {
    return layer.accept(new LayerVisitor<>() {
      @Override
      public Optional<Inception> visitConvolution(Convolution row) {
        return Optional.empty();
      }

      @Override
      public Optional<Inception> visitPool(Pool row) {
        return Optional.empty();
      }

      @Override
      public Optional<Inception> visitGlobalAvgPool(GlobalAvgPool row) {
        return Optional.empty();
      }

      @Override
      public Optional<Inception> visitAdaptiveAvgPool(AdaptiveAvgPool row) {
        return Optional.empty();
      }

      @Override
      public Optional<Inception> visitLocalResponseNorm(LocalResponseNorm row) {
        return Optional.empty();
      }

      @Override
      public Optional<Inception> visitInception(Inception row) {
        return Optional.of(row);
      }

      @Override
      public Optional<Inception> visitDropout(Dropout row) {
        return Optional.empty();
      }

      @Override
      public Optional<Inception> visitLinear(Linear row) {
        return Optional.empty();
      }

      @Override
      public Optional<Inception> visitSoftmax(Softmax row) {
        return Optional.empty();
      }
    });
  }

  /** The branch's key in node names: {@code 1x1}, {@code 3x3}, {@code 5x5}, {@code pool_proj}. */
  public String key() {
    return key;
  }

  /** The channels the branch contributes to the concatenation. */
  public int outputChannels(Inception module) {
    return switch (this) {
      case ONE_BY_ONE -> module.n1x1();
      case THREE_BY_THREE -> module.n3x3();
      case FIVE_BY_FIVE -> module.n5x5();
      case POOL_PROJECTION -> module.poolProj();
    };
  }

  /** What the branch does, e.g. {@code 1x1 conv 96 → 3x3 conv 128}. */
  public String describe(Inception module) {
    int five = module.fivePatch();
    return switch (this) {
      case ONE_BY_ONE -> "1x1 conv " + module.n1x1();
      case THREE_BY_THREE -> "1x1 conv " + module.n3x3Reduce() + " → 3x3 conv " + module.n3x3();
      case FIVE_BY_FIVE -> "1x1 conv " + module.n5x5Reduce() + " → " + five + "x" + five + " conv " + module.n5x5();
      case POOL_PROJECTION -> "3x3/1 max pool → 1x1 conv " + module.poolProj();
    };
  }
}
