package io.netspec.bench;

import io.netspec.dsl.analysis.Analyzer;
import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.load.SpecLoader;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The multiply-adds of each spec's network per image, as the dsl's analysis counts them (the params/ops of
 * Table 1: a convolution's or linear layer's weights times the output positions they are applied at; pools,
 * normalisation and activations are not counted): one forward through the main path, and the auxiliary
 * classifiers' on top of it (they run in training). Prints one JSON line, by spec file.
 *
 * <p>Usage: {@code NetworkFlops SPEC...}
 */
public final class NetworkFlops {

  private NetworkFlops() {}

  public static void main(String[] args) throws Exception {
    StringBuilder json = new StringBuilder("{");
    for (String file : args) {
      NetworkAnalysis analysis = Analyzer.analyze(SpecLoader.load(Path.of(file)));
      long aux = 0;
      for (AuxFigures classifier : analysis.auxClassifiers()) {
        aux += classifier.rows().stream().mapToLong(RowFigures::ops).sum();
      }
      json.append(json.length() == 1 ? "" : ",").append(String.format(Locale.ROOT,
          "\"%s\":{\"forward_macs\":%d,\"aux_macs\":%d}", file.replace("\\", "/").replace("\"", ""),
          analysis.ops(), aux));
    }
    System.out.println(json.append('}'));
  }
}
