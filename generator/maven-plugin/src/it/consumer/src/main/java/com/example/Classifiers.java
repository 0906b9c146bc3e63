package com.example;

import ai.djl.ndarray.types.Shape;
import io.netspec.models.tiny.Tiny;

/** Hand-written code that builds a generated network through its typed builder. */
public final class Classifiers {

  private Classifiers() {}

  /** A tiny classifier of {@code classes} classes, without its auxiliary classifier. */
  public static Tiny tiny(int classes) {
    return Tiny.builder().optNumClasses(classes).optAuxClassifiers(false).build();
  }

  /** The logits' shape for a batch of images. */
  public static Shape logitsShape(Tiny network, int batch) {
    Shape images = new Shape(batch).addAll(Tiny.INPUT_SHAPE);
    return network.getOutputShapes(new Shape[] {images})[0];
  }
}
