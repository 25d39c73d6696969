package io.writerflow.maven.status;

import java.util.List;

/**
 * What the gates made of a status report.
 *
 * @param warnings one line per migration that apply will refuse to run past, whether or not a gate is on
 * @param failures the gates that failed, in the order {@link StatusGates} checks them; empty when the build passes
 */
public record GateResult(List<String> warnings, List<GateFailure> failures) {

    public GateResult {
        warnings = List.copyOf(warnings);
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
