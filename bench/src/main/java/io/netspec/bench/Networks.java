package io.netspec.bench;

import ai.djl.nn.AbstractBlock;
import io.netspec.bench.models.googlenet96.Googlenet96;
import io.netspec.bench.models.googlenettorchvision96.GooglenetTorchvision96;
import io.netspec.models.googlenet.Googlenet;
import io.netspec.models.googlenetfashion.GooglenetFashion;
import io.netspec.models.googlenettorchvision.GooglenetTorchvision;

/** The four generated networks the benchmark runs: two architectures, each at 224x224 and at 96x96. */
final class Networks {

  private Networks() {}

  /** A built network with the loss weights of its auxiliary classifiers, its input channels and class count. */
  record Built(AbstractBlock block, float[] auxWeights, int channels, int classes) {}

  /**
   * @param model {@code torchvision} (the generated googlenet-torchvision), {@code paper} (googlenet) or
   *     {@code fashion} (googlenet-fashion, 28x28x1, 10 classes; profiled by hand, not in {@code bench/run})
   * @param size 224 (the specs of specs/) or 96 (the variants of bench/specs); 28 for {@code fashion}
   */
  static Built build(String model, int size) {
    switch (model + "@" + size) {
      case "torchvision@224": {
        GooglenetTorchvision net = GooglenetTorchvision.builder().build();
        return new Built(net, net.auxLossWeights(), 3, 1000);
      }
      case "torchvision@96": {
        GooglenetTorchvision96 net = GooglenetTorchvision96.builder().build();
        return new Built(net, net.auxLossWeights(), 3, 1000);
      }
      case "paper@224": {
        Googlenet net = Googlenet.builder().build();
        return new Built(net, net.auxLossWeights(), 3, 1000);
      }
      case "paper@96": {
        Googlenet96 net = Googlenet96.builder().build();
        return new Built(net, net.auxLossWeights(), 3, 1000);
      }
      case "fashion@28": {
        GooglenetFashion net = GooglenetFashion.builder().build();
        return new Built(net, net.auxLossWeights(), 1, 10);
      }
      default:
        throw new IllegalArgumentException("no network " + model + " at " + size + "x" + size);
    }
  }
}
