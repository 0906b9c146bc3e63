package io.netspec.generator;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.TypeName;
import java.util.Set;

/**
 * The block that stands for one spec row in generated code.
 *
 * @param type the declared type of the field holding it
 * @param construction the expression that builds it
 * @param modules the generated module classes the expression uses
 * @param flattens whether its output is {@code (N, C)} rather than {@code (N, C, H, W)}
 */
record RowBlock(TypeName type, CodeBlock construction, Set<ModuleKind> modules, boolean flattens) {

  RowBlock {
    modules = Set.copyOf(modules);
  }
}
