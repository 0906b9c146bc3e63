package io.netspec.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceChoiceTest {

  @Test
  void parsesEveryForm() {
    assertEquals(DeviceChoice.Kind.AUTO, DeviceChoice.parse("auto").kind());
    assertEquals(DeviceChoice.Kind.CPU, DeviceChoice.parse("cpu").kind());
    assertEquals(DeviceChoice.Kind.ALL_GPUS, DeviceChoice.parse("gpu").kind());
    DeviceChoice some = DeviceChoice.parse("gpu:0,1");
    assertEquals(DeviceChoice.Kind.SOME_GPUS, some.kind());
    assertEquals(List.of(0, 1), some.gpuIds());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tpu", "gpu:", "gpu:a", "gpu:0,0", "gpu:-1", "gpu:1,", "GPU"})
  void rejectsMalformedValues(String text) {
    assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse(text));
  }

  @Test
  void cpuIsTheCpu() {
    assertArrayEquals(new Device[] {Device.cpu()}, DeviceChoice.parse("cpu").resolve(Engine.getInstance()));
  }

  @Test
  void autoFallsBackToTheCpuWithoutGpus() {
    Engine engine = Engine.getInstance();
    Device expected = engine.getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
    assertArrayEquals(new Device[] {expected}, DeviceChoice.parse("auto").resolve(engine));
  }

  @Test
  void missingGpuIsReportedInOneLine() {
    Engine engine = Engine.getInstance();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DeviceChoice.parse("gpu:" + engine.getGpuCount()).resolve(engine));
    assertTrue(e.getMessage().startsWith("--device gpu:" + engine.getGpuCount() + ": "), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
