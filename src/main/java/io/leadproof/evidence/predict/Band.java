package io.leadproof.evidence.predict;

/** Where a lead's probability falls among the training leads: the top 20 %, the next 30 %, the rest. */
public enum Band { HIGH, MEDIUM, LOW }
