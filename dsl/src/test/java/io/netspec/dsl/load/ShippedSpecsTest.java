package io.netspec.dsl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.BatchNorm;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.ConvolutionStyle;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.InputShape;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.dsl.spec.Patch;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.Rounding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three specs of {@code specs/} load, with the values spec-format.md and the specs' own text give.
 * Expected values are read off the YAML files and the format's stated defaults, not off the loader.
 */
class ShippedSpecsTest {

  static final Path SPECS = Path.of("..", "specs");

  static NetworkSpec load(String name) throws Exception {
    return SpecLoader.load(SPECS.resolve(name));
  }

  static <T extends Layer> T layer(NetworkSpec spec, String name, Class<T> type) {
    return type.cast(spec.layer(name).orElseThrow(() -> new AssertionError("no row " + name)));
  }

  /** Hex SHA-256 over the given files' bytes, in order. */
  static String sha256(Path... files) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (Path file : files) {
      digest.update(Files.readAllBytes(file));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @ParameterizedTest
  @ValueSource(strings = {"googlenet.yaml", "googlenet-torchvision.yaml", "googlenet-fashion.yaml"})
  void everyShippedSpecLoads(String name) throws Exception {
    NetworkSpec spec = load(name);
    assertEquals(SPECS.resolve(name).toString(), spec.file());
    assertFalse(spec.layers().isEmpty());
  }

  @Test
  void googlenetIsTable1() throws Exception {
    NetworkSpec spec = load("googlenet.yaml");
    assertEquals("Googlenet", spec.className());
    assertEquals(new InputShape(224, 224, 3), spec.input());
    assertEquals(1000, spec.classes());
    assertEquals(List.of("conv1", "pool1", "norm1", "conv2", "norm2", "pool2", "inception_3a", "inception_3b",
            "pool3", "inception_4a", "inception_4b", "inception_4c", "inception_4d", "inception_4e", "pool4",
            "inception_5a", "inception_5b", "pool5", "dropout", "fc", "softmax"),
        spec.layers().stream().map(Layer::name).toList());
    assertEquals(sha256(SPECS.resolve("googlenet.yaml")), spec.sha256());
    assertTrue(spec.description().startsWith("GoogLeNet as in Table 1"));
  }

  @Test
  void googlenetDefaultsAndRowKeys() throws Exception {
    NetworkSpec spec = load("googlenet.yaml");
    Convolution conv1 = layer(spec, "conv1", Convolution.class);
    assertEquals(new Patch(7, 7, 2), conv1.patch());
    assertEquals(3, conv1.padding()); // (7 - 1) / 2
    assertEquals(64, conv1.filters());
    assertTrue(conv1.reduce().isEmpty());
    assertEquals(ConvolutionStyle.PAPER, conv1.style());
    Convolution conv2 = layer(spec, "conv2", Convolution.class);
    assertEquals(64, conv2.reduce().getAsInt());
    assertEquals(1, conv2.padding()); // (3 - 1) / 2
    assertEquals(Rounding.CEIL, layer(spec, "pool1", Pool.class).rounding()); // defaults.pool
    assertEquals(0, layer(spec, "pool1", Pool.class).padding());
    LocalResponseNorm norm1 = layer(spec, "norm1", LocalResponseNorm.class);
    assertEquals(List.of(5.0, 0.0001, 0.75, 1.0), List.of((double) norm1.size(), norm1.alpha(), norm1.beta(),
        norm1.k()));
    Inception inception4c = layer(spec, "inception_4c", Inception.class);
    assertEquals(List.of(128, 128, 256, 24, 64, 64), List.of(inception4c.n1x1(), inception4c.n3x3Reduce(),
        inception4c.n3x3(), inception4c.n5x5Reduce(), inception4c.n5x5(), inception4c.poolProj()));
    assertEquals(5, inception4c.fivePatch());
    assertEquals(0.4, layer(spec, "dropout", Dropout.class).rate());
    Linear fc = layer(spec, "fc", Linear.class);
    assertEquals(1000, fc.units());
    assertTrue(fc.toClasses());
    assertTrue(fc.bias());
  }

  @Test
  void googlenetPrintedFiguresAreTheTablesTwelve() throws Exception {
    NetworkSpec spec = load("googlenet.yaml");
    assertEquals(Set.of("conv1", "conv2", "inception_3a", "inception_3b", "inception_4a", "inception_4b",
        "inception_4c", "inception_4d", "inception_4e", "inception_5a", "inception_5b", "fc"),
        spec.printed().keySet());
    assertEquals(Optional.of("2.7K"), spec.printed().get("conv1").params());
    assertEquals(Optional.of("34M"), spec.printed().get("conv1").ops());
  }

  /** A row's source is its flow mapping as written in the file (line 16), comment left out. */
  @Test
  void sourceIsTheRowAsWritten() throws Exception {
    NetworkSpec spec = load("googlenet.yaml");
    String line = Files.readAllLines(SPECS.resolve("googlenet.yaml")).get(16 - 1);
    String written = line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1).replaceAll("\\s+", " ");
    Layer conv1 = spec.layer("conv1").orElseThrow();
    assertEquals(written, conv1.source());
    assertEquals(16, conv1.location().line());
    assertEquals(5, conv1.location().column());
  }

