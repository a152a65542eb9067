package io.tradeloom.broker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How the paper broker fills and charges.
 *
 * @param startingCash         the deposit that opens a new account
 * @param slippageBps          market and triggered stop orders fill this many basis points worse than the quote
 * @param commissionPerShare   charged on every filled share
 * @param commissionPerOrder   charged once, on an order's first fill
 * @param commissionBps        charged on every fill's notional
 * @param maxBarParticipation  the fraction of a bar's volume one order may take from that bar (partial fills)
 * @param limitToQuoteSize     whether a fill against a quote is capped at the quote's displayed size
 * @param marginMultiplier     1 for a cash account; up to 4 for intraday margin
 */
public record BrokerConfig(BigDecimal startingCash, BigDecimal slippageBps, BigDecimal commissionPerShare,
                           BigDecimal commissionPerOrder, BigDecimal commissionBps, BigDecimal maxBarParticipation,
                           boolean limitToQuoteSize, BigDecimal marginMultiplier) {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    public BrokerConfig {
        Objects.requireNonNull(startingCash, "startingCash");
        nonNegative("slippageBps", slippageBps);
        nonNegative("commissionPerShare", commissionPerShare);
        nonNegative("commissionPerOrder", commissionPerOrder);
        nonNegative("commissionBps", commissionBps);
        if (startingCash.signum() < 0) {
            throw new IllegalArgumentException("startingCash must not be negative");
        }
        if (maxBarParticipation.signum() <= 0 || maxBarParticipation.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("maxBarParticipation must be in (0, 1]");
        }
        if (marginMultiplier.compareTo(BigDecimal.ONE) < 0 || marginMultiplier.compareTo(BigDecimal.valueOf(4)) > 0) {
            throw new IllegalArgumentException("marginMultiplier must be from 1 to 4");
        }
    }

    /** $100,000, no slippage, no commission, 25% of a bar's volume, a cash account. */
    public static BrokerConfig defaults() {
        return new BrokerConfig(new BigDecimal("100000"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("0.25"), false, BigDecimal.ONE);
    }

    public BrokerConfig withCommission(BigDecimal perShare, BigDecimal perOrder, BigDecimal bps) {
        return new BrokerConfig(startingCash, slippageBps, perShare, perOrder, bps, maxBarParticipation,
                limitToQuoteSize, marginMultiplier);
    }

    public BrokerConfig withSlippageBps(BigDecimal bps) {
        return new BrokerConfig(startingCash, bps, commissionPerShare, commissionPerOrder, commissionBps,
                maxBarParticipation, limitToQuoteSize, marginMultiplier);
    }

    public BrokerConfig withStartingCash(BigDecimal cash) {
        return new BrokerConfig(cash, slippageBps, commissionPerShare, commissionPerOrder, commissionBps,
                maxBarParticipation, limitToQuoteSize, marginMultiplier);
    }

    public BrokerConfig withMarginMultiplier(BigDecimal multiplier) {
        return new BrokerConfig(startingCash, slippageBps, commissionPerShare, commissionPerOrder, commissionBps,
                maxBarParticipation, limitToQuoteSize, multiplier);
    }

    /** The commission on one fill, rounded half-up to the cent. */
    public BigDecimal commission(long qty, BigDecimal price, boolean firstFillOfOrder) {
        BigDecimal c = commissionPerShare.multiply(BigDecimal.valueOf(qty))
                .add(commissionBps.multiply(price).multiply(BigDecimal.valueOf(qty))
                        .divide(TEN_THOUSAND, 8, RoundingMode.HALF_UP));
        if (firstFillOfOrder) {
            c = c.add(commissionPerOrder);
        }
        return c.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code price} moved {@link #slippageBps} against the taker, to the 1/10,000 (rounded against it too). */
    public BigDecimal slip(BigDecimal price, Side side) {
        if (slippageBps.signum() == 0) {
            return price;
        }
        BigDecimal factor = side == Side.BUY ? TEN_THOUSAND.add(slippageBps) : TEN_THOUSAND.subtract(slippageBps);
        return price.multiply(factor).divide(TEN_THOUSAND, 4, side == Side.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    private static void nonNegative(String name, BigDecimal v) {
        Objects.requireNonNull(v, name);
        if (v.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
