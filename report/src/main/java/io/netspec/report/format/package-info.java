/** How a row of a spec is described in the diagram labels and the report tables. */
package io.netspec.report.format;
