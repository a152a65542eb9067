package io.tradeloom.launcher.supervise;

/** The system could not be started; the message says which service failed and why. */
public final class StartupException extends Exception {

    public StartupException(String message) {
        super(message);
    }
}
