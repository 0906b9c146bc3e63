package io.netspec.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code AuxClassifier}: the named rows of one auxiliary classifier, run in order, with the row it
 * reads from and the weight of its loss.
 */
final class AuxClassifierType {

  private AuxClassifierType() {}

  static TypeSpec create(ModuleTypes types) {
    ClassName self = types.of(ModuleKind.AUX_CLASSIFIER);
    ClassName builder = self.nestedClass("Builder");
    FieldSpec attachedTo =
        FieldSpec.builder(String.class, "attachedTo", Modifier.PRIVATE, Modifier.FINAL).build();
    FieldSpec lossWeight =
        FieldSpec.builder(float.class, "lossWeight", Modifier.PRIVATE, Modifier.FINAL).build();

    MethodSpec constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builder, "builder")
        .addStatement("super(VERSION)")
        .addStatement("$N = builder.$N", attachedTo, attachedTo)
        .addStatement("$N = builder.$N", lossWeight, lossWeight)
        .beginControlFlow("for ($T layer : builder.layers)", Djl.NAMED_BLOCK)
        .addStatement("addChildBlock(layer.getKey(), layer.getValue())")
        .endControlFlow()
        .build();

    MethodSpec forward = BlockMethods.forwardInternal()
        .addStatement("$T x = inputs", Djl.ND_LIST)
        .beginControlFlow("for ($T layer : children.values())", Djl.BLOCK)
        .addStatement("$T output = layer.forward(parameterStore, x, training, params)", Djl.ND_LIST)
        .addComment("free each intermediate result once read; the classifier's input is its caller's")
        .beginControlFlow("if (x != inputs)")
        .addStatement("x.close()")
        .endControlFlow()
        .addStatement("x = output")
        .endControlFlow()
        .addStatement("return x")
        .build();

    MethodSpec outputShapes = BlockMethods.getOutputShapes()
        .addStatement("$T[] shapes = inputShapes", Djl.SHAPE)
        .beginControlFlow("for ($T layer : children.values())", Djl.BLOCK)
        .addStatement("shapes = layer.getOutputShapes(shapes)")
        .endControlFlow()
        .addStatement("return shapes")
        .build();

    MethodSpec initialize = BlockMethods.initializeChildBlocks()
        .addStatement("$T[] shapes = inputShapes", Djl.SHAPE)
        .beginControlFlow("for ($T layer : children.values())", Djl.BLOCK)
        .addStatement("layer.initialize(manager, dataType, shapes)")
        .addStatement("shapes = layer.getOutputShapes(shapes)")
        .endControlFlow()
        .build();

    return TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(Djl.ABSTRACT_BLOCK)
        .addJavadoc("An auxiliary classifier (section 5 of the GoogLeNet paper): a small head on the output of an\n"
            + "intermediate row, whose loss is added to the main loss with weight {@link #lossWeight()} in\n"
            + "training and which is unused in inference. Its rows, each a child named after it, run in\n"
            + "order and end with the class scores (logits).\n")
        .addField(BlockMethods.version())
        .addField(attachedTo)
        .addField(lossWeight)
        .addMethod(constructor)
        .addMethod(BuilderMethods.builderFactory(builder, self.simpleName()))
        .addMethod(BlockMethods.accessor(attachedTo,
            "The name of the main-path row whose output this classifier reads.\n\n@return the row's name"))
        .addMethod(BlockMethods.accessor(lossWeight,
            "The weight of this classifier's loss in the training loss.\n\n@return the weight"))
        .addMethod(forward)
        .addMethod(outputShapes)
        .addMethod(initialize)
        .addType(builderType(self, builder))
        .build();
  }

  private static TypeSpec builderType(ClassName self, ClassName builder) {
    FieldSpec attachedTo = BuilderMethods.field(ClassName.get(String.class), "attachedTo", CodeBlock.of(""));
    FieldSpec lossWeight = BuilderMethods.field(TypeName.FLOAT, "lossWeight", CodeBlock.of("0.3f"));
    TypeName layersType = ParameterizedTypeName.get(ClassName.get(List.class), Djl.NAMED_BLOCK);
    FieldSpec layers = FieldSpec.builder(layersType, "layers", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T<>()", ArrayList.class)
        .build();
    return TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds an {@link $T}.\n", self)
        .addFields(List.of(attachedTo, lossWeight, layers))
        .addMethod(BuilderMethods.constructor())
        .addMethod(BuilderMethods.setter(builder, "setAttachedTo", attachedTo,
            "Sets the main-path row whose output the classifier reads.", "the row's name", CodeBlock.of("")))
        .addMethod(BuilderMethods.setter(builder, "optLossWeight", lossWeight,
            "Sets the weight of the classifier's loss (0.3, the paper's, when not set).", "the weight",
            BuilderMethods.require("lossWeight >= 0", "the loss weight must not be negative: ", lossWeight)))
        .addMethod(MethodSpec.methodBuilder("add")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addParameter(String.class, "name")
            .addParameter(Djl.BLOCK, "layer")
            .addJavadoc("Appends a row.\n\n@param name the row's name, the child's name\n@param layer the row's"
                + " block\n@return this builder\n")
            .addStatement("$N.add(new $T<>(name, layer))", layers, Djl.PAIR)
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder("build")
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addJavadoc("Builds the classifier.\n\n@return the classifier\n@throws IllegalArgumentException if"
                + " the row it reads or its layers are not set\n")
            .beginControlFlow("if ($N == null || $N.isEmpty())", attachedTo, layers)
            .addStatement("throw new $T($S)", IllegalArgumentException.class,
                "an auxiliary classifier needs the row it reads and at least one layer")
            .endControlFlow()
            .addStatement("return new $T(this)", self)
            .build())
        .build();
  }
}
