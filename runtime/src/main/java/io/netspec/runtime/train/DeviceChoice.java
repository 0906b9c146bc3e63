package io.netspec.runtime.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which devices to train on, as {@code --device} writes it: {@code auto} (the first GPU if there is one,
 * else the CPU), {@code cpu}, {@code gpu} (every visible GPU) or {@code gpu:0,1} (those GPUs). The devices
 * are always handed to DJL explicitly, since DJL would otherwise take every GPU.
 *
 * @param text the option as given
 * @param kind what it asks for
 * @param gpuIds the GPU ids of {@code gpu:...}, otherwise empty
 */
public record DeviceChoice(String text, Kind kind, List<Integer> gpuIds) {

  /** The forms of {@code --device}. */
  public enum Kind { AUTO, CPU, ALL_GPUS, SOME_GPUS }

  public DeviceChoice {
    gpuIds = List.copyOf(gpuIds);
  }

  /**
   * Parses {@code --device}.
   *
   * @throws IllegalArgumentException if the text is none of the accepted forms
   */
  public static DeviceChoice parse(String text) {
    String t = text.trim();
    switch (t) {
      case "auto" -> {
        return new DeviceChoice(t, Kind.AUTO, List.of());
      }
      case "cpu" -> {
        return new DeviceChoice(t, Kind.CPU, List.of());
      }
      case "gpu" -> {
        return new DeviceChoice(t, Kind.ALL_GPUS, List.of());
      }
      default -> {
        // gpu:IDS, below
      }
    }
    if (!t.startsWith("gpu:") || t.length() == "gpu:".length()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a device; use auto, cpu, gpu or gpu:IDS such as gpu:0,1");
    }
    List<Integer> ids = new ArrayList<>();
    for (String id : t.substring("gpu:".length()).split(",", -1)) {
      try {
        int value = Integer.parseInt(id.trim());
        if (value < 0 || ids.contains(value)) {
          throw new NumberFormatException();
        }
        ids.add(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "': GPU ids must be distinct numbers from 0, as in gpu:0,1",
            e);
      }
    }
    return new DeviceChoice(t, Kind.SOME_GPUS, ids);
  }

  /**
   * The DJL devices this choice names on this engine.
   *
   * @throws IllegalStateException if it names a GPU the engine does not see
   */
  public Device[] resolve(Engine engine) {
    int gpus = engine.getGpuCount();
    return switch (kind) {
      case CPU -> new Device[] {Device.cpu()};
      case AUTO -> new Device[] {gpus > 0 ? Device.gpu(0) : Device.cpu()};
      case ALL_GPUS -> {
        requireGpus(engine, gpus - 1);
        yield engine.getDevices(gpus);
      }
      case SOME_GPUS -> {
        requireGpus(engine, gpuIds.stream().mapToInt(Integer::intValue).max().orElse(0));
        yield gpuIds.stream().map(Device::gpu).toArray(Device[]::new);
      }
    };
  }

  private void requireGpus(Engine engine, int highestId) {
    int visible = engine.getGpuCount();
    if (visible == 0 || highestId >= visible) {
      throw new IllegalStateException("--device " + text + ": " + visible + " GPU(s) visible to "
          + engine.getEngineName() + (visible == 0 ? "" : " (ids 0 to " + (visible - 1) + ")")
          + "; use --device cpu, or build with -Pgpu on a CUDA machine");
    }
  }

  /** The devices as DJL prints them, comma-separated. */
  public static String describe(Device[] devices) {
    return List.of(devices).stream().map(Device::toString).collect(Collectors.joining(", "));
  }
}
