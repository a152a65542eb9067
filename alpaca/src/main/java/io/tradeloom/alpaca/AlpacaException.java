package io.tradeloom.alpaca;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A call to Alpaca that failed, with a message a person can act on. It carries the HTTP status (0 when no response
 * came) and Alpaca's own {@code message} from the error body, never a request header, so never a key.
 */
public final class AlpacaException extends RuntimeException {

    /** What went wrong, as far as a caller can act on it. */
    public enum Kind {
        /** 401, or a 403 about the key: the key pair is wrong or revoked. */
        AUTH,
        /** 403 because the plan does not include the data asked for (SIP data on the free plan). */
        SUBSCRIPTION,
        /** 429 still after the retries. */
        RATE_LIMITED,
        /** 5xx still after the retries. */
        SERVER_ERROR,
        /** Any other 4xx: the request itself is wrong (bad symbol, bad parameter). Not retried. */
        REQUEST_REJECTED,
        /** No response: connection refused, timeout, interrupted. */
        UNREACHABLE,
        /** A 2xx whose body is not the JSON documented for the endpoint. */
        MALFORMED_RESPONSE
    }

    public static final String SIP_REFUSED =
            "Alpaca refused SIP data: your plan does not include it; set ALPACA_FEED=iex";
    public static final String KEY_REJECTED = "Alpaca rejected the API key (check "
            + AlpacaCredentials.KEY_VARIABLE + " / " + AlpacaCredentials.SECRET_VARIABLE + ")";

    // Alpaca's data API words it "subscription does not permit querying recent SIP data".
    private static final Pattern ABOUT_SUBSCRIPTION = Pattern.compile("subscription|\\bsip\\b");
    // A 403 is also how the trading API refuses an order (e.g. "insufficient buying power"): only these are the key.
    private static final Pattern ABOUT_KEY =
            Pattern.compile("forbidden|unauthori[sz]ed|authenticat|api key|access key");

    private final Kind kind;
    private final int status;
    private final String alpacaMessage;

    public AlpacaException(Kind kind, int status, String alpacaMessage, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.alpacaMessage = alpacaMessage;
    }

    /**
     * The exception for an HTTP error response.
     *
     * @param alpacaMessage the {@code message} of Alpaca's error body, or null
     * @param request       e.g. {@code GET /v2/stocks/bars}, for the message
     * @param attempts      how many attempts were made (mentioned when more than one)
     */
    static AlpacaException fromResponse(int status, String alpacaMessage, String request, int attempts) {
        String said = alpacaMessage == null ? "" : alpacaMessage.toLowerCase(Locale.ROOT);
        Kind kind;
        String summary;
        if (status == 403 && ABOUT_SUBSCRIPTION.matcher(said).find()) {
            kind = Kind.SUBSCRIPTION;
            summary = SIP_REFUSED;
        } else if (status == 401 || status == 403 && (said.isBlank() || ABOUT_KEY.matcher(said).find())) {
            kind = Kind.AUTH;
            summary = KEY_REJECTED;
        } else if (status == 429) {
            kind = Kind.RATE_LIMITED;
            summary = "Alpaca's rate limit is still exceeded";
        } else if (status >= 500) {
            kind = Kind.SERVER_ERROR;
            summary = "Alpaca failed with HTTP " + status;
        } else {
            kind = Kind.REQUEST_REJECTED;
            summary = "Alpaca refused the request";
        }
        String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        String detail = " (" + request + ": HTTP " + status + (alpacaMessage == null ? "" : " " + alpacaMessage) + ")";
        return new AlpacaException(kind, status, alpacaMessage, summary + tries + detail, null);
    }

    /** A 2xx response that does not parse as the endpoint's documented JSON. */
    public static AlpacaException malformed(String request, String problem, Throwable cause) {
        return new AlpacaException(Kind.MALFORMED_RESPONSE, 200, null,
                "Alpaca returned malformed JSON for " + request + ": " + problem, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }

    /** Alpaca's {@code message} from the error body, or null. */
    public String alpacaMessage() {
        return alpacaMessage;
    }
}
