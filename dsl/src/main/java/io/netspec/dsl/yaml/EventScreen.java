package io.netspec.dsl.yaml;

import io.netspec.dsl.diagnostics.Diagnostic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Looks at a file's parse events before any tree is built, and reports what a spec must not contain, each at
 * its position: explicit tags other than YAML's core ones ({@code !!javax.script.ScriptEngineManager},
 * {@code !local}), more aliases than {@link YamlLimits#MAX_ALIASES}, an alias inside the node it names (a
 * recursive structure), and nesting deeper than {@link YamlLimits#MAX_DEPTH}.
 */
final class EventScreen {

  private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";
  private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "seq", "map");

  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Deque<String> open = new ArrayDeque<>(); // anchors of unfinished collections, "" if none
  private int aliases;

  private EventScreen(String file) {
    this.file = file;
  }

  /** Screens the events; returns the mistakes found (empty when the file may be composed). */
  static List<Diagnostic> screen(String file, Iterable<Event> events) {
    EventScreen screen = new EventScreen(file);
    for (Event event : events) {
      screen.accept(event);
    }
    return List.copyOf(screen.diagnostics);
  }

  private void accept(Event event) {
    if (event instanceof CollectionStartEvent start) {
      checkTag(start.getTag(), event);
      if (open.size() == YamlLimits.MAX_DEPTH) {
        error(event, "lists and mappings nest deeper than " + YamlLimits.MAX_DEPTH + " levels");
      }
      open.push(start.getAnchor() == null ? "" : start.getAnchor());
    } else if (event instanceof CollectionEndEvent) {
      open.pop();
    } else if (event instanceof ScalarEvent scalar) {
      checkTag(scalar.getTag(), event);
    } else if (event instanceof AliasEvent alias) {
      aliases++;
      if (aliases == YamlLimits.MAX_ALIASES + 1) {
        error(event, "more than " + YamlLimits.MAX_ALIASES + " aliases in one spec");
      }
      if (open.contains(alias.getAnchor())) {
        error(event, "alias '*" + alias.getAnchor() + "' is inside the node it names");
      }
    }
  }

  private void checkTag(String tag, Event event) {
    if (tag == null || tag.equals("!")) {
      return;
    }
    if (tag.startsWith(CORE_TAG_PREFIX) && CORE_TAGS.contains(tag.substring(CORE_TAG_PREFIX.length()))) {
      return;
    }
    String shown = tag.startsWith(CORE_TAG_PREFIX) ? "!!" + tag.substring(CORE_TAG_PREFIX.length()) : tag;
    error(event, "tag '" + shown + "' is not allowed: a spec holds plain text, numbers, lists and mappings");
  }

  private void error(Event event, String message) {
    diagnostics.add(new Diagnostic(YamlErrors.at(file, event.getStartMark()), message));
  }
}
