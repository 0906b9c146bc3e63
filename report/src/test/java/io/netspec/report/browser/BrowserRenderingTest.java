package io.netspec.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import io.netspec.dsl.analysis.AuxFigures;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.report.DiagramFormat;
import io.netspec.report.DiagramWriter;
import io.netspec.report.ReportWriter;
import io.netspec.report.RunFolders;
import io.netspec.report.ShippedSpecs;
import io.netspec.report.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the diagram and report pages of specs/googlenet.yaml in headless Chromium (Debian's {@code chromium}),
 * driven over the DevTools protocol: every layer must be in the page's DOM, the Inception modules must collapse
 * and expand, and the page must load with no console error. Skipped, with the reason, where chromium is
 * not installed.
 *
 * <p>The screenshots go to {@code target/}. To refresh the README's picture, run
 * {@code mvn -pl report test -Dtest=BrowserRenderingTest -Dnetspec.diagram.screenshot=../docs/googlenet-diagram.png
 * -Dnetspec.report.screenshot=../docs/googlenet-report.png} (the paths are relative to the report module).
 */
class BrowserRenderingTest {

  /** The system property naming where to copy the diagram's screenshot. */
  static final String SCREENSHOT_PROPERTY = "netspec.diagram.screenshot";

  /** The system property naming where to copy the report's screenshot. */
  static final String REPORT_SCREENSHOT_PROPERTY = "netspec.report.screenshot";

  private static final int WIDTH = 1100;

  private static NetworkAnalysis googlenet;
  private static HeadlessChromium chromium;
  private static DevTools devTools;

  @TempDir
  static Path temp;

  /** Why the tests cannot run here, or null. */
  private static String missing;

  @BeforeAll
  static void startChromium() throws IOException {
    // no assumption here: one failing in @BeforeAll makes Surefire report zero tests instead of skipped ones
    Optional<Path> executable = HeadlessChromium.find();
    if (executable.isEmpty()) {
      missing = "chromium is not installed (apt-get install -y " + HeadlessChromium.DEBIAN_PACKAGE
          + "); skipping the browser rendering test";
      return;
    }
    googlenet = ShippedSpecs.analyze("googlenet.yaml");
    chromium = HeadlessChromium.start(executable.get());
    devTools = DevTools.connect(chromium.endpoint());
  }

  @BeforeEach
  void needsChromium() {
    assumeTrue(missing == null, missing);
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (devTools != null) {
      devTools.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theDiagramPageShowsEveryLayerAndCollapsesModules() throws IOException {
    Path page = temp.resolve("googlenet.html");
    new DiagramWriter().write(googlenet, page);
    assertEquals(Optional.of(DiagramFormat.HTML), DiagramFormat.of(page));
    BrowserTab tab = BrowserTab.open(devTools);
    tab.resize(WIDTH, 900);
    tab.load(page);

    assertEquals(expectedLayers(), layersInDom(tab));
    String hidden = "Array.from(document.querySelectorAll('.member-inception_4a'))"
        + ".every(e => getComputedStyle(e).display === 'none')";
    assertFalse(tab.evaluate(hidden).getAsBoolean(), "modules start expanded");
    tab.evaluate("document.querySelector('button[data-action=\"collapse-all\"]').click()");
    assertTrue(tab.evaluate(hidden).getAsBoolean(), "collapse all hides the branches");
    assertEquals(9, tab.evaluate("document.querySelectorAll('g.bypass-group:not([style*=\"none\"])').length")
        .getAsInt(), "a line through every collapsed module");
    assertTrue(tab.evaluate("getComputedStyle(document.querySelector('[data-layer=\"inception_4a\"]')).display"
        + " !== 'none'").getAsBoolean(), "the concatenation stays");
    AtomicFiles.writeBytes(Path.of("target", "googlenet-diagram-collapsed.png"), tab.screenshot(WIDTH));
    tab.evaluate("document.querySelector('g.module[data-module=\"inception_4a\"]')"
        + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
    assertFalse(tab.evaluate(hidden).getAsBoolean(), "a click on the module's box expands it again");
    tab.evaluate("document.querySelector('button[data-action=\"expand-all\"]').click()");

    // search by row name: the matches are marked, the others dimmed, the first one's details shown
    tab.evaluate("(() => { const i = document.getElementById('layer-search'); i.value = 'inception_4';"
        + " i.dispatchEvent(new Event('input')); })()");
    assertEquals(5, tab.evaluate("document.querySelectorAll('g.layer.match').length").getAsInt(), "4a to 4e");
    assertEquals("5 rows", tab.evaluate("document.getElementById('layer-matches').textContent").getAsString());
    assertTrue(tab.evaluate("document.getElementById('layer-details').textContent").getAsString()
        .contains("inception_4a"));
    // a click on a row shows its row, shapes and parameter counts
    tab.evaluate("document.querySelector('g.layer[data-layer=\"conv1\"]')"
        + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
    String details = tab.evaluate("document.getElementById('layer-details').textContent").getAsString();
    assertTrue(details.contains("conv1") && details.contains("convolution 7x7/2") && details.contains("224x224x3")
        && details.contains("112x112x64") && details.contains("9,408"), details);
    // zoom: the wheel and the buttons change the visible part of the drawing
    String before = tab.evaluate("document.querySelector('#diagram svg').getAttribute('viewBox')").getAsString();
    tab.evaluate("document.querySelector('button[data-action=\"zoom-in\"]').click()");
    String after = tab.evaluate("document.querySelector('#diagram svg').getAttribute('viewBox')").getAsString();
    assertTrue(Double.parseDouble(after.split(" ")[2]) < Double.parseDouble(before.split(" ")[2]),
        before + " -> " + after);
    // the picture for the README: zoomed in on a search for inception_4a, its details shown
    tab.evaluate("document.querySelector('button[data-action=\"fit\"]').click();"
        + " document.querySelector('button[data-action=\"zoom-in\"]').click();"
        + " document.querySelector('button[data-action=\"zoom-in\"]').click();"
        + " (() => { const i = document.getElementById('layer-search'); i.value = 'inception_4a';"
        + " i.dispatchEvent(new Event('input')); })()");

    assertEquals(List.of(), tab.errors(), "console errors");
    keepScreenshot(tab.screenshot(WIDTH), "googlenet-diagram.png", SCREENSHOT_PROPERTY);
  }

  @Test
  void theReportPageShowsEveryLayerTheTableAndTheRun() throws IOException {
    Path run = RunFolders.write(temp.resolve("runs"));
    Path page = new ReportWriter().write(googlenet, Optional.of(run), temp.resolve("report"));
    BrowserTab tab = BrowserTab.open(devTools);
    tab.resize(WIDTH, 900);
    tab.load(page);

    assertEquals(expectedLayers(), layersInDom(tab));
    assertEquals(googlenet.rows().size(), tab.evaluate("document.querySelectorAll('table.table1')[0]"
        + ".querySelectorAll('tbody tr').length").getAsInt());
    assertEquals(3, tab.evaluate("document.querySelectorAll('svg.chart').length").getAsInt());
    assertEquals(3 * 4, tab.evaluate("document.querySelectorAll('table.confusion td').length").getAsInt());
    assertEquals(List.of(), tab.errors(), "console errors");
    keepScreenshot(tab.screenshot(WIDTH), "googlenet-report.png", REPORT_SCREENSHOT_PROPERTY);
  }

  @Test
  void consoleErrorsAreCaught() throws IOException {
    Path page = temp.resolve("broken.html");
    Files.writeString(page, "<!DOCTYPE html><title>broken</title><script>console.error('boom');"
        + "undefinedFunction();</script>");
    BrowserTab tab = BrowserTab.open(devTools);
    tab.load(page);
    List<String> errors = tab.errors();
    assertEquals(2, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("boom"), errors.toString());
  }

  /** Every row of the main path and of the auxiliary classifiers, as the diagram names them, sorted. */
  private static List<String> expectedLayers() {
    List<String> names = new ArrayList<>();
    googlenet.rows().forEach(row -> names.add(row.layer().name()));
    for (AuxFigures aux : googlenet.auxClassifiers()) {
      aux.rows().forEach(row -> names.add(aux.classifier().name() + "." + row.layer().name()));
    }
    assertEquals(21 + 2 * 6, names.size(), "googlenet.yaml's rows");
    return names.stream().sorted().toList();
  }

  /** The {@code data-layer} of every element of the page's diagram, sorted. */
  private static List<String> layersInDom(BrowserTab tab) throws IOException {
    List<String> names = new ArrayList<>();
    JsonElement found = tab.evaluate(
        "Array.from(document.querySelectorAll('svg [data-layer]')).map(e => e.getAttribute('data-layer'))");
    found.getAsJsonArray().forEach(name -> names.add(name.getAsString()));
    return names.stream().sorted().toList();
  }

  /** Checks a screenshot and writes it to {@code target/name} and where the system property says, if set. */
  private static void keepScreenshot(byte[] png, String name, String property) throws IOException {
    assertPng(png);
    AtomicFiles.writeBytes(Path.of("target", name), png);
    String copy = System.getProperty(property, "");
    if (!copy.isBlank()) {
      AtomicFiles.writeBytes(Path.of(copy), png);
    }
  }

  private static void assertPng(byte[] png) {
    assertTrue(png.length > 10_000, "a screenshot of " + png.length + " bytes");
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
  }
}
