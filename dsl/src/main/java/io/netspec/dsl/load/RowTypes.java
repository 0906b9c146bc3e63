package io.netspec.dsl.load;

import io.netspec.dsl.spec.GlobalAvgPool;
import io.netspec.dsl.spec.PoolKind;
import io.netspec.dsl.spec.Softmax;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every row type a spec may use, by the name its {@code type} key gives. */
final class RowTypes {

  private static final SortedMap<String, RowType> BY_NAME = Stream.of(
          new ConvolutionRow(),
          new PoolRow(PoolKind.MAX),
          new PoolRow(PoolKind.AVG),
          new KeylessRow(GlobalAvgPool.TYPE, GlobalAvgPool::new),
          new AdaptiveAvgPoolRow(),
          new LrnRow(),
          new InceptionRow(),
          new DropoutRow(),
          new LinearRow(),
          new KeylessRow(Softmax.TYPE, Softmax::new))
      .collect(Collectors.toMap(RowType::name, Function.identity(), (a, b) -> a, TreeMap::new));

  private RowTypes() {}

  static Optional<RowType> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The type names, sorted. */
  static Set<String> names() {
    return BY_NAME.keySet();
  }
}