  @Test
  void googlenetAuxClassifiersShareOneListThroughAnAlias() throws Exception {
    NetworkSpec spec = load("googlenet.yaml");
    List<AuxClassifier> aux = spec.auxClassifiers();
    assertEquals(List.of("aux1", "aux2"), aux.stream().map(AuxClassifier::name).toList());
    assertEquals(List.of("inception_4a", "inception_4d"), aux.stream().map(AuxClassifier::after).toList());
    assertEquals(0.3, aux.get(1).lossWeight());
    assertEquals(List.of("pool", "conv", "fc1", "dropout", "fc2", "softmax"),
        aux.get(1).layers().stream().map(Layer::name).toList());
    assertEquals(aux.get(0).layers(), aux.get(1).layers());
    assertEquals(1024, ((Linear) aux.get(0).layers().get(2)).units());
  }

  @Test
  void torchvisionVariant() throws Exception {
    NetworkSpec spec = load("googlenet-torchvision.yaml");
    assertEquals("GooglenetTorchvision", spec.className());
    assertTrue(spec.layer("norm1").isEmpty() && spec.layer("norm2").isEmpty());
    // torchvision's module names (TensorNames then gives its state_dict keys), and the paper's softmax row
    assertEquals(List.of("conv1", "maxpool1", "conv2", "conv3", "maxpool2", "inception3a", "inception3b",
        "maxpool3", "inception4a", "inception4b", "inception4c", "inception4d", "inception4e", "maxpool4",
        "inception5a", "inception5b", "avgpool", "dropout", "fc", "softmax"),
        spec.layers().stream().map(Layer::name).toList());
    Pool pool4 = layer(spec, "maxpool4", Pool.class);
    assertEquals(new Patch(2, 2, 2), pool4.patch());
    assertEquals(Rounding.CEIL, pool4.rounding()); // googlenet.yaml's defaults, as torchvision's ceil_mode
    assertEquals(SPECS.resolve("googlenet-torchvision.yaml").toString(), pool4.location().file());
    assertEquals(1, layer(spec, "conv2", Convolution.class).patch().height());
    assertEquals(64, layer(spec, "conv2", Convolution.class).filters());
    assertEquals(192, layer(spec, "conv3", Convolution.class).filters());
    assertEquals(0.2, layer(spec, "dropout", Dropout.class).rate());
    ConvolutionStyle torchvision = new ConvolutionStyle(false, Optional.of(new BatchNorm(0.001)),
        io.netspec.dsl.spec.Activation.RELU);
    assertEquals(torchvision, layer(spec, "conv1", Convolution.class).style());
    Inception inception3a = layer(spec, "inception3a", Inception.class);
    assertEquals(torchvision, inception3a.style());
    assertEquals(3, inception3a.fivePatch());
    assertTrue(spec.printed().isEmpty(), "paper figures are not inherited");
    AuxClassifier aux2 = spec.auxClassifiers().get(1);
    assertEquals(SPECS.resolve("googlenet-torchvision.yaml").toString(), aux2.location().file());
    AdaptiveAvgPool pool = (AdaptiveAvgPool) aux2.layers().get(0);
    assertEquals(List.of(4, 4), List.of(pool.height(), pool.width()));
    assertEquals(sha256(SPECS.resolve("googlenet-torchvision.yaml"), SPECS.resolve("googlenet.yaml")),
        spec.sha256());
    assertTrue(spec.description().startsWith("torchvision's googlenet"));
  }

  @Test
  void fashionVariant() throws Exception {
    NetworkSpec spec = load("googlenet-fashion.yaml");
    assertEquals("GooglenetFashion", spec.className());
    assertEquals(new InputShape(28, 28, 1), spec.input());
    assertEquals(10, spec.classes());
    assertEquals(11, spec.layers().size());
    Convolution conv1 = layer(spec, "conv1", Convolution.class);
    assertEquals(1, conv1.padding());
    assertEquals(new ConvolutionStyle(false, Optional.of(new BatchNorm(0.001)),
        io.netspec.dsl.spec.Activation.RELU), conv1.style());
    assertEquals(Rounding.CEIL, layer(spec, "pool3", Pool.class).rounding()); // googlenet.yaml's defaults
    assertEquals(10, layer(spec, "fc", Linear.class).units());
    assertEquals(1, spec.auxClassifiers().size());
    assertEquals(10, ((Linear) spec.auxClassifiers().get(0).layers().get(4)).units());
    assertEquals(128, ((Linear) spec.auxClassifiers().get(0).layers().get(2)).units());
    assertTrue(spec.printed().isEmpty());
  }
}
