package io.netspec.generator;

import ai.djl.nn.Block;
import io.netspec.dsl.analysis.NetworkAnalysis;
import io.netspec.dsl.spec.NetworkSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/** Generated, compiled and loaded network classes, built through their generated builders. */
final class GeneratedNetworks {

  private final NetworkSpec spec;
  private final Class<?> networkClass;

  private GeneratedNetworks(NetworkSpec spec, Class<?> networkClass) {
    this.spec = spec;
    this.networkClass = networkClass;
  }

  /** Generates the spec's sources with the default package, compiles them and loads the network class. */
  static GeneratedNetworks compile(NetworkAnalysis analysis) {
    NetworkGenerator generator = NetworkGenerator.builder().build();
    ClassLoader loader = InMemoryCompiler.compile(generator.generateAll(List.of(analysis)));
    NetworkSpec spec = analysis.spec();
    try {
      return new GeneratedNetworks(spec, loader.loadClass(generator.specPackage(spec) + "." + spec.className()));
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  Class<?> networkClass() {
    return networkClass;
  }

  Object constant(String name) {
    try {
      return networkClass.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code Network.builder()}, then each option as {@code name(value)}, then {@code build()}. */
  Block build(Object... options) {
    try {
      Object builder = networkClass.getMethod("builder").invoke(null);
      for (int i = 0; i < options.length; i += 2) {
        Object value = options[i + 1];
        Class<?> type = value instanceof Integer ? int.class : value instanceof Boolean ? boolean.class
            : float.class;
        builder.getClass().getMethod((String) options[i], type).invoke(builder, value);
      }
      return (Block) builder.getClass().getMethod("build").invoke(builder);
    } catch (InvocationTargetException e) {
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Calls a public no-argument method of the network, e.g. an accessor. */
  static Object call(Object network, String method) {
    try {
      Method accessor = network.getClass().getMethod(method);
      return accessor.invoke(network);
    } catch (InvocationTargetException e) {
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  NetworkSpec spec() {
    return spec;
  }
}
