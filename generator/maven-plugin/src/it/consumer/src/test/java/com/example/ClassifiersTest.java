package com.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import io.netspec.blocks.InceptionModule;
import io.netspec.models.NetspecModels;
import io.netspec.models.tiny.Tiny;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifiersTest {

  @Test
  void theGeneratedNetworkHasTheSpecsShapesAndOptions() {
    Tiny tiny = Classifiers.tiny(5);
    assertEquals(new Shape(4, 5), Classifiers.logitsShape(tiny, 4));
    assertEquals(5, tiny.numClasses());
    assertFalse(tiny.hasAuxClassifiers());
    assertArrayEquals(new float[0], tiny.auxLossWeights());
    assertEquals(new Shape(1, 8, 8), Tiny.INPUT_SHAPE);
    assertEquals(3, Tiny.DEFAULT_CLASSES);
    assertEquals("tiny.yaml", Tiny.SPEC_FILE);
    assertEquals(64, Tiny.SPEC_SHA256.length());
  }

  @Test
  void accessorsAreTyped() {
    Tiny tiny = Tiny.builder().build();
    InceptionModule mix = tiny.mix();
    assertEquals(4, tiny.conv1().conv().getFilters());
    assertNotNull(mix.branch3x3());
    assertTrue(tiny.hasAuxClassifiers());
    assertEquals("mix", tiny.aux().attachedTo());
    assertArrayEquals(new float[] {0.3f}, tiny.auxLossWeights());
  }

  @Test
  void theIndexAndTheSpecCopyAreOnTheClassPath() {
    assertEquals(List.of(Tiny.class), NetspecModels.ALL);
    assertNotNull(Tiny.class.getResource("/io/netspec/models/tiny/tiny.yaml"));
  }
}
