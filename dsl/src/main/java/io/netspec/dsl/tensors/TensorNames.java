package io.netspec.dsl.tensors;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.ConvolutionStyle;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.LayerVisitor;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.Softmax;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

  /**
   * The names of the tensors whose shape follows the class count: the weight and bias of every linear row with
   * {@code units: classes}, of the main path and of the auxiliary classifiers. Fine-tuning on other classes
   * starts these afresh.
   */
  public static Set<String> classScoreNames(NetworkSpec spec) {
    Set<String> names = new LinkedHashSet<>();
    addClassScoreNames("", spec.layers(), names);
    for (AuxClassifier aux : spec.auxClassifiers()) {
      addClassScoreNames(aux.name() + ".", aux.layers(), names);
    }
    return names;
  }

  private static void addClassScoreNames(String prefix, List<Layer> layers, Set<String> names) {
    for (Layer layer : layers) {
      if (layer instanceof Linear linear && linear.toClasses()) {
        names.add(prefix + linear.name() + ".weight");
        if (linear.bias()) {
          names.add(prefix + linear.name() + ".bias");
        }
      }
    }
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
      row.layer().accept(new RowTensors(prefix + row.layer().name() + ".", row));
    }
  }

  /** Adds the tensors of one row, named with {@code name} before each; pools, LRN, dropout, softmax have none. */
  private final class RowTensors implements LayerVisitor<Void> {

    private final String name;
    private final RowFigures row;
    private final long in;

    RowTensors(String name, RowFigures row) {
      this.name = name;
      this.row = row;
      this.in = row.input().channels();
    }

    @Override
    public Void visitConvolution(Convolution c) {
      if (c.reduce().isPresent()) {
        int reduce = c.reduce().getAsInt();
        unit(name + "0.", in, reduce, 1, 1, c.style());
        unit(name + "1.", reduce, c.filters(), c.patch().height(), c.patch().width(), c.style());
      } else {
        unit(name, in, c.filters(), c.patch().height(), c.patch().width(), c.style());
      }
      return null;
    }

    @Override
    public Void visitPool(Pool pool) {
      return null;
    }

    @Override
    public Void visitGlobalAvgPool(GlobalAvgPool pool) {
      return null;
    }

    @Override
    public Void visitAdaptiveAvgPool(AdaptiveAvgPool pool) {
      return null;
    }

    @Override
    public Void visitLocalResponseNorm(LocalResponseNorm lrn) {
      return null;
    }

    @Override
    public Void visitInception(Inception m) {
      inception(name, in, m);
      return null;
    }

    @Override
    public Void visitDropout(Dropout dropout) {
      return null;
    }

    @Override
    public Void visitLinear(Linear l) {
      long features = in * row.input().height() * row.input().width();
      add(name + "weight", TensorType.FLOAT32, l.units(), features);
      if (l.bias()) {
        add(name + "bias", TensorType.FLOAT32, l.units());
      }
      return null;
    }

    @Override
    public Void visitSoftmax(Softmax softmax) {
      return null;
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
