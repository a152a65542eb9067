package io.tradeloom.db;

/** SQLite stayed locked through every retry of an operation; nothing of the operation was committed. */
public final class DatabaseBusyException extends DatabaseUnavailableException {

    public DatabaseBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
