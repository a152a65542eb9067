package io.tradeloom.dashboard.upstream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One piece of a page and where it came from, so the browser can say plainly why a panel is empty.
 *
 * @param state   {@code ok}; {@code down} (unreachable, too slow, 5xx, breaker open);
 *                {@code unavailable} (the service answers but does not serve this yet: 404);
 *                {@code error} (it refused the request: another 4xx)
 * @param service the module that answers it
 * @param problem why it is not ok, for the user
 * @param data    the service's answer when ok
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Panel(String state, String service, String problem, JsonNode data) {

    public static final String OK = "ok";
    public static final String DOWN = "down";
    public static final String UNAVAILABLE = "unavailable";
    public static final String ERROR = "error";

    public boolean ok() {
        return OK.equals(state);
    }
}
