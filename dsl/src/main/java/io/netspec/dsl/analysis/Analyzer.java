package io.netspec.dsl.analysis;

import io.netspec.dsl.diagnostics.Diagnostic;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.AuxClassifier;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.ConvolutionStyle;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.Layer;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.dsl.spec.Patch;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.Rounding;
import io.netspec.dsl.spec.Softmax;
import java.util.ArrayList;
import java.util.List;

/**
 * Infers the output shape of every row and counts its parameters and multiply-adds. A row whose output would
 * be empty, or an auxiliary classifier that cannot be attached where the spec says, is a mistake reported
 * here, with the row's location, rather than at training time.
 */
public final class Analyzer {

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private Analyzer() {}

  public static NetworkAnalysis analyze(NetworkSpec spec) throws SpecException {
    return new Analyzer().run(spec);
  }

  private NetworkAnalysis run(NetworkSpec spec) throws SpecException {
    TensorShape input =
        new TensorShape(spec.input().channels(), spec.input().height(), spec.input().width());
    List<RowFigures> rows = analyzeRows(spec.layers(), input);
    List<AuxFigures> aux = new ArrayList<>();
    if (diagnostics.isEmpty()) {
      for (AuxClassifier classifier : spec.auxClassifiers()) {
        attachmentShape(classifier, spec.layers(), rows)
            .ifPresent(shape -> aux.add(new AuxFigures(classifier, shape,
                analyzeRows(classifier.layers(), shape))));
      }
    }
    if (!diagnostics.isEmpty()) {
      throw new SpecException(diagnostics);
    }
    return new NetworkAnalysis(spec, input, rows, aux);
  }

