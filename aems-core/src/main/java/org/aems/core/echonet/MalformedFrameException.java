package org.aems.core.echonet;

/**
 * A byte sequence that is not a usable ECHONET Lite frame. The message says where (byte offset in the
 * frame) and what was expected there, for the gateway's owner to fix the forwarding.
 */
public final class MalformedFrameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public MalformedFrameException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** The byte offset in the frame at which the problem was found. */
    public int offset() {
        return offset;
    }
}
