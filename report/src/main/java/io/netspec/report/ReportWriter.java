package io.netspec.report;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.report.chart.ConfusionMatrixTable;
import io.netspec.report.chart.LineChart;
import io.netspec.report.chart.TrainingCharts;
import io.netspec.report.files.AtomicFiles;
import io.netspec.report.html.HtmlDiagram;
import io.netspec.report.html.HtmlPage;
import io.netspec.report.html.HtmlText;
import io.netspec.report.html.SummaryTable;
import io.netspec.report.run.ConfusionMatrix;
import io.netspec.report.run.RunMismatchException;
import io.netspec.report.run.RunSpecCheck;
import io.netspec.report.run.TrainingCurves;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes {@code netspec report}: one self-contained HTML page, {@value #PAGE_NAME}, with the network's diagram,
 * its Table-1 summary (the paper's printed figures beside the computed ones where the spec gives them) and, for
 * a finished run folder, the training curves of its {@code metrics.jsonl} and the confusion matrix of its
 * {@code confusion.json} or {@code confusion.csv} (format in {@link ConfusionMatrix}). A run file that cannot
 * be read is named on the page rather than failing the report.
 */
public final class ReportWriter {

  /** The page's file name in the output folder. */
  public static final String PAGE_NAME = "report.html";

  public ReportWriter() {}

  /**
   * Writes the report page into {@code outDir} (created if needed, the page written atomically).
   *
   * @param runFolder a finished run's folder, whose curves and confusion matrix the page shows
   * @return the page's path
   * @param force combine a run folder trained on another spec (its {@code run.json} names another spec hash
   *     or class count) rather than refuse it
   * @throws NoSuchFileException if {@code runFolder} is given but is not a folder
   * @throws io.netspec.report.run.RunMismatchException if the run was trained on another spec, without
   *     {@code force}
   */
  public Path write(NetworkAnalysis analysis, Optional<Path> runFolder, Path outDir, boolean force)
      throws IOException {
    String html = render(analysis, runFolder, force);
    Path page = outDir.resolve(PAGE_NAME);
    AtomicFiles.writeString(page, html);
    return page;
  }

  /** {@link #write(NetworkAnalysis, Optional, Path, boolean)}, refusing a run trained on another spec. */
  public Path write(NetworkAnalysis analysis, Optional<Path> runFolder, Path outDir) throws IOException {
    return write(analysis, runFolder, outDir, false);
  }

  /** The report page's HTML, refusing a run trained on another spec. */
  public String render(NetworkAnalysis analysis, Optional<Path> runFolder) throws IOException {
    return render(analysis, runFolder, false);
  }

  /** The report page's HTML. */
  public String render(NetworkAnalysis analysis, Optional<Path> runFolder, boolean force) throws IOException {
    if (runFolder.isPresent() && !Files.isDirectory(runFolder.get())) {
      throw new NoSuchFileException(runFolder.get().toString(), null, "no such run folder");
    }
    Optional<String> unchecked = Optional.empty();
    if (runFolder.isPresent()) {
      try {
        unchecked = RunSpecCheck.check(runFolder.get(), analysis.spec());
      } catch (RunMismatchException e) {
        if (!force) {
          throw e;
        }
        unchecked = Optional.of("Combined with --force: " + e.getMessage().replace("; --force combines them anyway",
            "."));
      }
    }
    String title = analysis.spec().className() + " report";
    StringBuilder body = new StringBuilder("<header><h1>").append(HtmlText.escape(title)).append("</h1>\n<p>")
        .append(HtmlDiagram.caption(analysis))
        .append("</p>\n<nav><a href=\"#diagram-section\">Diagram</a> · <a href=\"#summary-section\">Summary</a>")
        .append(runFolder.isPresent() ? " · <a href=\"#training-section\">Training</a>" : "")
        .append("</nav></header>\n<main>\n");
    body.append("<div id=\"diagram-section\"><h2>Diagram</h2>\n")
        .append(HtmlDiagram.section(analysis)).append("</div>\n");
    body.append("<div id=\"summary-section\">\n").append(SummaryTable.section(analysis)).append("</div>\n");
    if (runFolder.isPresent()) {
      body.append(training(runFolder.get(), unchecked));
    }
    body.append("</main>\n");
    return HtmlPage.of(title, body.toString());
  }

  private static String training(Path folder, Optional<String> unchecked) {
    StringBuilder html = new StringBuilder("<section id=\"training-section\" class=\"training\">\n<h2>Training: ")
        .append(HtmlText.escape(String.valueOf(folder.toAbsolutePath().normalize().getFileName())))
        .append("</h2>\n");
    unchecked.ifPresent(note -> html.append(notice(note)));
    html.append(curves(folder.resolve(TrainingCurves.FILE_NAME)));
    html.append("<h3>Confusion matrix</h3>\n");
    try {
      html.append(ConfusionMatrix.read(folder).map(ConfusionMatrixTable::html).orElse(
          notice("The run folder has no " + ConfusionMatrix.JSON_FILE + " or " + ConfusionMatrix.CSV_FILE + ".")));
    } catch (IOException e) {
      html.append(notice("Could not read the confusion matrix: " + e.getMessage()));
    }
    return html.append("</section>\n").toString();
  }

  private static String curves(Path metrics) {
    if (!Files.isRegularFile(metrics)) {
      return notice("The run folder has no " + TrainingCurves.FILE_NAME + ".");
    }
    TrainingCurves curves;
    try {
      curves = TrainingCurves.read(metrics);
    } catch (IOException e) {
      return notice("Could not read " + TrainingCurves.FILE_NAME + ": " + e.getMessage());
    }
    StringBuilder html = new StringBuilder("<p>").append(curves.epochs()).append(" epochs from ")
        .append(TrainingCurves.FILE_NAME).append(".</p>\n<div class=\"charts\">\n");
    chart(html, TrainingCharts.loss(curves), "loss");
    chart(html, TrainingCharts.accuracy(curves), "accuracy");
    chart(html, TrainingCharts.learningRate(curves), "lr");
    html.append("</div>\n");
    if (curves.skippedLines() > 0) {
      html.append(notice(curves.skippedLines() + " line(s) of " + TrainingCurves.FILE_NAME
          + " were not JSON objects and are left out."));
    }
    return html.toString();
  }

  private static void chart(StringBuilder html, LineChart chart, String idPrefix) {
    if (chart.series().stream().anyMatch(series -> !series.points().isEmpty())) {
      html.append(chart.svg(idPrefix)).append('\n');
    }
  }

  private static String notice(String text) {
    return "<p class=\"notice\">" + HtmlText.escape(text) + "</p>\n";
  }
}
