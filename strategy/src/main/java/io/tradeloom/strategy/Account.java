package io.tradeloom.strategy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The account as the strategy sizes against it.
 *
 * @param equity      the account's equity
 * @param buyingPower what may still be spent; {@code null} when unknown (no cap from it)
 */
public record Account(BigDecimal equity, BigDecimal buyingPower) {

    public Account {
        Objects.requireNonNull(equity, "equity");
    }
}
