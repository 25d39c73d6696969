package io.writerflow.maven.status;

import io.writerflow.maven.WriterflowException;

/**
 * A gate that failed: which one, what the report found (naming the database and the migrations or
 * differences), and the next step.
 */
public record GateFailure(Gate gate, String problem, String nextStep) {

    /** The failure as the goal reports it, rendered with the others at the mojo edge. */
    public WriterflowException toException() {
        return new WriterflowException(problem, nextStep);
    }

    /** The problem and its next step, as a failure shows them: for a gate that failed beside the one reported. */
    public String message() {
        return WriterflowException.message(problem, nextStep);
    }
}
