package io.leadproof.evidence.backtest;

import io.leadproof.evidence.core.Rate;

/**
 * The leads whose replayed total lies in [from, to): how many, how many decided, how many won, and
 * the win rate won / decided with its Wilson 95 % interval (null when none is decided). A score that
 * predicts shows rising win rates band by band: the calibration picture.
 */
public record ScoreBandOutcome(int from, int to, long leads, long decided, long won, Rate winRate) {
}
