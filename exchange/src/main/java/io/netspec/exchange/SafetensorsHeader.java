package io.netspec.exchange;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a safetensors file, read and checked against the file's length before any tensor is decoded:
 * an 8-byte little-endian header length, a JSON object mapping each tensor's name to its {@code dtype},
 * {@code shape} and {@code data_offsets} (an optional {@code __metadata__} entry aside), then the tensors' bytes.
 * A file cut short, or one that is no safetensors file at all, is refused here with one line.
 *
 * @param tensors each tensor's dtype (e.g. {@code F32}) and shape, by name, in the header's order
 */
record SafetensorsHeader(Map<String, Entry> tensors) {

  /** The largest header accepted: far more than the JSON of any network netspec describes needs. */
  private static final long MAX_HEADER_BYTES = 100L << 20;
  private static final String METADATA = "__metadata__";
  private static final Map<String, Integer> ELEMENT_BYTES = Map.of(
      "F64", 8, "F32", 4, "F16", 2, "BF16", 2, "I64", 8, "I32", 4, "I16", 2, "I8", 1, "U8", 1, "BOOL", 1);

  /** One tensor of the header. */
  record Entry(String dtype, List<Long> shape) {}

  /**
   * Reads and checks the header of {@code file}.
   *
   * @throws WeightsException if the file is no safetensors file, is cut short, or cannot be read
   */
  static SafetensorsHeader read(Path file) throws WeightsException {
    try {
      long size = Files.size(file);
      if (size < Long.BYTES) {
        throw truncated(file, "it has " + size + " bytes, fewer than the 8 of its header length");
      }
      try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
        byte[] lengthBytes = in.readNBytes(Long.BYTES);
        long length = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (length < 2 || length > MAX_HEADER_BYTES) {
          throw new WeightsException(file + ": not a safetensors file (its first 8 bytes give a header of "
              + Long.toUnsignedString(length) + " bytes)");
        }
        if (length > size - Long.BYTES) {
          throw truncated(file, "its header of " + length + " bytes ends after the file's " + size + " bytes");
        }
        String json = new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
        return parse(file, json, size - Long.BYTES - length);
      }
    } catch (IOException e) {
      throw new WeightsException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static SafetensorsHeader parse(Path file, String json, long dataBytes) throws WeightsException {
    JsonObject header;
    try {
      JsonElement element = JsonParser.parseString(json);
      if (!element.isJsonObject()) {
        throw new WeightsException(file + ": not a safetensors file (its header is not a JSON object)");
      }
      header = element.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new WeightsException(file + ": not a safetensors file (its header is not JSON)", e);
    }
    Map<String, Entry> tensors = new LinkedHashMap<>();
    long end = 0;
    for (Map.Entry<String, JsonElement> tensor : header.entrySet()) {
      if (tensor.getKey().equals(METADATA)) {
        continue;
      }
      String name = tensor.getKey();
      try {
        JsonObject entry = tensor.getValue().getAsJsonObject();
        String dtype = entry.get("dtype").getAsString();
        List<Long> shape = new ArrayList<>();
        long elements = 1;
        for (JsonElement dimension : entry.getAsJsonArray("shape")) {
          shape.add(dimension.getAsLong());
          elements = Math.multiplyExact(elements, dimension.getAsLong());
        }
        JsonArray offsets = entry.getAsJsonArray("data_offsets");
        long begin = offsets.get(0).getAsLong();
        long stop = offsets.get(1).getAsLong();
        Integer bytes = ELEMENT_BYTES.get(dtype);
        if (offsets.size() != 2 || begin < 0 || stop < begin
            || bytes != null && stop - begin != elements * bytes) {
          throw new WeightsException(file + ": not a valid safetensors file (tensor '" + name + "' has data offsets "
              + offsets + " for " + dtype + " " + shape + ")");
        }
        end = Math.max(end, stop);
        tensors.put(name, new Entry(dtype, shape));
      } catch (RuntimeException e) { // a missing key, a wrong JSON type, an overflow
        throw new WeightsException(file + ": not a valid safetensors file (tensor '" + name
            + "' lacks a dtype, shape or data_offsets)", e);
      }
    }
    if (end > dataBytes) {
      throw truncated(file, "its header describes " + end + " bytes of tensor data, the file holds " + dataBytes);
    }
    return new SafetensorsHeader(tensors);
  }

  private static WeightsException truncated(Path file, String why) {
    return new WeightsException(file + ": truncated safetensors file (" + why + ")");
  }
}