  private java.util.Optional<TensorShape> attachmentShape(
      AuxClassifier classifier, List<Layer> layers, List<RowFigures> rows) {
    int head = firstHeadRow(layers);
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).name().equals(classifier.after())) {
        if (i >= head) {
          diagnostics.add(new Diagnostic(classifier.location(), "auxiliary classifier '"
              + classifier.name() + "' is attached to '" + classifier.after()
              + "', which is part of the head; attach it to a row before '" + layers.get(head).name()
              + "'"));
          return java.util.Optional.empty();
        }
        return java.util.Optional.of(rows.get(i).output());
      }
    }
    diagnostics.add(new Diagnostic(classifier.location(), "auxiliary classifier '"
        + classifier.name() + "' is attached to '" + classifier.after()
        + "', but no row of 'layers' has that name"));
    return java.util.Optional.empty();
  }

  /** The index of the first row that reduces the map to a vector: global pooling or a linear layer. */
  private static int firstHeadRow(List<Layer> layers) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof GlobalAvgPool || layers.get(i) instanceof Linear) {
        return i;
      }
    }
    return layers.size();
  }

  private List<RowFigures> analyzeRows(List<Layer> layers, TensorShape input) {
    List<RowFigures> rows = new ArrayList<>();
    TensorShape shape = input;
    for (Layer layer : layers) {
      RowFigures row = analyzeRow(layer, shape);
      if (row == null) {
        break; // the rest would only repeat the mistake
      }
      rows.add(row);
      shape = row.output();
    }
    return rows;
  }

  private RowFigures analyzeRow(Layer layer, TensorShape in) {
    if (layer instanceof Convolution conv) {
      return convolution(conv, in);
    } else if (layer instanceof Pool pool) {
      return pool(pool, in);
    } else if (layer instanceof GlobalAvgPool) {
      return shapeOnly(layer, in, new TensorShape(in.channels(), 1, 1));
    } else if (layer instanceof AdaptiveAvgPool pool) {
      if (in.height() < pool.height() || in.width() < pool.width()) {
        return fail(layer, "'" + layer.name() + "' pools a " + in.height() + "x" + in.width()
            + " map to " + pool.height() + "x" + pool.width() + "; its input must be at least that large");
      }
      return shapeOnly(layer, in, new TensorShape(in.channels(), pool.height(), pool.width()));
    } else if (layer instanceof LocalResponseNorm || layer instanceof Dropout
        || layer instanceof Softmax) {
      return shapeOnly(layer, in, in);
    } else if (layer instanceof Inception inception) {
      return inception(inception, in);
    } else if (layer instanceof Linear linear) {
      long weights = in.size() * linear.units();
      long biases = linear.bias() ? linear.units() : 0;
      return new RowFigures(layer, in, new TensorShape(linear.units(), 1, 1), 1, weights, biases, 0,
          weights);
    }
    throw new IllegalStateException("unhandled layer type " + layer.type());
  }

  private RowFigures convolution(Convolution conv, TensorShape in) {
    Patch patch = conv.patch();
    int height = outputSize(in.height(), patch.height(), patch.stride(), conv.padding(), Rounding.FLOOR);
    int width = outputSize(in.width(), patch.width(), patch.stride(), conv.padding(), Rounding.FLOOR);
    if (height <= 0 || width <= 0) {
      return collapse(conv, in, height, width);
    }
    int channels = in.channels();
    long weights = 0;
    long ops = 0;
    long convolved = 0; // output channels of every convolution in the row
    if (conv.reduce().isPresent()) {
      int reduce = conv.reduce().getAsInt();
      long reduceWeights = (long) channels * reduce;
      weights += reduceWeights;
      ops += reduceWeights * in.height() * in.width();
      convolved += reduce;
      channels = reduce;
    }
    long mainWeights = (long) patch.height() * patch.width() * channels * conv.filters();
    weights += mainWeights;
    ops += mainWeights * height * width;
    convolved += conv.filters();
    return new RowFigures(conv, in, new TensorShape(conv.filters(), height, width), conv.depth(),
        weights, biases(conv.style(), convolved), normParams(conv.style(), convolved), ops);
  }

  private RowFigures inception(Inception m, TensorShape in) {
    long c = in.channels();
    long five = (long) m.fivePatch() * m.fivePatch();
    long weights = c * m.n1x1() + c * m.n3x3Reduce() + 9L * m.n3x3Reduce() * m.n3x3()
        + c * m.n5x5Reduce() + five * m.n5x5Reduce() * m.n5x5() + c * m.poolProj();
    long convolved = (long) m.n1x1() + m.n3x3Reduce() + m.n3x3() + m.n5x5Reduce() + m.n5x5()
        + m.poolProj();
    TensorShape out = new TensorShape(m.outputChannels(), in.height(), in.width());
    return new RowFigures(m, in, out, 2, weights, biases(m.style(), convolved),
        normParams(m.style(), convolved), weights * in.height() * in.width());
  }

  private RowFigures pool(Pool pool, TensorShape in) {
    Patch patch = pool.patch();
    if (pool.padding() * 2 > Math.min(patch.height(), patch.width())) {
      return fail(pool, "'" + pool.name() + "' has padding " + pool.padding()
          + "; a pool's padding must be at most half its patch " + patch.height() + "x" + patch.width());
    }
    int height = outputSize(in.height(), patch.height(), patch.stride(), pool.padding(), pool.rounding());
    int width = outputSize(in.width(), patch.width(), patch.stride(), pool.padding(), pool.rounding());
    if (height <= 0 || width <= 0) {
      return collapse(pool, in, height, width);
    }
    return shapeOnly(pool, in, new TensorShape(in.channels(), height, width));
  }

  /**
   * The output length of a window sliding over {@code length}, as PyTorch (and so DJL's PyTorch engine)
   * computes it: in ceil mode the last window must still start inside the input or its left padding.
   */
  static int outputSize(int length, int window, int stride, int padding, Rounding rounding) {
    int span = length + 2 * padding - window;
    if (span < 0) {
      return 0;
    }
    int out = (rounding == Rounding.CEIL ? Math.floorDiv(span + stride - 1, stride) : span / stride) + 1;
    if (rounding == Rounding.CEIL && (long) (out - 1) * stride >= length + padding) {
      out--;
    }
    return out;
  }

  private RowFigures collapse(Layer layer, TensorShape in, int height, int width) {
    return fail(layer, "'" + layer.name() + "' leaves a " + Math.max(height, 0) + "x" + Math.max(width, 0)
        + " map: its input is only " + in.height() + "x" + in.width()
        + "; use a smaller patch or stride, or a larger input");
  }

  private RowFigures fail(Layer layer, String message) {
    diagnostics.add(new Diagnostic(layer.location(), message));
    return null;
  }

  private static RowFigures shapeOnly(Layer layer, TensorShape in, TensorShape out) {
    return new RowFigures(layer, in, out, 0, 0, 0, 0, 0);
  }

  private static long biases(ConvolutionStyle style, long convolved) {
    return style.bias() ? convolved : 0;
  }

  private static long normParams(ConvolutionStyle style, long convolved) {
    return style.batchNorm().isPresent() ? 2 * convolved : 0;
  }
}
