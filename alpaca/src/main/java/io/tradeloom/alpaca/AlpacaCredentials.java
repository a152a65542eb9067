package io.tradeloom.alpaca;

import java.util.Map;
import java.util.Objects;

/**
 * An Alpaca API key pair, sent as the {@code APCA-API-KEY-ID} and {@code APCA-API-SECRET-KEY} headers. Neither
 * value ever appears in a log line or an exception: {@link #toString()} masks the key id and hides the secret.
 */
public record AlpacaCredentials(String keyId, String secret) {

    /** The environment variables the seed defines for the paper account. */
    public static final String KEY_VARIABLE = "ALPACA_PAPER_API_KEY";
    public static final String SECRET_VARIABLE = "ALPACA_PAPER_API_SECRET";

    public AlpacaCredentials {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        if (keyId.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("the Alpaca key id and secret must not be blank");
        }
    }

    /**
     * The paper key pair from {@value #KEY_VARIABLE} and {@value #SECRET_VARIABLE} (pass {@code System.getenv()}).
     *
     * @throws IllegalStateException naming the variables that are missing or blank (never their values)
     */
    public static AlpacaCredentials fromEnvironment(Map<String, String> environment) {
        String keyId = environment.getOrDefault(KEY_VARIABLE, "");
        String secret = environment.getOrDefault(SECRET_VARIABLE, "");
        if (keyId.isBlank() || secret.isBlank()) {
            throw new IllegalStateException("Alpaca credentials missing: set " + KEY_VARIABLE + " and "
                    + SECRET_VARIABLE + " (the paper account's key id and secret)");
        }
        return new AlpacaCredentials(keyId.strip(), secret.strip());
    }

    /**
     * Shows the key id's first two characters (Alpaca's {@code PK} prefix tells a paper key from a live one) and
     * its last two when it is long enough that this gives nothing useful away; never the secret.
     */
    @Override
    public String toString() {
        String masked = keyId.length() >= 12
                ? keyId.substring(0, 2) + "****" + keyId.substring(keyId.length() - 2)
                : "****";
        return "AlpacaCredentials[keyId=" + masked + ", secret=****]";
    }
}
