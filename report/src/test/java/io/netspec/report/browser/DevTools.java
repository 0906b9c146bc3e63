package io.netspec.report.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A minimal Chrome DevTools Protocol client over the JDK's WebSocket: commands (optionally to a page session,
 * in flat session mode) answered by id, and every event kept for the test to inspect.
 */
final class DevTools implements AutoCloseable {

  private static final long REPLY_SECONDS = 30;

  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Map<Integer, CompletableFuture<JsonObject>> replies = new ConcurrentHashMap<>();
  private final List<JsonObject> events = new CopyOnWriteArrayList<>();
  private final List<Expectation> expectations = new CopyOnWriteArrayList<>();
  private WebSocket socket;

  private DevTools() {}

  static DevTools connect(URI endpoint) throws IOException {
    DevTools devTools = new DevTools();
    try {
      devTools.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
          .buildAsync(endpoint, devTools.new Listener()).get(REPLY_SECONDS, TimeUnit.SECONDS);
      return devTools;
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("could not connect to " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Sends a command and returns its result; a protocol error is an IOException. */
  JsonObject send(String sessionId, String method, JsonObject params) throws IOException {
    int id = nextId.getAndIncrement();
    JsonObject message = new JsonObject();
    message.addProperty("id", id);
    message.addProperty("method", method);
    message.add("params", params);
    if (sessionId != null) {
      message.addProperty("sessionId", sessionId);
    }
    CompletableFuture<JsonObject> reply = new CompletableFuture<>();
    replies.put(id, reply);
    socket.sendText(message.toString(), true);
    JsonObject answer = await(reply, method);
    if (answer.has("error")) {
      throw new IOException(method + " failed: " + answer.get("error"));
    }
    return answer.has("result") ? answer.getAsJsonObject("result") : new JsonObject();
  }

  /** A future completed by the first event, from now on, that {@code match} accepts. */
  CompletableFuture<JsonObject> expect(Predicate<JsonObject> match) {
    Expectation expectation = new Expectation(match, new CompletableFuture<>());
    expectations.add(expectation);
    return expectation.event();
  }

  /** Waits for a future of this client. */
  JsonObject await(CompletableFuture<JsonObject> future, String what) throws IOException {
    try {
      return future.get(REPLY_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("no answer to " + what + " within " + REPLY_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Every event received so far. */
  List<JsonObject> events() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  private void dispatch(String text) {
    JsonObject message = JsonParser.parseString(text).getAsJsonObject();
    JsonElement id = message.get("id");
    if (id != null) {
      CompletableFuture<JsonObject> reply = replies.remove(id.getAsInt());
      if (reply != null) {
        reply.complete(message);
      }
      return;
    }
    events.add(message);
    for (Expectation expectation : expectations) {
      if (!expectation.event().isDone() && expectation.match().test(message)) {
        expectation.event().complete(message);
      }
    }
  }

  private record Expectation(Predicate<JsonObject> match, CompletableFuture<JsonObject> event) {}

  /** Joins the fragments of each message (screenshots arrive in many) and dispatches it. */
  private final class Listener implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        dispatch(text);
      }
      webSocket.request(1);
      return null;
    }
  }
}
