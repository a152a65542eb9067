package io.tradeloom.dashboard;

import java.time.Duration;

import io.helidon.config.Config;

import io.tradeloom.platform.ConfigurationException;

/**
 * The dashboard's own settings. The credentials stay in this process: the browser gets a session
 * cookie, never the service token or the trading key pair, and {@link #toString} hides them.
 *
 * @param password       DASHBOARD_PASSWORD, the login password
 * @param apiToken       TRADING_API_TOKEN, the bearer token for state-changing calls to the other services
 * @param apiKeyId       TRADING_API_KEY_ID, sent to the trading service's /v2 API
 * @param apiSecretKey   TRADING_API_SECRET_KEY, likewise
 * @param sessionIdle    how long a session lives without a request
 * @param refresh        how often the live view is recomputed and pushed
 */
public record DashboardSettings(String password, String apiToken, String apiKeyId, String apiSecretKey,
                                Duration sessionIdle, Duration refresh) {

    /** The documented development password; refused in production. */
    public static final String DEVELOPMENT_PASSWORD = "tradeloom";

    public static DashboardSettings from(Config config, String environment) {
        String password = text(config, "dashboard.password", "DASHBOARD_PASSWORD");
        if ("production".equals(environment) && DEVELOPMENT_PASSWORD.equals(password)) {
            throw new ConfigurationException("DASHBOARD_PASSWORD must be set to your own password when TRADING_ENV is production");
        }
        return new DashboardSettings(password,
                text(config, "trading.api-token", "TRADING_API_TOKEN"),
                text(config, "trading.api-key-id", "TRADING_API_KEY_ID"),
                text(config, "trading.api-secret-key", "TRADING_API_SECRET_KEY"),
                Duration.ofMinutes(positive(config, "dashboard.session-idle-minutes", "DASHBOARD_SESSION_IDLE_MINUTES", 480)),
                Duration.ofMillis(positive(config, "dashboard.refresh-ms", "DASHBOARD_REFRESH_MS", 2000)));
    }

    private static String text(Config config, String key, String variable) {
        String value = config.get(key).asString().orElse("");
        if (value.isBlank()) {
            throw new ConfigurationException(variable + " must not be empty");
        }
        return value;
    }

    private static int positive(Config config, String key, String variable, int dflt) {
        String raw = config.get(key).asString().orElse(Integer.toString(dflt)).trim();
        try {
            int v = Integer.parseInt(raw);
            if (v < 1) {
                throw new ConfigurationException(variable + " must be at least 1, was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(variable + " must be a whole number, was '" + raw + "'");
        }
    }

    @Override
    public String toString() {
        return "DashboardSettings[credentials hidden, sessionIdle=" + sessionIdle + ", refresh=" + refresh + "]";
    }
}
