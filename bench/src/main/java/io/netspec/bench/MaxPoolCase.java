package io.netspec.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.netspec.blocks.MaxPool;
import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.dsl.spec.AdaptiveAvgPool;
import io.netspec.dsl.spec.Convolution;
import io.netspec.dsl.spec.Dropout;
import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.Inception;
import io.netspec.dsl.spec.LayerVisitor;
import io.netspec.dsl.spec.Linear;
import io.netspec.dsl.spec.LocalResponseNorm;
import io.netspec.dsl.spec.Pool;
import io.netspec.dsl.spec.PoolKind;
import io.netspec.dsl.spec.Rounding;
import io.netspec.dsl.spec.Softmax;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fix the inference profile led to, measured on its own: every max pool of a spec's inference forward
 * (its {@code max_pool} rows and each Inception module's 3x3/1 pool branch, at the shapes the analysis gives),
 * run by the engine ({@code Pool.maxPool2d}, what DJL's pool block calls) and by the blocks library's
 * {@code MaxPool.maxPool} in inference mode (maxima of shifted views), alternately, without gradients.
 * Checks that both give the same values, then prints one JSON line: per pool, the median milliseconds of each.
 * Usage: {@code MaxPoolCase SPEC_FILE BATCH REPETITIONS}
 */
public final class MaxPoolCase {

  private MaxPoolCase() {}

  /** One max pool of the forward pass. */
  private record PoolAt(String row, long[] input, long window, long stride, long padding, boolean ceil) {}

  public static void main(String[] args) throws Exception {
    NetworkAnalysis analysis = Analyzer.analyze(SpecLoader.load(Path.of(args[0])));
    int batch = Integer.parseInt(args[1]);
    int repetitions = Integer.parseInt(args[2]);
    StringBuilder json = new StringBuilder();
    double engineTotal = 0;
    double shiftedTotal = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      JniUtils.setGradMode(false);
      for (PoolAt pool : pools(analysis, batch)) {
        NDArray x = manager.randomNormal(new Shape(pool.input()));
        Shape window = new Shape(pool.window(), pool.window());
        Shape stride = new Shape(pool.stride(), pool.stride());
        Shape padding = new Shape(pool.padding(), pool.padding());
        List<Double> engine = new ArrayList<>();
        List<Double> shifted = new ArrayList<>();
        for (int i = 0; i < repetitions + 1; i++) {
          try (NDManager step = manager.newSubManager()) {
            x.tempAttach(step);
            long t0 = System.nanoTime();
            NDArray a = ai.djl.nn.pooling.Pool.maxPool2d(x, window, stride, padding, pool.ceil());
            long t1 = System.nanoTime();
            NDArray b = MaxPool.maxPool(x, window, stride, padding, pool.ceil(), false);
            long t2 = System.nanoTime();
            if (!a.contentEquals(b)) {
              throw new AssertionError("different values at " + pool.row());
            }
            if (i > 0) { // the first is a warm-up
              engine.add((t1 - t0) / 1e6);
              shifted.add((t2 - t1) / 1e6);
            }
          }
        }
        double e = median(engine);
        double s = median(shifted);
        engineTotal += e;
        shiftedTotal += s;
        json.append(json.length() == 0 ? "" : ",").append(String.format(Locale.ROOT,
            "{\"row\":\"%s\",\"input\":\"%s\",\"pool\":\"%dx%d/%d pad %d%s\",\"engine_ms\":%.3f,\"shifted_ms\":%.3f}",
            pool.row(), new Shape(pool.input()), pool.window(), pool.window(), pool.stride(), pool.padding(),
            pool.ceil() ? " ceil" : "", e, s));
      }
    }
    System.out.printf(Locale.ROOT, "{\"spec\":\"%s\",\"batch\":%d,\"repetitions\":%d,\"pools\":[%s],"
        + "\"engine_total_ms\":%.3f,\"shifted_total_ms\":%.3f,\"threads\":%d}%n", Path.of(args[0]).getFileName(), batch,
        repetitions, json, engineTotal, shiftedTotal, JniUtils.getNumThreads());
  }

  private static List<PoolAt> pools(NetworkAnalysis analysis, int batch) {
    List<PoolAt> pools = new ArrayList<>();
    for (RowFigures row : analysis.rows()) {
      long[] input = {batch, row.input().channels(), row.input().height(), row.input().width()};
      row.layer().accept(new LayerVisitor<Optional<PoolAt>>() {
        @Override
        public Optional<PoolAt> visitPool(Pool pool) {
          return pool.kind() == PoolKind.MAX
              ? Optional.of(new PoolAt(pool.name(), input, pool.patch().height(), pool.patch().stride(),
                  pool.padding(), pool.rounding() == Rounding.CEIL))
              : Optional.empty();
        }

        @Override
        public Optional<PoolAt> visitInception(Inception inception) {
          return Optional.of(new PoolAt(inception.name() + " pool branch", input, 3, 1, 1, false));
        }

        @Override
        public Optional<PoolAt> visitConvolution(Convolution row) {
          return Optional.empty();
        }

        @Override
        public Optional<PoolAt> visitGlobalAvgPool(GlobalAvgPool row) {
          return Optional.empty();
        }

        @Override
        public Optional<PoolAt> visitAdaptiveAvgPool(AdaptiveAvgPool row) {
          return Optional.empty();
        }

        @Override
        public Optional<PoolAt> visitLocalResponseNorm(LocalResponseNorm row) {
          return Optional.empty();
        }

        @Override
        public Optional<PoolAt> visitDropout(Dropout row) {
          return Optional.empty();
        }

        @Override
        public Optional<PoolAt> visitLinear(Linear row) {
          return Optional.empty();
        }

        @Override
        public Optional<PoolAt> visitSoftmax(Softmax row) {
          return Optional.empty();
        }
      }).ifPresent(pools::add);
    }
    return pools;
  }

  /** The median of {@code values} (the mean of the middle two for an even count). */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
