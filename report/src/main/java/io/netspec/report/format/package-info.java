/** Number formatting shared by the diagram labels and the report's tables. */
package io.netspec.report.format;
