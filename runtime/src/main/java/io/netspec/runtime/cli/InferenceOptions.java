package io.netspec.runtime.cli;

import io.netspec.blocks.Precision;
import io.netspec.dsl.diagnostics.SpecException;
import io.netspec.exchange.WeightsException;
import io.netspec.runtime.eval.TrainedRun;
import io.netspec.runtime.models.ModelException;
import io.netspec.runtime.train.TrainingSettings;
import io.netspec.runtime.weights.WeightsFile;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of {@code eval} and {@code predict} that say which parameters of a run to load and how to run
 * them: {@code --params}, {@code --weights}, {@code --no-fold} and {@code --precision}, mixed into both commands
 * ({@code @Mixin}); {@link #open} loads a run as they say.
 */
final class InferenceOptions {

  @Option(names = "--params", paramLabel = "P", defaultValue = "best",
      description = "best or last: which epoch's parameters (default: ${DEFAULT-VALUE})")
  private EvalCommand.ParameterChoice params;

  @Option(names = "--weights", paramLabel = "FILE",
      description = "a .safetensors file of the run's network (e.g. from `netspec export --format safetensors`) "
          + "to use instead of the run's own parameters")
  private Path weights;

  @Option(names = "--no-fold",
      description = "run batch normalisation as its own step instead of folding it into the convolutions' "
          + "weights (the same results within rounding; folding is faster)")
  private boolean noFold;

  @Option(names = "--precision", paramLabel = "P", defaultValue = "fp32",
      description = "fp32, or bf16: convolutions and matrix products in bfloat16, logits in FP32 "
          + "(default: ${DEFAULT-VALUE})")
  private Precision precision;

  /** {@code --weights}, or null. */
  Path weights() {
    return weights;
  }

  /** {@code --precision}. */
  Precision precision() {
    return precision;
  }

  /** The parameters and, unless FP32, the precision, for a log line: "best.params", "w.safetensors, bf16". */
  String describe() {
    return (weights != null ? weights.toString() : params.fileName() + ".params")
        + (precision == Precision.FP32 ? "" : ", " + TrainingSettings.precisionName(precision));
  }

  /**
   * Opens {@code run} for inference: the parameters {@code --params} names, or those of {@code --weights};
   * BatchNorm folded unless {@code --no-fold}; in {@code --precision}.
   */
  TrainedRun open(Path run) throws IOException, ModelException, SpecException, WeightsException {
    TrainedRun trained = TrainedRun.open(run, params.fileName());
    try {
      if (weights != null) {
        WeightsFile.load(weights, trained.network());
      }
      if (!noFold) {
        trained.foldBatchNorm();
      }
      trained.network().setPrecision(precision);
      return trained;
    } catch (IOException | SpecException | WeightsException | RuntimeException e) {
      trained.close();
      throw e;
    }
  }
}
