package io.netspec.report.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One page of a {@link HeadlessChromium}, driven over {@link DevTools}: loads a file, collects what the page
 * reports as an error (console errors, uncaught exceptions, browser log errors such as a blocked resource),
 * evaluates expressions and takes full-page screenshots.
 */
final class BrowserTab {

  private final DevTools devTools;
  private final String session;

  private BrowserTab(DevTools devTools, String session) {
    this.devTools = devTools;
    this.session = session;
  }

  /** Opens a blank tab with the Runtime, Log and Page domains enabled. */
  static BrowserTab open(DevTools devTools) throws IOException {
    JsonObject create = new JsonObject();
    create.addProperty("url", "about:blank");
    String target = devTools.send(null, "Target.createTarget", create).get("targetId").getAsString();
    JsonObject attach = new JsonObject();
    attach.addProperty("targetId", target);
    attach.addProperty("flatten", true);
    String session = devTools.send(null, "Target.attachToTarget", attach).get("sessionId").getAsString();
    BrowserTab tab = new BrowserTab(devTools, session);
    for (String domain : List.of("Runtime", "Log", "Page")) {
      devTools.send(session, domain + ".enable", new JsonObject());
    }
    return tab;
  }

  /** Loads a file and waits for its load event. */
  void load(Path file) throws IOException {
    CompletableFuture<JsonObject> loaded = devTools.expect(event -> session.equals(string(event, "sessionId"))
        && "Page.loadEventFired".equals(string(event, "method")));
    JsonObject navigate = new JsonObject();
    navigate.addProperty("url", file.toUri().toString());
    JsonObject result = devTools.send(session, "Page.navigate", navigate);
    if (result.has("errorText")) {
      throw new IOException("could not load " + file + ": " + result.get("errorText"));
    }
    devTools.await(loaded, "the load event of " + file);
  }

  /** The value of a JavaScript expression, which must be JSON-serialisable; a thrown exception fails. */
  JsonElement evaluate(String expression) throws IOException {
    JsonObject params = new JsonObject();
    params.addProperty("expression", expression);
    params.addProperty("returnByValue", true);
    params.addProperty("awaitPromise", true);
    JsonObject result = devTools.send(session, "Runtime.evaluate", params);
    if (result.has("exceptionDetails")) {
      throw new IOException(expression + " threw: " + result.get("exceptionDetails"));
    }
    JsonObject value = result.getAsJsonObject("result");
    return value.has("value") ? value.get("value") : JsonNull.INSTANCE;
  }

  /** Everything the page reported as an error so far, one line each. */
  List<String> errors() {
    List<String> errors = new ArrayList<>();
    for (JsonObject event : devTools.events()) {
      if (!session.equals(string(event, "sessionId"))) {
        continue;
      }
      JsonObject params = event.getAsJsonObject("params");
      switch (string(event, "method")) {
        case "Runtime.consoleAPICalled" -> {
          String type = string(params, "type");
          if (type.equals("error") || type.equals("assert")) {
            errors.add("console." + type + ": " + params.get("args"));
          }
        }
        case "Runtime.exceptionThrown" -> errors.add("exception: " + params.get("exceptionDetails"));
        case "Log.entryAdded" -> {
          JsonObject entry = params.getAsJsonObject("entry");
          if (string(entry, "level").equals("error")) {
            errors.add("log: " + string(entry, "text") + " " + string(entry, "url"));
          }
        }
        default -> { }
      }
    }
    return errors;
  }

  /** A PNG of the whole page at its full height, {@code width} CSS pixels wide. */
  byte[] screenshot(int width) throws IOException {
    JsonObject metrics = devTools.send(session, "Page.getLayoutMetrics", new JsonObject());
    JsonObject content = metrics.getAsJsonObject("cssContentSize");
    double height = Math.ceil(content.get("height").getAsDouble());
    double pageWidth = Math.max(width, Math.ceil(content.get("width").getAsDouble()));
    JsonObject clip = new JsonObject();
    clip.addProperty("x", 0);
    clip.addProperty("y", 0);
    clip.addProperty("width", pageWidth);
    clip.addProperty("height", height);
    clip.addProperty("scale", 1);
    JsonObject params = new JsonObject();
    params.addProperty("format", "png");
    params.addProperty("captureBeyondViewport", true);
    params.add("clip", clip);
    String data = devTools.send(session, "Page.captureScreenshot", params).get("data").getAsString();
    return Base64.getDecoder().decode(data);
  }

  /** Sets the viewport's width, so that the page lays out as in a window that wide. */
  void resize(int width, int height) throws IOException {
    JsonObject params = new JsonObject();
    params.addProperty("width", width);
    params.addProperty("height", height);
    params.addProperty("deviceScaleFactor", 1);
    params.addProperty("mobile", false);
    devTools.send(session, "Emulation.setDeviceMetricsOverride", params);
  }

  private static String string(JsonObject object, String key) {
    JsonElement value = object == null ? null : object.get(key);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
  }
}
