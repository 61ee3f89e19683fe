package io.leadproof.common;

/** A read of a request that has already ended ({@link RequestReads}): nobody is there to read the answer. */
public final class RequestGone extends RuntimeException {

    RequestGone() {
        super("the request has ended", null, false, false);
    }

    /** Whether {@code failure} is, or was caused by, a read of an ended request. */
    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RequestGone) {
                return true;
            }
        }
        return false;
    }
}
