/**
 * Trained runs read back from their folders, for inference: scores (top-1, top-5, confusion matrix) and
 * predictions.
 */
package io.netspec.runtime.eval;
