package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void onePhotoGivesFiveLogitsOnPyTorch() {
    assertEquals(new Shape(1, 5), Main.forward());
    assertEquals("PyTorch", Engine.getInstance().getEngineName());
  }
}
