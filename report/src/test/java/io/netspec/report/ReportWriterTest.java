package io.netspec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.analysis.RowFigures;
import io.netspec.report.run.ConfusionMatrix;
import io.netspec.report.run.RunMismatchException;
import io.netspec.report.run.RunSpecCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page of specs/googlenet.yaml with a small run folder. */
class ReportWriterTest {

  /** Any attribute that would make the browser fetch something: the page must need nothing but itself. */
  private static final Pattern EXTERNAL_REFERENCE =
      Pattern.compile("(?i)(\\bsrc\\s*=|<link\\b|@import|url\\((?!#)|href\\s*=\\s*\"(?!#))");

  private static final ReportWriter WRITER = new ReportWriter();
  private static final NetworkAnalysis GOOGLENET = ShippedSpecs.analyze("googlenet.yaml");

  @TempDir
  Path temp;

  @Test
  void writesOneSelfContainedPage() throws IOException {
    Path out = temp.resolve("out");
    Path page = WRITER.write(GOOGLENET, Optional.of(RunFolders.write(temp)), out);
    assertEquals(out.resolve(ReportWriter.PAGE_NAME), page);
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(page), files.toList(), "one page and no temporary file left behind");
    }
    String html = Files.readString(page);
    assertFalse(EXTERNAL_REFERENCE.matcher(html).find(), () -> "external reference: "
        + EXTERNAL_REFERENCE.matcher(html).results().map(m -> m.group()).toList());
    for (RowFigures row : GOOGLENET.rows()) {
      assertTrue(html.contains("data-layer=\"" + row.layer().name() + "\""), row.layer().name());
      assertTrue(html.contains("<tr data-row=\"" + row.layer().name() + "\">"), row.layer().name());
    }
    assertTrue(html.contains("data-row=\"aux1.fc1\""));
  }

  @Test
  void showsThePapersFiguresBesideTheComputedOnes() throws IOException {
    String html = WRITER.render(GOOGLENET, Optional.empty());
    // conv1: the paper prints 2.7K and 34M, the arithmetic gives 9.2K and 118.0M (the reference says so)
    assertTrue(html.contains("<td class=\"number\">9.2K</td><td class=\"number paper differs\">2.7K</td>"), html);
    assertTrue(html.contains("<td class=\"number\">159.5K</td><td class=\"number paper\">159K</td>"));
    assertFalse(html.contains("training-section"), "no run, no training section");
  }

  @Test
  void drawsTheRunsCurvesAndConfusionMatrix() throws IOException {
    String html = WRITER.render(GOOGLENET, Optional.of(RunFolders.write(temp)));
    // every curve of metrics.jsonl, by its legend name (CurveStyle), as SVG text
    for (String legend : List.of("loss", "main_loss", "val_loss", "aux1", "aux2", "train_accuracy", "val_accuracy",
        "lr")) {
      assertTrue(html.contains(">" + legend + "</text>"), legend);
    }
    assertEquals(3, html.split("<svg class=\"chart\"", -1).length - 1, "three charts");
    assertTrue(html.contains("<th scope=\"row\">T-shirt/top</th>"));
    assertTrue(html.contains("300 held-out images, accuracy 94.00%"), html);
  }

  @Test
  void namesWhatARunFolderLacks() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("train-2"));
    String html = WRITER.render(GOOGLENET, Optional.of(empty));
    assertTrue(html.contains("The run folder has no metrics.jsonl."));
    assertTrue(html.contains("The run folder has no confusion.json or confusion.csv."));
    Files.writeString(empty.resolve(ConfusionMatrix.JSON_FILE), "{\"matrix\": [[1, 2]]}");
    assertTrue(WRITER.render(GOOGLENET, Optional.of(empty)).contains("Could not read the confusion matrix"));
  }

  @Test
  void aRunOfAnotherSpecIsRefusedUnlessForced() throws IOException {
    Path run = RunFolders.write(temp);
    Files.writeString(run.resolve(RunSpecCheck.FILE), "{\"spec_file\": \"googlenet-fashion.yaml\", "
        + "\"spec_sha256\": \"f7c1fad2afd8a331a90d762b16834faf45928b851086a73c195d3246d365edfb\", \"classes\": 10}");
    Path out = temp.resolve("out");
    RunMismatchException e = assertThrows(RunMismatchException.class,
        () -> WRITER.write(GOOGLENET, Optional.of(run), out));
    assertEquals(1, e.getMessage().lines().count());
    assertTrue(e.getMessage().contains("googlenet-fashion.yaml") && e.getMessage().contains("googlenet.yaml")
        && e.getMessage().contains("--force"), e.getMessage());
    assertFalse(Files.exists(out.resolve(ReportWriter.PAGE_NAME)), "nothing written");
    String forced = WRITER.render(GOOGLENET, Optional.of(run), true);
    assertTrue(forced.contains("Combined with --force"), "the page says so");
  }

  @Test
  void aRunOfTheSameSpecButAnotherClassCountIsRefused() throws IOException {
    Path run = RunFolders.write(temp);
    Files.writeString(run.resolve(RunSpecCheck.FILE), "{\"spec_sha256\": \"" + GOOGLENET.spec().sha256()
        + "\", \"classes\": 5}");
    RunMismatchException e = assertThrows(RunMismatchException.class,
        () -> WRITER.render(GOOGLENET, Optional.of(run)));
    assertTrue(e.getMessage().contains("5 classes") && e.getMessage().contains("1000"), e.getMessage());
    Files.writeString(run.resolve(RunSpecCheck.FILE), "{\"spec_sha256\": \"" + GOOGLENET.spec().sha256()
        + "\", \"classes\": 1000}");
    assertFalse(WRITER.render(GOOGLENET, Optional.of(run)).contains("is not checked"), "a matching run");
  }

  @Test
  void aMissingRunFolderIsAnError() {
    assertThrows(NoSuchFileException.class, () -> WRITER.write(GOOGLENET, Optional.of(temp.resolve("nope")), temp));
  }

  @Test
  void theSameInputsGiveTheSamePage() throws IOException {
    Path run = RunFolders.write(temp);
    assertEquals(WRITER.render(GOOGLENET, Optional.of(run)), WRITER.render(GOOGLENET, Optional.of(run)));
  }
}
