package io.writerflow.maven.lint;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stable codes of lint findings. The hundreds say the kind, so that a code keeps its meaning when codes are
 * added: {@code WF1xx} data loss, {@code WF2xx} breaks the running application during a rolling deploy,
 * {@code WF3xx} will fail on existing data, {@code WF4xx} long write lock, {@code WF5xx} not atomic or not
 * portable, {@code WF9xx} the lint itself (a statement it could not analyse, a suppression it cannot honour).
 * A code is never reused for another meaning; suppressions and dashboards name findings by it.
 */
public enum FindingCode {
    DROP_TABLE("WF101", Severity.ERROR, "drop-table"),
    DROP_COLUMN("WF102", Severity.ERROR, "drop-column"),
    NARROW_TYPE("WF103", Severity.WARNING, "narrow-type"),
    DROP_CREATE_RENAME("WF104", Severity.ERROR, "rename-as-drop-create"),
    REBUILD_WITHOUT_COPY("WF105", Severity.ERROR, "rebuild-without-copy"),
    NOT_NULL_WITHOUT_DEFAULT("WF201", Severity.ERROR, "not-null-without-default"),
    RENAME_TABLE("WF202", Severity.ERROR, "rename-table"),
    RENAME_COLUMN("WF203", Severity.ERROR, "rename-column"),
    UNIQUE_ON_EXISTING("WF301", Severity.WARNING, "unique-on-existing-table"),
    NOT_NULL_ON_EXISTING("WF302", Severity.WARNING, "not-null-on-existing-table"),
    CHECK_ON_EXISTING("WF303", Severity.WARNING, "check-on-existing-table"),
    FOREIGN_KEY_ON_EXISTING("WF304", Severity.WARNING, "foreign-key-on-existing-table"),
    TABLE_REBUILD("WF401", Severity.WARNING, "table-rebuild"),
    NOT_TRANSACTIONAL("WF501", Severity.ERROR, "not-transactional"),
    LIBSQL_ONLY("WF502", Severity.ERROR, "libsql-only-syntax"),
    SQLITE_ONLY("WF503", Severity.ERROR, "sqlite-only-syntax"),
    SHADOW_REJECTED("WF901", Severity.ERROR, "statement-not-analysed"),
    SUPPRESSION_WITHOUT_REASON("WF902", Severity.ERROR, "suppression-without-reason"),
    SUPPRESSION_UNKNOWN_CODE("WF903", Severity.WARNING, "suppression-of-unknown-code");

    private final String code;
    private final Severity severity;
    private final String slug;

    FindingCode(String code, Severity severity, String slug) {
        this.code = code;
        this.severity = severity;
        this.slug = slug;
    }

    /** {@code WF101}: what suppressions, reports and dashboards name the finding by. */
    public String code() {
        return code;
    }

    /** The severity its findings have unless a finding says otherwise (WF502 on a libSQL target is a warning). */
    public Severity severity() {
        return severity;
    }

    /** A short name for people, {@code drop-table}: a SARIF rule's name. */
    public String slug() {
        return slug;
    }

    /** Whether a {@code -- writerflow:lint-ignore} comment may silence it: not the lint's complaints about those. */
    public boolean suppressible() {
        return this != SUPPRESSION_WITHOUT_REASON && this != SUPPRESSION_UNKNOWN_CODE;
    }

    public static Optional<FindingCode> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equalsIgnoreCase(code)).findFirst();
    }
}
