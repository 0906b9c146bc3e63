package io.netspec.dsl.tensors;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.ConvolutionStyle;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The names, shapes and types a network's tensors carry outside DJL: in safetensors files, as the attributes of
 * the PyTorch target's modules, as torchvision names them for its {@code googlenet}. Derived from the spec alone,
 * in this order: rows in spec order (the main path, then each auxiliary classifier, its rows prefixed with its
 * name); within a row its convolution units ({@code conv} before {@code bn}) or its linear layer.
 *
 * <ul>
 *   <li>convolution row {@code r}: {@code r.conv.weight} {@code [out, in, kh, kw]}, {@code r.conv.bias} if the
 *       style has a bias, and with batch normalisation {@code r.bn.weight}, {@code r.bn.bias},
 *       {@code r.bn.running_mean}, {@code r.bn.running_var} (each {@code [out]}) and
 *       {@code r.bn.num_batches_tracked} (int64 scalar); with a {@code reduce}, two such units {@code r.0.}
 *       (the 1x1 reduction) and {@code r.1.} (the convolution);
 *   <li>inception row {@code r}: units {@code r.branch1.}, {@code r.branch2.0.}, {@code r.branch2.1.},
 *       {@code r.branch3.0.}, {@code r.branch3.1.}, {@code r.branch4.1.} (after the max pool
 *       {@code branch4.0});
 *   <li>linear row {@code r}: {@code r.weight} {@code [out, in]}, {@code r.bias} {@code [out]};
 *   <li>every other row: none.
 * </ul>
 */
public final class TensorNames {

  private static final String CONV = "conv.";
  private static final String BN = "bn.";

  private final List<NamedTensor> tensors = new ArrayList<>();
  private String owner;
  private boolean auxiliary;

  private TensorNames() {}

  /** The tensors of {@code spec}'s network with the spec's own number of classes. */
  public static List<NamedTensor> of(NetworkSpec spec) throws SpecException {
    return of(spec, spec.classes());
  }

  /**
   * The tensors of {@code spec}'s network built for {@code classes} classes: the linear rows whose units are
   * {@code classes} get that many outputs.
   *
   * @throws SpecException if the spec has mistakes its analysis reports
   */
  public static List<NamedTensor> of(NetworkSpec spec, int classes) throws SpecException {
    return of(Analyzer.analyze(withClasses(spec, classes)));
  }

  /** The tensors of an analysed network. */
  public static List<NamedTensor> of(NetworkAnalysis analysis) {
    TensorNames names = new TensorNames();
    names.rows("", analysis.rows());
    for (AuxFigures aux : analysis.auxClassifiers()) {
      names.rows(aux.classifier().name() + ".", aux.rows());
    }
    return List.copyOf(names.tensors);
  }

  private static NetworkSpec withClasses(NetworkSpec spec, int classes) {
    if (classes == spec.classes()) {
      return spec;
    }
    List<AuxClassifier> aux = spec.auxClassifiers().stream()
        .map(a -> new AuxClassifier(a.name(), a.location(), a.after(), a.lossWeight(), withClasses(a.layers(), classes)))
        .toList();
    return new NetworkSpec(spec.file(), spec.className(), spec.input(), classes, withClasses(spec.layers(), classes),
        aux, spec.printed(), spec.sha256(), spec.description());
  }

  private static List<Layer> withClasses(List<Layer> layers, int classes) {
    return layers.stream()
        .map(layer -> layer instanceof Linear l && l.toClasses()
            ? new Linear(l.name(), l.location(), l.source(), classes, true, l.bias(), l.activation())
            : layer)
        .toList();
  }

  private void rows(String prefix, List<RowFigures> rows) {
    for (RowFigures row : rows) {
      auxiliary = !prefix.isEmpty();
      owner = auxiliary ? prefix.substring(0, prefix.length() - 1) : row.layer().name();
      String name = prefix + row.layer().name() + ".";
      long in = row.input().channels();
      Layer layer = row.layer();
      if (layer instanceof Convolution c && c.reduce().isPresent()) {
        int reduce = c.reduce().getAsInt();
        unit(name + "0.", in, reduce, 1, 1, c.style());
        unit(name + "1.", reduce, c.filters(), c.patch().height(), c.patch().width(), c.style());
      } else if (layer instanceof Convolution c) {
        unit(name, in, c.filters(), c.patch().height(), c.patch().width(), c.style());
      } else if (layer instanceof Inception m) {
        inception(name, in, m);
      } else if (layer instanceof Linear l) {
        long features = in * row.input().height() * row.input().width();
        add(name + "weight", TensorType.FLOAT32, l.units(), features);
        if (l.bias()) {
          add(name + "bias", TensorType.FLOAT32, l.units());
        }
      } // pools, LRN, dropout, softmax: no tensors
    }
  }

  private void inception(String name, long in, Inception m) {
    ConvolutionStyle style = m.style();
    unit(name + "branch1.", in, m.n1x1(), 1, 1, style);
    reducedUnit(name + "branch2.", in, m.n3x3Reduce(), m.n3x3(), 3, style);
    reducedUnit(name + "branch3.", in, m.n5x5Reduce(), m.n5x5(), m.fivePatch(), style);
    unit(name + "branch4.1.", in, m.poolProj(), 1, 1, style);
  }

  /** A branch's 1x1 reduction ({@code .0.}, absent when {@code reduce} is 0) and its convolution ({@code .1.}). */
  private void reducedUnit(String name, long in, int reduce, int filters, int patch, ConvolutionStyle style) {
    if (reduce > 0) {
      unit(name + "0.", in, reduce, 1, 1, style);
    }
    unit(name + "1.", reduce > 0 ? reduce : in, filters, patch, patch, style);
  }

  private void unit(String name, long in, long out, long height, long width, ConvolutionStyle style) {
    add(name + CONV + "weight", TensorType.FLOAT32, out, in, height, width);
    if (style.bias()) {
      add(name + CONV + "bias", TensorType.FLOAT32, out);
    }
    if (style.batchNorm().isPresent()) {
      for (String statistic : List.of("weight", "bias", "running_mean", "running_var")) {
        add(name + BN + statistic, TensorType.FLOAT32, out);
      }
      add(name + BN + "num_batches_tracked", TensorType.INT64);
    }
  }

  private void add(String name, TensorType type, long... shape) {
    List<Long> dimensions = new ArrayList<>();
    for (long dimension : shape) {
      dimensions.add(dimension);
    }
    tensors.add(new NamedTensor(owner, auxiliary, name, dimensions, type));
  }
}
