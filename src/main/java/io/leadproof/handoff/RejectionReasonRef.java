package io.leadproof.handoff;

/** A rejection reason code with the category it maps to at the moment of rejection. */
record RejectionReasonRef(String code, String category) {
}
