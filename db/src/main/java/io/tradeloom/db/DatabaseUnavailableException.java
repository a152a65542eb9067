package io.tradeloom.db;

/**
 * The database cannot be used: the file cannot be opened or created, is not a SQLite database,
 * its schema is missing or newer than this build, or a lock outlasted every retry.
 * The message is written for the person running the system.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message) {
        super(message);
    }

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
