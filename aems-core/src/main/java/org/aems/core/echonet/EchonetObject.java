package org.aems.core.echonet;

/**
 * An ECHONET Lite object (EOJ, 3 bytes): class group, class and instance. For example 0x028801 is
 * instance 1 of the low-voltage smart electric energy meter (class group 0x02, class 0x88), and
 * 0x05FF01 the controller that asked it.
 */
public record EchonetObject(int classGroup, int classCode, int instance) {

    public EchonetObject {
        checkByte("class group", classGroup);
        checkByte("class", classCode);
        checkByte("instance", instance);
    }

    /** True when this object is of the class {@code classGroup}/{@code classCode}, whatever its instance. */
    public boolean isOfClass(int classGroup, int classCode) {
        return this.classGroup == classGroup && this.classCode == classCode;
    }

    /** The class part, e.g. {@code 0x0288}. */
    public String classHex() {
        return String.format("0x%02X%02X", classGroup, classCode);
    }

    /** As the specification writes it, e.g. {@code 0x028801}. */
    @Override
    public String toString() {
        return String.format("0x%02X%02X%02X", classGroup, classCode, instance);
    }

    private static void checkByte(String what, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("EOJ " + what + " code must be 0x00..0xFF, was " + value);
        }
    }
}
