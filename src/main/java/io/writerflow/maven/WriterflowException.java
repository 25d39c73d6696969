package io.writerflow.maven;

/**
 * A failure the user can act on: what went wrong, where, and the next step. The mojos turn it into a
 * {@code MojoFailureException} whose message is shown as-is, so the text must stand on its own.
 */
public class WriterflowException extends RuntimeException {

    private final String problem;
    private final String nextStep;

    public WriterflowException(String problem, String nextStep) {
        this(problem, nextStep, null);
    }

    public WriterflowException(String problem, String nextStep, Throwable cause) {
        super(nextStep == null || nextStep.isBlank() ? problem : problem + "\n  Next step: " + nextStep, cause);
        this.problem = problem;
        this.nextStep = nextStep;
    }

    public String problem() {
        return problem;
    }

    public String nextStep() {
        return nextStep;
    }
}
