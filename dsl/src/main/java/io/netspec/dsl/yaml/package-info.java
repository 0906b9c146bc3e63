/**
 * Safe reading of spec files into YAML node trees with positions: {@link io.netspec.dsl.yaml.SafeYamlReader}
 * reads a file within {@link io.netspec.dsl.yaml.YamlLimits} and rejects non-core tags, returning a
 * {@link io.netspec.dsl.yaml.YamlFile}. Nothing here knows the spec format; {@code io.netspec.dsl.load} does.
 */
package io.netspec.dsl.yaml;
