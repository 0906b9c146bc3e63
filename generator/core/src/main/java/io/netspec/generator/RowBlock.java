package io.netspec.generator;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.TypeName;

/**
 * The block that stands for one spec row in generated code.
 *
 * @param type the declared type of the field holding it
 * @param construction the expression that builds it
 */
record RowBlock(TypeName type, CodeBlock construction) {}
