/** The training curves of a run as a PNG image, drawn with Java2D. */
package io.netspec.runtime.plot;
