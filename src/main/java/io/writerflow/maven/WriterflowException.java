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
        super(message(problem, nextStep), cause);
        this.problem = problem;
        this.nextStep = nextStep;
    }

    /**
     * A problem with its next step as every goal shows it, the one place that writes {@code Next step:}; the
     * problems check collects are shown the same way.
     */
    public static String message(String problem, String nextStep) {
        return nextStep == null || nextStep.isBlank() ? problem : problem + "\n  Next step: " + nextStep;
    }

    public String problem() {
        return problem;
    }

    public String nextStep() {
        return nextStep;
    }
}
