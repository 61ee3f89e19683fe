package io.leadproof.lead;

/** A lifecycle transition the lead's current stage does not allow. */
public class IllegalLifecycleMove extends RuntimeException {

    public IllegalLifecycleMove(String message) {
        super(message, null, false, false);
    }
}
