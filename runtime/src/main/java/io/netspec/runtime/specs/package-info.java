/** Specs named on the command line: a spec file, or a generated network whose spec is on the class path. */
package io.netspec.runtime.specs;
