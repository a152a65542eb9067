package io.tradeloom.db;

/**
 * A write failed because of the storage under the database: the disk is full, the file or its
 * file system is read-only, or the operating system reported an I/O error. The transaction was
 * rolled back, so nothing of it was written. {@link #reason()} is safe to show a client.
 */
public final class DatabaseStorageException extends DatabaseUnavailableException {

    /** What went wrong, in the terms the person running the system acts on. */
    public enum Kind {
        FULL("the disk holding the database is full"),
        READ_ONLY("the database file or its file system is read-only"),
        IO_ERROR("the operating system reported an I/O error on the database file");

        private final String reason;

        Kind(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final Kind kind;

    public DatabaseStorageException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return kind.reason();
    }
}
