package io.netspec.dsl.summary;

import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.dsl.spec.PrintedFigures;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares computed figures with those the paper prints. The paper's figures are not all exact roundings of
 * the arithmetic (inception (4d) prints 580K for 590.5K), so a printed figure agrees when the computed one
 * rounds to it or lies within {@link #RELATIVE_TOLERANCE} of it; the rows that disagree beyond that are the
 * ones shared/reference/googlenet-table1.md says no reading of the architecture reconciles.
 */
public final class PaperComparison {

  /** How far a computed figure may lie from a printed one and still agree: 2%. */
  public static final double RELATIVE_TOLERANCE = 0.02;

  private static final double PARAMS_BASE = 1024; // the table's K is 1024 weights
  private static final double OPS_BASE = 1000; // its M is 10^6 multiply-adds

  private PaperComparison() {}

  /**
   * Whether a row's computed figures agree with the printed ones: one entry per printed figure, true when it
   * agrees; a figure that does not parse counts as disagreeing.
   */
  public static Verdict compare(RowFigures row, PrintedFigures printed) {
    return new Verdict(
        printed.params().map(text -> agrees(text, PARAMS_BASE, row.weights())),
        printed.ops().map(text -> agrees(text, OPS_BASE, row.ops())));
  }

  /**
   * The rows whose computed figures disagree with the printed ones, by the key of
   * {@link io.netspec.dsl.spec.NetworkSpec#printed()} (a main-path row's name, or {@code aux1.fc1}), sorted.
   */
  public static Set<String> disagreeingRows(NetworkAnalysis analysis) {
    Set<String> rows = new TreeSet<>();
    for (RowFigures row : analysis.rows()) {
      verdict(analysis, row, "").filter(Verdict::disagrees).ifPresent(v -> rows.add(row.layer().name()));
    }
    for (AuxFigures aux : analysis.auxClassifiers()) {
      String prefix = aux.classifier().name() + ".";
      for (RowFigures row : aux.rows()) {
        verdict(analysis, row, prefix).filter(Verdict::disagrees)
            .ifPresent(v -> rows.add(prefix + row.layer().name()));
      }
    }
    return rows;
  }

  /** The verdict for a row, if the spec prints figures for it; {@code prefix} is "" or {@code aux1.}. */
  static Optional<Verdict> verdict(NetworkAnalysis analysis, RowFigures row, String prefix) {
    return Optional.ofNullable(analysis.spec().printed().get(prefix + row.layer().name()))
        .map(printed -> compare(row, printed));
  }

  private static boolean agrees(String printed, double base, long computed) {
    return PrintedFigure.parse(printed, base).filter(f -> f.agrees(computed, RELATIVE_TOLERANCE)).isPresent();
  }

  /**
   * Agreement of one row's figures.
   *
   * @param params whether the params agree, if printed
   * @param ops whether the ops agree, if printed
   */
  public record Verdict(Optional<Boolean> params, Optional<Boolean> ops) {

    /** True when any printed figure disagrees. */
    public boolean disagrees() {
      return params.filter(agrees -> !agrees).isPresent() || ops.filter(agrees -> !agrees).isPresent();
    }
  }
}
