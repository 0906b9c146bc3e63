package io.netspec.generator;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.load.SpecLoader;
import io.netspec.interpreter.InterpretedNetwork;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the fuzz test checks of one spec file: that it loads and passes the analysis; that its generated sources
 * compile with {@code -Xlint:all} without a warning; that the generated network has the parameter count and
 * computes the shapes the analysis inferred (every main-path row, the logits and the auxiliary classifiers'
 * logits); and that the interpreted network is the same network ({@link NetworkAgreement}: the same parameter
 * names and shapes, the same outputs), so that it has them too.
 */
final class FuzzProperty {

  private static final int BATCH = 2; // batch normalisation in training needs more than one value per channel
  private static final int SEED = 11;

  private FuzzProperty() {}

  /**
   * Why a spec failed the property.
   *
   * @param stage what was being checked
   * @param cause what went wrong
   */
  record Failure(String stage, Throwable cause) {

    /** What two failures share when they are the same failure: the stage and the kind of error. */
    String signature() {
      return stage + ": " + cause.getClass().getName();
    }

    @Override
    public String toString() {
      return "failed to " + stage + ": " + cause;
    }
  }

  /** Checks the spec; empty when it passes. */
  static Optional<Failure> check(Path file) {
    String stage = "load and analyse the spec";
    try {
      NetworkAnalysis analysis = Analyzer.analyze(SpecLoader.load(file));
      // (the interpreted network runs as analysed because it is the same network)
      stage = "generate and compile the sources";
      GeneratedNetworks generated = GeneratedNetworks.compile(analysis);
      Engine.getInstance().setRandomSeed(SEED);
      try (NDManager manager = NDManager.newBaseManager()) {
        stage = "run the generated network as analysed";
        AnalysisChecks.assertRunsAsAnalysed(analysis, generated.build(), manager, BATCH);
        stage = "find the interpreted network the same as the generated one";
        NetworkAgreement.assertSameNetwork(generated.build(), interpreted(analysis), manager,
            AnalysisChecks.inputShape(analysis, BATCH));
      }
      return Optional.empty();
    } catch (Exception | AssertionError e) {
      return Optional.of(new Failure(stage, e));
    }
  }

  private static InterpretedNetwork interpreted(NetworkAnalysis analysis) {
    return InterpretedNetwork.builder(analysis.spec()).build();
  }
}
