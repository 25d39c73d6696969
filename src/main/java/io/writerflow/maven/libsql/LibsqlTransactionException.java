package io.writerflow.maven.libsql;

/**
 * A transaction that the server rolled back because one of its statements failed; says which one, so a
 * caller that built the transaction can name the statement in its own terms.
 */
public class LibsqlTransactionException extends LibsqlException {

    private static final long serialVersionUID = 1L;

    private final int statementIndex;

    public LibsqlTransactionException(String message, String hranaCode, int statementIndex, Throwable cause) {
        super(message, hranaCode, cause);
        this.statementIndex = statementIndex;
    }

    /** The failed statement's 0-based index among the transaction's statements; -1 for BEGIN or COMMIT. */
    public int statementIndex() {
        return statementIndex;
    }
}
