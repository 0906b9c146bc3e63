package io.netspec.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz test's drawer and shrinker, without compiling anything: draws are reproducible, and a spec that fails
 * a stand-in property shrinks to the little that makes it fail.
 */
class FuzzShrinkerTest {

  @TempDir
  Path folder;

  @Test
  void theSameSeedDrawsTheSameSpec() {
    assertEquals(FuzzSpecDrawer.draw(42).yaml(), FuzzSpecDrawer.draw(42).yaml());
  }

  @Test
  void shrinksToTheRowsThatFail() {
    // a stand-in failure: any spec with an Inception row of 5 or more "1x1" filters and an auxiliary classifier
    FuzzSpec spec = LongStream.range(0, 1000).mapToObj(FuzzSpecDrawer::draw)
        .filter(FuzzShrinkerTest::fails).findFirst().orElseThrow();
    FuzzProperty.Failure failure = new FuzzProperty.Failure("stand in", new AssertionError("stand-in failure"));
    FuzzShrinker.Shrunk shrunk = new FuzzShrinker(folder, 10_000, file -> fails(read(file))
        ? Optional.of(failure) : Optional.empty()).shrink(spec, failure);

    FuzzSpec smallest = shrunk.spec();
    assertTrue(fails(smallest.yaml()));
    assertEquals(1, smallest.auxClassifiers().size());
    List<String> types = smallest.layers().stream().map(row -> row.value("type")).toList();
    assertEquals(List.of("inception"), types, smallest.yaml());
    int filters = Integer.parseInt(smallest.layers().get(0).value("1x1"));
    assertTrue(filters >= 5 && filters / 2 < 5, "halved while it still fails: " + filters);
    assertEquals(1, smallest.channels());
    assertEquals(1, smallest.classes());
    assertTrue(shrunk.steps() > 0 && shrunk.checks() >= shrunk.steps());
  }

  private static boolean fails(FuzzSpec spec) {
    return fails(spec.yaml());
  }

  private static boolean fails(String yaml) {
    return yaml.matches("(?s).*type: inception, 1x1: ([5-9]|[1-9][0-9]),.*") && yaml.contains("after: ");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
