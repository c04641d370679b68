package com.hipoc.readmodels;

import java.sql.SQLException;

/** Which SQL errors a retry can fix. */
final class SqlErrors {
    private SqlErrors() {
    }

    /**
     * Everything but data (SQLSTATE class 22), constraint (23) and syntax or access (42) errors:
     * those fail the same way on every try, so retrying would hang the job on a bug.
     */
    static boolean isRetryable(Exception e) {
        if (!(e instanceof SQLException)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String errorClass = sql.getSQLState().substring(0, Math.min(2, sql.getSQLState().length()));
                if (errorClass.equals("22") || errorClass.equals("23") || errorClass.equals("42")) {
                    return false;
                }
            }
        }
        return true;
    }
}
