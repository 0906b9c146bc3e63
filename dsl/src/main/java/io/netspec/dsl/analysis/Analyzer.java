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
import io.netspec.dsl.spec.LayerVisitor;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.NetworkSpec;
import io.netspec.dsl.spec.Patch;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.Rounding;
import io.netspec.dsl.spec.Softmax;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * Infers the output shape of every row and counts its parameters and multiply-adds. A row whose output would
 * be empty, or an auxiliary classifier that cannot be attached where the spec says, is a mistake reported
 * here, with the row's location, rather than at training time; so is a row, or a run of rows, whose counts
 * exceed what a {@code long} holds (2^63 - 1), which sizes within the loader's limits can reach.
 */
public final class Analyzer {

  private static final String WEIGHTS = "weights";
  private static final String OPS = "multiply-adds";
  private static final String PARAMS = "trainable parameters";
  private static final String TOO_MANY = " than 2^63 - 1, too many to count; use smaller sizes";

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
      long params = rows.stream().mapToLong(RowFigures::trainableParams).sum(); // counted exactly by analyzeRows
      for (AuxClassifier classifier : spec.auxClassifiers()) {
        java.util.Optional<TensorShape> shape = attachmentShape(classifier, spec.layers(), rows);
        if (shape.isEmpty()) {
          continue;
        }
        AuxFigures figures = new AuxFigures(classifier, shape.get(), analyzeRows(classifier.layers(), shape.get()));
        aux.add(figures);
        try {
          params = sum(PARAMS, params, figures.trainableParams());
        } catch (Uncountable e) {
          diagnostics.add(new Diagnostic(classifier.location(), "with auxiliary classifier '" + classifier.name()
              + "', the network has more " + e.figure + TOO_MANY));
        }
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
      if (layers.get(i).accept(STARTS_HEAD)) {
        return i;
      }
    }
    return layers.size();
  }

  /** Whether a row reduces the map to a vector, starting the head, where auxiliary classifiers cannot attach. */
  private static final LayerVisitor<Boolean> STARTS_HEAD = new LayerVisitor<>() {
    @Override
    public Boolean visitConvolution(Convolution row) {
      return false;
    }

    @Override
    public Boolean visitPool(Pool row) {
      return false;
    }

    @Override
    public Boolean visitGlobalAvgPool(GlobalAvgPool row) {
      return true;
    }

    @Override
    public Boolean visitAdaptiveAvgPool(AdaptiveAvgPool row) {
      return false;
    }

    @Override
    public Boolean visitLocalResponseNorm(LocalResponseNorm row) {
      return false;
    }

    @Override
    public Boolean visitInception(Inception row) {
      return false;
    }

    @Override
    public Boolean visitDropout(Dropout row) {
      return false;
    }

    @Override
    public Boolean visitLinear(Linear row) {
      return true;
    }

    @Override
    public Boolean visitSoftmax(Softmax row) {
      return false;
    }
  };

  /** The figures of each row, and the rows' totals, which {@link NetworkAnalysis} sums, counted exactly. */
  private List<RowFigures> analyzeRows(List<Layer> layers, TensorShape input) {
    List<RowFigures> rows = new ArrayList<>();
    TensorShape shape = input;
    long weights = 0;
    long ops = 0;
    long params = 0;
    for (Layer layer : layers) {
      RowFigures row = analyzeRow(layer, shape);
      if (row == null) {
        break; // the rest would only repeat the mistake
      }
      try {
        weights = sum(WEIGHTS, weights, row.weights());
        ops = sum(OPS, ops, row.ops());
        params = sum(PARAMS, params, row.trainableParams());
      } catch (Uncountable e) {
        fail(layer, "the rows up to '" + layer.name() + "' together have more " + e.figure + TOO_MANY);
        break;
      }
      rows.add(row);
      shape = row.output();
    }
    return rows;
  }

  private RowFigures analyzeRow(Layer layer, TensorShape in) {
    try {
      return figures(layer, in);
    } catch (Uncountable e) {
      return fail(layer, "'" + layer.name() + "' has more " + e.figure + TOO_MANY);
    }
  }

  private RowFigures figures(Layer layer, TensorShape in) {
    return layer.accept(new LayerVisitor<>() {
      @Override
      public RowFigures visitConvolution(Convolution conv) {
        return convolution(conv, in);
      }

      @Override
      public RowFigures visitPool(Pool pool) {
        return pool(pool, in);
      }

      @Override
      public RowFigures visitGlobalAvgPool(GlobalAvgPool row) {
        return shapeOnly(row, in, new TensorShape(in.channels(), 1, 1));
      }

      @Override
      public RowFigures visitAdaptiveAvgPool(AdaptiveAvgPool pool) {
        if (in.height() < pool.height() || in.width() < pool.width()) {
          return fail(pool, "'" + pool.name() + "' pools a " + in.height() + "x" + in.width()
              + " map to " + pool.height() + "x" + pool.width() + "; its input must be at least that large");
        }
        return shapeOnly(pool, in, new TensorShape(in.channels(), pool.height(), pool.width()));
      }

      @Override
      public RowFigures visitLocalResponseNorm(LocalResponseNorm row) {
        return shapeOnly(row, in, in);
      }

      @Override
      public RowFigures visitInception(Inception inception) {
        return inception(inception, in);
      }

      @Override
      public RowFigures visitDropout(Dropout row) {
        return shapeOnly(row, in, in);
      }

      @Override
      public RowFigures visitLinear(Linear linear) {
        long weights = product(WEIGHTS, in.channels(), in.height(), in.width(), linear.units());
        long biases = linear.bias() ? linear.units() : 0;
        return counted(new RowFigures(linear, in, new TensorShape(linear.units(), 1, 1), 1, weights, biases, 0,
            weights));
      }

      @Override
      public RowFigures visitSoftmax(Softmax row) {
        return shapeOnly(row, in, in);
      }
    });
  }

  private RowFigures convolution(Convolution conv, TensorShape in) {
    Patch patch = conv.patch();
    long height = outputSize(in.height(), patch.height(), patch.stride(), conv.padding(), Rounding.FLOOR);
    long width = outputSize(in.width(), patch.width(), patch.stride(), conv.padding(), Rounding.FLOOR);
    if (height <= 0 || width <= 0) {
      return collapse(conv, in, height, width);
    }
    if (Math.max(height, width) > Integer.MAX_VALUE) { // padding grows the map, row after row
      return fail(conv, "'" + conv.name() + "' leaves a " + height + "x" + width + " map, more than 2^31 - 1"
          + " on a side; use less padding");
    }
    long reduceWeights = 0; // of the 1x1 reduction before the main convolution, if there is one
    int channels = in.channels();
    long convolved = conv.filters(); // output channels of every convolution in the row
    if (conv.reduce().isPresent()) {
      int reduce = conv.reduce().getAsInt();
      reduceWeights = (long) channels * reduce;
      convolved += reduce;
      channels = reduce;
    }
    long mainWeights = product(WEIGHTS, patch.height(), patch.width(), channels, conv.filters());
    long weights = sum(WEIGHTS, reduceWeights, mainWeights);
    long ops = sum(OPS, product(OPS, reduceWeights, in.height(), in.width()),
        product(OPS, mainWeights, height, width));
    TensorShape out = new TensorShape(conv.filters(), (int) height, (int) width);
    return counted(new RowFigures(conv, in, out, conv.depth(), weights, biases(conv.style(), convolved),
        normParams(conv.style(), convolved), ops));
  }

  private RowFigures inception(Inception m, TensorShape in) {
    long c = in.channels();
    long five = (long) m.fivePatch() * m.fivePatch();
    long weights = sum(WEIGHTS, c * m.n1x1(), c * m.n3x3Reduce(), product(WEIGHTS, 9, m.n3x3Reduce(), m.n3x3()),
        c * m.n5x5Reduce(), product(WEIGHTS, five, m.n5x5Reduce(), m.n5x5()), c * m.poolProj());
    long convolved = (long) m.n1x1() + m.n3x3Reduce() + m.n3x3() + m.n5x5Reduce() + m.n5x5()
        + m.poolProj();
    TensorShape out = new TensorShape(m.outputChannels(), in.height(), in.width());
    return counted(new RowFigures(m, in, out, 2, weights, biases(m.style(), convolved),
        normParams(m.style(), convolved), product(OPS, weights, in.height(), in.width())));
  }

  private RowFigures pool(Pool pool, TensorShape in) {
    Patch patch = pool.patch();
    if (pool.padding() * 2 > Math.min(patch.height(), patch.width())) {
      return fail(pool, "'" + pool.name() + "' has padding " + pool.padding()
          + "; a pool's padding must be at most half its patch " + patch.height() + "x" + patch.width());
    }
    long height = outputSize(in.height(), patch.height(), patch.stride(), pool.padding(), pool.rounding());
    long width = outputSize(in.width(), patch.width(), patch.stride(), pool.padding(), pool.rounding());
    if (height <= 0 || width <= 0) {
      return collapse(pool, in, height, width);
    }
    // a pool's padding is at most half its patch: its output is no larger than its input
    return shapeOnly(pool, in, new TensorShape(in.channels(), (int) height, (int) width));
  }

  /**
   * The output length of a window sliding over {@code length}, as PyTorch (and so DJL's PyTorch engine)
   * computes it: in ceil mode the last window must still start inside the input or its left padding. In
   * {@code long}, since padding may make the output longer than an {@code int}.
   */
  static long outputSize(int length, int window, int stride, int padding, Rounding rounding) {
    long span = (long) length + 2L * padding - window;
    if (span < 0) {
      return 0;
    }
    long out = (rounding == Rounding.CEIL ? Math.floorDiv(span + stride - 1, stride) : span / stride) + 1;
    if (rounding == Rounding.CEIL && (out - 1) * stride >= (long) length + padding) {
      out--;
    }
    return out;
  }

  private RowFigures collapse(Layer layer, TensorShape in, long height, long width) {
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

  /** {@code row}, once its trainable parameters are known to be countable. */
  private static RowFigures counted(RowFigures row) {
    sum(PARAMS, row.weights(), row.biases(), row.normParams());
    return row;
  }

  /** The product of {@code factors}, counts of {@code figure}. */
  private static long product(String figure, long... factors) {
    return exactly(figure, 1, Math::multiplyExact, factors);
  }

  /** The sum of {@code terms}, counts of {@code figure}. */
  private static long sum(String figure, long... terms) {
    return exactly(figure, 0, Math::addExact, terms);
  }

  /** {@code operation} of {@code start} and each of {@code values} in turn, or {@link Uncountable}. */
  private static long exactly(String figure, long start, LongBinaryOperator operation, long... values) {
    long result = start;
    try {
      for (long value : values) {
        result = operation.applyAsLong(result, value);
      }
    } catch (ArithmeticException e) {
      throw new Uncountable(figure);
    }
    return result;
  }

  /** A count of {@code figure} that a {@code long} cannot hold; caught and reported as a mistake. */
  private static final class Uncountable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String figure;

    Uncountable(String figure) {
      super(figure, null, false, false);
      this.figure = figure;
    }
  }

  private static long biases(ConvolutionStyle style, long convolved) {
    return style.bias() ? convolved : 0;
  }

  private static long normParams(ConvolutionStyle style, long convolved) {
    return style.batchNorm().isPresent() ? 2 * convolved : 0;
  }
}
