package io.netspec.runtime.data;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which decoder reads JPEG files: libjpeg-turbo through its TurboJPEG API ({@link TurboJpegDecoder}) where the
 * library loads, else {@code javax.imageio} (the only decoder for PNG and the other formats). The one place this
 * is decided.
 *
 * <p>The switch: the system property {@value #PROPERTY} or, without it, the environment variable
 * {@value #VARIABLE}, set to {@code imageio} forces {@code javax.imageio} for JPEGs too; {@code turbojpeg} (or
 * nothing) asks for libjpeg-turbo. Where {@code libturbojpeg.so.0} (Debian's {@code libturbojpeg0}) or JNA's native
 * part cannot be loaded, JPEGs go to {@code javax.imageio}, with one warning for the whole process.
 */
public final class JpegDecoderChoice {

  /** The system property that chooses the JPEG decoder: {@code imageio} or {@code turbojpeg}. */
  public static final String PROPERTY = "netspec.jpeg";

  /** The environment variable read where the property is not set. */
  public static final String VARIABLE = "NETSPEC_JPEG";

  /** The switch's value that forces {@code javax.imageio}. */
  static final String IMAGEIO = "imageio";

  /** The switch's value (also the default) that asks for libjpeg-turbo. */
  static final String TURBOJPEG = "turbojpeg";

  private static final Logger LOG = LoggerFactory.getLogger(JpegDecoderChoice.class);

  private static volatile boolean unknownValueReported;

  private JpegDecoderChoice() {}

  /** Whether JPEGs go to libjpeg-turbo now: asked for (or by default) and loaded. */
  static boolean useTurboJpeg() {
    return forcingSwitch() == null && Library.NAME != null;
  }

  /** Whether libjpeg-turbo loaded (whatever the switch says), loading it if not tried yet. */
  static boolean turboJpegLoaded() {
    return Library.NAME != null;
  }

  /** The JPEG decoder in use, in words, for the run folder ({@code run.json}) and the console. */
  public static String describe() {
    String forcing = forcingSwitch();
    if (forcing != null) {
      return "javax.imageio (" + forcing + "=" + IMAGEIO + ")";
    }
    return Library.NAME != null ? "libjpeg-turbo (TurboJPEG, " + Library.NAME + ")"
        : "javax.imageio (libjpeg-turbo not loaded: " + Library.PROBLEM + ")";
  }

  /**
   * The switch that forces {@code javax.imageio} ({@value #PROPERTY} or {@value #VARIABLE}), or null; an unknown
   * value is reported once and ignored.
   */
  private static String forcingSwitch() {
    String value = System.getProperty(PROPERTY);
    String source = PROPERTY;
    if (value == null) {
      value = System.getenv(VARIABLE);
      source = VARIABLE;
    }
    if (value == null || value.isBlank()) {
      return null;
    }
    String choice = value.strip().toLowerCase(Locale.ROOT);
    if (!choice.equals(IMAGEIO) && !choice.equals(TURBOJPEG) && !unknownValueReported) {
      unknownValueReported = true;
      LOG.warn("{}={}: not {} or {}; JPEGs are decoded as if it were unset", source, value, TURBOJPEG, IMAGEIO);
    }
    return choice.equals(IMAGEIO) ? source : null;
  }

  /** libjpeg-turbo, loaded at the first JPEG that asks for it (never where the switch says imageio). */
  private static final class Library {

    /** The library's name, or null where it did not load. */
    static final String NAME;

    /** Why it did not load; null where it did. */
    static final String PROBLEM;

    static {
      String name = null;
      String problem = null;
      try {
        name = TurboJpeg.load();
      } catch (LinkageError | RuntimeException e) {
        problem = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
        LOG.warn("JPEGs are decoded with javax.imageio, more slowly: libjpeg-turbo (libturbojpeg.so.0, through "
            + "JNA) cannot be loaded ({}); apt-get install libturbojpeg0 for the faster decoder", problem);
      }
      NAME = name;
      PROBLEM = problem;
    }
  }
}
