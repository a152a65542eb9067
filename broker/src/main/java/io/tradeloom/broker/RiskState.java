package io.tradeloom.broker;

/** ACTIVE trades freely; REDUCING accepts only orders that shrink a position; HALTED accepts nothing. */
public enum RiskState {
    ACTIVE, REDUCING, HALTED
}
