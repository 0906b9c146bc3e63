/** Atomic file writes: every file the report module writes goes through {@link io.netspec.report.files.AtomicFiles}. */
package io.netspec.report.files;
