package io.writerflow.maven.fleet;

import io.writerflow.maven.WriterflowException;

/**
 * A fleet run in which a database failed or did not start. The report and the summary say which; the next step
 * (run again, or only the failures) is the mojo edge's to say.
 *
 * @see FleetResult
 */
public final class FleetFailed extends WriterflowException {

    private final FleetResult result;
    private final String report;

    public FleetFailed(String operation, FleetResult result, String report) {
        super(problem(operation, result, report), null);
        this.result = result;
        this.report = report;
    }

    private static String problem(String operation, FleetResult result, String report) {
        long failed = result.count(DatabaseResult.Status.FAILED);
        long notStarted = result.count(DatabaseResult.Status.NOT_STARTED);
        return "Fleet " + operation + ": " + failed + " of " + result.databases().size() + " database"
                + (result.databases().size() == 1 ? "" : "s") + " failed" + (notStarted == 0 ? ""
                : ", " + notStarted + " not started" + (result.canaryFailed() ? " (a canary failed)"
                : " (writerflow.maxFailures reached)")) + "; report: " + report;
    }

    public FleetResult result() {
        return result;
    }

    /** The report file, as shown. */
    public String report() {
        return report;
    }
}
