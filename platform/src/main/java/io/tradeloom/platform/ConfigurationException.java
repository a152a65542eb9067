package io.tradeloom.platform;

/** A setting is missing or malformed; the message names the variable and what it should be. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
